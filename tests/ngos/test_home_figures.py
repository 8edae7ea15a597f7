"""The home page's figures of the NGO database are kept counted (ngos/figures.py): after every kind of change they
equal a live count, the page reads one row when nothing changed, and a write that bypassed the signals is repaired
within a day."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ngos import services
from ngos.choices import MemberRole, VerificationStatus
from ngos.models import NGO, Membership, NGOFigures, YearlyReport, last_reporting_year
from ngos.selectors import home
from ngos.services.imports import ngo_import
from tests.world import make_user

from .factories import NGOFactory, next_bin
from .test_reports import filed

pytestmark = pytest.mark.django_db


def shown(client) -> tuple[str, str]:
    figures = client.get(reverse("portal:home")).context["figures"]
    values = {figure["label"]: figure["value"] for figure in figures}
    year = last_reporting_year()
    return values["NGOs in the NGO database"], values[f"NGOs listed for {year}"]


def counted_live() -> tuple[str, str]:
    verified = NGO.objects.filter(verification=VerificationStatus.VERIFIED)
    listed = verified.filter(yearly_reports__year=last_reporting_year(),
                             yearly_reports__first_submitted_at__isnull=False)
    return str(verified.count()), str(listed.count())


@pytest.fixture
def english(settings):
    settings.LANGUAGE_CODE = "en"


def test_the_figures_follow_every_change_that_moves_them(client, english):
    first = NGOFactory()
    head = make_user("head@example.kz")
    Membership.objects.create(ngo=first, user=head, role=MemberRole.HEAD)
    assert shown(client) == counted_live() == ("1", "0")

    filed(first, head, last_reporting_year())
    assert shown(client) == counted_live() == ("1", "1")

    pending = NGOFactory(verification=VerificationStatus.PENDING)
    assert shown(client) == ("1", "1")
    services.ngo_verify(ngo=pending, actor=None)
    assert shown(client) == counted_live() == ("2", "1")

    result = ngo_import(rows=[(2, {"bin": next_bin(date(2019, 3, 1)), "name_kk": "«Жол» қоғамдық бірлестігі",
                                   "name_ru": "Общественное объединение «Жол»", "legal_form": "public_association",
                                   "region": "atyrau"})])
    assert len(result.imported) == 1, result.rejected
    assert shown(client) == counted_live() == ("3", "1")

    first.verification = VerificationStatus.REJECTED
    first.save()
    assert shown(client) == counted_live() == ("2", "0")

    first.verification = VerificationStatus.VERIFIED
    first.save()
    assert shown(client) == counted_live() == ("3", "1")

    first.delete()
    assert shown(client) == counted_live() == ("2", "0")


def test_an_unchanged_database_is_read_in_one_query(client, english, django_assert_num_queries):
    for _ in range(3):
        NGOFactory()
    home()  # counted once
    with django_assert_num_queries(1):
        assert home()["figures"][0]["value"] == "3"


def test_a_write_that_bypassed_the_signals_shows_within_a_day(client, english):
    NGOFactory()
    assert shown(client) == ("1", "0")
    NGO.objects.update(verification=VerificationStatus.PENDING)  # no signal: the kept count still says 1
    assert shown(client) == ("1", "0")
    NGOFigures.objects.update(counted_at=timezone.now() - timedelta(days=1, minutes=1))
    assert shown(client) == counted_live() == ("0", "0")


def test_a_draft_report_moves_nothing(client, english, django_assert_num_queries):
    ngo = NGOFactory()
    home()
    YearlyReport.objects.create(ngo=ngo, year=last_reporting_year())
    with django_assert_num_queries(1):
        assert home()["figures"][1]["value"] == "0"


def test_the_list_unfiltered_or_of_the_listed_ngos_is_counted_by_the_kept_figures(client, english):
    """The public list pages through the home page's figures (no count of every NGO for them), and they follow a
    change at once as the home page does; any other filter is counted from the NGOs themselves."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first, second = NGOFactory(), NGOFactory(region=NGOFactory().region)
    head = make_user("head@example.kz")
    Membership.objects.create(ngo=first, user=head, role=MemberRole.HEAD)
    filed(first, head, last_reporting_year())

    def total(query: str = "") -> tuple[int, int]:
        """The count the page shows, and the count queries of a view once the figures are up to date."""
        client.get(f"/en/ngos/{query}")  # the first reader after a change counts the figures again
        with CaptureQueriesContext(connection) as queries:
            page = client.get(f"/en/ngos/{query}").context["page"]
        counts = [q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"] and "ngos_ngo" in q["sql"]]
        return page.paginator.count, len(counts)

    assert total() == (3, 0)
    assert total("?listed=on&sort=-registered") == (1, 0)
    assert total("?page=1&q=") == (3, 0)
    assert total("?region=almaty")[0] == NGO.objects.filter(region__slug="almaty").count()
    assert total("?region=almaty")[1] > 0  # another filter: counted
    pending = NGOFactory(verification=VerificationStatus.PENDING)
    services.ngo_verify(ngo=pending, actor=None)
    assert total() == (4, 0)
    second.delete()
    assert total() == (3, 0)
    assert "3 NGOs found" in client.get("/en/ngos/").content.decode()
