"""Awards an NGO has received (the state awards for NGOs), as the app that gives them reports it.

Like grant_sources.py: the prizes app builds on this one, so it registers a source in its AppConfig.ready()
and the NGO profile lists what the sources return; with no source registered the profile shows none.
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class ReceivedAward:
    """One award as the NGO profile lists it."""

    title: str
    amount: Decimal
    year: int
    url: str = ""
    shared_by: int = 1


_sources: dict[str, Callable[[object], list[ReceivedAward]]] = {}


def register(name: str, for_ngo: Callable[[object], list[ReceivedAward]]) -> None:
    _sources[name] = for_ngo


def unregister(name: str) -> None:
    _sources.pop(name, None)


def awards_received(ngo) -> list[ReceivedAward]:
    awards = [award for for_ngo in _sources.values() for award in for_ngo(ngo)]
    return sorted(awards, key=lambda award: award.year, reverse=True)
