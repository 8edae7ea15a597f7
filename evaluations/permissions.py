"""Model permissions of the staff roles (admin and the auditor's read-only view); object rules are in rules.py."""

from portal.choices import StaffRole

MODELS = ["expert", "rubric", "criterion", "panel", "draw", "panelmember"]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: [f"evaluations.{action}_{model}" for model in MODELS for action in ("view", "change")],
    StaffRole.OPERATOR_ADMIN: [
        f"evaluations.{action}_{model}" for model in MODELS for action in ("view", "add", "change")
    ],
    StaffRole.AUDITOR: [f"evaluations.view_{model}" for model in MODELS],
}
