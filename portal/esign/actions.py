"""The actions a person signs, registered by the app that owns them (in its `ready()`): portal imports no app.

A document is a few `key: value` lines in fixed words (not the reader's language), so the bytes signed do not
depend on who reads them; the server rebuilds them when the signature comes back and refuses a changed one.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model


@dataclass(frozen=True)
class SignedAction:
    code: str  # "grants.application_submit"
    label: object  # a lazy translated name of the action
    model: type[Model]
    permission: str  # the django-rules permission on the object that says who may sign it
    document: Callable[[Model], list[tuple[str, str]]]
    # The BIN an organisation's key must carry for this signer (the NGO's, the operator's), or "".
    organisation_bin: Callable[[Model, object], str] = field(default=lambda obj, user: "")
    # The object the permission is asked about, when it is not the object signed (an amendment's grant).
    permission_object: Callable[[Model], Model] = field(default=lambda obj: obj)

    def may(self, user, obj) -> bool:
        return user.has_perm(self.permission, self.permission_object(obj))


ACTIONS: dict[str, SignedAction] = {}


def register(*actions: SignedAction) -> None:
    for action in actions:
        ACTIONS[action.code] = action


def get(code: str) -> SignedAction | None:
    return ACTIONS.get(code)


def document_text(action: SignedAction, obj: Model) -> str:
    lines = [("portal", "Demeu"), ("action", action.code), *action.document(obj)]
    return "".join(f"{key}: {value}\n" for key, value in lines)
