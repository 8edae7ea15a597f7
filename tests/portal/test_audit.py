import pytest
from django.db import connection, transaction

from portal import audit
from portal.models import AuditEntry, Region

pytestmark = pytest.mark.django_db
# Pinned, as pretalx does: a new query on this page is a decision, not an accident.
AUDIT_LOG_QUERIES = 6


def test_record_writes_who_what_and_from_to(world):
    region = Region.objects.first()
    actor = world.users["operator_admin"]
    entry = audit.record(actor=actor, obj=region, action="renamed", from_state="a", to_state="b", note="why")
    assert (entry.actor, entry.object_id, entry.from_state, entry.to_state, entry.note) == (
        actor, str(region.pk), "a", "b", "why",
    )
    assert list(audit.history(region)) == [entry]


def test_an_entry_cannot_be_changed_or_deleted_through_the_orm(world):
    entry = audit.record(actor=None, obj=Region.objects.first(), action="checked")
    entry.note = "rewritten"
    with pytest.raises(PermissionError):
        entry.save()
    with pytest.raises(PermissionError):
        entry.delete()
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().update(note="x")
    with pytest.raises(PermissionError):
        AuditEntry.objects.all().delete()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the trigger exists on PostgreSQL")
def test_the_database_refuses_to_change_an_entry(world):
    entry = audit.record(actor=None, obj=Region.objects.first(), action="checked")
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE portal_auditentry SET note = 'x' WHERE id = %s", [entry.pk])
    with pytest.raises(Exception, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM portal_auditentry WHERE id = %s", [entry.pk])


def test_audit_log_page_filters_by_actor(world, client):
    region = Region.objects.first()
    audit.record(actor=world.users["call_manager"], obj=region, action="by-call-manager")
    audit.record(actor=world.users["screening_officer"], obj=region, action="by-screening")
    client.force_login(world.users["auditor"])
    response = client.get("/en/staff/audit/", {"actor": "call_manager@"})
    body = response.content.decode()
    assert "by-call-manager" in body and "by-screening" not in body


def test_audit_log_page_runs_the_same_queries_for_one_and_many_entries(world, client):
    from django.db import connection as conn
    from django.test.utils import CaptureQueriesContext

    region = Region.objects.first()
    client.force_login(world.users["auditor"])
    audit.record(actor=world.users["call_manager"], obj=region, action="one")
    client.get("/en/staff/audit/")  # warm the session and content-type caches
    with CaptureQueriesContext(conn) as one:
        client.get("/en/staff/audit/")
    for i in range(30):
        audit.record(actor=world.users["screening_officer"], obj=region, action=f"many-{i}")
    with CaptureQueriesContext(conn) as many:
        client.get("/en/staff/audit/")
    assert len(one) == len(many) == AUDIT_LOG_QUERIES
