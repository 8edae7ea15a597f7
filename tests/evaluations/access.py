"""Who may open each page of expert evaluation. The world's experts sit on a drawn commission of a closed call."""

from django.core.files.base import ContentFile
from django.utils import timezone

from evaluations.choices import Nominator
from evaluations.models import ApplicationTranslation, Assignment, Meeting, ResultLetter
from evaluations.services.assignments import assignment_declare, panel_assign
from evaluations.services.panels import draw_publish_protocol, panel_create, panel_draw, panel_set_officers
from grants.models import ApplicationDocument
from tests.harness import Page
from tests.world import EVERYONE, make_user

from . import factories as f

EVALUATION_MANAGERS = frozenset({"call_manager", "operator_admin"})
EVALUATION_READERS = EVALUATION_MANAGERS | {"auditor"}


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
    Page("evaluations:expert_apply", EVERYONE),
    Page("evaluations:draw", EVERYONE, kwargs=lambda w: {"pk": w.draw.pk}),
    Page("evaluations:draw_protocol", EVERYONE, kwargs=lambda w: {"pk": w.draw.pk, "language": "ru"}),
    Page("evaluations:register", EVALUATION_READERS),
    Page("evaluations:expert_detail", EVALUATION_READERS, kwargs=lambda w: {"pk": w.expert_profile.pk}),
    Page("evaluations:expert_decide", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.expert_profile.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:expert_cv", EVALUATION_READERS | {"expert"}, kwargs=lambda w: {"pk": w.expert_profile.pk}),
    Page("evaluations:calls", EVALUATION_READERS),
    Page("evaluations:rubric_templates", EVALUATION_READERS),
    Page("evaluations:rubric_edit", EVALUATION_READERS, kwargs=lambda w: {"pk": w.eval_rubric.pk}),
    Page("evaluations:rubric_copy", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.eval_rubric.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:call_overview", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code}),
    Page("evaluations:rubric_start", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code},
         status=405, refused=(403, 405)),
    Page("evaluations:panel_new", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code}),
    Page("evaluations:panel_detail", EVALUATION_READERS, kwargs=lambda w: {"pk": w.panel.pk}),
    Page("evaluations:panel_draw", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:panel_officers", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:panel_assign", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:progress", EVALUATION_READERS, kwargs=lambda w: {"pk": w.panel.pk}),
    Page("evaluations:translations", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code}),
    Page("evaluations:ranking", EVALUATION_READERS, kwargs=lambda w: {"lot": w.eval_lot.code}),
    Page("evaluations:outbox", EVALUATION_READERS, kwargs=lambda w: {"call": w.eval_call.code}),
    Page("evaluations:send_all", EVALUATION_MANAGERS, kwargs=lambda w: {"call": w.eval_call.code},
         status=405, refused=(403, 405)),
    Page("evaluations:letter", EVALUATION_READERS, kwargs=lambda w: {"pk": w.letter.pk}),
    Page("evaluations:letter_send", EVALUATION_MANAGERS, kwargs=lambda w: {"pk": w.letter.pk},
         status=405, refused=(403, 405)),
    # Experts: their own assignments only; another expert's is a 404, staff included.
    Page("evaluations:my_assignments", frozenset({"expert", "other_expert"})),
    Page("evaluations:score", frozenset({"expert"}), kwargs=lambda w: {"pk": w.expert_assignment.pk}),
    Page("evaluations:declare", frozenset({"other_expert"}), kwargs=lambda w: {"pk": w.other_assignment.pk}),
    Page("evaluations:autosave", frozenset({"expert"}), kwargs=lambda w: {"pk": w.expert_assignment.pk},
         status=405, refused=(403, 404, 405)),
    Page("evaluations:translation", frozenset({"expert"}),
         kwargs=lambda w: {"pk": w.expert_assignment.pk, "language": "ru"}),
    Page("evaluations:document", frozenset({"expert"}),
         kwargs=lambda w: {"pk": w.expert_assignment.pk, "document": w.eval_document.pk}),
    # The meeting: staff, and the commission's chair (the world's expert); not its other members.
    Page("evaluations:meeting", EVALUATION_READERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk}),
    Page("evaluations:decide", EVALUATION_MANAGERS | {"expert"},
         kwargs=lambda w: {"pk": w.panel.pk, "lot": w.eval_lot.code}, status=405, refused=(403, 405)),
    Page("evaluations:meeting_close", EVALUATION_MANAGERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:meeting_publish", EVALUATION_MANAGERS | {"expert"}, kwargs=lambda w: {"pk": w.panel.pk},
         status=405, refused=(403, 405)),
    Page("evaluations:minutes_pdf", EVERYONE, kwargs=lambda w: {"pk": w.meeting.pk, "language": "kk"}),
]
