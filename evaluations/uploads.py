"""Uploaded documents (CVs, translations of applications): PDF or Word, checked by content, not by name.

The sniffing and the clean stored name are those of grants.uploads; experts' documents accept a narrower set."""

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from grants.uploads import DOCUMENT_TYPES, clean_filename

EXTENSIONS = {"pdf", "doc", "docx", "odt"}
ACCEPTED_TYPES = {mime for mime, extension in DOCUMENT_TYPES.items() if extension in EXTENSIONS}


def validate_document(upload) -> None:
    name = upload.name.lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in EXTENSIONS:
        raise ValidationError(_("Upload a PDF, DOC, DOCX or ODT file."))
    if upload.size > settings.UPLOAD_MAX_BYTES:
        raise ValidationError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(settings.UPLOAD_MAX_BYTES)}
        )
    upload.seek(0)
    kind = filetype.guess(upload.read(8192))
    upload.seek(0)
    if kind is None or kind.mime not in ACCEPTED_TYPES:
        raise ValidationError(_("The file's content does not match its type: upload a real PDF or Word document."))
    upload.name = clean_filename(upload.name, DOCUMENT_TYPES[kind.mime])
