"""Broker down at the moment of a submission or a withdrawal: the head's request succeeds at once, the e-mails
wait in the outbox, and once the broker is back the retry job delivers each exactly once."""

import time

import pytest
from django.core import mail as sent
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from portal import mail
from portal.models import OutboxMessage

from .factories import person

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in_head(client, head):
    client.force_login(head)
    return client


def post_timed(client, url, data, django_capture_on_commit_callbacks):
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):  # the test's transaction never commits by itself
        response = client.post(url, data)
    return response, time.monotonic() - started


def test_a_submission_succeeds_with_the_broker_down_and_its_receipt_is_delivered_once_it_is_back(
    signed_in_head, application, head, member, broker_down, django_capture_on_commit_callbacks
):
    response, seconds = post_timed(
        signed_in_head, reverse("applications:submit", kwargs={"pk": application.pk}), {},
        django_capture_on_commit_callbacks,
    )

    application.refresh_from_db()
    assert response.status_code == 302 and application.status == "submitted"
    assert seconds < 5, f"the request waited {seconds:.1f} s for the broker"
    assert sent.outbox == []
    waiting = OutboxMessage.objects.filter(status=OutboxMessage.Status.PENDING, kind="email")
    assert sorted(waiting.values_list("recipient", flat=True)) == sorted([head.email, member.email])

    # The broker is back: the beat job runs (twice, as a worker that also got the task would).
    assert mail.deliver_due() == 2
    assert mail.deliver_due() == 0
    for message in waiting.model.objects.all():
        assert mail.deliver(message.pk) is False

    assert sorted(m.to[0] for m in sent.outbox) == sorted([head.email, member.email])
    receipt = next(m for m in sent.outbox if m.to == [head.email])
    assert application.registration_number in receipt.subject
    assert receipt.attachments[0][0] == f"receipt-{application.registration_number}.pdf"
    assert not OutboxMessage.objects.exclude(status=OutboxMessage.Status.SENT).exists()


def test_a_withdrawal_succeeds_with_the_broker_down_and_its_notice_is_delivered_once_it_is_back(
    signed_in_head, application, head, member, broker_down, django_capture_on_commit_callbacks
):
    url = reverse("applications:submit", kwargs={"pk": application.pk})
    post_timed(signed_in_head, url, {}, django_capture_on_commit_callbacks)
    mail.deliver_due()
    sent.outbox.clear()

    response, seconds = post_timed(
        signed_in_head, reverse("applications:withdraw", kwargs={"pk": application.pk}),
        {"reason": "Бюджетті нақтылаймыз"}, django_capture_on_commit_callbacks,
    )

    application.refresh_from_db()
    assert response.status_code == 302 and application.status == "withdrawn"
    assert seconds < 5, f"the request waited {seconds:.1f} s for the broker"
    assert sent.outbox == []
    assert mail.deliver_due() == 2 and mail.deliver_due() == 0
    subjects = {m.to[0]: m.subject for m in sent.outbox}
    assert len(sent.outbox) == 2 and set(subjects) == {head.email, member.email}
    for user in (head, member):
        with translation.override(user.language):
            notice = gettext("Application %(number)s is withdrawn") % {"number": application.registration_number}
        assert subjects[user.email].endswith(notice)


def test_a_submission_with_the_broker_up_delivers_at_once_in_the_embedded_run(
    signed_in_head, application, head, ngo, django_capture_on_commit_callbacks
):
    person(ngo, "member", email="third@example.kz", language="en")
    post_timed(signed_in_head, reverse("applications:submit", kwargs={"pk": application.pk}), {},
               django_capture_on_commit_callbacks)

    assert len(sent.outbox) == 3
    assert OutboxMessage.objects.filter(status=OutboxMessage.Status.SENT).count() == 3
