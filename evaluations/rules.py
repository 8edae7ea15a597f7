"""Who may do what in expert evaluation. Staff manage; experts act on their own assignments only;
the chair and secretary of a commission run its meeting."""

import rules

from portal.rules import is_auditor, is_call_manager, is_civil_society, is_expert, is_operator_admin

from .choices import MemberRole

is_evaluation_manager = is_call_manager | is_operator_admin
is_evaluation_reader = is_evaluation_manager | is_auditor


@rules.predicate
def is_own_profile(user, expert):
    return expert is not None and user.is_authenticated and expert.user_id == user.pk


def officer_panel_ids(user) -> frozenset[int]:
    """Panels on which the user is chair or secretary, fetched once per request object."""
    if not user or not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_demeu_officer_panels", None)
    if cached is None:
        from .models import PanelMember

        cached = frozenset(
            PanelMember.objects.filter(
                expert__user=user, role__in=[MemberRole.CHAIR, MemberRole.SECRETARY]
            ).values_list("panel_id", flat=True)
        )
        user._demeu_officer_panels = cached
    return cached


@rules.predicate
def is_panel_officer(user, panel):
    """Chair or secretary of this commission."""
    return panel is not None and panel.pk in officer_panel_ids(user)


@rules.predicate
def holds_assignment(user, assignment):
    return assignment is not None and user.is_authenticated and assignment.expert.user_id == user.pk


rules.add_perm("evaluations.apply_as_expert", is_civil_society)
rules.add_perm("evaluations.view_register", is_evaluation_reader)
rules.add_perm("evaluations.manage_register", is_evaluation_manager)
rules.add_perm("evaluations.view_expert_cv", is_evaluation_reader | is_own_profile)
rules.add_perm("evaluations.view_evaluation", is_evaluation_reader)
rules.add_perm("evaluations.manage_rubric", is_evaluation_manager)
rules.add_perm("evaluations.manage_panel", is_evaluation_manager)
rules.add_perm("evaluations.view_meeting", is_evaluation_reader | is_panel_officer)
rules.add_perm("evaluations.run_meeting", is_evaluation_manager | is_panel_officer)
rules.add_perm("evaluations.score", is_expert & holds_assignment)
rules.add_perm("evaluations.view_own_assignments", is_expert)
rules.add_perm("evaluations.manage_letters", is_evaluation_manager)
rules.add_perm("evaluations.view_letters", is_evaluation_reader)
