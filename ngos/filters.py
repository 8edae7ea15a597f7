"""The filters of the NGO lists. They read and write the query string, so a filtered list is a link."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portal import public_cache as cache
from portal.forms import PortalForm
from portal.models import Region

from .choices import EligibilityFlag, LegalForm, VerificationStatus
from .forms import normalize_bin
from .models import NGO, Sphere
from .selectors import name_sort_key, search_ngos


class FilterForm(PortalForm):
    pass


def named_choices(queryset) -> list[tuple[str, str, int]]:
    """(slug, name in the page's language, id) for a model with Translated `name`."""
    return [(item.slug, str(item.name), item.pk) for item in queryset.only("slug", "name_kk", "name_ru", "name_en")]


class PublicNGOFilter(django_filters.FilterSet):
    SORTS = {
        "name": _("Name, А–Я"),
        "-name": _("Name, Я–А"),
        "-registered": _("Newest registration first"),
        "registered": _("Oldest registration first"),
    }

    q = django_filters.CharFilter(label=_("Name or BIN"), method="filter_q")
    # Plain choices (slug → name), read once per request: no query to validate, none to render.
    # Filtered by the ids behind the slugs (read with the choices): no join to the regions or spheres, so
    # the server can walk an index of the NGOs (migration 0008) instead of joining every row first.
    region = django_filters.ChoiceFilter(label=_("Region"), method="filter_region", empty_label=_("All regions"))
    sphere = django_filters.ChoiceFilter(
        label=_("Sphere of activity"), method="filter_sphere", empty_label=_("All spheres")
    )
    legal_form = django_filters.ChoiceFilter(
        label=_("Legal form"), choices=LegalForm.choices, empty_label=_("All legal forms")
    )
    listed = django_filters.BooleanFilter(method="filter_true", widget=forms.CheckboxInput)
    grants = django_filters.BooleanFilter(
        label=_("Has received state grants"), method="filter_true", field_name="has_grants",
        widget=forms.CheckboxInput,
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), method="filter_sort", choices=list(SORTS.items()), empty_label=None,
    )

    class Meta:
        model = NGO
        fields = ["q", "region", "sphere", "legal_form", "listed", "grants", "sort"]
        form = FilterForm

    def __init__(self, data=None, *args, year: int, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.year = year
        choices = cache.fragment("ngo-filter-choices-ids", kinds=("ngos",), compute=lambda: {
            "region": named_choices(Region.objects.order_by("position")),
            "sphere": named_choices(Sphere.objects.order_by("position", "slug")),
        })
        self.ids = {kind: {slug: pk for slug, _name, pk in rows} for kind, rows in choices.items()}
        self.filters["region"].extra["choices"] = [(slug, name) for slug, name, _pk in choices["region"]]
        self.filters["sphere"].extra["choices"] = [(slug, name) for slug, name, _pk in choices["sphere"]]
        self.filters["listed"].label = _("Listed in the NGO database for %(year)s") % {"year": year}
        self.filters["listed"].field_name = "listed"

    @property
    def qs(self):
        if not hasattr(self, "_qs"):
            queryset = super().qs
            if not (self.form.is_valid() and self.form.cleaned_data.get("sort")):
                queryset = queryset.order_by(name_sort_key(), "pk")
            self._qs = queryset
        return self._qs

    def filter_q(self, queryset, name, value):
        digits = normalize_bin(value)
        return search_ngos(queryset, digits if digits.isascii() and digits.isdigit() else value)

    def filter_region(self, queryset, name, value):
        return queryset.filter(region_id=self.ids["region"][value]) if value else queryset

    def filter_sphere(self, queryset, name, value):
        if not value:
            return queryset
        chosen = NGO.spheres.through.objects.filter(ngo=OuterRef("pk"), sphere_id=self.ids["sphere"][value])
        return queryset.filter(Exists(chosen))

    def filter_true(self, queryset, name, value):
        return queryset.filter(**{name: True}) if value else queryset

    def filter_sort(self, queryset, name, value):
        key = name_sort_key()
        orderings = {
            "name": [key.asc(), "pk"],
            "-name": [key.desc(), "-pk"],
            "-registered": ["-registered_on", "pk"],
            "registered": ["registered_on", "pk"],
        }
        return queryset.order_by(*orderings.get(value, orderings["name"]))


class StaffNGOFilter(PublicNGOFilter):
    SORTS = {
        **PublicNGOFilter.SORTS,
        "created": _("Waiting longest first"),
        "-created": _("Newest in the portal first"),
    }

    verification = django_filters.ChoiceFilter(
        label=_("Verification"), choices=VerificationStatus.choices, empty_label=_("Any status")
    )
    flag = django_filters.ChoiceFilter(
        label=_("Eligibility flag"), method="filter_flag",
        choices=[("any", _("Any flag set")), *EligibilityFlag.choices], empty_label=_("Flags: all NGOs"),
    )
    report = django_filters.ChoiceFilter(
        label=_("Yearly report"), method="filter_report", empty_label=_("Any"),
        choices=[
            ("on_time", _("Filed on time")),
            ("late", _("Filed late")),
            ("missing", _("Not filed")),
        ],
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"), method="filter_sort", choices=list(SORTS.items()), empty_label=None,
    )

    class Meta(PublicNGOFilter.Meta):
        fields = ["q", "verification", "region", "sphere", "legal_form", "flag", "report", "listed", "grants", "sort"]

    def __init__(self, data=None, *args, year: int, **kwargs):
        super().__init__(data, *args, year=year, **kwargs)
        self.filters["report"].label = _("Yearly report for %(year)s") % {"year": year}

    def filter_flag(self, queryset, name, value):
        if value == "any":
            return queryset.filter(Q(in_liquidation=True) | Q(bankrupt=True) | Q(suspended=True))
        if value in EligibilityFlag.values:
            return queryset.filter(**{value: True})
        return queryset

    def filter_report(self, queryset, name, value):
        if value == "on_time":
            return queryset.filter(listed=True, filed_late=False)
        if value == "late":
            return queryset.filter(filed_late=True)
        if value == "missing":
            return queryset.filter(listed=False)
        return queryset

    def filter_sort(self, queryset, name, value):
        if value == "created":
            return queryset.order_by("created_at", "pk")
        if value == "-created":
            return queryset.order_by("-created_at", "-pk")
        return super().filter_sort(queryset, name, value)
