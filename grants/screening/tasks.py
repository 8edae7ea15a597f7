"""After publication: the conclusion's PDFs in Kazakh and Russian (heavy, so not in the request), prepared by the
outbox worker (portal.mail.prepare). A task is just another interface: it loads ids and calls the code that does
the work."""

from celery import shared_task

from . import pdf
from .models import ScreeningConclusion


@shared_task
def render_conclusion_pdfs(conclusion_id: int) -> list[str]:
    from .services import conclusion_store_pdf  # inside: the services schedule these tasks (no circle)

    conclusion = ScreeningConclusion.objects.select_related("call").get(pk=conclusion_id)
    for language in ("kk", "ru"):
        conclusion_store_pdf(
            conclusion=conclusion, language=language, pdf=pdf.render_conclusion(conclusion, language)
        )
    return [conclusion.pdf_kk.name, conclusion.pdf_ru.name]
