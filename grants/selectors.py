"""Every queryset a grants page shows, built so a page runs a fixed number of queries."""

from datetime import datetime
from decimal import Decimal

from django.db.models import Case, Count, Exists, F, IntegerField, OuterRef, Prefetch, Q, Sum, Value, When
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.formatting import number, tenge
from portal.translation import localized

from .choices import CallStatus, ClarificationStatus, CommentResolution, DirectionListStatus
from .models import (
    CalendarDay,
    Call,
    CallDocument,
    Clarification,
    CostJustificationLine,
    Customer,
    DeadlineExtension,
    DirectionComment,
    FiscalYear,
    Lot,
    LotIndicator,
    PriorityDirection,
    PriorityDirectionList,
)
from .workdays import WorkingCalendar, local_date

CLARIFICATION_WORKING_DAYS = 3

# Public order: open first, then announced, then closed, then cancelled.
RANK_OPEN, RANK_ANNOUNCED, RANK_CLOSED, RANK_CANCELLED = range(4)


def with_phase_rank(queryset, now: datetime):
    return queryset.annotate(
        phase_rank=Case(
            When(status=CallStatus.CANCELLED, then=Value(RANK_CANCELLED)),
            When(opens_at__gt=now, then=Value(RANK_ANNOUNCED)),
            When(closes_at__gt=now, then=Value(RANK_OPEN)),
            default=Value(RANK_CLOSED),
            output_field=IntegerField(),
        ),
    )


def calls_with_figures(queryset):
    return queryset.select_related("customer", "customer__region", "fiscal_year").annotate(
        lots_count=Count("lots"), total_budget=Sum("lots__budget")
    )


def announced_calls():
    """The calls the public lists show, without what the rows are annotated with (for counting)."""
    return Call.objects.filter(announced_at__isnull=False)


def public_calls(now: datetime | None = None):
    """Announced calls (cancelled ones too: their reason is public), open ones first."""
    now = now or timezone.now()
    queryset = with_phase_rank(Call.objects.filter(announced_at__isnull=False), now)
    return calls_with_figures(queryset).annotate(
        soonest=Case(
            When(phase_rank=RANK_OPEN, then=F("closes_at")),
            When(phase_rank=RANK_ANNOUNCED, then=F("opens_at")),
        ),
        latest=Case(When(phase_rank__gte=RANK_CLOSED, then=F("closes_at"))),
    ).order_by("phase_rank", F("soonest").asc(nulls_last=True), F("latest").desc(nulls_last=True), "-id")


def open_calls(now: datetime | None = None):
    now = now or timezone.now()
    return calls_with_figures(
        Call.objects.filter(status=CallStatus.ANNOUNCED, opens_at__lte=now, closes_at__gt=now)
    ).order_by("closes_at", "id")


def lots_in_order():
    return Lot.objects.select_related("region", "direction").order_by("position", "code")


def call_for_page(code: str):
    """The call with everything its page shows, or None."""
    return (
        Call.objects.select_related("customer", "customer__region", "fiscal_year")
        .prefetch_related(
            Prefetch("lots", queryset=lots_in_order()),
            Prefetch("documents", queryset=CallDocument.objects.order_by("kind", "uploaded_at", "id")),
            Prefetch("extensions", queryset=DeadlineExtension.objects.order_by("extended_at", "id")),
        )
        .filter(code=code)
        .first()
    )


def published_clarifications(call: Call):
    return (
        Clarification.objects.filter(call=call, status=ClarificationStatus.PUBLISHED)
        .select_related("lot")
        .order_by("published_at", "id")
    )


def clarifications_of_user(call: Call, user):
    """The questions the user's NGOs asked on this call, answered or not (private to them)."""
    if not user.is_authenticated:
        return Clarification.objects.none()
    return (
        Clarification.objects.filter(call=call, ngo__memberships__user=user)
        .select_related("ngo", "lot")
        .order_by("-asked_at")
    )


def lot_for_page(call_code: str, lot_code: str):
    return (
        Lot.objects.select_related(
            "call", "call__customer", "call__fiscal_year", "region", "direction", "direction__direction_list"
        )
        .prefetch_related(
            Prefetch("indicators", queryset=LotIndicator.objects.order_by("position", "id")),
            Prefetch("justification_lines", queryset=CostJustificationLine.objects.order_by("position", "id")),
        )
        .filter(call__code=call_code, code=lot_code)
        .first()
    )


def lot_for_edit(lot_id: int):
    return lot_for_page_queryset().filter(pk=lot_id).first()


def lot_for_page_queryset():
    return Lot.objects.select_related("call", "call__fiscal_year", "region", "direction").prefetch_related(
        Prefetch("indicators", queryset=LotIndicator.objects.order_by("position", "id")),
        Prefetch("justification_lines", queryset=CostJustificationLine.objects.order_by("position", "id")),
    )


def lots_for_publication_check(call: Call):
    return lot_for_page_queryset().filter(call=call).order_by("position", "code")


# --- Filters' choices --------------------------------------------------------------------------


def customers_with_public_calls():
    return Customer.objects.filter(
        Exists(Call.objects.filter(customer=OuterRef("pk"), announced_at__isnull=False))
    ).order_by(localized("name"))


