"""Reads for screening and its published conclusion: fixed query counts whatever the number of applications."""

from django.db.models import Count, Prefetch, Q

from grants.applications.choices import ApplicationStatus
from grants.applications.selectors import latest_submissions
from grants.models import Application, Call

from .choices import ScreeningDecision
from .models import Screening, ScreeningCheck, ScreeningConclusion

S = ApplicationStatus
SCREENED = (S.ADMITTED, S.NOT_ADMITTED, S.UNDER_EVALUATION, S.WINNER, S.RESERVE, S.NOT_FUNDED)


def calls_for_screening():
    """Calls that received applications, latest deadline first, with their counts and conclusion."""
    return (
        Call.objects.filter(lots__applications__registration_number__gt="")
        .select_related("customer", "fiscal_year", "screening_conclusion")
        .annotate(
            submitted_count=Count("lots__applications", filter=Q(lots__applications__status=S.SUBMITTED)),
            screened_count=Count("lots__applications", filter=Q(lots__applications__status__in=SCREENED)),
            withdrawn_count=Count("lots__applications", filter=Q(lots__applications__status=S.WITHDRAWN)),
        )
        .order_by("-closes_at", "-id")
    )


def _checks():
    return Prefetch("screening__checks", queryset=ScreeningCheck.objects.order_by("position"))


def call_applications(call):
    """Every application of the call that was ever submitted, with its screening, by registration number."""
    return (
        Application.objects.filter(lot__call=call, registration_number__gt="")
        .select_related("lot", "ngo", "ngo__region", "screening")
        .prefetch_related("budget_lines", latest_submissions(), _checks())
        .order_by("sequence", "id")
    )


def screening_of(application) -> Screening | None:
    return (
        Screening.objects.filter(application=application)
        .select_related("submission", "started_by", "decided_by")
        .prefetch_related(Prefetch("checks", queryset=ScreeningCheck.objects.select_related("checked_by")))
        .first()
    )


def undecided_count(call) -> int:
    """Submitted applications still waiting for a decision (a withdrawn one needs none)."""
    return Application.objects.filter(lot__call=call, status=S.SUBMITTED).count()


def conclusion_entries(call):
    """What the conclusion lists: every screened application with its decision, checks and reasons."""
    return (
        Application.objects.filter(lot__call=call, screening__decision__in=[ScreeningDecision.ADMITTED,
                                                                            ScreeningDecision.NOT_ADMITTED])
        .select_related("lot", "ngo", "screening")
        .prefetch_related(_checks())
        .order_by("sequence", "id")
    )


def published_conclusions():
    return ScreeningConclusion.objects.select_related("call", "call__customer", "call__fiscal_year").order_by(
        "-published_at", "-id"
    )


def conclusion_of(call_code: str) -> ScreeningConclusion | None:
    return published_conclusions().filter(call__code=call_code).first()
