"""The staff list of grants as a file: CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _

from portal.exports import cell, spreadsheet_response


def columns() -> list[tuple[str, callable]]:
    return [
        (_("Grant number"), lambda grant: grant.number),
        (_("Call"), lambda grant: grant.call.code),
        (_("Lot"), lambda grant: grant.lot.code),
        (_("NGO"), lambda grant: grant.ngo.name),
        (_("BIN"), lambda grant: grant.ngo.bin),
        (_("Project title"), lambda grant: grant.title),
        (_("Amount awarded, tenge"), lambda grant: grant.amount),
        (_("Paid, tenge"), lambda grant: grant.paid),
        (_("Award date"), lambda grant: grant.awarded_on),
        (_("Planned start"), lambda grant: grant.starts_on),
        (_("Planned end"), lambda grant: grant.ends_on),
        (_("Status"), lambda grant: grant.get_status_display()),
    ]


def rows(grants, *, dates_as_text: bool):
    cols = columns()
    yield [str(title) for title, _value in cols]
    for grant in grants:
        values = [value(grant) for _title, value in cols]
        if dates_as_text:
            values = [value.isoformat() if hasattr(value, "isoformat") else value for value in values]
        yield [cell(value) for value in values]


def export_response(grants, *, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return spreadsheet_response(rows(grants, dates_as_text=fmt == "csv"), fmt=fmt, name="grants", sheet=_("Grants"))
