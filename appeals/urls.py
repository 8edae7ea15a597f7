from django.urls import path

from . import views

app_name = "appeals"

urlpatterns = [
    # The applicant NGO, and operator staff
    path("appeals/", views.mine, name="mine"),
    path("appeals/new/<int:application>/", views.new, name="new"),
    path("appeals/<int:pk>/", views.detail, name="detail"),
    path("appeals/<int:pk>/files/<int:file>/", views.attachment, name="attachment"),
    path("appeals/<int:pk>/letter-<str:language>.pdf", views.letter, name="letter"),
    # The appeals commission
    path("appeals/<int:pk>/review/", views.review, name="review"),
    path("appeals/<int:pk>/final/", views.finalise, name="finalise"),
    path("staff/appeals/", views.staff_list, name="staff_list"),
    path("staff/appeals/commission/", views.commission, name="commission"),
    path("staff/appeals/commission/<int:pk>/remove/", views.commission_remove, name="commission_remove"),
]
