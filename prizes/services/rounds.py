"""Award rounds and their nominations: create and edit drafts, announce, start the review.

Open and closed are not written anywhere: they follow from opens_at and closes_at (Round.phase_at), as
for calls. Every stored change goes through the table below and portal.workflow.transition().
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit, money
from portal.formatting import astana_time, tenge
from portal.translation import missing_official
from portal.workflow import transition

from ..choices import MAX_NOMINATIONS, SPHERES_2017, RoundStatus
from ..models import Nomination, Round

TRANSITIONS = {
    (RoundStatus.DRAFT, RoundStatus.ANNOUNCED): "round_announced",
    (RoundStatus.ANNOUNCED, RoundStatus.UNDER_REVIEW): "round_review_started",
    (RoundStatus.UNDER_REVIEW, RoundStatus.DECIDED): "round_decided",
    (RoundStatus.DECIDED, RoundStatus.PUBLISHED): "round_published",
}

ROUND_FIELDS = [
    "fiscal_year", "description_kk", "description_ru", "description_en", "opens_at", "closes_at",
    "min_award_mci", "fund",
]
NOMINATION_FIELDS = [
    "title_kk", "title_ru", "title_en", "description_kk", "description_ru", "description_en", "awards", "amount",
]


def _lock(prize_round: Round) -> Round:
    return Round.objects.select_for_update().select_related("fiscal_year").get(pk=prize_round.pk)


def _round_errors(fields: dict, prize_round: Round | None = None) -> dict:
    errors = {}
    year = fields.get("fiscal_year", prize_round.fiscal_year if prize_round else None)
    taken = Round.objects.filter(fiscal_year=year).exclude(pk=prize_round.pk if prize_round else None)
    if year is not None and taken.exists():
        errors["fiscal_year"] = _("The awards of %(year)s already have a round.") % {"year": year.year}
    opens_at = fields.get("opens_at", prize_round.opens_at if prize_round else None)
    closes_at = fields.get("closes_at", prize_round.closes_at if prize_round else None)
    if opens_at and closes_at and closes_at <= opens_at:
        errors["closes_at"] = _("Applications must close after they open.")
    return errors


def _only_in_draft(prize_round: Round) -> None:
    if prize_round.status != RoundStatus.DRAFT:
        raise ValidationError(_("An announced round cannot be changed: its terms are public."), code="announced")


@transaction.atomic
def round_create(*, actor, with_default_nominations: bool = False, **fields) -> Round:
    errors = _round_errors(fields)
    if errors:
        raise ValidationError(errors)
    prize_round = Round(created_by=actor, **{name: fields[name] for name in ROUND_FIELDS if name in fields})
    prize_round.fund = money.to_tiyn(prize_round.fund)
    prize_round.save()
    audit.record(actor=actor, obj=prize_round, action="round_created", to_state=prize_round.status)
    if with_default_nominations:
        nominations_add_defaults(actor=actor, prize_round=prize_round)
    return prize_round


@transaction.atomic
def round_update(*, actor, prize_round: Round, **fields) -> Round:
    prize_round = _lock(prize_round)
    _only_in_draft(prize_round)
    errors = _round_errors(fields, prize_round)
    if errors:
        raise ValidationError(errors)
    for name in ROUND_FIELDS:
        if name in fields:
            setattr(prize_round, name, fields[name])
    prize_round.fund = money.to_tiyn(prize_round.fund)
    prize_round.save()
    audit.record(actor=actor, obj=prize_round, action="round_changed")
    return prize_round


def publication_problems(prize_round: Round, *, now: datetime | None = None) -> list[str]:
    """Everything that stops the round from being announced; empty when it may be."""
    now = now or timezone.now()
    problems = []
    missing = missing_official(prize_round, ["description"])
    if "description_kk" in missing:
        problems.append(_("The round has no description in Kazakh."))
    if "description_ru" in missing:
        problems.append(_("The round has no description in Russian."))
    if prize_round.closes_at <= now:
        problems.append(_("The deadline %(deadline)s has already passed.") % {
            "deadline": astana_time(prize_round.closes_at)
        })
    nominations = list(prize_round.nominations.order_by("number"))
    if not nominations:
        problems.append(_("The round has no nominations."))
    minimum = prize_round.min_award
    for nomination in nominations:
        if missing_official(nomination, ["title"]):
            problems.append(_("Nomination %(number)s has no title in Kazakh or Russian.") % {
                "number": nomination.number
            })
        if nomination.amount < minimum:
            problems.append(
                _("Nomination %(number)s: an award of %(amount)s is below the minimum of %(mci)s MCI, %(minimum)s.")
                % {"number": nomination.number, "amount": tenge(nomination.amount),
                   "mci": prize_round.min_award_mci, "minimum": tenge(minimum)}
            )
    promised = money.total(nomination.total for nomination in nominations)
    if promised > prize_round.fund:
        problems.append(_("The nominations promise %(promised)s, more than the fund of %(fund)s.") % {
            "promised": tenge(promised), "fund": tenge(prize_round.fund),
        })
    return problems


@transaction.atomic
def round_announce(*, actor, prize_round: Round, now: datetime | None = None) -> Round:
    now = now or timezone.now()
    prize_round = _lock(prize_round)
    if prize_round.status != RoundStatus.DRAFT:
        raise ValidationError(_("This round is already announced."), code="transition")
    problems = publication_problems(prize_round, now=now)
    if problems:
        raise ValidationError(problems, code="incomplete")
    prize_round.announced_at = now
    transition(prize_round, to=RoundStatus.ANNOUNCED, table=TRANSITIONS, actor=actor, update_fields=["announced_at"])
    return prize_round


@transaction.atomic
def round_start_review(*, actor, prize_round: Round, now: datetime | None = None) -> Round:
    """From closed to under review: only once the clock has closed the window, never while NGOs may apply."""
    now = now or timezone.now()
    prize_round = _lock(prize_round)
    if prize_round.status == RoundStatus.ANNOUNCED and prize_round.closes_at > now:
        raise ValidationError(
            _("Applications are accepted until %(deadline)s: the review starts after the deadline.")
            % {"deadline": astana_time(prize_round.closes_at)},
            code="too_early",
        )
    transition(prize_round, to=RoundStatus.UNDER_REVIEW, table=TRANSITIONS, actor=actor)
    from .review import criteria_add_defaults

    criteria_add_defaults(prize_round=prize_round)
    return prize_round


# --- Nominations ---------------------------------------------------------------------------------


def _next_number(prize_round: Round) -> int:
    numbers = set(prize_round.nominations.values_list("number", flat=True))
    if len(numbers) >= MAX_NOMINATIONS:
        raise ValidationError(
            _("A round has at most %(max)s nominations.") % {"max": MAX_NOMINATIONS}, code="too_many"
        )
    return min(set(range(1, MAX_NOMINATIONS + 1)) - numbers)


@transaction.atomic
def nomination_add(*, actor, prize_round: Round, **fields) -> Nomination:
    prize_round = _lock(prize_round)
    _only_in_draft(prize_round)
    nomination = Nomination(round=prize_round, number=_next_number(prize_round),
                            **{name: fields[name] for name in NOMINATION_FIELDS if name in fields})
    nomination.amount = money.to_tiyn(nomination.amount)
    nomination.save()
    audit.record(actor=actor, obj=prize_round, action="nomination_added", note=str(nomination.number))
    return nomination


@transaction.atomic
def nomination_update(*, actor, nomination: Nomination, **fields) -> Nomination:
    _only_in_draft(_lock(nomination.round))
    for name in NOMINATION_FIELDS:
        if name in fields:
            setattr(nomination, name, fields[name])
    nomination.amount = money.to_tiyn(nomination.amount)
    nomination.save()
    audit.record(actor=actor, obj=nomination.round, action="nomination_changed", note=str(nomination.number))
    return nomination


@transaction.atomic
def nomination_delete(*, actor, nomination: Nomination) -> None:
    prize_round = _lock(nomination.round)
    _only_in_draft(prize_round)
    number = nomination.number
    nomination.delete()
    audit.record(actor=actor, obj=prize_round, action="nomination_deleted", note=str(number))


@transaction.atomic
def nominations_add_defaults(*, actor, prize_round: Round) -> list[Nomination]:
    """The spheres of 2017, one award of the minimum amount each, on the free numbers (at most 15 in all)."""
    prize_round = _lock(prize_round)
    _only_in_draft(prize_round)
    taken = {title for title in prize_round.nominations.values_list("title_ru", flat=True)}
    added = []
    for title_kk, title_ru in SPHERES_2017:
        if title_ru in taken or prize_round.nominations.count() >= MAX_NOMINATIONS:
            continue
        added.append(nomination_add(
            actor=actor, prize_round=prize_round, title_kk=title_kk, title_ru=title_ru, awards=1,
            amount=prize_round.min_award,
        ))
    return added
