"""Every write about NGOs. Keyword-only, atomic, audited; a refused change raises ValidationError."""

from .people import (
    INVITATION_DAYS,
    invitation_answer,
    invitation_create,
    invitation_problem,
    invitation_revoke,
    join_request_answer,
    join_request_create,
    join_request_withdraw,
    membership_change_role,
    membership_remove,
)
from .registry import (
    PROFILE_FIELDS,
    VERIFICATION_TRANSITIONS,
    ngo_register,
    ngo_reject,
    ngo_request_verification,
    ngo_set_flags,
    ngo_update_profile,
    ngo_verify,
)
from .reports import (
    missing_for_submission,
    report_discard_draft,
    report_save_draft,
    report_start,
    report_start_correction,
    report_submit,
)

__all__ = [
    "INVITATION_DAYS", "invitation_answer", "invitation_create", "invitation_problem", "invitation_revoke",
    "join_request_answer", "join_request_create", "join_request_withdraw", "membership_change_role",
    "membership_remove", "PROFILE_FIELDS", "VERIFICATION_TRANSITIONS", "ngo_register", "ngo_reject",
    "ngo_request_verification", "ngo_set_flags", "ngo_update_profile", "ngo_verify", "missing_for_submission",
    "report_discard_draft", "report_save_draft", "report_start", "report_start_correction", "report_submit",
]
