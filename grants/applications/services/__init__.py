"""Every write to an application: drafts (sections, kept versions, documents), submission and withdrawal, and
the outcomes later steps record. Each state change checks TRANSITIONS, locks the row and writes one audit entry."""

from .drafts import (
    SCALAR_FIELDS,
    StaleSection,
    application_save_section,
    application_start,
    conflict_resolve,
    document_delete,
    document_replace,
    document_upload,
)
from .submission import (
    application_record_screening,
    application_set_outcome,
    application_submit,
    application_withdraw,
    submission_receipt,
)
from .transitions import EVALUATION_OUTCOMES, SCREENING_OUTCOMES, TRANSITIONS

__all__ = [
    "EVALUATION_OUTCOMES", "SCALAR_FIELDS", "SCREENING_OUTCOMES", "TRANSITIONS", "StaleSection",
    "application_record_screening", "application_save_section", "application_set_outcome", "application_start",
    "application_submit", "application_withdraw", "conflict_resolve", "document_delete", "document_replace",
    "document_upload", "submission_receipt",
]
