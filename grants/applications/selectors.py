"""Reads for the application pages: each returns what a page shows in a fixed number of queries."""

import functools
import hashlib
import json
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import OuterRef, Prefetch, Q
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from portal import money
from portal.models import AuditEntry

from . import budget, checks, notifications
from .choices import EDITABLE_STATUSES, ApplicationStatus, Section
from .models import Application, ApplicationIndicator, ApplicationSection, DraftConflict, Submission


def with_content(queryset, *, sections: bool = True):
    """Everything the pages, the checks and the snapshot read, in one query per kind of row."""
    prefetch = [
        "lot__indicators",
        Prefetch("indicators", queryset=ApplicationIndicator.objects.select_related("lot_indicator")),
        "activities",
        "budget_lines",
        "documents",
    ]
    if sections:
        prefetch.append("sections")
    return queryset.select_related("lot__call", "lot__region", "ngo").prefetch_related(*prefetch)


def locked_with_content(pk: int, *, hand_to: Application | None = None) -> Application:
    """The application under its row lock with everything the checks and the snapshot read, and the NGO's
    active members (`app.members`, to tell them): on PostgreSQL in one query (portal.related_rows), the
    submission's busiest moment being a round trip per kind of row; elsewhere as with_content reads it.

    Inside a transaction the instance is marked as read under the lock (`held_under_lock`), so the rules, the
    signature and the submission of one request read it once. `hand_to`: another instance of the same
    application to keep the read on as well (the signature reads it to sign; the submission then takes it)."""
    app = _locked_with_content(pk)
    if connection.in_atomic_block and connection.atomic_blocks:
        # The block it was read in: the read holds while that block is open (a test's transaction outlives many).
        app._locked_in = connection.atomic_blocks[-1]
        if hand_to is not None:
            hand_to._locked_content = app
            hand_to._locked_in = app._locked_in
    return app


def held_under_lock(application) -> Application | None:
    """The content of `application` read under its lock in this transaction: the instance itself when
    `locked_with_content` returned it, else what it kept for it; None when there is none (read it then)."""
    block = application.__dict__.get("_locked_in")
    if block is None or not connection.in_atomic_block or not connection.atomic_blocks:
        return None
    content = application.__dict__.get("_locked_content", application)
    return content if _still_open(block) and content.pk == application.pk else None


def _still_open(block) -> bool:
    """The transaction block a locked read was made in is still open: what it read still holds."""
    return connection.in_atomic_block and any(open_block is block for open_block in connection.atomic_blocks)


def take_locked_content(application) -> Application | None:
    """`held_under_lock(application)`, taken once: a later transaction of the same test or task reads again."""
    content = held_under_lock(application)
    application.__dict__.pop("_locked_content", None)
    application.__dict__.pop("_locked_in", None)
    return content


def _row_kinds() -> tuple:
    """The application's rows as the locked read gives them: (attribute, model), in the order of its columns."""
    from .models import ApplicationActivity, ApplicationDocument, BudgetLine

    return (("activities", ApplicationActivity), ("indicators", ApplicationIndicator), ("budget_lines", BudgetLine),
            ("documents", ApplicationDocument))


@functools.cache
def _compiled_locked_read():
    from portal import related_rows

    return related_rows.CompiledRead(_locked_read, lock=Application)


def _locked_read(pk):
    """The application (locked, not its lot, call or NGO), its lot, call, region and NGO, and the rows of each
    kind, as JSON columns (portal.related_rows): compiled once per process, a round trip and no compiling after."""
    from django.contrib.auth import get_user_model

    from grants.models import Call, Lot, LotIndicator
    from ngos.models import NGO
    from portal import related_rows
    from portal.models import Region

    User = get_user_model()
    children = [related_rows.rows(model.objects.filter(application=OuterRef("pk"))) for _name, model in _row_kinds()]
    return (
        Application.objects.filter(pk=pk).order_by()
        .values_list(
            *related_rows.columns(Application), *related_rows.columns(Lot, "lot"),
            *related_rows.columns(Call, "lot__call"), *related_rows.columns(Region, "lot__region"),
            *related_rows.columns(NGO, "ngo"), *children,
            related_rows.rows(LotIndicator.objects.filter(lot=OuterRef("lot_id"))),
            related_rows.rows(User.objects.filter(memberships__ngo=OuterRef("ngo_id"), is_active=True)
                              .order_by("memberships__role", "email")),
        )
    )


