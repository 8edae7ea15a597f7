"""Grants an NGO has received, as the app that awards them reports it.

The NGO database shows each NGO's grants and filters by "has received grants", but grant
agreements belong to the grants app, which builds on this one. So the dependency points that way:
the grants app registers a source in its `AppConfig.ready()`:

    from ngos.grant_sources import GrantSource, ReceivedGrant, register

    register(GrantSource(
        name="agreements",
        exists=lambda: Exists(Agreement.objects.signed().filter(ngo=OuterRef("pk"))),
        for_ngo=lambda ngo: [ReceivedGrant(title=a.title, amount=a.amount, year=a.signed_on.year,
                                           url=a.get_absolute_url()) for a in Agreement.objects.signed()
                                           .filter(ngo=ngo)],
    ))

While no source is registered no NGO has received a grant through the portal: the filter finds
none and every profile shows the empty state. Nothing here invents grants.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import BooleanField, Expression, ExpressionWrapper, Q, Value


@dataclass(frozen=True)
class ReceivedGrant:
    """One grant as the NGO profile lists it."""

    title: str
    amount: Decimal
    year: int
    url: str = ""
    programme: str = ""
    awarded_on: date | None = None


@dataclass(frozen=True)
class GrantSource:
    name: str
    # A boolean expression over OuterRef("pk") of an NGO queryset, e.g. Exists(...).
    exists: Callable[[], Expression]
    # The grants one NGO has received, newest first.
    for_ngo: Callable[[object], list[ReceivedGrant]]


_sources: dict[str, GrantSource] = {}


def register(source: GrantSource) -> None:
    _sources[source.name] = source


def unregister(name: str) -> None:
    _sources.pop(name, None)


def sources() -> list[GrantSource]:
    return list(_sources.values())


def has_received_grants() -> Expression:
    """Annotation for an NGO queryset: True when any source knows a grant of that NGO."""
    registered = sources()
    if not registered:
        return Value(False, output_field=BooleanField())
    condition = Q()
    for source in registered:
        condition |= Q(source.exists())
    return ExpressionWrapper(condition, output_field=BooleanField())


def grants_received(ngo) -> list[ReceivedGrant]:
    grants = [grant for source in sources() for grant in source.for_ngo(ngo)]
    return sorted(grants, key=lambda grant: (grant.year, grant.awarded_on or date.min), reverse=True)
