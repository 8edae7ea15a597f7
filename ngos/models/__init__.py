from ..choices import (
    EligibilityFlag,
    FundSourceType,
    LegalForm,
    MemberRole,
    ReportStatus,
    RequestStatus,
    SpendingDirection,
    VerificationStatus,
)
from .figures import NGOFigures, StaleFigures
from .organisations import NGO, Sphere
from .people import Invitation, JoinRequest, Membership
from .reports import (
    FIRST_REPORT_YEAR,
    FundSource,
    Spending,
    YearlyReport,
    YearlyReportVersion,
    last_reporting_year,
    report_deadline,
    report_due_date,
)

__all__ = [
    "EligibilityFlag", "FundSourceType", "LegalForm", "MemberRole", "ReportStatus", "RequestStatus",
    "SpendingDirection", "VerificationStatus", "NGOFigures", "StaleFigures", "NGO", "Sphere", "Invitation",
    "JoinRequest", "Membership",
    "FIRST_REPORT_YEAR", "FundSource", "Spending", "YearlyReport", "YearlyReportVersion", "last_reporting_year",
    "report_deadline", "report_due_date",
]
