"""People of an NGO: requests to join, e-mail invitations, roles; an NGO always keeps a head."""

import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit

from ..choices import MemberRole, RequestStatus
from ..models import NGO, Invitation, JoinRequest, Membership
from ..notifications import notify_address, notify_user
from ..rules import forget_member_roles

INVITATION_DAYS = 14


def _lock_ngo(ngo: NGO) -> NGO:
    # Every change of people in one NGO takes this lock, so "the last head" is decided one at a time.
    return NGO.objects.select_for_update().get(pk=ngo.pk)


def _heads(ngo: NGO):
    return Membership.objects.filter(ngo=ngo, role=MemberRole.HEAD).select_related("user")


def _is_member(ngo: NGO, user) -> bool:
    return Membership.objects.filter(ngo=ngo, user=user).exists()


def _add_member(ngo: NGO, user, role: str, *, actor, action: str) -> Membership:
    membership = Membership.objects.create(ngo=ngo, user=user, role=role)
    forget_member_roles(user)
    audit.record(actor=actor, obj=ngo, action=action, to_state=role, note=user.email)
    return membership


def _user_emails(user) -> set[str]:
    from allauth.account.models import EmailAddress

    confirmed = EmailAddress.objects.filter(user=user, verified=True).values_list("email", flat=True)
    return {email.lower() for email in confirmed}


# --- Requests to join ---------------------------------------------------------------------------------


@transaction.atomic
def join_request_create(*, user, ngo: NGO, message: str = "") -> JoinRequest:
    ngo = _lock_ngo(ngo)
    if _is_member(ngo, user):
        raise ValidationError(_("You are already a member of this NGO."), code="member")
    if JoinRequest.objects.filter(ngo=ngo, user=user, status=RequestStatus.PENDING).exists():
        raise ValidationError(
            _("You have already asked to join this NGO; its head has not answered yet."), code="pending"
        )
    join_request = JoinRequest.objects.create(ngo=ngo, user=user, message=(message or "").strip())
    audit.record(actor=user, obj=ngo, action="ask_to_join", to_state=RequestStatus.PENDING, note=user.email)
    for head in _heads(ngo):
        notify_user(
            head.user, template="join_request",
            context={"ngo": ngo, "requester": user, "message": join_request.message},
            link=("ngos:members", {"bin": ngo.bin}),
        )
    return join_request


@transaction.atomic
def join_request_answer(*, join_request: JoinRequest, user, accept: bool, role: str = MemberRole.MEMBER):
    """A head accepts (with a role) or declines a request to join."""
    ngo = _lock_ngo(join_request.ngo)
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="answered")
    role = MemberRole(role)
    join_request.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    join_request.answered_at = timezone.now()
    join_request.answered_by = user
    join_request.save(update_fields=["status", "answered_at", "answered_by"])
    if accept and not _is_member(ngo, join_request.user):
        _add_member(ngo, join_request.user, role, actor=user, action="accept_join_request")
    elif not accept:
        audit.record(
            actor=user, obj=ngo, action="decline_join_request", from_state=RequestStatus.PENDING,
            to_state=RequestStatus.DECLINED, note=join_request.user.email,
        )
    notify_user(
        join_request.user,
        template="join_request_accepted" if accept else "join_request_declined",
        context={"ngo": ngo, "role": role.label},
        link=("ngos:manage", {"bin": ngo.bin}) if accept else ("ngos:detail", {"bin": ngo.bin}),
    )
    return join_request


@transaction.atomic
def join_request_withdraw(*, join_request: JoinRequest, user) -> JoinRequest:
    join_request = JoinRequest.objects.select_for_update().get(pk=join_request.pk)
    if join_request.user_id != user.pk:
        raise ValidationError(_("Only the person who asked can withdraw the request."), code="owner")
    if join_request.status != RequestStatus.PENDING:
        raise ValidationError(_("This request has already been answered."), code="answered")
    join_request.status = RequestStatus.REVOKED
    join_request.answered_at = timezone.now()
    join_request.save(update_fields=["status", "answered_at"])
    audit.record(
        actor=user, obj=join_request.ngo, action="withdraw_join_request", from_state=RequestStatus.PENDING,
        to_state=RequestStatus.REVOKED, note=user.email,
    )
    return join_request


