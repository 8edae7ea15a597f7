"""Dashboard panels: the NGO's reports due; the monitoring officer's queue."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def panels(request):
    user = request.user
    items = []
    if user.has_perm("monitoring.view_own_reports"):
        from .selectors import EDITABLE, is_late, reports_of_user

        reports = [r for r in reports_of_user(user) if r.status in EDITABLE]
        if reports:
            items.append({
                "title": _("Reports to file"),
                "template": "portal/panels/links.html",
                "items": [{"url": reverse("monitoring:report", kwargs={"pk": r.pk}),
                           "label": f"{r.grant.number} · {r.get_kind_display()}",
                           "note": _("late, was due %(date)s") % {"date": r.due_on.strftime("%d.%m.%Y")}
                           if is_late(r) else _("due %(date)s") % {"date": r.due_on.strftime("%d.%m.%Y")}}
                          for r in reports[:5]],
                "links": [(reverse("monitoring:mine"), _("All our reports"))],
            })
    if user.has_perm("monitoring.view_reports"):
        from .choices import ReportStatus
        from .models import GrantReport

        waiting = GrantReport.objects.filter(status=ReportStatus.SUBMITTED).count()
        items.append({
            "title": _("Grantee reports"),
            "template": "portal/panels/links.html",
            "text": _("%(count)s reports wait for a review.") % {"count": waiting},
            "links": [(reverse("monitoring:queue") + "?status=submitted", _("Reports to review")),
                      (reverse("monitoring:queue") + "?late=1", _("Late reports"))],
        })
    if user.has_perm("monitoring.evaluate_as_operator") or user.is_authenticated and _is_customer(user):
        from .selectors import grants_to_evaluate

        grants = list(grants_to_evaluate(user))
        if grants:
            items.append({
                "title": _("Evaluation of efficiency"),
                "template": "portal/panels/links.html",
                "items": [{"url": reverse("monitoring:efficiency", kwargs={"number": g.number}), "label": g.number,
                           "note": g.title} for g in grants[:5]],
            })
    return items


def _is_customer(user) -> bool:
    from portal.rules import is_customer

    return is_customer(user)
