"""/<lang>/statistics/: money and grants by region (with the map), year, direction, customer and grant type, the
success rate of applications and the share of NGOs funded per region; each figure also as CSV."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _

from portal import public_cache as cache
from portal.exports import spreadsheet_response

from .. import charts
from ..selectors import statistics

FIGURES = ("regions", "years", "directions", "customers", "types", "success")


def _year(request, years: list[int]) -> int | None:
    raw = request.GET.get("year", "")
    return int(raw) if raw.isdigit() and int(raw) in years else None


def _figures(year):
    return cache.fragment("statistics", kinds=("grants", "ngos"), parts=(year,),
                          compute=lambda: statistics.figures(year))


@cache.public_page("grants", "ngos")
def index(request):
    years = cache.fragment("statistics-years", kinds=("grants",), compute=statistics.years)
    year = _year(request, years)
    data = _figures(year)
    return render(request, "reports/statistics.html", {
        "years": years, "year": year, "data": data,
        "map": charts.choropleth(data["regions"]),
        "charts": {
            "regions": charts.bars(data["regions"], value="amount"),
            "years": charts.line(data["years"], value="amount"),
            "years_count": charts.bars(data["years"], value="count"),
            "directions": charts.bars(data["directions"], value="amount"),
            "customers": charts.bars(data["customers"], value="amount"),
            "types": charts.bars(data["types"], value="amount"),
            "share": charts.bars([{**r, "share": r["ngo_share"] or 0} for r in data["success"]], value="share"),
        },
    })


def _table(name: str, data: dict) -> list[list]:
    if name == "regions":
        rows = [[_("Region"), _("ISO 3166-2"), _("Grants"), _("Amount, ₸")]]
        rows += [[r["name"], r["iso"], r["count"], r["amount"]] for r in data["regions"]]
        rows.append([_("National (all regions)"), "KZ", data["national"]["count"], data["national"]["amount"]])
        return rows
    if name == "success":
        rows = [[_("Region"), _("Applications submitted"), _("Admitted"), _("Funded"), _("Success rate, %"),
                 _("Verified NGOs"), _("NGOs with a grant"), _("Share of NGOs with a grant, %")]]
        return rows + [[r["name"], r["submitted"], r["admitted"], r["funded"], r["rate"], r["ngos"],
                        r["ngos_funded"], r["ngo_share"]] for r in data["success"]]
    heading = {"years": _("Year"), "directions": _("Priority direction"), "customers": _("Customer"),
               "types": _("Grant type")}[name]
    return [[heading, _("Grants"), _("Amount, ₸")]] + [[r["label"], r["count"], r["amount"]] for r in data[name]]


@cache.public_page("grants", "ngos", server=False)
def figure_csv(request, figure: str):
    if figure not in FIGURES:
        raise Http404
    years = cache.fragment("statistics-years", kinds=("grants",), compute=statistics.years)
    year = _year(request, years)
    name = f"statistics-{figure}" + (f"-{year}" if year else "")
    return spreadsheet_response(_table(figure, _figures(year)), fmt="csv", name=name, sheet=figure)
