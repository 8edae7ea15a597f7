"""The pages: what the NGO and staff see and may do (POST by role), the staff list's queries and export."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agreements.choices import AgreementStatus, GrantStatus, TrancheStatus
from agreements.services import grant_award
from grants.applications.choices import ApplicationStatus
from tests.evaluations import factories as ef
from tests.world import ROLES

from . import factories as f

pytestmark = pytest.mark.django_db


def _as(client, world, role):
    client.logout()
    if world.users[role] is not None:
        client.force_login(world.users[role])


def _refused_to_all_but(client, world, allowed: set, url: str, data: dict, unchanged):
    """Every other role's POST is refused and changes nothing."""
    for role in ROLES:
        if role in allowed:
            continue
        _as(client, world, role)
        response = client.post(url, data)
        assert response.status_code in (302, 403, 404), (role, response.status_code)
        if role == "anonymous":
            assert "/accounts/login/" in response["Location"]
        assert unchanged(), role


def test_our_grants_lists_the_ngos_grants_and_never_another_ngos(world, client):
    client.force_login(world.users["ngo_member"])
    page = client.get("/kk/agreements/").content.decode()
    assert world.grant_waiting.number in page and world.grant_signed.number in page
    client.force_login(world.users["other_ngo_member"])
    page = client.get("/ru/agreements/").content.decode()
    assert world.grant_waiting.number not in page
    response = client.get(f"/ru/agreements/{world.grant_waiting.number}/")
    assert response.status_code == 404
    assert world.grant_waiting.agreement.iban not in response.content.decode()


def test_members_see_the_bank_details_and_the_sha256_only_the_head_gets_the_signing_form(world, client):
    agreement = world.grant_waiting.agreement
    client.force_login(world.users["ngo_accountant"])
    page = client.get(f"/ru/agreements/{world.grant_waiting.number}/").content.decode()
    assert agreement.iban in page and agreement.pdf_sha256 in page
    assert 'name="confirm"' not in page
    client.force_login(world.users["ngo_head"])
    page = client.get(f"/kk/agreements/{world.grant_waiting.number}/").content.decode()
    assert 'name="confirm"' in page and f'value="{agreement.pdf_sha256}"' in page


def test_only_the_head_enters_bank_details(world, client):
    grant = world.grant_waiting
    url = f"/ru/agreements/{grant.number}/bank-details/"
    data = {"iban": "KZ86125KZT5004100100", "bik": "HSBKKZKX", "bank_name": "Halyk Bank"}

    def unchanged():
        grant.agreement.refresh_from_db()
        return grant.agreement.iban == f.IBAN

    _refused_to_all_but(client, world, {"ngo_head"}, url, data, unchanged)
    _as(client, world, "ngo_head")
    response = client.post(url, {**data, "iban": "KZ87125KZT5004100100"})
    assert response.status_code == 400 and "IBAN" in response.content.decode()
    assert client.post(url, data).status_code == 302
    grant.agreement.refresh_from_db()
    assert (grant.agreement.iban, grant.agreement.version) == ("KZ86125KZT5004100100", 2)


def test_the_head_signs_then_an_authorised_staff_member_and_nobody_else(world, client):
    grant = world.grant_waiting
    agreement = grant.agreement
    url = f"/kk/agreements/{grant.number}/sign/"
    data = {"sha256": agreement.pdf_sha256, "confirm": "on"}

    def status():
        agreement.refresh_from_db()
        return agreement.status

    # The operator's signatories may sign, but not first: their POST changes nothing yet.
    _refused_to_all_but(client, world, {"ngo_head", "call_manager", "operator_admin"}, url, data,
                        lambda: status() == AgreementStatus.READY)
    _as(client, world, "call_manager")
    client.post(url, data)
    assert status() == AgreementStatus.READY
    _as(client, world, "ngo_head")
    client.post(url, data)
    assert status() == AgreementStatus.NGO_SIGNED
    _refused_to_all_but(client, world, {"ngo_head", "call_manager", "operator_admin"}, url, data,
                        lambda: status() == AgreementStatus.NGO_SIGNED)
    _as(client, world, "call_manager")
    client.post(url, data)
    assert status() == AgreementStatus.SIGNED
    grant.refresh_from_db()
    assert grant.status == GrantStatus.AGREEMENT_SIGNED


def test_only_the_finance_officer_records_a_payment(world, client):
    grant = world.grant_signed
    tranche = grant.tranches.get(position=1)
    url = f"/ru/agreements/{grant.number}/tranches/1/pay/"
    data = {"paid_on": timezone.now().date().isoformat(), "amount": str(tranche.amount), "order_number": "П-17"}
    _refused_to_all_but(client, world, {"finance_officer"}, url, data, lambda: not tranche.payments.exists())
    _as(client, world, "finance_officer")
    too_much = client.post(url, {**data, "amount": str(tranche.amount + Decimal("0.01"))})
    assert too_much.status_code == 400 and not tranche.payments.exists()
    assert client.post(url, data).status_code == 302
    tranche.refresh_from_db()
    assert tranche.status == TrancheStatus.PAID
    client.force_login(world.users["ngo_member"])
    page = client.get(f"/ru/agreements/{grant.number}/").content.decode()
    assert "П-17" in page and "Выплачен" in page


