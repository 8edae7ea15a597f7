"""Grantee reports: created from the agreement's schedule, filled section by section (autosaved under an
optimistic lock), submitted by the head with a frozen snapshot and the SHA-256 of every file, reviewed by the
monitoring officer. Accepting an interim report meets the tranche's condition through agreements' door;
accepting the final one completes the grant."""

import hashlib
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.choices import GrantStatus
from agreements.services import condition_met, grant_complete
from grants.applications import files as uploads
from grants.workdays import local_date
from portal import mail
from portal.audit import record
from portal.workflow import transition

from .. import finance, notifications, selectors
from ..choices import EvidenceKind, ReportKind, ReportStatus, ReviewDecision, Section
from ..models import GrantReport, ReportFile, ReportReview, ReportSubmission

S = ReportStatus
TRANSITIONS = {
    (S.DUE, S.DRAFT): "report_started",
    (S.DRAFT, S.SUBMITTED): "report_submitted",
    (S.CHANGES_REQUESTED, S.SUBMITTED): "report_resubmitted",
    (S.SUBMITTED, S.ACCEPTED): "report_accepted",
    (S.SUBMITTED, S.CHANGES_REQUESTED): "report_changes_requested",
}
RUNNING = (GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS)
PHOTO_TYPES = {uploads.JPG.content_type, uploads.PNG.content_type}
TEXT_LIMIT = 10_000


class StaleSection(ValidationError):
    """Someone saved the section after this text was loaded: nothing is overwritten."""


def _lock(report: GrantReport) -> GrantReport:
    return GrantReport.objects.select_for_update(of=("self",)).select_related("grant").get(pk=report.pk)


def reports_schedule(*, grant, actor=None) -> list[GrantReport]:
    """The reports the agreement's schedule asks for (interim if the terms have one, final), once: a second call
    returns what exists. Runs inside agreement_sign's transaction."""
    language = getattr(grant.application, "language", "") or "kk"
    wanted = [(ReportKind.INTERIM, grant.interim_report_due), (ReportKind.FINAL, grant.final_report_due)]
    made = []
    for kind, due_on in wanted:
        if due_on is None:
            continue
        try:
            with transaction.atomic():
                report, created = GrantReport.objects.get_or_create(grant=grant, kind=kind, defaults={
                    "due_on": due_on, "language": language})
        except IntegrityError:
            report, created = GrantReport.objects.get(grant=grant, kind=kind), False
        if created:
            record(actor=actor, obj=report, action="report_scheduled", to_state=report.status,
                   data={"due_on": due_on.isoformat()})
        made.append(report)
    return made


def _editable(report: GrantReport) -> None:
    if report.status not in selectors.EDITABLE:
        raise ValidationError(_("The report is submitted: it can be changed only if the monitoring officer asks "
                                "for changes."), code="not_editable")
    if report.grant.status not in RUNNING:
        raise ValidationError(_("The grant is not running: its reports are closed."), code="not_running")


def _text(value, limit=TEXT_LIMIT) -> str:
    return (value or "").strip()[:limit]


def clean_section(report: GrantReport, section: str, data: dict) -> dict:
    """The section as it is stored; the financial rules refuse an overspend naming the line and the figures."""
    if section == Section.NARRATIVE:
        return {key: _text(data.get(key)) for key in ("done", "changed", "problems")}
    if section == Section.INDICATORS:
        rows = data.get("rows") or []
        return {"rows": [{"period": _number(row.get("period")), "total": _number(row.get("total")),
                          "links": _text(row.get("links"), 2000), "note": _text(row.get("note"), 2000)}
                         for row in rows[:len(report.grant.indicators)]]}
    if section == Section.BENEFICIARIES:
        rows = [{"group": _text(row.get("group"), 300), "count": int(row.get("count") or 0)}
                for row in data.get("rows") or [] if _text(row.get("group"), 300)]
        if any(row["count"] < 0 for row in rows):
            raise ValidationError({"rows": _("A count of beneficiaries cannot be negative.")})
        return {"rows": rows}
    if section == Section.ACTIVITIES:
        rows = data.get("rows") or []
        return {"rows": [{"progress": row.get("progress") or "", "note": _text(row.get("note"), 2000)}
                         for row in rows[:len(report.grant.activities)]]}
    if section == Section.FINANCE:
        budget = selectors.budget_of(report)
        typed = data.get("lines") or {}
        try:
            lines = {c: {"period": str(finance.amount((typed.get(c) or {}).get("period"))),
                         "total": str(finance.amount((typed.get(c) or {}).get("total")))} for c in budget}
        except ValueError:
            raise ValidationError({"lines": _("Enter each amount as a number.")}) from None
        found = finance.problems(selectors.finance_lines(report, lines), grant_amount=report.grant.amount)
        if found:
            raise ValidationError({"lines": found})
        return {"lines": lines}
    raise ValidationError(_("Unknown section."), code="section")


