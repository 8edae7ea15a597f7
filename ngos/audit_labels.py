"""What the audit log and the histories call the actions on NGOs, their members and yearly reports."""

from datetime import date

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal.audit_labels import register

from .choices import EligibilityFlag, MemberRole, RequestStatus


def _fields(params: dict) -> str:
    from .models import NGO

    names = []
    for name in params.get("fields", []):
        try:
            names.append(str(NGO._meta.get_field(name).verbose_name))
        except Exception:  # a field removed since: its code is all we have
            names.append(name)
    return _("Changed: %(fields)s.") % {"fields": ", ".join(names)}


def _flag(params: dict) -> str:
    values = {
        "flag": EligibilityFlag(params["flag"]).label,
        "on": date_format(date.fromisoformat(params["on"]), "SHORT_DATE_FORMAT"),
    }
    if params.get("set"):
        return _("“%(flag)s” set on %(on)s.") % values
    return _("“%(flag)s” cleared on %(on)s.") % values


def _role(params: dict) -> str:
    return _("Role: %(role)s.") % {"role": MemberRole(params["role"]).label}


def _version(params: dict) -> str:
    return _("Version %(number)s.") % {"number": params["number"]}


def _version_late(params: dict) -> str:
    return _("Version %(number)s, submitted after the deadline.") % {"number": params["number"]}


register(
    actions={
        "ngo_registered": gettext_lazy("NGO registered"),
        "ngo_imported": gettext_lazy("NGO imported from the register"),
        "ngo_profile_changed": gettext_lazy("NGO profile changed"),
        "ngo_verified": gettext_lazy("NGO verified"),
        "ngo_rejected": gettext_lazy("NGO verification refused"),
        "ngo_verification_revoked": gettext_lazy("NGO verification revoked"),
        "ngo_verification_requested": gettext_lazy("NGO verification requested again"),
        "ngo_flag_set": gettext_lazy("Eligibility flag set"),
        "ngo_flag_cleared": gettext_lazy("Eligibility flag cleared"),
        "ngo_flag_corrected": gettext_lazy("Eligibility flag corrected"),
        "ngo_join_requested": gettext_lazy("Asked to join the NGO"),
        "ngo_join_request_accepted": gettext_lazy("Request to join accepted"),
        "ngo_join_request_declined": gettext_lazy("Request to join declined"),
        "ngo_join_request_withdrawn": gettext_lazy("Request to join withdrawn"),
        "ngo_member_invited": gettext_lazy("Member invited"),
        "ngo_invitation_accepted": gettext_lazy("Invitation accepted"),
        "ngo_invitation_declined": gettext_lazy("Invitation declined"),
        "ngo_invitation_withdrawn": gettext_lazy("Invitation withdrawn"),
        "ngo_member_role_changed": gettext_lazy("Member's role changed"),
        "ngo_member_left": gettext_lazy("Member left the NGO"),
        "ngo_member_removed": gettext_lazy("Member removed"),
        "yearly_report_started": gettext_lazy("Yearly report started"),
        "yearly_report_submitted": gettext_lazy("Yearly report submitted"),
        "yearly_report_correction_started": gettext_lazy("Correction of the yearly report started"),
        "yearly_report_correction_submitted": gettext_lazy("Correction of the yearly report submitted"),
        "yearly_report_draft_discarded": gettext_lazy("Draft of the yearly report discarded"),
        # Codes written before the names were made consistent: old entries keep a label.
        "register": gettext_lazy("NGO registered"),
        "import": gettext_lazy("NGO imported from the register"),
        "update_profile": gettext_lazy("NGO profile changed"),
        "verify": gettext_lazy("NGO verified"),
        "reject": gettext_lazy("NGO verification refused"),
        "revoke_verification": gettext_lazy("NGO verification revoked"),
        "request_verification": gettext_lazy("NGO verification requested again"),
        "set_flag": gettext_lazy("Eligibility flag set"),
        "clear_flag": gettext_lazy("Eligibility flag cleared"),
        "correct_flag": gettext_lazy("Eligibility flag corrected"),
        "ask_to_join": gettext_lazy("Asked to join the NGO"),
        "accept_join_request": gettext_lazy("Request to join accepted"),
        "decline_join_request": gettext_lazy("Request to join declined"),
        "withdraw_join_request": gettext_lazy("Request to join withdrawn"),
        "invite": gettext_lazy("Member invited"),
        "accept_invitation": gettext_lazy("Invitation accepted"),
        "decline_invitation": gettext_lazy("Invitation declined"),
        "withdraw_invitation": gettext_lazy("Invitation withdrawn"),
        "change_role": gettext_lazy("Member's role changed"),
        "leave": gettext_lazy("Member left the NGO"),
        "remove_member": gettext_lazy("Member removed"),
        "start_report": gettext_lazy("Yearly report started"),
        "submit_report": gettext_lazy("Yearly report submitted"),
        "start_correction": gettext_lazy("Correction of the yearly report started"),
        "submit_correction": gettext_lazy("Correction of the yearly report submitted"),
        "discard_draft": gettext_lazy("Draft of the yearly report discarded"),
    },
    # Old entries recorded a member's role or a request's state on the NGO itself.
    states={**dict(MemberRole.choices), **dict(RequestStatus.choices)},
    messages={
        "ngo_fields": _fields,
        "ngo_flag": _flag,
        "ngo_member_role": _role,
        "report_version": _version,
        "report_version_late": _version_late,
        "ngo_imported_from_csv": gettext_lazy("From the register (CSV)."),
        "invitation_expired": gettext_lazy("The invitation had expired; a new one was sent."),
    },
)
