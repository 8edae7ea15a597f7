"""Every write of the monitoring app."""

from .reports import (
    StaleSection,
    report_add_file,
    report_remove_file,
    report_render_receipt,
    report_review,
    report_save_section,
    report_submit,
    reports_schedule,
)

__all__ = ["StaleSection", "report_add_file", "report_remove_file", "report_render_receipt", "report_review",
           "report_save_section", "report_submit", "reports_schedule"]
