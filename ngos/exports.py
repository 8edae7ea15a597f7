"""The staff list of NGOs as a file: CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX."""

import csv
import io
import re

from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook

from .choices import EligibilityFlag

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PHONE = re.compile(r"^[+\-]?[\d\s()\-]+$")


def cell(value):
    """Text a spreadsheet will not run as a formula (names and addresses are typed by NGOs)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not PHONE.match(value):
        return "'" + value
    return value


def columns(year: int) -> list[tuple[str, callable]]:
    def yes_no(value):
        return _("yes") if value else _("no")

    def report_state(ngo):
        if not ngo.listed:
            return _("not filed")
        return _("filed late") if ngo.filed_late else _("filed on time")

    return [
        (_("BIN"), lambda ngo: ngo.bin),
        (_("Name (Kazakh)"), lambda ngo: ngo.name_kk),
        (_("Name (Russian)"), lambda ngo: ngo.name_ru),
        (_("Short name (Kazakh)"), lambda ngo: ngo.short_name_kk),
        (_("Short name (Russian)"), lambda ngo: ngo.short_name_ru),
        (_("Legal form"), lambda ngo: ngo.get_legal_form_display()),
        (_("Date of registration"), lambda ngo: ngo.registered_on.strftime("%d.%m.%Y") if ngo.registered_on else ""),
        (_("Region"), lambda ngo: ngo.region.name),
        (_("Address"), lambda ngo: ngo.address),
        (pgettext("contact", "Phone"), lambda ngo: ngo.phone),
        (_("E-mail"), lambda ngo: ngo.email),
        (_("Website"), lambda ngo: ngo.website),
        (_("Spheres of activity"), lambda ngo: "; ".join(sphere.name for sphere in ngo.spheres.all())),
        (_("Verification"), lambda ngo: ngo.get_verification_display()),
        *[
            (str(flag.label), lambda ngo, flag=flag: yes_no(getattr(ngo, flag.value)))
            for flag in EligibilityFlag
        ],
        (_("Yearly report for %(year)s") % {"year": year}, report_state),
        (_("Members on the portal"), lambda ngo: ngo.members_count),
    ]


def rows(queryset, year: int):
    cols = columns(year)
    yield [str(title) for title, _value in cols]
    for ngo in queryset.iterator(chunk_size=1000):
        yield [cell(value(ngo)) for _title, value in cols]


def export_response(queryset, *, fmt: str, year: int) -> HttpResponse:
    stamp = timezone.localdate().strftime("%Y%m%d")
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        writer = csv.writer(buffer)
        writer.writerows(rows(queryset, year))
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(_("NGOs"))
        for row in rows(queryset, year):
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="demeu-ngos-{stamp}.{fmt}"'
    return response