def test_only_the_head_declines_and_only_the_operator_administrator_terminates(world, client):
    waiting, signed = world.grant_waiting, world.grant_signed

    def status_of(grant):
        grant.refresh_from_db()
        return grant.status

    decline = f"/ru/agreements/{waiting.number}/decline/"
    _refused_to_all_but(client, world, {"ngo_head"}, decline, {"reason": "Нет"},
                        lambda: status_of(waiting) == GrantStatus.AWARDED)
    _as(client, world, "ngo_head")
    assert client.post(decline, {"reason": ""}).status_code == 400
    client.post(decline, {"reason": "Организация не сможет реализовать проект"})
    assert status_of(waiting) == GrantStatus.DECLINED
    terminate = f"/ru/agreements/{signed.number}/terminate/"
    _refused_to_all_but(client, world, {"operator_admin"}, terminate, {"reason": "Нарушение"},
                        lambda: status_of(signed) == GrantStatus.AGREEMENT_SIGNED)
    _as(client, world, "operator_admin")
    client.post(terminate, {"reason": "Нарушение условий договора"})
    assert status_of(signed) == GrantStatus.TERMINATED


def _grants(count: int):
    lot = ef.lot(ef.call(), grants_count=count)
    for _ in range(count):
        application = f.application(lot, budget=Decimal("1000000"))
        application.status = ApplicationStatus.WINNER
        application.save(update_fields=["status"])
        grant_award(application=application, awarded_on=timezone.now().date(), actor=None)
    return lot


def _list_queries(client, user) -> tuple[int, int]:
    client.force_login(user)
    client.get("/ru/staff/agreements/")  # warm: the first request of a process fills per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ru/staff/agreements/")
    assert response.status_code == 200
    return len(queries), response.content.decode().count('href="/ru/agreements/')


def test_the_staff_list_runs_the_same_queries_with_one_grant_and_fifty(client, media_root):
    from tests.world import make_user

    staff = make_user("finance-list@example.kz", group="finance_officer")
    _grants(1)
    one, rows_one = _list_queries(client, staff)
    _grants(49)
    fifty, rows_fifty = _list_queries(client, staff)
    assert (rows_one, rows_fifty) == (1, 50)
    assert one == fifty == 6


def test_the_export_filters_by_call_and_status_and_has_the_amounts(world, client):
    client.force_login(world.users["auditor"])
    response = client.get("/ru/staff/agreements/export.csv", {"status": "agreement_signed"})
    text = response.content.decode("utf-8-sig")
    assert response["Content-Type"].startswith("text/csv")
    assert world.grant_signed.number in text and world.grant_waiting.number not in text
    assert "10000000.00" in text


def test_the_xlsx_export_holds_the_same_grants_with_numbers_and_dates_a_spreadsheet_can_sum(world, client):
    import io

    from openpyxl import load_workbook

    client.force_login(world.users["finance_officer"])
    response = client.get("/ru/staff/agreements/export.xlsx", {"status": "agreement_signed"})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
    rows = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Номер гранта"  # the header in the page's language
    numbers = [row[0] for row in rows[1:]]
    assert world.grant_signed.number in numbers and world.grant_waiting.number not in numbers
    signed = rows[1 + numbers.index(world.grant_signed.number)]
    assert float(signed[6]) == 10_000_000 and hasattr(signed[8], "year")


def test_an_export_in_an_unknown_format_is_not_found(world, client):
    client.force_login(world.users["finance_officer"])
    assert client.get("/ru/staff/agreements/export.pdf").status_code == 404


def test_the_dashboard_lists_the_ngos_grants_and_points_staff_to_the_list(world, client):
    client.force_login(world.users["ngo_head"])
    page = client.get(reverse("portal:dashboard")).content.decode()
    assert world.grant_waiting.number in page and reverse("agreements:mine") in page
    client.force_login(world.users["finance_officer"])
    assert reverse("agreements:staff_list") in client.get(reverse("portal:dashboard")).content.decode()


def test_only_finance_and_the_operator_administrator_release_a_manual_tranche(world, client, media_root):
    from agreements.models import CallTerms

    lot = ef.lot(ef.call())
    CallTerms.objects.create(call=lot.call, tranches=[{"share": "60", "condition": "on_signing"},
                                                      {"share": "40", "condition": "manual:Мониторингтен кейін"}])
    grant = f.signed_grant(ngo=world.ngo_a, lot=lot)
    tranche = grant.tranches.get(position=2)
    url = f"/kk/agreements/{grant.number}/tranches/2/release/"

    def planned():
        tranche.refresh_from_db()
        return tranche.status == TrancheStatus.PLANNED

    _refused_to_all_but(client, world, {"finance_officer", "operator_admin"}, url, {}, planned)
    _as(client, world, "finance_officer")
    assert client.post(url, {"note": "Сапар өтті"}).status_code == 302
    assert not planned()
