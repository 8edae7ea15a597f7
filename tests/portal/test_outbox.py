"""The outbox (portal.mail): written with the change, delivered once after commit, retried with growing delays,
and shown to the operator administrator, who may send a message again."""

import smtplib
import threading
from datetime import timedelta

import pytest
from django.core import mail as sent
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_noop

from portal import mail
from portal.models import AuditEntry, OutboxMessage
from tests.world import ROLES, make_user

S = OutboxMessage.Status
PREPARED = []


def prepare_a_document(number: int) -> None:
    """Stands in for a PDF render (mail.prepare calls it by its dotted path)."""
    PREPARED.append(number)


@pytest.fixture
def smtp_down(monkeypatch):
    def refuse(self, messages):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr(EmailBackend, "send_messages", refuse)


def waiting_email(**fields) -> OutboxMessage:
    """A row as a service writes it, before any worker saw it."""
    values = {"recipient": "aigerim@example.kz", "language": "kk", "subject": "Demeu — Өтінім",
              "body": "Құрметті Айгерім,", **fields}
    return OutboxMessage.objects.create(**values)


@pytest.mark.django_db
def test_a_message_of_a_change_that_rolls_back_is_never_written_nor_sent(django_capture_on_commit_callbacks):
    user = make_user("aigerim@example.kz", language="kk")
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        with transaction.atomic():
            mail.send(to=[user], subject=gettext_noop("Your settings are saved."), template="portal/home.html")
            raise RuntimeError("the change fails after the e-mail was written")
    assert not OutboxMessage.objects.exists() and sent.outbox == []


@pytest.mark.django_db
def test_each_recipient_gets_the_message_in_their_own_language(django_capture_on_commit_callbacks):
    users = [make_user("kk@example.kz", language="kk"), make_user("ru@example.kz", language="ru")]
    with django_capture_on_commit_callbacks(execute=True):
        mail.send(to=users, subject=gettext_noop("Your settings are saved."),
                  template="evaluations/email/result_letter.txt", context={"letter": {"body": "—"}})
    subjects = {m.to[0]: m.subject for m in sent.outbox}
    expected = {}
    for user in users:
        with translation.override(user.language):
            expected[user.email] = "Demeu — " + gettext("Your settings are saved.")
    assert subjects == expected and len(set(expected.values())) == 2


@pytest.mark.django_db
def test_a_document_to_prepare_runs_once_after_commit(django_capture_on_commit_callbacks):
    PREPARED.clear()
    with django_capture_on_commit_callbacks(execute=True):
        job = mail.prepare(prepare_a_document, about="Minutes", number=7)
        assert PREPARED == []  # not in the request's transaction
    assert PREPARED == [7]
    job.refresh_from_db()
    assert job.status == S.SENT and job.attempts == 1
    assert mail.deliver_due() == 0 and PREPARED == [7]


