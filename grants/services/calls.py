"""Calls: create and edit drafts, announce (after the publication check), extend, cancel, clone, documents.

Open and closed are not written anywhere: they follow from opens_at and closes_at (Call.phase_at).
"""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from portal import audit
from portal.formatting import astana_time
from portal.translation import missing_official
from portal.workflow import transition

from ..choices import CallPhase, CallStatus
from ..models import (
    Call,
    CallDocument,
    CostJustificationLine,
    DeadlineExtension,
    FiscalYear,
    Lot,
    LotIndicator,
    PriorityDirection,
)
from . import lots as lot_services

# Stored status changes staff may make; everything else is refused.
TRANSITIONS = {
    (CallStatus.DRAFT, CallStatus.ANNOUNCED): "call_announced",
    (CallStatus.DRAFT, CallStatus.CANCELLED): "call_cancelled",
    (CallStatus.ANNOUNCED, CallStatus.CANCELLED): "call_cancelled",
}

CALL_FIELDS = [
    "customer", "fiscal_year", "number", "title_kk", "title_ru", "title_en", "description_kk", "description_ru",
    "description_en", "opens_at", "closes_at",
]


def _lock(call: Call) -> Call:
    return Call.objects.select_for_update().select_related("fiscal_year", "customer").get(pk=call.pk)


def _check_transition(call: Call, target: str) -> None:
    if (call.status, target) in TRANSITIONS:
        return
    if target == CallStatus.ANNOUNCED and call.status == CallStatus.ANNOUNCED:
        message = _("This call is already announced.")
    elif target == CallStatus.ANNOUNCED:
        message = _("A cancelled call cannot be announced; clone it to announce it again.")
    else:
        message = _("This call is already cancelled.")
    raise ValidationError(message, code="transition")


def _number_error(fiscal_year: FiscalYear, number: int, call: Call | None = None) -> dict:
    taken = Call.objects.filter(fiscal_year=fiscal_year, number=number).exclude(pk=call.pk if call else None)
    if taken.exists():
        return {"number": _("Call No. %(number)s of %(year)s already exists.") % {
            "number": number, "year": fiscal_year.year,
        }}
    return {}


def _dates_error(opens_at: datetime, closes_at: datetime) -> dict:
    if opens_at and closes_at and closes_at <= opens_at:
        return {"closes_at": _("Applications must close after they open.")}
    return {}


@transaction.atomic
def call_create(*, actor, **fields) -> Call:
    errors = {
        **_number_error(fields["fiscal_year"], fields["number"]),
        **_dates_error(fields["opens_at"], fields["closes_at"]),
    }
    if errors:
        raise ValidationError(errors)
    call = Call(created_by=actor, **{name: fields[name] for name in CALL_FIELDS if name in fields})
    call.code = Call.make_code(call.fiscal_year.year, call.number)
    call.save()
    audit.record(actor=actor, obj=call, action="call_created", to_state=call.status)
    return call


@transaction.atomic
def call_update(*, actor, call: Call, **fields) -> Call:
    call = _lock(call)
    if call.status != CallStatus.DRAFT:
        raise ValidationError(
            _("An announced or cancelled call cannot be edited; extend its deadline or cancel it instead.")
        )
    if call.lots.exists() and fields.get("fiscal_year") and fields["fiscal_year"] != call.fiscal_year:
        raise ValidationError(
            {"fiscal_year": _("The year cannot change once the call has lots: their codes carry it.")}
        )
    errors = {
        **_number_error(fields.get("fiscal_year", call.fiscal_year), fields.get("number", call.number), call),
        **_dates_error(fields.get("opens_at", call.opens_at), fields.get("closes_at", call.closes_at)),
    }
    if errors:
        raise ValidationError(errors)
    for name in CALL_FIELDS:
        if name in fields:
            setattr(call, name, fields[name])
    call.code = Call.make_code(call.fiscal_year.year, call.number)
    call.save()
    audit.record(actor=actor, obj=call, action="call_changed")
    return call


