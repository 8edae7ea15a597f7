"""Dashboard panels of applications: an NGO member's drafts and submissions; screening for staff.

Wired into the portal dashboard through grants/dashboard.py (panels() there extends with these)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from portal.formatting import deadline

from .choices import EDITABLE_STATUSES


def panels(request):
    from . import selectors

    user = request.user
    items = []
    applications = list(selectors.applications_of_user(user)[:10])
    if applications:
        items.append({
            "title": _("My applications"),
            "template": "portal/panels/links.html",
            "items": [
                {
                    "url": reverse("applications:section", kwargs={"pk": a.pk, "section": "overview"})
                    if a.status in EDITABLE_STATUSES else a.get_absolute_url(),
                    "label": f"{a.registration_number or a.lot.code} — {a.display_title}",
                    "note": f"{a.get_status_display()}, {deadline(a.lot.call.closes_at)}",
                }
                for a in applications
            ],
            "links": [(reverse("applications:list"), _("All applications, receipts and their history"))],
        })
    if user.has_perm("grants.view_screening"):
        items.append({
            "title": _("Screening"),
            "template": "portal/panels/links.html",
            "text": _("Submitted applications by call, their checks and decisions, and the screening conclusions."),
            "links": [(reverse("screening:index"), _("Open screening")), (reverse("results:list"), _("Results"))],
        })
    return items
