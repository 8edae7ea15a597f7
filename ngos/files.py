"""Uploaded files an NGO shows to the public: checked by content, not by the name the browser sends."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# SVG is left out on purpose: it can carry script, and the logo is served from our own origin.
LOGO_TYPES = {"image/png": "PNG", "image/jpeg": "JPEG", "image/webp": "WebP"}


def logo_max_bytes() -> int:
    return getattr(settings, "NGO_LOGO_MAX_BYTES", 2 * 1024 * 1024)


@deconstructible
class LogoValidator:
    """A logo is a PNG, JPEG or WebP image of at most NGO_LOGO_MAX_BYTES (2 MB by default)."""

    def __call__(self, upload):
        if getattr(upload, "_committed", False):
            return  # already stored: it was checked when it was uploaded
        size = getattr(upload, "size", 0) or 0
        if size > logo_max_bytes():
            raise ValidationError(
                _("The logo is %(size)s; the limit is %(limit)s."),
                code="logo_size",
                params={"size": filesizeformat(size), "limit": filesizeformat(logo_max_bytes())},
            )
        position = upload.tell() if hasattr(upload, "tell") else None
        head = upload.read(261)
        if position is not None:
            upload.seek(position)
        kind = filetype.guess(head)
        if kind is None or kind.mime not in LOGO_TYPES:
            raise ValidationError(
                _("The logo must be a PNG, JPEG or WebP image."),
                code="logo_type",
            )

    def __eq__(self, other):
        return isinstance(other, LogoValidator)


validate_logo = LogoValidator()
