"""The operator's register: verification, eligibility flags, membership view, export."""

import csv
import io
from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from openpyxl import load_workbook

from ngos import services
from ngos.choices import EligibilityFlag, MemberRole, VerificationStatus
from ngos.models import NGO, Membership
from portal.models import AuditEntry, Region
from tests.world import make_user

from .factories import NGOFactory

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
STAFF_LIST_QUERIES = 9


@pytest.fixture
def pending(world):
    ngo = NGOFactory(name_kk="«Жаңа» қоры", verification=VerificationStatus.PENDING)
    head = make_user("new-head@example.kz", language="ru")
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    return ngo


def staff_client(client, world, role):
    client.force_login(world.users[role])
    return client


def test_screening_officer_verifies_and_the_head_is_told_in_their_language(
    world, client, pending, django_capture_on_commit_callbacks
):
    staff_client(client, world, "screening_officer")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/kk/ngos/staff/{pending.bin}/verify/")
    assert response.status_code == 302
    pending.refresh_from_db()
    assert pending.is_verified and pending.verified_at is not None
    assert AuditEntry.objects.get(action="ngo_verified").to_state == "verified"
    assert mail.outbox[0].to == ["new-head@example.kz"]
    assert f"/ru/ngos/{pending.bin}/manage/" in mail.outbox[0].body


@pytest.mark.parametrize("role", ["auditor", "call_manager", "finance_officer", "ngo_head"])
def test_roles_that_only_read_cannot_verify(world, client, pending, role):
    staff_client(client, world, role)
    assert client.post(f"/kk/ngos/staff/{pending.bin}/verify/").status_code == 403
    pending.refresh_from_db()
    assert pending.verification == VerificationStatus.PENDING


def test_rejection_needs_a_reason_and_the_ngo_sees_it(world, client, pending):
    staff_client(client, world, "operator_admin")
    response = client.post(f"/en/ngos/staff/{pending.bin}/reject/", {"reason": ""})
    assert response.status_code == 400
    reason = "Атауы тіркеу куәлігіне сәйкес емес. Куәліктің көшірмесін жүктеңіз."
    client.post(f"/en/ngos/staff/{pending.bin}/reject/", {"reason": reason})
    pending.refresh_from_db()
    assert pending.verification == VerificationStatus.REJECTED and pending.rejection_reason == reason

    head = Membership.objects.get(ngo=pending).user
    client.force_login(head)
    assert reason in client.get(f"/kk/ngos/{pending.bin}/manage/").content.decode()


def test_the_head_asks_again_after_a_rejection(world, pending):
    officer = world.users["screening_officer"]
    services.ngo_reject(ngo=pending, actor=officer, reason="Көшірме жоқ")
    head = Membership.objects.get(ngo=pending).user
    services.ngo_request_verification(ngo=pending, actor=head)
    services.ngo_verify(ngo=pending, actor=officer)
    entries = AuditEntry.objects.filter(object_id=str(pending.pk)).order_by("at", "id")
    actions = list(entries.values_list("action", flat=True))
    assert actions == ["ngo_rejected", "ngo_verification_requested", "ngo_verified"]


def test_a_verified_ngo_cannot_be_verified_again(world):
    ngo = NGOFactory()
    with pytest.raises(ValidationError) as refused:
        services.ngo_verify(ngo=ngo, actor=world.users["operator_admin"])
    assert refused.value.code == "transition"


def test_a_flag_change_needs_source_and_date_and_is_audited(world, client):
    ngo = world.ngo_a
    staff_client(client, world, "screening_officer")
    path = f"/en/ngos/staff/{ngo.bin}/flags/"
    response = client.post(path, {"bankrupt": "on"})
    assert response.status_code == 400
    assert "give the source and the date" in response.content.decode()
    ngo.refresh_from_db()
    assert not ngo.bankrupt

    on = timezone.localdate() - timedelta(days=3)
    client.post(path, {"bankrupt": "on", "bankrupt_source": "СМЭС г. Алматы, решение № 2-1234", "bankrupt_on": on})
    ngo.refresh_from_db()
    assert ngo.bankrupt and ngo.bankrupt_source == "СМЭС г. Алматы, решение № 2-1234" and ngo.bankrupt_on == on
    assert [flag["flag"] for flag in ngo.active_flags()] == [EligibilityFlag.BANKRUPT]
    entry = AuditEntry.objects.get(action="ngo_flag_set")
    assert entry.message["params"] == {"flag": "bankrupt", "set": True, "on": on.isoformat()}
    assert entry.actor == world.users["screening_officer"]

    client.post(path, {"bankrupt_source": "Решение отменено апелляцией", "bankrupt_on": on + timedelta(days=1)})
    ngo.refresh_from_db()
    assert not ngo.bankrupt
    assert AuditEntry.objects.filter(action="ngo_flag_cleared", note__startswith="Решение отменено").exists()


