"""Model permissions of the staff groups for the prizes app (applied by manage.py sync_roles).

Rounds and nominations change only through the services behind the staff pages (the state table and
the audit), so no group may add, change or delete them as models; every staff role reads them."""

from portal.choices import StaffRole

MODELS = [
    "round", "nomination", "candidacy", "proposal", "criterion", "workinggroup", "groupmember", "review",
    "reviewscore", "councilmeeting", "councilattendance", "nominationdecision", "award",
]
VIEW = [f"prizes.view_{model}" for model in MODELS]

ROLE_PERMISSIONS = {role: VIEW for role in (
    StaffRole.CALL_MANAGER, StaffRole.SCREENING_OFFICER, StaffRole.MONITORING_OFFICER, StaffRole.FINANCE_OFFICER,
    StaffRole.OPERATOR_ADMIN, StaffRole.AUDITOR,
)}
