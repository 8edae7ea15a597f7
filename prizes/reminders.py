"""The state awards' due dates (portal.reminders): the round closing, to the heads of NGOs that were proposed by
the public or withdrew their candidacy and have not (re)submitted one in that nomination."""

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext_lazy as _

from ngos.choices import MemberRole
from ngos.models import Membership
from portal.reminders import Due, Kind

from .choices import CandidacyStatus, RoundStatus
from .models import Candidacy, Proposal


def _heads():
    return Prefetch("ngo__memberships", queryset=Membership.objects.filter(role=MemberRole.HEAD).select_related("user"))


def round_closing(start, end):
    """A candidacy the NGO has not submitted yet (a public proposal, or a withdrawn candidacy) while the round is
    open; it stops once a live candidacy of the NGO stands in that nomination or the round closes."""
    live = Candidacy.objects.filter(nomination=OuterRef("nomination"), ngo=OuterRef("ngo")).exclude(
        status=CandidacyStatus.WITHDRAWN)
    window = {"round__status": RoundStatus.ANNOUNCED, "round__closes_at__gte": start, "round__closes_at__lt": end}
    waiting = [
        *Proposal.objects.filter(~Exists(live), **window).select_related("round__fiscal_year", "nomination", "ngo")
        .prefetch_related(_heads()),
        *Candidacy.objects.filter(~Exists(live), status=CandidacyStatus.WITHDRAWN, **window)
        .select_related("round__fiscal_year", "nomination", "ngo").prefetch_related(_heads()),
    ]
    seen = set()
    for item in waiting:
        key = (item.nomination_id, item.ngo_id)
        if key in seen:  # one reminder per NGO and nomination, however many proposals it had
            continue
        seen.add(key)
        yield Due(
            obj=item, deadline=item.round.closes_at, recipients=[m.user for m in item.ngo.memberships.all()],
            link=("prizes:apply", {"year": item.round.year, "number": item.nomination.number}),
            about=lambda i=item: _("%(ngo)s: no candidacy submitted in the nomination “%(nomination)s”")
            % {"ngo": i.ngo, "nomination": i.nomination},
        )


KINDS = [
    Kind("prizes.round_closing", _("state award round closing"), round_closing, audience=_("the NGO's head")),
]