def test_a_flag_cannot_be_dated_in_the_future(world):
    with pytest.raises(ValidationError):
        services.ngo_set_flags(
            ngo=world.ngo_a, actor=world.users["operator_admin"],
            flags={"suspended": {"set": True, "source": "Приказ", "on": timezone.localdate() + timedelta(days=1)}},
        )


def test_the_auditor_reads_flags_but_gets_no_form(world, client):
    staff_client(client, world, "auditor")
    page = client.get(f"/en/ngos/staff/{world.ngo_a.bin}/").content.decode()
    assert "Eligibility flags" in page and "Save the flags" not in page and "Verify the NGO" not in page
    assert world.users["ngo_accountant"].email in page  # the membership view


def test_the_verification_queue_lists_pending_ngos_oldest_first(world, client):
    older = NGOFactory(name_kk="Ескі", verification=VerificationStatus.PENDING)
    newer = NGOFactory(name_kk="Жаңа", verification=VerificationStatus.PENDING)
    NGO.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=5))
    staff_client(client, world, "call_manager")
    response = client.get("/kk/ngos/staff/?verification=pending&sort=created")
    listed = [ngo.pk for ngo in response.context["page"].object_list]
    # The world has its own NGO waiting (tests/ngos/access.py): it is newer than `older`.
    assert listed[0] == older.pk and listed.index(older.pk) < listed.index(newer.pk)
    assert set(listed) == set(NGO.objects.filter(verification=VerificationStatus.PENDING).values_list("pk", flat=True))


def test_csv_export_holds_exactly_the_filtered_list(world, client):
    NGOFactory(name_kk="Астаналық", region=Region.objects.get(slug="astana"))
    staff_client(client, world, "finance_officer")
    with translation.override("ru"):
        response = client.get(f"/ru/ngos/staff/export.csv?region=almaty&q={world.ngo_a.bin}")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["БИН", "Наименование (на казахском)", "Наименование (на русском)"]
    assert [row[0] for row in rows[1:]] == [world.ngo_a.bin]


def test_xlsx_export_opens_and_keeps_formulas_out(world, client):
    NGOFactory(name_kk="=HYPERLINK(\"http://evil\")", region=world.ngo_a.region, registered_on=date(2018, 3, 1))
    staff_client(client, world, "auditor")
    response = client.get("/en/ngos/staff/export.xlsx?region=almaty")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "BIN"
    assert {row[0] for row in rows[1:]} == {world.ngo_a.bin, world.ngo_b.bin, *NGO.objects.filter(
        region__slug="almaty").values_list("bin", flat=True)}
    assert "'=HYPERLINK(\"http://evil\")" in {row[1] for row in rows[1:]}


def test_the_staff_list_runs_the_same_queries_for_1_and_30_ngos(world, client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    staff_client(client, world, "auditor")
    client.get("/kk/ngos/staff/")
    with CaptureQueriesContext(connection) as few:
        before = client.get("/kk/ngos/staff/?report=missing").context["page"].paginator.count
    for _ in range(30):
        ngo = NGOFactory(bankrupt=True, bankrupt_source="Сот шешімі", bankrupt_on=date(2025, 5, 1))
        Membership.objects.create(ngo=ngo, user=make_user(f"m{ngo.pk}@example.kz"))
    with CaptureQueriesContext(connection) as many:
        response = client.get("/kk/ngos/staff/?report=missing")
    assert response.context["page"].paginator.count == before + 30
    assert len(few) == len(many) == STAFF_LIST_QUERIES


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_the_ngo_history_reads_in_the_staff_members_language_not_in_codes(world, client, pending, language):
    officer = world.users["screening_officer"]
    services.ngo_reject(ngo=pending, actor=officer, reason="Жарғы көшірмесі жоқ")
    services.ngo_set_flags(ngo=NGO.objects.get(pk=pending.pk), actor=officer, flags={
        EligibilityFlag.BANKRUPT: {"set": True, "source": "СМЭС, № 2-1", "on": date(2026, 3, 2)},
    })
    staff_client(client, world, "screening_officer")

    body = client.get(f"/{language}/ngos/staff/{pending.bin}/").content.decode()

    with translation.override(language):
        expected = [
            "NGO verification refused", f"{VerificationStatus.PENDING.label} → {VerificationStatus.REJECTED.label}",
            "Eligibility flag set", str(EligibilityFlag.BANKRUPT.label),
        ]
        expected = [str(translation.gettext(text)) for text in expected]
    for text in expected:
        assert text in body, text
    assert "ngo_rejected" not in body and "pending → rejected" not in body and "bankrupt=yes" not in body
