"""Public pages and their parts, cached on the server and by browsers and proxies, never stale.

Every kind of public content ("calls", "ngos", "results", "directions"…) has a version in the cache.
A cached page or fragment is keyed by the versions of the kinds it shows and the page's language, so
bumping a version makes everything that showed that kind miss at once; nothing is ever deleted.
The versions are bumped after commit by `portal.audit.record` (every service's audited write goes
through it), from the model of the audited object: each app declares which of its models show on
public pages and as what kind (`Contributes.public_content`). A service can also call `bump()`.

Why not Django's `cache_page`: it keys on the URL and the Vary headers and only expires by time, so a
change would show only after the timeout; it also refuses responses of requests that carry cookies
differently from ours. Template fragment caching has the same time-only expiry. What is reused is
Django's cache API and `patch_cache_control`/`patch_vary_headers`.

A cache that does not answer (Redis down; the fail-open backend of portal/cache.py, or any other) is a
miss: the page is built as if nothing was cached,
never an error.
"""

import hashlib
import logging
import time
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.functional import cached_property

log = logging.getLogger(__name__)

# How long a browser or proxy may reuse a public page, and how long the server keeps one. Versions
# make changes show at once on the server; the time bounds what the clock changes (a deadline passing).
MAX_AGE = 60
PAGE_TIMEOUT = 60
FRAGMENT_TIMEOUT = 600
# A search counts its matches up to here (50 pages of 20); past it the list says "more than" and asks for a word more:
# counting every grant or NGO a common word finds would read them all to say so.
SEARCH_COUNT_LIMIT = 1000
PREFIX = "demeu:cache:"


def _safe(default, operation, *args, **kwargs):
    try:
        return operation(*args, **kwargs)
    except Exception as error:  # any cache failure degrades to a miss; the page is built from the database
        log.warning("cache unavailable: %s", error.__class__.__name__)
        return default


def _version_key(kind: str) -> str:
    return f"{PREFIX}v:{kind}"


def versions(kinds) -> str:
    """The current versions of `kinds`, as one string for a key; a missing version is started."""
    kinds = sorted(set(kinds))
    if not kinds:
        return "-"
    keys = [_version_key(kind) for kind in kinds]
    found = _safe(None, cache.get_many, keys)
    if found is None:
        return ""  # no cache: the caller does not cache either
    missing = {key: time.time_ns() for key in keys if key not in found}
    if missing:
        _safe(None, cache.set_many, missing, timeout=None)
        found.update(missing)
    return ".".join(str(found[key]) for key in keys)


def bump(*kinds: str) -> None:
    """Everything that shows these kinds is rebuilt on its next view.

    Bumped at once (this process reads its own uncommitted writes) and again after commit: a page
    another request rebuilt in between, from the data before the commit, is dropped by the second."""
    if not kinds:
        return

    def write():
        _safe(None, cache.set_many, {_version_key(kind): time.time_ns() for kind in kinds}, timeout=None)

    write()
    transaction.on_commit(write)


def kinds_of_model(label: str) -> tuple[str, ...]:
    """The kinds of public content a model (``app_label.modelname``) shows as, from the apps' declarations."""
    return _content_table().get(label, ())


_table: dict | None = None


def _content_table() -> dict:
    global _table
    if _table is None:
        from . import registry

        table: dict[str, set] = {}
        for config in registry.portal_apps():
            for label, kind in config.contributes.public_content:
                table.setdefault(label.lower(), set()).add(kind)
        _table = {label: tuple(sorted(kinds)) for label, kinds in table.items()}
    return _table


def _lookup(name: str, kinds, parts=()):
    """One round trip for the entry and the versions of its kinds: (key, stamp, value or MISS).

    The entry is stored with the versions it was built from, under a key without them, so a cache hit
    costs a single GET_MANY (a page read under load pays each round trip in scheduling delays)."""
    if not settings.PUBLIC_CACHE:
        return None, None, MISS
    raw = "|".join([name, translation.get_language() or "", *map(str, parts)])
    key = f"{PREFIX}{name}:{hashlib.sha256(raw.encode()).hexdigest()[:32]}"
    version_keys = [_version_key(kind) for kind in sorted(set(kinds))]
    found = _safe(None, cache.get_many, [key, *version_keys])
    if found is None:
        return None, None, MISS  # no cache: the caller does not store either
    missing = {version: time.time_ns() for version in version_keys if version not in found}
    if missing:
        _safe(None, cache.set_many, missing, timeout=None)
        found.update(missing)
    stamp = ".".join(str(found[version]) for version in version_keys) or "-"
    entry = found.get(key)
    if isinstance(entry, tuple) and len(entry) == 2 and entry[0] == stamp:
        return key, stamp, entry[1]
    return key, stamp, MISS


