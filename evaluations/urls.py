from django.urls import path

from .views import experts, panels, public, rubrics

app_name = "evaluations"

urlpatterns = [
    # Public
    path("experts/apply/", experts.apply, name="expert_apply"),
    path("draws/<int:pk>/", public.draw, name="draw"),
    path("draws/<int:pk>/protocol-<str:language>.pdf", public.draw_protocol, name="draw_protocol"),
    # Staff: the register
    path("staff/experts/", experts.register, name="register"),
    path("staff/experts/<int:pk>/", experts.expert_detail, name="expert_detail"),
    path("staff/experts/<int:pk>/decide/", experts.expert_decide_view, name="expert_decide"),
    path("staff/experts/<int:pk>/cv/", experts.expert_cv, name="expert_cv"),
    # Staff: rubrics, commissions and draws
    path("staff/evaluation/", panels.calls, name="calls"),
    path("staff/evaluation/rubrics/", rubrics.templates, name="rubric_templates"),
    path("staff/evaluation/rubrics/<int:pk>/", rubrics.edit, name="rubric_edit"),
    path("staff/evaluation/rubrics/<int:pk>/copy/", rubrics.copy_from, name="rubric_copy"),
    path("staff/evaluation/calls/<slug:call>/", panels.call_overview, name="call_overview"),
    path("staff/evaluation/calls/<slug:call>/rubric/", rubrics.start, name="rubric_start"),
    path("staff/evaluation/calls/<slug:call>/commissions/new/", panels.panel_new, name="panel_new"),
    path("staff/evaluation/commissions/<int:pk>/", panels.panel_detail, name="panel_detail"),
    path("staff/evaluation/commissions/<int:pk>/draw/", panels.panel_draw_view, name="panel_draw"),
    path("staff/evaluation/commissions/<int:pk>/officers/", panels.panel_officers, name="panel_officers"),
]
