"""The grant's state table and lock, shared by the award, signing and payment services."""

from portal.workflow import transition

from ..choices import GrantStatus
from ..models import Grant

S = GrantStatus

# (from, to): the audit action. Anything not here is refused.
GRANT_TRANSITIONS = {
    (S.AWARDED, S.AGREEMENT_SIGNED): "grant_agreement_signed",
    (S.AWARDED, S.DECLINED): "grant_declined",
    (S.AGREEMENT_SIGNED, S.IN_PROGRESS): "grant_started",
    (S.IN_PROGRESS, S.COMPLETED): "grant_completed",
    (S.AGREEMENT_SIGNED, S.TERMINATED): "grant_terminated",
    (S.IN_PROGRESS, S.TERMINATED): "grant_terminated",
}


def lock_grant(grant: Grant) -> Grant:
    # of=("self",): lock the grant only, never its lot, NGO or application.
    return Grant.objects.select_for_update(of=("self",)).select_related("lot", "ngo", "application").get(pk=grant.pk)


def grant_start(*, grant: Grant, actor) -> Grant:
    """The first money is paid: the project is under way (inside the payment's transaction)."""
    grant = lock_grant(grant)
    if grant.status == S.AGREEMENT_SIGNED:
        transition(grant, to=S.IN_PROGRESS, table=GRANT_TRANSITIONS, actor=actor)
    return grant
