"""The open NGO database at /<lang>/ngos/ and /<lang>/ngos/<bin>/."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.db.models import Exists, OuterRef
from django.test.utils import CaptureQueriesContext

from ngos import figures, grant_sources
from ngos.choices import LegalForm, VerificationStatus
from ngos.models import NGO, Sphere, YearlyReport, last_reporting_year
from portal.models import Region

from .factories import NGOFactory

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
LIST_QUERIES = 6


def names(response) -> list[str]:
    return [ngo.name for ngo in response.context["page"].object_list]


def with_spheres_and_report(count: int):
    education, health = Sphere.objects.get(slug="education"), Sphere.objects.get(slug="health")
    year = last_reporting_year()
    for _ in range(count):
        ngo = NGOFactory()
        ngo.spheres.set([education, health])
        YearlyReport.objects.create(ngo=ngo, year=year, first_submitted_at=date(year + 1, 2, 1).isoformat() + "T10:00Z")


@pytest.mark.parametrize("query", ["", "?region=almaty&sphere=education&listed=on&sort=-name", "?q=Мейірім"])
def test_the_list_runs_the_same_queries_for_1_and_50_ngos(client, query):
    with_spheres_and_report(1)
    client.get("/kk/ngos/" + query)  # warm the caches (content types, sites) out of the count
    with CaptureQueriesContext(connection) as one:
        assert client.get("/kk/ngos/" + query).status_code == 200
    with_spheres_and_report(49)
    figures.figures(last_reporting_year())  # what the first reader after a change does (test_home_figures.py)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get("/kk/ngos/" + query)
    assert len(response.context["page"].object_list) == 20
    assert len(fifty) == len(one) == LIST_QUERIES, [q["sql"] for q in fifty.captured_queries]


def test_only_verified_ngos_are_public(client):
    NGOFactory(name_kk="Тексерілген", verification=VerificationStatus.VERIFIED)
    pending = NGOFactory(name_kk="Күтуде", verification=VerificationStatus.PENDING)
    rejected = NGOFactory(name_kk="Қабылданбаған", verification=VerificationStatus.REJECTED)
    assert names(client.get("/kk/ngos/")) == ["Тексерілген"]
    assert client.get(f"/kk/ngos/{pending.bin}/").status_code == 404
    assert client.get(f"/kk/ngos/{rejected.bin}/").status_code == 404


def test_filters_combine(client):
    almaty, astana = Region.objects.get(slug="almaty"), Region.objects.get(slug="astana")
    education = Sphere.objects.get(slug="education")
    year = last_reporting_year()
    match = NGOFactory(name_kk="Сәйкес", region=almaty, legal_form=LegalForm.PUBLIC_ASSOCIATION)
    match.spheres.add(education)
    YearlyReport.objects.create(ngo=match, year=year, first_submitted_at="2026-01-20T10:00Z")
    other_region = NGOFactory(name_kk="Басқа өңір", region=astana, legal_form=LegalForm.PUBLIC_ASSOCIATION)
    other_region.spheres.add(education)
    NGOFactory(name_kk="Басқа сала", region=almaty, legal_form=LegalForm.PUBLIC_ASSOCIATION)
    not_listed = NGOFactory(name_kk="Есеп жоқ", region=almaty, legal_form=LegalForm.PUBLIC_ASSOCIATION)
    not_listed.spheres.add(education)
    other_form = NGOFactory(name_kk="Басқа нысан", region=almaty, legal_form=LegalForm.PUBLIC_FOUNDATION)
    other_form.spheres.add(education)
    YearlyReport.objects.create(ngo=other_form, year=year, first_submitted_at="2026-01-20T10:00Z")

    response = client.get("/kk/ngos/?region=almaty&sphere=education&legal_form=public_association&listed=on")
    assert names(response) == ["Сәйкес"]
    assert names(client.get("/kk/ngos/?region=almaty&sphere=education&listed=on")) == ["Басқа нысан", "Сәйкес"]


def test_search_by_kazakh_or_russian_name_and_by_bin_prefix(client):
    first = NGOFactory(name_kk="«Жасыл әлем» қоғамдық бірлестігі", name_ru="Общественное объединение «Зелёный мир»")
    NGOFactory(name_kk="«Мейірім» қоры", name_ru="Фонд «Мейирим»", registered_on=date(2019, 1, 10))
    assert names(client.get("/kk/ngos/?q=жасыл")) == ["«Жасыл әлем» қоғамдық бірлестігі"]
    assert names(client.get("/kk/ngos/?q=зелёный")) == ["«Жасыл әлем» қоғамдық бірлестігі"]
    assert names(client.get(f"/kk/ngos/?q={first.bin[:8]}")) == ["«Жасыл әлем» қоғамдық бірлестігі"]
    assert names(client.get(f"/kk/ngos/?q={first.bin[:6]}+{first.bin[6:]}")) == ["«Жасыл әлем» қоғамдық бірлестігі"]


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_search_finds_the_latin_spelling_the_english_page_shows(client, lang):
    NGOFactory(name_kk="«Қамқорлық» қоғамдық қоры", name_ru="Общественный фонд «Камкорлык»",
               name_en="Kamkorlyk Public Foundation", short_name_en="Kamkorlyk PF")
    NGOFactory(name_kk="«Мейірім» қоры", name_ru="Фонд «Мейирим»", name_en="Meyirim Foundation")
    assert "Kamkorlyk Public Foundation" in client.get("/en/ngos/").content.decode()

    found = client.get(f"/{lang}/ngos/?q=kamkorlyk").context["page"].object_list

    assert [ngo.name_en for ngo in found] == ["Kamkorlyk Public Foundation"]
    assert [ngo.name_en for ngo in client.get(f"/{lang}/ngos/?q=KAMKORLYK PF").context["page"].object_list] == [
        "Kamkorlyk Public Foundation"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="ICU collations are PostgreSQL's")
def test_names_sort_in_kazakh_alphabetical_order(client):
    for name in ["Яблоко", "Қазына", "Кітап", "Әділет", "Бірлік", "Азат", "Өркен", "Орда", "Үміт", "Ұлан", "Ул"]:
        NGOFactory(name_kk=name)
    expected = ["Азат", "Әділет", "Бірлік", "Кітап", "Қазына", "Орда", "Өркен", "Ул", "Ұлан", "Үміт", "Яблоко"]
    assert names(client.get("/kk/ngos/")) == expected
    assert names(client.get("/kk/ngos/?sort=-name")) == expected[::-1]


def test_filters_and_paging_live_in_the_url(client):
    for _ in range(25):
        NGOFactory()
    response = client.get("/ru/ngos/?region=almaty&sort=-registered")
    page = response.content.decode()
    assert "?region=almaty&amp;sort=-registered&amp;page=2" in page
    assert 'value="almaty" selected' in page


def test_no_ngo_has_received_grants_until_the_grants_app_says_so(client):
    NGOFactory(name_kk="Бір")
    assert names(client.get("/kk/ngos/?grants=on")) == []
    response = client.get(f"/en/ngos/{NGO.objects.get().bin}/")
    assert response.context["grants"] == []
    assert "No state grant awarded through the portal yet" in response.content.decode()


@pytest.fixture
def a_grant_source():
    """What the grants app will register, here over a plain list of BINs."""
    awarded = {}

    def exists():
        return Exists(NGO.objects.filter(pk=OuterRef("pk"), bin__in=list(awarded)))

    def for_ngo(ngo):
        return awarded.get(ngo.bin, [])

    grant_sources.register(grant_sources.GrantSource(name="test", exists=exists, for_ngo=for_ngo))
    yield awarded
    grant_sources.unregister("test")


def test_the_grants_filter_and_profile_use_what_the_grants_app_registers(client, a_grant_source):
    awarded = NGOFactory(name_kk="Грант алған")
    NGOFactory(name_kk="Грант алмаған")
    a_grant_source[awarded.bin] = [
        grant_sources.ReceivedGrant(title="Жастар орталығы", amount=Decimal("12500000"), year=2025, url="/kk/grants/7/")
    ]
    assert names(client.get("/kk/ngos/?grants=on")) == ["Грант алған"]
    page = client.get(f"/kk/ngos/{awarded.bin}/").content.decode()
    assert "Жастар орталығы" in page and "12\xa0500\xa0000\xa0₸" in page


def test_the_profile_shows_identity_contacts_spheres_and_both_official_names(client):
    ngo = NGOFactory(
        name_kk="«Жасыл әлем» қоғамдық бірлестігі", name_ru="Общественное объединение «Зелёный мир»",
        phone="+7 717 255 31 07", email="green@example.kz", address="Астана, Республика даңғылы, 24",
    )
    ngo.spheres.add(Sphere.objects.get(slug="environment"))
    kk = client.get(f"/kk/ngos/{ngo.bin}/").content.decode()
    ru = client.get(f"/ru/ngos/{ngo.bin}/").content.decode()
    assert "<h1 class=\"mb-1\">«Жасыл әлем» қоғамдық бірлестігі</h1>" in kk
    assert '<p class="mb-0" lang="ru">Общественное объединение «Зелёный мир»</p>' in kk
    assert "<h1 class=\"mb-1\">Общественное объединение «Зелёный мир»</h1>" in ru
    assert "Экология и охрана окружающей среды" in ru and "Экология және қоршаған ортаны қорғау" in kk
    assert "green@example.kz" in kk and ngo.bin in kk
