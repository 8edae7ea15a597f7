"""The registry of the portal's apps: layer order, and a declared part that does not import is an error."""

import dataclasses

import pytest
from django.apps import apps
from django.core import checks

from portal import registry, roles


def test_the_apps_come_in_layer_order():
    labels = registry.labels()
    floors = list(registry.LAYERS)
    assert labels == sorted(labels, key=floors.index) and labels[0] == "portal" and labels[-1] == "reports"
    assert {"ngos", "grants", "evaluations"} <= set(labels)
    # portal's strings live in the project catalogue (locale/), every other app keeps its own
    assert [config.label for config in registry.catalogue_apps()] == labels[1:]


def test_every_declared_part_imports():
    assert [error for error in registry.check_contributions() if error.id.startswith("portal.")] == []


@pytest.fixture
def broken_grants(monkeypatch):
    """The grants app declares a dashboard module that does not exist (a typo, a file not yet written)."""
    config = apps.get_app_config("grants")
    typo = (*config.contributes.dashboard, "grants.dashbord.panels")
    broken = dataclasses.replace(config.contributes, dashboard=typo)
    monkeypatch.setattr(config, "contributes", broken)
    return config


def test_a_missing_module_is_an_error_not_a_missing_panel(broken_grants):
    with pytest.raises(ImportError):
        registry.contributions("dashboard")
    (error,) = [e for e in registry.check_contributions() if e.id == "portal.E001"]
    assert "grants.dashbord.panels" in error.msg and error.level == checks.ERROR


def test_the_role_permissions_of_every_app_are_gathered():
    table = roles.role_permissions()
    assert "ngos.view_ngo" in table["auditor"]
    # from grants.applications.permissions, the second table the grants app declares
    assert "grants.view_screeningconclusion" in table["auditor"]


def test_an_app_without_a_floor_is_refused(monkeypatch):
    monkeypatch.delitem(registry.LAYERS, "reports")
    with pytest.raises(LookupError, match="reports"):
        registry.portal_apps()


def test_open_calls_lead_the_home_page():
    homes = registry.contributions("home")
    assert [f"{home.__module__}.{home.__name__}" for home in homes] == ["grants.selectors.home",
                                                                        "ngos.selectors.home"]


@pytest.mark.django_db
def test_the_account_summary_lists_the_users_ngos(world):
    from portal.selectors import account_summary

    summary = account_summary(world.users["ngo_head"])
    assert [m.ngo for m in summary["memberships"]] == [world.ngo_a]
    assert account_summary(world.users["auditor"])["memberships"] == []
