"""What the head signs in the NGO database (portal.esign): the submission of the yearly report."""

from django.utils.translation import gettext_lazy as _

from portal.esign.actions import SignedAction, register

from .models import YearlyReportVersion


def _report_lines(version: YearlyReportVersion) -> list[tuple[str, str]]:
    report = version.report
    return [("NGO BIN", report.ngo.bin), ("year", str(report.year)), ("report version", str(version.number)),
            ("version id", str(version.pk))]


REPORT_SUBMIT = SignedAction(
    code="ngos.report_submit", label=_("Submission of the yearly report to the NGO database"),
    model=YearlyReportVersion, permission="ngos.submit_yearly_report", document=_report_lines,
    organisation_bin=lambda version, user: version.report.ngo.bin, permission_object=lambda version: version.report.ngo,
)


def register_actions() -> None:
    register(REPORT_SUBMIT)
