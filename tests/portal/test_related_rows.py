"""portal.related_rows: a read compiled once runs again with another value and loads the same instances."""

import pytest
from django.db import connection

from portal import related_rows
from portal.models import Region

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="JSON rows are PostgreSQL's"),
]


def _region_read(pk):
    return Region.objects.filter(pk=pk).order_by().values_list(*related_rows.columns(Region))


def test_a_compiled_read_gives_each_value_its_own_row():
    read = related_rows.CompiledRead(_region_read, lock=Region)
    first, second = Region.objects.order_by("pk")[:2]
    for region in (first, second, first):
        loaded = related_rows.load_one(Region, read.fetch(region.pk))
        assert (loaded.pk, loaded.slug, loaded.name_kk) == (region.pk, region.slug, region.name_kk)
    assert read.fetch(-1) is None


def test_a_read_that_takes_its_value_twice_is_refused():
    read = related_rows.CompiledRead(lambda pk: _region_read(pk).filter(pk__gte=pk))
    with pytest.raises(ValueError, match="2 times"):
        read.fetch(1)


def test_the_constants_are_written_into_the_query_once_and_quoted_as_the_driver_quotes_them(
    django_assert_num_queries,
):
    """The JSON keys and any other constant travel in the text, so the run sends no parameter; a constant with a
    quote and a percent sign reads back as it was, and a value that is not an int takes the parameters' way."""
    from django.test.utils import CaptureQueriesContext

    region = Region.objects.order_by("pk").first()
    region.name_en = "50% «Zhetisu's» region"
    region.save(update_fields=["name_en"])
    read = related_rows.CompiledRead(
        lambda pk: _region_read(pk).filter(name_en__in=["50% «Zhetisu's» region", "x"]))
    with CaptureQueriesContext(connection) as inlined:
        row = read.fetch(region.pk)
    assert related_rows.load_one(Region, row).name_en == "50% «Zhetisu's» region"
    assert f'"portal_region"."id" = {region.pk}' in inlined[0]["sql"]
    with django_assert_num_queries(1):
        assert read.fetch(str(region.pk)) == row  # a text value: sent as a parameter, the same row
    assert read.fetch(region.pk + 100_000) is None
