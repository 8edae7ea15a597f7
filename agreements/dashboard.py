"""Dashboard panels: the NGO's grants to sign and tranches; the staff list of grants."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def panels(request):
    user = request.user
    items = []
    if user.has_perm("agreements.view_own_grants"):
        from .selectors import grants_of_user

        grants = list(grants_of_user(user))
        if grants:
            items.append({
                "title": _("Our grants"),
                "template": "portal/panels/links.html",
                "items": [{"url": g.get_absolute_url(), "label": g.number, "note": g.get_status_display()}
                          for g in grants[:5]],
                "links": [(reverse("agreements:mine"), _("All our grants"))],
            })
    if user.has_perm("agreements.view_grants"):
        items.append({
            "title": _("Awarded grants"),
            "template": "portal/panels/links.html",
            "text": _("Agreements, signatures, tranches and payments."),
            "links": [(reverse("agreements:staff_list"), _("Grants by call and status"))],
        })
    return items
