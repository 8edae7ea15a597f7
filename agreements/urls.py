from django.urls import path

from .views import amendments, grants, staff

app_name = "agreements"

urlpatterns = [
    # The grantee's NGO, and operator staff
    path("agreements/", grants.my_grants, name="mine"),
    path("agreements/<str:number>/", grants.grant, name="grant"),
    path("agreements/<str:number>/bank-details/", grants.bank_details, name="bank_details"),
    path("agreements/<str:number>/sign/", grants.sign, name="sign"),
    path("agreements/<str:number>/decline/", grants.decline, name="decline"),
    path("agreements/<str:number>/agreement.pdf", grants.agreement_pdf, name="pdf"),
    path("agreements/<str:number>/tranches/<int:position>/pay/", grants.pay, name="pay"),
    path("agreements/<str:number>/tranches/<int:position>/release/", grants.release, name="release"),
    path("agreements/<str:number>/terminate/", grants.terminate, name="terminate"),
    path("agreements/<str:number>/amendments/new/", amendments.amendment_new, name="amendment_new"),
    path("agreements/<str:number>/amendments/<int:amendment>/", amendments.amendment, name="amendment"),
    path("agreements/<str:number>/amendments/<int:amendment>/amendment.pdf", amendments.amendment_pdf,
         name="amendment_pdf"),
    # Staff
    path("staff/agreements/", staff.grant_list, name="staff_list"),
    path("staff/agreements/export.<str:fmt>", staff.grant_export, name="staff_export"),
]
