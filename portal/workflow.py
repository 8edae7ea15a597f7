"""The one way to change the state of a workflow object: lock the row, check the app's table, write, audit once.

Each app keeps its own explicit table, ``{(from_state, to_state): "<object>_<past verb>"}``; nothing is inferred
from state names. Call ``transition()`` inside the service's ``@transaction.atomic``: the lock holds until commit.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from . import audit


def state_label(model, field: str, value) -> str:
    """The translated label of one state of ``model.field`` (its choices), or the value itself."""
    choices = dict(model._meta.get_field(field).flatchoices)
    return str(choices.get(value, value))


def allowed_targets(table: dict, current) -> list:
    """The states a table allows from ``current``, in the table's order (for buttons and forms)."""
    return [to for (frm, to) in table if frm == current]


def check(obj: models.Model, *, to, table: dict, field: str = "status") -> str:
    """The audit action of moving ``obj`` to ``to``; a translated ValidationError naming both states if the
    table refuses."""
    current = getattr(obj, field)
    action = table.get((current, to))
    if action is None:
        raise ValidationError(
            _("%(object)s cannot go from “%(from)s” to “%(to)s”.") % {
                "object": str(type(obj)._meta.verbose_name).capitalize(),
                "from": state_label(type(obj), field, current),
                "to": state_label(type(obj), field, to),
            },
            code="transition",
        )
    return action


def transition(
    obj: models.Model, *, to, table: dict, actor, field: str = "status", note: str = "",
    message: tuple[str, dict] | None = None, data: dict | None = None, update_fields=(), subject=None,
    locked: bool = False,
) -> audit.AuditEntry:
    """Move ``obj`` to ``to`` if ``table`` allows it from the state the database holds, save ``field`` with
    ``update_fields`` (the other fields the service set on ``obj``), and record the change once.

    The state is read again under a row lock, so two requests racing for the same change cannot both pass
    the check. ``subject`` is the object whose history shows the change when that is not ``obj`` itself (a
    yearly report's version is recorded on the report). ``locked``: the caller read ``obj`` with
    select_for_update in this transaction, so the state it holds is the database's and is not read again
    (one round trip less where it counts, the submission at a deadline). Returns the audit entry."""
    model = type(obj)
    if not locked:
        setattr(obj, field, model._base_manager.select_for_update().values_list(field, flat=True).get(pk=obj.pk))
    previous = getattr(obj, field)
    action = check(obj, to=to, table=table, field=field)
    setattr(obj, field, to)
    fields = [field, *update_fields]
    if any(f.name == "updated_at" for f in model._meta.concrete_fields) and "updated_at" not in fields:
        fields.append("updated_at")  # auto_now is only written when the field is named
    obj.save(update_fields=fields)
    if subject is not None:
        # The states are those of obj, not of the subject: the log reads their labels from this model.
        data = {**(data or {}), "state_of": model._meta.label_lower}
    return audit.record(
        actor=actor, obj=subject if subject is not None else obj, action=action, from_state=previous, to_state=to,
        note=note, message=message, data=data,
    )
