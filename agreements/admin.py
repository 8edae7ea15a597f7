from django.contrib import admin

from .models import CallTerms, Grant


@admin.register(CallTerms)
class CallTermsAdmin(admin.ModelAdmin):
    """The per-call terms (tranche schedule, report dates) are data staff keep; grants change only by services."""

    list_display = ("call", "interim_report", "final_report_working_days")
    raw_id_fields = ("call",)


@admin.register(Grant)
class GrantAdmin(admin.ModelAdmin):
    list_display = ("number", "ngo", "amount", "status", "awarded_on")
    list_filter = ("status",)
    search_fields = ("number", "title", "ngo__bin")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
