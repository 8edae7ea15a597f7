"""The call announcement as a PDF in Kazakh or Russian, lots table included.

Rendering takes a second or two, so the file is rendered on the first request and cached per call,
language and version (any change to the call, an extended deadline included, makes a new version)."""

from decimal import Decimal

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from portal.pdf import render_pdf

from .models import Call

CACHE_SECONDS = 7 * 24 * 3600


def cache_key(call: Call, language: str) -> str:
    return f"grants:announcement:{call.pk}:{language}:{call.updated_at.timestamp():.6f}"


def render_announcement(call: Call, language: str) -> bytes:
    from .selectors import call_for_page

    call = call_for_page(call.code)
    lots = list(call.lots.all())
    with translation.override(language):
        title = _("Announcement of call %(code)s") % {"code": call.code}
    return render_pdf(
        "grants/pdf/announcement.html",
        {
            "call": call,
            "lots": lots,
            "total": sum((lot.budget for lot in lots), Decimal("0")),
            "extensions": call.extensions.all(),
            "site_url": settings.SITE_URL.rstrip("/"),
        },
        language=language,
        # pdf/base.html puts the number into CSS through escapejs, which mangles hyphens.
        number=f"{call.code.replace('-', '/')} {language.upper()}",
        title=title,
    )


def announcement_pdf(call: Call, language: str) -> bytes:
    key = cache_key(call, language)
    pdf = cache.get(key)
    if pdf is None:
        pdf = render_announcement(call, language)
        cache.set(key, pdf, CACHE_SECONDS)
    return pdf
