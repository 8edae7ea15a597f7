"""Every queryset the monitoring pages show, with what they need joined (a fixed number of queries per page),
and what the public may read of a grant's results (the reports app's grant page reads these)."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.utils import timezone

from agreements.selectors import budget_in_force
from grants.applications.choices import BudgetCategory
from grants.workdays import local_date
from ngos.rules import member_roles
from portal import money
from portal.formatting import ASTANA

from . import finance
from .choices import Criterion, EvaluatorSide, FindingResult, ReportStatus, Section
from .models import (
    EfficiencyEvaluation,
    FollowUp,
    GrantReport,
    MonitoringVisit,
    ReportFile,
    ReportSubmission,
    VisitFinding,
)

# Still waiting for a submission: late once the due date has passed.
OPEN = (ReportStatus.DUE, ReportStatus.DRAFT)
EDITABLE = (ReportStatus.DUE, ReportStatus.DRAFT, ReportStatus.CHANGES_REQUESTED)


def deadline_of(due_on: date) -> datetime:
    """The first moment a report due on that day is late: the next midnight, Astana time."""
    return datetime.combine(due_on + timedelta(days=1), time(0), tzinfo=ASTANA)


def is_late(report, today: date | None = None) -> bool:
    return report.status in OPEN and (today or local_date(timezone.now())) > report.due_on


def _reports():
    return GrantReport.objects.select_related("grant__ngo", "grant__call", "grant__lot")


def staff_queue(*, status: str = "", late: bool = False, query: str = ""):
    """The monitoring officer's queue: submitted reports first (oldest waiting first), then the rest by due date."""
    reports = _reports().annotate(
        waiting=Q(status=ReportStatus.SUBMITTED),
    ).prefetch_related(Prefetch("submissions", queryset=ReportSubmission.objects.order_by("round")))
    if status:
        reports = reports.filter(status=status)
    if late:
        reports = reports.filter(status__in=OPEN, due_on__lt=local_date(timezone.now()))
    if query:
        reports = reports.filter(Q(grant__number__icontains=query) | Q(grant__title__icontains=query)
                                 | Q(grant__ngo__name_kk__icontains=query) | Q(grant__ngo__name_ru__icontains=query))
    return reports.order_by("-waiting", "due_on", "pk")


def reports_of_user(user):
    """The reports of every NGO the user belongs to, the next due first."""
    return _reports().filter(grant__ngo_id__in=list(member_roles(user))).order_by("due_on", "pk")


def report_page(pk: int):
    files = ReportFile.objects.select_related("uploaded_by").order_by("section", "position", "line", "pk")
    submissions = ReportSubmission.objects.select_related("submitted_by", "review__reviewer").order_by("round")
    return (_reports().select_related("saved_by", "grant__application")
            .prefetch_related(Prefetch("files", queryset=files), Prefetch("submissions", queryset=submissions),
                              "grant__budget_versions", "grant__tranches")
            .filter(pk=pk))


def latest_review(report):
    """The review of the last round, if it was reviewed (its comments stand beside the fields)."""
    rounds = list(report.submissions.all())
    if not rounds:
        return None
    return getattr(rounds[-1], "review", None)


def files_by_place(report) -> dict:
    """{(section, position or line): [files]} for the fields' evidence lists."""
    found: dict = {}
    for item in report.files.all():
        found.setdefault((item.section, item.position if item.line == "" else item.line), []).append(item)
    return found


def budget_of(report, on: date | None = None) -> dict:
    version = budget_in_force(report.grant, on or local_date(timezone.now()))
    return dict(version.by_category) if version else dict(report.grant.budget)


def finance_lines(report, figures: dict | None = None, on: date | None = None) -> list:
    figures = figures if figures is not None else (report.content.get(Section.FINANCE) or {}).get("lines", {})
    return finance.lines(budget_of(report, on), figures, dict(BudgetCategory.choices))


def indicator_rows(report, content: dict | None = None) -> list[dict]:
    """Every indicator of the agreement with its target and what the report says was achieved."""
    content = content if content is not None else report.content
    typed = (content.get(Section.INDICATORS) or {}).get("rows", [])
    rows = []
    for position, indicator in enumerate(report.grant.indicators):
        values = typed[position] if position < len(typed) else {}
        rows.append({"position": position, "indicator": indicator, **values,
                     "share": achievement(indicator.get("target"), values.get("total"))})
    return rows


def achievement(target, achieved) -> Decimal | None:
    """Achieved against target, in percent (capped at 100: more than planned is the plan met), or None."""
    try:
        target, achieved = Decimal(str(target)), Decimal(str(achieved))
    except (ArithmeticError, ValueError, TypeError):
        return None
    if target <= 0:
        return None
    return min(money.percent_of(achieved, target), Decimal("100.00"))


def achievement_share(report) -> Decimal | None:
    """The mean of the indicators' achievement, computed from the figures, never typed."""
    shares = [row["share"] for row in indicator_rows(report) if row["share"] is not None]
    if not shares:
        return None
    return (sum(shares) / len(shares)).quantize(Decimal("0.1"))


def activity_rows(report, content: dict | None = None) -> list[dict]:
    content = content if content is not None else report.content
    typed = (content.get(Section.ACTIVITIES) or {}).get("rows", [])
    return [{"position": n, "activity": a, **(typed[n] if n < len(typed) else {})}
            for n, a in enumerate(report.grant.activities)]


def reports_of_grant(grant):
    return GrantReport.objects.filter(grant=grant).order_by("due_on")


# ---- Visits ----------------------------------------------------------------------------------------------------

