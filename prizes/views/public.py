"""Public pages of the state awards: the index (the current round, past rounds), one round, one nomination."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.actions import add_errors
from portal.public_cache import public_page

from .. import selectors, services
from ..forms import ProposalForm


@public_page("prizes")
def index(request):
    context = {"current": selectors.current_round(), "past": selectors.past_rounds()}
    return render(request, "prizes/index.html", context)


class NotSignedIn(Exception):
    pass


def _check_visible(request, prize_round) -> None:
    if prize_round is None:
        raise Http404
    if not request.user.has_perm("prizes.view_round", prize_round):
        if not request.user.is_authenticated:
            raise NotSignedIn  # staff following a link to a draft sign in first
        raise Http404  # a draft round is nobody's business outside the operator


@public_page("prizes")
def round_detail(request, year: int):
    prize_round = selectors.round_for_page(year)
    try:
        _check_visible(request, prize_round)
    except NotSignedIn:
        return redirect_to_login(request.get_full_path())
    context = {
        "round": prize_round, "nominations": prize_round.nominations.all(),
        "proposals": selectors.public_proposals(prize_round) if prize_round.phase == "open" else None,
    }
    return render(request, "prizes/round.html", context)


@public_page("prizes")
def nomination_detail(request, year: int, number: int):
    nomination = selectors.nomination_for_page(year, number)
    try:
        _check_visible(request, nomination.round if nomination else None)
    except NotSignedIn:
        return redirect_to_login(request.get_full_path())
    return render(request, "prizes/nomination.html", {"nomination": nomination, "round": nomination.round})


@login_required
def propose(request, year: int, number: int):
    """Anyone signed in proposes an NGO for a nomination while the round is open; the NGO is told."""
    nomination = selectors.nomination_for_page(year, number)
    if nomination is None or not nomination.round.is_public:
        raise Http404
    if not request.user.has_perm("prizes.propose", nomination.round):
        raise PermissionDenied
    form = ProposalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.proposal_create(actor=request.user, nomination=nomination, ngo=form.ngo,
                                     reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("Thank you: %(ngo)s is proposed, and the NGO is told.") % {"ngo": form.ngo})
            return redirect("prizes:round", year=year)
    return render(request, "prizes/propose.html", {"form": form, "nomination": nomination, "round": nomination.round})
