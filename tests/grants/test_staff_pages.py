"""Staff pages: call managers create and change calls and lots, others read; bad input loses nothing."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from grants.choices import CallStatus
from grants.models import Call, CallDocument, Lot
from portal.middleware import MFA_OK
from tests.world import make_user

from .factories import CallFactory, CustomerFactory, DirectionFactory, FiscalYearFactory, complete_lot, draft_call

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
STAFF_CALLS_QUERIES = 6

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def url(name, **kwargs):
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def signed_in(client, role, email=None):
    user = make_user(email or f"{role}@example.kz", group=role)
    client.force_login(user)
    session = client.session
    session[MFA_OK] = user.pk
    session.save()
    return user


@pytest.fixture
def manager(client):
    return signed_in(client, "call_manager")


def test_a_call_manager_creates_a_call_with_the_deadline_in_astana_time(client, manager):
    customer, year = CustomerFactory(), FiscalYearFactory()
    response = client.post(url("calls:staff_create"), {
        "customer": customer.pk, "fiscal_year": year.pk, "number": 3, "title_kk": "Конкурс", "title_ru": "Конкурс",
        "description_kk": "Сипаттама", "description_ru": "Описание", "opens_on": "2027-03-01", "opens_time": "09:00",
        "closes_on": "2027-03-30", "closes_time": "18:30",
    })
    call = Call.objects.get()
    assert response.status_code == 302 and response["Location"] == url("calls:staff_call", call="2027-03")
    assert call.status == CallStatus.DRAFT
    assert call.closes_at == datetime(2027, 3, 30, 13, 30, tzinfo=UTC)


def test_a_call_that_closes_before_it_opens_is_refused_and_keeps_what_was_typed(client, manager):
    customer, year = CustomerFactory(), FiscalYearFactory()
    response = client.post(url("calls:staff_create"), {
        "customer": customer.pk, "fiscal_year": year.pk, "number": 3, "title_kk": "Менің конкурсым",
        "title_ru": "Мой конкурс", "description_kk": "С", "description_ru": "О", "opens_on": "2027-03-30",
        "opens_time": "09:00", "closes_on": "2027-03-01", "closes_time": "18:30",
    })
    html = response.content.decode()
    assert response.status_code == 200 and not Call.objects.exists()
    assert "Applications must close after they open." in html
    assert 'value="Менің конкурсым"' in html


def lot_post(call, **overrides):
    direction = DirectionFactory(direction_list__customer=call.customer, direction_list__fiscal_year=call.fiscal_year)
    data = {
        "code": "2027-ALM-05", "direction": direction.pk, "title_kk": "Жастар", "title_ru": "Молодёжь",
        "grant_type": "short", "term_months": "6", "budget": "3 000 000", "grants_count": "1",
        "problem_kk": "М", "problem_ru": "П", "target_groups_kk": "Ж", "target_groups_ru": "М",
        "expected_results_kk": "Н", "expected_results_ru": "Р", "requirements_kk": "Т", "requirements_ru": "Т",
        "indicators-0-name_kk": "Волонтерлер", "indicators-0-name_ru": "Волонтёры", "indicators-0-unit_kk": "адам",
        "indicators-0-unit_ru": "человек", "indicators-0-target_value": "100",
        # Row 1 was removed in the browser: numbers may have gaps.
        "lines-0-item_kk": "Жалақы", "lines-0-item_ru": "Зарплата", "lines-0-unit_kk": "ай", "lines-0-unit_ru": "месяц",
        "lines-0-quantity": "6", "lines-0-unit_cost": "250000", "lines-0-source_kk": "Нарық",
        "lines-0-source_ru": "Рынок",
        "lines-2-item_kk": "Жалға алу", "lines-2-item_ru": "Аренда", "lines-2-unit_kk": "ай",
        "lines-2-unit_ru": "месяц", "lines-2-quantity": "6", "lines-2-unit_cost": "250 000,00",
        "lines-2-source_kk": "Нарық", "lines-2-source_ru": "Рынок",
        "lines-3-item_kk": "", "lines-3-item_ru": "", "lines-3-quantity": "", "lines-3-unit_cost": "",
    }
    data.update(overrides)
    return data


def test_a_lot_is_saved_with_its_indicators_and_justification_rows(client, manager):
    call = draft_call()
    response = client.post(url("calls:staff_lot_create", call=call.code), lot_post(call))
    assert response.status_code == 302
    lot = Lot.objects.get(code="2027-ALM-05")
    assert lot.budget == Decimal("3000000")
    assert [i.name_ru for i in lot.indicators.all()] == ["Волонтёры"]
    assert [line.item_ru for line in lot.justification_lines.order_by("position")] == ["Зарплата", "Аренда"]
    assert lot.justification_total() == lot.budget


def test_a_budget_outside_the_mci_limits_is_refused_with_the_range_and_nothing_typed_is_lost(client, manager):
    call = draft_call()
    response = client.post(url("calls:staff_lot_create", call=call.code), lot_post(call, budget="1 000 000"))
    html = response.content.decode()
    assert response.status_code == 200 and not Lot.objects.exists()
    assert "2\xa0162\xa0500\xa0₸" in html and "12\xa0975\xa0000\xa0₸" in html
    assert 'value="Волонтёры"' in html and 'value="Аренда"' in html and 'name="lines-2-item_ru"' in html
    assert 'value="1 000 000"' in html


def test_announcing_an_incomplete_call_shows_what_is_missing(client, manager):
    call = draft_call()
    complete_lot(call, "2027-ALM-01", title_ru="")
    response = client.post(url("calls:staff_announce", call=call.code), follow=True)
    messages = [str(m) for m in response.context["messages"]]
    assert any("2027-ALM-01" in m and "no Russian text of: title" in m for m in messages)
    assert Call.objects.get().status == CallStatus.DRAFT


def test_a_call_manager_announces_a_complete_call(client, manager):
    call = draft_call()
    complete_lot(call, "2027-ALM-01")
    client.post(url("calls:staff_announce", call=call.code))
    assert Call.objects.get().status == CallStatus.ANNOUNCED


@pytest.mark.parametrize("role", ["auditor", "screening_officer", "operator_admin"])
def test_other_staff_read_but_cannot_announce_or_change(client, role):
    signed_in(client, role)
    call = draft_call()
    complete_lot(call, "2027-ALM-01")
    assert client.get(url("calls:staff_call", call=call.code)).status_code == 200
    assert client.post(url("calls:staff_announce", call=call.code)).status_code == 403
    assert client.post(url("calls:staff_lot_delete", call=call.code, lot="2027-ALM-01")).status_code == 403
    assert Call.objects.get().status == CallStatus.DRAFT and Lot.objects.exists()


def test_a_document_is_checked_by_its_content_and_its_name_cleaned(client, manager, media_root):
    call = draft_call()
    upload = SimpleUploadedFile("../../Ереже конкурса (2027).PDF", PDF, content_type="application/pdf")
    response = client.post(url("calls:staff_document_add", call=call.code), {
        "kind": "rules", "title_kk": "Ереже", "title_ru": "Правила", "file": upload,
    })
    assert response.status_code == 302
    document = CallDocument.objects.get()
    assert document.content_type == "application/pdf"
    assert document.file.name == "calls/2027-01/Ереже-конкурса-2027.pdf".replace("2027-01", call.code)


def test_a_text_file_named_pdf_is_refused_and_the_titles_are_kept(client, manager, media_root):
    call = draft_call()
    upload = SimpleUploadedFile("rules.pdf", b"just some text, not a PDF", content_type="application/pdf")
    response = client.post(url("calls:staff_document_add", call=call.code), {
        "kind": "rules", "title_kk": "Ереже", "title_ru": "Правила", "file": upload,
    })
    html = response.content.decode()
    assert response.status_code == 200 and not CallDocument.objects.exists()
    assert "not a document we accept" in html and 'value="Правила"' in html


def test_a_file_over_the_size_limit_is_refused(client, manager, media_root, settings):
    settings.UPLOAD_MAX_BYTES = 100
    call = draft_call()
    upload = SimpleUploadedFile("rules.pdf", PDF + b"0" * 200, content_type="application/pdf")
    response = client.post(url("calls:staff_document_add", call=call.code), {
        "kind": "rules", "title_kk": "Ереже", "title_ru": "Правила", "file": upload,
    })
    assert "the largest allowed is 100" in response.content.decode()
    assert not CallDocument.objects.exists()


def test_the_row_endpoint_returns_an_empty_row_numbered_as_asked(client, manager):
    response = client.get(url("calls:staff_row", kind="lines") + "?next=7")
    html = response.content.decode()
    assert 'data-index="7"' in html and 'name="lines-7-unit_cost"' in html and "<tr" in html


def test_removing_a_row_answers_with_nothing_to_swap_in(client, manager):
    response = client.post(url("calls:staff_row_remove"))
    assert response.status_code == 200 and response.content == b""


def test_the_extension_page_moves_the_deadline(client, manager):
    call = CallFactory()
    response = client.post(url("calls:staff_extend", call=call.code), {
        "new_closes_on": "2099-01-15", "new_closes_time": "18:30", "reason_kk": "Себеп", "reason_ru": "Причина",
    })
    assert response.status_code == 302
    assert Call.objects.get().closes_at == datetime(2099, 1, 15, 13, 30, tzinfo=UTC)


def test_the_staff_calls_list_runs_the_same_number_of_queries_for_1_and_20_calls(client, manager):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    CallFactory()

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url("calls:staff_list")).status_code == 200
        return len(queries)

    one = count()
    for _ in range(19):
        CallFactory()
    assert count() == one == STAFF_CALLS_QUERIES


def test_a_call_manager_drafts_directions_and_puts_them_to_discussion(client, manager):
    from datetime import timedelta

    from django.utils import timezone

    from grants.models import PriorityDirectionList

    customer, year = CustomerFactory(), FiscalYearFactory()
    response = client.post(url("calls:staff_directions"), {"customer": customer.pk, "fiscal_year": year.pk})
    direction_list = PriorityDirectionList.objects.get()
    assert response["Location"] == url("calls:staff_direction_list", pk=direction_list.pk)

    client.post(url("calls:staff_directions_save", pk=direction_list.pk), {
        "directions-0-number": "1", "directions-0-title_kk": "Жастар", "directions-0-title_ru": "Молодёжь",
        "directions-4-number": "2", "directions-4-title_kk": "Экология", "directions-4-title_ru": "Экология",
    })
    assert list(direction_list.directions.values_list("number", "title_ru")) == [(1, "Молодёжь"), (2, "Экология")]

    today = timezone.localdate()
    too_short = client.post(url("calls:staff_discussion_start", pk=direction_list.pk), {
        "starts_on": today.isoformat(), "ends_on": (today + timedelta(days=5)).isoformat(),
    })
    assert "at least 10 working days" in too_short.content.decode()
    client.post(url("calls:staff_discussion_start", pk=direction_list.pk), {
        "starts_on": today.isoformat(), "ends_on": (today + timedelta(days=30)).isoformat(),
    })
    direction_list.refresh_from_db()
    assert direction_list.status == "discussion"
    assert client.get(url("calls:direction_list", pk=direction_list.pk)).status_code == 200


def test_the_dashboard_flags_overdue_questions_to_staff(client, manager):
    from grants.models import Clarification
    from ngos.models import NGO
    from portal.models import Region

    ngo = NGO.objects.create(bin="940140000385", name_kk="ҚБ", name_ru="ОО", legal_form="public_association",
                             region=Region.objects.get(slug="almaty"))
    call = CallFactory()
    Clarification.objects.create(call=call, ngo=ngo, asked_by=manager, question="?", language="kk",
                                 asked_at=datetime(2026, 1, 5, 5, tzinfo=UTC))
    html = client.get(url("portal:dashboard")).content.decode()
    assert "1 question unanswered for more than 3 working days" in html and call.code in html
