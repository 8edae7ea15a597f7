"""Every queryset the prize pages show, with what they read joined, so a page runs a fixed number of queries."""

from django.db.models import Count, Prefetch, Q

from ngos.selectors import listed_for_year
from portal import money

from .choices import CandidacyStatus, RoundStatus
from .models import Candidacy, Nomination, Proposal, Round


def _rounds():
    return Round.objects.select_related("fiscal_year")


def _nominations():
    # How many people proposed an NGO in each nomination: shown on the public page while the round is open.
    return Nomination.objects.annotate(
        proposal_count=Count("proposals", distinct=True),
        candidacy_count=Count("candidacies", filter=~Q(candidacies__status=CandidacyStatus.WITHDRAWN), distinct=True),
    ).order_by("number")


def staff_rounds():
    return _rounds().annotate(nomination_count=Count("nominations")).order_by("-fiscal_year__year")


def round_for_page(year: int) -> Round | None:
    """One round by its year, its nominations prefetched (with the round, so no nomination asks for it)."""
    prize_round = (
        _rounds().prefetch_related(Prefetch("nominations", queryset=_nominations())).filter(fiscal_year__year=year)
        .first()
    )
    if prize_round is not None:
        for nomination in prize_round.nominations.all():
            nomination.round = prize_round
    return prize_round


def nomination_for_page(year: int, number: int) -> Nomination | None:
    return (
        Nomination.objects.select_related("round__fiscal_year")
        .filter(round__fiscal_year__year=year, number=number).first()
    )


def public_rounds():
    """Announced rounds, newest year first, with the figures the index shows."""
    return (
        _rounds().exclude(status=RoundStatus.DRAFT).filter(announced_at__isnull=False)
        .annotate(nomination_count=Count("nominations"))
        .order_by("-fiscal_year__year")
    )


def current_round() -> Round | None:
    """The round the index leads with: the newest announced round not yet published."""
    prize_round = (
        public_rounds().filter(status__in=[RoundStatus.ANNOUNCED, RoundStatus.UNDER_REVIEW, RoundStatus.DECIDED])
        .first()
    )
    return round_for_page(prize_round.year) if prize_round else None


def past_rounds():
    """Rounds whose council decision is published, newest first (their winners come with the decision)."""
    return public_rounds().filter(status=RoundStatus.PUBLISHED)


def nominations_total(prize_round: Round):
    """How much the nominations promise in all: Σ awards × amount, to compare with the fund."""
    return money.total(nomination.total for nomination in prize_round.nominations.all())


def round_taken(year_id: int, exclude_pk=None) -> bool:
    return Round.objects.filter(Q(fiscal_year_id=year_id) & ~Q(pk=exclude_pk)).exists()



# --- Candidacies and proposals ------------------------------------------------------------------------


def _candidacies():
    return Candidacy.objects.select_related("round__fiscal_year", "nomination", "ngo", "ngo__region")


def candidacies_of(ngo):
    return _candidacies().filter(ngo=ngo).order_by("-submitted_at")


def candidacy_for_page(pk: int) -> Candidacy | None:
    return _candidacies().select_related("proposal", "submitted_by").filter(pk=pk).first()


def proposals_about(ngo):
    """Proposals made for this NGO, with the candidacy each became (if any); proposers stay unnamed here."""
    return (
        Proposal.objects.filter(ngo=ngo).select_related("round__fiscal_year", "nomination", "candidacy")
        .order_by("-created_at")
    )


def public_proposals(prize_round: Round):
    """The proposals of a round for its public page: which NGO, in which nomination, why (not by whom)."""
    return (
        Proposal.objects.filter(round=prize_round).select_related("ngo", "nomination")
        .order_by("nomination__number", "-created_at")
    )


def staff_candidacies(prize_round: Round):
    """A round's candidacies with the NGO database facts eligibility rests on (listed the year before, flags)."""
    return (
        _candidacies().filter(round=prize_round).annotate(listed=listed_for_year(prize_round.year - 1))
        .order_by("nomination__number", "number")
    )
