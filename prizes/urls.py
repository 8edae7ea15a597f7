from django.urls import path

from .views import ngo, public, staff

app_name = "prizes"

urlpatterns = [
    # Public (DOMAIN.md: /<lang>/prizes/).
    path("", public.index, name="index"),
    path("<int:year>/", public.round_detail, name="round"),
    path("<int:year>/nominations/<int:number>/", public.nomination_detail, name="nomination"),
    path("<int:year>/nominations/<int:number>/propose/", public.propose, name="propose"),
    # NGOs.
    path("my/", ngo.my_awards, name="my_awards"),
    path("<int:year>/nominations/<int:number>/apply/", ngo.apply, name="apply"),
    path("candidacies/<int:pk>/", ngo.candidacy_detail, name="candidacy"),
    path("candidacies/<int:pk>/withdraw/", ngo.candidacy_withdraw, name="withdraw"),
    # Staff.
    path("staff/", staff.round_list, name="staff_rounds"),
    path("staff/new/", staff.round_create, name="staff_round_create"),
    path("staff/<int:year>/", staff.round_manage, name="staff_round"),
    path("staff/<int:year>/candidacies/", staff.candidacies, name="staff_candidacies"),
    path("staff/<int:year>/edit/", staff.round_edit, name="staff_round_edit"),
    path("staff/<int:year>/announce/", staff.round_announce, name="staff_round_announce"),
    path("staff/<int:year>/review/", staff.round_start_review, name="staff_round_review"),
    path("staff/<int:year>/nominations/defaults/", staff.nominations_defaults, name="staff_nominations_defaults"),
    path("staff/<int:year>/nominations/new/", staff.nomination_create, name="staff_nomination_create"),
    path("staff/<int:year>/nominations/<int:number>/", staff.nomination_edit, name="staff_nomination_edit"),
    path("staff/<int:year>/nominations/<int:number>/delete/", staff.nomination_delete,
         name="staff_nomination_delete"),
]
