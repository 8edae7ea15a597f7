"""Who may do what, for the portal shell. Views and templates ask these, never group names."""

import functools
import json
from collections.abc import Callable

import rules
from django.contrib.auth import get_user_model
from django.db import connection
from django.db.models import JSONField, OuterRef

from .choices import PublicRole, StaffRole

STAFF_GROUPS = frozenset(r.value for r in StaffRole)


# What the floors above keep about a user for their rules (ngos: the roles in NGOs), added by their rules.py:
# {attribute on the user: (rows(user) -> a one-column queryset of the user's rows, convert(list) -> the value)}.
# Read with the groups in one query (every signed-in request asks both), cached on the request's user object.
_USER_FACTS: dict[str, tuple[Callable, Callable]] = {}


def add_user_fact(attribute: str, rows: Callable, convert: Callable) -> None:
    """`rows(user)` filters on `user`: an OuterRef to the user's pk in the shared query, or the user."""
    _USER_FACTS[attribute] = (rows, convert)


def _group_rows(user):
    from django.contrib.auth.models import Group

    return Group.objects.filter(user=user).values_list("name", flat=True)


def _user_facts() -> dict[str, tuple[Callable, Callable]]:
    return {"_demeu_groups": (_group_rows, frozenset), **_USER_FACTS}


def load_user_facts(user) -> None:
    """The user's groups and the registered facts, kept on the user object: one query on PostgreSQL, compiled once
    per process (portal.related_rows.CompiledRead: every signed-in request asks)."""
    facts = _user_facts()
    if connection.vendor == "postgresql":
        read, json_columns = _facts_read(tuple(facts))
        row = read.fetch(user.pk) or [[] for _fact in facts]
        values = [[json.loads(item) for item in column or []] if is_json else column
                  for column, is_json in zip(row, json_columns, strict=True)]
    else:
        values = [list(rows(user)) for rows, _convert in facts.values()]
    for (attribute, (_rows, convert)), value in zip(facts.items(), values, strict=True):
        setattr(user, attribute, convert(value or []))


@functools.cache
def _facts_read(attributes: tuple[str, ...]):
    """The read of these facts (the registry, as it stands once the apps are ready), and which columns are JSON."""
    from django.contrib.postgres.expressions import ArraySubquery

    from .related_rows import CompiledRead

    facts = _user_facts()

    def columns() -> list[ArraySubquery]:
        return [ArraySubquery(facts[attribute][0](OuterRef("pk")).order_by()) for attribute in attributes]

    def build(pk):
        return get_user_model()._base_manager.filter(pk=pk).order_by().values_list(*columns())

    json_columns = [isinstance(column.output_field.base_field, JSONField) for column in columns()]
    return CompiledRead(build, parse=False), json_columns


def user_fact(user, attribute: str):
    """A registered fact of the user (read with the others the first time one is asked)."""
    value = getattr(user, attribute, None)
    if value is None:
        load_user_facts(user)
        value = getattr(user, attribute)
    return value


def group_names(user) -> frozenset[str]:
    """The user's group names, fetched once per request object (with the other facts of the user)."""
    if not user.is_authenticated:
        return frozenset()
    return user_fact(user, "_demeu_groups")


def in_group(name: str):
    @rules.predicate(name=f"in_group:{name}")
    def predicate(user):
        return bool(user and name in group_names(user))

    return predicate


@rules.predicate
def is_operator_staff(user):
    """Any operator employee, the auditor included."""
    return bool(user and (user.is_superuser or group_names(user) & STAFF_GROUPS))


is_call_manager = in_group(StaffRole.CALL_MANAGER)
is_screening_officer = in_group(StaffRole.SCREENING_OFFICER)
is_monitoring_officer = in_group(StaffRole.MONITORING_OFFICER)
is_finance_officer = in_group(StaffRole.FINANCE_OFFICER)
is_operator_admin = in_group(StaffRole.OPERATOR_ADMIN) | rules.is_superuser
is_auditor = in_group(StaffRole.AUDITOR)
is_expert = in_group(PublicRole.EXPERT)
is_council_member = in_group(PublicRole.COUNCIL)
is_customer = in_group(PublicRole.CUSTOMER)

# NGOs and experts come from civil society: not the operator's employees (they run the calls), not
# a state body that pays for them (a conflict of interest). Dashboards offer them nothing to join.
is_civil_society = rules.is_authenticated & ~is_operator_staff & ~is_customer

rules.add_perm("portal.view_dashboard", rules.is_authenticated)
rules.add_perm("portal.view_audit_log", is_operator_admin | is_auditor)
rules.add_perm("portal.view_staff_area", is_operator_staff)
# The outbox holds what users were sent: the operator administrator reads it and sends again what failed.
rules.add_perm("portal.view_outbox", is_operator_admin)
# Stored electronic signatures (portal/esign): staff and the auditor read them, staff verify them again.
rules.add_perm("portal.view_signatures", is_operator_staff)
rules.add_perm("portal.reverify_signature", is_operator_staff & ~is_auditor)
rules.add_perm("portal.resend_outbox_message", is_operator_admin)
# When reminders go out, and the ledger of those sent.
rules.add_perm("portal.change_reminder_schedule", is_operator_admin)
