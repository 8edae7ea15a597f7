"""Who may do what with awarded grants. An NGO's members see its grants (bank details included); only its head
signs, enters bank details or declines. Operator staff read every grant; authorised staff (call managers and
operator administrators) sign for the operator; the finance officer records payments; the operator
administrator terminates an agreement. The auditor reads only."""

import rules

from ngos.rules import belongs_to_any_ngo, is_ngo_head, is_ngo_member
from portal.rules import is_call_manager, is_finance_officer, is_operator_admin, is_operator_staff


@rules.predicate
def is_member_of_grantee(user, grant):
    return grant is not None and is_ngo_member(user, grant.ngo)


@rules.predicate
def is_head_of_grantee(user, grant):
    return grant is not None and is_ngo_head(user, grant.ngo)


is_operator_signatory = is_call_manager | is_operator_admin

rules.add_perm("agreements.view_grants", is_operator_staff)
rules.add_perm("agreements.view_grant", is_operator_staff | is_member_of_grantee)
rules.add_perm("agreements.sign_for_ngo", is_head_of_grantee)
rules.add_perm("agreements.decline_grant", is_head_of_grantee)
rules.add_perm("agreements.sign_for_operator", is_operator_signatory)
rules.add_perm("agreements.release_tranche", is_finance_officer | is_operator_admin)
rules.add_perm("agreements.record_payment", is_finance_officer)
rules.add_perm("agreements.terminate_grant", is_operator_admin)
rules.add_perm("agreements.request_amendment", is_head_of_grantee)
rules.add_perm("agreements.decide_amendment", is_operator_signatory)

rules.add_perm("agreements.view_own_grants", belongs_to_any_ngo)
