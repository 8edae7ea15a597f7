"""A lot's cost justification adds up the same way on every page: lines rounded half up, then summed."""

from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grants.models import CostJustificationLine, Lot
from grants.selectors import lot_for_page_queryset
from portal import money

from .factories import LotFactory

pytestmark = pytest.mark.django_db

# Two decimals, as the columns keep them: quantity up to 10^6, unit cost up to 10^9 tenge.
quantities = st.integers(min_value=1, max_value=10**8).map(lambda n: Decimal(n) / 100)
unit_costs = st.integers(min_value=0, max_value=10**11).map(lambda n: Decimal(n) / 100)
lines = st.lists(st.tuples(quantities, unit_costs), min_size=1, max_size=6)


def add_lines(lot, pairs):
    CostJustificationLine.objects.bulk_create([
        CostJustificationLine(lot=lot, position=i, item_kk="Шығын", item_ru="Расход", unit_kk="дана", unit_ru="шт.",
                              quantity=q, unit_cost=c, source_kk="Нарық", source_ru="Рынок")
        for i, (q, c) in enumerate(pairs)
    ])


def test_half_a_tiyn_rounds_up_with_and_without_prefetch():
    lot = LotFactory()
    add_lines(lot, [(Decimal("0.50"), Decimal("0.01")), (Decimal("0.50"), Decimal("0.01"))])
    assert Lot.objects.get(pk=lot.pk).justification_total() == Decimal("0.02")
    assert lot_for_page_queryset().get(pk=lot.pk).justification_total() == Decimal("0.02")
    assert [line.amount for line in lot.justification_lines.all()] == [Decimal("0.01"), Decimal("0.01")]


@pytest.fixture
def lot(db):
    return LotFactory()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=lines)
def test_the_total_is_the_same_with_and_without_prefetch(lot, pairs):
    with transaction.atomic():
        add_lines(lot, pairs)
        plain = Lot.objects.get(pk=lot.pk).justification_total()
        prefetched = lot_for_page_queryset().get(pk=lot.pk).justification_total()
        assert plain == prefetched == money.total(money.line_amount(q, c) for q, c in pairs)
        transaction.set_rollback(True)  # the next example starts from a lot without lines