def _locked_with_content(pk: int) -> Application:
    from django.contrib.auth import get_user_model

    from grants.models import Call, Lot, LotIndicator
    from ngos.models import NGO
    from portal import related_rows
    from portal.models import Region


    if connection.vendor != "postgresql":
        locked = Application.objects.select_for_update(of=("self",))
        app = with_content(locked, sections=False).get(pk=pk)
        app.members = notifications.members(app.ngo)
        return app
    row = _compiled_locked_read().fetch(pk)
    if row is None:
        raise Application.DoesNotExist("Application matching query does not exist.")
    columns = iter(row)

    def parent(model):
        return related_rows.load_one(model, [next(columns) for _ in range(related_rows.parts(model))])

    app, lot, call, region, ngo = (parent(model) for model in (Application, Lot, Call, Region, NGO))
    lot.call, lot.region = call, region
    app.lot, app.ngo = lot, ngo
    for name, model in _row_kinds():
        related_rows.attach(app, name, related_rows.load(model, next(columns)))
    lot_indicators = related_rows.load(LotIndicator, next(columns))
    related_rows.attach(lot, "indicators", lot_indicators)
    by_id = {indicator.pk: indicator for indicator in lot_indicators}
    for indicator in app.indicators.all():  # as select_related("lot_indicator") gives them
        if indicator.lot_indicator_id in by_id:
            indicator.lot_indicator = by_id[indicator.lot_indicator_id]
    app.members = related_rows.load(get_user_model(), next(columns))
    return app


def application_with_content(pk: int) -> Application:
    return with_content(Application.objects.all()).get(pk=pk)


def applications_of_user(user):
    """The applications of every NGO the user belongs to, newest first, with their receipts."""
    return (
        Application.objects.filter(ngo__memberships__user=user)
        .select_related("lot__call", "ngo")
        .prefetch_related("budget_lines", latest_submissions())
        .order_by("lot__call__closes_at", "-created_at", "id")
        .distinct()
    )


def latest_submissions():
    return Prefetch(
        "submissions", queryset=Submission.objects.order_by("-submitted_at", "-id"), to_attr="submission_list"
    )


def current_submission(application) -> Submission | None:
    """The latest submission (withdrawn or not); uses the prefetched list when there is one."""
    if hasattr(application, "submission_list"):
        return application.submission_list[0] if application.submission_list else None
    return application.submissions.order_by("-submitted_at", "-id").first()


def application_of_ngo_for_lot(*, lot, ngo) -> Application | None:
    return Application.objects.filter(lot=lot, ngo=ngo).first()


def section_versions(application) -> dict[str, ApplicationSection]:
    return {row.section: row for row in application.sections.all()}


@dataclass(frozen=True)
class SectionState:
    section: str
    label: str
    problems: list
    saved: ApplicationSection | None

    @property
    def state(self) -> str:
        if not self.problems:
            return "complete"
        return "started" if self.saved else "empty"


def section_states(application) -> list[SectionState]:
    problems = checks.section_problems(application)
    saved = section_versions(application)
    return [
        SectionState(section=s.value, label=s.label, problems=problems[s.value], saved=saved.get(s.value))
        for s in Section
    ]


def progress(states: list[SectionState]) -> tuple[int, int]:
    return sum(1 for s in states if s.state == "complete"), len(states)


def open_conflicts(application, section: str | None = None):
    qs = DraftConflict.objects.filter(application=application, resolved_at__isnull=True).select_related("author")
    if section:
        qs = qs.filter(section=section)
    return qs


def timelines(applications) -> dict[int, list[AuditEntry]]:
    """The status changes of many applications, oldest first, in one query."""
    ids = [str(a.pk) for a in applications]
    if not ids:
        return {}
    entries = (
        AuditEntry.objects.filter(content_type=ContentType.objects.get_for_model(Application), object_id__in=ids)
        .exclude(to_state="")
        .select_related("actor")
        .order_by("at", "id")
    )
    found: dict[int, list[AuditEntry]] = {}
    labels = dict(ApplicationStatus.choices)
    for entry in entries:
        entry.status_label = labels.get(entry.to_state, entry.to_state)
        # The moment the service decided by, which is the audit time unless the clock was set for it.
        entry.moment = parse_datetime(entry.data.get("at", "")) or entry.at
        found.setdefault(int(entry.object_id), []).append(entry)
    return found


# The path an application walks; the dashboard marks where it is on it.
MAIN_PATH = [
    ApplicationStatus.DRAFT,
    ApplicationStatus.SUBMITTED,
    "screened",
    ApplicationStatus.UNDER_EVALUATION,
    "decided",
]
SCREENED = {ApplicationStatus.ADMITTED, ApplicationStatus.NOT_ADMITTED}
DECIDED = {ApplicationStatus.WINNER, ApplicationStatus.RESERVE, ApplicationStatus.NOT_FUNDED}


