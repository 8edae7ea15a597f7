"""The agreements' due dates (portal.reminders): an agreement waiting for a signature by its sign-by date, and a
tranche due and not paid, to the finance officers."""

from datetime import timedelta

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from grants.reminders import end_of, staff
from grants.workdays import WorkingCalendar, local_date
from ngos.choices import MemberRole
from ngos.models import Membership
from portal.choices import StaffRole
from portal.reminders import Due, Kind

from .choices import AgreementStatus, GrantStatus, TrancheStatus
from .models import Grant, Tranche

# The operator pays a tranche within this many working days of its becoming due (its condition met).
PAYMENT_WORKING_DAYS = 10


def signatures(start, end):
    """Awarded grants whose agreement is not signed by both parties: the NGO's head while the NGO has to
    enter its bank details or sign, the operator's signatories once the NGO has signed; until it is signed
    (or the grant declined)."""
    grants = Grant.objects.filter(
        status=GrantStatus.AWARDED, sign_by__gte=local_date(start) - timedelta(days=1),
        sign_by__lt=local_date(end) + timedelta(days=1),
    ).exclude(agreement__status=AgreementStatus.SIGNED).select_related("agreement", "ngo").prefetch_related(
        Prefetch("ngo__memberships", queryset=Membership.objects.filter(role=MemberRole.HEAD).select_related("user"))
    )
    operator = None
    for grant in grants:
        deadline = end_of(grant.sign_by)
        if not start <= deadline < end:
            continue
        if grant.agreement.status == AgreementStatus.NGO_SIGNED:
            if operator is None:
                operator = staff(StaffRole.CALL_MANAGER) + staff(StaffRole.OPERATOR_ADMIN)
            recipients = operator
        else:
            recipients = [m.user for m in grant.ngo.memberships.all()]
        yield Due(
            obj=grant.agreement, deadline=deadline, recipients=recipients,
            link=("agreements:grant", {"number": grant.number}),
            about=lambda g=grant: _("grant agreement %(number)s: %(status)s")
            % {"number": g.number, "status": g.agreement.get_status_display()},
        )


def tranches(start, end):
    """Tranches due (their condition met) and not paid in full, PAYMENT_WORKING_DAYS after they became due: the
    finance officers, until the payment is recorded."""
    due = list(Tranche.objects.filter(
        status=TrancheStatus.DUE, due_since__gte=start - timedelta(days=PAYMENT_WORKING_DAYS * 3 + 31),
        due_since__lt=end,
    ).select_related("grant"))
    if not due:
        return
    first = min(local_date(t.due_since) for t in due)
    calendar = WorkingCalendar(first, max(local_date(t.due_since) for t in due) + timedelta(days=60))
    officers = staff(StaffRole.FINANCE_OFFICER)
    for tranche in due:
        deadline = end_of(calendar.add_working_days(local_date(tranche.due_since), PAYMENT_WORKING_DAYS))
        if start <= deadline < end:
            yield Due(
                obj=tranche, deadline=deadline, recipients=officers,
                link=("agreements:grant", {"number": tranche.grant.number}),
                about=lambda t=tranche: _("tranche %(position)s of grant %(number)s, %(amount)s ₸, is not paid")
                % {"position": t.position, "number": t.grant.number, "amount": t.amount},
            )


KINDS = [
    Kind("agreements.signature_due", _("grant agreement waiting for a signature"), signatures,
         audience=_("the NGO's head, then the operator's signatories")),
    Kind("agreements.tranche_due", _("tranche due and not paid"), tranches, offsets=(-1, 0, 1, 7),
         audience=_("finance officers")),
]
