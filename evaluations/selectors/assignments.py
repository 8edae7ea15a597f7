from django.db.models import Count, Prefetch, Q
from django.http import Http404

from grants.applications.selectors import current_submission
from grants.models import Submission

from ..choices import AssignmentStatus
from ..models import ApplicationTranslation, Assignment, Criterion, Score

A = AssignmentStatus


def assignments_of(user):
    """An expert's own assignments, with what the list shows, in one query (plus prefetches)."""
    return (
        Assignment.objects.filter(expert__user=user)
        .select_related("application__lot__call", "application__ngo", "panel__call", "declaration")
        .order_by("panel__call__closes_at", "application__lot__code", "application__sequence", "id")
    )


def progress(assignments) -> dict:
    """'12 / 45': submitted out of what the expert has to do (recused ones do not count)."""
    counts = {"total": 0, "submitted": 0, "awaiting": 0, "scoring": 0, "recused": 0}
    for assignment in assignments:
        if assignment.status == A.RECUSED:
            counts["recused"] += 1
            continue
        counts["total"] += 1
        counts["submitted"] += assignment.status == A.SUBMITTED
        counts["awaiting"] += assignment.status == A.AWAITING_DECLARATION
        counts["scoring"] += assignment.status == A.SCORING
    return counts


def own_assignment(pk: int, user) -> Assignment:
    """The assignment if it is the user's; any other, another expert's included, does not exist for them."""
    assignment = (
        Assignment.objects.filter(pk=pk, expert__user=user)
        .select_related("application__lot__call", "application__ngo", "panel__call", "expert__user", "declaration")
        .prefetch_related(
            Prefetch("application__submissions", queryset=Submission.objects.order_by("-submitted_at", "-id"),
                     to_attr="submission_list"),
            Prefetch("scores", queryset=Score.objects.order_by("criterion_id")),
        )
        .first()
    )
    if assignment is None:
        raise Http404
    return assignment


def scoring_context(assignment: Assignment) -> dict:
    application = assignment.application
    criteria = list(Criterion.objects.filter(rubric__call=assignment.panel.call_id).order_by("position", "id"))
    return {
        "submission": current_submission(application),
        "criteria": criteria,
        "scores": {s.criterion_id: s for s in assignment.scores.all()},
        "translations": list(ApplicationTranslation.objects.filter(application=application).order_by("language")),
        "documents": list(application.documents.order_by("kind", "id")),
    }


def next_open(assignment: Assignment):
    """The next assignment of the same expert still to declare or score ('save and next')."""
    return (
        Assignment.objects.filter(expert=assignment.expert, status__in=[A.AWAITING_DECLARATION, A.SCORING])
        .exclude(pk=assignment.pk)
        .order_by("panel__call__closes_at", "application__lot__code", "application__sequence", "id")
        .first()
    )


def _counts(prefix=""):
    status = f"{prefix}status"
    return {
        "total": Count("pk", filter=~Q(**{status: A.RECUSED})),
        "awaiting": Count("pk", filter=Q(**{status: A.AWAITING_DECLARATION})),
        "scoring": Count("pk", filter=Q(**{status: A.SCORING})),
        "submitted": Count("pk", filter=Q(**{status: A.SUBMITTED})),
        "recused": Count("pk", filter=Q(**{status: A.RECUSED})),
    }


def panel_progress(panel) -> dict:
    """Scoring progress per expert and per lot, and who has not declared or not submitted: three queries."""
    assignments = Assignment.objects.filter(panel=panel)
    by_expert = list(
        assignments.values("expert_id", "expert__user__full_name", "expert__user__email")
        .annotate(**_counts()).order_by("expert__user__full_name", "expert_id")
    )
    by_lot = list(
        assignments.values("application__lot_id", "application__lot__code")
        .annotate(**_counts()).order_by("application__lot__code")
    )
    waiting = list(
        assignments.filter(status__in=[A.AWAITING_DECLARATION, A.SCORING])
        .select_related("expert__user", "application")
        .order_by("expert__user__full_name", "application__sequence")
    )
    totals = assignments.aggregate(**_counts())
    return {"by_expert": by_expert, "by_lot": by_lot, "waiting": waiting, "totals": totals}


def recusals(panel):
    return (
        Assignment.objects.filter(panel=panel, status=A.RECUSED)
        .select_related("expert__user", "application", "declaration", "replaced_by__expert__user")
        .order_by("application__sequence", "id")
    )


def translations_of_call(call):
    return ApplicationTranslation.objects.filter(application__lot__call=call).select_related("application")
