"""The Django admin for the reference data (customers, years, calendar); calls, lots and directions are read-only
here: they change on their own staff pages, where the rules, the state tables and the audit apply."""

from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import (
    CalendarDay,
    Call,
    Clarification,
    CostJustificationLine,
    Customer,
    DirectionComment,
    FiscalYear,
    Lot,
    LotIndicator,
    PriorityDirection,
    PriorityDirectionList,
)


@admin.register(Customer)
class CustomerAdmin(admin.ModelAdmin):
    list_display = ["name_ru", "name_kk", "kind", "region", "bin"]
    list_filter = ["kind", "region"]
    search_fields = ["name_ru", "name_kk", "bin"]
    filter_horizontal = ["representatives"]


@admin.register(FiscalYear)
class FiscalYearAdmin(admin.ModelAdmin):
    list_display = ["year", "mci"]


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "name_ru", "name_kk"]
    list_filter = ["kind"]
    date_hierarchy = "date"


class PriorityDirectionInline(WorkflowInline):
    model = PriorityDirection
    extra = 0


@admin.register(PriorityDirectionList)
class PriorityDirectionListAdmin(WorkflowAdmin):
    list_display = ["customer", "fiscal_year", "status", "discussion_starts_on", "discussion_ends_on"]
    list_filter = ["status", "fiscal_year"]
    inlines = [PriorityDirectionInline]
    readonly_fields = ["status", "approved_at"]


@admin.register(DirectionComment)
class DirectionCommentAdmin(WorkflowAdmin):
    list_display = ["direction", "author", "created_at", "resolution"]
    list_filter = ["resolution"]
    readonly_fields = ["direction", "author", "text", "created_at", "resolution", "response", "answered_by",
                       "answered_at"]


class LotIndicatorInline(WorkflowInline):
    model = LotIndicator
    extra = 0


class CostJustificationLineInline(WorkflowInline):
    model = CostJustificationLine
    extra = 0


class LotInline(WorkflowInline):
    model = Lot
    extra = 0
    fields = ["code", "title_ru", "region", "grant_type", "term_months", "budget"]
    show_change_link = True


@admin.register(Call)
class CallAdmin(WorkflowAdmin):
    list_display = ["code", "title_ru", "customer", "status", "opens_at", "closes_at"]
    list_filter = ["status", "fiscal_year", "customer"]
    search_fields = ["code", "title_ru", "title_kk"]
    readonly_fields = ["code", "status", "announced_at", "cancelled_at"]
    inlines = [LotInline]


@admin.register(Lot)
class LotAdmin(WorkflowAdmin):
    list_display = ["code", "call", "region", "grant_type", "budget"]
    list_filter = ["grant_type", "region"]
    search_fields = ["code", "title_ru", "title_kk"]
    inlines = [LotIndicatorInline, CostJustificationLineInline]


@admin.register(Clarification)
class ClarificationAdmin(WorkflowAdmin):
    list_display = ["call", "ngo", "asked_at", "status"]
    list_filter = ["status"]
