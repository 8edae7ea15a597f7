"""What the floors above show on a grant's page: monitoring adds its reports and visits (and flags a visit that
did not confirm a reported result). agreements may not import them, so they register here in their ready()."""

from collections.abc import Callable

_sources: dict[str, Callable] = {}


def register(name: str, source: Callable) -> None:
    """source(request, grant) -> [{"url", "label", "note", "alert"}]: links the user may follow from the grant."""
    _sources[name] = source


def unregister(name: str) -> None:
    _sources.pop(name, None)


def links(request, grant) -> list[dict]:
    return [link for source in _sources.values() for link in source(request, grant)]
