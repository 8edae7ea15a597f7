"""Uploads in the production set-up (DEBUG off, nothing in front of gunicorn): public files (NGO logos)
are served with caching headers; private ones (applications, CVs, receipts, draft calls' documents)
only through the views that check who asks; S3 storage is a setting away."""

import importlib
import io
import re

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tests.grants.factories import CallFactory, draft_call
from tests.ngos.factories import NGOFactory
from tests.world import make_user

pytestmark = pytest.mark.django_db


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32), (11, 61, 98)).save(buffer, format="PNG")
    return buffer.getvalue()


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_an_ngo_logo_shows_on_its_public_page_with_caching_headers(client, media_root, settings):
    assert settings.DEBUG is False
    ngo = NGOFactory(logo=SimpleUploadedFile("Қамқорлық.png", png()))

    page = client.get(f"/kk/ngos/{ngo.bin}/").content.decode()
    src = re.search(r'<img src="([^"]+)"[^>]*class="img-thumbnail ngo-logo"', page).group(1)
    response = client.get(src)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert body(response) == png()
    assert "public" in response["Cache-Control"] and "max-age=86400" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "name",
    ["applications/7/0a1b2c3d4e5f6a7b/charter.pdf", "receipts/7/0a1b2c3d4e5f6a7b/receipt.pdf",
     "experts/3/cv/cv.pdf", "evaluations/translations/7/app.docx", "calls/2027-02/rules.pdf"],
)
def test_private_uploads_are_not_served_at_their_media_address(client, media_root, name):
    default_storage.save(name, ContentFile(b"%PDF-1.4 private"))
    client.force_login(make_user("staff@example.kz", group="operator_admin"))

    assert client.get(f"/media/{name}").status_code == 404
    assert client.get(f"/media/ngos/logos/../../{name}").status_code == 404


def test_a_draft_calls_document_is_for_staff_and_an_open_calls_for_everyone(client, media_root):
    draft = draft_call()
    hidden = draft.documents.create(kind="rules", title_kk="Ереже", title_ru="Правила", content_type="application/pdf",
                                    file=ContentFile(b"%PDF-1.4 draft", name="rules.pdf"), size=14)
    open_call = CallFactory()
    public = open_call.documents.create(kind="rules", title_kk="Ереже", title_ru="Правила", size=13,
                                        content_type="application/pdf",
                                        file=ContentFile(b"%PDF-1.4 open", name="r.pdf"))
    public_url = f"/kk/calls/{open_call.code}/documents/{public.pk}/"
    assert public_url in client.get(f"/kk/calls/{open_call.code}/").content.decode()

    assert body(client.get(public_url)) == b"%PDF-1.4 open"
    hidden_url = f"/kk/calls/{draft.code}/documents/{hidden.pk}/"
    assert client.get(hidden_url).status_code == 302  # sign in first
    client.force_login(make_user("someone@example.kz"))
    assert client.get(hidden_url).status_code == 404
    client.force_login(make_user("manager@example.kz", group="call_manager"))
    assert body(client.get(hidden_url)) == b"%PDF-1.4 draft"
    assert client.get(f"/media/{hidden.file.name}").status_code == 404


def test_an_s3_bucket_is_a_setting_away(monkeypatch):
    from config import settings as portal_settings

    monkeypatch.setenv("MEDIA_S3_BUCKET", "demeu-media")
    monkeypatch.setenv("MEDIA_S3_ENDPOINT_URL", "https://s3.example.kz")
    try:
        importlib.reload(portal_settings)
        default = portal_settings.STORAGES["default"]
        assert default["BACKEND"] == "storages.backends.s3.S3Storage"
        assert default["OPTIONS"]["bucket_name"] == "demeu-media"
        assert default["OPTIONS"]["endpoint_url"] == "https://s3.example.kz"
        assert default["OPTIONS"]["default_acl"] == "private"
    finally:
        monkeypatch.delenv("MEDIA_S3_BUCKET")
        importlib.reload(portal_settings)
    assert portal_settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage"
