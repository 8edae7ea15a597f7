"""Screening: automatic checks filled in from the portal's data, manual checks, the decision and its guards."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError

from grants.applications.models import Application
from grants.screening import services
from grants.screening.automatic import explain
from portal.models import AuditEntry

from .conftest import close, listed

pytestmark = pytest.mark.django_db

PASS_ALL = {"documents_valid": ("pass", ""), "activities_within_lot": ("pass", "")}


def checks_of(screening):
    return {c.code: c for c in screening.checks.all()}


def test_automatic_checks_are_filled_in_and_manual_ones_wait(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    checks = checks_of(screening)
    automatic = {code: c.result for code, c in checks.items() if c.automatic}
    assert automatic == {
        "ngo_listed": "pass", "not_in_liquidation": "pass", "not_bankrupt": "pass", "not_suspended": "pass",
        "budget_rules": "pass", "documents_present": "pass",
    }
    assert {checks["documents_valid"].result, checks["activities_within_lot"].result} == {"pending"}


def test_an_ngo_listed_only_for_the_current_year_fails_the_previous_year_check(second, call, officer):
    listed(second.ngo, year=2026)  # the call's year; the check wants 2025
    close(call)
    check = checks_of(services.screening_start(application=second, actor=officer))["ngo_listed"]
    assert check.result == "fail"
    assert explain(check) == "Not listed in the NGO database for 2025."


def test_eligibility_flags_fail_with_their_source_and_date(submitted, ngo, officer):
    from datetime import date

    ngo.bankrupt, ngo.bankrupt_source, ngo.bankrupt_on = True, "Court decision 2-123", date(2026, 2, 3)
    ngo.save()
    check = checks_of(services.screening_start(application=submitted, actor=officer))["not_bankrupt"]
    assert check.result == "fail"
    assert explain(check) == "Recorded on 03.02.2026; source: Court decision 2-123."


def test_budget_and_documents_are_checked_on_the_submitted_snapshot(submitted, officer):
    # The live rows are frozen by the services; even if they were changed behind them, the snapshot counts.
    submitted.budget_lines.update(unit_cost=100_000_000)
    submitted.documents.all().delete()
    checks = checks_of(services.screening_start(application=submitted, actor=officer))
    assert checks["budget_rules"].result == "pass" and checks["documents_present"].result == "pass"
    assert "6\xa0300\xa0000\xa0₸" in explain(checks["budget_rules"])


def test_a_snapshot_breaking_the_budget_rules_fails_with_the_figures(submitted, officer):
    submission = submitted.submissions.get()
    submission.snapshot["budget"]["lines"].append(
        {"category": "institutional", "description": "x", "unit": "x", "quantity": "1", "unit_cost": "3000000.00",
         "amount": "3000000.00"}
    )
    submission.save()
    check = checks_of(services.screening_start(application=submitted, actor=officer))["budget_rules"]
    assert check.result == "fail"
    assert "institutional development ≤ 10 % of the total" in explain(check)


def test_screening_starts_only_after_the_deadline(application, head, call, officer):
    from grants.applications import services as application_services

    application_services.application_submit(application=application, actor=head, now=call.closes_at - timedelta(1))
    with pytest.raises(ValidationError, match="after the deadline"):
        services.screening_start(application=application, actor=officer)


def test_a_failed_check_needs_a_reason(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    with pytest.raises(ValidationError, match="give the reason it fails"):
        services.screening_record_checks(screening=screening, results={"documents_valid": ("fail", "")}, actor=officer)
    assert checks_of(screening)["documents_valid"].result == "pending"


def test_correcting_an_automatic_finding_needs_a_reason(second, call, officer):
    close(call)
    screening = services.screening_start(application=second, actor=officer)  # not listed: found "fail"
    with pytest.raises(ValidationError, match="changing what the portal found"):
        services.screening_record_checks(screening=screening, results={"ngo_listed": ("pass", "")}, actor=officer)
    services.screening_record_checks(
        screening=screening, results={"ngo_listed": ("pass", "Есеп 28.03.2025 қағазда тапсырылған")}, actor=officer
    )
    check = checks_of(screening)["ngo_listed"]
    assert (check.found, check.result) == ("fail", "pass")


def test_admitted_needs_every_check_passed(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    with pytest.raises(ValidationError, match="not checked yet: Documents valid, Activities within the lot"):
        services.screening_decide(screening=screening, decision="admitted", actor=officer)
    services.screening_record_checks(
        screening=screening, actor=officer,
        results={**PASS_ALL, "activities_within_lot": ("fail", "Іс-шаралар басқа өңірде")},
    )
    with pytest.raises(ValidationError, match="cannot be admitted: Activities within the lot"):
        services.screening_decide(screening=screening, decision="admitted", actor=officer)
    assert Application.objects.get(pk=submitted.pk).status == "submitted"


def test_not_admitted_needs_a_failed_check_and_the_reason_in_both_languages(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    services.screening_record_checks(screening=screening, results=PASS_ALL, actor=officer)
    with pytest.raises(ValidationError, match="Every check passed"):
        services.screening_decide(screening=screening, decision="not_admitted", actor=officer,
                                  reason_kk="x", reason_ru="y")
    services.screening_reopen(screening=screening, actor=officer)  # nothing decided: a no-op
    services.screening_record_checks(screening=screening, results={"documents_valid": ("fail", "Жарғы ескі")},
                                     actor=officer)
    with pytest.raises(ValidationError, match="in Kazakh and in Russian"):
        services.screening_decide(screening=screening, decision="not_admitted", actor=officer, reason_kk="Ескі жарғы")


def test_a_decision_moves_the_application_with_one_audit_entry(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    services.screening_record_checks(screening=screening, results=PASS_ALL, actor=officer)
    services.screening_decide(screening=screening, decision="admitted", actor=officer)
    assert Application.objects.get(pk=submitted.pk).status == "admitted"
    entries = AuditEntry.objects.filter(object_id=str(submitted.pk), to_state="admitted")
    assert entries.count() == 1 and entries[0].actor == officer


def test_a_decision_can_be_revised_until_the_conclusion_is_published(submitted, officer):
    screening = services.screening_start(application=submitted, actor=officer)
    services.screening_record_checks(screening=screening, results=PASS_ALL, actor=officer)
    services.screening_decide(screening=screening, decision="admitted", actor=officer)
    services.screening_reopen(screening=screening, actor=officer)
    services.screening_record_checks(screening=screening, results={"documents_valid": ("fail", "Мөр жоқ")},
                                     actor=officer)
    services.screening_decide(screening=screening, decision="not_admitted", actor=officer,
                              reason_kk="Құжаттарда мөр жоқ.", reason_ru="На документах нет печати.")
    assert Application.objects.get(pk=submitted.pk).status == "not_admitted"
    services.conclusion_publish(call=submitted.lot.call, actor=officer)
    with pytest.raises(ValidationError, match="published"):
        services.screening_reopen(screening=screening, actor=officer)


def test_a_withdrawn_application_is_not_screened(application, head, call, officer):
    from grants.applications import services as application_services

    application_services.application_submit(application=application, actor=head, now=call.closes_at - timedelta(2))
    application_services.application_withdraw(application=application, actor=head, reason="Қайта жазамыз",
                                              now=call.closes_at - timedelta(1))
    close(call)
    with pytest.raises(ValidationError, match="Only a submitted application is screened"):
        services.screening_start(application=application, actor=officer)


def test_a_failure_the_portal_found_needs_no_typed_reason(second, call, officer):
    close(call)
    screening = services.screening_start(application=second, actor=officer)
    services.screening_record_checks(screening=screening, results={"ngo_listed": ("fail", "")}, actor=officer)
    assert checks_of(screening)["ngo_listed"].result == "fail"
