"""Registering an NGO: the BIN explained in the page's language, the logo checked, the head made."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from ngos.choices import MemberRole, VerificationStatus
from ngos.models import NGO, Membership
from portal.models import AuditEntry, Region
from tests.world import make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db


def png(size=(64, 64)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 61, 98)).save(buffer, format="PNG")
    return buffer.getvalue()


def form_data(**overrides):
    data = {
        "bin": "940140000385",
        "name_kk": "«Қамқорлық» қоғамдық қоры", "name_ru": "Общественный фонд «Камкорлык»",
        "legal_form": "public_foundation", "registered_on": "1994-01-20",
        "region": Region.objects.get(slug="almaty").pk, "email": "info@kamkorlyk.kz",
        "website": "kamkorlyk.kz", "spheres": [],
    }
    return {**data, **overrides}


@pytest.fixture
def signed_in(client):
    user = make_user("founder@example.kz")
    client.force_login(user)
    return user


def test_a_user_registers_an_ngo_and_becomes_its_head(client, signed_in, media_root):
    response = client.post("/kk/ngos/register/", {**form_data(), "logo": SimpleUploadedFile("logo.png", png())})
    assert response.status_code == 302
    ngo = NGO.objects.get(bin="940140000385")
    assert ngo.verification == VerificationStatus.PENDING and ngo.registered_by == signed_in
    assert ngo.website == "https://kamkorlyk.kz" and ngo.logo.name.startswith("ngos/logos/")
    assert Membership.objects.get(ngo=ngo).role == MemberRole.HEAD
    assert AuditEntry.objects.get(action="ngo_registered").actor == signed_in
    assert response["Location"] == f"/kk/ngos/{ngo.bin}/manage/"


@pytest.mark.parametrize(
    ("lang", "bin", "expected"),
    [
        ("kk", "94014000038", "БСН 12 цифрдан тұрады"),
        ("ru", "94014000038", "БИН состоит из 12 цифр"),
        ("kk", "94014000038A", "тек цифрлардан"),
        ("ru", "94014000038A", "только из цифр"),
        ("kk", "940140000386", "бақылау цифры"),
        ("ru", "940140000386", "Контрольная цифра"),
    ],
)
def test_a_wrong_bin_is_explained_in_the_page_language(client, signed_in, lang, bin, expected):
    response = client.post(f"/{lang}/ngos/register/", form_data(bin=bin))
    assert response.status_code == 200
    errors = response.context["form"].errors["bin"]
    assert expected in errors[0], errors
    page = response.content.decode()
    assert "«Қамқорлық» қоғамдық қоры" in page and "info@kamkorlyk.kz" in page  # nothing typed is lost


def test_a_registered_bin_cannot_be_registered_again(client, signed_in):
    NGOFactory(bin="940140000385")
    response = client.post("/en/ngos/register/", form_data())
    assert "already registered on the portal. Ask to join it instead." in response.context["form"].errors["bin"][0]
    assert NGO.objects.count() == 1


def test_a_logo_that_is_not_an_image_is_refused(client, signed_in):
    fake = SimpleUploadedFile("logo.png", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>")
    response = client.post("/en/ngos/register/", {**form_data(), "logo": fake})
    assert response.status_code == 200
    assert response.context["form"].errors["logo"]
    assert not NGO.objects.exists()


def test_a_logo_over_the_size_limit_is_refused(client, signed_in, settings):
    settings.NGO_LOGO_MAX_BYTES = 1000
    big = SimpleUploadedFile("logo.png", png((400, 400)))
    response = client.post("/en/ngos/register/", {**form_data(), "logo": big})
    assert "the limit is 1000" in response.context["form"].errors["logo"][0]
    assert not NGO.objects.exists()


def test_a_webp_logo_is_accepted(client, signed_in, media_root):
    buffer = io.BytesIO()
    Image.new("RGB", (32, 32)).save(buffer, format="WEBP")
    logo = SimpleUploadedFile("l.webp", buffer.getvalue())
    response = client.post("/en/ngos/register/", {**form_data(), "logo": logo})
    assert response.status_code == 302


def test_profile_edits_are_audited_with_the_fields_changed(world, client):
    client.force_login(world.users["ngo_member"])
    ngo = world.ngo_a
    data = form_data(name_kk=ngo.name_kk, name_ru=ngo.name_ru, registered_on="2015-05-14", phone="+7 727 250 14 12")
    data.pop("bin")
    assert client.post(f"/kk/ngos/{ngo.bin}/manage/profile/", data).status_code == 302
    entry = AuditEntry.objects.get(action="ngo_profile_changed")
    assert entry.actor == world.users["ngo_member"] and "phone" in entry.data["fields"]
    ngo.refresh_from_db()
    assert ngo.phone == "+7 727 250 14 12" and ngo.bin == world.ngo_a.bin


SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def test_a_bin_in_superscript_digits_is_read_as_its_digits_not_a_crash(client, signed_in, media_root):
    response = client.post("/en/ngos/register/", form_data(bin="940140000385".translate(SUPERSCRIPT)))
    assert response.status_code == 302
    assert NGO.objects.filter(bin="940140000385").exists()


@pytest.mark.parametrize("bin", ["٩٤٠١٤٠٠٠٠٣٨٥", "９４０１４０００３８５x", "⁹⁴⁰¹⁴⁰⁰⁰⁰³⁸⁶"])
def test_a_bin_in_other_digits_is_refused_with_a_message(client, signed_in, bin):
    response = client.post("/en/ngos/register/", form_data(bin=bin))
    assert response.status_code == 200
    assert response.context["form"].errors["bin"]
    assert not NGO.objects.exists()


def test_joining_by_a_bin_in_superscript_digits_finds_the_ngo(client, signed_in):
    ngo = NGOFactory()
    response = client.post("/en/ngos/join/", {"bin": ngo.bin.translate(SUPERSCRIPT), "message": ""})
    assert response.status_code == 302
    assert ngo.join_requests.filter(user=signed_in).exists()
