"""Writes to a draft: starting it, saving a section under its optimistic lock, kept versions, documents."""

from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ngos.rules import is_ngo_member
from portal.audit import record

from .. import files, selectors
from ..choices import Section
from ..models import (
    Application,
    ApplicationActivity,
    ApplicationDocument,
    ApplicationIndicator,
    ApplicationSection,
    BudgetLine,
    DraftConflict,
)
from .transitions import ensure_open_for_editing, lock_application

SCALAR_FIELDS = {
    Section.OVERVIEW: ("title", "summary", "language"),
    Section.PROBLEM: ("problem", "goals"),
    Section.BENEFICIARIES: ("target_groups", "beneficiaries_count"),
    Section.TEAM: ("team",),
    Section.PARTNERS: ("partners",),
    Section.RISKS: ("risks", "sustainability"),
    Section.DECLARATIONS: ("declares_accuracy", "declares_eligibility", "consents_publication"),
}


class StaleSection(Exception):
    """Someone saved the section after this text was loaded; the refused text is kept in `conflict`."""

    def __init__(self, conflict: DraftConflict, saved: ApplicationSection):
        super().__init__("stale section version")
        self.conflict = conflict
        self.saved = saved


@transaction.atomic
def application_start(*, lot, ngo, actor, now: datetime | None = None) -> Application:
    """The NGO's application to the lot: the existing one, or a new draft (one per lot and NGO)."""
    now = now or timezone.now()
    existing = selectors.application_of_ngo_for_lot(lot=lot, ngo=ngo)
    if existing is not None:
        return existing
    if not is_ngo_member(actor, ngo):
        raise ValidationError(_("Only members of the NGO may start its application."), code="not_member")
    if not ngo.is_verified:
        raise ValidationError(
            _("%(ngo)s is not verified yet: only verified NGOs may apply.") % {"ngo": ngo.name}, code="not_verified"
        )
    if not lot.call.is_accepting_applications(now):
        raise ValidationError(_("This call is not accepting applications."), code="closed")
    try:
        with transaction.atomic():
            app = Application.objects.create(lot=lot, ngo=ngo, created_by=actor)
    except IntegrityError:
        # Another member started it at the same moment: theirs is ours.
        return Application.objects.get(lot=lot, ngo=ngo)
    record(actor=actor, obj=app, action="application_started", to_state=app.status, data={"at": now.isoformat()})
    return app


def _write_rows(app: Application, section: str, rows: list[dict]):
    if section == Section.ACTIVITIES:
        app.activities.all().delete()
        ApplicationActivity.objects.bulk_create(
            ApplicationActivity(application=app, position=i, **row) for i, row in enumerate(rows)
        )
    elif section == Section.BUDGET:
        app.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(BudgetLine(application=app, position=i, **row) for i, row in enumerate(rows))
    elif section == Section.INDICATORS:
        lot_indicators = set(app.lot.indicators.values_list("pk", flat=True))
        app.indicators.all().delete()
        kept, seen = [], set()
        for row in rows:
            lot_indicator = row.get("lot_indicator_id")
            if lot_indicator is not None:
                if lot_indicator not in lot_indicators or lot_indicator in seen:
                    continue  # not this lot's indicator, or given twice
                seen.add(lot_indicator)
                row = {**row, "name": "", "unit": ""}
            kept.append(row)
        ApplicationIndicator.objects.bulk_create(
            ApplicationIndicator(application=app, position=i, **row) for i, row in enumerate(kept)
        )
    else:
        raise ValueError(f"{section} has no rows")


def _section_data(app: Application, section: str) -> dict:
    """The section as saved, in the shape a form's payload has: equal data is no change and no conflict."""
    if section in SCALAR_FIELDS:
        return {name: getattr(app, name) for name in SCALAR_FIELDS[section]}
    if section == Section.ACTIVITIES:
        fields = ("activity", "starts_on", "ends_on", "outputs")
        return {"rows": [{f: getattr(row, f) for f in fields} for row in app.activities.all()]}
    if section == Section.BUDGET:
        fields = ("category", "description", "unit", "quantity", "unit_cost")
        return {"rows": [{f: getattr(row, f) for f in fields} for row in app.budget_lines.all()]}
    fields = ("lot_indicator_id", "name", "unit", "baseline", "target", "verification")
    rows = []
    for row in app.indicators.all():
        values = {f: getattr(row, f) for f in fields}
        if row.lot_indicator_id:
            del values["name"], values["unit"]
        rows.append(values)
    return {"rows": rows}