# --- Invitations ----------------------------------------------------------------------------------------


@transaction.atomic
def invitation_create(*, ngo: NGO, user, email: str, role: str = MemberRole.MEMBER, language: str) -> Invitation:
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
    # An expired invitation still pending is closed before a new one is sent.
    Invitation.objects.filter(ngo=ngo, email__iexact=email, status=RequestStatus.PENDING).update(
        status=RequestStatus.REVOKED, answered_at=timezone.now()
    )
    now = timezone.now()
    try:
        with transaction.atomic():
            invitation = Invitation.objects.create(
                ngo=ngo, email=email, role=role, token=secrets.token_urlsafe(32), invited_by=user,
                created_at=now, expires_at=now + timedelta(days=INVITATION_DAYS),
            )
    except IntegrityError as exc:  # a second click on "Invite" at the same moment
        raise ValidationError(
            _("An invitation to this e-mail is already waiting for an answer."), code="pending"
        ) from exc
    audit.record(actor=user, obj=ngo, action="invite", to_state=role, note=email)
    invitee = User.objects.filter(email__iexact=email).first()
    notify_address(
        to=email,
        language=(invitee.language if invitee else language) or settings.LANGUAGE_CODE,
        template="invitation",
        context={
            "ngo": ngo, "inviter": user, "role": role.label, "invitation": invitation, "has_account": bool(invitee)
        },
        link=("ngos:invitation", {"token": invitation.token}),
    )
    return invitation


@transaction.atomic
def invitation_revoke(*, invitation: Invitation, user) -> Invitation:
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != RequestStatus.PENDING:
        raise ValidationError(_("This invitation has already been answered."), code="answered")
    invitation.status = RequestStatus.REVOKED
    invitation.answered_at = timezone.now()
    invitation.answered_by = user
    invitation.save(update_fields=["status", "answered_at", "answered_by"])
    audit.record(
        actor=user, obj=invitation.ngo, action="withdraw_invitation", from_state=RequestStatus.PENDING,
        to_state=RequestStatus.REVOKED, note=invitation.email,
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
def invitation_answer(*, invitation: Invitation, user, accept: bool) -> Invitation:
    ngo = _lock_ngo(invitation.ngo)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    problem = invitation_problem(invitation, user)
    if problem:
        raise ValidationError(problem, code="invitation")
    if accept and _is_member(ngo, user):
        raise ValidationError(_("You are already a member of this NGO."), code="member")
    invitation.status = RequestStatus.ACCEPTED if accept else RequestStatus.DECLINED
    invitation.answered_at = timezone.now()
    invitation.answered_by = user
    invitation.save(update_fields=["status", "answered_at", "answered_by"])
    if accept:
        _add_member(ngo, user, invitation.role, actor=user, action="accept_invitation")
    else:
        audit.record(
            actor=user, obj=ngo, action="decline_invitation", from_state=RequestStatus.PENDING,
            to_state=RequestStatus.DECLINED, note=invitation.email,
        )
    return invitation


# --- Roles and leaving ------------------------------------------------------------------------------


def _refuse_losing_last_head(ngo: NGO, membership: Membership) -> None:
    if membership.role == MemberRole.HEAD and _heads(ngo).count() == 1:
        raise ValidationError(
            _("An NGO always keeps at least one head. Make someone else head first."), code="last_head"
        )


@transaction.atomic
def membership_change_role(*, membership: Membership, user, role: str) -> Membership:
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
        actor=user, obj=ngo, action="change_role", from_state=before, to_state=role, note=membership.user.email
    )
    return membership


@transaction.atomic
def membership_remove(*, membership: Membership, user) -> None:
    """A head removes a member, or a member leaves (user is then the member)."""
    ngo = _lock_ngo(membership.ngo)
    membership = Membership.objects.select_related("user").get(pk=membership.pk)
    _refuse_losing_last_head(ngo, membership)
    action = "leave" if membership.user_id == user.pk else "remove_member"
    audit.record(actor=user, obj=ngo, action=action, from_state=membership.role, note=membership.user.email)
    membership.delete()
    forget_member_roles(membership.user)