def _number(value) -> str:
    if value in (None, ""):
        return ""
    try:
        number = finance.amount(value)
    except ValueError:
        raise ValidationError({"rows": _("Enter each value as a number.")}) from None
    if number < 0:
        raise ValidationError({"rows": _("A value achieved cannot be negative.")})
    return str(number.quantize(Decimal("1"))) if number == number.to_integral() else str(number)


@transaction.atomic
def report_save_section(*, report: GrantReport, section: str, data: dict, version: int | None, actor) -> GrantReport:
    """Save one section typed on `version` of it (autosave and the Save button); a stale version is refused."""
    report = _lock(report)
    _editable(report)
    current = int(report.versions.get(section, 0))
    if version is not None and int(version) != current:
        raise StaleSection(_("Someone saved this section after you opened it: reload it to see their text."),
                           code="stale")
    cleaned = clean_section(report, section, data)
    if report.content.get(section) == cleaned:
        return report
    report.content = {**report.content, section: cleaned}
    report.versions = {**report.versions, section: current + 1}
    report.saved_by, report.saved_at = actor, timezone.now()
    fields = ["content", "versions", "saved_by", "saved_at"]
    if report.status == S.DUE:
        transition(report, to=S.DRAFT, table=TRANSITIONS, actor=actor, update_fields=fields)
    else:
        report.save(update_fields=[*fields, "updated_at"])
    return report


@transaction.atomic
def report_add_file(*, report: GrantReport, section: str, kind: str, upload, actor, position: int | None = None,
                    line: str = "") -> ReportFile:
    """Evidence for an indicator or a supporting document of a budget line, accepted by what its bytes are."""
    report = _lock(report)
    _editable(report)
    if section == Section.INDICATORS and (position is None or not 0 <= position < len(report.grant.indicators)):
        raise ValidationError({"position": _("Choose an indicator of the agreement.")})
    if section == Section.FINANCE and line not in selectors.budget_of(report):
        raise ValidationError({"line": _("Choose a line of the budget.")})
    if section not in (Section.INDICATORS, Section.FINANCE) or kind not in EvidenceKind.values:
        raise ValidationError({"kind": _("Choose the type of evidence.")})
    try:
        file_kind = uploads.validate_upload(upload)
    except ValidationError as error:
        raise ValidationError({"upload": error.messages}) from None
    if kind == EvidenceKind.PHOTO and file_kind.content_type not in PHOTO_TYPES:
        raise ValidationError({"upload": _("A photo is a JPG or PNG image.")})
    name = uploads.safe_name(upload.name, file_kind)
    item = ReportFile(report=report, section=section, position=position if section == Section.INDICATORS else None,
                      line=line if section == Section.FINANCE else "", kind=kind, name=name,
                      content_type=file_kind.content_type, size=upload.size, sha256=uploads.sha256_of(upload),
                      uploaded_by=actor)
    item.file.save(name, upload, save=False)
    item.save()
    record(actor=actor, obj=report, action="report_file_added", to_state=report.status,
           data={"file": name, "sha256": item.sha256, "section": section})
    return item


@transaction.atomic
def report_remove_file(*, item: ReportFile, actor) -> None:
    report = _lock(item.report)
    _editable(report)
    record(actor=actor, obj=report, action="report_file_removed", to_state=report.status,
           data={"file": item.name, "sha256": item.sha256})
    item.delete()


def _stored_sha256(item: ReportFile) -> str:
    digest = hashlib.sha256()
    with item.file.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 16), b""):
            digest.update(chunk)
    return digest.hexdigest()


def missing(report: GrantReport) -> list[str]:
    """What the report still lacks before the head may submit it, in the user's words."""
    found = []
    narrative = report.content.get(Section.NARRATIVE) or {}
    if not narrative.get("done"):
        found.append(_("Say what was done in the period."))
    for row in selectors.indicator_rows(report):
        if row.get("total") in (None, ""):
            found.append(_("Indicator “%(name)s”: enter the value achieved.") % {"name": row["indicator"].get("name")})
    if not (report.content.get(Section.BENEFICIARIES) or {}).get("rows"):
        found.append(_("Enter the beneficiaries reached, by group."))
    if Section.FINANCE not in report.content:
        found.append(_("Fill in the financial report."))
    return found


