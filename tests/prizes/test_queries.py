"""The prize lists run the same number of queries whatever their size."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ngos.models import NGO, Membership, YearlyReport
from portal.middleware import MFA_OK
from portal.models import Region
from prizes import services
from tests.world import make_user

from .factories import announced_round
from .test_pages import url

pytestmark = pytest.mark.django_db



def populate(prize_round, count: int, first: int = 0) -> None:
    """`count` NGOs, each proposed and applying in a nomination of the round."""
    region = Region.objects.get(slug="almaty")
    visitor = make_user(f"visitor{count}@example.kz")
    nominations = list(prize_round.nominations.all())
    for n in range(count):
        ngo = NGO.objects.create(bin=f"{first + n:012d}", name_kk=f"ҮЕҰ {n}", name_ru=f"НПО {n}",
                                 legal_form="public_association", region=region)
        head = make_user(f"head{count}-{n}@example.kz")
        Membership.objects.create(ngo=ngo, user=head, role="head")
        YearlyReport.objects.create(ngo=ngo, year=prize_round.year - 1, first_submitted_at=prize_round.opens_at)
        nomination = nominations[n % len(nominations)]
        services.proposal_create(actor=visitor, nomination=nomination, ngo=ngo, reason=f"Причина {n}")
        services.candidacy_submit(actor=head, nomination=nomination, ngo=ngo, language="ru", activities="a",
                                  results="r")


def count_queries(client, address) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(address)
    assert response.status_code == 200
    return len(captured), response.content.decode()


@pytest.mark.parametrize("name, staff, last_row", [
    ("prizes:round", False, "Причина 3"), ("prizes:index", False, "Номинация 4"),
    ("prizes:staff_candidacies", True, "SA-2032-0004"),
])
def test_the_lists_run_the_same_queries_with_one_or_many_rows(client, name, staff, last_row):
    if staff:
        user = make_user("auditor@example.kz", group="auditor")
        client.force_login(user)
        session = client.session
        session[MFA_OK] = user.pk
        session.save()
    populate(announced_round(year=2031, nominations=1), 1, first=1)
    one, _ = count_queries(client, url(name, **({} if name == "prizes:index" else {"year": 2031})))
    # A newer round (the index leads with it) with four nominations, proposals and candidacies.
    populate(announced_round(year=2032, nominations=4), 4, first=10)
    many, page = count_queries(client, url(name, **({} if name == "prizes:index" else {"year": 2032})))
    assert last_row in page
    assert one == many




# The years, then the awards with their NGO, region and nomination in one query; the round page adds the round
# with its nominations and the council's meeting; statistics are three grouped queries.
WINNERS_QUERIES = {"prizes:winners": 2, "prizes:round": 5, "prizes:statistics": 3}


@pytest.mark.parametrize("name", ["prizes:winners", "prizes:round", "prizes:statistics"])
def test_the_winners_run_the_same_queries_with_one_or_fifty_winners(client, name):
    from .factories import published_with_winners

    published_with_winners(year=2025, winners=1)
    one, _ = count_queries(client, url(name, **({"year": 2025} if name == "prizes:round" else {})))
    published_with_winners(year=2024, winners=50)
    many, page = count_queries(client, url(name, **({"year": 2024} if name == "prizes:round" else {})))
    if name != "prizes:statistics":
        assert page.count("<tr>") >= 50  # fifty winners listed
    assert one == many == WINNERS_QUERIES[name], (one, many)
