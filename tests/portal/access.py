from allauth.account.models import EmailAddress
from cryptography.hazmat.primitives import serialization
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.urls import reverse
from django.utils import timezone

from portal.models import OutboxMessage, ReminderSchedule, SignatureChallenge, SignatureRecord, User
from tests.harness import Page
from tests.world import EVERYONE, MFA_ROLES, SIGNED_IN, STAFF


def _first_reminder_kind() -> str:
    from portal import reminders

    return reminders.kinds()[0].code

ANONYMOUS = frozenset({"anonymous"})


def build_media(world):
    world.objects["logo_name"] = default_storage.save("ngos/logos/harness.png", ContentFile(b"\x89PNG\r\n\x1a\n"))


def outbox(world):
    world.objects["outbox_message"] = OutboxMessage.objects.create(
        recipient="ngo_head@example.kz", language="kk", subject="Demeu — Өтінім тапсырылды", body="Құрметті басшы,",
        status=OutboxMessage.Status.FAILED, attempts=10, last_error="SMTPServerDisconnected",
    )


def signatures(world):
    """The head has an IIN (a challenge is issued to them) and one signature is stored, made by the test CA."""
    from portal.esign.services import _record_fields
    from portal.esign.verify import verify_cms

    from .esign_ca import TestCA, valid_iin

    head = world.users["ngo_head"]
    head.iin = valid_iin("850101", "3", 7)
    head.save(update_fields=["iin"])
    document = "portal: Demeu\naction: harness\n"
    ca = TestCA()
    cms = ca.issue(iin=head.iin).cms(document.encode())
    verification = verify_cms(cms, document.encode(), moment=timezone.now(), trust_roots=[ca.cert.public_bytes(
        serialization.Encoding.DER)])
    world.objects["signature_record"] = SignatureRecord.objects.create(
        action="grants.application_submit", content_type=ContentType.objects.get_for_model(head), object_id=head.pk,
        method="ncalayer", signer=head, signed_at=timezone.now(), document=document, document_sha256="0" * 64,
        cms=cms, verified=verification.ok, verification=verification.as_data(timezone.now()),
        **_record_fields(verification),
    )


BUILDERS = [build_media, outbox, signatures]

