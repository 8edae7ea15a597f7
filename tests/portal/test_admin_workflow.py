"""The Django admin cannot bypass the services: workflow models are read-only there, for superusers too, and no
staff group holds a model permission to add, change or delete them."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import RequestFactory

from grants.models import Call, Clarification, Lot, PriorityDirectionList
from ngos.models import NGO, Invitation, JoinRequest, YearlyReport
from portal.choices import StaffRole
from portal.models import User
from portal.roles import sync_roles
from tests.grants.factories import draft_call

pytestmark = pytest.mark.django_db

WORKFLOW_MODELS = [Call, Lot, Clarification, PriorityDirectionList, NGO, JoinRequest, Invitation, YearlyReport]
WORKFLOW_LABELS = {
    "grants": ["prioritydirectionlist", "prioritydirection", "directioncomment", "call", "calldocument",
               "deadlineextension", "lot", "lotindicator", "costjustificationline", "clarification", "application",
               "applicationsection", "budgetline", "submission", "screening", "screeningcheck",
               "screeningconclusion"],
    "ngos": ["ngo", "membership", "joinrequest", "invitation", "yearlyreport", "yearlyreportversion"],
    "evaluations": ["expert", "rubric", "criterion", "panel", "draw", "panelmember", "assignment", "score",
                    "meeting", "lotdecision", "applicationdecision", "resultletter"],
}


@pytest.fixture
def superuser(db):
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = User.objects.create_superuser(email="root@demeu.kz", password="x")
    TOTP.activate(user, generate_totp_secret())
    return user


def _workflow_admins():
    from evaluations.models import Expert, Panel, Rubric

    return [(model, admin.site._registry[model]) for model in [*WORKFLOW_MODELS, Expert, Panel, Rubric]]


def test_workflow_models_are_read_only_in_the_admin_even_for_a_superuser(superuser):
    request = RequestFactory().get("/admin/")
    request.user = superuser
    for model, model_admin in _workflow_admins():
        assert model_admin.has_view_permission(request), model
        assert not model_admin.has_add_permission(request), model
        assert not model_admin.has_change_permission(request), model
        assert not model_admin.has_delete_permission(request), model


def test_a_superuser_posting_the_admin_change_form_cannot_announce_a_call(superuser, client):
    call = draft_call()
    client.force_login(superuser)
    response = client.post(f"/admin/grants/call/{call.pk}/change/", {"status": "announced", "title_ru": "Новое"})
    call.refresh_from_db()
    assert response.status_code == 403
    assert (call.status, call.title_ru) == ("draft", call.title_ru)
    assert client.get(f"/admin/grants/call/{call.pk}/delete/").status_code == 403


def test_no_staff_group_may_add_change_or_delete_workflow_models_but_all_still_view_them(db):
    sync_roles()
    for role in StaffRole:
        codenames = set(Group.objects.get(name=role).permissions.values_list("content_type__app_label", "codename"))
        for app_label, models in WORKFLOW_LABELS.items():
            for model in models:
                for action in ("add", "change", "delete"):
                    assert (app_label, f"{action}_{model}") not in codenames, (role, app_label, action, model)
    auditor = set(Group.objects.get(name=StaffRole.AUDITOR).permissions.values_list("codename", flat=True))
    assert {"view_call", "view_application", "view_panel", "view_yearlyreport", "view_auditentry"} <= auditor
    call_manager = set(Group.objects.get(name=StaffRole.CALL_MANAGER).permissions.values_list("codename", flat=True))
    assert "change_calendarday" in call_manager  # reference data stays editable


def test_the_admin_audit_list_shows_labels_not_codes(superuser, client):
    from portal import audit

    call = draft_call()
    audit.record(actor=None, obj=call, action="call_announced", from_state="draft", to_state="announced")
    client.force_login(superuser)
    body = client.get("/admin/portal/auditentry/").content.decode()
    assert "Call announced" in body or "Конкурс жарияланды" in body or "Конкурс объявлен" in body
    assert "call_announced" not in body
