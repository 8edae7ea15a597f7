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