def _store(key, stamp, value, timeout: int) -> None:
    if key is not None:
        _safe(None, cache.set, key, (stamp, value), timeout)


MISS = object()


def fragment(name: str, *, kinds, compute, parts=(), timeout: int = FRAGMENT_TIMEOUT):
    """`compute()`, kept for the current versions of `kinds` and the page's language."""
    key, stamp, value = _lookup(name, kinds, parts)
    if value is MISS:
        value = compute()
        _store(key, stamp, value, timeout)
    return value


class CachedCountPaginator(Paginator):
    """A paginator whose count is of a plain queryset (no annotations, no ordering), kept for the
    versions of `kinds`: paging through a list counts once, not once per page.

    `limit`: count no further than this (a search for a word found in 40,000 names would read them all
    to say so); `capped` then tells the page to say "more than" and the pages stop there. `known`: the
    count, when the caller has it cheaper (a tally): no count query."""

    def __init__(self, object_list, per_page, *, count_queryset=None, kinds=(), limit: int | None = None,
                 known: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.count_queryset = count_queryset if count_queryset is not None else object_list
        self.kinds = kinds
        self.limit = limit
        self.known = known

    @cached_property
    def counted(self) -> int:
        if self.known is not None:
            return self.known
        queryset = self.count_queryset.order_by()
        if self.limit is not None:
            queryset = queryset[: self.limit + 1]
        try:
            sql, params = queryset.values("pk").query.sql_with_params()
        except EmptyResultSet:  # .none(), or a search with no word: nothing to count
            return 0
        return fragment("count", kinds=self.kinds, compute=queryset.count, parts=(sql, params))

    @cached_property
    def count(self):
        return min(self.counted, self.limit) if self.limit is not None else self.counted

    @property
    def capped(self) -> bool:
        return self.limit is not None and self.counted > self.limit


def _cacheable_request(request) -> bool:
    """An anonymous visitor's GET with nothing personal on the page: no session, no flash messages."""
    if request.method not in ("GET", "HEAD"):
        return False
    cookies = request.COOKIES
    return settings.SESSION_COOKIE_NAME not in cookies and "messages" not in cookies


def mark_public(response, max_age: int = MAX_AGE):
    patch_cache_control(response, public=True, max_age=max_age)
    patch_vary_headers(response, ("Cookie",))  # a signed-in visitor sees their own menu
    return response


def mark_private(response):
    patch_cache_control(response, private=True, no_store=True)
    return response


def public_page(*kinds: str, max_age: int = MAX_AGE, server: bool = True):
    """A page anyone may read: anonymous visitors get it from the server cache (keyed by path, query
    and language, rebuilt when one of `kinds` changes) and may keep it `max_age` seconds; a signed-in
    visitor's copy is private and not stored. `server=False` keeps only the headers (files, PDFs)."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not _cacheable_request(request):
                return mark_private(view(request, *args, **kwargs))
            key, stamp, found = _lookup("page", kinds, (request.get_full_path(),)) if server else (None, None, MISS)
            if found is not MISS:
                content, content_type = found
                return mark_public(HttpResponse(content, content_type=content_type), max_age)
            response = _finish(request, view(request, *args, **kwargs), max_age)
            if _storable(response):
                _store(key, stamp, (response.content, response["Content-Type"]), PAGE_TIMEOUT)
            return response

        return wrapper

    return decorate


def _finish(request, response, max_age: int):
    anonymous = not request.user.is_authenticated
    if anonymous and response.status_code == 200 and not response.cookies:
        return mark_public(response, max_age)
    return mark_private(response)


def _storable(response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in response.get("Cache-Control", "")
    )
