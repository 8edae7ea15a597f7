"""Submission: by the head, by the server's clock, frozen in a snapshot with a number, a receipt and e-mails."""

import io
from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from grants.applications import selectors, services
from grants.applications.models import Application, CallCounter, Submission
from portal.models import AuditEntry

from .factories import LotFactory, ready_application

pytestmark = pytest.mark.django_db

ONE_MICROSECOND = timedelta(microseconds=1)


def pdf_text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_submission_a_microsecond_before_the_deadline_is_accepted(application, head, call):
    submission = services.application_submit(application=application, actor=head, now=call.closes_at - ONE_MICROSECOND)
    application.refresh_from_db()
    assert application.status == "submitted"
    assert submission.submitted_at == call.closes_at - ONE_MICROSECOND


def test_submission_at_the_deadline_is_refused_with_the_deadline_and_the_draft_intact(application, head, call):
    before = application.version
    with pytest.raises(ValidationError) as refusal:
        services.application_submit(application=application, actor=head, now=call.closes_at)
    assert "18:30 (Astana time)" in " ".join(refusal.value.messages)
    application.refresh_from_db()
    assert application.status == "draft" and application.registration_number == ""
    assert application.version == before and application.title == "Жастар еріктілері мектебі"
    assert not Submission.objects.exists()
    assert not CallCounter.objects.filter(call=call, last_number__gt=0).exists()


def test_submission_one_millisecond_late_names_the_deadline(application, head, call):
    with pytest.raises(ValidationError) as refusal:
        services.application_submit(application=application, actor=head, now=call.closes_at + timedelta(milliseconds=1))
    assert "18:30 (Astana time)" in " ".join(refusal.value.messages)


def test_only_the_head_submits(application, member, call, before_deadline):
    with pytest.raises(ValidationError, match="head"):
        services.application_submit(application=application, actor=member, now=before_deadline)
    assert Application.objects.get(pk=application.pk).status == "draft"


def test_an_incomplete_application_is_refused_with_every_problem(application, head, before_deadline):
    application.title = ""
    application.declares_accuracy = False
    application.save()
    application.documents.filter(kind="charter").delete()
    with pytest.raises(ValidationError) as refusal:
        services.application_submit(application=application, actor=head, now=before_deadline)
    messages = refusal.value.messages
    assert len(messages) == 3
    assert any("title" in m for m in messages) and any("Charter" in m for m in messages)


def test_a_budget_over_the_lot_is_refused_naming_the_rule(application, head, before_deadline):
    application.budget_lines.filter(category="staff").update(unit_cost=2_000_000)
    with pytest.raises(ValidationError) as refusal:
        services.application_submit(application=application, actor=head, now=before_deadline)
    assert any("total ≤ lot budget" in m for m in refusal.value.messages)


def test_submission_freezes_every_section_and_each_documents_hash(application, head, before_deadline):
    submission = services.application_submit(application=application, actor=head, now=before_deadline)
    snapshot = submission.snapshot
    assert snapshot["overview"]["title"] == "Жастар еріктілері мектебі"
    assert snapshot["budget"]["total"] == "6300000.00"
    assert len(snapshot["indicators"]) == 2 and len(snapshot["activities"]) == 1
    assert {d["sha256"] for d in snapshot["documents"]} == set(application.documents.values_list("sha256", flat=True))
    assert submission.snapshot_sha256 == selectors.snapshot_hash(snapshot)
    # Frozen: changing the application afterwards does not change what was submitted.
    Application.objects.filter(pk=application.pk).update(title="Changed later")
    submission.refresh_from_db()
    assert submission.snapshot["overview"]["title"] == "Жастар еріктілері мектебі"


def test_registration_numbers_run_per_call(lot, ngo, head, media_root, before_deadline):
    from .factories import NGOFactory, person

    other_ngo = NGOFactory()
    other_head = person(other_ngo, "head")
    first = ready_application(lot, ngo)
    second = ready_application(lot, other_ngo)
    other_call_lot = LotFactory()
    third = ready_application(other_call_lot, ngo)
    numbers = [
        services.application_submit(application=first, actor=head, now=before_deadline).number,
        services.application_submit(application=second, actor=other_head, now=before_deadline).number,
        services.application_submit(application=third, actor=head, now=before_deadline).number,
    ]
    assert numbers == [f"{lot.call.code}-0001", f"{lot.call.code}-0002", f"{other_call_lot.call.code}-0001"]


