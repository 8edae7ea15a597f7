"""The head signs the application's submission with NCALayer's CMS; everyone else's key, stale bytes, a replayed
nonce, an expired certificate or an unknown CA are refused in clear words, and nothing is submitted."""

from datetime import timedelta

import pytest
from cryptography.hazmat.primitives import serialization
from django.core.exceptions import ValidationError
from django.urls import reverse
from pypdf import PdfReader

from grants.applications import services
from grants.applications.choices import ApplicationStatus
from grants.applications.models import Submission
from portal.esign.services import challenge_issue, signed
from portal.models import AuditEntry, SignatureChallenge, SignatureRecord
from tests.portal.esign_fixtures import *  # noqa: F403  (the test CA, its key, signatures switched on)
from tests.portal.esign_fixtures import HEAD_IIN, MEMBER_IIN, OUTSIDER_IIN, expired_dates

SUBMIT = "grants.application_submit"


@pytest.fixture
def people(head, member, outsider):
    for user, iin in ((head, HEAD_IIN), (member, MEMBER_IIN), (outsider, OUTSIDER_IIN)):
        user.iin = iin
        user.save(update_fields=["iin"])
    return head, member, outsider


def submit_signed(application, actor, challenge, cms_b64, now):
    return signed(
        actor=actor, action=SUBMIT, obj=application,
        data={"esign_nonce": challenge.nonce, "esign_cms": cms_b64},
        perform=lambda method: services.application_submit(application=application, actor=actor, now=now),
    )


def refused(application, actor, challenge, cms_b64, now) -> str:
    with pytest.raises(ValidationError) as caught:
        submit_signed(application, actor, challenge, cms_b64, now)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert not Submission.objects.filter(application=application).exists()
    assert not SignatureRecord.objects.exists()
    return " ".join(caught.value.messages)


def pdf_text(content: bytes) -> str:
    import io

    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_heads_signature_is_accepted_kept_with_the_submission_and_shown_on_the_receipt(
    application, people, esign_on, test_ca, rsa_key, before_deadline
):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, surname="ӘБЕНОВ", name="НҰРЛАН", key=rsa_key)
    submission = submit_signed(application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)

    record = SignatureRecord.objects.get()
    assert record.signed_object == submission
    assert (record.method, record.verified, record.signer, record.signer_iin) == ("ncalayer", True, head, HEAD_IIN)
    assert record.document == challenge.payload and f"snapshot SHA-256: {submission.snapshot_sha256}" in record.document
    assert bytes(record.certificate) == signer.cert.public_bytes(serialization.Encoding.DER)
    assert bytes(record.cms)[:1] == b"\x30" and challenge.payload_bytes in bytes(record.cms)  # the CMS as signed
    assert set(record.verification["checks"]) >= {"signature", "validity", "key_usage", "chain", "identity"}
    challenge.refresh_from_db()
    assert challenge.used_at is not None
    text = pdf_text(services.submission_receipt(submission=submission))
    masked = f"{HEAD_IIN[:2]}••••••••{HEAD_IIN[-2:]}"
    assert "ӘБЕНОВ НҰРЛАН" in text and masked in text and HEAD_IIN not in text


def test_an_organisation_key_of_the_ngo_is_accepted(application, people, ngo, esign_on, test_ca, rsa_key,
                                                    before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, bin=ngo.bin, organisation=ngo.name_kk, key=rsa_key)
    submit_signed(application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)
    assert SignatureRecord.objects.get().signer_bin == ngo.bin


def test_a_members_key_on_the_heads_request_is_refused(application, people, esign_on, test_ca, rsa_key,
                                                       before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=MEMBER_IIN, key=rsa_key)
    message = refused(application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)
    assert "belongs to another person" in message and MEMBER_IIN not in message


def test_a_member_signing_with_their_own_key_is_refused_as_not_the_head(application, people, esign_on, test_ca,
                                                                       rsa_key, before_deadline):
    member = people[1]
    challenge = challenge_issue(actor=member, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=MEMBER_IIN, key=rsa_key)
    message = refused(application, member, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)
    assert "Only the head of the NGO may submit" in message


def test_a_member_is_not_issued_a_challenge(client, application, people, esign_on):
    client.force_login(people[1])
    response = client.post(reverse("portal:esign_challenge"), {"action": SUBMIT, "object": application.pk})
    assert response.status_code == 403
    assert not SignatureChallenge.objects.exists()


def test_an_outsiders_key_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=OUTSIDER_IIN, key=rsa_key)
    assert "belongs to another person" in refused(
        application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)


def test_an_organisation_key_of_another_ngo_is_refused(application, people, esign_on, test_ca, rsa_key,
                                                       before_deadline):
    head = people[0]
    other_bin = people[2].memberships.get().ngo.bin
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, bin=other_bin, key=rsa_key)
    message = refused(application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)
    assert f"another organisation (BIN {other_bin})" in message


