"""The one transition helper: lock, check the table, write, audit once; and what people read in the log."""

import re
from importlib import import_module
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation

from grants.choices import CallStatus
from grants.models import Call
from ngos.choices import ReportStatus, VerificationStatus
from ngos.models import NGO
from portal import audit, audit_labels, workflow
from portal.models import AuditEntry
from tests.grants.factories import draft_call
from tests.ngos.factories import NGOFactory

pytestmark = pytest.mark.django_db

TABLE = {
    (CallStatus.DRAFT, CallStatus.ANNOUNCED): "call_announced",
    (CallStatus.ANNOUNCED, CallStatus.CANCELLED): "call_cancelled",
}


def test_an_allowed_change_is_written_with_its_fields_and_audited_once(world):
    call = draft_call()
    actor = world.users["call_manager"]
    with transaction.atomic():
        call.cancellation_reason_ru = "не сохранится: не указано в update_fields"
        call.announced_at = call.opens_at
        entry = workflow.transition(call, to=CallStatus.ANNOUNCED, table=TABLE, actor=actor,
                                    update_fields=["announced_at"])

    stored = Call.objects.get(pk=call.pk)
    assert (stored.status, stored.announced_at, stored.cancellation_reason_ru) == (
        CallStatus.ANNOUNCED, call.opens_at, "",
    )
    assert (entry.action, entry.from_state, entry.to_state, entry.actor) == (
        "call_announced", CallStatus.DRAFT, CallStatus.ANNOUNCED, actor,
    )
    assert list(audit.history(call)) == [entry]


def test_a_refused_change_names_both_states_in_the_readers_language_and_writes_nothing(world):
    call = draft_call()
    with translation.override("ru"), pytest.raises(ValidationError) as refused, transaction.atomic():
        workflow.transition(call, to=CallStatus.CANCELLED, table=TABLE, actor=world.users["call_manager"])

    message = refused.value.messages[0]
    with translation.override("ru"):
        assert str(CallStatus.DRAFT.label) in message and str(CallStatus.CANCELLED.label) in message
    assert Call.objects.get(pk=call.pk).status == CallStatus.DRAFT
    assert not AuditEntry.objects.filter(object_id=str(call.pk), content_type__model="call").exists()


def test_the_state_is_checked_as_the_database_holds_it_not_as_a_stale_copy_says(world):
    """Two staff members open the same draft; the first announces it, the second's stale copy must not
    announce it again."""
    call = draft_call()
    stale = Call.objects.get(pk=call.pk)
    with transaction.atomic():
        workflow.transition(call, to=CallStatus.ANNOUNCED, table=TABLE, actor=world.users["call_manager"])
    assert stale.status == CallStatus.DRAFT

    with pytest.raises(ValidationError), transaction.atomic():
        workflow.transition(stale, to=CallStatus.ANNOUNCED, table=TABLE, actor=world.users["operator_admin"])
    assert AuditEntry.objects.filter(object_id=str(call.pk), action="call_announced").count() == 1


def test_a_change_recorded_on_another_object_keeps_the_labels_of_its_own_states(world):
    ngo = NGOFactory(verification=VerificationStatus.PENDING)
    version_table = {(ReportStatus.DRAFT, ReportStatus.SUBMITTED): "yearly_report_submitted"}
    from ngos.models import YearlyReport, YearlyReportVersion

    report = YearlyReport.objects.create(ngo=ngo, year=2026)
    version = YearlyReportVersion.objects.create(report=report, number=1)
    with transaction.atomic():
        entry = workflow.transition(version, to=ReportStatus.SUBMITTED, table=version_table, subject=report,
                                    actor=None)

    assert entry.object_id == str(report.pk) and entry.content_type.model == "yearlyreport"
    with translation.override("kk"):
        assert entry.to_label == str(ReportStatus.SUBMITTED.label)


def _tables():
    modules = [
        "grants.services.calls", "grants.services.clarifications", "grants.services.directions",
        "grants.applications.services.transitions", "grants.screening.services", "ngos.services.registry",
        "ngos.services.people", "ngos.services.reports", "evaluations.services.experts",
        "evaluations.services.assignments", "evaluations.services.panels", "evaluations.services.meetings",
        "evaluations.services.letters", "agreements.services.states", "agreements.services.signing",
        "agreements.services.tranches", "agreements.services.amendments", "appeals.services",
    ]
    for name in modules:
        module = import_module(name)
        for attribute, value in vars(module).items():
            if attribute.endswith("TRANSITIONS") and isinstance(value, dict):
                yield f"{name}.{attribute}", value


