"""Documents are accepted by what their bytes are, never by their names; names are made safe; hashes kept."""

import hashlib
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from grants.applications import services
from grants.applications.models import ApplicationDocument

from .factories import PDF_BYTES, docx_bytes

pytestmark = pytest.mark.django_db

EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 200
PNG_BYTES = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489") + b"\x00" * 40


def upload(client, application, name, content, kind="support_letter"):
    url = reverse("applications:documents", kwargs={"pk": application.pk})
    return client.post(url, {"kind": kind, "file": SimpleUploadedFile(name, content)})


def test_an_exe_renamed_pdf_is_refused(client, application, member):
    client.force_login(member)
    response = upload(client, application, "letter.pdf", EXE_BYTES)
    assert response.status_code == 200
    assert "not one of the accepted formats" in response.content.decode()
    assert not application.documents.filter(kind="support_letter").exists()


def test_a_zip_renamed_docx_is_refused(client, application, member):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "hello")
    client.force_login(member)
    upload(client, application, "letter.docx", buffer.getvalue())
    assert not application.documents.filter(kind="support_letter").exists()


def test_an_oversized_file_is_refused_with_the_limit(client, application, member, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    client.force_login(member)
    response = upload(client, application, "big.pdf", PDF_BYTES + b"0" * 2048)
    body = response.content.decode()
    assert "the limit is 1.0\xa0KB" in body
    assert not application.documents.filter(kind="support_letter").exists()


def test_a_path_in_the_file_name_is_sanitised(client, application, member):
    client.force_login(member)
    upload(client, application, "../../etc/passwd", PDF_BYTES)
    document = application.documents.get(kind="support_letter")
    assert document.name == "passwd.pdf"
    assert ".." not in document.file.name and "/etc/" not in document.file.name
    assert document.file.name.startswith(f"applications/{application.pk}/")


@pytest.mark.parametrize(
    "original, expected",
    [
        ("..\\..\\windows\\system32\\evil.pdf", "evil.pdf"),
        ("...", "document.pdf"),
        (".htaccess", "htaccess.pdf"),
        ("Жарғы 2024 (соңғы).pdf", "Жарғы_2024_соңғы.pdf"),
        ("report.docx", "report.pdf"),  # a PDF is a PDF, whatever its extension says
    ],
)
def test_names_become_plain_file_names_with_the_extension_of_their_content(original, expected):
    from grants.applications.files import PDF, safe_name

    assert safe_name(original, PDF) == expected


def test_docx_png_and_pdf_are_accepted_by_content_with_their_sha256(client, application, member):
    client.force_login(member)
    for name, content, content_type in [
        ("letter", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("photo.jpeg.png", PNG_BYTES, "image/png"),
        ("letter2.pdf", PDF_BYTES, "application/pdf"),
    ]:
        upload(client, application, name, content)
        document = application.documents.filter(kind="support_letter").latest("id")
        assert document.content_type == content_type
        assert document.sha256 == hashlib.sha256(content).hexdigest()
        assert document.size == len(content)


def test_a_document_can_be_replaced_until_submission(client, application, member, head, before_deadline):
    charter = application.documents.get(kind="charter")
    client.force_login(member)
    url = reverse("applications:document_replace", kwargs={"pk": application.pk, "document": charter.pk})
    new = PDF_BYTES + b"% version 2\n"
    response = client.post(url, {"file": SimpleUploadedFile("charter-2025.pdf", new)})
    assert response.status_code == 302
    charter.refresh_from_db()
    assert (charter.name, charter.sha256) == ("charter-2025.pdf", hashlib.sha256(new).hexdigest())

    services.application_submit(application=application, actor=head, now=before_deadline)
    response = client.post(url, {"file": SimpleUploadedFile("charter-2026.pdf", PDF_BYTES)})
    assert response.status_code == 403
    assert ApplicationDocument.objects.get(pk=charter.pk).name == "charter-2025.pdf"


def test_the_stored_hash_matches_the_file_served(client, application, member):
    document = application.documents.get(kind="charter")
    client.force_login(member)
    response = client.get(reverse("applications:document", kwargs={"pk": application.pk, "document": document.pk}))
    served = b"".join(response.streaming_content)
    assert hashlib.sha256(served).hexdigest() == document.sha256
    assert response["Content-Disposition"].startswith("attachment")


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_required_documents_are_named_in_the_readers_language_not_by_their_codes(
    client, application, member, language
):
    from django.utils import translation

    from grants.applications.choices import DocumentKind

    client.force_login(member)
    body = client.get(f"/{language}" + reverse("applications:documents", kwargs={"pk": application.pk})[3:])
    text = body.content.decode()
    with translation.override(language):
        assert f"{DocumentKind.CHARTER.label}, {DocumentKind.FINANCIAL_STATEMENTS.label}" in text
    assert "charter, financial_statements" not in text
