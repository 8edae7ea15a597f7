"""Candidacies and public proposals: eligibility, submission with a receipt, withdrawal that keeps history.

Only NGOs listed in the NGO database for the year before the round, with no eligibility flag set (liquidation,
bankruptcy, suspension), may apply; a refusal names each condition that fails.
"""

import hashlib
import json
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ngos.choices import MemberRole
from ngos.models import Membership
from ngos.rules import is_ngo_head
from ngos.selectors import is_listed_for_year
from portal import audit
from portal.formatting import astana_time
from portal.workflow import transition

from .. import notifications
from ..choices import CandidacyStatus
from ..models import Candidacy, Nomination, Proposal, Round

CANDIDACY_TRANSITIONS = {
    (CandidacyStatus.SUBMITTED, CandidacyStatus.WITHDRAWN): "candidacy_withdrawn",
}
CONTENT_FIELDS = ["language", "activities", "results", "links", "support_letters"]


def eligibility_problems(ngo, prize_round: Round, *, listed: bool | None = None) -> list[str]:
    """Why this NGO may not apply in the round; empty when it may. `listed` when a list already read it."""
    problems = []
    previous = prize_round.year - 1
    if not (is_listed_for_year(ngo, previous) if listed is None else listed):
        problems.append(_("The NGO is not listed in the NGO database for %(year)s: its yearly report for %(year)s "
                          "has not been submitted.") % {"year": previous})
    for flag in ngo.active_flags():
        problems.append(_("The NGO is marked “%(flag)s” in the NGO database.") % {"flag": flag["label"]})
    return problems


def _require_open(prize_round: Round, now: datetime) -> None:
    if not prize_round.is_accepting_at(now):
        raise ValidationError(
            _("The round accepts applications from %(opens)s until %(closes)s.") % {
                "opens": astana_time(prize_round.opens_at), "closes": astana_time(prize_round.closes_at),
            },
            code="closed",
        )


def content_hash(content: dict) -> str:
    """SHA-256 of the candidacy's content as canonical JSON: what the receipt proves was submitted."""
    data = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    return hashlib.sha256(data).hexdigest()


@transaction.atomic
def candidacy_submit(
    *, actor, nomination: Nomination, ngo, proposal: Proposal | None = None, now: datetime | None = None,
    **content,
) -> Candidacy:
    now = now or timezone.now()
    prize_round = Round.objects.select_for_update().select_related("fiscal_year").get(pk=nomination.round_id)
    if not is_ngo_head(actor, ngo):
        raise ValidationError(_("Only the head of the NGO may apply for a state award."), code="not_head")
    _require_open(prize_round, now)
    problems = eligibility_problems(ngo, prize_round)
    if problems:
        raise ValidationError(problems, code="ineligible")
    live = Candidacy.objects.filter(nomination=nomination, ngo=ngo).exclude(status=CandidacyStatus.WITHDRAWN)
    if live.exists():
        raise ValidationError(_("The NGO has already applied in this nomination."), code="duplicate")
    if proposal is not None and (proposal.ngo_id != ngo.pk or proposal.nomination_id != nomination.pk):
        raise ValidationError(_("This proposal is for another NGO or nomination."), code="proposal")
    # The window is checked on the exact clock above; the receipt states the time to the second.
    submitted_at = now.replace(microsecond=0)
    fields = {name: (content.get(name) or "").strip() for name in CONTENT_FIELDS}
    # The round's row lock serialises submissions: the count is the next number, without gaps.
    sequence = Candidacy.objects.filter(round=prize_round).count() + 1
    number = f"SA-{prize_round.year}-{sequence:04d}"
    hashed = content_hash({**fields, "nomination": nomination.number, "ngo": ngo.bin, "number": number,
                           "submitted_at": submitted_at.isoformat()})
    candidacy = Candidacy.objects.create(
        round=prize_round, nomination=nomination, ngo=ngo, proposal=proposal, number=number, submitted_at=submitted_at,
        submitted_by=actor, content_sha256=hashed, **fields,
    )
    audit.record(actor=actor, obj=candidacy, action="candidacy_submitted", to_state=candidacy.status,
                 data={"number": number, "sha256": hashed})
    return candidacy


@transaction.atomic
def candidacy_withdraw(*, actor, candidacy: Candidacy, reason: str, now: datetime | None = None) -> Candidacy:
    """The head takes the candidacy back before the deadline; it stays in the history with its reason."""
    now = now or timezone.now()
    if not is_ngo_head(actor, candidacy.ngo):
        raise ValidationError(_("Only the head of the NGO may withdraw its candidacy."), code="not_head")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Give the reason for withdrawing the candidacy."), code="reason")
    _require_open(candidacy.round, now)
    candidacy.withdrawn_at, candidacy.withdrawal_reason = now, reason
    transition(candidacy, to=CandidacyStatus.WITHDRAWN, table=CANDIDACY_TRANSITIONS, actor=actor, note=reason,
               update_fields=["withdrawn_at", "withdrawal_reason"])
    return candidacy


@transaction.atomic
def proposal_create(*, actor, nomination: Nomination, ngo, reason: str, now: datetime | None = None) -> Proposal:
    now = now or timezone.now()
    prize_round = Round.objects.select_related("fiscal_year").get(pk=nomination.round_id)
    _require_open(prize_round, now)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why this NGO deserves the award.")})
    if Proposal.objects.filter(nomination=nomination, ngo=ngo, proposed_by=actor).exists():
        raise ValidationError(_("You have already proposed this NGO in this nomination."), code="duplicate")
    proposal = Proposal.objects.create(round=prize_round, nomination=nomination, ngo=ngo, proposed_by=actor,
                                       reason=reason, created_at=now)
    audit.record(actor=actor, obj=proposal, action="proposal_made", note=reason)
    heads = [m.user for m in Membership.objects.filter(ngo=ngo, role=MemberRole.HEAD).select_related("user")]
    notifications.tell_heads_of_proposal(proposal, heads)
    return proposal
