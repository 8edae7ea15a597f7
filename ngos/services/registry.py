"""The register of NGOs: registration, the profile, verification and the eligibility flags."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.workflow import transition

from ..bin import validate_bin
from ..choices import EligibilityFlag, MemberRole, VerificationStatus
from ..models import NGO, Membership
from ..notifications import notify_user
from ..rules import forget_member_roles

PROFILE_FIELDS = (
    "name_kk", "name_ru", "name_en", "short_name_kk", "short_name_ru", "short_name_en", "legal_form",
    "registered_on", "region", "address", "phone", "email", "website", "description_kk", "description_ru",
    "description_en", "logo",
)

# (from, to): the action recorded in the audit log. Anything else is refused.
VERIFICATION_TRANSITIONS = {
    (VerificationStatus.PENDING, VerificationStatus.VERIFIED): "ngo_verified",
    (VerificationStatus.PENDING, VerificationStatus.REJECTED): "ngo_rejected",
    (VerificationStatus.VERIFIED, VerificationStatus.REJECTED): "ngo_verification_revoked",
    (VerificationStatus.REJECTED, VerificationStatus.PENDING): "ngo_verification_requested",
}


def _locked(ngo: NGO) -> NGO:
    return NGO.objects.select_for_update().get(pk=ngo.pk)


@transaction.atomic
def ngo_register(*, actor, bin: str, fields: dict, spheres=()) -> NGO:
    """A signed-in user registers an NGO and becomes its head; the NGO waits for verification."""
    bin = (bin or "").strip()
    validate_bin(bin)
    if NGO.objects.filter(bin=bin).exists():
        raise ValidationError(_("An NGO with this BIN is already registered."), code="bin_taken")
    ngo = NGO(bin=bin, registered_by=actor, verification=VerificationStatus.PENDING)
    for name in PROFILE_FIELDS:
        if name in fields:
            setattr(ngo, name, fields[name])
    ngo.full_clean()
    ngo.save()
    ngo.spheres.set(spheres)
    Membership.objects.create(ngo=ngo, user=actor, role=MemberRole.HEAD)
    forget_member_roles(actor)
    audit.record(actor=actor, obj=ngo, action="ngo_registered", to_state=ngo.verification)
    return ngo


@transaction.atomic
def ngo_update_profile(*, ngo: NGO, actor, fields: dict, spheres=None) -> NGO:
    ngo = _locked(ngo)
    changed = []
    for name in PROFILE_FIELDS:
        if name in fields and getattr(ngo, name) != fields[name]:
            setattr(ngo, name, fields[name])
            changed.append(name)
    if spheres is not None:
        before = set(ngo.spheres.values_list("pk", flat=True))
        after = {sphere.pk for sphere in spheres}
        if before != after:
            ngo.spheres.set(spheres)
            changed.append("spheres")
    if changed:
        ngo.full_clean()
        ngo.save()
        audit.record(actor=actor, obj=ngo, action="ngo_profile_changed", message=("ngo_fields", {"fields": changed}),
                     data={"fields": changed})
    return ngo


def _tell_heads(ngo: NGO, template: str) -> None:
    for membership in ngo.memberships.filter(role=MemberRole.HEAD).select_related("user"):
        notify_user(membership.user, template=template, context={"ngo": ngo}, link=("ngos:manage", {"bin": ngo.bin}))


@transaction.atomic
def ngo_verify(*, ngo: NGO, actor) -> NGO:
    ngo = _locked(ngo)
    ngo.verified_at = timezone.now()
    ngo.rejection_reason = ""
    transition(ngo, to=VerificationStatus.VERIFIED, table=VERIFICATION_TRANSITIONS, field="verification", actor=actor,
               update_fields=["verified_at", "rejection_reason"])
    _tell_heads(ngo, "ngo_verified")
    return ngo


@transaction.atomic
def ngo_reject(*, ngo: NGO, actor, reason: str) -> NGO:
    """Reject a pending NGO or revoke a verification, with a reason the NGO sees."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(_("Write the reason: the NGO sees it and needs it to put things right."), code="reason")
    ngo = _locked(ngo)
    ngo.rejection_reason = reason
    ngo.verified_at = None
    transition(ngo, to=VerificationStatus.REJECTED, table=VERIFICATION_TRANSITIONS, field="verification", actor=actor,
               note=reason, update_fields=["rejection_reason", "verified_at"])
    _tell_heads(ngo, "ngo_rejected")
    return ngo


@transaction.atomic
def ngo_request_verification(*, ngo: NGO, actor) -> NGO:
    """After a rejection the head puts things right and asks the operator to look again."""
    ngo = _locked(ngo)
    transition(ngo, to=VerificationStatus.PENDING, table=VERIFICATION_TRANSITIONS, field="verification", actor=actor)
    return ngo


@transaction.atomic
def ngo_set_flags(*, ngo: NGO, actor, flags: dict) -> list[str]:
    """Set or clear eligibility flags. `flags` maps EligibilityFlag → {"set", "source", "on"}.

    Every change of a flag (or of its source or date) needs a source and a date, and is recorded in
    the audit log as its own entry. Returns the flags that changed.
    """
    ngo = _locked(ngo)
    today = timezone.localdate()
    changes = []
    errors = {}
    for flag, value in flags.items():
        flag = EligibilityFlag(flag)
        current = ngo.flag(flag)
        wanted = {
            "set": bool(value.get("set")),
            "source": (value.get("source") or "").strip(),
            "on": value.get("on"),
        }
        if (current["set"], current["source"], current["on"]) == (wanted["set"], wanted["source"], wanted["on"]):
            continue
        if not wanted["source"] or not wanted["on"]:
            errors[flag.value] = _("“%(flag)s”: give the source and the date of this change.") % {"flag": flag.label}
            continue
        if isinstance(wanted["on"], date) and wanted["on"] > today:
            errors[flag.value] = _("“%(flag)s”: the date cannot be in the future.") % {"flag": flag.label}
            continue
        changes.append((flag, current, wanted))
    if errors:
        raise ValidationError(list(errors.values()), code="flags")
    for flag, _current, wanted in changes:
        setattr(ngo, flag.value, wanted["set"])
        setattr(ngo, f"{flag.value}_source", wanted["source"])
        setattr(ngo, f"{flag.value}_on", wanted["on"])
    if changes:
        ngo.save()
    for flag, current, wanted in changes:
        if current["set"] != wanted["set"]:
            action = "ngo_flag_set" if wanted["set"] else "ngo_flag_cleared"
        else:
            action = "ngo_flag_corrected"
        audit.record(
            actor=actor, obj=ngo, action=action, note=wanted["source"],
            message=("ngo_flag", {"flag": flag.value, "set": wanted["set"], "on": wanted["on"].isoformat()}),
            data={"flag": flag.value, "source": wanted["source"], "on": wanted["on"].isoformat()},
        )
    return [flag.value for flag, _current, _wanted in changes]
