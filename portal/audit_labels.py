"""What the audit log shows people: a translated label for every action code and for the states that are not a
model field's choices, and translated notes rendered from a message key and its params at display time.

Apps register their own codes (``<app>/audit_labels.py``, imported in the app's ``ready()``); portal imports no app.
"""

from collections.abc import Callable

from django.apps import apps
from django.utils.translation import pgettext_lazy

ACTIONS: dict[str, str] = {}
STATES: dict[str, str] = {}
MESSAGES: dict[str, str | Callable[[dict], str]] = {}


def register(*, actions: dict | None = None, states: dict | None = None, messages: dict | None = None) -> None:
    ACTIONS.update(actions or {})
    STATES.update(states or {})
    MESSAGES.update(messages or {})


def action_label(code: str) -> str:
    return str(ACTIONS[code]) if code in ACTIONS else code.replace("_", " ")


def state_label(entry, value: str) -> str:
    """A state's label from the choices of the model whose state changed (any field whose choices hold the
    value), else the registry; the raw value only for codes nobody registered."""
    if not value:
        return ""
    state_of = (entry.data or {}).get("state_of")
    try:
        if state_of:
            model = apps.get_model(state_of)
        else:
            model = entry.content_type.model_class()
    except LookupError:
        model = None
    if model is not None:
        for field in model._meta.concrete_fields:
            if field.choices:
                choices = dict(field.flatchoices)
                if value in choices:
                    return str(choices[value])
    return str(STATES.get(value, value))


def note_text(entry) -> str:
    """The note in the reader's language: rendered from the stored message when there is one; an old free-text
    note (or words a person typed, like a reason) as it was written."""
    message = entry.message or {}
    template = MESSAGES.get(message.get("key"))
    if template is None:
        return entry.note
    params = message.get("params") or {}
    text = template(params) if callable(template) else str(template) % params
    return f"{text}\n{entry.note}" if entry.note else text



def in_reader_language(texts: dict) -> str:
    """One of the texts a person wrote in several languages: the reader's, else Kazakh, Russian, English."""
    from django.utils.translation import get_language

    language = (get_language() or "kk")[:2]
    for code in (language, "kk", "ru", "en"):
        if texts.get(code):
            return texts[code]
    return ""


def _reason(params: dict) -> str:
    return in_reader_language(params.get("reason") or {})


register(
    actions={
        "outbox_message_resent": pgettext_lazy("audit action", "Outgoing message sent again"),
        "reminder_schedule_changed": pgettext_lazy("audit action", "Reminder schedule changed"),
        "esign_signed": pgettext_lazy("audit action", "Signed (or confirmed with the button)"),
        "esign_reverified": pgettext_lazy("audit action", "Signature verified again"),
    },
    messages={"reason": _reason},
)
