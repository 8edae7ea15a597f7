"""What the head signs of an application (portal.esign): its submission and its withdrawal."""

from django.db import connection
from django.utils.translation import gettext_lazy as _

from portal.esign.actions import SignedAction, register

from . import selectors
from .models import Application


def _application_lines(app: Application) -> list[tuple[str, str]]:
    # Signed inside the transaction of the submission (portal.esign.signed): read under the lock the submission
    # takes anyway (or already read so by the submit view), and handed to it: the snapshot signed is the one
    # submitted, read once.
    content = selectors.held_under_lock(app) or (
        selectors.locked_with_content(app.pk, hand_to=app) if connection.in_atomic_block
        else selectors.application_with_content(app.pk)
    )
    return [
        ("application", str(content.pk)),
        ("registration number", content.registration_number or "-"),
        ("call", content.lot.call.code),
        ("lot", content.lot.code),
        ("NGO BIN", content.ngo.bin),
        ("title", content.title),
        ("snapshot SHA-256", selectors.frozen_snapshot(content)[1]),
    ]


def _ngo_bin(app: Application, user) -> str:
    return app.ngo.bin


SUBMIT = SignedAction(
    code="grants.application_submit", label=_("Submission of the application"), model=Application,
    permission="grants.submit_application", document=_application_lines, organisation_bin=_ngo_bin,
)
WITHDRAW = SignedAction(
    code="grants.application_withdraw", label=_("Withdrawal of the application"), model=Application,
    permission="grants.withdraw_application", document=_application_lines, organisation_bin=_ngo_bin,
)


def register_actions() -> None:
    register(SUBMIT, WITHDRAW)