def status_steps(application) -> list[dict]:
    """The steps draft → submitted → admitted/not admitted → under evaluation → outcome, marked done/current/later."""
    status = application.status
    if status in EDITABLE_STATUSES:
        position = 0
    elif status == ApplicationStatus.SUBMITTED:
        position = 1
    elif status in SCREENED:
        position = 2
    elif status == ApplicationStatus.UNDER_EVALUATION:
        position = 3
    else:
        position = 4
    labels = [
        ApplicationStatus.WITHDRAWN.label if status == ApplicationStatus.WITHDRAWN else ApplicationStatus.DRAFT.label,
        ApplicationStatus.SUBMITTED.label,
        ApplicationStatus(status).label if status in SCREENED else _("Admitted or not admitted"),
        ApplicationStatus.UNDER_EVALUATION.label,
        ApplicationStatus(status).label if status in DECIDED else _("Winner, reserve or not funded"),
    ]
    stopped = status == ApplicationStatus.NOT_ADMITTED
    steps = []
    for index, label in enumerate(labels):
        if stopped and index > position:
            break
        state = "done" if index < position else "current" if index == position else "later"
        steps.append({"label": label, "state": state})
    return steps


def canonical_json(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str).encode()


def snapshot_hash(snapshot: dict) -> str:
    return hashlib.sha256(canonical_json(snapshot)).hexdigest()


def _money(value) -> str | None:
    return None if value is None else str(money.to_tiyn(value))


def build_snapshot(app) -> dict:
    """Every section as it stands, and the SHA-256 of every document: what a submission freezes."""
    totals = budget.totals_of_lines(app.budget_lines.all())
    return {
        "application": app.pk,
        "revision": app.version,
        "call": app.lot.call.code,
        "lot": app.lot.code,
        "ngo": {"bin": app.ngo.bin, "name_kk": app.ngo.name_kk, "name_ru": app.ngo.name_ru},
        "language": app.language,
        "overview": {"title": app.title, "summary": app.summary},
        "problem": {"problem": app.problem, "goals": app.goals},
        "beneficiaries": {"target_groups": app.target_groups, "count": app.beneficiaries_count},
        "activities": [
            {"activity": a.activity, "start": a.starts_on.isoformat() if a.starts_on else None,
             "end": a.ends_on.isoformat() if a.ends_on else None, "outputs": a.outputs}
            for a in app.activities.all()
        ],
        "indicators": [
            {"lot_indicator": i.lot_indicator_id, "name": i.display_name, "unit": i.display_unit,
             "baseline": _money(i.baseline), "target": _money(i.target), "verification": i.verification}
            for i in app.indicators.all()
        ],
        "team": app.team,
        "partners": app.partners,
        "risks": {"risks": app.risks, "sustainability": app.sustainability},
        "budget": {
            "lines": [
                {"category": b.category, "description": b.description, "unit": b.unit,
                 "quantity": _money(b.quantity), "unit_cost": _money(b.unit_cost), "amount": _money(b.amount)}
                for b in app.budget_lines.all()
            ],
            "total": _money(totals.total),
            "by_category": {k: _money(v) for k, v in sorted(totals.by_category.items())},
        },
        "documents": [
            {"kind": d.kind, "name": d.name, "size": d.size, "content_type": d.content_type, "sha256": d.sha256}
            for d in app.documents.all()
        ],
        "declarations": {
            "accuracy": app.declares_accuracy,
            "eligibility": app.declares_eligibility,
            "publication": app.consents_publication,
        },
    }


def frozen_snapshot(app) -> tuple[dict, str]:
    """`build_snapshot(app)` and its hash, built once for content read under the lock in this transaction: the
    signed document carries the hash and the submission the snapshot, of the same rows, which nothing else can
    change before the commit. Content read otherwise is built each time it is asked."""
    block, frozen = app.__dict__.get("_frozen_snapshot", (None, None))
    if frozen is not None and _still_open(block):
        return frozen
    snapshot = build_snapshot(app)
    frozen = snapshot, snapshot_hash(snapshot)
    if held_under_lock(app) is app:
        app._frozen_snapshot = app._locked_in, frozen  # the block of the locked read: kept while it is open
    return frozen


def submitted_in_call(call):
    """Applications of a call that were ever submitted (drafts are the NGOs' own), by registration number."""
    return (
        Application.objects.filter(lot__call=call)
        .exclude(Q(status=ApplicationStatus.DRAFT) | Q(registration_number=""))
        .select_related("lot", "ngo")
        .prefetch_related("budget_lines", latest_submissions())
        .order_by("sequence", "id")
    )
