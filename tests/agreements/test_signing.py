"""Bank details, the agreement's PDF and the two signatures bound to its exact bytes."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from agreements.banking import validate_iban
from agreements.choices import AgreementStatus, GrantStatus, Party, SignatureStatus, TrancheStatus
from agreements.services import agreement_set_bank_details, agreement_sign
from portal.models import OutboxMessage
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(media_root):
    return media_root


def _grant_and_head():
    grant = f.awarded_grant()
    return grant, f.head_of(grant.ngo)


def test_iban_check_digits_and_format_are_checked():
    assert validate_iban("kz86 125K ZT50 0410 0100") == "KZ86125KZT5004100100"
    for wrong in ("KZ87125KZT5004100100", "KZ86125KZT500410010", "RU86125KZT5004100100"):
        with pytest.raises(ValidationError):
            validate_iban(wrong)


def test_bank_details_prepare_the_agreement_and_queue_its_pdf_for_the_worker(media):
    grant, head = _grant_and_head()
    agreement_set_bank_details(agreement=grant.agreement, actor=head, iban=f.IBAN, bik=f.BIK, bank_name="Kaspi Bank")
    agreement = grant.agreement
    agreement.refresh_from_db()
    assert (agreement.status, agreement.version, agreement.pdf_ready) == (AgreementStatus.READY, 1, False)
    job = OutboxMessage.objects.get(kind=OutboxMessage.Kind.JOB, handler="agreements.tasks.render_agreement")
    assert job.arguments == {"agreement_pk": agreement.pk, "version": 1}


def test_the_rendered_pdf_keeps_the_sha256_of_its_bytes(media):
    grant, head = _grant_and_head()
    agreement = f.ready_to_sign(grant, head)
    with agreement.pdf.open("rb") as handle:
        content = handle.read()
    assert content.startswith(b"%PDF")
    assert agreement.pdf_sha256 == hashlib.sha256(content).hexdigest()
    assert agreement.pdf_ready


def test_nobody_signs_before_the_pdf_is_ready_and_the_operator_never_signs_first(media):
    grant, head = _grant_and_head()
    agreement_set_bank_details(agreement=grant.agreement, actor=head, iban=f.IBAN, bik=f.BIK, bank_name="Kaspi Bank")
    with f.refused("pdf"):
        agreement_sign(agreement=grant.agreement, actor=head, party=Party.NGO, sha256="")
    agreement = f.render_now(grant)
    operator = make_user("signatory@example.kz", group="operator_admin")
    with f.refused("order"):
        agreement_sign(agreement=agreement, actor=operator, party=Party.OPERATOR, sha256=agreement.pdf_sha256)
    assert not agreement.signatures.exists()


def test_a_signature_records_who_when_the_method_and_the_sha256_of_the_exact_bytes(media):
    grant, head = _grant_and_head()
    agreement = f.ready_to_sign(grant, head)
    signature = agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    with agreement.pdf.open("rb") as handle:
        assert signature.sha256 == hashlib.sha256(handle.read()).hexdigest()
    assert (signature.signer, signature.signature_method, signature.version) == (head, "portal", 1)
    assert signature.signed_at is not None
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NGO_SIGNED


def test_signing_a_text_other_than_the_one_on_file_is_refused(media):
    grant, head = _grant_and_head()
    agreement = f.ready_to_sign(grant, head)
    with f.refused("changed"):
        agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256="0" * 64)
    # The stored file replaced behind the portal's back: its bytes no longer match what was rendered.
    agreement.pdf.save("tampered.pdf", ContentFile(b"%PDF-1.4 other"), save=True)
    with f.refused("changed"):
        agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    assert not agreement.signatures.exists()


def test_a_change_after_the_first_signature_voids_it_and_asks_again(media):
    grant, head = _grant_and_head()
    agreement = f.ready_to_sign(grant, head)
    first = agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    old_sha = agreement.pdf_sha256

    agreement_set_bank_details(agreement=agreement, actor=head, iban="KZ86125KZT5004100100", bik=f.BIK,
                               bank_name="Kaspi Bank")

    first.refresh_from_db()
    agreement.refresh_from_db()
    assert first.status == SignatureStatus.VOIDED and first.voided_at
    assert (agreement.status, agreement.version, agreement.pdf_ready) == (AgreementStatus.READY, 2, False)
    agreement = f.render_now(grant)
    assert agreement.pdf_sha256 != old_sha
    operator = make_user("signatory@example.kz", group="operator_admin")
    with f.refused("order"):
        agreement_sign(agreement=agreement, actor=operator, party=Party.OPERATOR, sha256=agreement.pdf_sha256)
    again = agreement_sign(agreement=agreement, actor=head, party=Party.NGO, sha256=agreement.pdf_sha256)
    assert again.version == 2


def test_signed_by_both_the_grant_is_signed_and_the_first_tranche_falls_due(media):
    finance = make_user("finance@example.kz", group="finance_officer")
    grant = f.signed_grant()
    assert grant.status == GrantStatus.AGREEMENT_SIGNED
    assert grant.agreement.status == AgreementStatus.SIGNED and grant.agreement.signed_at
    assert [t.status for t in grant.tranches.all()] == [TrancheStatus.DUE, TrancheStatus.PLANNED]
    # The finance officer hears of the due tranche (and of nothing before it).
    assert list(OutboxMessage.objects.filter(recipient=finance.email).values_list("subject", flat=True)) == [
        OutboxMessage.objects.filter(recipient=finance.email).get().subject]
    assert grant.number in OutboxMessage.objects.get(recipient=finance.email).subject


def test_a_signed_agreement_changes_only_by_an_amendment(media):
    grant = f.signed_grant()
    head = grant.ngo.memberships.get(role="head").user
    with f.refused("signed"):
        agreement_set_bank_details(agreement=grant.agreement, actor=head, iban="KZ86125KZT5004100100", bik=f.BIK,
                                   bank_name="Halyk")
