"""URL × role harness: every named URL declares who may open it and who may post to it
(tests/<app>/access.py, PAGES)."""

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from django.urls import URLPattern, URLResolver, get_resolver

from portal import registry

from .world import World, access_modules


@dataclass(frozen=True)
class Page:
    name: str
    allowed: frozenset
    kwargs: Callable[[World], dict] = field(default=lambda world: {}, compare=False)
    query: str = ""
    status: int = 200  # what an allowed role gets
    refused: tuple = (403, 404)  # what a signed-in role without access gets
    # POST: None means the URL takes no POST (the suite fails if its view reads one). Otherwise the roles
    # whose POST is carried out; every other signed-in role gets `post_refused` and anonymous is sent to
    # sign in (unless anonymous is in `post`).
    post: frozenset | None = None
    post_data: Callable[[World], dict] = field(default=lambda world: {}, compare=False)
    post_status: int = 302  # what an allowed role's POST answers
    post_refused: tuple = (403, 404)
    # Where an allowed POST leads (the Location starts with it) and what it changed (true once done).
    # A refused POST must leave `post_effect` false.
    post_redirect: Callable[[World], str] | None = field(default=None, compare=False)
    post_effect: Callable[[World], bool] | None = field(default=None, compare=False)

    def __str__(self):
        return self.name


# Third-party or token-bound URLs: covered by their own flows and e2e tests, not by GET-by-role.
EXEMPT_PREFIXES = ("admin:",)


def _project_modules() -> tuple[str, ...]:
    """The code the portal owns (its apps' packages): its views are read to tell whether they take a POST."""
    return (*(config.name for config in registry.portal_apps()), "config")


def declared_pages() -> list[Page]:
    return [page for module in access_modules() for page in getattr(module, "PAGES", [])]


def exempt_names() -> set[str]:
    return {name for module in access_modules() for name in getattr(module, "EXEMPT", {})}


def url_patterns() -> dict[str, URLPattern]:
    """Every named URL (but the exempt prefixes), with its pattern."""
    found = {}

    def walk(patterns, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                ns = namespace
                if pattern.namespace:
                    ns = f"{namespace}{pattern.namespace}:"
                walk(pattern.url_patterns, ns)
            elif isinstance(pattern, URLPattern) and pattern.name:
                found.setdefault(f"{namespace}{pattern.name}", pattern)

    walk(get_resolver().url_patterns, "")
    return {name: pattern for name, pattern in found.items() if not name.startswith(EXEMPT_PREFIXES)}


def all_url_names() -> set[str]:
    return set(url_patterns())


def view_module(pattern: URLPattern) -> str:
    """The module a URL's view comes from (allauth.account.views, ngos.views.own…), for error messages."""
    callback = pattern.callback
    view_class = getattr(callback, "view_class", None)
    return (view_class or inspect.unwrap(callback)).__module__


def _functions(callback) -> list:
    """The view and every function its decorators wrap or close over."""
    seen, todo = [], [callback]
    while todo:
        item = todo.pop()
        if not callable(item) or any(item is known for known in seen):
            continue
        seen.append(item)
        todo.append(getattr(item, "__wrapped__", None))
        for cell in getattr(item, "__closure__", None) or ():
            try:
                todo.append(cell.cell_contents)
            except ValueError:  # an empty cell
                continue
    return [item for item in seen if inspect.isfunction(item)]


def takes_post(callback, _depth: int = 0, _seen: set | None = None) -> bool:
    """Whether a view reads a POST: a class view with post(), a require_http_methods list with POST, or
    portal code (the view, its decorators, helpers it calls two levels deep) that looks at POST."""
    seen = _seen if _seen is not None else set()
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return "post" in view_class.http_method_names and hasattr(view_class, "post")
    for function in _functions(callback):
        if function in seen:
            continue
        seen.add(function)
        for cell in function.__closure__ or ():
            try:
                value = cell.cell_contents
            except ValueError:
                continue
            if isinstance(value, list | tuple | set | frozenset) and value and all(
                isinstance(item, str) and item.isupper() for item in value
            ):
                return "POST" in value  # require_http_methods / require_POST / require_GET
        if not function.__module__.startswith(_project_modules()):
            continue
        try:
            # The code object's own source: inspect.getsource(function) would unwrap to the inner view.
            source = inspect.getsource(function.__code__)
        except (OSError, TypeError):
            continue
        if "POST" in source or "post_only(" in source:
            return True
        if _depth < 2:
            for name in function.__code__.co_names:
                helper = function.__globals__.get(name)
                if (inspect.isfunction(helper) and helper.__module__.startswith(_project_modules())
                        and takes_post(helper, _depth + 1, seen)):
                    return True
    return False


@cache
def post_url_names() -> frozenset[str]:
    return frozenset(name for name, pattern in url_patterns().items() if takes_post(pattern.callback))
