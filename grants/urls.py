from django.urls import path

from portal.public_cache import public_page

from .feeds import CallsFeed
from .views import directions, public, questions, reference, staff

app_name = "calls"

urlpatterns = [
    # Public: calls and lots (DOMAIN.md, public addresses).
    path("calls/", public.call_list, name="list"),
    path("calls/feed.atom", public_page("calls")(CallsFeed()), name="feed"),
    path("calls/<slug:call>/", public.call_detail, name="detail"),
    path("calls/<slug:call>/questions/", public.ask, name="ask"),
    path("calls/<slug:call>/deadline.ics", public.deadline_ics, name="ics"),
    path("calls/<slug:call>/documents/<int:pk>/", public.call_document, name="document"),
    path("calls/<slug:call>/announcement-<str:language>.pdf", public.announcement, name="announcement_pdf"),
    path("calls/<slug:call>/lots/<str:lot>/", public.lot_detail, name="lot"),
    # Public discussion of priority directions.
    path("directions/", directions.direction_lists, name="directions"),
    path("directions/<int:pk>/", directions.direction_list, name="direction_list"),
    path("directions/<int:pk>/<int:direction>/comment/", directions.comment, name="comment"),
    # Staff: calls, lots, documents.
    path("staff/calls/", staff.call_list, name="staff_list"),
    path("staff/calls/new/", staff.call_create, name="staff_create"),
    path("staff/calls/rows/remove/", staff.row_remove, name="staff_row_remove"),
    path("staff/calls/rows/<str:kind>/", staff.row_new, name="staff_row"),
    path("staff/calls/questions/", questions.clarification_list, name="staff_clarifications"),
    path("staff/calls/questions/<int:pk>/", questions.clarification_answer, name="staff_clarification"),
    path("staff/calls/<slug:call>/", staff.call_manage, name="staff_call"),
    path("staff/calls/<slug:call>/edit/", staff.call_edit, name="staff_edit"),
    path("staff/calls/<slug:call>/announce/", staff.call_announce, name="staff_announce"),
    path("staff/calls/<slug:call>/extend/", staff.call_extend, name="staff_extend"),
    path("staff/calls/<slug:call>/cancel/", staff.call_cancel, name="staff_cancel"),
    path("staff/calls/<slug:call>/clone/", staff.call_clone, name="staff_clone"),
    path("staff/calls/<slug:call>/documents/new/", staff.document_add, name="staff_document_add"),
    path("staff/calls/<slug:call>/documents/<int:pk>/delete/", staff.document_delete, name="staff_document_delete"),
    path("staff/calls/<slug:call>/lots/new/", staff.lot_create, name="staff_lot_create"),
    path("staff/calls/<slug:call>/lots/<str:lot>/", staff.lot_edit, name="staff_lot_edit"),
    path("staff/calls/<slug:call>/lots/<str:lot>/delete/", staff.lot_delete, name="staff_lot_delete"),
    # Staff: directions, the calendar, the MCI.
    path("staff/directions/", directions.staff_direction_lists, name="staff_directions"),
    path("staff/directions/<int:pk>/", directions.staff_direction_list, name="staff_direction_list"),
    path("staff/directions/<int:pk>/directions/", directions.staff_directions_save, name="staff_directions_save"),
    path("staff/directions/<int:pk>/discussion/", directions.staff_discussion_start, name="staff_discussion_start"),
    path(
        "staff/directions/<int:pk>/approve/", directions.staff_direction_list_approve, name="staff_directions_approve"
    ),
    path("staff/directions/comments/<int:pk>/answer/", directions.staff_comment_answer, name="staff_comment_answer"),
    path("staff/calendar/", reference.calendar, name="staff_calendar"),
    path("staff/calendar/<int:pk>/delete/", reference.calendar_delete, name="staff_calendar_delete"),
    path("staff/years/", reference.fiscal_years, name="staff_years"),
]
