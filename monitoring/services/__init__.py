"""Every write of the monitoring app."""

from .evaluations import efficiency_publish, efficiency_render, efficiency_score
from .reports import (
    StaleSection,
    report_add_file,
    report_remove_file,
    report_render_receipt,
    report_review,
    report_save_section,
    report_submit,
    reports_schedule,
    review_render,
)
from .visits import (
    checklist_add,
    checklist_set_active,
    follow_up_answer,
    visit_plan,
    visit_record,
    visit_render,
)

__all__ = [
    "StaleSection", "checklist_add", "checklist_set_active", "efficiency_publish", "efficiency_render",
    "efficiency_score", "follow_up_answer", "report_add_file", "report_remove_file", "report_render_receipt",
    "report_review", "report_save_section", "report_submit", "reports_schedule", "review_render", "visit_plan",
    "visit_record", "visit_render",
]
