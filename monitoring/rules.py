"""Who may do what with grantee reports, visits and evaluations of efficiency. The grantee's members see and
fill its reports; only its head submits. The monitoring officer reviews, plans and records visits; operator
staff and the auditor read. The customer's representatives evaluate the efficiency of their calls' grants; the
operator's monitoring officer scores the operator's side and publishes."""

import rules

from agreements.rules import is_head_of_grantee, is_member_of_grantee
from ngos.rules import belongs_to_any_ngo
from portal.rules import is_customer, is_monitoring_officer, is_operator_staff


def _grant_of(obj):
    return getattr(obj, "grant", obj)


@rules.predicate
def is_member_of_reporter(user, report):
    return report is not None and is_member_of_grantee(user, _grant_of(report))


@rules.predicate
def is_head_of_reporter(user, report):
    return report is not None and is_head_of_grantee(user, _grant_of(report))


@rules.predicate
def represents_customer(user, obj):
    """The user represents the state body that pays for the grant's call."""
    grant = _grant_of(obj)
    return bool(grant is not None and is_customer(user)
                and grant.call.customer.representatives.filter(pk=user.pk).exists())


rules.add_perm("monitoring.view_reports", is_operator_staff)
rules.add_perm("monitoring.view_report", is_operator_staff | is_member_of_reporter)
rules.add_perm("monitoring.edit_report", is_member_of_reporter)
rules.add_perm("monitoring.submit_report", is_head_of_reporter)
rules.add_perm("monitoring.review_report", is_monitoring_officer)
rules.add_perm("monitoring.view_own_reports", belongs_to_any_ngo)

rules.add_perm("monitoring.view_visits", is_operator_staff)
rules.add_perm("monitoring.view_visit", is_operator_staff | is_member_of_reporter)
rules.add_perm("monitoring.plan_visit", is_monitoring_officer)
rules.add_perm("monitoring.answer_follow_up", is_member_of_reporter)
rules.add_perm("monitoring.edit_checklist", is_monitoring_officer)

rules.add_perm("monitoring.evaluate_as_customer", represents_customer)
rules.add_perm("monitoring.evaluate_as_operator", is_monitoring_officer)
rules.add_perm("monitoring.view_evaluation", is_operator_staff | represents_customer)
rules.add_perm("monitoring.view_grant_monitoring", is_operator_staff | represents_customer | is_member_of_reporter)