def publication_problems(call: Call, *, now: datetime | None = None) -> list[str]:
    """Everything that stops the call from being announced; empty when it may be."""
    now = now or timezone.now()
    problems = []
    missing = missing_official(call, ["title", "description"])
    if "title_kk" in missing or "description_kk" in missing:
        problems.append(_("The call has no title or description in Kazakh."))
    if "title_ru" in missing or "description_ru" in missing:
        problems.append(_("The call has no title or description in Russian."))
    if call.closes_at <= now:
        problems.append(_("The deadline %(deadline)s has already passed.") % {"deadline": astana_time(call.closes_at)})
    lots = list(
        Lot.objects.filter(call=call).select_related("call__fiscal_year").prefetch_related(
            Prefetch("indicators", queryset=LotIndicator.objects.order_by("position")),
            Prefetch("justification_lines", queryset=CostJustificationLine.objects.order_by("position")),
        )
    )
    if not lots:
        problems.append(_("The call has no lots."))
    for lot in lots:
        missing_here = lot_services.missing_for_publication(lot)
        if missing_here:
            problems.append(_("Lot %(code)s: %(problems)s.") % {"code": lot.code, "problems": "; ".join(missing_here)})
    return problems


@transaction.atomic
def call_announce(*, actor, call: Call, now: datetime | None = None) -> Call:
    now = now or timezone.now()
    call = _lock(call)
    _check_transition(call, CallStatus.ANNOUNCED)
    problems = publication_problems(call, now=now)
    if problems:
        raise ValidationError(problems, code="incomplete")
    call.announced_at = now
    transition(call, to=CallStatus.ANNOUNCED, table=TRANSITIONS, actor=actor, update_fields=["announced_at"])
    return call


@transaction.atomic
def call_extend(
    *, actor, call: Call, new_closes_at: datetime, reason_kk: str, reason_ru: str, reason_en: str = "",
    now: datetime | None = None,
) -> DeadlineExtension:
    now = now or timezone.now()
    call = _lock(call)
    if call.status != CallStatus.ANNOUNCED:
        raise ValidationError(_("Only an announced call has a deadline to extend."))
    if call.closes_at <= now:
        raise ValidationError(
            _("The deadline %(deadline)s has passed: a deadline can only be extended before it passes.")
            % {"deadline": astana_time(call.closes_at)}
        )
    errors = {}
    if new_closes_at <= call.closes_at:
        errors["new_closes_at"] = _("The new deadline must be later than the current one, %(deadline)s.") % {
            "deadline": astana_time(call.closes_at)
        }
    if not reason_kk.strip():
        errors["reason_kk"] = _("Give the reason in Kazakh: it is published on the call page.")
    if not reason_ru.strip():
        errors["reason_ru"] = _("Give the reason in Russian: it is published on the call page.")
    if errors:
        raise ValidationError(errors)
    extension = DeadlineExtension.objects.create(
        call=call, previous_closes_at=call.closes_at, new_closes_at=new_closes_at, reason_kk=reason_kk.strip(),
        reason_ru=reason_ru.strip(), reason_en=reason_en.strip(), extended_by=actor, extended_at=now,
    )
    call.closes_at = new_closes_at
    call.save(update_fields=["closes_at", "updated_at"])
    audit.record(
        actor=actor, obj=call, action="call_deadline_extended",
        message=("deadline_moved", {
            "from": extension.previous_closes_at.isoformat(), "to": new_closes_at.isoformat(),
            "reason": {"kk": extension.reason_kk, "ru": extension.reason_ru, "en": extension.reason_en},
        }),
        data={"from": extension.previous_closes_at.isoformat(), "to": new_closes_at.isoformat()},
    )
    return extension


@transaction.atomic
def call_cancel(
    *, actor, call: Call, reason_kk: str, reason_ru: str, reason_en: str = "", now: datetime | None = None
) -> Call:
    now = now or timezone.now()
    call = _lock(call)
    _check_transition(call, CallStatus.CANCELLED)
    if call.phase_at(now) == CallPhase.CLOSED:
        raise ValidationError(
            _("A call whose deadline has passed cannot be cancelled: its applications are being decided.")
        )
    errors = {}
    if not reason_kk.strip():
        errors["reason_kk"] = _("Give the reason in Kazakh: it is published on the call page.")
    if not reason_ru.strip():
        errors["reason_ru"] = _("Give the reason in Russian: it is published on the call page.")
    if errors:
        raise ValidationError(errors)
    call.cancelled_at = now
    call.cancellation_reason_kk = reason_kk.strip()
    call.cancellation_reason_ru = reason_ru.strip()
    call.cancellation_reason_en = reason_en.strip()
    transition(
        call, to=CallStatus.CANCELLED, table=TRANSITIONS, actor=actor,
        message=("reason", {"reason": {"kk": call.cancellation_reason_kk, "ru": call.cancellation_reason_ru,
                                       "en": call.cancellation_reason_en}}),
        update_fields=["cancelled_at", "cancellation_reason_kk", "cancellation_reason_ru", "cancellation_reason_en"],
    )
    return call