def test_a_second_submit_returns_the_first_receipt(application, head, before_deadline):
    first = services.application_submit(application=application, actor=head, now=before_deadline)
    again = services.application_submit(application=application, actor=head, now=before_deadline + timedelta(seconds=1))
    assert again.pk == first.pk
    assert Submission.objects.count() == 1
    assert CallCounter.objects.get(call=application.lot.call).last_number == 1


def test_submission_writes_one_audit_entry(application, head, before_deadline):
    services.application_submit(application=application, actor=head, now=before_deadline)
    entries = AuditEntry.objects.filter(object_id=str(application.pk), action="application_submitted")
    assert entries.count() == 1
    assert (entries[0].from_state, entries[0].to_state) == ("draft", "submitted")


def test_receipt_is_in_the_applications_language_with_number_time_to_the_second_and_hash(application, head, call):
    application.language = "ru"
    application.save()
    at = call.closes_at - timedelta(milliseconds=1)  # 18:29:59.999 in Astana
    submission = services.application_submit(application=application, actor=head, now=at)
    text = pdf_text(services.submission_receipt(submission=submission))
    assert "Квитанция" in text
    assert submission.number in text
    assert "18:29:59" in text
    assert submission.snapshot_sha256 in text.replace("\n", "")


def test_receipt_is_rendered_once_and_kept(application, head, before_deadline):
    submission = services.application_submit(application=application, actor=head, now=before_deadline)
    first = services.submission_receipt(submission=submission)
    submission.refresh_from_db()
    assert submission.receipt
    assert services.submission_receipt(submission=submission) == first


def test_members_receive_the_receipt_by_email_in_their_language(
    application, head, member, before_deadline, django_capture_on_commit_callbacks, eager_tasks
):
    with django_capture_on_commit_callbacks(execute=True):
        submission = services.application_submit(application=application, actor=head, now=before_deadline)
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {head.email, member.email}
    assert submission.number in by_recipient[member.email].subject and "подана" in by_recipient[member.email].subject
    assert "тапсырылды" in by_recipient[head.email].subject
    attachment = by_recipient[head.email].attachments[0]
    assert attachment[0] == f"receipt-{submission.number}.pdf" and attachment[2] == "application/pdf"


def test_withdrawal_keeps_the_reason_and_resubmission_keeps_the_number(application, head, before_deadline):
    first = services.application_submit(application=application, actor=head, now=before_deadline)
    services.application_withdraw(application=application, actor=head, reason="Бюджетті нақтылаймыз",
                                  now=before_deadline + timedelta(minutes=1))
    application.refresh_from_db()
    assert application.status == "withdrawn" and application.is_editable
    first.refresh_from_db()
    assert first.withdrawal_reason == "Бюджетті нақтылаймыз" and first.withdrawn_by == head
    second = services.application_submit(
        application=application, actor=head, now=before_deadline + timedelta(minutes=2)
    )
    assert second.pk != first.pk and second.number == first.number
    assert CallCounter.objects.get(call=application.lot.call).last_number == 1


def test_withdrawal_after_the_deadline_is_refused(application, head, call, before_deadline):
    services.application_submit(application=application, actor=head, now=before_deadline)
    with pytest.raises(ValidationError, match="deadline"):
        services.application_withdraw(application=application, actor=head, reason="late", now=call.closes_at)
    assert Application.objects.get(pk=application.pk).status == "submitted"


def test_withdrawal_needs_a_reason_and_the_head(application, head, member, before_deadline):
    services.application_submit(application=application, actor=head, now=before_deadline)
    with pytest.raises(ValidationError, match="reason"):
        services.application_withdraw(application=application, actor=head, reason="  ", now=before_deadline)
    with pytest.raises(ValidationError, match="head"):
        services.application_withdraw(application=application, actor=member, reason="x", now=before_deadline)


def test_an_unverified_ngo_cannot_submit(application, head, ngo, before_deadline):
    ngo.verification = "pending"
    ngo.save()
    with pytest.raises(ValidationError, match="verified"):
        services.application_submit(application=application, actor=head, now=before_deadline)
