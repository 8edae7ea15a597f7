"""Who may do what with appeals: the applicant NGO's head files; the appeals commission (the operator
administrators and the staff they designated) reviews; the NGO's members and operator staff read."""

import rules

from ngos.rules import is_ngo_head, is_ngo_member
from portal.rules import is_operator_admin, is_operator_staff


@rules.predicate
def is_designated_member(user):
    if not user or not user.is_authenticated:
        return False
    cached = getattr(user, "_demeu_appeals_seat", None)
    if cached is None:
        from .models import CommissionMember

        cached = CommissionMember.objects.filter(user=user).exists()
        user._demeu_appeals_seat = cached
    return cached


is_appeals_commission = is_operator_admin | (is_operator_staff & is_designated_member)


@rules.predicate
def is_head_of_applicant(user, application):
    return application is not None and is_ngo_head(user, application.ngo)


@rules.predicate
def is_member_of_appellant(user, appeal):
    return appeal is not None and is_ngo_member(user, appeal.application.ngo)


rules.add_perm("appeals.file_appeal", is_head_of_applicant)
rules.add_perm("appeals.view_appeal", is_member_of_appellant | is_operator_staff)
rules.add_perm("appeals.view_appeals", is_operator_staff)
rules.add_perm("appeals.review_appeal", is_appeals_commission)
rules.add_perm("appeals.manage_commission", is_operator_admin)
