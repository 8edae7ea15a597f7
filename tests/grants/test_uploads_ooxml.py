"""Office documents are checked by their package structure, packages carrying programs are refused, and
every refusal names every accepted type (from the list the check uses, so the two cannot drift apart)."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from evaluations import uploads as expert_uploads
from grants import uploads
from grants.applications import files

from .applications.factories import ooxml_bytes

EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64 + b"This program cannot be run in DOS mode"

VALIDATORS = {
    "call documents": lambda upload: uploads.validate_document(upload),
    "application documents": lambda upload: files.validate_upload(upload),
    "experts' documents": lambda upload: expert_uploads.validate_document(upload),
}


def upload_of(content: bytes, name="plan.docx"):
    return SimpleUploadedFile(name, content)


def fake_docx_with_a_program() -> bytes:
    """The probe's file: `word/` entries, a content-types file that declares no document, and an .exe."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        archive.writestr("word/setup.exe", EXE)
    return buffer.getvalue()


@pytest.mark.parametrize("check", VALIDATORS.values(), ids=VALIDATORS.keys())
def test_a_real_docx_is_accepted(check):
    check(upload_of(ooxml_bytes("docx")))


@pytest.mark.parametrize("check", VALIDATORS.values(), ids=VALIDATORS.keys())
@pytest.mark.parametrize(
    "content",
    [
        fake_docx_with_a_program(),
        ooxml_bytes("docx", extra={"word/embeddings/setup.exe": EXE}),
        ooxml_bytes("docx", extra={"word/embeddings/oleObject1.bin": b"\xd0\xcf\x11\xe0" + b"\x00" * 64 + EXE}),
        ooxml_bytes("docx", defaults='<Default Extension="exe" ContentType="application/octet-stream"/>'),
        ooxml_bytes("docx", declare_main=False),
    ],
    ids=["word-folder-and-exe", "embedded-exe", "program-in-ole-object", "exe-content-type", "no-main-part"],
)
def test_a_zip_that_only_looks_like_a_docx_or_carries_a_program_is_refused(check, content):
    with pytest.raises(ValidationError):
        check(upload_of(content))


def test_a_real_xlsx_is_an_xlsx():
    assert uploads.validate_document(upload_of(ooxml_bytes("xlsx"), "budget.xlsx")).endswith("sheet")
    assert files.validate_upload(upload_of(ooxml_bytes("xlsx"), "budget.xlsx")) == files.XLSX


@pytest.mark.parametrize(
    ("check", "accepted"),
    [
        (uploads.validate_document, uploads.DOCUMENT_TYPES.values()),
        (files.validate_upload, [kind.extension for kind in files.ACCEPTED]),
        (expert_uploads.validate_document, expert_uploads.EXTENSIONS),
    ],
)
def test_the_refusal_names_every_accepted_type(check, accepted):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        check(upload_of(b"just some text, not a document", "notes.pdf"))
    message = " ".join(refused.value.messages)
    for extension in accepted:
        assert extension.upper() in message.replace("JPEG", "JPG"), (extension, message)
