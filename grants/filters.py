"""The public calls list's filters: all combine in the URL (?region=…&grant_type=…&year=…)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm
from portal.models import Region

from .choices import GrantType
from .models import Lot
from .selectors import customers_with_public_calls, public_directions, public_years

NATIONAL = "national"


def region_choices():
    return [(NATIONAL, _("National lots"))] + [(r.slug, r.name) for r in Region.objects.order_by("position")]


class CallFilter(django_filters.FilterSet):
    region = django_filters.ChoiceFilter(label=_("Region"), choices=region_choices, method="filter_region",
                                         empty_label=_("All regions"))
    customer = django_filters.ModelChoiceFilter(
        label=_("Customer"), queryset=customers_with_public_calls(), empty_label=_("All customers")
    )
    direction = django_filters.ModelChoiceFilter(
        label=_("Priority direction"), queryset=public_directions(), method="filter_direction",
        empty_label=_("All directions"),
    )
    grant_type = django_filters.ChoiceFilter(
        label=_("Grant type"), choices=GrantType.choices, method="filter_grant_type", empty_label=_("All types")
    )
    year = django_filters.ModelChoiceFilter(
        label=_("Year"), queryset=public_years(), field_name="fiscal_year", to_field_name="year",
        empty_label=_("All years"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Fresh querysets per request, labelled in the page's language.
        self.filters["customer"].queryset = customers_with_public_calls()
        self.filters["year"].queryset = public_years()
        directions = self.form.fields["direction"]
        directions.queryset = public_directions()
        directions.label_from_instance = lambda d: (
            f"{d.direction_list.fiscal_year.year} · {d.direction_list.customer} · {d.number}. {d.title}"
        )

    class Meta:
        form = PortalForm

    def _lots(self, **lookups):
        return Exists(Lot.objects.filter(call=OuterRef("pk"), **lookups))

    def filter_region(self, queryset, name, value):
        if value == NATIONAL:
            return queryset.filter(self._lots(region__isnull=True))
        return queryset.filter(self._lots(region__slug=value))

    def filter_direction(self, queryset, name, value):
        return queryset.filter(self._lots(direction=value))

    def filter_grant_type(self, queryset, name, value):
        return queryset.filter(self._lots(grant_type=value))
