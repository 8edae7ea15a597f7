"""Dashboard panels: an NGO's state awards (apply, candidacies, proposals); the award rounds for staff."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


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
    return items
