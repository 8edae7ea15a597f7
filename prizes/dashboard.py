"""Dashboard panels: an NGO's state awards (apply, candidacies, proposals); the award rounds for staff."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .selectors import council_rounds


def panels(request):
    user = request.user
    items = []
    if user.has_perm("prizes.view_ngo_awards"):
        items.append({
            "title": _("State awards"),
            "template": "portal/panels/links.html",
            "text": _("Apply for a state award, follow the NGO's candidacies and the public proposals made for it."),
            "links": [(reverse("prizes:my_awards"), _("State awards of my NGO"))],
        })
    if user.has_perm("prizes.view_staff_rounds"):
        items.append({
            "title": _("State awards"),
            "template": "portal/panels/links.html",
            "text": _("Rounds, nominations and candidacies with their eligibility."),
            "links": [(reverse("prizes:staff_rounds"), _("State awards administration"))],
        })
    if user.has_perm("prizes.view_expert_reviews"):
        items.append({
            "title": _("State awards"),
            "template": "portal/panels/links.html",
            "text": _("Declare conflicts and score the candidacies given to you in an award round's working group."),
            "links": [(reverse("prizes:my_reviews"), _("Candidacies for the state awards to review"))],
        })
    if user.has_perm("prizes.hold_council"):
        rounds = council_rounds()
        items.append({
            "title": _("State awards: the Coordination Council"),
            "template": "portal/panels/links.html",
            "text": _("Hold the council's meeting on a round under review and decide its winners."),
            "items": [{"url": reverse("prizes:council", kwargs={"year": r.year}),
                       "label": _("Council meeting on the awards of %(year)s") % {"year": r.year},
                       "note": r.get_phase_display()} for r in rounds],
            "empty": _("No round is waiting for the council."),
        })
    return items
