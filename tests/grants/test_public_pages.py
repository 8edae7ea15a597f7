"""What the public sees: the calls list in order with filters, the call and lot pages, the feed, the .ics
file and the PDF announcement."""

from datetime import date, timedelta
from decimal import Decimal
from io import BytesIO

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from grants.choices import CallStatus
from grants.models import DeadlineExtension
from grants.services import calls as call_services
from portal.models import Region
from tests.world import make_user

from .factories import CallFactory, astana, complete_lot, draft_call

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on these pages is a decision, not an accident.
CALL_PAGE_QUERIES = 5
CALLS_LIST_QUERIES = 6


def url(name, **kwargs):
    with translation.override("kk"):
        return reverse(name, kwargs=kwargs)


def titles_in_order(response):
    return [call.code for call in response.context["page"].object_list]


def test_open_calls_come_first_then_announced_then_closed():
    today = timezone.localdate()
    closed = CallFactory(opens_at=astana(today - timedelta(days=60), 9), closes_at=astana(today - timedelta(days=30)))
    announced = CallFactory(opens_at=astana(today + timedelta(days=5), 9), closes_at=astana(today + timedelta(days=35)))
    open_late = CallFactory(closes_at=astana(today + timedelta(days=25)))
    open_soon = CallFactory(closes_at=astana(today + timedelta(days=3)))
    draft_call()
    from django.test import Client

    codes = titles_in_order(Client().get(url("calls:list")))
    assert codes == [open_soon.code, open_late.code, announced.code, closed.code]


def test_filters_combine_in_the_url(client):
    almaty, turkistan = Region.objects.get(slug="almaty"), Region.objects.get(slug="turkistan")
    short_almaty = CallFactory()
    complete_lot(short_almaty, "2027-ALM-01", region=almaty)
    medium_almaty = CallFactory()
    complete_lot(medium_almaty, "2027-ALM-02", region=almaty, grant_type="medium", term_months=18,
                 budget=Decimal("20000000"))
    short_turkistan = CallFactory()
    complete_lot(short_turkistan, "2027-TUR-01", region=turkistan)

    response = client.get(url("calls:list") + "?region=almaty&grant_type=short&year=2027")

    assert titles_in_order(response) == [short_almaty.code]


def test_the_national_filter_finds_calls_with_national_lots(client):
    national = CallFactory()
    complete_lot(national, "2027-NAT-01", region=None)
    regional = CallFactory()
    complete_lot(regional, "2027-ALM-01", region=Region.objects.get(slug="almaty"))
    assert titles_in_order(client.get(url("calls:list") + "?region=national")) == [national.code]


def count_queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_calls_list_runs_the_same_number_of_queries_for_1_and_20_calls(client):
    def add_call(n):
        call = CallFactory()
        complete_lot(call, f"2027-L{n:02d}-01", region=Region.objects.order_by("?").first())

    add_call(0)
    path = url("calls:list") + "?grant_type=short"
    one = count_queries(client, path)
    for n in range(1, 20):
        add_call(n)
    twenty = count_queries(client, path)
    assert len(client.get(path).context["page"].object_list) == 20
    assert one == twenty == CALLS_LIST_QUERIES


def test_the_call_page_runs_the_same_number_of_queries_for_1_and_10_lots(client):
    call = CallFactory()
    complete_lot(call, "2027-ALM-01")
    path = url("calls:detail", call=call.code)
    one = count_queries(client, path)
    for n in range(2, 11):
        complete_lot(call, f"2027-ALM-{n:02d}", region=Region.objects.order_by("?").first())
    assert count_queries(client, path) == one == CALL_PAGE_QUERIES


def test_a_draft_call_is_not_public(client):
    call = draft_call()
    assert client.get(url("calls:detail", call=call.code)).status_code == 302  # to sign in
    client.force_login(make_user("someone@example.kz"))
    assert client.get(url("calls:detail", call=call.code)).status_code == 404


@pytest.mark.parametrize(
    "language, expected",
    [
        ("kk", "Соңғы мерзім: 2027 жылғы 30 наурыз, 18:30 (Астана уақыты)"),
        ("ru", "до 30 марта 2027 г., 18:30 (время Астаны)"),
        ("en", "until 30 March 2027, 18:30 (Astana time)"),
    ],
)
def test_the_call_page_spells_the_deadline_in_astana_time(client, language, expected):
    call = CallFactory(opens_at=astana(date(2027, 3, 1), 9), closes_at=astana(date(2027, 3, 30)))
    with translation.override(language):
        path = reverse("calls:detail", kwargs={"call": call.code})
    html = client.get(path, headers={"accept-language": language}).content.decode()
    assert expected in html


