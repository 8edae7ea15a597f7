from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from portal.models import OutboxMessage
from tests.harness import Page
from tests.world import EVERYONE, SIGNED_IN


def build_media(world):
    world.objects["logo_name"] = default_storage.save("ngos/logos/harness.png", ContentFile(b"\x89PNG\r\n\x1a\n"))


def outbox(world):
    world.objects["outbox_message"] = OutboxMessage.objects.create(
        recipient="ngo_head@example.kz", language="kk", subject="Demeu — Өтінім тапсырылды", body="Құрметті басшы,",
        status=OutboxMessage.Status.FAILED, attempts=10, last_error="SMTPServerDisconnected",
    )


BUILDERS = [build_media, outbox]

PAGES = [
    Page("portal:home", EVERYONE),
    Page("portal:dashboard", SIGNED_IN),
    Page("portal:account", SIGNED_IN),
    Page("portal:account_summary_pdf", SIGNED_IN),
    Page("portal:audit_log", frozenset({"operator_admin", "auditor"})),
    Page("portal:outbox", frozenset({"operator_admin"})),
    Page("portal:outbox", frozenset({"operator_admin"}), query="?status=failed"),
    Page("portal:outbox_message", frozenset({"operator_admin"}), kwargs=lambda w: {"pk": w.outbox_message.pk}),
    # POST only; who may post is walked by tests/portal/test_outbox.py (only the operator administrator).
    Page("portal:outbox_resend", EVERYONE, status=405, kwargs=lambda w: {"pk": w.outbox_message.pk}),
    Page("healthz", EVERYONE),
    Page("robots_txt", EVERYONE),
    Page("favicon", EVERYONE, status=302),  # on to the hashed static file
    Page("public_media", EVERYONE, kwargs=lambda w: {"path": w.logo_name}),  # logos only: tests/portal/test_media.py
    # A signed-in visitor is sent on to the dashboard.
    Page("account_login", EVERYONE - SIGNED_IN, refused=(302,)),
    Page("account_signup", EVERYONE - SIGNED_IN, refused=(302,)),
    Page("account_reset_password", EVERYONE),
    # A newcomer's way past e-mail confirmation; a signed-in visitor is sent to the e-mail settings.
    Page("email_confirmation", EVERYONE - SIGNED_IN, refused=(302,)),
    Page("account_change_password", SIGNED_IN),
    Page("account_email", SIGNED_IN),
    Page("mfa_index", SIGNED_IN),
    Page("set_language", EVERYONE, status=405),  # POST only, for everyone
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
}
