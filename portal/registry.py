"""One registry of the portal's apps: the layers, and what each app adds to the shared pages.

An app's AppConfig subclasses `PortalApp` and declares `contributes = Contributes(...)` with dotted
paths (its dashboard panels, role permissions, demo seed, home figures, account summary). The portal
walks the apps in layer order and imports what they declared; a declared path that does not import
is an error (at start-up through the `portal.E001` check, and on use), never skipped in silence.
This module imports nothing of the apps: AppConfigs import it before any model is loaded.
"""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.core import checks
from django.utils.module_loading import import_string

# The floors, bottom first; each app may import only the apps listed for it (all below it).
# prizes and appeals stand on expert evaluation beside agreements; reports, the public top floor, reads them all.
LAYERS: dict[str, tuple[str, ...]] = {
    "portal": (),
    "ngos": ("portal",),
    "grants": ("portal", "ngos"),
    "evaluations": ("portal", "ngos", "grants"),
    "agreements": ("portal", "ngos", "grants", "evaluations"),
    "monitoring": ("portal", "ngos", "grants", "evaluations", "agreements"),
    "prizes": ("portal", "ngos", "grants", "evaluations"),
    "appeals": ("portal", "ngos", "grants", "evaluations"),
    "reports": ("portal", "ngos", "grants", "evaluations", "agreements", "monitoring", "prizes", "appeals"),
}


@dataclass(frozen=True)
class Contributes:
    """What an app adds to the portal; every entry is a dotted path to a callable or a table."""

    dashboard: tuple[str, ...] = ()  # panels(request) -> list[dict]
    permissions: tuple[str, ...] = ()  # ROLE_PERMISSIONS = {StaffRole.X: ["app.codename", ...]}
    demo: tuple[str, ...] = ()  # seed(stdout=None), idempotent; run in layer order
    home: tuple[str, ...] = ()  # home() -> {"figures": [{"value", "label"}], ...}
    home_order: int = 100  # lower comes first on the home page (open calls lead)
    account: tuple[str, ...] = ()  # part(user) -> dict merged into the account summary
    # (model label, kind of public content) pairs: an audited change of such a model bumps the kind's
    # version, so the cached public pages showing it are rebuilt (portal/public_cache.py).
    public_content: tuple[tuple[str, str], ...] = ()
    reminders: tuple[str, ...] = ()  # KINDS = [portal.reminders.Kind(...), ...]: due dates the beat job reminds of
    catalogue: bool = True  # the app keeps its strings in <app>/locale (portal's go to locale/)


class PortalApp:
    """Mixin for an app's AppConfig: `class NgosConfig(PortalApp, AppConfig)`."""

    contributes = Contributes()


def portal_apps() -> list:
    """The installed apps of the portal, bottom floor first."""
    found = [config for config in apps.get_app_configs() if isinstance(config, PortalApp)]
    unknown = [config.label for config in found if config.label not in LAYERS]
    if unknown:
        raise LookupError(f"portal apps without a floor in portal.registry.LAYERS: {', '.join(unknown)}")
    order = list(LAYERS)
    return sorted(found, key=lambda config: order.index(config.label))


def labels() -> list[str]:
    return [config.label for config in portal_apps()]


def catalogue_apps() -> list:
    """Apps with their own translation catalogue in <app>/locale."""
    return [config for config in portal_apps() if config.contributes.catalogue]


def contributions(kind: str) -> list:
    """The objects the apps declared for `kind` (a field of Contributes), in layer order."""
    apps_in_order = portal_apps()
    if kind == "home":
        apps_in_order = sorted(apps_in_order, key=lambda config: config.contributes.home_order)
    return [import_string(path) for config in apps_in_order for path in getattr(config.contributes, kind)]


KINDS = ("dashboard", "permissions", "demo", "home", "account", "reminders")


@checks.register()
def check_contributions(app_configs=None, **kwargs) -> list:
    """Every declared path imports, and every app with a catalogue has its locale folder."""
    errors = []
    try:
        configs = portal_apps()
    except LookupError as refusal:
        return [checks.Error(str(refusal), id="portal.E002")]
    for config in configs:
        for kind in KINDS:
            for path in getattr(config.contributes, kind):
                try:
                    import_string(path)
                except ImportError as error:
                    errors.append(checks.Error(f"{config.label} contributes {kind} {path!r}, which does not "
                                               f"import: {error}", obj=config, id="portal.E001"))
        if config.contributes.catalogue and not (Path(config.path) / "locale").is_dir():
            errors.append(checks.Error(f"{config.label} declares a catalogue but has no {config.label}/locale",
                                       obj=config, id="portal.E003"))
    return errors
