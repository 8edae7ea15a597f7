"""Who may open each monitoring page. NGO A has a running grant: its interim report is submitted (round 1, with
its receipt) and waits for the monitoring officer; its final report is a complete draft with one evidence file.
NGO B's member never sees either (404)."""

from django.urls import reverse

from monitoring.choices import ReportKind, ReportStatus, Section
from monitoring.models import GrantReport, ReportFile
from monitoring.services import report_add_file, report_render_receipt, report_submit
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
]
