"""Challenges, signatures and their records: every write of portal.esign.

A view runs the app's own service inside `signed(...)`: with ESIGN_REQUIRED the CMS posted with the form is
verified against the challenge first (its nonce used once, within ESIGN_CHALLENGE_SECONDS), else the one-button
confirmation is recorded; either way the record is kept with what the service returned, in one transaction.
"""

import base64
import binascii
import hashlib
import secrets
from collections.abc import Callable, Mapping
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..audit import joining_change
from ..audit import record as audit_record
from ..choices import SignatureMethod
from ..identity import mask_iin
from . import actions
from .models import SignatureChallenge, SignatureRecord
from .verify import load_trust_store, problem_text, verify_cms

IDENTITY_PROBLEMS = {
    "no_challenge": _("This signature request is unknown: sign again."),
    "replayed": _("This signature request has already been used: sign again."),
    "challenge_expired": _("The signature request expired: sign again."),
    "not_yours": _("This signature request was issued to another person or for another action."),
    "changed": _("The document changed after the signature was requested: read it again and sign again."),
    "no_iin": _("Enter your IIN in your account settings before signing."),
    "other_person": _("The key belongs to another person (IIN %(iin)s), not to you."),
    "other_organisation": _("The organisation key is of another organisation (BIN %(bin)s), not of %(expected)s."),
    "no_cms": _("No signature came with the form: sign with NCALayer."),
}


def esign_required() -> bool:
    return bool(getattr(settings, "ESIGN_REQUIRED", False))


def _refuse(code: str, **params) -> ValidationError:
    return ValidationError(problem_text(code, {k: str(v) for k, v in params.items()} or None), code=code)


@transaction.atomic
def challenge_issue(*, actor, action: str, obj, now: datetime | None = None) -> SignatureChallenge:
    """The exact text to sign for this action on this object, for this user only, valid for a few minutes."""
    now = now or timezone.now()
    signed_action = actions.get(action)
    if signed_action is None or not isinstance(obj, signed_action.model):
        raise ValidationError(_("This action is not signed in the portal."), code="unknown_action")
    document = actions.document_text(signed_action, obj)
    nonce = secrets.token_urlsafe(24)
    payload = document + f"signer: {actor.pk}\nnonce: {nonce}\nissued: {now.isoformat()}\n"
    seconds = getattr(settings, "ESIGN_CHALLENGE_SECONDS", 600)
    return SignatureChallenge.objects.create(
        nonce=nonce, user=actor, action=action, content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk, document=document, payload=payload, created_at=now,
        expires_at=now + timedelta(seconds=seconds),
    )


def _decode_cms(cms_b64: str) -> bytes:
    text = "".join((cms_b64 or "").split())
    if text.startswith("-----BEGIN"):
        text = "".join(line for line in text.splitlines() if not line.startswith("-----"))
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise _refuse("not_cms") from None


def _record_fields(verification) -> dict:
    subject = verification.subject
    return {
        "certificate": verification.certificate_der,
        "signer_name": subject.get("name", "")[:300],
        "signer_iin": subject.get("iin", "")[:12],
        "signer_bin": subject.get("bin", "")[:12],
        "organisation": subject.get("organisation", "")[:500],
        "certificate_serial": subject.get("serial", "")[:100],
        "certificate_issuer": subject.get("issuer", "")[:500],
        "certificate_valid_from": subject.get("valid_from") or None,
        "certificate_valid_until": subject.get("valid_until") or None,
        "signing_time": verification.signing_time,
    }


def _check_identity(verification, *, actor, expected_bin: str) -> None:
    """Who signed: the certificate's IIN is the user's; an organisation's key carries the expected BIN."""
    iin, bin_ = verification.subject.get("iin", ""), verification.subject.get("bin", "")
    if iin != actor.iin:
        verification.refuse("other_person", iin=mask_iin(iin))
    elif bin_ and bin_ != expected_bin:
        verification.refuse("other_organisation", bin=bin_, expected=expected_bin or "—")
    else:
        verification.checks.append("identity")


