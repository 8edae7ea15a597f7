"""People of an NGO: requests to join, e-mail invitations, roles; an NGO always keeps a head."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.workflow import transition

from ..choices import MemberRole, RequestStatus
from ..models import NGO, Invitation, JoinRequest, Membership
from ..notifications import notify_address, notify_user
from ..rules import forget_member_roles

INVITATION_DAYS = 14


def _lock_ngo(ngo: NGO) -> NGO:
    # Every change of people in one NGO takes this lock, so "the last head" is decided one at a time.
    return NGO.objects.select_for_update().get(pk=ngo.pk)


# A request or an invitation is answered once; each is recorded on the NGO, where staff and heads read it.
JOIN_REQUEST_TRANSITIONS = {
    (RequestStatus.PENDING, RequestStatus.ACCEPTED): "ngo_join_request_accepted",
    (RequestStatus.PENDING, RequestStatus.DECLINED): "ngo_join_request_declined",
    (RequestStatus.PENDING, RequestStatus.REVOKED): "ngo_join_request_withdrawn",
}
INVITATION_TRANSITIONS = {
    (RequestStatus.PENDING, RequestStatus.ACCEPTED): "ngo_invitation_accepted",
    (RequestStatus.PENDING, RequestStatus.DECLINED): "ngo_invitation_declined",
    (RequestStatus.PENDING, RequestStatus.REVOKED): "ngo_invitation_withdrawn",
}


def _heads(ngo: NGO):
    return Membership.objects.filter(ngo=ngo, role=MemberRole.HEAD).select_related("user")


def _is_member(ngo: NGO, user) -> bool:
    return Membership.objects.filter(ngo=ngo, user=user).exists()


def _add_member(ngo: NGO, user, role: str) -> Membership:
    """The answer that let the person in is the audit entry (see the transition tables)."""
    membership = Membership.objects.create(ngo=ngo, user=user, role=role)
    forget_member_roles(user)
    return membership


def _user_emails(user) -> set[str]:
    from allauth.account.models import EmailAddress

    confirmed = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {email.lower() for email in confirmed}


# --- Requests to join ---------------------------------------------------------------------------------


@transaction.atomic
def join_request_create(*, actor, ngo: NGO, message: str = "") -> JoinRequest:
    ngo = _lock_ngo(ngo)
    if _is_member(ngo, actor):
        raise ValidationError(_("You are already a member of this NGO."), code="member")
    if JoinRequest.objects.filter(ngo=ngo, user=actor, status=RequestStatus.PENDING).exists():
        raise ValidationError(
            _("You have already asked to join this NGO; its head has not answered yet."), code="pending"
        )
    join_request = JoinRequest.objects.create(ngo=ngo, user=actor, message=(message or "").strip())
    audit.record(actor=actor, obj=ngo, action="ngo_join_requested", to_state=RequestStatus.PENDING, note=actor.email,
                 data={"state_of": "ngos.joinrequest"})
    for head in _heads(ngo):
        notify_user(
            head.user, template="join_request",
            context={"ngo": ngo, "requester": actor, "message": join_request.message},
            link=("ngos:members", {"bin": ngo.bin}),
        )
    return join_request


@transaction.atomic
def join_request_answer(*, join_request: JoinRequest, actor, accept: bool, role: str = MemberRole.MEMBER):
    """A head accepts (with a role) or declines a request to join."""
    ngo = _lock_ngo(join_request.ngo)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="answered")
    role = MemberRole(role)
    join_request.answered_at = timezone.now()
    join_request.answered_by = actor
    transition(
        join_request, to=RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED, table=JOIN_REQUEST_TRANSITIONS,
        subject=ngo, actor=actor, note=join_request.user.email, update_fields=["answered_at", "answered_by"],
        message=("ngo_member_role", {"role": role.value}) if accept else None,
    )
    if accept and not _is_member(ngo, join_request.user):
        _add_member(ngo, join_request.user, role)
    notify_user(
        join_request.user,
        template="join_request_accepted" if accept else "join_request_declined",
        context={"ngo": ngo, "role": role.label},
        link=("ngos:manage", {"bin": ngo.bin}) if accept else ("ngos:detail", {"bin": ngo.bin}),
    )
    return join_request


@transaction.atomic
def join_request_withdraw(*, join_request: JoinRequest, actor) -> JoinRequest:
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.user_id != actor.pk:
        raise ValidationError(_("Only the person who asked can withdraw the request."), code="owner")
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="answered")
    join_request.answered_at = timezone.now()
    transition(
        join_request, to=RequestStatus.REVOKED, table=JOIN_REQUEST_TRANSITIONS, subject=join_request.ngo, actor=actor,
        note=actor.email, update_fields=["answered_at"],
    )
    return join_request


# --- Invitations ----------------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(*, ngo: NGO, actor, email: str, role: str = MemberRole.MEMBER, language: str) -> Invitation:
    """A head invites someone by e-mail. The e-mail goes out in the invitee's language if they have an
    account, otherwise in `language` (the one the head uses)."""
    from portal.models import User

    ngo = _lock_ngo(ngo)
    email = (email or "").strip().lower()
    role = MemberRole(role)
    if Membership.objects.filter(ngo=ngo, user__email__iexact=email).exists():
        raise ValidationError(_("The person with this e-mail is already a member of the NGO."), code="member")
    if Invitation.objects.filter(
        ngo=ngo, email__iexact=email, status=RequestStatus.PENDING, expires_at__gt=timezone.now()
    ).exists():
        raise ValidationError(
            _("An invitation to this e-mail is already waiting for an answer. Withdraw it to send a new one."),
            code="pending",
        )
    # An expired invitation still pending is closed (and recorded) before a new one is sent.
    for expired in Invitation.objects.filter(ngo=ngo, email__iexact=email, status=RequestStatus.PENDING):
        expired.answered_at = timezone.now()
        transition(
            expired, to=RequestStatus.REVOKED, table=INVITATION_TRANSITIONS, subject=ngo, actor=actor,
            note=expired.email, update_fields=["answered_at"], message=("invitation_expired", {}),
        )
    now = timezone.now()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                ngo=ngo, email=email, role=role, token=secrets.token_urlsafe(32), invited_by=actor,
                created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS),
            )
    except IntegrityError as exc:  # a second click on "Invite" at the same moment
        raise ValidationError(
            _("An invitation to this e-mail is already waiting for an answer."), code="pending"
        ) from exc
    audit.record(actor=actor, obj=ngo, action="ngo_member_invited", to_state=RequestStatus.PENDING, note=email,
                 message=("ngo_member_role", {"role": role.value}), data={"state_of": "ngos.invitation"})
    invitee = User.objects.filter(email__iexact=email).first()
    notify_address(
        to=email,
        language=(invitee.language if invitee else language) or settings.LANGUAGE_CODE,
        template="invitation",
        context={
            "ngo": ngo, "inviter": actor, "role": role.label, "invitation": invitation, "has_account": bool(invitee)
        },
        link=("ngos:invitation", {"token": invitation.token}),
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, actor) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != RequestStatus.PENDING:
        raise ValidationError(_("This invitation has already been answered."), code="answered")
    invitation.answered_at = timezone.now()
    invitation.answered_by = actor
    transition(
        invitation, to=RequestStatus.REVOKED, table=INVITATION_TRANSITIONS, subject=invitation.ngo, actor=actor,
        note=invitation.email, update_fields=["answered_at", "answered_by"],
    )
    return invitation


def invitation_problem(invitation: Invitation, user) -> str:
    """Why this user cannot answer this invitation, or "" when they can."""
    if invitation.status != RequestStatus.PENDING:
        return _("This invitation has already been answered or withdrawn.")
    if invitation.is_expired:
        return _("This invitation has expired. Ask the head of the NGO to send a new one.")
    if invitation.email.lower() not in _user_emails(user):
        return _(
            "This invitation was sent to %(email)s. Sign in with that address, or add and confirm it in your "
            "account's e-mail settings, to answer it."
        ) % {"email": invitation.email}
    return ""


@transaction.atomic
def invitation_answer(*, invitation: Invitation, actor, accept: bool) -> Invitation:
    ngo = _lock_ngo(invitation.ngo)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation, actor)
    if problem:
        raise ValidationError(problem, code="invitation")
    if accept and _is_member(ngo, actor):
        raise ValidationError(_("You are already a member of this NGO."), code="member")
    invitation.answered_at = timezone.now()
    invitation.answered_by = actor
    transition(
        invitation, to=RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED, table=INVITATION_TRANSITIONS,
        subject=ngo, actor=actor, note=invitation.email, update_fields=["answered_at", "answered_by"],
        message=("ngo_member_role", {"role": invitation.role}) if accept else None,
    )
    if accept:
        _add_member(ngo, actor, invitation.role)
    return invitation


# --- Roles and leaving ------------------------------------------------------------------------------


def _refuse_losing_last_head(ngo: NGO, membership: Membership) -> None:
    if membership.role == MemberRole.HEAD and _heads(ngo).count() == 1:
        raise ValidationError(
            _("An NGO always keeps at least one head. Make someone else head first."), code="last_head"
        )


@transaction.atomic
def membership_change_role(*, membership: Membership, actor, role: str) -> Membership:
    ngo = _lock_ngo(membership.ngo)
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    role = MemberRole(role)
    if membership.role == role:
        return membership
    if role != MemberRole.HEAD:
        _refuse_losing_last_head(ngo, membership)
    before = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    forget_member_roles(membership.user)
    audit.record(
        actor=actor, obj=ngo, action="ngo_member_role_changed", from_state=before, to_state=role,
        note=membership.user.email, data={"state_of": "ngos.membership"},
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, actor) -> None:
    """A head removes a member, or a member leaves (actor is then the member)."""
    ngo = _lock_ngo(membership.ngo)
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    _refuse_losing_last_head(ngo, membership)
    action = "ngo_member_left" if membership.user_id == actor.pk else "ngo_member_removed"
    audit.record(actor=actor, obj=ngo, action=action, from_state=membership.role, note=membership.user.email,
                 data={"state_of": "ngos.membership"})
    membership.delete()
    forget_member_roles(membership.user)