@transaction.atomic
def _save_section(*, application, section, data, raw, version, actor, now):
    app = lock_application(application)
    ensure_open_for_editing(app, now)
    ApplicationSection.objects.bulk_create(
        [ApplicationSection(application=app, section=section)], ignore_conflicts=True
    )
    saved = ApplicationSection.objects.select_for_update().get(application=app, section=section)
    if saved.version != version and _section_data(app, section) != data:
        # Keep the refused text; one kept version per author and base version, updated as they type on.
        conflict, _created = DraftConflict.objects.update_or_create(
            application=app, section=section, author=actor, base_version=version, resolved_at=None,
            defaults={"current_version": saved.version, "data": raw, "created_at": now},
        )
        return None, StaleSection(conflict, saved)
    if _section_data(app, section) == data:
        return saved, None  # nothing changed (a repeated autosave, or a save racing an identical one)
    if section in SCALAR_FIELDS:
        for name in SCALAR_FIELDS[section]:
            setattr(app, name, data[name])
    else:
        _write_rows(app, section, data["rows"])
    app.version += 1
    app.save()
    saved.version += 1
    saved.saved_at = now
    saved.saved_by = actor
    saved.save(update_fields=["version", "saved_at", "saved_by"])
    return saved, None


def application_save_section(
    *, application, section: str, data: dict, raw: dict, version: int, actor, now: datetime | None = None
) -> ApplicationSection:
    """Save one section if nobody saved it since `version` was loaded; otherwise keep the text and refuse.

    Not audited: a draft's text is not a decision, and autosave writes it every few seconds.
    """
    now = now or timezone.now()
    if section not in SCALAR_FIELDS and section not in (Section.ACTIVITIES, Section.BUDGET, Section.INDICATORS):
        raise ValueError(f"{section} is not saved as a form")
    saved, stale = _save_section(
        application=application, section=section, data=data, raw=raw, version=version, actor=actor, now=now
    )
    if stale is not None:
        raise stale  # after the transaction committed the kept version
    return saved


@transaction.atomic
def conflict_resolve(*, conflict: DraftConflict, actor, now: datetime | None = None) -> DraftConflict:
    """The author has taken what they needed from the kept version: it leaves the list."""
    conflict = DraftConflict.objects.select_for_update().get(pk=conflict.pk)
    if conflict.resolved_at is None:
        conflict.resolved_at = now or timezone.now()
        conflict.save(update_fields=["resolved_at"])
    return conflict


def _touch(app: Application):
    app.version += 1
    app.save(update_fields=["version", "updated_at"])


@transaction.atomic
def document_upload(*, application, kind: str, upload, actor, now: datetime | None = None) -> ApplicationDocument:
    now = now or timezone.now()
    app = lock_application(application)
    ensure_open_for_editing(app, now)
    file_kind = files.validate_upload(upload)
    document = ApplicationDocument(
        application=app, kind=kind, name=files.safe_name(upload.name, file_kind), content_type=file_kind.content_type,
        size=upload.size, sha256=files.sha256_of(upload), uploaded_by=actor, uploaded_at=now,
    )
    document.file.save(document.name, upload, save=False)
    document.save()
    _touch(app)
    record(
        actor=actor, obj=app, action="application_document_uploaded", note=document.name,
        data={"sha256": document.sha256},
    )
    return document


@transaction.atomic
def document_replace(*, document: ApplicationDocument, upload, actor, now: datetime | None = None):
    now = now or timezone.now()
    app = lock_application(document.application)
    ensure_open_for_editing(app, now)
    document = ApplicationDocument.objects.select_for_update().get(pk=document.pk, application=app)
    file_kind = files.validate_upload(upload)
    old_file, old_sha = document.file.name, document.sha256
    document.name = files.safe_name(upload.name, file_kind)
    document.content_type = file_kind.content_type
    document.size = upload.size
    document.sha256 = files.sha256_of(upload)
    document.uploaded_by = actor
    document.uploaded_at = now
    document.file.save(document.name, upload, save=False)
    document.save()
    _touch(app)
    record(
        actor=actor, obj=app, action="application_document_replaced", note=document.name,
        data={"previous_sha256": old_sha, "sha256": document.sha256},
    )
    storage = document.file.storage
    transaction.on_commit(lambda: storage.delete(old_file))
    return document


@transaction.atomic
def document_delete(*, document: ApplicationDocument, actor, now: datetime | None = None):
    now = now or timezone.now()
    app = lock_application(document.application)
    ensure_open_for_editing(app, now)
    document = ApplicationDocument.objects.get(pk=document.pk, application=app)
    name, sha, storage = document.file.name, document.sha256, document.file.storage
    document.delete()
    _touch(app)
    record(actor=actor, obj=app, action="application_document_removed", note=document.name, data={"sha256": sha})
    transaction.on_commit(lambda: storage.delete(name))
