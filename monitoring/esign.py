"""What the grantee's head signs in monitoring (portal.esign): the submission of an interim or final report."""

from django.utils.translation import gettext_lazy as _

from portal.esign.actions import SignedAction, register

from .models import GrantReport


def _report_lines(report: GrantReport) -> list[tuple[str, str]]:
    return [("grant", report.grant.number), ("NGO BIN", report.grant.ngo.bin), ("report", report.kind),
            ("report id", str(report.pk))]


REPORT_SUBMIT = SignedAction(
    code="monitoring.report_submit", label=_("Submission of the grantee's report"), model=GrantReport,
    permission="monitoring.submit_report", document=_report_lines,
    organisation_bin=lambda report, user: report.grant.ngo.bin,
)


def register_actions() -> None:
    register(REPORT_SUBMIT)
