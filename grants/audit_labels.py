"""What the audit log and the histories call the actions of calls, lots, applications and screening."""

from datetime import date

from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from portal.audit_labels import in_reader_language, register
from portal.formatting import astana_time


def _deadline_moved(params: dict) -> str:
    text = _("Deadline moved from %(from)s to %(to)s.") % {
        "from": astana_time(parse_datetime(params["from"])), "to": astana_time(parse_datetime(params["to"])),
    }
    reason = in_reader_language(params.get("reason") or {})
    return f"{text} {reason}" if reason else text


def _discussion_dates(params: dict) -> str:
    return _("Public discussion from %(start)s to %(end)s.") % {
        "start": date_format(date.fromisoformat(params["starts_on"]), "SHORT_DATE_FORMAT"),
        "end": date_format(date.fromisoformat(params["ends_on"]), "SHORT_DATE_FORMAT"),
    }


register(
    actions={
        "calendar_day_saved": gettext_lazy("Calendar day saved"),
        "calendar_day_deleted": gettext_lazy("Calendar day deleted"),
        "mci_set": gettext_lazy("MCI set for the year"),
        "direction_list_created": gettext_lazy("List of priority directions created"),
        "direction_list_changed": gettext_lazy("Priority directions changed"),
        "direction_list_discussion_started": gettext_lazy("Public discussion started"),
        "direction_list_approved": gettext_lazy("List of priority directions approved"),
        "comment_added": gettext_lazy("Comment added"),
        "comment_answered": gettext_lazy("Comment answered"),
        "call_created": gettext_lazy("Call created"),
        "call_changed": gettext_lazy("Call changed"),
        "call_announced": gettext_lazy("Call announced"),
        "call_deadline_extended": gettext_lazy("Deadline extended"),
        "call_cancelled": gettext_lazy("Call cancelled"),
        "call_cloned": gettext_lazy("Call created as a copy"),
        "call_document_added": gettext_lazy("Document added to the call"),
        "call_document_deleted": gettext_lazy("Document removed from the call"),
        "lot_created": gettext_lazy("Lot created"),
        "lot_changed": gettext_lazy("Lot changed"),
        "lot_deleted": gettext_lazy("Lot deleted"),
        "clarification_asked": gettext_lazy("Question asked"),
        "clarification_answered": gettext_lazy("Question answered"),
        "clarification_published": gettext_lazy("Answer published"),
        "application_started": gettext_lazy("Application started"),
        "application_submitted": gettext_lazy("Application submitted"),
        "application_withdrawn": gettext_lazy("Application withdrawn"),
        "application_admitted": gettext_lazy("Application admitted"),
        "application_not_admitted": gettext_lazy("Application not admitted"),
        "application_under_evaluation": gettext_lazy("Application sent to the experts"),
        "application_won": gettext_lazy("Application won"),
        "application_reserved": gettext_lazy("Application put on the reserve list"),
        "application_not_funded": gettext_lazy("Application not funded"),
        "application_document_uploaded": gettext_lazy("Document uploaded"),
        "application_document_replaced": gettext_lazy("Document replaced"),
        "application_document_removed": gettext_lazy("Document removed"),
        "screening_started": gettext_lazy("Screening started"),
        "screening_checks_recorded": gettext_lazy("Screening checks recorded"),
        "screening_decided": gettext_lazy("Screening decided"),
        "screening_reason_changed": gettext_lazy("Screening reason reworded"),
        "screening_reopened": gettext_lazy("Screening reopened"),
        "screening_conclusion_published": gettext_lazy("Screening conclusion published"),
        # Codes written before the names were made consistent: old entries keep a label.
        "announce": gettext_lazy("Call announced"),
        "cancel": gettext_lazy("Call cancelled"),
        "deadline_extended": gettext_lazy("Deadline extended"),
        "document_added": gettext_lazy("Document added to the call"),
        "document_deleted": gettext_lazy("Document removed from the call"),
        "directions_changed": gettext_lazy("Priority directions changed"),
        "discussion_started": gettext_lazy("Public discussion started"),
        "answer": gettext_lazy("Question answered"),
    },
    states={"published": pgettext_lazy("audit state", "Published")},
    messages={"deadline_moved": _deadline_moved, "discussion_dates": _discussion_dates},
)
