"""An iCalendar (RFC 5545) file with one event: a call's deadline, at closes_at in UTC."""

from datetime import UTC, datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from .dates import long_deadline
from .models import Call

CRLF = "\r\n"


def escape(text: str) -> str:
    """TEXT values: backslash, semicolon and comma escaped, newlines as \\n (RFC 5545, 3.3.11)."""
    return (
        str(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545, 3.1),
    never splitting a UTF-8 character."""
    parts, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        limit = 75 if not parts else 74
        if len(current) + len(encoded) > limit:
            parts.append(current.decode("utf-8"))
            current = b""
        current += encoded
    parts.append(current.decode("utf-8"))
    return (CRLF + " ").join(parts)


def utc_stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def call_deadline(call: Call, *, request=None) -> str:
    url = call.get_absolute_url()
    url = request.build_absolute_uri(url) if request is not None else settings.SITE_URL.rstrip("/") + url
    summary = _("Application deadline: call %(code)s — %(title)s") % {"code": call.code, "title": call.title}
    description = f"{call.customer}. {long_deadline(call.closes_at)}. {url}"
    host = (request.get_host() if request is not None else settings.SITE_URL.split("//")[-1]).split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Demeu//Calls//KK",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:call-{call.code}-deadline@{host}",
        f"DTSTAMP:{utc_stamp(timezone.now())}",
        f"DTSTART:{utc_stamp(call.closes_at)}",
        # A moved deadline replaces the old event in the visitor's calendar.
        f"SEQUENCE:{call.extensions.count()}",
        f"SUMMARY:{escape(summary)}",
        f"DESCRIPTION:{escape(description)}",
        f"URL:{url}",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "TRIGGER:-P1D",
        f"DESCRIPTION:{escape(summary)}",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return CRLF.join(fold(line) for line in lines) + CRLF
