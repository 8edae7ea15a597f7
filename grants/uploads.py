"""Uploads are checked by what they contain, not by what they are called, and kept under a clean name."""

import re
import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from .ooxml import ooxml_kind

# Content type → extension we store it under.
DOCUMENT_TYPES = {
    "application/pdf": "pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/msword": "doc",
    "application/vnd.ms-excel": "xls",
}
OOXML_TYPES = {extension: mime for mime, extension in DOCUMENT_TYPES.items() if extension in {"docx", "xlsx", "pptx"}}


def types_label(extensions) -> str:
    """The accepted types as people read them ("PDF, DOCX, XLSX"), from the same list the check uses."""
    return ", ".join(extension.upper() for extension in extensions)


ALLOWED_LABEL = types_label(DOCUMENT_TYPES.values())


def clean_filename(name: str, extension: str) -> str:
    """Letters (Kazakh and Russian included), digits, '-' and '_' only; no path; at most 80 characters."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[^\w-]+", "-", stem, flags=re.UNICODE).strip("-_.")[:80] or "document"
    return f"{stem}.{extension}"


def sniff_document(upload) -> str | None:
    """The content type of a document by its bytes; DOCX/XLSX by their package structure (grants.ooxml)."""
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None:
        return None
    if kind.extension in {"zip", *OOXML_TYPES}:
        return OOXML_TYPES.get(ooxml_kind(upload))
    return kind.mime


def validate_document(upload, *, accepted: dict[str, str] = DOCUMENT_TYPES) -> str:
    """Check the size and the content of an uploaded document; return its content type.

    Renames the upload to a clean name with the extension of its real type."""
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; the largest allowed is %(max)s.")
            % {"size": filesizeformat(upload.size), "max": filesizeformat(settings.UPLOAD_MAX_BYTES)},
            code="too_large",
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    mime = sniff_document(upload)
    if mime not in accepted:
        raise ValidationError(
            _("This file is not a document we accept. Upload one of: %(types)s.")
            % {"types": types_label(accepted.values())},
            code="file_type",
        )
    upload.name = clean_filename(upload.name, accepted[mime])
    return mime
