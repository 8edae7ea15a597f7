"""Dashboard panels: an expert's assignments and progress; the register and evaluations for staff."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _


def panels(request):
    user = request.user
    items = []
    if user.has_perm("evaluations.view_own_assignments"):
        from .selectors.assignments import assignments_of, progress

        counts = progress(assignments_of(user))
        items.append({
            "title": _("Expert evaluation"),
            "template": "portal/panels/links.html",
            "text": _("Submitted: %(done)s / %(total)s; conflicts to declare: %(awaiting)s.") % {
                "done": counts["submitted"], "total": counts["total"], "awaiting": counts["awaiting"]},
            "links": [(reverse("evaluations:my_assignments"), _("My assignments"))],
        })
    if user.has_perm("evaluations.view_register"):
        from .selectors.experts import nomination_shares

        shares = nomination_shares()
        items.append({
            "title": _("Expert register"),
            "template": "portal/panels/links.html",
            "text": _("%(active)s active experts; %(pending)s applications await a decision.") % shares,
            "links": [(reverse("evaluations:register"), _("Open the register")),
                      (reverse("evaluations:calls"), _("Evaluation of calls"))],
        })
    if user.has_perm("evaluations.apply_as_expert") and not user.has_perm("evaluations.view_own_assignments"):
        from .selectors.experts import profile_of

        if profile_of(user) is None:
            items.append({
                "title": _("Become an expert"),
                "template": "portal/panels/links.html",
                "text": _("Experts from NGOs and the professions score the applications for state grants."),
                "links": [(reverse("evaluations:expert_apply"), _("Apply to the expert register"))],
            })
    return items