def test_every_state_table_names_its_actions_object_then_past_verb_and_each_has_a_label():
    tables = dict(_tables())
    assert len(tables) >= 15  # the panel, meeting, letter, screening decision and yearly report have one now
    for name, table in tables.items():
        for action in table.values():
            assert re.fullmatch(r"[a-z]+(_[a-z]+)+", action), (name, action)
            assert action in audit_labels.ACTIONS, f"{name}: {action} has no label"


def test_every_action_the_code_records_has_a_label_translated_into_kazakh_and_russian():
    root = Path(__file__).resolve().parents[2]
    found = set()
    apps = ("portal", "ngos", "grants", "evaluations", "agreements", "appeals", "reports")
    for path in [path for app in apps for path in (root / app).rglob("*.py")]:
        if "migrations" in path.parts:
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            assigned = re.search(r'\baction\s*=\s*"([a-z_]+)"(?:\s+if\s.*?\selse\s+"([a-z_]+)")?', line)
            if assigned and "add_argument" not in line:
                found |= {code for code in assigned.groups() if code}
    assert {"ngo_flag_set", "draw_protocol_republished"} <= found  # the scan sees assignments, not tables
    assert sorted(code for code in found if code not in audit_labels.ACTIONS) == []
    for code in found:
        with translation.override("en"):
            english = audit_labels.action_label(code)
        for language in ("kk", "ru"):
            with translation.override(language):
                assert audit_labels.action_label(code) != english, (language, code)


def test_the_audit_log_shows_labels_and_notes_in_the_readers_language_not_codes(world, client):
    call = draft_call()
    manager = world.users["call_manager"]
    with transaction.atomic():
        workflow.transition(call, to=CallStatus.ANNOUNCED, table=TABLE, actor=manager)
    ngo = NGOFactory()
    audit.record(actor=manager, obj=ngo, action="ngo_profile_changed", message=("ngo_fields", {"fields": ["phone"]}))
    audit.record(actor=manager, obj=ngo, action="ngo_member_removed", note="a free-text note from before")
    client.force_login(world.users["auditor"])

    pages = {language: client.get(f"/{language}/staff/audit/").content.decode() for language in ("kk", "ru", "en")}

    for language, body in pages.items():
        with translation.override(language):
            assert str(audit_labels.ACTIONS["call_announced"]) in body
            assert f"{CallStatus.DRAFT.label} → {CallStatus.ANNOUNCED.label}" in body
            assert str(NGO._meta.get_field("phone").verbose_name) in body
        assert "call_announced" not in body and "draft → announced" not in body
        assert "a free-text note from before" in body
    assert pages["kk"] != pages["ru"]


def test_the_object_type_filter_lists_only_types_in_the_log_by_their_translated_name(world, client):
    call = draft_call()
    audit.record(actor=None, obj=call, action="call_created")
    client.force_login(world.users["auditor"])

    body = client.get("/ru/staff/audit/").content.decode()
    select = re.search(r'<select name="content_type".*?</select>', body, re.S).group(0)
    options = re.findall(r"<option[^>]*>([^<]*)</option>", select)
    with translation.override("ru"):
        assert str(Call._meta.verbose_name).capitalize() in options
    assert len(options) == 1 + AuditEntry.objects.values("content_type").distinct().count()
    assert 'class="form-select"' in select


def test_the_object_type_filter_narrows_the_log(world, client):
    call = draft_call()
    ngo = NGOFactory()
    audit.record(actor=None, obj=call, action="call_created")
    audit.record(actor=None, obj=ngo, action="ngo_registered")
    from django.contrib.contenttypes.models import ContentType

    client.force_login(world.users["auditor"])
    body = client.get("/en/staff/audit/", {"content_type": ContentType.objects.get_for_model(NGO).pk}).content.decode()
    assert "NGO registered" in body and "Call created" not in body


def test_services_name_the_acting_person_actor_everywhere():
    import inspect

    modules = [
        "grants.services.calls", "grants.services.clarifications", "grants.services.directions",
        "grants.services.lots", "grants.services.calendar", "grants.applications.services.drafts",
        "grants.applications.services.submission", "grants.screening.services", "ngos.services.registry",
        "ngos.services.people", "ngos.services.reports", "ngos.services.imports", "evaluations.services.experts",
        "evaluations.services.assignments", "evaluations.services.panels", "evaluations.services.meetings",
        "evaluations.services.letters", "evaluations.services.rubrics", "evaluations.services.scoring",
    ]
    offenders = []
    for name in modules:
        module = import_module(name)
        for function_name, function in inspect.getmembers(module, inspect.isfunction):
            if function.__module__ != name:
                continue
            keyword_only = [p.name for p in inspect.signature(function).parameters.values() if p.kind == p.KEYWORD_ONLY]
            if {"user", "by", "staff"} & set(keyword_only):
                offenders.append(f"{name}.{function_name}")
    assert offenders == []
