"""Applicant pages. Another NGO's application is a 404, whatever the URL."""

from .documents import document_delete, document_download, document_replace, documents
from .drafts import conflict, detail, my_applications, section, start
from .submission import check, receipt, submit, withdraw

__all__ = [
    "check", "conflict", "detail", "document_delete", "document_download", "document_replace", "documents",
    "my_applications", "receipt", "section", "start", "submit", "withdraw",
]