def public_directions():
    return (
        PriorityDirection.objects.filter(direction_list__status=DirectionListStatus.APPROVED)
        .select_related("direction_list__customer", "direction_list__fiscal_year")
        .order_by("-direction_list__fiscal_year__year", "direction_list__customer__name_ru", "number")
    )


def public_years():
    return FiscalYear.objects.filter(
        Exists(Call.objects.filter(fiscal_year=OuterRef("pk"), announced_at__isnull=False))
    ).order_by("-year")


# --- Priority directions ----------------------------------------------------------------------


def public_direction_lists():
    return (
        PriorityDirectionList.objects.exclude(status=DirectionListStatus.DRAFT)
        .select_related("customer", "fiscal_year")
        .annotate(directions_count=Count("directions", distinct=True))
        .order_by("-fiscal_year__year", localized("customer__name"))
    )


def direction_list_for_page(pk: int, *, public: bool):
    queryset = PriorityDirectionList.objects.select_related("customer", "customer__region", "fiscal_year")
    if public:
        queryset = queryset.exclude(status=DirectionListStatus.DRAFT)
    comments = DirectionComment.objects.select_related("answered_by").order_by("created_at", "id")
    return (
        queryset.prefetch_related(
            Prefetch("directions", queryset=PriorityDirection.objects.order_by("number").prefetch_related(
                Prefetch("comments", queryset=comments)
            ))
        )
        .filter(pk=pk)
        .first()
    )


def staff_direction_lists():
    return (
        PriorityDirectionList.objects.select_related("customer", "fiscal_year")
        .annotate(
            directions_count=Count("directions", distinct=True),
            pending_comments=Count(
                "directions__comments", filter=Q(directions__comments__resolution=CommentResolution.PENDING)
            ),
        )
        .order_by("-fiscal_year__year", localized("customer__name"))
    )


# --- Staff -------------------------------------------------------------------------------------


def staff_calls(now: datetime | None = None):
    now = now or timezone.now()
    pending = Clarification.objects.filter(call=OuterRef("pk"), status=ClarificationStatus.PENDING)
    return (
        with_phase_rank(calls_with_figures(Call.objects.all()), now)
        .annotate(has_pending_questions=Exists(pending))
        .order_by(
            Case(When(status=CallStatus.DRAFT, then=Value(0)), default=Value(1)), "phase_rank", "-closes_at", "-id"
        )
    )


def clarification_due_dates(clarifications) -> dict[int, object]:
    """id → the last working day for an answer (3 working days after the day it was asked)."""
    clarifications = list(clarifications)
    if not clarifications:
        return {}
    first = min(local_date(c.asked_at) for c in clarifications)
    last = max(local_date(c.asked_at) for c in clarifications)
    calendar = WorkingCalendar.around(first, CLARIFICATION_WORKING_DAYS)
    calendar = WorkingCalendar(first, max(last, calendar.last))
    return {
        c.pk: calendar.add_working_days(local_date(c.asked_at), CLARIFICATION_WORKING_DAYS) for c in clarifications
    }


def pending_clarifications(call: Call | None = None):
    queryset = Clarification.objects.filter(
        status__in=[ClarificationStatus.PENDING, ClarificationStatus.ANSWERED]
    ).select_related("call", "ngo", "lot", "asked_by")
    if call is not None:
        queryset = queryset.filter(call=call)
    return queryset.order_by("asked_at", "id")


def flag_overdue(clarifications, now: datetime | None = None) -> list:
    """The clarifications with .due_on and .is_overdue set: unanswered after 3 working days."""
    now = now or timezone.now()
    clarifications = list(clarifications)
    due = clarification_due_dates(clarifications)
    today = local_date(now)
    for clarification in clarifications:
        clarification.due_on = due[clarification.pk]
        clarification.is_overdue = clarification.status == ClarificationStatus.PENDING and today > due[clarification.pk]
    return clarifications


def overdue_clarifications(now: datetime | None = None) -> list:
    pending = Clarification.objects.filter(status=ClarificationStatus.PENDING).select_related("call", "ngo")
    return [c for c in flag_overdue(pending.order_by("asked_at", "id"), now) if c.is_overdue]


def calendar_days(year: int):
    return CalendarDay.objects.filter(date__year=year).order_by("date")


# --- Home page ---------------------------------------------------------------------------------


def home() -> dict:
    now = timezone.now()
    calls = list(open_calls(now)[:6])
    totals = Lot.objects.filter(
        call__status=CallStatus.ANNOUNCED, call__opens_at__lte=now, call__closes_at__gt=now
    ).aggregate(lots=Count("id"), budget=Sum("budget"), calls=Count("call", distinct=True))
    figures = []
    if totals["calls"]:
        figures = [
            # The number stands apart from its label on the card; the label still agrees with it.
            {
                "value": number(totals["calls"]),
                "label": ngettext("call open for applications", "calls open for applications", totals["calls"]),
            },
            {
                "value": number(totals["lots"]),
                "label": ngettext("lot in open calls", "lots in open calls", totals["lots"]),
            },
            {"value": tenge(totals["budget"] or Decimal("0")), "label": _("on offer in open calls")},
        ]
    return {"figures": figures, "open_calls": calls}
