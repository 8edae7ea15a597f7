import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_lot_page_of_an_open_call_offers_to_apply(client):
    from tests.grants.factories import CallFactory, complete_lot

    call = CallFactory()
    lot = complete_lot(call, f"{call.fiscal_year.year}-ALM-01")
    with translation.override("en"):
        page = client.get(reverse("calls:lot", kwargs={"call": call.code, "lot": lot.code})).content.decode()
        start = reverse("applications:start", kwargs={"lot": lot.code})
    assert start in page