def signature_verify(*, actor, action: str, obj, nonce: str, cms_b64: str,
                     now: datetime | None = None) -> SignatureRecord:
    """Verify the CMS over the challenge's bytes; a refusal raises ValidationError in clear words. The challenge
    is used up; the record is returned unsaved, for `signed` to keep with what the action made (inside its
    transaction)."""
    now = now or timezone.now()
    if not actor.iin:
        raise _refuse("no_iin")
    if not (cms_b64 or "").strip():
        raise _refuse("no_cms")
    challenge = SignatureChallenge.objects.select_for_update().filter(nonce=(nonce or "")[:64]).first()
    if challenge is None:
        raise _refuse("no_challenge")
    if challenge.used_at is not None:
        raise _refuse("replayed")
    content_type = ContentType.objects.get_for_model(obj)
    if (challenge.user_id != actor.pk or challenge.action != action or challenge.content_type_id != content_type.pk
            or challenge.object_id != obj.pk):
        raise _refuse("not_yours")
    if now >= challenge.expires_at:
        raise _refuse("challenge_expired")
    signed_action = actions.get(action)
    if actions.document_text(signed_action, obj) != challenge.document:
        raise _refuse("changed")
    cms = _decode_cms(cms_b64)
    verification = verify_cms(cms, challenge.payload_bytes, moment=now,
                              trust_roots=load_trust_store(getattr(settings, "ESIGN_TRUST_STORE", [])),
                              ocsp_url=getattr(settings, "ESIGN_OCSP_URL", ""))
    if verification.ok:
        _check_identity(verification, actor=actor, expected_bin=signed_action.organisation_bin(obj, actor))
    if not verification.ok:
        raise ValidationError(verification.messages(), code=verification.problems[0][0])
    challenge.used_at = now
    challenge.save(update_fields=["used_at"])
    return SignatureRecord(
        action=action, content_type=content_type, object_id=obj.pk, method=SignatureMethod.NCALAYER, signer=actor,
        signed_at=now, document=challenge.payload, document_sha256=hashlib.sha256(challenge.payload_bytes).hexdigest(),
        challenge=challenge, cms=cms, verified=True, verification=verification.as_data(now),
        **_record_fields(verification),
    )


def signature_confirm(*, actor, action: str, obj, now: datetime | None = None) -> SignatureRecord:
    """The one-button confirmation, for an operator that has not switched signatures on (unsaved, as above)."""
    now = now or timezone.now()
    signed_action = actions.get(action)
    document = actions.document_text(signed_action, obj) + f"signer: {actor.pk}\nconfirmed: {now.isoformat()}\n"
    return SignatureRecord(
        action=action, content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk,
        method=SignatureMethod.CONFIRMATION, signer=actor, signed_at=now, document=document,
        document_sha256=hashlib.sha256(document.encode()).hexdigest(), verified=False,
    )


def signed(*, actor, action: str, obj, data: Mapping, perform: Callable[[str], object]):
    """Sign (or confirm) the action, run the service (`perform(method)`), keep the record with its result.

    The record follows what the service returned when that is a row (the submission, the agreement's
    signature), else the object signed; a refusal of either rolls both back."""
    with transaction.atomic():
        if esign_required():
            record = signature_verify(actor=actor, action=action, obj=obj, nonce=data.get("esign_nonce", ""),
                                      cms_b64=data.get("esign_cms", ""))
        else:
            record = signature_confirm(actor=actor, action=action, obj=obj)
        # A service that changes a state (through portal.workflow) says in that change's entry that it was signed.
        signature = {"action": action, "method": record.method, "sha256": record.document_sha256}
        with joining_change({"signature": signature}) as joined:
            result = perform(record.method)
        target = result if isinstance(result, models.Model) and result.pk else obj
        # Written once, about what the action made: no row to correct after it.
        record.content_type = ContentType.objects.get_for_model(target)
        record.object_id = target.pk
        record.save(force_insert=True)
        if not joined["done"]:
            audit_record(actor=actor, obj=target, action="esign_signed", data={**signature, "record": record.pk})
    return result


@transaction.atomic
def signature_reverify(*, record: SignatureRecord, actor, now: datetime | None = None) -> SignatureRecord:
    """Staff check a stored signature again (today's trust store and OCSP), at the moment it was signed."""
    now = now or timezone.now()
    record = SignatureRecord.objects.select_for_update().get(pk=record.pk)
    if record.method != SignatureMethod.NCALAYER:
        raise ValidationError(_("This action was confirmed with the button: there is no signature to verify."),
                              code="confirmation")
    verification = verify_cms(bytes(record.cms), record.document.encode("utf-8"), moment=record.signed_at,
                              trust_roots=load_trust_store(getattr(settings, "ESIGN_TRUST_STORE", [])),
                              ocsp_url=getattr(settings, "ESIGN_OCSP_URL", ""))
    if verification.ok and verification.subject.get("iin") != record.signer.iin:
        verification.refuse("other_person", iin=mask_iin(verification.subject.get("iin", "")))
    record.last_verified_at = now
    record.last_verification = verification.as_data(now)
    record.save(update_fields=["last_verified_at", "last_verification"])
    audit_record(actor=actor, obj=record, action="esign_reverified",
                 data={"ok": verification.ok, "problems": [c for c, _p in verification.problems]})
    return record
