"""The registry's filters: they read and write the query string, so a filtered list is a link (the map's regions
link to it, and the CSV/XLSX of the filtered list take the same query)."""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import F
from django.utils.translation import gettext_lazy as _

from agreements.choices import GrantStatus
from grants.choices import GrantType
from portal import public_cache as cache
from portal.forms import MoneyField, PortalForm
from portal.models import Region
from portal.translation import pick

from .models import LotAwardTally
from .selectors import statistics


def _choices() -> dict:
    """The choices that cost queries, read once per change of the grants (kept in the server cache). The customers,
    directions and years that have a public grant, from the statistics' tallies (a few thousand rows), never from
    the grants; read as rows, not models (three models a direction, every time the cache is cold)."""
    from django.db.models import Exists, OuterRef

    from grants.models import Customer, PriorityDirection

    years = statistics.years()  # counts what changed first: the tallies below are current
    tallied = LotAwardTally.objects.filter
    names = ("name_kk", "name_ru", "name_en")
    customers = (Customer.objects.filter(Exists(tallied(call__customer=OuterRef("pk")))).order_by("pk")
                 .values("pk", *names, "short_name_kk", "short_name_ru", "short_name_en"))
    directions = (PriorityDirection.objects.filter(Exists(tallied(lot__direction=OuterRef("pk"))))
                  .order_by("direction_list__fiscal_year__year", "number")
                  .values("pk", "number", "title_kk", "title_ru", "title_en",
                          year=F("direction_list__fiscal_year__year")))
    regions = Region.objects.order_by("position").values("slug", *names)
    return {
        "region": [("national", str(_("National (all regions)")))]
        + [(r["slug"], pick(r, "name")) for r in regions],
        "customer": [(str(c["pk"]), pick(c, "short_name") or pick(c, "name")) for c in customers],
        "direction": [(str(d["pk"]), f"{d['year']} · {d['number']}. {pick(d, 'title')}") for d in directions],
        "year": [(str(y), str(y)) for y in years],
    }


SORT_CHOICES = [
    ("-date", _("Newest award first")),
    ("date", _("Oldest award first")),
    ("-amount", _("Largest amount first")),
    ("amount", _("Smallest amount first")),
    ("ngo", _("NGO name, А–Я")),
    ("-ngo", _("NGO name, Я–А")),
]


class RegistryFilterForm(PortalForm):
    q = forms.CharField(label=_("Search: project, summary or NGO"), required=False, max_length=200)
    region = forms.ChoiceField(label=_("Region"), required=False)
    year = forms.ChoiceField(label=_("Year of the award"), required=False)
    customer = forms.ChoiceField(label=_("Customer"), required=False)
    direction = forms.ChoiceField(label=_("Priority direction"), required=False)
    grant_type = forms.ChoiceField(label=_("Grant type"), required=False,
                                   choices=[("", _("All grant types")), *GrantType.choices])
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", _("Every status")),
                                        *[(v, label) for v, label in GrantStatus.choices if v != GrantStatus.DECLINED]])
    amount_from = MoneyField(label=_("Amount from, ₸"), required=False)
    amount_to = MoneyField(label=_("Amount to, ₸"), required=False)
    sort = forms.ChoiceField(label=_("Sort by"), required=False, choices=SORT_CHOICES)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        choices = cache.fragment("registry-filter-choices", kinds=("grants",), compute=_choices)
        self.fields["region"].choices = [("", _("All regions")), *choices["region"]]
        self.fields["year"].choices = [("", _("Every year")), *choices["year"]]
        self.fields["customer"].choices = [("", _("Every customer")), *choices["customer"]]
        self.fields["direction"].choices = [("", _("Every direction")), *choices["direction"]]

    def clean(self):
        data = super().clean()
        low, high = data.get("amount_from"), data.get("amount_to")
        if low is not None and high is not None and low > high:
            raise ValidationError(_("The amount «from» is larger than the amount «to»: swap them or change one."),
                                  code="amount_range")
        return data

    def criteria(self) -> dict:
        """The filters as reports.selectors.registry.filtered() takes them (nothing chosen on invalid input)."""
        if not self.is_bound or not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data.get("q") or "",
            "region": data.get("region") or "",
            "year": int(data["year"]) if data.get("year") else None,
            "customer": int(data["customer"]) if data.get("customer") else None,
            "direction": int(data["direction"]) if data.get("direction") else None,
            "grant_type": data.get("grant_type") or "",
            "status": data.get("status") or "",
            "amount_from": data.get("amount_from"),
            "amount_to": data.get("amount_to"),
        }

    def ordering(self) -> str:
        return (self.cleaned_data.get("sort") if self.is_bound and self.is_valid() else "") or "-date"
