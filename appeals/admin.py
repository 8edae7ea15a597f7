from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import Appeal, AppealFile, CommissionMember


class AppealFileInline(WorkflowInline):
    model = AppealFile
    fields = ("file", "content_type", "size", "uploaded_at")
    readonly_fields = fields


@admin.register(Appeal)
class AppealAdmin(WorkflowAdmin):
    list_display = ("id", "application", "ground", "status", "filed_at", "deadline")
    list_filter = ("status", "ground")
    search_fields = ("application__registration_number", "application__ngo__bin")
    inlines = [AppealFileInline]


@admin.register(CommissionMember)
class CommissionMemberAdmin(WorkflowAdmin):
    list_display = ("user", "added_by", "added_at")
