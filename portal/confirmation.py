"""Getting past e-mail confirmation: the link sent again, or sent to a corrected address.

A newcomer is not signed in until the address is confirmed. allauth keeps the pending sign-in in the
session (for ACCOUNT_LOGIN_TIMEOUT) from the sign-up or the refused sign-in, and that session is who
these steps act for, as allauth's own confirmation by code does. allauth 65 offers these steps only
for confirmation by code; the link-based flow the portal uses gets them here, from allauth's parts.

Enumeration: a sign-up with an address that already has an account is a pending sign-in with no
user (allauth's enumeration prevention). Both steps answer it in the same words, and the mails go
where allauth would send them: "an account already exists" to a registered address, "no account
here yet, sign up" to a free one.

The parts come from allauth.account.internal (the lock pins allauth): after an allauth upgrade,
tests/portal/test_accounts.py and tests/e2e/test_accounts.py walk these steps again.
"""

from allauth.account.adapter import get_adapter
from allauth.account.internal.flows.email_verification import (
    add_email_verification_sent_message,
    consume_email_verification_rate_limit,
    send_verification_email_at_login,
    send_verification_email_to_address,
)
from allauth.account.internal.flows.signup import send_unknown_account_mail
from allauth.account.internal.stagekit import stash_login, unstash_login
from allauth.account.models import EmailAddress, Login
from allauth.account.stages import EmailVerificationStage
from allauth.account.utils import user_email
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _


def pending_login(request) -> Login | None:
    """The sign-in waiting for its address to be confirmed in this browser, if any."""
    if request.user.is_authenticated:
        return None
    login = unstash_login(request, peek=True)
    if login is None or login.state.get("stages", {}).get("current") != EmailVerificationStage.key:
        return None
    if login.user is not None and (login.user.last_login or _has_verified_address(login.user)):
        return None  # an account in use changes its address from its settings, signed in
    return login


def pending_address(login: Login) -> str:
    return login.email or (user_email(login.user) if login.user else "") or ""


def _has_verified_address(user) -> bool:
    return EmailAddress.objects.filter(user=user, verified=True).exists()


def _refuse_if_rate_limited(request, email: str, *, consume: bool = False) -> None:
    """allauth's limit on confirmation mails per address (ACCOUNT_RATE_LIMITS["confirm_email"]); allauth
    itself skips a limited mail silently, which would leave the newcomer waiting for nothing."""
    if not consume_email_verification_rate_limit(request, email, dry_run=not consume):
        raise ValidationError(
            _("A new link to %(email)s can be sent in a few minutes. The link already sent still works.")
            % {"email": email}
        )


def resend_link(*, request, login: Login) -> None:
    """Send the confirmation link again to the pending address."""
    _refuse_if_rate_limited(request, pending_address(login))
    send_verification_email_at_login(request, login)


def change_address(*, request, login: Login, email: str, already_exists: bool) -> None:
    """Replace the newcomer's unconfirmed address with a corrected one and send the link there.

    The old address is deleted, not kept beside the new one, so a link sent to a mistyped address
    stops working (allauth's links name the address they confirm). The mail is sent once the change is
    committed, as allauth sends its own: synchronously, in the request.
    """
    user = login.user
    # allauth's own sending takes its share of the limit; the two mails sent here take theirs.
    _refuse_if_rate_limited(request, email, consume=user is None or already_exists)
    if user is None or already_exists:
        if user is None:
            login.email = email
            stash_login(request, login)
        if already_exists:
            get_adapter(request).send_account_already_exists_mail(email)
        else:
            send_unknown_account_mail(request, email)
        add_email_verification_sent_message(request, email, signup=True)
        return
    with transaction.atomic():
        EmailAddress.objects.filter(user=user, verified=False).delete()
        address = EmailAddress.objects.create(user=user, email=email, primary=True, verified=False)
        user_email(user, email, commit=True)
    if login.email:
        login.email = email
        stash_login(request, login)
    send_verification_email_to_address(request, address, signup=True)
