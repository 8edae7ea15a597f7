"""Amendments: budget reallocation within the budget rules, extension within the grant type, an activity's new
dates; staff approve or reject; the numbered supplementary agreement and the budget versions."""

import subprocess
from datetime import timedelta
from decimal import Decimal

import pytest

from agreements.choices import AmendmentKind, AmendmentStatus
from agreements.selectors import budget_in_force
from agreements.services import amendment_decide, amendment_render, amendment_request
from grants.workdays import add_working_days
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
JUSTIFICATION = "Тренинг онлайн өтеді, ұйымның әлеуетін арттыруға қаражат қажет."


@pytest.fixture
def grant(media_root):
    return f.signed_grant(budget=Decimal("10000000"))


@pytest.fixture
def head(grant):
    return grant.ngo.memberships.get(role="head").user


@pytest.fixture
def staff():
    return make_user("amendments@example.kz", group="call_manager")


def _budget(grant, head, **amounts):
    return amendment_request(grant=grant, actor=head, kind=AmendmentKind.BUDGET, justification=JUSTIFICATION,
                             budget=amounts)


def test_an_approved_reallocation_is_a_new_budget_version_and_a_numbered_supplementary_agreement(grant, head, staff,
                                                                                                tmp_path):
    amendment = _budget(grant, head, services="9000000", institutional="1000000")
    assert amendment.status == AmendmentStatus.REQUESTED and grant.budget == {"services": "10000000.00"}
    amendment_decide(amendment=amendment, actor=staff, approve=True)
    amendment_render(amendment_pk=amendment.pk)
    grant.refresh_from_db()
    amendment.refresh_from_db()
    assert grant.budget == {"institutional": "1000000.00", "services": "9000000.00"}
    versions = list(grant.budget_versions.order_by("version"))
    assert [v.by_category for v in versions] == [{"services": "10000000.00"}, grant.budget]
    assert budget_in_force(grant, versions[0].in_force_from - timedelta(days=1)) == versions[0]
    assert budget_in_force(grant, versions[1].in_force_from) == versions[1]
    assert versions[0].in_force_from == grant.awarded_on
    assert amendment.full_number == f"{grant.number}-A1" and len(amendment.pdf_sha256) == 64
    path = tmp_path / "a.pdf"
    with amendment.pdf.open("rb") as handle:
        path.write_bytes(handle.read())
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "Дополнительное соглашение" in text and "шарт" in text.lower() and amendment.full_number in text


@pytest.mark.parametrize("amounts", [
    {"services": "9000000", "institutional": "999999.99"},  # the total changes
    {"services": "8999999.99", "institutional": "1000000.01"},  # institutional development above 10 %
    {"services": "4000000", "administrative": "6000000"},  # administrative above direct costs
    {"services": "10000000"},  # nothing changes
])
def test_a_reallocation_that_breaks_the_budget_rules_is_refused(grant, head, amounts):
    with f.refused(field="budget"):
        _budget(grant, head, **amounts)
    assert not grant.amendments.exists()


def test_an_extension_stays_within_the_grant_types_term_and_moves_the_final_report(grant, head, staff):
    # The factory's lots are short-term: twelve months at most.
    too_long = grant.starts_on.replace(year=grant.starts_on.year + 1)
    with f.refused(field="ends_on"):
        amendment_request(grant=grant, actor=head, kind=AmendmentKind.EXTENSION, justification=JUSTIFICATION,
                          ends_on=too_long)
    new_end = grant.ends_on + timedelta(days=30)
    amendment = amendment_request(grant=grant, actor=head, kind=AmendmentKind.EXTENSION,
                                  justification=JUSTIFICATION, ends_on=new_end)
    amendment_decide(amendment=amendment, actor=staff, approve=True)
    grant.refresh_from_db()
    assert grant.ends_on == new_end
    assert grant.final_report_due == add_working_days(new_end, 10)


def test_an_activitys_new_dates_stay_within_the_term(grant, head, staff):
    grant.activities = [{"activity": "Тренинг", "starts_on": None, "ends_on": None}]
    grant.save(update_fields=["activities"])
    with f.refused(field="activity_ends_on"):
        amendment_request(grant=grant, actor=head, kind=AmendmentKind.ACTIVITY_DATES, justification=JUSTIFICATION,
                          activity=0, activity_starts_on=grant.starts_on, activity_ends_on=grant.ends_on
                          + timedelta(days=1))
    amendment = amendment_request(grant=grant, actor=head, kind=AmendmentKind.ACTIVITY_DATES,
                                  justification=JUSTIFICATION, activity=0, activity_starts_on=grant.starts_on,
                                  activity_ends_on=grant.starts_on + timedelta(days=20))
    amendment_decide(amendment=amendment, actor=staff, approve=True)
    grant.refresh_from_db()
    assert grant.activities[0]["ends_on"] == (grant.starts_on + timedelta(days=20)).isoformat()


def test_a_rejection_needs_a_reason_and_changes_nothing(grant, head, staff):
    amendment = _budget(grant, head, services="9000000", institutional="1000000")
    with f.refused(field="reason"):
        amendment_decide(amendment=amendment, actor=staff, approve=False)
    amendment_decide(amendment=amendment, actor=staff, approve=False, reason="Негіздеме жеткіліксіз")
    grant.refresh_from_db()
    amendment.refresh_from_db()
    assert amendment.status == AmendmentStatus.REJECTED and grant.budget == {"services": "10000000.00"}
    with f.refused():
        amendment_decide(amendment=amendment, actor=staff, approve=True)


def test_one_request_at_a_time_and_only_on_a_signed_agreement(grant, head, media_root):
    _budget(grant, head, services="9000000", institutional="1000000")
    with f.refused("pending"):
        _budget(grant, head, services="9500000", institutional="500000")
    awarded = f.awarded_grant()
    with f.refused("not_running"):
        amendment_request(grant=awarded, actor=head, kind=AmendmentKind.EXTENSION, justification=JUSTIFICATION,
                          ends_on=awarded.ends_on + timedelta(days=5))


def test_only_the_head_requests_and_only_authorised_staff_decide(world, client):
    grant = world.grant_signed
    url = f"/ru/agreements/{grant.number}/amendments/new/"
    data = {"kind": "budget", "justification": JUSTIFICATION, "budget_services": "9000000",
            "budget_institutional": "1000000"}
    for role, user in world.users.items():
        if role == "ngo_head":
            continue
        client.logout()
        if user:
            client.force_login(user)
        assert client.post(url, data).status_code in (302, 403, 404), role
    assert not grant.amendments.filter(status="requested").exists()
    client.force_login(world.users["ngo_head"])
    response = client.post(url, data)
    amendment = grant.amendments.get(status="requested")
    decide = f"/ru/agreements/{grant.number}/amendments/{amendment.number}/"
    assert response["Location"] == decide
    for role in ("ngo_head", "ngo_member", "finance_officer", "auditor", "other_ngo_member"):
        client.force_login(world.users[role])
        assert client.post(decide, {"approve": "yes"}).status_code in (403, 404), role
    amendment.refresh_from_db()
    assert amendment.status == "requested"
    client.force_login(world.users["call_manager"])
    assert client.post(decide, {"approve": "yes"}).status_code == 302
    amendment.refresh_from_db()
    assert amendment.status == "approved"
