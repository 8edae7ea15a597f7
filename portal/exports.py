"""Staff lists as files: CSV (UTF-8 with a byte-order mark, so Excel reads Kazakh and Russian) or XLSX."""

import csv
import io
import re

from django.http import Http404, HttpResponse
from django.utils import timezone
from openpyxl import Workbook

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PHONE = re.compile(r"^[+\-]?[\d\s()\-]+$")


def cell(value):
    """Text a spreadsheet will not run as a formula (names and addresses are typed by NGOs)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r") and not PHONE.match(value):
        return "'" + value
    return value


def spreadsheet_response(rows, *, fmt: str, name: str, sheet: str) -> HttpResponse:
    """`rows` (the header first) as `demeu-<name>-<date>.<fmt>`; an unknown format is not found."""
    if fmt == "csv":
        buffer = io.StringIO()
        buffer.write("\ufeff")
        csv.writer(buffer).writerows(rows)
        response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        workbook = Workbook(write_only=True)
        worksheet = workbook.create_sheet(sheet[:31])
        for row in rows:
            worksheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    else:
        raise Http404
    stamp = timezone.localdate().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="demeu-{name}-{stamp}.{fmt}"'
    return response
