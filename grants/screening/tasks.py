"""After publication: the conclusion's PDFs in Kazakh and Russian (heavy, so not in the request), and the
NGOs' notices. A task is just another interface: it loads ids and calls the code that does the work."""

from celery import shared_task

from . import notifications, pdf
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


@shared_task
def notify_screening_outcomes(conclusion_id: int) -> int:
    conclusion = ScreeningConclusion.objects.select_related("call").get(pk=conclusion_id)
    return notifications.screening_outcomes(conclusion)
