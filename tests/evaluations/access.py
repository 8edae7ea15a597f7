"""Who may open each page of expert evaluation. The world's experts sit on a drawn commission of a closed call."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from evaluations.choices import ExpertStatus, Nominator
from evaluations.models import (
    ApplicationTranslation,
    Assignment,
    ConflictDeclaration,
    Expert,
    Meeting,
    Panel,
    ResultLetter,
    Rubric,
)
from evaluations.services.assignments import assignment_declare, panel_assign
from evaluations.services.panels import draw_publish_protocol, panel_create, panel_draw, panel_set_officers
from grants.models import ApplicationDocument
from tests.harness import Page
from tests.world import EVERYONE, SIGNED_IN, make_user

from . import factories as f

EVALUATION_MANAGERS = frozenset({"call_manager", "operator_admin"})
EVALUATION_READERS = EVALUATION_MANAGERS | {"auditor"}
EXPERTS = frozenset({"expert", "other_expert"})
CHAIR = frozenset({"expert"})


def pdf(name="cv.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def to_panel(w):
    return reverse("evaluations:panel_detail", kwargs={"pk": w.panel.pk})


def to_meeting(w):
    return reverse("evaluations:meeting", kwargs={"pk": w.panel.pk})


def to_rubric(w):
    return reverse("evaluations:rubric_edit", kwargs={"pk": w.eval_rubric.pk})


def to_outbox(w):
    return reverse("evaluations:outbox", kwargs={"call": w.eval_call.code})


def build(world):
    users = world.users
    education = f.sphere("evaluation-world", "Әлем")
    world.objects["expert_profile"] = f.expert(user=users["expert"], spheres=[education])
    world.objects["other_expert_profile"] = f.expert(
        user=users["other_expert"], spheres=[education], nominated_by=Nominator.NGO, nominating_ngo=world.ngo_b
    )
    extra = [
        f.expert(user=make_user(f"drawn{n}@example.kz", full_name=f"Сарапшы {n}"), spheres=[education])
        for n in range(4)
    ]
    call = f.call()
    world.objects["eval_call"] = call
    world.objects["eval_lot"] = f.lot(call)
    world.objects["eval_rubric"] = f.rubric(call)
    world.objects["rubric_template"] = f.rubric()
    # Six members and no reserve: whatever the seed, the world's two experts are on the commission.
    panel = panel_create(call=call, actor=users["call_manager"], sphere=education, size=6, reserves=0)
    draw = panel_draw(panel=panel, actor=users["call_manager"], observers="Observer", seed="world")
    seats = {s.expert_id: s for s in panel.members.all()}
    panel_set_officers(panel=panel, actor=users["call_manager"], chair=seats[world.expert_profile.pk])
    draw_publish_protocol(draw=draw)
    world.objects["panel"] = panel
    world.objects["draw"] = draw
    world.objects["extra_experts"] = extra

    application = f.admitted_application(world.eval_lot, ngo_=world.ngo_a, language="kk")
    panel_assign(panel=panel, actor=users["call_manager"])
    mine = Assignment.objects.get(application=application, expert=world.expert_profile)
    assignment_declare(assignment=mine, actor=users["expert"], has_conflict=False)
    world.objects["eval_application"] = application
    world.objects["expert_assignment"] = mine
    world.objects["other_assignment"] = Assignment.objects.get(application=application,
                                                               expert=world.other_expert_profile)
    translation = ApplicationTranslation(application=application, language="ru", uploaded_by=users["call_manager"])
    translation.file.save("translation.pdf", ContentFile(b"%PDF-1.4 translation"), save=True)
    document = ApplicationDocument(application=application, kind="charter", name="charter.pdf",
                                   content_type="application/pdf", size=20, sha256="0" * 64,
                                   uploaded_at=timezone.now())
    document.file.save("charter.pdf", ContentFile(b"%PDF-1.4 charter"), save=True)
    world.objects["eval_document"] = document
    world.objects["education"] = education
    # A meeting already held and published, its files stand-ins: access, not content, is tested here.
    meeting = Meeting.objects.create(panel=panel, held_at=timezone.now(), place="Астана", status="published",
                                     published_at=timezone.now())
    for language in ("kk", "ru"):
        getattr(meeting, f"minutes_{language}").save(f"m-{language}.pdf", ContentFile(b"%PDF-1.4 m"), save=False)
    meeting.save()
    world.objects["meeting"] = meeting
    world.objects["letter"] = ResultLetter.objects.create(
        application=application, meeting=meeting, language="kk", subject="Шешім", body="Мәтін"
    )


BUILDERS = [build]

PAGES = [
    # Anyone signed in without a profile applies; an expert (and anonymous) get the page, and nothing changes.
    Page("evaluations:expert_apply", EVERYONE, post=SIGNED_IN - EXPERTS, post_refused=(200,), post_data=lambda w: {
        "full_name": "Жанар Сейітова", "region": w.ngo_a.region_id, "spheres": [w.education.pk], "languages": ["kk"],
        "nominated_by": Nominator.OPERATOR, "position": "Әлеуметтанушы", "experience": "10 жыл", "cv": pdf(),
        "consent": "on",
    }, post_redirect=lambda w: reverse("evaluations:expert_apply"),
         post_effect=lambda w: Expert.objects.filter(user__full_name="Жанар Сейітова").exists()),
    Page("evaluations:draw", EVERYONE, kwargs=lambda w: {"pk": w.draw.pk}),
    Page("evaluations:draw_protocol", EVERYONE, kwargs=lambda w: {"pk": w.draw.pk, "language": "ru"}),
    Page("evaluations:register", EVALUATION_READERS),
    Page("evaluations:expert_detail", EVALUATION_READERS, kwargs=lambda w: {"pk": w.expert_profile.pk}),
    Page("evaluations:expert_decide", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.expert_profile.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,),
         post_data=lambda w: {"status": ExpertStatus.SUSPENDED, "note": "Мүдделер қақтығысы анықталды"},
         post_redirect=lambda w: reverse("evaluations:expert_detail", kwargs={"pk": w.expert_profile.pk}),
         post_effect=lambda w: Expert.objects.filter(pk=w.expert_profile.pk, status=ExpertStatus.SUSPENDED).exists()),
    Page("evaluations:expert_cv", EVALUATION_READERS | {"expert"}, kwargs=lambda w: {"pk": w.expert_profile.pk}),
    Page("evaluations:calls", EVALUATION_READERS),
    Page("evaluations:rubric_templates", EVALUATION_READERS, post=EVALUATION_MANAGERS, post_refused=(403,),
         post_data=lambda w: {"name_kk": "Жастар жобалары", "name_ru": "Молодёжные проекты"},
         post_effect=lambda w: Rubric.objects.filter(name_ru="Молодёжные проекты").exists()),
    Page("evaluations:rubric_edit", EVALUATION_READERS, kwargs=lambda w: {"pk": w.eval_rubric.pk},
         post=EVALUATION_MANAGERS, post_refused=(403,), post_status=400),
    Page("evaluations:rubric_copy", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.eval_rubric.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,),
         post_data=lambda w: {"source": w.rubric_template.pk}, post_redirect=to_rubric),
    Page("evaluations:call_overview", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code}),
    # The call has its rubric already: starting one leads to it.
    Page("evaluations:rubric_start", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,)),
    Page("evaluations:panel_new", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code},
         post=EVALUATION_MANAGERS, post_refused=(403,), post_status=400),
    Page("evaluations:panel_detail", EVALUATION_READERS, kwargs=lambda w: {"pk": w.panel.pk}),
    # The commission is drawn and assigned: a second draw is refused on the form.
    Page("evaluations:panel_draw", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_status=400,
         post_data=lambda w: {"observers": "Бақылаушы", "seed": "again"}),
    Page("evaluations:panel_officers", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_status=400),
    Page("evaluations:panel_deadline", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_redirect=to_panel,
         post_data=lambda w: {"day": (timezone.localdate() + timedelta(days=14)).isoformat()},
         post_effect=lambda w: Panel.objects.filter(pk=w.panel.pk, deadline__isnull=False).exists()),
    Page("evaluations:panel_assign", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_redirect=to_panel),
    Page("evaluations:progress", EVALUATION_READERS, kwargs=lambda w: {"pk": w.panel.pk}),
    Page("evaluations:translations", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code},
         post=EVALUATION_MANAGERS, post_refused=(403,), post_data=lambda w: {
             "application": w.eval_application.pk, f"t{w.eval_application.pk}-language": "ru",
             f"t{w.eval_application.pk}-file": pdf("translation-2.pdf"),
         }, post_redirect=lambda w: reverse("evaluations:translations", kwargs={"call": w.eval_call.code})),
    Page("evaluations:ranking", EVALUATION_READERS, kwargs=lambda w: {"lot": w.eval_lot.code}),
    Page("evaluations:outbox", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code}),
    Page("evaluations:send_all", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_redirect=to_outbox,
         post_effect=lambda w: not ResultLetter.objects.filter(pk=w.letter.pk, status="draft").exists()),
    Page("evaluations:letter", EVALUATION_READERS, kwargs=lambda w: {"pk": w.letter.pk}, post=EVALUATION_MANAGERS,
         post_refused=(403,), post_data=lambda w: {"subject": "Комиссия шешімі", "body": "Құрметті өтініш беруші"},
         post_redirect=lambda w: reverse("evaluations:letter", kwargs={"pk": w.letter.pk}),
         post_effect=lambda w: ResultLetter.objects.filter(pk=w.letter.pk, subject="Комиссия шешімі").exists()),
    Page("evaluations:letter_send", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.letter.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS, post_refused=(403,), post_redirect=to_outbox,
         post_effect=lambda w: not ResultLetter.objects.filter(pk=w.letter.pk, status="draft").exists()),
    # Experts: their own assignments only; another expert's is a 404, staff included.
    Page("evaluations:my_assignments", frozenset({"expert", "other_expert"})),
    Page("evaluations:score", CHAIR, kwargs=lambda w: {"pk": w.expert_assignment.pk}, post=CHAIR,
         post_data=lambda w: {"action": "save"},
         post_redirect=lambda w: reverse("evaluations:score", kwargs={"pk": w.expert_assignment.pk})),
    Page("evaluations:declare", frozenset({"other_expert"}), kwargs=lambda w: {"pk": w.other_assignment.pk},
         post=frozenset({"other_expert"}), post_data=lambda w: {"has_conflict": "no"},
         post_redirect=lambda w: reverse("evaluations:score", kwargs={"pk": w.other_assignment.pk}),
         post_effect=lambda w: ConflictDeclaration.objects.filter(assignment=w.other_assignment).exists()),
    Page("evaluations:autosave", CHAIR, kwargs=lambda w: {"pk": w.expert_assignment.pk},
         status=405, refused=(403, 404, 405), post=CHAIR, post_status=200, post_data=lambda w: {}),
    Page("evaluations:translation", frozenset({"expert"}),
         kwargs=lambda w: {"pk": w.expert_assignment.pk, "language": "ru"}),
    Page("evaluations:document", frozenset({"expert"}),
         kwargs=lambda w: {"pk": w.expert_assignment.pk, "document": w.eval_document.pk}),
    # The meeting: staff, and the commission's chair (the world's expert); not its other members.
    # The world's meeting is held and published: what those who run it post is refused with a reason.
    Page("evaluations:meeting", EVALUATION_READERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk},
         post=EVALUATION_MANAGERS | CHAIR, post_refused=(403,), post_status=400),
    Page("evaluations:decide", EVALUATION_MANAGERS | {"expert"},
         kwargs=lambda w: {"pk": w.panel.pk, "lot": w.eval_lot.code}, status=405, refused=(403, 405),
         post=EVALUATION_MANAGERS | CHAIR, post_refused=(403,), post_status=400),
    Page("evaluations:meeting_close", EVALUATION_MANAGERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS | CHAIR, post_refused=(403,),
         post_redirect=to_meeting),
    Page("evaluations:meeting_publish", EVALUATION_MANAGERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405), post=EVALUATION_MANAGERS | CHAIR, post_refused=(403,),
         post_redirect=to_meeting),
    Page("evaluations:minutes_pdf", EVERYONE, kwargs=lambda w: {"pk": w.meeting.pk, "language": "kk"}),
]
