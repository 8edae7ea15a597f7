"""Read-only admin for the prize workflow: every change goes through the services and their audit."""

from django.contrib import admin

from portal.admin import WorkflowAdmin, WorkflowInline

from .models import Candidacy, Nomination, Proposal, Round


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