@pytest.mark.django_db
def test_a_failed_delivery_is_kept_and_retried_with_doubling_delays_then_given_up(smtp_down, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    message = waiting_email()
    now = timezone.now()

    assert mail.deliver_due(now=now) == 0
    message.refresh_from_db()
    assert (message.status, message.attempts) == (S.PENDING, 1)
    assert message.last_error == "SMTPServerDisconnected: Connection unexpectedly closed"
    assert message.next_attempt_at == now + timedelta(seconds=60)

    assert mail.deliver_due(now=now + timedelta(seconds=59)) == 0  # not due yet: not tried
    message.refresh_from_db()
    assert message.attempts == 1

    later = now + timedelta(seconds=60)
    mail.deliver_due(now=later)
    message.refresh_from_db()
    assert message.attempts == 2 and message.next_attempt_at == later + timedelta(seconds=120)

    mail.deliver_due(now=later + timedelta(seconds=120))
    message.refresh_from_db()
    assert (message.status, message.attempts) == (S.FAILED, 3)
    mail.deliver_due(now=later + timedelta(days=1))
    message.refresh_from_db()
    assert message.attempts == 3 and sent.outbox == []


@pytest.mark.django_db
def test_sent_messages_are_purged_after_the_keeping_period_and_the_others_stay(settings):
    settings.OUTBOX_KEEP_DAYS = 90
    now = timezone.now()
    old_sent = waiting_email(status=S.SENT, sent_at=now - timedelta(days=91))
    recent_sent = waiting_email(status=S.SENT, sent_at=now - timedelta(days=89))
    old_failed = waiting_email(status=S.FAILED, created_at=now - timedelta(days=200))

    assert mail.purge_sent(now=now) == 1
    assert set(OutboxMessage.objects.values_list("pk", flat=True)) == {recent_sent.pk, old_failed.pk}
    assert not OutboxMessage.objects.filter(pk=old_sent.pk).exists()


@pytest.mark.django_db(transaction=True)
def test_a_row_locked_by_one_worker_is_skipped_by_another_and_sent_exactly_once():
    message = waiting_email()
    locked, release = threading.Event(), threading.Event()

    def first_worker():
        with transaction.atomic():
            OutboxMessage.objects.select_for_update().get(pk=message.pk)
            locked.set()
            release.wait(10)
        connection.close()

    worker = threading.Thread(target=first_worker)
    worker.start()
    assert locked.wait(10)
    try:
        assert mail.deliver(message.pk) is False  # skipped at once, not waiting for the lock
    finally:
        release.set()
        worker.join()
    assert mail.deliver(message.pk) is True
    assert mail.deliver(message.pk) is False
    assert mail.deliver_due() == 0
    assert [m.to for m in sent.outbox] == [["aigerim@example.kz"]]


@pytest.fixture
def failed(db):
    return waiting_email(status=S.FAILED, attempts=10, last_error="SMTPServerDisconnected: Connection closed")


@pytest.fixture
def admin_client(client, world):
    client.force_login(world.users["operator_admin"])
    return client


def test_the_operator_admin_reads_a_message_with_its_status_and_error(admin_client, failed):
    page = admin_client.get(reverse("portal:outbox_message", kwargs={"pk": failed.pk})).content.decode()
    for shown in ("aigerim@example.kz", "Demeu — Өтінім", "Құрметті Айгерім,", "SMTPServerDisconnected", ">10<"):
        assert shown in page
    listing = admin_client.get(reverse("portal:outbox") + "?status=failed").content.decode()
    assert "aigerim@example.kz" in listing and "Demeu — Өтінім" in listing


@pytest.mark.parametrize("show", [True, False], ids=["embedded run", "production"])
def test_sign_in_links_are_shown_to_staff_only_in_the_embedded_run(admin_client, settings, show):
    settings.OUTBOX_SHOW_SENSITIVE = show
    message = waiting_email(sensitive=True, body="http://testserver/accounts/confirm-email/secret-key/")
    page = admin_client.get(reverse("portal:outbox_message", kwargs={"pk": message.pk})).content.decode()
    assert ("secret-key" in page) is show


def test_the_operator_admin_resends_a_failed_message_and_it_is_delivered_once(
    admin_client, world, failed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(reverse("portal:outbox_resend", kwargs={"pk": failed.pk}))

    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == S.SENT and failed.attempts == 1 and failed.last_error == ""
    assert [m.to for m in sent.outbox] == [["aigerim@example.kz"]]
    entry = AuditEntry.objects.get(action="outbox_message_resent")
    assert entry.actor == world.users["operator_admin"] and entry.object_id == str(failed.pk)


def test_resending_a_sent_message_sends_a_copy_and_keeps_the_original(admin_client, django_capture_on_commit_callbacks):
    original = waiting_email()
    mail.deliver(original.pk)
    with django_capture_on_commit_callbacks(execute=True):
        admin_client.post(reverse("portal:outbox_resend", kwargs={"pk": original.pk}))
    assert OutboxMessage.objects.filter(status=S.SENT, body=original.body).count() == 2
    assert len(sent.outbox) == 2


def test_only_the_operator_admin_may_resend(client, world, failed, django_capture_on_commit_callbacks):
    url = reverse("portal:outbox_resend", kwargs={"pk": failed.pk})
    wrong = []
    for role in ROLES:
        client.logout()
        if world.users[role] is not None:
            client.force_login(world.users[role])
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        failed.refresh_from_db()
        expected = 302 if role in ("operator_admin", "anonymous") else 403
        if response.status_code != expected or (role != "operator_admin" and failed.status != S.FAILED):
            wrong.append(f"{role}: {response.status_code}, {failed.status}")
        if role == "anonymous" and not response["Location"].startswith(reverse("account_login")):
            wrong.append("anonymous: not sent to sign in")
        if role == "operator_admin":
            failed.status = S.FAILED
            failed.save()
    assert not wrong
    assert len(sent.outbox) == 1  # the operator admin's


def test_the_outgoing_mail_page_runs_the_same_queries_for_one_row_and_fifty(admin_client):
    from django.db import connection as db
    from django.test.utils import CaptureQueriesContext

    def queries() -> int:
        with CaptureQueriesContext(db) as captured:
            assert admin_client.get(reverse("portal:outbox")).status_code == 200
        return len(captured)

    waiting_email()
    queries()  # the first request of a session also loads what stays cached (the session's user, its groups)
    one = queries()
    for _ in range(49):
        waiting_email(status=S.FAILED, attempts=10, last_error="SMTPServerDisconnected")
    # The signed-in user and their groups (rules), the paginator's count, the backlog's figures, the page: none per row.
    assert queries() == one == 6
