"""The working group: staff form it (draw or appointment) and follow its progress; each expert declares and
scores only the reviews given to them. Another expert's review does not exist for an expert (404)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from evaluations.choices import AssignmentStatus
from evaluations.forms.scoring import ScoreSheetForm
from portal.actions import add_errors, form_action, requires

from .. import selectors, services
from ..choices import RoundStatus
from ..forms import CandidacyDeclarationForm, GroupAppointForm, GroupDrawForm
from .staff import _round

A = AssignmentStatus
staff_only = requires("prizes.view_staff_rounds")
managers_only = requires("prizes.view_staff_rounds", "prizes.manage_rounds")


def _group_page(request, prize_round, *, draw_form=None, appoint_form=None, status=200):
    group = selectors.group_for_page(prize_round)
    can_form = (group is None and prize_round.status == RoundStatus.UNDER_REVIEW
                and request.user.has_perm("prizes.manage_rounds"))
    context = {
        "round": prize_round, "group": group, "can_form": can_form,
        "criteria": list(prize_round.criteria.all()),
        "progress": list(selectors.group_progress(prize_round)) if group else [],
        "draw_form": draw_form or GroupDrawForm(), "appoint_form": appoint_form or GroupAppointForm(),
    }
    return render(request, "prizes/staff/group.html", context, status=status)


@staff_only
def group(request, year: int):
    return _group_page(request, _round(year))


@managers_only
@require_POST
def group_draw(request, year: int):
    prize_round = _round(year)
    form = GroupDrawForm(request.POST)
    done = form_action(
        request, form,
        lambda data: services.group_draw(actor=request.user, prize_round=prize_round, size=data["size"],
                                         reserves=data["reserves"], observers=data["observers"], seed=data["seed"]),
        success=_("The working group is drawn and every candidacy is given to its experts."),
        redirect_to=reverse("prizes:staff_group", kwargs={"year": year}),
    )
    return done or _group_page(request, prize_round, draw_form=form, status=400)


@managers_only
@require_POST
def group_appoint(request, year: int):
    prize_round = _round(year)
    form = GroupAppointForm(request.POST)
    done = form_action(
        request, form,
        lambda data: services.group_appoint(actor=request.user, prize_round=prize_round, members=data["members"],
                                            reserves=data["reserves"]),
        success=_("The working group is appointed and every candidacy is given to its experts."),
        redirect_to=reverse("prizes:staff_group", kwargs={"year": year}),
    )
    return done or _group_page(request, prize_round, appoint_form=form, status=400)


@login_required
def my_reviews(request):
    if not request.user.has_perm("prizes.view_expert_reviews"):
        raise PermissionDenied
    reviews = list(selectors.reviews_of_expert(request.user))
    return render(request, "prizes/expert/reviews.html", {
        "reviews": reviews, "submitted": sum(1 for r in reviews if r.status == A.SUBMITTED),
        "to_do": sum(1 for r in reviews if r.status in (A.AWAITING_DECLARATION, A.SCORING)),
    })


def _sheet(request, review, form=None, status=200):
    criteria = list(review.candidacy.round.criteria.all())
    scores = {s.criterion_id: s for s in review.scores.all()}
    readonly = review.status != A.SCORING or review.candidacy.round.status != RoundStatus.UNDER_REVIEW
    form = form or ScoreSheetForm(criteria=criteria, scores=scores, readonly=readonly)
    return render(request, "prizes/expert/review.html", {
        "review": review, "candidacy": review.candidacy, "form": form, "readonly": readonly,
    }, status=status)


@login_required
def review(request, pk: int):
    """Declare first (the candidacy stays hidden until then), then score, save as often as needed, submit once."""
    review = selectors.review_for_page(pk)
    if review is None or not request.user.has_perm("prizes.review", review) or review.status == A.RECUSED:
        raise Http404
    if review.status == A.AWAITING_DECLARATION:
        form = CandidacyDeclarationForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                services.review_declare(actor=request.user, review=review,
                                        has_conflict=form.cleaned_data["has_conflict"],
                                        nature=form.cleaned_data["nature"])
            except ValidationError as error:
                add_errors(form, error)
            else:
                if form.cleaned_data["has_conflict"]:
                    messages.info(request, _("You are recused from this candidacy; a reserve expert takes your "
                                             "place."))
                    return redirect("prizes:my_reviews")
                return redirect("prizes:review", pk=review.pk)
        return render(request, "prizes/expert/declare.html", {"review": review, "form": form},
                      status=400 if request.method == "POST" else 200)
    if request.method == "POST":
        criteria = list(review.candidacy.round.criteria.all())
        form = ScoreSheetForm(request.POST, criteria=criteria, scores={s.criterion_id: s for s in review.scores.all()})
        action = request.POST.get("action", "save")
        try:
            services.review_save(actor=request.user, review=review, values=form.values())
            if action == "submit":
                services.review_submit(actor=request.user, review=review)
        except ValidationError as error:
            form.is_valid()
            add_errors(form, error)
            return _sheet(request, review, form=form, status=400)
        messages.success(request, _("Your scores are submitted. They can no longer change.") if action == "submit"
                         else _("Saved."))
        return redirect("prizes:my_reviews" if action == "submit" else "prizes:review", **(
            {} if action == "submit" else {"pk": review.pk}))
    return _sheet(request, review)
