"""Who may open each monitoring page. NGO A has a running grant: its interim report is submitted (round 1, with
its receipt) and waits for the monitoring officer; its final report is a complete draft with one evidence file.
NGO B's member never sees either (404)."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from agreements.services import payment_record
from monitoring.choices import FindingResult, ReportKind, ReportStatus, Section
from monitoring.models import ChecklistItem, EfficiencyEvaluation, FollowUp, GrantReport, MonitoringVisit, ReportFile
from monitoring.services import (
    checklist_add,
    efficiency_publish,
    efficiency_render,
    efficiency_score,
    report_add_file,
    report_render_receipt,
    report_review,
    report_submit,
    review_render,
    visit_plan,
    visit_record,
    visit_render,
)
from tests.harness import Page
from tests.world import NGO_A, STAFF

from . import factories as f

HEAD = frozenset({"ngo_head"})
OFFICER = frozenset({"monitoring_officer"})
POST_ONLY = {"status": 405, "refused": (403, 404, 405)}


def build(world):
    head = world.users["ngo_head"]
    grant = f.running_grant(ngo=world.ngo_a, operator=world.users["operator_admin"])
    interim = f.fill(f.report_of(grant, ReportKind.INTERIM), head)
    submission = report_submit(report=interim, actor=head)
    report_render_receipt(submission_pk=submission.pk)
    final = f.fill(f.report_of(grant, ReportKind.FINAL), head, achieved="100")
    world.objects["evidence"] = report_add_file(report=final, section=Section.INDICATORS, kind="document",
                                                upload=f.upload(), position=0, actor=head)
    world.objects["interim"], world.objects["final"] = interim, final
    world.objects["grant"] = grant
    officer = world.users["monitoring_officer"]
    items = [checklist_add(actor=officer, text_kk="Тізім", text_ru="Список"),
             checklist_add(actor=officer, text_kk="Зал", text_ru="Зал")]
    world.objects["item"] = items[1]
    today = timezone.localdate()
    recorded = visit_plan(grant=grant, actor=officer, visit_on=today, place="Шымкент", team="Оспанов",
                          items=items, indicators={items[0].pk: 0})
    visit_record(visit=recorded, actor=officer, conclusion="Расталды", follow_ups=[("Тізім жіберу", today + timedelta(
        days=5))], findings={1: (FindingResult.NOT_CONFIRMED, "Жоқ"), 2: (FindingResult.CONFIRMED, "")})
    visit_render(visit_pk=recorded.pk)
    world.objects["visit"], world.objects["follow_up"] = recorded, recorded.follow_ups.get()
    world.objects["planned"] = visit_plan(grant=grant, actor=officer, visit_on=today, place="Түркістан",
                                          team="Оспанов", items=items)
    # A completed grant of a call the world's customer represents, its operator side scored, not published.
    done = f.running_grant(ngo=world.ngo_a, operator=world.users["operator_admin"])
    done.call.customer.representatives.add(world.users["customer"])
    first = done.tranches.get(position=1)
    payment_record(tranche=first, actor=world.users["finance_officer"], paid_on=today, amount=first.amount,
                   order_number="ПП-9")
    last = f.fill(f.report_of(done, ReportKind.FINAL), head, achieved="100")
    report_submit(report=last, actor=head)
    report_review(report=last, actor=officer, accept=True)
    efficiency_score(grant=done, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)
    world.objects["completed"] = done
    # An earlier completed grant whose evaluation is published, with its documents, and a reviewed round.
    published = f.running_grant(ngo=world.ngo_a, operator=world.users["operator_admin"])
    first = published.tranches.get(position=1)
    payment_record(tranche=first, actor=world.users["finance_officer"], paid_on=today, amount=first.amount,
                   order_number="ПП-10")
    last = f.fill(f.report_of(published, ReportKind.FINAL), head, achieved="100")
    report_submit(report=last, actor=head)
    review_render(review_pk=report_review(report=last, actor=officer, accept=True).pk)
    efficiency_score(grant=published, actor=officer, side="operator", scores=SCORES, comments=COMMENTS)
    efficiency_publish(grant=published, actor=officer)
    efficiency_render(grant_pk=published.pk)
    world.objects["published"], world.objects["reviewed"] = published, last


SCORES = {"relevance": 5, "plan": 4, "results": 4, "continuation": 3, "impact": 4}
COMMENTS = {code: "Негіздеме" for code in SCORES}
BUILDERS = [build]


def _final(world):
    return {"pk": world.final.pk}


def _interim(world):
    return {"pk": world.interim.pk}


def _report_url(name):
    return lambda w: reverse("monitoring:report", kwargs={"pk": getattr(w, name).pk})


def _status(name, value):
    return lambda w: GrantReport.objects.filter(pk=getattr(w, name).pk, status=value).exists()


PAGES = [
    Page("monitoring:mine", NGO_A | {"other_ngo_member"}),
    Page("monitoring:report", STAFF | NGO_A, kwargs=_final),
    # Staff read the report but do not edit it: the section sends them back to the report (302).
    Page("monitoring:section", NGO_A, kwargs=lambda w: {**_final(w), "section": Section.NARRATIVE},
         refused=(302, 403, 404), post=NGO_A, post_refused=(302, 403, 404),
         post_data=lambda w: {"version": GrantReport.objects.get(pk=w.final.pk).versions.get("narrative", 0),
                              "done": "Жаңа мәтін", "changed": "", "problems": ""},
         post_redirect=_report_url("final"),
         post_effect=lambda w: GrantReport.objects.get(pk=w.final.pk).content["narrative"]["done"] == "Жаңа мәтін"),
    Page("monitoring:file_add", NGO_A, kwargs=_final, **POST_ONLY, post=NGO_A,
         post_data=lambda w: {"section": "indicators", "position": "1", "kind": "photo",
                              "upload": f.upload("photo.png", f.PNG)},
         post_effect=lambda w: ReportFile.objects.filter(report=w.final, position=1).exists()),
    Page("monitoring:file", STAFF | NGO_A, kwargs=lambda w: {**_final(w), "file": w.evidence.pk}),
    Page("monitoring:file_remove", NGO_A, kwargs=lambda w: {**_final(w), "file": w.evidence.pk}, **POST_ONLY,
         post=NGO_A, post_effect=lambda w: not ReportFile.objects.filter(pk=w.evidence.pk).exists()),
    Page("monitoring:submit", HEAD, kwargs=_final, **POST_ONLY, post=HEAD, post_redirect=_report_url("final"),
         post_effect=_status("final", ReportStatus.SUBMITTED)),
    Page("monitoring:receipt", STAFF | NGO_A, kwargs=lambda w: {**_interim(w), "round": 1}),
    Page("monitoring:review", OFFICER, kwargs=_interim, post=OFFICER,
         post_data=lambda w: {"decision": "changes", "comment_indicators": "Дәлелдерді қосыңыз"},
         post_redirect=_report_url("interim"), post_effect=_status("interim", ReportStatus.CHANGES_REQUESTED)),
    Page("monitoring:queue", STAFF),
    Page("monitoring:review_pdf", STAFF | NGO_A, kwargs=lambda w: {"pk": w.reviewed.pk, "round": 1}),
    Page("monitoring:efficiency_pdf", STAFF | NGO_A, kwargs=lambda w: {"number": w.published.number,
                                                                       "language": "kk"}),
    Page("monitoring:grant", STAFF | NGO_A, kwargs=lambda w: {"number": w.grant.number}),
    # The customer represents the completed grant's call; the monitoring officer scores for the operator.
    Page("monitoring:efficiency", OFFICER | {"customer"}, kwargs=lambda w: {"number": w.completed.number},
         post=OFFICER | {"customer"},
         post_data=lambda w: {**{f"score_{c}": "4" for c in SCORES}, **{f"comment_{c}": "Жақсы" for c in SCORES}},
         post_redirect=lambda w: reverse("monitoring:grant", kwargs={"number": w.completed.number}),
         post_effect=lambda w: EfficiencyEvaluation.objects.filter(grant=w.completed, scores__plan=4,
                                                                   comments__plan="Жақсы").exists()),
    Page("monitoring:publish", OFFICER, kwargs=lambda w: {"number": w.completed.number}, **POST_ONLY, post=OFFICER,
         post_effect=lambda w: EfficiencyEvaluation.objects.filter(grant=w.completed,
                                                                   published_at__isnull=False).exists()),
    Page("monitoring:visit", STAFF | NGO_A, kwargs=lambda w: {"pk": w.visit.pk}),
    Page("monitoring:answer", NGO_A, kwargs=lambda w: {"pk": w.visit.pk, "follow_up": w.follow_up.pk}, **POST_ONLY,
         post=NGO_A, post_data=lambda w: {"answer": "Жіберілді"},
         post_effect=lambda w: FollowUp.objects.filter(pk=w.follow_up.pk, answered_at__isnull=False).exists()),
    Page("monitoring:visit_pdf", STAFF | NGO_A, kwargs=lambda w: {"pk": w.visit.pk, "language": "ru"}),
    Page("monitoring:visit_new", OFFICER, kwargs=lambda w: {"number": w.grant.number}, post=OFFICER,
         post_data=lambda w: {"visit_on": timezone.localdate().isoformat(), "place": "Кентау", "team": "Оспанов",
                              f"item_{w.item.pk}": "on"},
         post_effect=lambda w: MonitoringVisit.objects.filter(grant=w.grant, place="Кентау").exists()),
    Page("monitoring:visit_record", OFFICER, kwargs=lambda w: {"pk": w.planned.pk}, post=OFFICER,
         post_data=lambda w: {"result_1": "confirmed", "result_2": "partly", "note_2": "Ішінара",
                              "conclusion": "Жалпы расталды"},
         post_redirect=lambda w: reverse("monitoring:visit", kwargs={"pk": w.planned.pk}),
         post_effect=lambda w: MonitoringVisit.objects.filter(pk=w.planned.pk, status="recorded").exists()),
    Page("monitoring:checklist", OFFICER, post=OFFICER, post_data=lambda w: {"text_kk": "Жаңа", "text_ru": "Новый"},
         post_effect=lambda w: ChecklistItem.objects.filter(text_ru="Новый").exists()),
    Page("monitoring:checklist_toggle", OFFICER, kwargs=lambda w: {"item": w.item.pk}, **POST_ONLY, post=OFFICER,
         post_effect=lambda w: ChecklistItem.objects.filter(pk=w.item.pk, active=False).exists()),
]
