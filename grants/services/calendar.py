"""The working-day calendar and the yearly MCI: data staff keep, every change audited."""

from datetime import date
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from portal import audit

from ..models import CalendarDay, FiscalYear


@transaction.atomic
def calendar_day_save(*, actor, day: date, kind: str, name_kk: str, name_ru: str, name_en: str = "") -> CalendarDay:
    entry, created = CalendarDay.objects.select_for_update().get_or_create(
        date=day, defaults={"kind": kind, "name_kk": name_kk, "name_ru": name_ru, "name_en": name_en}
    )
    if not created:
        entry.kind, entry.name_kk, entry.name_ru, entry.name_en = kind, name_kk, name_ru, name_en
        entry.save()
    audit.record(actor=actor, obj=entry, action="calendar_day_saved", to_state=kind)
    return entry


@transaction.atomic
def calendar_day_delete(*, actor, entry: CalendarDay) -> None:
    audit.record(actor=actor, obj=entry, action="calendar_day_deleted", from_state=entry.kind)
    entry.delete()


@transaction.atomic
def fiscal_year_save(*, actor, year: int, mci: Decimal) -> FiscalYear:
    if mci <= 0:
        raise ValidationError({"mci": _("The MCI is a positive amount in tenge.")})
    fiscal_year, created = FiscalYear.objects.select_for_update().get_or_create(year=year, defaults={"mci": mci})
    previous = "" if created else str(fiscal_year.mci)
    if not created and fiscal_year.mci != mci:
        fiscal_year.mci = mci
        fiscal_year.save()
    audit.record(actor=actor, obj=fiscal_year, action="mci_set", from_state=previous, to_state=str(mci))
    return fiscal_year
