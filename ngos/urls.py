from django.urls import path, register_converter

from .views import own, public, reports, staff


class BINConverter:
    regex = r"[0-9]{12}"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return str(value)


register_converter(BINConverter, "bin")

app_name = "ngos"

urlpatterns = [
    # The open NGO database (public addresses: DOMAIN.md).
    path("", public.ngo_list, name="list"),
    path("<bin:bin>/", public.ngo_detail, name="detail"),
    # Becoming part of an NGO.
    path("register/", own.register, name="register"),
    path("join/", own.join, name="join"),
    path("join/<int:pk>/withdraw/", own.join_withdraw, name="join_withdraw"),
    path("switch/", own.switch, name="switch"),
    path("invitations/<str:token>/", own.invitation, name="invitation"),
    # The NGO's own pages.
    path("<bin:bin>/manage/", own.manage, name="manage"),
    path("<bin:bin>/manage/profile/", own.profile_edit, name="profile_edit"),
    path("<bin:bin>/manage/verification/", own.request_verification, name="request_verification"),
    path("<bin:bin>/manage/members/", own.members, name="members"),
    path("<bin:bin>/manage/members/invite/", own.member_invite, name="member_invite"),
    path("<bin:bin>/manage/members/leave/", own.leave, name="leave"),
    path("<bin:bin>/manage/members/<int:pk>/role/", own.member_role, name="member_role"),
    path("<bin:bin>/manage/members/<int:pk>/remove/", own.member_remove, name="member_remove"),
    path("<bin:bin>/manage/requests/<int:pk>/", own.join_request_answer, name="join_request_answer"),
    path("<bin:bin>/manage/invitations/<int:pk>/withdraw/", own.invitation_revoke, name="invitation_revoke"),
    path("<bin:bin>/manage/reports/", reports.report_list, name="reports"),
    path("<bin:bin>/manage/reports/<int:year>/", reports.report_view, name="report"),
    path("<bin:bin>/manage/reports/<int:year>/v<int:number>/", reports.report_view, name="report_version"),
    path("<bin:bin>/manage/reports/<int:year>/edit/", reports.report_edit, name="report_edit"),
    path("<bin:bin>/manage/reports/<int:year>/correct/", reports.report_correct, name="report_correct"),
    path("<bin:bin>/manage/reports/<int:year>/discard/", reports.report_discard, name="report_discard"),
    # The operator's register.
    path("staff/", staff.staff_list, name="staff_list"),
    path("staff/export.csv", staff.staff_export, {"fmt": "csv"}, name="staff_export_csv"),
    path("staff/export.xlsx", staff.staff_export, {"fmt": "xlsx"}, name="staff_export_xlsx"),
    path("staff/<bin:bin>/", staff.staff_detail, name="staff_detail"),
    path("staff/<bin:bin>/verify/", staff.staff_verify, name="staff_verify"),
    path("staff/<bin:bin>/reject/", staff.staff_reject, name="staff_reject"),
    path("staff/<bin:bin>/flags/", staff.staff_flags, name="staff_flags"),
]
