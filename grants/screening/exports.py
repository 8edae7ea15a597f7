"""The list of a call's applications for staff, as CSV and XLSX: the same rows for both."""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from grants.applications.selectors import current_submission
from portal.formatting import astana

from .automatic import explain
from .choices import CheckResult


def header() -> list[str]:
    return [
        _("Registration number"), _("Submitted at (Astana time)"), _("NGO"), _("BIN"), _("Region"), _("Lot"),
        _("Project title"), _("Language"), _("Amount requested, ₸"), _("Status"), _("Screening decision"),
        _("Failed checks"), pgettext("cause", "Reason"), _("SHA-256 of the submission"),
    ]


def rows(applications) -> list[list]:
    found = []
    for app in applications:
        submission = current_submission(app)
        screening = getattr(app, "screening", None)
        failed = []
        if screening is not None:
            for check in screening.checks.all():
                if check.result == CheckResult.FAIL:
                    failed.append(f"{check.get_code_display()}: {check.note or explain(check)}")
        found.append([
            app.registration_number,
            astana(app.submitted_at).strftime("%Y-%m-%d %H:%M:%S") if app.submitted_at else "",
            app.ngo.name,
            app.ngo.bin,
            app.ngo.region.name if app.ngo.region_id else "",
            app.lot.code,
            app.title,
            app.get_language_display(),
            app.budget_total(),
            app.get_status_display(),
            screening.get_decision_display() if screening else "",
            "; ".join(failed),
            screening.reason if screening else "",
            submission.snapshot_sha256 if submission else "",
        ])
    return found


def as_csv(applications) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(header())
    for row in rows(applications):
        writer.writerow([str(value) for value in row])
    # A byte-order mark so that spreadsheet programs read Kazakh and Russian letters right.
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def as_xlsx(applications, *, title: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title[:31]
    sheet.append(header())
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows(applications):
        sheet.append(row)
    for cell in sheet["I"][1:]:
        cell.number_format = "#,##0.00"
    sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
