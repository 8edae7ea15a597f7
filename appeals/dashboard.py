"""Dashboard panels: the NGO's decisions it may appeal and its appeals; the appeals commission's queue."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.formatting import deadline


def panels(request):
    user = request.user
    items = []
    if not user.is_authenticated:
        return items
    from . import selectors

    if user.has_perm("appeals.review_appeal"):
        items.append({
            "title": _("Appeals"),
            "template": "portal/panels/links.html",
            "text": _("Appeals waiting for the commission's review: %(count)s.") % {"count": selectors.waiting_count()},
            "links": [(reverse("appeals:staff_list"), _("Open the appeals"))],
        })
        return items
    rows = selectors.decisions_of_user(user) if user.memberships.exists() else []
    if rows:
        now = timezone.now()
        items.append({
            "title": _("Appeals"),
            "template": "portal/panels/links.html",
            "items": [{
                "url": row.appeal.get_absolute_url() if row.appeal else reverse("appeals:mine"),
                "label": f"{row.application.registration_number} · {row.ground_label}",
                "note": row.appeal.get_status_display() if row.appeal else (
                    _("appeal %(until)s") % {"until": deadline(row.deadline)} if row.is_open(now)
                    else _("appeal period ended")),
            } for row in rows[:5]],
            "links": [(reverse("appeals:mine"), _("All decisions and appeals"))],
        })
    return items
