"""The public calls list's filters: all combine in the URL (?region=…&grant_type=…&year=…)."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from portal import public_cache as cache
from portal.forms import PortalForm
from portal.models import Region

from .choices import GrantType
from .models import Lot
from .selectors import customers_with_public_calls, public_directions, public_years

NATIONAL = "national"


def region_choices():
    return [(NATIONAL, _("National lots"))] + [(r.slug, r.name) for r in Region.objects.order_by("position")]


def _direction_label(d) -> str:
    return f"{d.direction_list.fiscal_year.year} · {d.direction_list.customer} · {d.number}. {d.title}"


def _choice_lists() -> dict:
    return {
        "region": [(value, str(label)) for value, label in region_choices()],
        "customer": [(str(c.pk), str(c)) for c in customers_with_public_calls()],
        "direction": [(str(d.pk), _direction_label(d)) for d in public_directions()],
        "year": [(str(y.year), str(y.year)) for y in public_years()],
    }


def choice_lists() -> dict:
    """The five lists of the form, in the page's language: read once per change of the calls or
    directions (portal/public_cache.py), not on every view of the list."""
    return cache.fragment("call-filter-choices", kinds=("calls", "directions"), compute=_choice_lists)


class CallFilter(django_filters.FilterSet):
    # Plain choices (value → label), filled from choice_lists(): no query to validate or render.
    region = django_filters.ChoiceFilter(label=_("Region"), method="filter_region", empty_label=_("All regions"))
    customer = django_filters.ChoiceFilter(label=_("Customer"), field_name="customer_id",
                                           empty_label=_("All customers"))
    direction = django_filters.ChoiceFilter(
        label=_("Priority direction"), method="filter_direction", empty_label=_("All directions"),
    )
    grant_type = django_filters.ChoiceFilter(
        label=_("Grant type"), choices=GrantType.choices, method="filter_grant_type", empty_label=_("All types")
    )
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="fiscal_year__year", empty_label=_("All years"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, choices in choice_lists().items():
            self.filters[name].extra["choices"] = choices

    class Meta:
        form = PortalForm

    def _lots(self, **lookups):
        return Exists(Lot.objects.filter(call=OuterRef("pk"), **lookups))

    def filter_region(self, queryset, name, value):
        if value == NATIONAL:
            return queryset.filter(self._lots(region__isnull=True))
        return queryset.filter(self._lots(region__slug=value))

    def filter_direction(self, queryset, name, value):
        return queryset.filter(self._lots(direction_id=value))

    def filter_grant_type(self, queryset, name, value):
        return queryset.filter(self._lots(grant_type=value))
