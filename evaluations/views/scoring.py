"""The expert's side: their assignments, the conflict declaration, the score sheet. Another expert's
assignment does not exist for them (404), whatever the URL."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..choices import AssignmentStatus
from ..forms.scoring import DeclarationForm, ScoreSheetForm
from ..selectors import assignments as selectors
from ..services.assignments import assignment_declare
from ..services.scoring import assignment_submit, scores_save
from .common import require

A = AssignmentStatus


@login_required
def my_assignments(request):
    require(request, "evaluations.view_own_assignments")
    assignments = list(selectors.assignments_of(request.user))
    return render(request, "evaluations/expert/assignments.html", {
        "assignments": assignments, "progress": selectors.progress(assignments),
    })


def _own(request, pk):
    assignment = selectors.own_assignment(pk, request.user)
    if not request.user.has_perm("evaluations.score", assignment):
        raise PermissionDenied
    return assignment


@login_required
def declare(request, pk: int):
    assignment = _own(request, pk)
    if assignment.status != A.AWAITING_DECLARATION:
        return redirect("evaluations:score", pk=assignment.pk)
    form = DeclarationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assignment_declare(assignment=assignment, actor=request.user,
                               has_conflict=form.cleaned_data["has_conflict"], nature=form.cleaned_data["nature"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if form.cleaned_data["has_conflict"]:
                messages.info(request, _("You are recused from this application; a reserve expert takes your place."))
                return redirect("evaluations:my_assignments")
            return redirect("evaluations:score", pk=assignment.pk)
    return render(request, "evaluations/expert/declare.html", {"assignment": assignment, "form": form},
                  status=400 if request.method == "POST" else 200)


def _sheet(request, assignment, form=None, status=200):
    context = selectors.scoring_context(assignment)
    readonly = assignment.status != A.SCORING
    form = form or ScoreSheetForm(criteria=context["criteria"], scores=context["scores"], readonly=readonly)
    mine = selectors.progress(selectors.assignments_of(request.user))
    return render(request, "evaluations/expert/score.html", {
        **context, "assignment": assignment, "form": form, "readonly": readonly, "progress": mine,
    }, status=status)


@login_required
def score(request, pk: int):
    assignment = _own(request, pk)
    if assignment.status == A.AWAITING_DECLARATION:
        return redirect("evaluations:declare", pk=assignment.pk)
    if assignment.status == A.RECUSED:
        raise Http404  # recused before seeing it: the application stays closed to them
    if request.method == "POST":
        context = selectors.scoring_context(assignment)
        form = ScoreSheetForm(request.POST, criteria=context["criteria"], scores=context["scores"])
        action = request.POST.get("action", "save")
        try:
            scores_save(assignment=assignment, actor=request.user, values=form.values())
            if action == "submit":
                assignment_submit(assignment=assignment, actor=request.user)
        except ValidationError as error:
            form.is_valid()
            form.add_error(None, error)
            return _sheet(request, assignment, form=form, status=400)
        if action == "submit":
            messages.success(request, _("Your scores are submitted. They can no longer change."))
        else:
            messages.success(request, _("Saved."))
        if action in ("next", "submit"):
            following = selectors.next_open(assignment)
            if following is not None:
                target = "evaluations:declare" if following.status == A.AWAITING_DECLARATION else "evaluations:score"
                return redirect(target, pk=following.pk)
            return redirect("evaluations:my_assignments")
        return redirect("evaluations:score", pk=assignment.pk)
    return _sheet(request, assignment)


@login_required
@require_POST
def autosave(request, pk: int):
    """htmx: keep what is typed; answers with the small status line under the form."""
    assignment = _own(request, pk)
    context = selectors.scoring_context(assignment)
    form = ScoreSheetForm(request.POST, criteria=context["criteria"], scores=context["scores"])
    try:
        scores_save(assignment=assignment, actor=request.user, values=form.values())
    except ValidationError as error:
        return render(request, "evaluations/expert/autosave_status.html",
                      {"errors": error.messages, "saved_at": None}, status=422)
    return render(request, "evaluations/expert/autosave_status.html", {"saved_at": timezone.now(), "errors": []})


def _file(request, pk, getter):
    assignment = _own(request, pk)
    if assignment.status in (A.AWAITING_DECLARATION, A.RECUSED):
        raise Http404
    file = getter(assignment)
    if file is None:
        raise Http404
    return FileResponse(file.open("rb"), as_attachment=True, filename=file.name.rsplit("/", 1)[-1])


@login_required
def translation_file(request, pk: int, language: str):
    return _file(request, pk, lambda a: next(
        (t.file for t in a.application.translations.all() if t.language == language and t.file), None))


@login_required
def document_file(request, pk: int, document: int):
    return _file(request, pk, lambda a: next(
        (d.file for d in a.application.documents.all() if d.pk == document), None))
