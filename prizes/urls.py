from django.urls import path

from .views import council, ngo, public, review, staff

app_name = "prizes"

urlpatterns = [
    # Public (DOMAIN.md: /<lang>/prizes/).
    path("", public.index, name="index"),
    path("winners/", public.winners, name="winners"),
    path("statistics/", public.statistics, name="statistics"),
    path("<int:year>/", public.round_detail, name="round"),
    path("<int:year>/decision-<str:language>.pdf", public.decision_pdf, name="decision_pdf"),
    path("<int:year>/nominations/<int:number>/", public.nomination_detail, name="nomination"),
    path("<int:year>/nominations/<int:number>/propose/", public.propose, name="propose"),
    # NGOs.
    path("my/", ngo.my_awards, name="my_awards"),
    path("<int:year>/nominations/<int:number>/apply/", ngo.apply, name="apply"),
    path("candidacies/<int:pk>/", ngo.candidacy_detail, name="candidacy"),
    path("candidacies/<int:pk>/withdraw/", ngo.candidacy_withdraw, name="withdraw"),
    # Experts of the working group.
    path("expert/", review.my_reviews, name="my_reviews"),
    path("expert/reviews/<int:pk>/", review.review, name="review"),
    # The Coordination Council.
    path("council/<int:year>/", council.meeting, name="council"),
    path("council/<int:year>/open/", council.meeting_open, name="council_open"),
    path("council/<int:year>/attendance/", council.attendance, name="council_attendance"),
    path("council/<int:year>/nominations/<int:number>/decide/", council.decide, name="council_decide"),
    path("council/<int:year>/close/", council.meeting_close, name="council_close"),
    path("council/<int:year>/publish/", council.publish, name="council_publish"),
    # Staff.
    path("staff/", staff.round_list, name="staff_rounds"),
    path("staff/new/", staff.round_create, name="staff_round_create"),
    path("staff/<int:year>/", staff.round_manage, name="staff_round"),
    path("staff/<int:year>/candidacies/", staff.candidacies, name="staff_candidacies"),
    path("staff/<int:year>/group/", review.group, name="staff_group"),
    path("staff/<int:year>/group/draw/", review.group_draw, name="staff_group_draw"),
    path("staff/<int:year>/group/appoint/", review.group_appoint, name="staff_group_appoint"),
    path("staff/<int:year>/edit/", staff.round_edit, name="staff_round_edit"),
    path("staff/<int:year>/announce/", staff.round_announce, name="staff_round_announce"),
    path("staff/<int:year>/review/", staff.round_start_review, name="staff_round_review"),
    path("staff/<int:year>/nominations/defaults/", staff.nominations_defaults, name="staff_nominations_defaults"),
    path("staff/<int:year>/nominations/new/", staff.nomination_create, name="staff_nomination_create"),
    path("staff/<int:year>/nominations/<int:number>/", staff.nomination_edit, name="staff_nomination_edit"),
    path("staff/<int:year>/nominations/<int:number>/delete/", staff.nomination_delete,
         name="staff_nomination_delete"),
]
