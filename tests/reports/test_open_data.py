"""The open data in the 360Giving Data Standard 1.4: the JSON validates against the official schemas (vendored),
passes the quality checks 360Giving's own tool runs, the flat files round-trip to the same grants, and the files
are streamed and answer a conditional GET without a query."""

import csv
import io
import json
import re
from datetime import date, datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker
from openpyxl import load_workbook
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from reports.opendata import files, threesixty
from tests.reports import factories as rf

pytestmark = pytest.mark.django_db
RFC3339 = re.compile(r"\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})")


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PUBLIC_CACHE = True


def download(fmt: str):
    response = Client().get(reverse("open_data_file", kwargs={"fmt": fmt}))
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    return response, body


def package() -> dict:
    return json.loads(download("json")[1])


def validator() -> Draft202012Validator:
    """The package schema with its remote $ref to the grant schema resolved to the vendored file."""
    grant_schema = json.loads(threesixty.GRANT_SCHEMA.read_text())
    package_schema = json.loads(threesixty.PACKAGE_SCHEMA.read_text())
    ref = package_schema["properties"]["grants"]["items"]["$ref"]
    # The files name their dialect by http:// (not the https:// id referencing knows): say which it is.
    resource = DRAFT202012.create_resource(grant_schema)
    registry = Registry().with_resources([(ref, resource), (grant_schema["$id"], resource)])
    return Draft202012Validator(package_schema, registry=registry, format_checker=format_checker())


def format_checker() -> FormatChecker:
    """jsonschema checks date-time only with rfc3339-validator installed; the schema's oneOf (a date or a
    date-time) needs the check, so it is written here: RFC 3339, a 'T' and an offset."""
    checker = FormatChecker()

    @checker.checks("date-time", raises=ValueError)
    def date_time(value) -> bool:
        if not isinstance(value, str):
            return True
        if not RFC3339.fullmatch(value):
            return False
        datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
        return True

    return checker


@pytest.fixture
def grants():
    return [rf.grant(paid=True, title="Жастар орталығы " * 12), rf.grant(region=None), rf.grant(region="shymkent")]


def test_the_json_package_validates_against_the_360giving_schemas(grants):
    data = package()
    errors = sorted(validator().iter_errors(data), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]
    assert len(data["grants"]) == 3
    assert {"version", "title", "publisher", "license", "issued", "modified"} <= set(data)


def test_the_validator_does_fail_on_a_broken_grant(grants):
    data = package()
    del data["grants"][0]["amountAwarded"]
    assert list(validator().iter_errors(data))


def test_the_quality_checks_of_360givings_tool_pass(grants):
    today = timezone.localdate()
    for grant in package()["grants"]:
        assert grant["amountAwarded"] > 0 and grant["amountAppliedFor"] > 0
        assert re.fullmatch(r"360G-[A-Za-z0-9-]+", grant["id"]), grant["id"]
        for org in grant["recipientOrganization"] + grant["fundingOrganization"]:
            assert re.fullmatch(r"KZ-BIN-\d{12}", org["id"])
        planned = grant["plannedDates"][0]
        assert planned["startDate"] < planned["endDate"]
        assert date.fromisoformat(grant["awardDate"]) <= today
        assert len(grant["title"]) <= 140 and grant["title"] != grant["description"]
        assert grant["beneficiaryLocation"][0]["countryCode"] == "KZ" and grant["beneficiaryLocation"][0]["geoCode"]
        assert grant["grantProgramme"][0]["title"]
        assert datetime.fromisoformat(grant["dateModified"])
        assert grant["currency"] == "KZT"


def test_the_fields_say_what_the_grant_is(grants):
    paid, national, shymkent = grants
    by_id = {g["id"]: g for g in package()["grants"]}
    first = by_id[threesixty.grant_id(paid.number)]
    assert first["amountDisbursed"] == 5000000
    assert [t["value"] for t in first["disbursementTransaction"]] == [5000000]
    assert first["recipientOrganization"][0]["id"] == f"KZ-BIN-{paid.ngo.bin}"
    assert first["title"].endswith("…")
    assert by_id[threesixty.grant_id(shymkent.number)]["beneficiaryLocation"][0]["geoCode"] == "KZ-79"
    assert by_id[threesixty.grant_id(national.number)]["beneficiaryLocation"][0]["geoCode"] == "KZ"
    assert "disbursementTransaction" not in by_id[threesixty.grant_id(national.number)]


def test_the_csv_round_trips_to_the_same_grants(grants):
    """flattentool is not used (it pulls ZODB/BTrees, lxml and odfpy in for what is one sheet here): the file is
    read back with the standard's column titles and compared with the JSON, field by field."""
    expected = package()["grants"]
    _, body = download("csv")
    rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
    headers, lines = rows[0], rows[1:]
    assert "Recipient Org:Identifier" in headers and "Beneficiary Location:Geographic Code" in headers
    back = [threesixty.typed(threesixty.unflatten(headers, line)) for line in lines]
    assert back == expected


def test_the_xlsx_round_trips_and_has_a_meta_sheet(grants):
    expected = package()["grants"]
    _, body = download("xlsx")
    workbook = load_workbook(io.BytesIO(body), read_only=True)
    assert workbook.sheetnames == ["grants", "Meta"]
    rows = [list(r) for r in workbook["grants"].iter_rows(values_only=True)]
    width = len(rows[0])
    back = [threesixty.typed(threesixty.unflatten(rows[0], [v if v is not None else "" for v in row]
                                                  + [""] * (width - len(row)))) for row in rows[1:]]
    assert back == expected
    meta = dict(workbook["Meta"].iter_rows(values_only=True))
    assert meta["Version"] == "1.4" and "4.0" in meta["License"]


def test_the_files_are_streamed_and_a_conditional_get_costs_no_query(grants):
    response, _ = download("json")
    assert response.streaming
    etag = response["ETag"]
    with CaptureQueriesContext(connection) as queries:
        again = Client().get(reverse("open_data_file", kwargs={"fmt": "json"}), HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and len(queries) == 0
    assert "public" in again["Cache-Control"]


def test_a_change_makes_a_new_etag(grants):
    etag = download("csv")[0]["ETag"]
    rf.grant(region="atyrau")
    assert download("csv")[0]["ETag"] != etag


def test_the_nightly_copy_is_sent_without_the_database(grants, settings, tmp_path):
    settings.STORAGES = {**settings.STORAGES, "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": str(tmp_path)}}}
    from reports.tasks import write_open_data

    write_open_data()
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(reverse("open_data_file", kwargs={"fmt": "json"}))
        body = b"".join(response.streaming_content)
    assert len(queries) == 0
    assert len(json.loads(body)["grants"]) == 3
    rf.grant(region="atyrau")  # a change since the night: the file streams from the database, with it
    assert len(package()["grants"]) == 4


def test_the_stream_holds_one_grant_at_a_time(grants):
    chunks = list(files.json_chunks())
    assert len(chunks) == 2 + len(grants)  # the head, one chunk per grant, the tail
    files.CHUNK, saved = 2, files.CHUNK  # keyset chunks: every grant once, in order, across chunk borders
    try:
        assert [g.pk for g in files.iterate()] == sorted(g.pk for g in grants)
    finally:
        files.CHUNK = saved
