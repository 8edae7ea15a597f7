"""Plain factories for calls and lots. `complete_lot` makes a lot that passes the publication check."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from grants.choices import CallStatus, DirectionListStatus, GrantType
from grants.models import (
    Call,
    CostJustificationLine,
    Customer,
    FiscalYear,
    Lot,
    LotIndicator,
    PriorityDirection,
    PriorityDirectionList,
)
from portal.formatting import ASTANA


def astana(day: date, hours: int = 18, minutes: int = 30, seconds: int = 0, microseconds: int = 0) -> datetime:
    return datetime.combine(day, time(hours, minutes, seconds, microseconds), tzinfo=ASTANA)


class FiscalYearFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FiscalYear
        django_get_or_create = ("year",)

    year = 2027
    mci = Decimal("4325")


class CustomerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Customer
        django_get_or_create = ("bin",)

    bin = "990340000173"
    kind = "ministry"
    name_kk = "Мәдениет және ақпарат министрлігі"
    name_ru = "Министерство культуры и информации"


class DirectionListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityDirectionList

    customer = factory.SubFactory(CustomerFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    status = DirectionListStatus.APPROVED
    discussion_starts_on = date(2026, 11, 2)
    discussion_ends_on = date(2026, 11, 20)


class DirectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityDirection

    direction_list = factory.SubFactory(DirectionListFactory)
    number = factory.Sequence(lambda n: n + 1)
    title_kk = factory.Sequence(lambda n: f"Басым бағыт {n + 1}")
    title_ru = factory.Sequence(lambda n: f"Приоритетное направление {n + 1}")


class CallFactory(factory.django.DjangoModelFactory):
    """An announced call, open now (opened 5 days ago, closes in 20 days at 18:30 Astana)."""

    class Meta:
        model = Call

    customer = factory.SubFactory(CustomerFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: Call.make_code(o.fiscal_year.year, o.number))
    title_kk = factory.Sequence(lambda n: f"Мемлекеттік гранттар конкурсы №{n + 1}")
    title_ru = factory.Sequence(lambda n: f"Конкурс государственных грантов №{n + 1}")
    description_kk = "Конкурс сипаттамасы."
    description_ru = "Описание конкурса."
    opens_at = factory.LazyFunction(lambda: astana(timezone.localdate() - timedelta(days=5), 9, 0))
    closes_at = factory.LazyFunction(lambda: astana(timezone.localdate() + timedelta(days=20)))
    status = CallStatus.ANNOUNCED
    announced_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=6))


def draft_call(**kwargs) -> Call:
    return CallFactory(status=CallStatus.DRAFT, announced_at=None, **kwargs)


class LotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Lot

    call = factory.SubFactory(CallFactory)
    code = factory.Sequence(lambda n: f"2027-ALM-{n + 1:02d}")
    title_kk = "Жастар орталығы"
    title_ru = "Молодёжный центр"
    grant_type = GrantType.SHORT
    term_months = 6
    budget = Decimal("9000000")
    problem_kk = "Мәселе."
    problem_ru = "Проблема."
    target_groups_kk = "Жастар."
    target_groups_ru = "Молодёжь."
    expected_results_kk = "Нәтижелер."
    expected_results_ru = "Результаты."
    requirements_kk = "Талаптар."
    requirements_ru = "Требования."


def complete_lot(call: Call, code: str | None = None, budget: Decimal = Decimal("9000000"), **kwargs) -> Lot:
    """A lot with a direction, an indicator and two justification lines that add up to its budget."""
    direction = kwargs.pop("direction", None) or DirectionFactory(
        direction_list=PriorityDirectionList.objects.get_or_create(
            customer=call.customer, fiscal_year=call.fiscal_year,
            defaults={"status": DirectionListStatus.APPROVED, "discussion_starts_on": date(2026, 11, 2),
                      "discussion_ends_on": date(2026, 11, 20)},
        )[0]
    )
    lot = LotFactory(call=call, direction=direction, budget=budget, **({"code": code} if code else {}), **kwargs)
    LotIndicator.objects.create(
        lot=lot, position=1, name_kk="Оқытылған волонтерлер", name_ru="Обученные волонтёры", unit_kk="адам",
        unit_ru="человек", target_value=Decimal("300"),
    )
    half = (budget / 2).quantize(Decimal("0.01"))
    CostJustificationLine.objects.bulk_create([
        CostJustificationLine(
            lot=lot, position=1, item_kk="Үйлестіруші", item_ru="Координатор", unit_kk="ай", unit_ru="месяц",
            quantity=Decimal("1"), unit_cost=half, source_kk="Нарық", source_ru="Рынок",
        ),
        CostJustificationLine(
            lot=lot, position=2, item_kk="Тренингтер", item_ru="Тренинги", unit_kk="сабақ", unit_ru="занятие",
            quantity=Decimal("1"), unit_cost=budget - half, source_kk="Нарық", source_ru="Рынок",
        ),
    ])
    return lot
