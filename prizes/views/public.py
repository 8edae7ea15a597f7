"""Public pages of the state awards: the index (the current round, past rounds), one round, one nomination."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from .. import selectors


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


def round_detail(request, year: int):
    prize_round = selectors.round_for_page(year)
    try:
        _check_visible(request, prize_round)
    except NotSignedIn:
        return redirect_to_login(request.get_full_path())
    return render(request, "prizes/round.html", {"round": prize_round, "nominations": prize_round.nominations.all()})


def nomination_detail(request, year: int, number: int):
    nomination = selectors.nomination_for_page(year, number)
    try:
        _check_visible(request, nomination.round if nomination else None)
    except NotSignedIn:
        return redirect_to_login(request.get_full_path())
    return render(request, "prizes/nomination.html", {"nomination": nomination, "round": nomination.round})
