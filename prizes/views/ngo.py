"""An NGO's side of the awards: apply for a nomination (also from a public proposal), the receipt, withdrawal,
and the list of its candidacies and of the proposals made for it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ngos.selectors import current_ngo
from portal import audit
from portal.actions import add_errors

from .. import selectors, services
from ..choices import RoundStatus
from ..forms import CandidacyForm, WithdrawForm
from ..models import Proposal


@login_required
def my_awards(request):
    if not request.user.has_perm("prizes.view_ngo_awards"):
        raise PermissionDenied
    ngo = current_ngo(request)
    context = {
        "ngo": ngo,
        "candidacies": selectors.candidacies_of(ngo),
        "proposals": selectors.proposals_about(ngo),
        "current": selectors.current_round(),
        "can_apply": request.user.has_perm("prizes.apply_for", ngo),
    }
    return render(request, "prizes/ngo/awards.html", context)


@login_required
def apply(request, year: int, number: int):
    nomination = selectors.nomination_for_page(year, number)
    ngo = current_ngo(request)
    if nomination is None or not nomination.round.is_public:
        raise Http404
    if not request.user.has_perm("prizes.apply_for", ngo):
        raise PermissionDenied  # only the head applies
    proposal = Proposal.objects.filter(pk=request.GET.get("proposal") or 0, ngo=ngo, nomination=nomination).first()
    form = CandidacyForm(request.POST or None, initial={"language": request.LANGUAGE_CODE})
    if request.method == "POST" and form.is_valid():
        try:
            candidacy = services.candidacy_submit(
                actor=request.user, nomination=nomination, ngo=ngo, proposal=proposal, **form.service_fields()
            )
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The candidacy is submitted: No. %(number)s.") % {"number": candidacy.number})
            return redirect("prizes:candidacy", pk=candidacy.pk)
    context = {
        "form": form, "nomination": nomination, "round": nomination.round, "ngo": ngo, "proposal": proposal,
        "problems": services.eligibility_problems(ngo, nomination.round),
    }
    return render(request, "prizes/ngo/apply.html", context)


@login_required
def candidacy_detail(request, pk: int):
    candidacy = selectors.candidacy_for_page(pk)
    if candidacy is None or not request.user.has_perm("prizes.view_candidacy", candidacy):
        raise Http404  # another NGO's candidacy does not exist for you
    context = {
        "candidacy": candidacy,
        "history": audit.history(candidacy)[:20],
        # Once the decision is published the applicant reads its scores per criterion, the experts unnamed.
        "scores": selectors.scores_for_applicant(candidacy) if candidacy.round.status == RoundStatus.PUBLISHED
        else None,
        "can_withdraw": request.user.has_perm("prizes.withdraw_candidacy", candidacy)
        and candidacy.status == "submitted" and candidacy.round.phase == "open",
    }
    return render(request, "prizes/ngo/candidacy.html", context)


@login_required
def candidacy_withdraw(request, pk: int):
    candidacy = selectors.candidacy_for_page(pk)
    if candidacy is None or not request.user.has_perm("prizes.view_candidacy", candidacy):
        raise Http404
    if not request.user.has_perm("prizes.withdraw_candidacy", candidacy):
        raise PermissionDenied
    form = WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.candidacy_withdraw(actor=request.user, candidacy=candidacy, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_errors(form, error)
        else:
            messages.success(request, _("The candidacy is withdrawn; it stays in the history."))
            return redirect("prizes:candidacy", pk=candidacy.pk)
    return render(request, "prizes/ngo/withdraw.html", {"form": form, "candidacy": candidacy})
