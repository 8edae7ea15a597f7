from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import Criterion, Draw, Expert, Panel, PanelMember, Rubric


@admin.register(Expert)
class ExpertAdmin(WorkflowAdmin):
    list_display = ["user", "status", "nominated_by", "region"]
    list_filter = ["status", "nominated_by"]
    search_fields = ["user__email", "user__full_name"]
    readonly_fields = ["status", "decided_at", "decided_by"]


class CriterionInline(WorkflowInline):
    model = Criterion
    extra = 0


@admin.register(Rubric)
class RubricAdmin(WorkflowAdmin):
    list_display = ["__str__", "call", "locked_at"]
    inlines = [CriterionInline]
    readonly_fields = ["locked_at"]


class PanelMemberInline(WorkflowInline):
    model = PanelMember
    extra = 0
    readonly_fields = ["expert", "draw_position"]


@admin.register(Panel)
class PanelAdmin(WorkflowAdmin):
    list_display = ["__str__", "status", "size", "reserves"]
    inlines = [PanelMemberInline]
    readonly_fields = ["status"]


@admin.register(Draw)
class DrawAdmin(WorkflowAdmin):
    list_display = ["__str__", "drawn_at", "seed"]
