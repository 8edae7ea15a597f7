"""Who may do what with an application. Members of the applicant NGO edit; only its head submits and
withdraws; staff read what was submitted; nobody else learns that the application exists."""

import rules

from ngos.rules import is_ngo_head, is_ngo_member
from portal.rules import is_operator_staff

from .choices import EDITABLE_STATUSES, ApplicationStatus


@rules.predicate
def is_applicant_member(user, application):
    return application is not None and is_ngo_member(user, application.ngo)


@rules.predicate
def is_applicant_head(user, application):
    return application is not None and is_ngo_head(user, application.ngo)


@rules.predicate
def is_editable(user, application):
    return application is not None and application.status in EDITABLE_STATUSES


@rules.predicate
def is_submitted(user, application):
    return application is not None and application.status == ApplicationStatus.SUBMITTED


@rules.predicate
def applicant_is_verified(user, application):
    return application is not None and application.ngo.is_verified


@rules.predicate
def was_submitted(user, application):
    """Staff see an application once it is submitted; a draft (or one withdrawn to be redone) is the NGO's own."""
    return application is not None and application.status not in EDITABLE_STATUSES


@rules.predicate
def is_member_of_verified_ngo(user, ngo):
    return ngo is not None and ngo.is_verified and is_ngo_member(user, ngo)


rules.add_perm("grants.view_application", is_applicant_member | (is_operator_staff & was_submitted))
rules.add_perm("grants.edit_application", is_applicant_member & applicant_is_verified & is_editable)
rules.add_perm("grants.submit_application", is_applicant_head & applicant_is_verified & is_editable)
rules.add_perm("grants.withdraw_application", is_applicant_head & is_submitted)
# The object is the NGO that would apply.
rules.add_perm("grants.start_application", is_member_of_verified_ngo)
rules.add_perm("grants.list_submitted_applications", is_operator_staff)
