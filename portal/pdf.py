"""One way to make a PDF: a template rendered in a given language, with our fonts, page numbers
and a footer carrying the document's number and date. Heavy documents go through a Celery task
that calls render_pdf(); small ones may be rendered in the request."""

from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

FONTS_DIR = Path(settings.BASE_DIR) / "static" / "fonts"


def render_pdf(template_name: str, context: dict, *, language: str, number: str, title: str) -> bytes:
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            template_name,
            {
                **context,
                "document": {
                    "number": number,
                    "title": str(title),
                    "issued_at": timezone.now(),
                    "language": language,
                },
                "fonts_dir": FONTS_DIR.as_uri(),
            },
        )
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()


def pdf_response(pdf: bytes, *, filename: str, inline: bool = True) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    return response
