"""What the audit log and the histories call the actions of award rounds and nominations."""

from django.utils.translation import gettext_lazy

from portal.audit_labels import register

register(
    actions={
        "round_created": gettext_lazy("Award round created"),
        "round_changed": gettext_lazy("Award round changed"),
        "round_announced": gettext_lazy("Award round announced"),
        "round_review_started": gettext_lazy("Review of the candidacies started"),
        "round_decided": gettext_lazy("Council's decision recorded"),
        "round_published": gettext_lazy("Council's decision published"),
        "nomination_added": gettext_lazy("Nomination added"),
        "nomination_changed": gettext_lazy("Nomination changed"),
        "nomination_deleted": gettext_lazy("Nomination deleted"),
        "candidacy_submitted": gettext_lazy("Candidacy submitted"),
        "candidacy_withdrawn": gettext_lazy("Candidacy withdrawn"),
        "proposal_made": gettext_lazy("NGO proposed for the award"),
    },
)

register(
    actions={
        "working_group_drawn": gettext_lazy("Expert working group drawn"),
        "working_group_appointed": gettext_lazy("Expert working group appointed"),
        "review_no_conflict_declared": gettext_lazy("No conflict of interest declared"),
        "review_conflict_declared": gettext_lazy("Conflict of interest declared, expert recused"),
        "review_reserve_stepped_in": gettext_lazy("Reserve expert stepped in"),
        "review_left_without_reserve": gettext_lazy("No reserve expert left"),
        "review_submitted": gettext_lazy("Score sheet submitted"),
        "council_meeting_opened": gettext_lazy("Council meeting opened"),
        "council_attendance_recorded": gettext_lazy("Council attendance recorded"),
        "council_nomination_decided": gettext_lazy("Council decided a nomination"),
        "council_meeting_closed": gettext_lazy("Council meeting closed"),
        "council_decision_rendered": gettext_lazy("Council's decision prepared in Kazakh and Russian"),
    },
    messages={
        "working_group_drawn": gettext_lazy("%(members)s members and %(reserves)s reserves drawn, seed %(seed)s."),
        "working_group_appointed": gettext_lazy("%(members)s members and %(reserves)s reserves appointed."),
        "council_present": gettext_lazy("%(present)s of %(members)s members present."),
        "council_nomination_decided": gettext_lazy("Nomination %(number)s: winners chosen: %(winners)s."),
    },
)