@transaction.atomic
def report_submit(*, report: GrantReport, actor) -> ReportSubmission:
    """The head submits: the content and the files (with their SHA-256, read from storage) are frozen as the
    round's snapshot; the receipt is rendered by the worker and the monitoring officer is told. One function, so
    a qualified signature can wrap it."""
    report = _lock(report)
    _editable(report)
    if report.status == S.DUE:
        raise ValidationError(_("The report is empty: fill it in first."), code="empty")
    found = missing(report)
    if found:
        raise ValidationError([ValidationError(message, code="incomplete") for message in found])
    # The figures are checked again against the budget in force today (an amendment may have changed it).
    problems = finance.problems(selectors.finance_lines(report), grant_amount=report.grant.amount)
    if problems:
        raise ValidationError([ValidationError(message, code="finance") for message in problems])
    now = timezone.now()
    files = [{"id": f.pk, "section": f.section, "position": f.position, "line": f.line, "kind": f.kind,
              "name": f.name, "content_type": f.content_type, "size": f.size, "sha256": _stored_sha256(f)}
             for f in report.files.order_by("section", "position", "line", "pk")]
    if any(entry["sha256"] != f.sha256 for entry, f in zip(files, report.files.order_by(
            "section", "position", "line", "pk"), strict=True)):
        raise ValidationError(_("A file changed in storage since it was uploaded: upload it again."), code="files")
    round_number = report.submissions.count() + 1
    late = local_date(now) > report.due_on
    submission = ReportSubmission.objects.create(
        report=report, round=round_number, snapshot={**report.content, "files": files}, submitted_by=actor,
        submitted_at=now, late=late)
    fields = []
    if report.first_submitted_at is None:
        report.first_submitted_at, report.submitted_late = now, late
        fields = ["first_submitted_at", "submitted_late"]
    transition(report, to=S.SUBMITTED, table=TRANSITIONS, actor=actor, update_fields=fields,
               data={"round": round_number, "late": late, "files": len(files)})
    from ..tasks import render_receipt

    mail.prepare(render_receipt, about=submission, submission_pk=submission.pk)
    notifications.report_submitted(report, submission)
    return submission


@transaction.atomic
def report_render_receipt(*, submission_pk: int) -> ReportSubmission | None:
    """The worker renders the receipt of a round once, in the report's language."""
    from ..pdf import receipt_pdf

    submission = (ReportSubmission.objects.select_for_update(of=("self",)).select_related("report__grant")
                  .get(pk=submission_pk))
    if submission.receipt:
        return None
    pdf = receipt_pdf(submission)
    submission.receipt.save(f"receipt-{submission.number}.pdf", ContentFile(pdf), save=False)
    submission.receipt_sha256 = hashlib.sha256(pdf).hexdigest()
    submission.save(update_fields=["receipt", "receipt_sha256"])
    return submission


@transaction.atomic
def report_review(*, report: GrantReport, actor, accept: bool, comments: dict | None = None,
                  conclusion: str = "") -> ReportReview:
    """The monitoring officer accepts the round or asks for changes with a comment per section (at least one).
    Accepting an interim report makes the tranche that waits for it due; accepting the final one completes the
    grant."""
    report = _lock(report)
    comments = {key: _text(value, 2000) for key, value in (comments or {}).items()
                if key in Section.values and _text(value, 2000)}
    conclusion = _text(conclusion)
    if not accept and not comments:
        raise ValidationError({"comments": _("Say in at least one section what is to be changed.")})
    submission = report.submissions.order_by("-round").first()
    if report.status != S.SUBMITTED or submission is None or hasattr(submission, "review"):
        raise ValidationError(_("Only a submitted report waiting for review is decided."), code="not_submitted")
    review = ReportReview.objects.create(
        submission=submission, decision=ReviewDecision.ACCEPTED if accept else ReviewDecision.CHANGES_REQUESTED,
        comments=comments, conclusion=conclusion, reviewer=actor, reviewed_at=timezone.now())
    fields = []
    if accept:
        report.accepted_at = review.reviewed_at
        fields = ["accepted_at"]
    transition(report, to=S.ACCEPTED if accept else S.CHANGES_REQUESTED, table=TRANSITIONS, actor=actor,
               update_fields=fields, note=conclusion, data={"round": submission.round})
    if accept:
        condition_met(grant=report.grant, condition=f"report_accepted:{report.kind}", actor=actor)
        if report.kind == ReportKind.FINAL:
            grant = report.grant
            grant.refresh_from_db(fields=["status"])
            if grant.status == GrantStatus.IN_PROGRESS:
                grant_complete(grant=grant, actor=actor)
    from ..tasks import render_review_conclusion

    mail.prepare(render_review_conclusion, about=review, review_pk=review.pk)
    notifications.report_reviewed(report, review)
    return review


@transaction.atomic
def review_render(*, review_pk: int) -> ReportReview | None:
    """The worker renders the operator's conclusion on a round once, in the report's language."""
    from ..pdf import review_pdf

    review = ReportReview.objects.select_for_update(of=("self",)).get(pk=review_pk)
    if review.pdf:
        return None
    review.pdf.save(f"review-{review.pk}.pdf", ContentFile(review_pdf(review)), save=False)
    review.save(update_fields=["pdf"])
    return review