def test_the_call_page_shows_lots_documents_and_extensions(client, media_root):
    call = CallFactory()
    lot = complete_lot(call, "2027-ALM-01", region=Region.objects.get(slug="almaty"))
    call.documents.create(kind="rules", title_kk="Конкурс ережесі", title_ru="Правила конкурса",
                          file="calls/x/rules.pdf", content_type="application/pdf", size=2048)
    manager = make_user("m@example.kz", group="call_manager")
    call_services.call_extend(actor=manager, call=call, new_closes_at=call.closes_at + timedelta(days=5),
                              reason_kk="ҮЕҰ өтініші бойынша", reason_ru="По просьбам НПО")

    html = client.get(url("calls:detail", call=call.code)).content.decode()

    assert lot.code in html and "Алматы қаласы" in html and "9\xa0000\xa0000\xa0₸" in html
    assert "Конкурс ережесі" in html
    assert "ҮЕҰ өтініші бойынша" in html
    assert DeadlineExtension.objects.count() == 1


def test_a_cancelled_call_shows_its_reason(client):
    call = CallFactory()
    manager = make_user("m@example.kz", group="call_manager")
    call_services.call_cancel(actor=manager, call=call, reason_kk="Қаржыландыру қысқарды",
                              reason_ru="Сокращено финансирование")
    html = client.get(url("calls:detail", call=call.code)).content.decode()
    assert "Қаржыландыру қысқарды" in html


def test_the_lot_page_shows_indicators_and_the_justification_with_its_total(client):
    call = CallFactory()
    lot = complete_lot(call, "2027-ALM-01", budget=Decimal("9000000"))
    html = client.get(url("calls:lot", call=call.code, lot=lot.code)).content.decode()
    assert "Оқытылған волонтерлер" in html
    assert "4\xa0500\xa0000\xa0₸" in html  # each of the two lines
    assert html.count("9\xa0000\xa0000\xa0₸") >= 2  # the total and the budget


def test_the_ics_file_has_one_event_at_the_deadline_in_utc(client):
    call = CallFactory(closes_at=astana(date(2027, 3, 30)), title_kk="Конкурс; «Жастар», 2027")
    response = client.get(url("calls:ics", call=call.code))
    body = response.content.decode()
    assert response["Content-Type"].startswith("text/calendar")
    assert body.count("BEGIN:VEVENT") == 1
    assert "DTSTART:20270330T133000Z\r\n" in body
    assert all(line.endswith("\r") or not line for line in body.split("\n")[:-1])
    unfolded = body.replace("\r\n ", "")
    assert "Конкурс\\; «Жастар»\\, 2027" in unfolded
    assert all(len(line.encode()) <= 75 for line in body.split("\r\n"))


def test_the_atom_feed_lists_announced_calls_only(client):
    call = CallFactory()
    hidden = draft_call()
    response = client.get(url("calls:feed"))
    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert call.code in body and hidden.code not in body


def test_the_announcement_pdf_lists_the_lots_in_russian(client):
    from pypdf import PdfReader

    call = CallFactory()
    complete_lot(call, "2027-ALM-01")
    response = client.get(url("calls:announcement_pdf", call=call.code, language="ru"))
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    assert response["Content-Type"] == "application/pdf"
    assert "2027-ALM-01" in text and "Молодёжный центр" in text


def test_the_home_page_shows_open_calls_and_their_figures(client):
    call = CallFactory()
    complete_lot(call, "2027-ALM-01")
    CallFactory(status=CallStatus.ANNOUNCED, opens_at=astana(timezone.localdate() + timedelta(days=3), 9),
                closes_at=astana(timezone.localdate() + timedelta(days=30)))
    response = client.get(url("portal:home"))
    assert [c.code for c in response.context["open_calls"]] == [call.code]
    assert response.context["figures"][0]["value"] == "1"
    assert call.title_kk in response.content.decode()


@pytest.mark.parametrize(("calls", "label"), [(1, "1</p>"), (2, "2</p>"), (5, "5</p>")])
def test_the_home_page_counts_open_calls_in_a_grammatical_russian_phrase(client, calls, label):
    for n in range(calls):
        complete_lot(CallFactory(), f"2027-ALM-{n + 1:02d}")
    with translation.override("ru"):
        page = client.get(reverse("portal:home")).content.decode()
    expected = {1: "конкурс принимает заявки", 2: "конкурса принимают заявки", 5: "конкурсов принимают заявки"}[calls]
    assert expected in page
    lots = {1: "лот в открытых конкурсах", 2: "лота в открытых конкурсах", 5: "лотов в открытых конкурсах"}[calls]
    assert lots in page


def test_a_call_card_reads_as_one_phrase_in_kazakh(client):
    today = timezone.localdate()
    open_call = CallFactory()
    complete_lot(open_call, "2027-ALM-01")
    CallFactory(opens_at=astana(today - timedelta(days=60), 9), closes_at=astana(today - timedelta(days=30)))
    page = client.get(url("calls:list")).content.decode()
    assert f"№ {open_call.code} конкурс" in page
    assert f"Конкурс {open_call.code}" not in page
    closing = (today - timedelta(days=30)).strftime("%d.%m.%Y")
    assert f"{closing}, 18:30 (Астана уақыты) аяқталды" in page
