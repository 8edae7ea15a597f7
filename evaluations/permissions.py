"""Model permissions of the staff roles: reading in the admin and for the auditor. Every change goes through
the services behind the app's own pages (rules.py), so experts, rubrics, scores, draws and decisions are never
edited here."""

from portal.choices import StaffRole

MODELS = [
    "expert", "rubric", "criterion", "panel", "draw", "panelmember", "assignment", "conflictdeclaration", "score",
    "applicationtranslation", "meeting", "meetingattendance", "lotdecision", "applicationdecision", "resultletter",
]
VIEW = [f"evaluations.view_{model}" for model in MODELS]

ROLE_PERMISSIONS = {
    StaffRole.CALL_MANAGER: VIEW,
    StaffRole.OPERATOR_ADMIN: VIEW,
    StaffRole.AUDITOR: VIEW,
}