def visits_of_grant(grant):
    return (MonitoringVisit.objects.filter(grant=grant).select_related("planned_by")
            .prefetch_related("findings", "follow_ups").order_by("-visit_on"))


def visit_page(pk: int):
    return (MonitoringVisit.objects.select_related("grant__ngo", "grant__call", "planned_by")
            .prefetch_related(Prefetch("findings", queryset=VisitFinding.objects.order_by("position")),
                              Prefetch("follow_ups", queryset=FollowUp.objects.select_related("answered_by")))
            .filter(pk=pk))


def staff_visits():
    return MonitoringVisit.objects.select_related("grant__ngo").order_by("-visit_on", "pk")


def reported_achieved(grant) -> set[int]:
    """The positions of the indicators a submitted report of the grant says reached their target."""
    achieved = set()
    for submission in ReportSubmission.objects.filter(report__grant=grant).order_by("round"):
        rows = (submission.snapshot.get(Section.INDICATORS) or {}).get("rows", [])
        for position, indicator in enumerate(grant.indicators):
            if position < len(rows) and (achievement(indicator.get("target"), rows[position].get("total")) or 0) >= 100:
                achieved.add(position)
    return achieved


def gaps(grant) -> list:
    """Findings "not confirmed" against an indicator the NGO reported as achieved: the gap between paper reports
    and reality, flagged on the grant's page."""
    achieved = reported_achieved(grant)
    found = [finding for finding in VisitFinding.objects.filter(
        visit__grant=grant, result=FindingResult.NOT_CONFIRMED, indicator__isnull=False).select_related("visit")
        if finding.indicator in achieved]
    for finding in found:
        finding.indicator_name = grant.indicators[finding.indicator].get("name", "")
    return found


def grants_with_gaps():
    not_confirmed = VisitFinding.objects.filter(visit__grant=OuterRef("pk"), result=FindingResult.NOT_CONFIRMED,
                                                indicator__isnull=False)
    from agreements.models import Grant

    return Grant.objects.filter(Exists(not_confirmed))


def follow_ups_open():
    return FollowUp.objects.filter(answered_at__isnull=True).select_related("visit__grant__ngo")


# ---- Evaluation of efficiency ------------------------------------------------------------------------------------

def evaluations_of(grant) -> dict:
    return {e.side: e for e in EfficiencyEvaluation.objects.filter(grant=grant).select_related("evaluator")}


def published_evaluation(grant) -> dict | None:
    """What the public reads on the grant's page once the operator publishes: each side's scores, comments and
    total out of 25, and the indicators' achievement share. None while nothing is published."""
    found = [e for e in evaluations_of(grant).values() if e.published_at]
    if not found:
        return None
    return {
        "sides": [{"side": e.get_side_display(), "total": e.total, "published_at": e.published_at,
                   "criteria": [{"label": label, "score": e.scores.get(code), "comment": e.comments.get(code, "")}
                                for code, label in Criterion.choices]}
                  for e in sorted(found, key=lambda e: list(EvaluatorSide.values).index(e.side))],
        "maximum": 5 * len(Criterion.values),
        "achievement": final_share(grant),
    }


def final_share(grant) -> Decimal | None:
    """The indicators' achievement share of the last accepted report (computed, never typed)."""
    report = GrantReport.objects.filter(grant=grant, status=ReportStatus.ACCEPTED).select_related("grant").order_by(
        "-due_on").first()
    return achievement_share(report) if report else None


def public_indicators(grant) -> list[dict]:
    """The indicators as the last accepted report states them (target, achieved, share): public results."""
    report = (GrantReport.objects.filter(grant=grant, status=ReportStatus.ACCEPTED).select_related("grant")
              .order_by("-due_on").first())
    if report is None:
        return []
    submission = report.submissions.order_by("-round").first()
    return [{"name": row["indicator"].get("name", ""), "unit": row["indicator"].get("unit", ""),
             "target": row["indicator"].get("target"), "achieved": row.get("total"), "share": row["share"]}
            for row in indicator_rows(report, submission.snapshot if submission else None)]


def grant_links(user, grant) -> list[dict]:
    """What the grant's page (agreements) links: the monitoring page with the reports' states; for staff, the
    flag of a visit that did not confirm what a report says was achieved."""
    from django.urls import reverse
    from django.utils.translation import gettext as _

    if not user.has_perm("monitoring.view_grant_monitoring", grant):
        return []
    url = reverse("monitoring:grant", kwargs={"number": grant.number})
    today = local_date(timezone.now())
    late = _("late")
    states = [f"{r.get_kind_display()}: {late if is_late(r, today) else r.get_status_display()}"
              for r in reports_of_grant(grant)]
    found = [{"url": url, "label": _("Reports and monitoring"), "note": "; ".join(states), "alert": False}]
    if user.has_perm("monitoring.view_visits") and gaps(grant):
        found.insert(0, {"url": url, "label": _("A visit did not confirm what a report says was achieved:"),
                         "note": ", ".join(f.indicator_name for f in gaps(grant)), "alert": True})
    return found


def grants_to_evaluate(user):
    """Completed grants whose efficiency the user's side has not scored yet: the customer's own calls' grants, or
    every completed grant for the operator's monitoring officer."""
    from agreements.choices import GrantStatus
    from agreements.models import Grant

    side = EvaluatorSide.OPERATOR if user.has_perm("monitoring.evaluate_as_operator") else EvaluatorSide.CUSTOMER
    grants = Grant.objects.filter(status=GrantStatus.COMPLETED).exclude(efficiency_evaluations__side=side)
    if side == EvaluatorSide.CUSTOMER:
        grants = grants.filter(call__customer__representatives=user)
    return grants.order_by("number")
