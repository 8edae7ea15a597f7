"""What the audit log and the histories call the actions of calls, lots, applications and screening."""

from datetime import date

from django.utils.dateparse import parse_datetime
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

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
        "calendar_day_saved": _lazy("Calendar day saved"),
        "calendar_day_deleted": _lazy("Calendar day deleted"),
        "mci_set": _lazy("MCI set for the year"),
        "direction_list_created": _lazy("List of priority directions created"),
        "direction_list_changed": _lazy("Priority directions changed"),
        "direction_list_discussion_started": _lazy("Public discussion started"),
        "direction_list_approved": _lazy("List of priority directions approved"),
        "comment_added": _lazy("Comment added"),
        "comment_answered": _lazy("Comment answered"),
        "call_created": _lazy("Call created"),
        "call_changed": _lazy("Call changed"),
        "call_announced": _lazy("Call announced"),
        "call_deadline_extended": _lazy("Deadline extended"),
        "call_cancelled": _lazy("Call cancelled"),
        "call_cloned": _lazy("Call created as a copy"),
        "call_document_added": _lazy("Document added to the call"),
        "call_document_deleted": _lazy("Document removed from the call"),
        "lot_created": _lazy("Lot created"),
        "lot_changed": _lazy("Lot changed"),
        "lot_deleted": _lazy("Lot deleted"),
        "clarification_asked": _lazy("Question asked"),
        "clarification_answered": _lazy("Question answered"),
        "clarification_published": _lazy("Answer published"),
        "application_started": _lazy("Application started"),
        "application_submitted": _lazy("Application submitted"),
        "application_withdrawn": _lazy("Application withdrawn"),
        "application_admitted": _lazy("Application admitted"),
        "application_not_admitted": _lazy("Application not admitted"),
        "application_under_evaluation": _lazy("Application sent to the experts"),
        "application_won": _lazy("Application won"),
        "application_reserved": _lazy("Application put on the reserve list"),
        "application_not_funded": _lazy("Application not funded"),
        "application_document_uploaded": _lazy("Document uploaded"),
        "application_document_replaced": _lazy("Document replaced"),
        "application_document_removed": _lazy("Document removed"),
        "screening_started": _lazy("Screening started"),
        "screening_checks_recorded": _lazy("Screening checks recorded"),
        "screening_decided": _lazy("Screening decided"),
        "screening_reason_changed": _lazy("Screening reason reworded"),
        "screening_reopened": _lazy("Screening reopened"),
        "screening_conclusion_published": _lazy("Screening conclusion published"),
        # Codes written before the names were made consistent: old entries keep a label.
        "announce": _lazy("Call announced"),
        "cancel": _lazy("Call cancelled"),
        "deadline_extended": _lazy("Deadline extended"),
        "document_added": _lazy("Document added to the call"),
        "document_deleted": _lazy("Document removed from the call"),
        "directions_changed": _lazy("Priority directions changed"),
        "discussion_started": _lazy("Public discussion started"),
        "answer": _lazy("Question answered"),
    },
    states={"published": pgettext_lazy("audit state", "Published")},
    messages={"deadline_moved": _deadline_moved, "discussion_dates": _discussion_dates},
)
