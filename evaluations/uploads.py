"""Uploaded documents (CVs, translations of applications): PDF or Word, checked by content, not by name.

The sniffing and the clean stored name are those of grants.uploads; experts' documents accept a narrower set."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from grants.uploads import DOCUMENT_TYPES, types_label
from grants.uploads import validate_document as check_document

EXTENSIONS = {"pdf", "doc", "docx", "odt"}
ACCEPTED_TYPES = {mime: extension for mime, extension in DOCUMENT_TYPES.items() if extension in EXTENSIONS}
ACCEPTED_LABEL = types_label(sorted(EXTENSIONS))
ACCEPT_ATTRIBUTE = ",".join(f".{extension}" for extension in sorted(EXTENSIONS))


def validate_document(upload) -> None:
    name = upload.name.lower()
    extension = name.rsplit(".", 1)[-1] if "." in name else ""
    if extension not in EXTENSIONS:
        raise ValidationError(_("This file is not a document we accept. Upload one of: %(types)s.")
                              % {"types": ACCEPTED_LABEL}, code="file_type")
    check_document(upload, accepted=ACCEPTED_TYPES)
