from django.urls import path

from .views import evaluation, experts, letters, meetings, panels, public, rubrics, scoring

app_name = "evaluations"

urlpatterns = [
    # Public
    path("experts/apply/", experts.apply, name="expert_apply"),
    path("draws/<int:pk>/", public.draw, name="draw"),
    path("draws/<int:pk>/protocol-<str:language>.pdf", public.draw_protocol, name="draw_protocol"),
    path("minutes/<int:pk>/minutes-<str:language>.pdf", meetings.minutes_pdf, name="minutes_pdf"),
    # Experts: their own assignments only
    path("expert/", scoring.my_assignments, name="my_assignments"),
    path("expert/assignments/<int:pk>/declare/", scoring.declare, name="declare"),
    path("expert/assignments/<int:pk>/", scoring.score, name="score"),
    path("expert/assignments/<int:pk>/autosave/", scoring.autosave, name="autosave"),
    path("expert/assignments/<int:pk>/translation-<str:language>/", scoring.translation_file, name="translation"),
    path("expert/assignments/<int:pk>/documents/<int:document>/", scoring.document_file, name="document"),
    # The commission's meeting: staff, and the chair and secretary of that commission
    path("evaluation/commissions/<int:pk>/meeting/", meetings.meeting, name="meeting"),
    path("evaluation/commissions/<int:pk>/meeting/lots/<str:lot>/", meetings.decide, name="decide"),
    path("evaluation/commissions/<int:pk>/meeting/close/", meetings.close, name="meeting_close"),
    path("evaluation/commissions/<int:pk>/meeting/publish/", meetings.publish, name="meeting_publish"),
    # Staff: the register
    path("staff/experts/", experts.register, name="register"),
    path("staff/experts/<int:pk>/", experts.expert_detail, name="expert_detail"),
    path("staff/experts/<int:pk>/decide/", experts.expert_decide_view, name="expert_decide"),
    path("staff/experts/<int:pk>/cv/", experts.expert_cv, name="expert_cv"),
    # Staff: rubrics, commissions, draws, scoring and letters
    path("staff/evaluation/", panels.calls, name="calls"),
    path("staff/evaluation/rubrics/", rubrics.templates, name="rubric_templates"),
    path("staff/evaluation/rubrics/<int:pk>/", rubrics.edit, name="rubric_edit"),
    path("staff/evaluation/rubrics/<int:pk>/copy/", rubrics.copy_from, name="rubric_copy"),
    path("staff/evaluation/calls/<slug:call>/", panels.call_overview, name="call_overview"),
    path("staff/evaluation/calls/<slug:call>/rubric/", rubrics.start, name="rubric_start"),
    path("staff/evaluation/calls/<slug:call>/commissions/new/", panels.panel_new, name="panel_new"),
    path("staff/evaluation/calls/<slug:call>/translations/", evaluation.translations, name="translations"),
    path("staff/evaluation/calls/<slug:call>/letters/", letters.outbox, name="outbox"),
    path("staff/evaluation/calls/<slug:call>/letters/send/", letters.send_all, name="send_all"),
    path("staff/evaluation/commissions/<int:pk>/", panels.panel_detail, name="panel_detail"),
    path("staff/evaluation/commissions/<int:pk>/draw/", panels.panel_draw_view, name="panel_draw"),
    path("staff/evaluation/commissions/<int:pk>/officers/", panels.panel_officers, name="panel_officers"),
    path("staff/evaluation/commissions/<int:pk>/deadline/", panels.panel_deadline, name="panel_deadline"),
    path("staff/evaluation/commissions/<int:pk>/assign/", evaluation.assign, name="panel_assign"),
    path("staff/evaluation/commissions/<int:pk>/progress/", evaluation.progress, name="progress"),
    path("staff/evaluation/lots/<str:lot>/ranking/", evaluation.ranking, name="ranking"),
    path("staff/evaluation/letters/<int:pk>/", letters.letter, name="letter"),
    path("staff/evaluation/letters/<int:pk>/send/", letters.send, name="letter_send"),
]
