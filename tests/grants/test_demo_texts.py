"""The demo's official texts read as a civil servant writes them (the language review of December 2026)."""

import pytest

from grants import demo
from grants.models import Call, Lot

pytestmark = pytest.mark.django_db


def test_demo_lot_titles_start_with_a_capital_and_call_texts_name_the_customer_in_a_sentence():
    demo.seed()
    lots = list(Lot.objects.all())
    assert lots
    for lot in lots:
        assert lot.title_ru[:1].isupper(), lot.title_ru
        assert lot.title_kk[:1].isupper(), lot.title_kk
    for call in Call.objects.all():
        assert "по заказу:" not in call.description_ru
        assert f"Заказчик — {call.customer.name_ru}." in call.description_ru
        assert f"Тапсырыс беруші — {call.customer.name_kk}." in call.description_kk
