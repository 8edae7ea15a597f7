"""Staff roles as groups with model permissions, kept in step with the tables below.

Each app declares what its roles may do in its own `permissions.py` (ROLE_PERMISSIONS: group
name → "app_label.codename" list), named in its AppConfig (portal.registry); `sync_roles()` creates
the groups and sets exactly those permissions. It runs after every migrate and from
`manage.py sync_roles`, so it is idempotent.
"""

from django.apps import apps as global_apps
from django.db import DEFAULT_DB_ALIAS

from . import registry
from .choices import PublicRole, StaffRole

ALL_GROUPS = [r.value for r in StaffRole] + [r.value for r in PublicRole]


def role_permissions() -> dict[str, set[str]]:
    table: dict[str, set[str]] = {name: set() for name in ALL_GROUPS}
    for declared in registry.contributions("permissions"):
        for group, perms in declared.items():
            table[str(group)].update(perms)
    return table


def sync_roles(*, using: str = DEFAULT_DB_ALIAS, apps=global_apps) -> dict[str, int]:
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    known = {
        f"{p.content_type.app_label}.{p.codename}": p
        for p in Permission.objects.using(using).select_related("content_type")
    }
    counts = {}
    for name, wanted in role_permissions().items():
        group, _ = Group.objects.using(using).get_or_create(name=name)
        perms = [known[code] for code in sorted(wanted) if code in known]
        group.permissions.set(perms)
        counts[name] = len(perms)
    return counts


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    sync_roles(using=using)
