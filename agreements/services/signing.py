"""The agreement: bank details, the PDF the worker renders, and the two signatures bound to its exact bytes."""

import hashlib
from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import mail
from portal.audit import record
from portal.workflow import transition

from .. import notifications, signing
from ..banking import validate_bik, validate_iban
from ..choices import AgreementStatus, GrantStatus, Party, SignatureMethod, SignatureStatus
from ..models import Agreement, Signature
from .states import GRANT_TRANSITIONS, lock_grant
from .tranches import condition_met

A = AgreementStatus

TRANSITIONS = {
    (A.DRAFT, A.READY): "agreement_prepared",
    (A.READY, A.NGO_SIGNED): "agreement_signed_by_ngo",
    (A.NGO_SIGNED, A.SIGNED): "agreement_signed_by_operator",
    # A change after the first signature: the signature is voided and the NGO signs the new text again.
    (A.NGO_SIGNED, A.READY): "agreement_voided",
}
SIGNATURE_TRANSITIONS = {(SignatureStatus.VALID, SignatureStatus.VOIDED): "signature_voided"}
PARTY_STEP = {Party.NGO: (A.READY, A.NGO_SIGNED), Party.OPERATOR: (A.NGO_SIGNED, A.SIGNED)}


def _lock(agreement: Agreement) -> Agreement:
    return Agreement.objects.select_for_update(of=("self",)).select_related("grant").get(pk=agreement.pk)


def _void_signatures(agreement: Agreement, *, actor, now: datetime) -> int:
    voided = 0
    for signature in agreement.signatures.filter(status=SignatureStatus.VALID):
        signature.voided_at = now
        transition(signature, to=SignatureStatus.VOIDED, table=SIGNATURE_TRANSITIONS, actor=actor,
                   update_fields=["voided_at"], subject=agreement)
        voided += 1
    return voided


def _schedule_render(agreement: Agreement) -> None:
    from ..tasks import render_agreement

    mail.prepare(render_agreement, about=agreement, agreement_pk=agreement.pk, version=agreement.version)


@transaction.atomic
def agreement_set_bank_details(*, agreement: Agreement, actor, iban: str, bik: str, bank_name: str) -> Agreement:
    """The NGO's head enters (or corrects) the bank details; the PDF is rendered again. After the NGO signed,
    a change voids its signature: it signs the new text."""
    agreement = _lock(agreement)
    if agreement.grant.status != GrantStatus.AWARDED or agreement.status == A.SIGNED:
        raise ValidationError(_("The agreement is signed by both parties: it changes only by a supplementary "
                                "agreement."), code="signed")
    iban, bik, bank_name = validate_iban(iban), validate_bik(bik), (bank_name or "").strip()
    if not bank_name:
        raise ValidationError({"bank_name": _("Name the bank.")})
    if (iban, bik, bank_name) == (agreement.iban, agreement.bik, agreement.bank_name):
        return agreement
    now = timezone.now()
    agreement.iban, agreement.bik, agreement.bank_name = iban, bik, bank_name
    agreement.bank_entered_by, agreement.bank_entered_at = actor, now
    agreement.version += 1
    fields = ["iban", "bik", "bank_name", "bank_entered_by", "bank_entered_at", "version"]
    if agreement.status == A.DRAFT:
        transition(agreement, to=A.READY, table=TRANSITIONS, actor=actor, update_fields=fields)
    elif agreement.status == A.NGO_SIGNED:
        voided = _void_signatures(agreement, actor=actor, now=now)
        transition(agreement, to=A.READY, table=TRANSITIONS, actor=actor, update_fields=fields,
                   message=("bank_details_changed", {"voided": voided}))
    else:
        # Ready and unsigned: the text changes, the state does not.
        agreement.save(update_fields=[*fields, "updated_at"])
        record(actor=actor, obj=agreement, action="agreement_bank_details_changed", from_state=agreement.status,
               to_state=agreement.status, data={"version": agreement.version})
    _schedule_render(agreement)
    return agreement


@transaction.atomic
def agreement_render(*, agreement_pk: int, version: int) -> Agreement | None:
    """The worker renders the PDF of one version (both texts in one document) and keeps its SHA-256. A render
    of an older version is skipped: a newer one is queued behind it."""
    from ..pdf import agreement_pdf

    agreement = Agreement.objects.select_for_update(of=("self",)).select_related("grant").get(pk=agreement_pk)
    if agreement.version != version or agreement.pdf_version == version:
        return None
    pdf = agreement_pdf(agreement)
    if agreement.pdf:
        agreement.pdf.delete(save=False)
    agreement.pdf.save(f"agreement-{agreement.number}-v{version}.pdf", ContentFile(pdf), save=False)
    agreement.pdf_sha256 = hashlib.sha256(pdf).hexdigest()
    agreement.pdf_version = version
    agreement.save(update_fields=["pdf", "pdf_sha256", "pdf_version", "updated_at"])
    record(actor=None, obj=agreement, action="agreement_rendered", to_state=agreement.status,
           data={"version": version, "sha256": agreement.pdf_sha256})
    return agreement


def _stored_sha256(agreement: Agreement) -> str:
    with agreement.pdf.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()


@transaction.atomic
def agreement_sign(*, agreement: Agreement, actor, party: str, sha256: str,
                   method: str = SignatureMethod.PORTAL) -> Signature:
    """One party signs the PDF it was shown (`sha256` comes from the page): the NGO's head first, then the
    operator's authorised staff. Signed by both, the grant's agreement is signed and on-signing tranches are due."""
    agreement = _lock(agreement)
    if agreement.grant.status != GrantStatus.AWARDED:
        raise ValidationError(_("This grant is no longer awaiting signatures."), code="not_awarded")
    before, after = PARTY_STEP[party]
    if agreement.status != before:
        raise ValidationError(
            _("The NGO's head signs first, then the operator.") if party == Party.OPERATOR
            else _("Enter the bank details first, or the agreement is already signed by the NGO."),
            code="order",
        )
    if not agreement.pdf_ready:
        raise ValidationError(_("The agreement's PDF is still being prepared: try again in a minute."), code="pdf")
    stored = _stored_sha256(agreement)
    if sha256 != agreement.pdf_sha256 or stored != agreement.pdf_sha256:
        raise ValidationError(_("The agreement changed since you opened it: read the new text and sign again."),
                              code="changed")
    now = timezone.now()
    signature = Signature.objects.create(agreement=agreement, party=party, signer=actor, signed_at=now,
                                         sha256=stored, version=agreement.version, signature_method=method)
    fields = []
    if after == A.SIGNED:
        agreement.signed_at = now
        fields = ["signed_at"]
    transition(agreement, to=after, table=TRANSITIONS, actor=actor, update_fields=fields,
               data={"sha256": stored, "method": method})
    if after == A.NGO_SIGNED:
        notifications.operator_signature_requested(agreement.grant)
    else:
        grant = lock_grant(agreement.grant)
        transition(grant, to=GrantStatus.AGREEMENT_SIGNED, table=GRANT_TRANSITIONS, actor=actor)
        condition_met(grant=grant, condition="on_signing", actor=actor)
        signing.agreement_signed(grant=grant, actor=actor)
    return signature