PAGES = [
    Page("portal:home", EVERYONE),
    Page("portal:dashboard", SIGNED_IN),
    Page("portal:notifications", SIGNED_IN),
    Page("portal:account", SIGNED_IN, post=SIGNED_IN,
         post_data=lambda w: {"full_name": "Сәуле Ахметова", "phone": "+77010000000", "language": "ru"},
         post_effect=lambda w: User.objects.filter(full_name="Сәуле Ахметова", language="ru").exists()),
    Page("portal:account_summary_pdf", SIGNED_IN),
    Page("portal:audit_log", frozenset({"operator_admin", "auditor"})),
    Page("portal:outbox", frozenset({"operator_admin"})),
    Page("portal:outbox", frozenset({"operator_admin"}), query="?status=failed"),
    Page("portal:outbox_message", frozenset({"operator_admin"}), kwargs=lambda w: {"pk": w.outbox_message.pk}),
    # POST only: the operator's administrator sends a failed message again (tests/portal/test_outbox.py too).
    Page("portal:outbox_resend", EVERYONE, status=405, kwargs=lambda w: {"pk": w.outbox_message.pk},
         post=frozenset({"operator_admin"}), post_refused=(403,),
         post_redirect=lambda w: reverse("portal:outbox_message", kwargs={"pk": w.outbox_message.pk}),
         post_effect=lambda w: not OutboxMessage.objects.filter(pk=w.outbox_message.pk,
                                                                status=OutboxMessage.Status.FAILED).exists()),
    Page("portal:reminders", frozenset({"operator_admin"}), post=frozenset({"operator_admin"}), post_refused=(403,),
         post_data=lambda w: {"kind": _first_reminder_kind(), "offsets": "-3, 0"},
         post_redirect=lambda w: reverse("portal:reminders"),
         post_effect=lambda w: ReminderSchedule.objects.filter(kind=_first_reminder_kind(), offsets=[-3, 0]).exists()),
    Page("healthz", EVERYONE),
    Page("robots_txt", EVERYONE),
    Page("favicon", EVERYONE, status=302),  # on to the hashed static file
    Page("public_media", EVERYONE, kwargs=lambda w: {"path": w.logo_name}),  # logos only: tests/portal/test_media.py
    # A signed-in visitor is sent on to the dashboard.
    Page("account_login", EVERYONE - SIGNED_IN, refused=(302,), post=ANONYMOUS, post_refused=(302,),
         post_data=lambda w: {"login": "user@example.kz", "password": "correct horse battery"},
         post_redirect=lambda w: reverse("portal:dashboard")),
    Page("account_signup", EVERYONE - SIGNED_IN, refused=(302,), post=ANONYMOUS, post_refused=(302,),
         post_data=lambda w: {"email": "newcomer@example.kz", "password1": "a long pass phrase 42",
                              "password2": "a long pass phrase 42"},
         post_effect=lambda w: User.objects.filter(email="newcomer@example.kz").exists()),
    Page("account_reset_password", EVERYONE, post=EVERYONE, post_data=lambda w: {"email": "user@example.kz"},
         post_redirect=lambda w: reverse("account_reset_password_done")),
    Page("account_change_password", SIGNED_IN, post=SIGNED_IN, post_data=lambda w: {
        "oldpassword": "correct horse battery", "password1": "a new long pass phrase 42",
        "password2": "a new long pass phrase 42",
    }),
    # A newcomer's way past e-mail confirmation; a signed-in visitor is sent to the e-mail settings.
    # With no sign-up pending in the world the page says there is nothing to resend (the flow itself:
    # tests/portal/test_accounts.py); a signed-in POST goes to the e-mail settings, sending nothing.
    Page("email_confirmation", EVERYONE - SIGNED_IN, refused=(302,), post=ANONYMOUS, post_status=200,
         post_refused=(302,), post_data=lambda w: {"action": "resend"}),
    # allauth refuses a new address on an account under two-factor authentication (the form says so).
    Page("account_email", SIGNED_IN, post=SIGNED_IN - MFA_ROLES, post_refused=(200,),
         post_data=lambda w: {"action_add": "", "email": "second.address@example.kz"},
         post_effect=lambda w: EmailAddress.objects.filter(email="second.address@example.kz").exists()),
    Page("mfa_index", SIGNED_IN),
    # POST only, for everyone: the language is kept and the visitor goes on where they were.
    Page("set_language", EVERYONE, status=405, post=EVERYONE, post_data=lambda w: {"language": "ru", "next": "/ru/"},
         post_redirect=lambda w: "/ru/"),
    Page("portal:esign_challenge", EVERYONE, status=405, post=frozenset({"ngo_head"}), post_status=200,
         post_data=lambda w: {"action": "grants.application_submit", "object": w.application_draft.pk},
         post_effect=lambda w: SignatureChallenge.objects.filter(user=w.users["ngo_head"]).exists()),
    Page("portal:signatures", STAFF),
    Page("portal:signature", STAFF, kwargs=lambda w: {"pk": w.signature_record.pk},
         post=STAFF - {"auditor"}, post_refused=(403,),
         post_redirect=lambda w: reverse("portal:signature", kwargs={"pk": w.signature_record.pk}),
         post_effect=lambda w: SignatureRecord.objects.filter(pk=w.signature_record.pk,
                                                              last_verified_at__isnull=False).exists()),
]

# allauth's flow steps: they need a key, a pending login or a POST, and are walked by the e2e and
# account tests instead of a GET by role.
EXEMPT = {
    "account_logout", "account_inactive", "account_email_verification_sent", "account_confirm_email",
    "account_reset_password_done", "account_reset_password_from_key", "account_reset_password_from_key_done",
    "account_set_password", "account_login_code_confirm", "account_request_login_code",
    "account_confirm_login_code", "account_reauthenticate", "account_change_phone", "account_verify_phone",
    "account_signup_by_passkey", "account_confirm_password_reset_code", "account_request_password_reset_code",
    "mfa_authenticate", "mfa_reauthenticate", "mfa_activate_totp", "mfa_deactivate_totp",
    "mfa_view_recovery_codes", "mfa_generate_recovery_codes", "mfa_download_recovery_codes",
    "mfa_list_webauthn", "mfa_add_webauthn", "mfa_remove_webauthn", "mfa_edit_webauthn",
    "mfa_reauthenticate_webauthn", "mfa_login_webauthn", "mfa_signup_webauthn", "mfa_trust",
    # allauth 65.22: re-authentication by a code sent by e-mail; a step of a pending re-authentication, like
    # account_reauthenticate (a GET without one is sent back to it).
    "account_request_reauthentication_code", "account_confirm_reauthentication_code",
}
