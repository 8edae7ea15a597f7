"""URL × role harness: every named URL declares who may open it (tests/<app>/access.py, PAGES)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import URLPattern, URLResolver, get_resolver

from .world import World, access_modules


@dataclass(frozen=True)
class Page:
    name: str
    allowed: frozenset
    kwargs: Callable[[World], dict] = field(default=lambda world: {}, compare=False)
    query: str = ""
    status: int = 200  # what an allowed role gets
    refused: tuple = (403, 404)  # what a signed-in role without access gets

    def __str__(self):
        return self.name


# Third-party or token-bound URLs: covered by their own flows and e2e tests, not by GET-by-role.
EXEMPT_PREFIXES = ("admin:",)


def declared_pages() -> list[Page]:
    pages = []
    for module in access_modules():
        pages.extend(getattr(module, "PAGES", []))
    return pages


def exempt_names() -> set[str]:
    names = set()
    for module in access_modules():
        names.update(getattr(module, "EXEMPT", {}))
    return names


def all_url_names() -> set[str]:
    names = set()

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                names.add(f"{namespace}{pattern.name}")

    walk(get_resolver().url_patterns, "")
    return {name for name in names if not name.startswith(EXEMPT_PREFIXES)}
