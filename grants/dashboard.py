"""Dashboard panels: calls to manage and questions overdue for staff; own calls for a customer."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.formatting import deadline

from . import selectors
from .models import Call


def panels(request):
    user = request.user
    items = []
    if user.has_perm("grants.view_staff_calls"):
        overdue = selectors.overdue_clarifications()
        drafts = Call.objects.filter(status="draft").count()
        notes = []
        if overdue:
            notes.append({
                "url": reverse("calls:staff_clarifications"),
                "label": ngettext(
                    "%(count)d question unanswered for more than 3 working days",
                    "%(count)d questions unanswered for more than 3 working days",
                    len(overdue),
                ) % {"count": len(overdue)},
                "note": ", ".join(sorted({c.call.code for c in overdue})),
            })
        if drafts:
            notes.append({
                "url": reverse("calls:staff_list"),
                "label": ngettext("%(count)d call in draft", "%(count)d calls in draft", drafts) % {"count": drafts},
                "note": "",
            })
        items.append({
            "title": _("Calls and lots"),
            "template": "portal/panels/links.html",
            "text": _("Calls, lots, clarification questions, priority directions and the working-day calendar."),
            "items": notes,
            "links": [
                (reverse("calls:staff_list"), _("Calls administration")),
                (reverse("calls:staff_clarifications"), _("Questions")),
                (reverse("calls:staff_directions"), _("Priority directions")),
            ],
        })
    if user.customers.exists():
        calls = Call.objects.filter(customer__representatives=user).select_related("customer").order_by("-closes_at")
        items.append({
            "title": _("Your calls"),
            "template": "portal/panels/links.html",
            "items": [
                {"url": call.get_absolute_url(), "label": f"{call.code} {call.title}", "note": deadline(call.closes_at)}
                for call in calls[:10]
            ],
            "empty": _("Calls announced for your organisation will be listed here."),
        })
    return items
