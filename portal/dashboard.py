"""The portal's own dashboard panels: the account, and the audit log and the outbox for those who may read them."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from . import selectors
from .formatting import deadline, short_date


def panels(request):
    user = request.user
    items = [
        {
            "title": _("Your account"),
            "template": "portal/panels/account.html",
            "links": [
                (reverse("portal:account"), _("Settings and language")),
                (reverse("portal:account_summary_pdf"), _("Account summary (PDF)")),
                (reverse("mfa_index"), _("Two-factor authentication")),
            ],
        }
    ]
    reminders = selectors.my_reminders(user)
    if reminders:
        items.append(
            {
                "title": _("Your reminders"),
                "template": "portal/panels/links.html",
                "text": _("Deadlines the portal reminded you of by e-mail."),
                "items": [{"url": r.link, "label": r.about, "note": deadline(r.deadline)} for r in reminders],
            }
        )
    notifications = selectors.my_notifications(user, limit=5)
    if notifications:
        address = reverse("portal:notifications")
        items.append(
            {
                "title": _("Your notifications"),
                "template": "portal/panels/links.html",
                "text": _("What the portal wrote to you by e-mail."),
                "items": [{"url": f"{address}#message-{m.pk}", "label": m.subject, "note": short_date(m.created_at)}
                          for m in notifications],
                "links": [(address, _("All your notifications"))],
            }
        )
    if user.has_perm("portal.change_reminder_schedule"):
        items.append(
            {
                "title": _("Reminders"),
                "template": "portal/panels/links.html",
                "text": _("When the portal reminds people of deadlines, and the reminders it sent."),
                "links": [(reverse("portal:reminders"), _("Open the reminder settings"))],
            }
        )
    if user.has_perm("portal.view_audit_log"):
        items.append(
            {
                "title": _("Audit log"),
                "template": "portal/panels/links.html",
                "text": _("Every change of state and every decision, with who made it and when."),
                "links": [(reverse("portal:audit_log"), _("Open the audit log"))],
            }
        )
    if user.has_perm("portal.view_outbox"):
        items.append(
            {
                "title": _("Outgoing mail"),
                "template": "portal/panels/links.html",
                "text": _("E-mails the portal sent or is about to send, and those that failed."),
                "links": [(reverse("portal:outbox"), _("Open the outgoing mail"))],
            }
        )
    return items