def _shift_year(moment: datetime, years: int) -> datetime:
    try:
        return moment.replace(year=moment.year + years)
    except ValueError:  # 29 February
        return moment.replace(year=moment.year + years, day=28)


@transaction.atomic
def call_clone(*, actor, call: Call, fiscal_year: FiscalYear, number: int) -> Call:
    """A new draft for another year with the same texts, documents and lots; dates move by the years
    between, lot codes take the new year, and each lot keeps the direction with the same number in the
    customer's list for the new year (or none, to be chosen)."""
    source = Call.objects.select_related("fiscal_year").get(pk=call.pk)
    errors = _number_error(fiscal_year, number)
    if errors:
        raise ValidationError(errors)
    years = fiscal_year.year - source.fiscal_year.year
    clone = Call(
        customer=source.customer, fiscal_year=fiscal_year, number=number,
        code=Call.make_code(fiscal_year.year, number),
        opens_at=_shift_year(source.opens_at, years), closes_at=_shift_year(source.closes_at, years),
        cloned_from=source, created_by=actor,
        **{name: getattr(source, name) for name in CALL_FIELDS if name.startswith(("title_", "description_"))},
    )
    clone.save()
    for document in source.documents.all():
        copy = CallDocument(
            call=clone, kind=document.kind, title_kk=document.title_kk, title_ru=document.title_ru,
            title_en=document.title_en, content_type=document.content_type, size=document.size, uploaded_by=actor,
        )
        with document.file.open("rb") as handle:
            copy.file.save(document.file.name.rsplit("/", 1)[-1], ContentFile(handle.read()), save=False)
        copy.save()
    directions = {
        d.number: d
        for d in PriorityDirection.objects.filter(
            direction_list__customer=source.customer, direction_list__fiscal_year=fiscal_year
        )
    }
    old_prefix, new_prefix = f"{source.fiscal_year.year}-", f"{fiscal_year.year}-"
    for lot in source.lots.prefetch_related("indicators", "justification_lines").select_related("direction"):
        indicators, lines = list(lot.indicators.all()), list(lot.justification_lines.all())
        new_code = new_prefix + lot.code.removeprefix(old_prefix)
        if Lot.objects.filter(code=new_code).exists():
            raise ValidationError(
                _("Lot %(code)s already exists in %(year)s: clone into another year or rename that lot first.")
                % {"code": new_code, "year": fiscal_year.year}
            )
        lot.pk = None
        lot._state.adding = True
        lot.call = clone
        lot.code = new_code
        lot.direction = directions.get(lot.direction.number) if lot.direction else None
        lot.save()
        for row in indicators + lines:
            row.pk = None
            row._state.adding = True
            row.lot = lot
        LotIndicator.objects.bulk_create(indicators)
        CostJustificationLine.objects.bulk_create(lines)
    audit.record(actor=actor, obj=clone, action="call_cloned", to_state=clone.status, note=source.code)
    return clone


@transaction.atomic
def document_add(*, actor, call: Call, kind: str, title_kk: str, title_ru: str, title_en: str, upload,
                 content_type: str) -> CallDocument:
    """Attach a checked upload (see grants.uploads) to a call; published with it once announced."""
    call = _lock(call)
    if call.status == CallStatus.CANCELLED:
        raise ValidationError(_("Documents cannot be added to a cancelled call."))
    document = CallDocument(
        call=call, kind=kind, title_kk=title_kk, title_ru=title_ru, title_en=title_en,
        content_type=content_type, size=upload.size, uploaded_by=actor,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    audit.record(actor=actor, obj=call, action="call_document_added", note=document.file.name)
    return document


@transaction.atomic
def document_delete(*, actor, document: CallDocument) -> None:
    call = _lock(document.call)
    if call.status != CallStatus.DRAFT:
        raise ValidationError(_("A document published with a call stays published; add a corrected one instead."))
    audit.record(actor=actor, obj=call, action="call_document_deleted", note=document.file.name)
    document.file.delete(save=False)
    document.delete()
