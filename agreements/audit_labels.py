"""What the audit log and the grant's history call the actions on grants, agreements, signatures and tranches."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.audit_labels import register


def _condition(params: dict) -> str:
    labels = {
        "on_signing": _("Condition met: the agreement is signed."),
        "report_accepted:interim": _("Condition met: the interim report is accepted."),
        "report_accepted:final": _("Condition met: the final report is accepted."),
    }
    return labels.get(params.get("condition", ""), _("Released by the operator."))


register(
    actions={
        "grant_awarded": gettext_lazy("Grant awarded"),
        "grant_agreement_signed": gettext_lazy("Grant agreement signed"),
        "grant_declined": gettext_lazy("Grant declined"),
        "grant_started": gettext_lazy("Project under way"),
        "grant_completed": gettext_lazy("Project completed"),
        "grant_terminated": gettext_lazy("Grant agreement terminated"),
        "agreement_prepared": gettext_lazy("Bank details entered, agreement prepared"),
        "agreement_bank_details_changed": gettext_lazy("Bank details changed"),
        "agreement_rendered": gettext_lazy("Agreement PDF written"),
        "agreement_signed_by_ngo": gettext_lazy("Signed by the NGO"),
        "agreement_signed_by_operator": gettext_lazy("Signed by the operator"),
        "agreement_voided": gettext_lazy("Agreement changed after a signature: signed again"),
        "signature_voided": gettext_lazy("Signature voided"),
        "tranche_due": gettext_lazy("Tranche due"),
        "tranche_paid": gettext_lazy("Tranche paid"),
        "payment_recorded": gettext_lazy("Payment recorded"),
        "amendment_requested": gettext_lazy("Amendment requested"),
        "amendment_approved": gettext_lazy("Supplementary agreement approved"),
        "amendment_rejected": gettext_lazy("Amendment request rejected"),
    },
    messages={
        "signing_deadline_passed": lambda params: _("The agreement was not signed by %(date)s.") % params,
        "bank_details_changed": lambda params: _("Bank details changed: signatures voided: %(voided)s.") % params,
        "moved_up_from_reserve": lambda params: _("Moved up from the reserve list: grant %(number)s was declined.")
        % params,
        "tranche_condition": _condition,
    },
)
