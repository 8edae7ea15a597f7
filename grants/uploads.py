"""Uploads are checked by what they contain, not by what they are called, and kept under a clean name."""

import re
import unicodedata

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

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
ALLOWED_LABEL = "PDF, DOCX, XLSX, ODT, ODS, DOC, XLS"


def clean_filename(name: str, extension: str) -> str:
    """Letters (Kazakh and Russian included), digits, '-' and '_' only; no path; at most 80 characters."""
    stem = name.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[^\w-]+", "-", stem, flags=re.UNICODE).strip("-_.")[:80] or "document"
    return f"{stem}.{extension}"


def validate_document(upload) -> str:
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
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in DOCUMENT_TYPES:
        raise ValidationError(
            _("This file is not a document we accept. Upload one of: %(types)s.") % {"types": ALLOWED_LABEL},
            code="file_type",
        )
    upload.name = clean_filename(upload.name, DOCUMENT_TYPES[kind.mime])
    return kind.mime
