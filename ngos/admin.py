"""The Django admin for NGOs: a technical back office that reads. Registration, verification, flags, members
and yearly reports change through the services behind the staff and NGO pages (audited); spheres are edited here."""

from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import NGO, Invitation, JoinRequest, Membership, Sphere, YearlyReport, YearlyReportVersion


@admin.register(Sphere)
class SphereAdmin(admin.ModelAdmin):
    list_display = ["slug", "name_kk", "name_ru", "name_en", "position"]
    ordering = ["position"]


class MembershipInline(WorkflowInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]


@admin.register(NGO)
class NGOAdmin(WorkflowAdmin):
    list_display = ["bin", "name_ru", "region", "legal_form", "verification"]
    list_filter = ["verification", "legal_form", "region", "in_liquidation", "bankrupt", "suspended"]
    search_fields = ["bin", "name_kk", "name_ru", "short_name_kk", "short_name_ru"]
    readonly_fields = [
        "verification", "rejection_reason", "verified_at", "in_liquidation", "in_liquidation_source",
        "in_liquidation_on", "bankrupt", "bankrupt_source", "bankrupt_on", "suspended", "suspended_source",
        "suspended_on", "registered_by", "created_at", "updated_at",
    ]
    filter_horizontal = ["spheres"]
    inlines = [MembershipInline]


@admin.register(JoinRequest)
class JoinRequestAdmin(WorkflowAdmin):
    list_display = ["ngo", "user", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["ngo", "user", "answered_by"]


@admin.register(Invitation)
class InvitationAdmin(WorkflowAdmin):
    list_display = ["ngo", "email", "role", "status", "expires_at"]
    list_filter = ["status"]
    raw_id_fields = ["ngo", "invited_by", "answered_by"]
    exclude = ["token"]


class VersionInline(admin.TabularInline):
    model = YearlyReportVersion
    extra = 0
    fields = ["number", "status", "submitted_at", "submitted_by"]
    readonly_fields = fields
    can_delete = False


@admin.register(YearlyReport)
class YearlyReportAdmin(WorkflowAdmin):
    list_display = ["ngo", "year", "first_submitted_at"]
    list_filter = ["year"]
    raw_id_fields = ["ngo"]
    readonly_fields = ["first_submitted_at"]
    inlines = [VersionInline]
