"""Uploaded documents (CVs, translations of applications): PDF or Word, checked by content, not by name."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Extension → how the first bytes must look.
SIGNATURES = {
    "pdf": lambda head: (kind := filetype.guess(head)) is not None and kind.mime == "application/pdf",
    "docx": lambda head: head.startswith(b"PK\x03\x04"),  # a zip container
    "odt": lambda head: head.startswith(b"PK\x03\x04"),
    "doc": lambda head: head.startswith(b"\xd0\xcf\x11\xe0"),  # the OLE container of old Word files
}


def validate_document(upload) -> None:
    name = upload.name.lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in SIGNATURES:
        raise ValidationError(_("Upload a PDF, DOC, DOCX or ODT file."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    head = upload.read(2048)
    upload.seek(0)
    if not SIGNATURES[extension](head):
        raise ValidationError(_("The file's content does not match its type: upload a real PDF or Word document."))
