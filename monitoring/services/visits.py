"""Monitoring visits: planned by the monitoring officer with items from the checklist staff keep, then recorded
(a finding per item, a conclusion, follow-up actions the NGO answers); the visit report is rendered in kk and ru
by the worker."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from grants.applications import files as uploads
from grants.workdays import local_date
from portal import mail
from portal.audit import record
from portal.workflow import transition

from .. import notifications
from ..choices import FindingResult, VisitStatus
from ..models import ChecklistItem, FollowUp, MonitoringVisit, VisitFinding

V = VisitStatus
TRANSITIONS = {(V.PLANNED, V.RECORDED): "visit_recorded"}
PHOTO_TYPES = {uploads.JPG.content_type, uploads.PNG.content_type}


@transaction.atomic
def checklist_add(*, actor, text_kk: str, text_ru: str) -> ChecklistItem:
    text_kk, text_ru = (text_kk or "").strip(), (text_ru or "").strip()
    if not text_kk or not text_ru:
        raise ValidationError({"text_kk" if not text_kk else "text_ru": _("Write the item in Kazakh and Russian.")})
    position = (ChecklistItem.objects.order_by("-position").values_list("position", flat=True).first() or 0) + 1
    item = ChecklistItem.objects.create(text_kk=text_kk[:300], text_ru=text_ru[:300], position=position)
    record(actor=actor, obj=item, action="checklist_changed", data={"added": item.pk})
    return item


@transaction.atomic
def checklist_set_active(*, item: ChecklistItem, actor, active: bool) -> ChecklistItem:
    item = ChecklistItem.objects.select_for_update().get(pk=item.pk)
    item.active = active
    item.save(update_fields=["active"])
    record(actor=actor, obj=item, action="checklist_changed", data={"active": active})
    return item


@transaction.atomic
def visit_plan(*, grant, actor, visit_on: date, place: str, team: str, items, indicators: dict | None = None
               ) -> MonitoringVisit:
    """A visit with what it checks: the chosen checklist items, each optionally tied to an indicator of the
    agreement ({item pk: indicator position})."""
    place, team, items = (place or "").strip(), (team or "").strip(), list(items)
    if not place:
        raise ValidationError({"place": _("Say where the visit goes.")})
    if not team:
        raise ValidationError({"team": _("Say who goes.")})
    if not items:
        raise ValidationError({"items": _("Choose at least one item of the checklist.")})
    signed = getattr(getattr(grant, "agreement", None), "signed_at", None)
    earliest = local_date(signed) if signed else grant.starts_on
    if visit_on < earliest or visit_on > grant.ends_on:
        raise ValidationError({"visit_on": _("A visit falls between the signing of the agreement (%(start)s) and the "
                                             "end of the project (%(end)s).") % {
            "start": earliest.strftime("%d.%m.%Y"), "end": grant.ends_on.strftime("%d.%m.%Y")}})
    indicators = indicators or {}
    visit = MonitoringVisit.objects.create(grant=grant, visit_on=visit_on, place=place[:300], team=team[:300],
                                           planned_by=actor)
    VisitFinding.objects.bulk_create(
        VisitFinding(visit=visit, position=n, item_kk=item.text_kk, item_ru=item.text_ru,
                     indicator=indicators.get(item.pk) if indicators.get(item.pk) is not None
                     and 0 <= indicators[item.pk] < len(grant.indicators) else None)
        for n, item in enumerate(items, start=1))
    record(actor=actor, obj=visit, action="visit_planned", to_state=visit.status,
           data={"visit_on": visit_on.isoformat(), "items": len(items)})
    return visit


@transaction.atomic
def visit_record(*, visit: MonitoringVisit, actor, findings: dict, conclusion: str, follow_ups: list,
                 photos: dict | None = None) -> MonitoringVisit:
    """Record what the visit found: {position: (result, note)}, a photo per finding if any, the conclusion and
    follow-up actions [(action, due_on)]. A finding not (fully) confirmed says why."""
    visit = MonitoringVisit.objects.select_for_update(of=("self",)).select_related("grant").get(pk=visit.pk)
    conclusion = (conclusion or "").strip()
    rows = {f.position: f for f in visit.findings.all()}
    errors = {}
    if local_date(timezone.now()) < visit.visit_on:
        raise ValidationError(_("The findings are recorded once the visit has taken place."), code="future")
    for position in rows:
        result, note = findings.get(position, ("", ""))
        if result not in FindingResult.values:
            errors[f"result_{position}"] = _("Choose what the visit found.")
        elif result != FindingResult.CONFIRMED and not (note or "").strip():
            errors[f"note_{position}"] = _("Say what was not confirmed.")
    if not conclusion:
        errors["conclusion"] = _("Write the overall conclusion.")
    actions = [((action or "").strip(), due_on) for action, due_on in follow_ups if (action or "").strip()]
    if any(due_on is None or due_on <= visit.visit_on for _a, due_on in actions):
        errors["follow_ups"] = _("Each follow-up action has a due date after the visit.")
    if errors:
        raise ValidationError(errors)
    for position, finding in rows.items():
        result, note = findings[position]
        finding.result, finding.note = result, (note or "").strip()[:2000]
        photo = (photos or {}).get(position)
        if photo is not None:
            kind = uploads.validate_upload(photo)
            if kind.content_type not in PHOTO_TYPES:
                raise ValidationError({f"photo_{position}": _("A photo is a JPG or PNG image.")})
            finding.photo.save(uploads.safe_name(photo.name, kind), photo, save=False)
        finding.save()
    FollowUp.objects.bulk_create(FollowUp(visit=visit, action=action[:500], due_on=due_on)
                                 for action, due_on in actions)
    visit.conclusion, visit.recorded_at = conclusion, timezone.now()
    transition(visit, to=V.RECORDED, table=TRANSITIONS, actor=actor, update_fields=["conclusion", "recorded_at"],
               data={"follow_ups": len(actions)})
    from ..tasks import render_visit_report

    mail.prepare(render_visit_report, about=visit, visit_pk=visit.pk)
    if actions:
        notifications.follow_ups_set(visit)
    return visit


@transaction.atomic
def visit_render(*, visit_pk: int) -> MonitoringVisit | None:
    from ..pdf import visit_pdf

    visit = MonitoringVisit.objects.select_for_update(of=("self",)).get(pk=visit_pk)
    if visit.status != V.RECORDED or (visit.report_pdf_kk and visit.report_pdf_ru):
        return None
    for language in ("kk", "ru"):
        content = visit_pdf(visit, language)
        getattr(visit, f"report_pdf_{language}").save(f"visit-{visit.pk}-{language}.pdf", ContentFile(content),
                                                        save=False)
    visit.save(update_fields=["report_pdf_kk", "report_pdf_ru", "updated_at"])
    return visit


@transaction.atomic
def follow_up_answer(*, follow_up: FollowUp, actor, answer: str) -> FollowUp:
    follow_up = FollowUp.objects.select_for_update(of=("self",)).select_related("visit").get(pk=follow_up.pk)
    answer = (answer or "").strip()
    if not answer:
        raise ValidationError({"answer": _("Say what the NGO did.")})
    if follow_up.answered_at:
        raise ValidationError(_("This action is answered already."), code="answered")
    follow_up.answer, follow_up.answered_by, follow_up.answered_at = answer[:10_000], actor, timezone.now()
    follow_up.save(update_fields=["answer", "answered_by", "answered_at"])
    record(actor=actor, obj=follow_up.visit, action="follow_up_answered", data={"follow_up": follow_up.pk})
    return follow_up