def test_an_expired_certificate_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, key=rsa_key, **expired_dates())
    message = refused(application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)
    assert "The certificate expired on" in message and "(Astana time)" in message


def test_a_signature_over_other_bytes_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, key=rsa_key)
    other = challenge.payload_bytes.replace(b"nonce:", b"nonce: x")
    assert "over other data than the document issued" in refused(
        application, head, challenge, signer.cms_b64(other), before_deadline)


def test_a_replayed_nonce_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    cms = test_ca.issue(iin=HEAD_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    submit_signed(application, head, challenge, cms, before_deadline)
    services.application_withdraw(application=application, actor=head, reason="Бюджетті түзетеміз",
                                  now=before_deadline)
    with pytest.raises(ValidationError, match="already been used"):
        submit_signed(application, head, challenge, cms, before_deadline)
    assert SignatureRecord.objects.count() == 1


def test_a_certificate_of_an_unknown_ca_is_refused(application, people, esign_on, unknown_ca, rsa_key,
                                                   before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = unknown_ca.issue(iin=HEAD_IIN, key=rsa_key)
    assert "not issued by a certification authority the portal trusts" in refused(
        application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)


def test_an_authentication_key_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    signer = test_ca.issue(iin=HEAD_IIN, key=rsa_key, signing=False)
    assert "may not sign documents" in refused(
        application, head, challenge, signer.cms_b64(challenge.payload_bytes), before_deadline)


def test_an_application_changed_after_the_request_is_refused(application, people, esign_on, test_ca, rsa_key,
                                                              before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    application.title = "Басқа атау"
    application.save(update_fields=["title"])
    cms = test_ca.issue(iin=HEAD_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    assert "The document changed after the signature was requested" in refused(
        application, head, challenge, cms, before_deadline)


def test_an_expired_request_is_refused(application, people, esign_on, test_ca, rsa_key, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    SignatureChallenge.objects.filter(pk=challenge.pk).update(expires_at=challenge.created_at - timedelta(seconds=1))
    cms = test_ca.issue(iin=HEAD_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    assert "The signature request expired" in refused(application, head, challenge, cms, before_deadline)


def test_no_trust_store_refuses_and_says_to_tell_the_operator(application, people, esign_on, settings, test_ca,
                                                             rsa_key, before_deadline):
    settings.ESIGN_TRUST_STORE = []
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    cms = test_ca.issue(iin=HEAD_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    assert "no trusted root certificates configured" in refused(application, head, challenge, cms, before_deadline)


def test_garbage_instead_of_a_cms_is_refused(application, people, esign_on, before_deadline):
    head = people[0]
    challenge = challenge_issue(actor=head, action=SUBMIT, obj=application)
    assert "not a CMS signature" in refused(application, head, challenge, "bm90IGEgY21z", before_deadline)
    assert "not a CMS signature" in refused(application, head, challenge, "%%%", before_deadline)


def test_without_signatures_the_button_is_recorded_as_a_confirmation(application, people, before_deadline):
    head = people[0]
    submission = signed(actor=head, action=SUBMIT, obj=application, data={},
                        perform=lambda method: services.application_submit(application=application, actor=head,
                                                                            now=before_deadline))
    record = SignatureRecord.objects.get()
    assert (record.method, record.signed_object, bytes(record.cms)) == ("confirmation", submission, b"")
    text = pdf_text(services.submission_receipt(submission=submission))
    # The receipt is in the application's language (Kazakh here).
    assert "Нұрлан Әбенов порталдағы батырмамен растады" in " ".join(text.split())


def test_the_signed_submission_is_one_audit_entry_that_names_its_signature(application, people, before_deadline):
    head = people[0]
    signed(actor=head, action=SUBMIT, obj=application, data={},
           perform=lambda method: services.application_submit(application=application, actor=head, now=before_deadline))
    record = SignatureRecord.objects.get()
    entry = AuditEntry.objects.get(action="application_submitted")
    assert entry.data["signature"] == {"action": SUBMIT, "method": "confirmation", "sha256": record.document_sha256}
    assert not AuditEntry.objects.filter(action="esign_signed").exists()


def test_a_signed_action_that_changes_no_state_has_an_audit_entry_of_its_own(application, people):
    signed(actor=people[0], action=SUBMIT, obj=application, data={}, perform=lambda method: None)
    record = SignatureRecord.objects.get()
    entry = AuditEntry.objects.get(action="esign_signed")
    assert (entry.object_id, entry.data["record"], entry.data["method"]) == (str(application.pk), record.pk,
                                                                             "confirmation")


def test_the_submit_page_carries_the_ncalayer_fields_only_when_signatures_are_on(client, application, people,
                                                                                  settings):
    client.force_login(people[0])
    url = reverse("applications:submit", kwargs={"pk": application.pk})
    assert b"data-esign" not in client.get(url).content
    settings.ESIGN_REQUIRED = True
    page = client.get(url).content.decode()
    assert 'data-esign-action="grants.application_submit"' in page and "js/ncalayer.js" in page
