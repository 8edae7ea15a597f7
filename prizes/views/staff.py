"""Staff pages of the award rounds: every staff role reads, call managers write."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal import audit
from portal.actions import add_errors, requires

from .. import selectors, services
from ..choices import MAX_NOMINATIONS, RoundStatus
from ..forms import NewRoundForm, NominationForm, RoundForm
from ..models import Nomination, Round

staff_only = requires("prizes.view_staff_rounds")
managers_only = requires("prizes.view_staff_rounds", "prizes.manage_rounds")


def _round(year: int) -> Round:
    return get_object_or_404(Round.objects.select_related("fiscal_year"), fiscal_year__year=year)


def _nomination(year: int, number: int) -> Nomination:
    return get_object_or_404(
        Nomination.objects.select_related("round__fiscal_year"), round__fiscal_year__year=year, number=number
    )


@staff_only
def round_list(request):
    return render(request, "prizes/staff/round_list.html", {"rounds": selectors.staff_rounds()})


@staff_only
def round_manage(request, year: int):
    prize_round = selectors.round_for_page(year)
    if prize_round is None:
        raise Http404
    context = {
        "round": prize_round,
        "nominations": prize_round.nominations.all(),
        "promised": selectors.nominations_total(prize_round),
        "problems": services.publication_problems(prize_round) if prize_round.status == RoundStatus.DRAFT else [],
        "history": audit.history(prize_round)[:30],
        "can_manage": request.user.has_perm("prizes.manage_rounds"),
        "max_nominations": MAX_NOMINATIONS,
    }
    return render(request, "prizes/staff/round.html", context)


@staff_only
def candidacies(request, year: int):
    prize_round = _round(year)
    rows = list(selectors.staff_candidacies(prize_round))
    for candidacy in rows:
        # The facts are read once for the page (listed is annotated; the flags are the NGO's own columns).
        candidacy.problems = services.eligibility_problems(candidacy.ngo, prize_round, listed=candidacy.listed)
    return render(request, "prizes/staff/candidacies.html", {"round": prize_round, "candidacies": rows})


@managers_only
def round_create(request):
    form = NewRoundForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            prize_round = services.round_create(actor=request.user, **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The %(year)s round is created as a draft.") % {"year": prize_round.year})
            return redirect("prizes:staff_round", year=prize_round.year)
    return render(request, "prizes/staff/round_form.html",
                  {"form": form, "round": None, "heading": _("New award round")})


@managers_only
def round_edit(request, year: int):
    prize_round = _round(year)
    form = RoundForm(request.POST or None, instance=prize_round)
    if request.method == "POST" and form.is_valid():
        try:
            prize_round = services.round_update(actor=request.user, prize_round=prize_round, **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The round is saved."))
            return redirect("prizes:staff_round", year=prize_round.year)
    return render(request, "prizes/staff/round_form.html",
                  {"form": form, "round": prize_round, "heading": _("Edit the round")})


def _act(request, year: int, perform, success: str):
    prize_round = _round(year)
    try:
        perform(prize_round)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, success)
    return redirect("prizes:staff_round", year=prize_round.year)


@managers_only
@require_POST
def round_announce(request, year: int):
    return _act(request, year, lambda r: services.round_announce(actor=request.user, prize_round=r),
                _("The round is announced and public."))


@managers_only
@require_POST
def round_start_review(request, year: int):
    return _act(request, year, lambda r: services.round_start_review(actor=request.user, prize_round=r),
                _("The review of the candidacies has started."))


@managers_only
@require_POST
def nominations_defaults(request, year: int):
    return _act(request, year, lambda r: services.nominations_add_defaults(actor=request.user, prize_round=r),
                _("The nominations of 2017 are added."))


@managers_only
def nomination_create(request, year: int):
    prize_round = _round(year)
    form = NominationForm(request.POST or None, initial={"amount": prize_round.min_award})
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_add(actor=request.user, prize_round=prize_round, **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The nomination is added."))
            return redirect("prizes:staff_round", year=year)
    return render(request, "prizes/staff/nomination_form.html",
                  {"form": form, "round": prize_round, "heading": _("New nomination")})


@managers_only
def nomination_edit(request, year: int, number: int):
    nomination = _nomination(year, number)
    form = NominationForm(request.POST or None, instance=nomination)
    if request.method == "POST" and form.is_valid():
        try:
            services.nomination_update(actor=request.user, nomination=nomination, **form.service_fields())
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The nomination is saved."))
            return redirect("prizes:staff_round", year=year)
    return render(request, "prizes/staff/nomination_form.html",
                  {"form": form, "round": nomination.round, "nomination": nomination,
                   "heading": _("Edit nomination %(number)s") % {"number": nomination.number}})


@managers_only
@require_POST
def nomination_delete(request, year: int, number: int):
    nomination = _nomination(year, number)
    try:
        services.nomination_delete(actor=request.user, nomination=nomination)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The nomination is deleted."))
    return redirect("prizes:staff_round", year=year)
