from celery import shared_task


@shared_task
def render_agreement(agreement_pk: int, version: int) -> None:
    from .services import agreement_render

    agreement_render(agreement_pk=agreement_pk, version=version)


@shared_task
def render_amendment(amendment_pk: int) -> None:
    from .services import amendment_render

    amendment_render(amendment_pk=amendment_pk)


@shared_task
def expire_unsigned_grants() -> int:
    """Hourly: winners past the signing deadline lose the grant and the reserve moves up."""
    from .services import grants_expire_unsigned

    return len(grants_expire_unsigned())
