"""Dashboard panels: the NGO the user acts for (and the switch), invitations, the operator's queue."""

from django.urls import reverse
from django.utils.translation import gettext as _

from . import selectors
from .forms import SwitchNGOForm
from .models import last_reporting_year


def panels(request):
    user = request.user
    items = []
    memberships = list(selectors.memberships_of(user))
    if memberships:
        current = selectors.current_membership(request, memberships)
        year = last_reporting_year()
        items.append(
            {
                "title": _("Your NGO"),
                "template": "ngos/panels/current_ngo.html",
                "current": current,
                "memberships": memberships,
                "switch_form": SwitchNGOForm(initial={"ngo": current.ngo_id}),
                "year": year,
                "listed": selectors.is_listed_for_year(current.ngo, year),
                "next": request.get_full_path(),
            }
        )
    invitations = list(selectors.invitations_for_user(user))
    if invitations:
        items.append(
            {
                "title": _("Invitations to NGOs"),
                "template": "portal/panels/links.html",
                "items": [
                    {
                        "url": reverse("ngos:invitation", kwargs={"token": invitation.token}),
                        "label": invitation.ngo.name,
                        "note": invitation.get_role_display(),
                    }
                    for invitation in invitations
                ],
            }
        )
    if not memberships and user.has_perm("ngos.register_ngo"):
        items.append(
            {
                "title": _("Your NGO"),
                "template": "portal/panels/links.html",
                "text": _(
                    "To apply for grants and file the yearly NGO-database report, register your NGO or ask "
                    "to join the one you work for."
                ),
                "links": [
                    (reverse("ngos:register"), _("Register an NGO")),
                    (reverse("ngos:join"), _("Join an NGO by its BIN")),
                ],
            }
        )
    if user.has_perm("ngos.view_register"):
        waiting = selectors.verification_queue_size()
        items.append(
            {
                "title": _("Register of NGOs"),
                "template": "portal/panels/links.html",
                "text": _("NGOs waiting for verification: %(count)s.") % {"count": waiting},
                "links": [
                    (reverse("ngos:staff_list") + "?verification=pending&sort=created", _("Verification queue")),
                    (reverse("ngos:staff_list"), _("All NGOs")),
                ],
            }
        )
    return items
