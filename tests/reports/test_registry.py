"""The public registry of awarded grants: filters that combine, search in Kazakh and Russian, sorting, the grant's
page, what is never public, and a pinned number of queries whatever the number of grants."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from agreements.services import grant_decline
from grants.choices import GrantType
from tests.agreements import factories as af
from tests.evaluations import factories as ef
from tests.reports import factories as rf

pytestmark = pytest.mark.django_db

REGISTRY_QUERIES = 9  # choices (a change to count?, the years, regions, customers, directions: from the statistics'
# tallies), the count (a change to count?, the sum of the tallies), ids, rows


def url(name, lang="kk", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def numbers(response) -> list[str]:
    return [g["number"] for g in response.context["page"].object_list]


def test_filters_combine_and_live_in_the_address():
    almaty_big = rf.grant(region="almaty", amount=Decimal("20000000"), awarded_on=date(2025, 3, 1))
    rf.grant(region="almaty", amount=Decimal("5000000"), awarded_on=date(2025, 3, 1))
    rf.grant(region="almaty", amount=Decimal("20000000"), awarded_on=date(2024, 3, 1))
    rf.grant(region="shymkent", amount=Decimal("20000000"), awarded_on=date(2025, 3, 1))
    response = Client().get(url("grants:registry"), {"region": "almaty", "year": "2025", "amount_from": "10 000 000"})
    assert numbers(response) == [almaty_big.number]


def test_national_lots_are_a_region_of_their_own():
    national = rf.grant(region=None)
    rf.grant(region="almaty")
    assert numbers(Client().get(url("grants:registry"), {"region": "national"})) == [national.number]


def test_a_reversed_amount_range_is_refused_with_the_input_kept():
    rf.grant()
    response = Client().get(url("grants:registry", "en"), {"amount_from": "9000000", "amount_to": "100"})
    page = response.content.decode()
    assert "is larger than the amount" in page
    assert 'value="9000000"' in page or 'value="9 000 000"' in page


def test_grant_type_and_status_filters():
    long = rf.grant(grant_type=GrantType.LONG, amount=Decimal("60000000"))
    rf.grant(grant_type=GrantType.SHORT)
    assert numbers(Client().get(url("grants:registry"), {"grant_type": "long"})) == [long.number]
    paid = rf.grant(paid=True)
    assert numbers(Client().get(url("grants:registry"), {"status": "in_progress"})) == [paid.number]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search with stemming is PostgreSQL's")
def test_search_finds_russian_word_forms_and_kazakh_prefixes():
    russian = rf.grant(title="Центр для молодёжи села", summary="Поддержка сельской молодёжи в районах")
    kazakh = rf.grant(title="Ауыл жастарына арналған орталық", summary="Жастарға кеңес беру")
    rf.grant(title="Қарттарға көмек", summary="Помощь пожилым")
    assert numbers(Client().get(url("grants:registry", "ru"), {"q": "молодёжь"})) == [russian.number]
    assert numbers(Client().get(url("grants:registry"), {"q": "жастар"})) == [kazakh.number]


def test_search_finds_the_ngo_by_name():
    ngo = ef.ngo(name_kk="«Мейірім» қоғамдық бірлестігі", name_ru="ОО «Мейирим»")
    grant = rf.grant(ngo=ngo)
    rf.grant()
    assert numbers(Client().get(url("grants:registry"), {"q": "мейірім"})) == [grant.number]


def test_a_search_counts_up_to_its_limit_and_then_says_more_than(monkeypatch):
    """A common word would have the page count every grant it finds; past the limit the list says "more than"."""
    from reports.views import registry as views

    monkeypatch.setattr(views, "SEARCH_COUNT_LIMIT", 2)
    found = [rf.grant(title=f"Шұғыла орталығы: {word}") for word in ("алмалы", "бостандық", "жүзімдік")]
    rf.grant(title="Жасыл әлем")
    response = Client().get(url("grants:registry", "en"), {"q": "шұғыла"})
    body = response.content.decode()
    assert "More than 2 grants found: add a word or a filter to narrow the search." in body
    assert response.context["page"].paginator.num_pages == 1 and len(numbers(response)) == 2
    assert set(numbers(response)) < {g.number for g in found}
    one = Client().get(url("grants:registry", "en"), {"q": "шұғыла алмалы"}).content.decode()
    assert "1 grant found" in one and "More than" not in one
    assert "4 grants found" in Client().get(url("grants:registry", "en")).content.decode()  # no search: all counted


def test_sort_by_amount_and_by_ngo_name_in_kazakh_order():
    b = rf.grant(ngo=ef.ngo(name_kk="Бірлік"), amount=Decimal("3000000"))
    a = rf.grant(ngo=ef.ngo(name_kk="Ақниет"), amount=Decimal("9000000"))
    ae = rf.grant(ngo=ef.ngo(name_kk="Әділет"), amount=Decimal("5000000"))
    assert numbers(Client().get(url("grants:registry"), {"sort": "-amount"})) == [a.number, ae.number, b.number]
    by_name = numbers(Client().get(url("grants:registry"), {"sort": "ngo"}))
    if connection.vendor == "postgresql":
        assert by_name == [a.number, ae.number, b.number]  # А, Ә, Б: the Kazakh alphabet, not Ә after Я


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the collated name indexes are PostgreSQL's")
@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_the_sort_by_ngo_name_walks_its_index_in_every_language(lang):
    """The sort's key (ngo_name_key) and the index of reports 0006 are one expression: were they to drift apart, a
    page sorted by NGO would collate every NGO's name again (57 ms at 100,000 grants), with no test failing."""
    from reports.selectors import registry

    rf.grant()
    with translation.override(lang):
        ids = registry.ordered(registry.filtered(), "ngo").values_list("pk", flat=True)[:20]
        sql, params = ids.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_sort = off")  # a handful of rows would be sorted, not walked
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert f"reports_ngo_name_{lang}_icu" in plan, plan


