"""What the audit log calls the actions on appeals."""

from django.utils.translation import gettext_lazy

from portal.audit_labels import register

register(
    actions={
        "appeal_filed": gettext_lazy("Appeal filed"),
        "appeal_upheld": gettext_lazy("Appeal upheld"),
        "appeal_rejected": gettext_lazy("Appeal rejected"),
        "appeal_upheld_reevaluation": gettext_lazy("Appeal upheld: re-evaluation asked"),
        "appeal_reevaluation_changed": gettext_lazy("Re-evaluation changed the decision"),
        "appeal_reevaluation_confirmed": gettext_lazy("Re-evaluation: the decision stands"),
        "appeal_letter_written": gettext_lazy("Appeal outcome letter written"),
        "appeals_member_designated": gettext_lazy("Designated to the appeals commission"),
        "appeals_member_removed": gettext_lazy("Removed from the appeals commission"),
    },
    messages={
        "readmitted_on_appeal": gettext_lazy("Admitted on appeal %(appeal)s."),
        "reserved_on_appeal": gettext_lazy("On the reserve list after appeal %(appeal)s."),
        "appeals_member": gettext_lazy("Member: %(user)s."),
    },
)
