"""Public pages of the state awards: the index (the current round, past rounds), one round, one nomination."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from portal.actions import add_errors
from portal.pdf import pdf_response
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
    published = prize_round.status == "published"
    context = {
        "round": prize_round, "nominations": prize_round.nominations.all(),
        "proposals": selectors.public_proposals(prize_round) if prize_round.phase == "open" else None,
        "awards": list(selectors.winners(year)) if published else None,
        "meeting": selectors.meeting_for_page(prize_round) if published else None,
    }
    return render(request, "prizes/round.html", context)


@public_page("prizes")
def nomination_detail(request, year: int, number: int):
    nomination = selectors.nomination_for_page(year, number)
    try:
        _check_visible(request, nomination.round if nomination else None)
    except NotSignedIn:
        return redirect_to_login(request.get_full_path())
    awards = (list(selectors.winners(year).filter(decision__nomination=nomination))
              if nomination.round.status == "published" else None)
    return render(request, "prizes/nomination.html",
                  {"nomination": nomination, "round": nomination.round, "awards": awards})


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


@public_page("prizes")
def winners(request):
    """The winners of every published round by year and nomination with their amounts; ?year= for one year."""
    years = selectors.award_years()
    try:
        year = int(request.GET.get("year") or 0) or None
    except ValueError:
        year = None
    if year not in years:
        year = None
    awards = list(selectors.winners(year))
    return render(request, "prizes/winners.html", {"awards": awards, "years": years, "year": year})


@public_page("prizes")
def statistics(request):
    return render(request, "prizes/statistics.html", {"stats": selectors.statistics()})


@public_page("prizes")
def decision_pdf(request, year: int, language: str):
    """The council's published decision, in Kazakh or Russian."""
    prize_round = selectors.round_for_page(year)
    meeting = selectors.meeting_for_page(prize_round) if prize_round is not None else None
    if meeting is None or language not in ("kk", "ru"):
        raise Http404
    if prize_round.status != "published" and not request.user.has_perm("prizes.view_council"):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404  # the council and the staff read it before it is published
    file = getattr(meeting, f"decision_{language}")
    if not file:
        raise Http404
    with file.open("rb") as handle:
        return pdf_response(handle.read(), filename=f"awards-{year}-decision-{language}.pdf")
