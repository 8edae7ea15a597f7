"""The staff list of NGOs as a file: CSV (UTF-8 with BOM, so Excel reads Cyrillic) or XLSX."""

from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from portal.exports import cell, spreadsheet_response

from .choices import EligibilityFlag


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
    if fmt not in ("csv", "xlsx"):
        raise Http404
    return spreadsheet_response(rows(queryset, year), fmt=fmt, name="ngos", sheet=_("NGOs"))
