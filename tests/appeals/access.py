"""Who may open each appeals page. NGO A (its head is the world's ngo_head) has three decisions: a not admitted
application it has not appealed yet, a not funded one whose appeal waits for review (with a file), and a not
funded one whose upheld appeal waits for its final decision after the reserve expert scored. The monitoring
officer is designated to the appeals commission; NGO B never sees NGO A's appeals."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from appeals import services
from appeals.choices import AppealStatus, Verdict
from appeals.models import Appeal, CommissionMember
from evaluations.choices import AssignmentStatus
from evaluations.models import Assignment
from tests.harness import Page
from tests.world import NGO_A, SIGNED_IN, STAFF

from .factories import PDF, REASON, not_admitted, not_funded

HEAD = frozenset({"ngo_head"})
COMMISSION = frozenset({"operator_admin", "monitoring_officer"})
ADMIN = frozenset({"operator_admin"})


def build(world):
    head, admin = world.users["ngo_head"], world.users["operator_admin"]
    CommissionMember.objects.create(user=world.users["monitoring_officer"], added_by=admin, added_at=timezone.now())
    world.objects["appealable"], _head = not_admitted(ngo=world.ngo_a, head=head)
    waiting, _head, _panel = not_funded(ngo=world.ngo_a, head=head)
    appeal = services.appeal_file(application=waiting, actor=head, reason=REASON,
                                  files=[SimpleUploadedFile("proof.pdf", PDF, content_type="application/pdf")])
    world.objects["appeal"] = appeal
    world.objects["appeal_file"] = appeal.files.get()
    reevaluated, _head, _panel = not_funded(ngo=world.ngo_a, head=head)
    upheld = services.appeal_file(application=reevaluated, actor=head, reason=REASON)
    upheld = services.appeal_review(appeal=upheld, actor=admin, verdict=Verdict.UPHOLD, question="Сұрақ?",
                                    answer="Жауап.", rationale="Негіздеме.")
    Assignment.objects.filter(pk=upheld.reevaluation_id).update(status=AssignmentStatus.SUBMITTED)
    for language in ("kk", "ru"):  # stand-ins: access, not content, is tested here (test_appeals renders them)
        upheld.letter_in(language).save(f"letter-{language}.pdf", ContentFile(PDF), save=False)
    upheld.save(update_fields=["letter_kk", "letter_ru"])
    world.objects["appeal_upheld"] = upheld


BUILDERS = [build]


def _detail(name):
    return lambda w: reverse("appeals:detail", kwargs={"pk": getattr(w, name).pk})


def _status(name, status):
    return lambda w: Appeal.objects.filter(pk=getattr(w, name).pk, status=status).exists()


PAGES = [
    Page("appeals:mine", SIGNED_IN),
    Page("appeals:new", HEAD, kwargs=lambda w: {"application": w.appealable.pk}, post=HEAD,
         post_data=lambda w: {"reason": REASON}, post_redirect=lambda w: "/kk/appeals/",
         post_effect=lambda w: Appeal.objects.filter(application=w.appealable).exists()),
    Page("appeals:detail", NGO_A | STAFF, kwargs=lambda w: {"pk": w.appeal.pk}),
    Page("appeals:attachment", NGO_A | STAFF, kwargs=lambda w: {"pk": w.appeal.pk, "file": w.appeal_file.pk}),
    Page("appeals:letter", NGO_A | STAFF, kwargs=lambda w: {"pk": w.appeal_upheld.pk, "language": "kk"}),
    Page("appeals:review", COMMISSION, kwargs=lambda w: {"pk": w.appeal.pk}, status=405, refused=(403, 404, 405),
         post=COMMISSION, post_refused=(403, 404), post_redirect=_detail("appeal"),
         post_data=lambda w: {"question": "Рәсім сақталды ма?", "answer": "Иә.", "verdict": Verdict.REJECT,
                              "rationale": "Рәсім сақталған."},
         post_effect=_status("appeal", AppealStatus.REJECTED)),
    Page("appeals:finalise", COMMISSION, kwargs=lambda w: {"pk": w.appeal_upheld.pk}, status=405,
         refused=(403, 404, 405), post=COMMISSION, post_refused=(403, 404), post_redirect=_detail("appeal_upheld"),
         post_data=lambda w: {"verdict": "stands", "final_rationale": "Жаңа баға шешімді өзгертпейді."},
         post_effect=_status("appeal_upheld", AppealStatus.DECISION_STANDS)),
    Page("appeals:staff_list", STAFF),
    Page("appeals:commission", ADMIN, post=ADMIN, post_data=lambda w: {"email": "finance_officer@example.kz"},
         post_redirect=lambda w: reverse("appeals:commission"),
         post_effect=lambda w: CommissionMember.objects.filter(user=w.users["finance_officer"]).exists()),
    Page("appeals:commission_remove", ADMIN,
         kwargs=lambda w: {"pk": CommissionMember.objects.get(user=w.users["monitoring_officer"]).pk},
         status=405, refused=(403,), post=ADMIN, post_redirect=lambda w: reverse("appeals:commission"),
         post_effect=lambda w: not CommissionMember.objects.filter(user=w.users["monitoring_officer"]).exists()),
]
