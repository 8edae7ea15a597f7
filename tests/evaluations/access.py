"""Who may open each page of expert evaluation. The world's experts sit on a drawn commission of a closed call."""

from evaluations.choices import Nominator
from evaluations.services.panels import draw_publish_protocol, panel_create, panel_draw, panel_set_officers
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
        user=users["other_expert"], spheres=[education], nominated_by=Nominator.NGO
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
    panel = panel_create(call=call, actor=users["call_manager"], sphere=education)
    # Seeds are chosen by the draw; to put the world's two experts on the panel, draw exactly six.
    draw = panel_draw(panel=panel, actor=users["call_manager"], observers="Observer", seed="world")
    seats = {s.expert_id: s for s in panel.members.all()}
    assert len(seats) == 6 and world.expert_profile.pk in seats and world.other_expert_profile.pk in seats
    chair = seats[world.expert_profile.pk]
    if chair.role == "reserve":
        chair = next(s for s in seats.values() if s.role != "reserve")
    panel_set_officers(panel=panel, actor=users["call_manager"], chair=chair)
    draw_publish_protocol(draw=draw)
    world.objects["panel"] = panel
    world.objects["draw"] = draw
    world.objects["extra_experts"] = extra


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
]
