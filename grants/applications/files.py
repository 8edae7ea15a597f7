"""What an uploaded document really is (by its bytes, never by its name), a safe name for it, and its SHA-256."""

import hashlib
import posixpath
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from grants.uploads import sniff_document


@dataclass(frozen=True)
class FileKind:
    extension: str
    content_type: str
    label: str


PDF = FileKind("pdf", "application/pdf", "PDF")
DOCX = FileKind("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "DOCX")
XLSX = FileKind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "XLSX")
JPG = FileKind("jpg", "image/jpeg", "JPG")
PNG = FileKind("png", "image/png", "PNG")
ACCEPTED = (PDF, DOCX, XLSX, JPG, PNG)
ACCEPTED_LABELS = ", ".join(kind.label for kind in ACCEPTED)
MAX_NAME = 120


BY_CONTENT_TYPE = {kind.content_type: kind for kind in ACCEPTED}


def sniff(upload) -> FileKind | None:
    """By the bytes, as grants.uploads reads every document (OOXML by its package structure)."""
    return BY_CONTENT_TYPE.get(sniff_document(upload))


def safe_name(original: str, kind: FileKind) -> str:
    """A plain file name: no folders, no leading dots, only safe characters, and the extension its content has."""
    base = posixpath.basename((original or "").replace("\\", "/"))
    stem = base.rsplit(".", 1)[0] if "." in base.lstrip(".") else base
    stem = get_valid_filename(stem.strip(". ")) if stem.strip(". ") else ""
    stem = stem.lstrip(".-_")[: MAX_NAME - len(kind.extension) - 1] or "document"
    return f"{stem}.{kind.extension}"


def sha256_of(upload) -> str:
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    return digest.hexdigest()


def validate_upload(upload) -> FileKind:
    """The kind of an acceptable upload, or a ValidationError that says what is wrong with it."""
    limit = settings.UPLOAD_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("The file is %(size)s; the limit is %(limit)s. Please upload a smaller file."),
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
        )
    if upload.size == 0:
        raise ValidationError(_("The file is empty."), code="empty")
    kind = sniff(upload)
    if kind is None:
        raise ValidationError(
            _("The content of this file is not one of the accepted formats (%(formats)s), whatever its name says."),
            code="bad_type",
            params={"formats": ACCEPTED_LABELS},
        )
    return kind