def test_a_declined_award_is_not_in_the_registry():
    grant = rf.grant()
    head = af.head_of(grant.ngo)
    grant_decline(grant=grant, actor=head, reason="Команда изменилась.")
    assert numbers(Client().get(url("grants:registry"))) == []
    assert Client().get(url("grants:grant", number=grant.number)).status_code == 404


def test_the_registry_runs_the_same_queries_with_one_and_fifty_grants():
    from reports import tallies

    rf.grant()
    tallies.refresh()  # what the first reader after a change does (pinned in test_statistics.py)
    client = Client()
    with CaptureQueriesContext(connection) as one:
        assert client.get(url("grants:registry")).status_code == 200
    for _ in range(49):
        rf.grant(paid=False)
    tallies.refresh()
    with CaptureQueriesContext(connection) as many:
        response = client.get(url("grants:registry"), {"region": "almaty", "sort": "ngo"})
    assert len(response.context["page"].object_list) == 20
    assert len(one) == len(many) == REGISTRY_QUERIES, [q["sql"] for q in many.captured_queries]


def test_the_count_read_from_the_statistics_tallies_is_the_number_of_grants_found():
    from reports.forms import RegistryFilterForm
    from reports.selectors import registry

    first = rf.grant(region="almaty", awarded_on=date(2025, 3, 1))
    rf.grant(region="almaty", awarded_on=date(2024, 3, 1), grant_type=GrantType.LONG)
    rf.grant(region=None, awarded_on=date(2025, 5, 1))
    declined = rf.grant(region="almaty", awarded_on=date(2025, 6, 1))
    grant_decline(grant=declined, actor=af.head_of(declined.ngo), reason="Команда изменилась.")
    cases = [{}, {"region": "almaty"}, {"region": "national"}, {"grant_type": "long"}, {"year": "2025"},
             {"region": "almaty", "year": "2025"}, {"customer": str(first.call.customer_id)},
             {"direction": str(first.lot.direction_id)}, {"amount_from": "1"}]
    for params in cases:
        response = Client().get(url("grants:registry", "en"), params)
        expected = registry.filtered(**RegistryFilterForm(params).criteria()).count()
        assert response.context["page"].paginator.count == expected, params
        assert f"{expected} grant" in response.content.decode(), params
    assert Client().get(url("grants:registry"), {"region": "almaty"}).context["page"].paginator.count == 2


def test_the_grant_page_shows_the_project_the_decision_and_the_tranches_paid():
    grant = rf.grant(summary="Жастарға арналған кеңес беру орталығы", paid=True)
    page = Client().get(url("grants:grant", "en", number=grant.number)).content.decode()
    assert "Жастарға арналған кеңес беру орталығы" in page
    assert grant.ngo.name_kk in page or grant.ngo.name_ru in page
    assert url("calls:lot", "en", call=grant.call.code, lot=grant.lot.code) in page
    assert "5\xa0000\xa0000\xa0₸" in page  # the first tranche paid, of 10 000 000
    assert "Mақсат".replace("M", "М") in page  # the goals from the application


def test_nothing_private_on_the_grant_page_the_registry_or_the_files():
    expert = ef.expert()
    grant = rf.grant(paid=True)
    grant.ngo.email = "private-ngo@example.kz"
    grant.ngo.save(update_fields=["email"])
    client = Client()
    pages = [client.get(url("grants:grant", number=grant.number)), client.get(url("grants:registry")),
             client.get(url("grants:export", fmt="csv"))]
    texts = [r.content.decode() if not r.streaming else b"".join(r.streaming_content).decode() for r in pages]
    for fmt in ("json", "csv"):
        texts.append(b"".join(client.get(reverse("open_data_file", kwargs={"fmt": fmt})).streaming_content).decode())
    agreement = grant.agreement
    for text in texts:
        assert agreement.iban not in text and agreement.bik not in text
        assert "@example.kz" not in text  # no e-mail of the NGO, its head or anyone
        assert expert.user.full_name not in text


def test_each_row_links_to_its_grant_its_ngo_and_its_lot_in_the_pages_language():
    """The rows' addresses are built from one reverse() a page: they must be the ones reverse() gives."""
    grant = rf.grant()
    for lang in ("kk", "ru", "en"):
        page = Client().get(url("grants:registry", lang)).content.decode()
        with translation.override(lang):
            expected = (reverse("grants:grant", kwargs={"number": grant.number}),
                        reverse("ngos:detail", kwargs={"bin": grant.ngo.bin}),
                        reverse("calls:lot", kwargs={"call": grant.call.code, "lot": grant.lot.code}))
        for address in expected:
            assert f'href="{address}"' in page, address
