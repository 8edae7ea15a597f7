"""Read-only admin for the prize workflow: every change goes through the services and their audit."""

from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import Award, Candidacy, CouncilMeeting, Nomination, Proposal, Round, WorkingGroup


class NominationInline(WorkflowInline):
    model = Nomination
    extra = 0


@admin.register(Round)
class RoundAdmin(WorkflowAdmin):
    list_display = ["__str__", "status", "opens_at", "closes_at", "fund"]
    list_filter = ["status"]
    inlines = [NominationInline]


@admin.register(Candidacy)
class CandidacyAdmin(WorkflowAdmin):
    list_display = ["number", "ngo", "nomination", "status", "submitted_at"]
    list_filter = ["status", "round"]
    search_fields = ["number", "ngo__bin", "ngo__name_ru", "ngo__name_kk"]


@admin.register(Proposal)
class ProposalAdmin(WorkflowAdmin):
    list_display = ["ngo", "nomination", "created_at"]
    list_filter = ["round"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(WorkflowAdmin):
    list_display = ["__str__", "formation", "formed_at"]


@admin.register(CouncilMeeting)
class CouncilMeetingAdmin(WorkflowAdmin):
    list_display = ["__str__", "status", "held_at"]


@admin.register(Award)
class AwardAdmin(WorkflowAdmin):
    list_display = ["candidacy", "amount"]
