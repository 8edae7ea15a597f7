"""A Redis cache that fails open: the cache only speeds the portal up, so Redis being down must not fail a request.

While Redis is unreachable every read is a miss and every write is dropped: pages and PDFs are computed again, and
allauth's rate limits (which live in the cache) count nothing, so signing in keeps working. After a failure the
cache is not asked again for a few seconds, so a request does not pay a connection timeout on every call.
/healthz asks ping(), which does raise, to report the cache as down.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# Until when each Redis location is taken as down (per process; shared by the threads' cache objects).
_down_until: dict[str, float] = {}


class ReusedClientRedisCacheClient(RedisCacheClient):
    """Django makes a new redis.Redis for every cache call, and each builds its table of some 170 response callbacks
    (a third of a millisecond; a submission makes three calls): one client per connection pool, reused. A redis.Redis
    is safe to share between threads, as its pool is."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class FailOpenRedisCache(RedisCache):
    retry_after = 5.0

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusedClientRedisCacheClient
        self._location = str(server)

    def ping(self) -> None:
        """Raises when Redis does not answer (for /healthz)."""
        self._cache.get_client().ping()
        _down_until.pop(self._location, None)

    def _guarded(self, name: str, fallback, *args, **kwargs):
        if _down_until.get(self._location, 0) > time.monotonic():
            return fallback
        try:
            return getattr(super(), name)(*args, **kwargs)
        except RedisError as exc:
            _down_until[self._location] = time.monotonic() + self.retry_after
            logger.warning("Cache unreachable (%s); serving without it for %ss", exc, self.retry_after)
            return fallback

    def get(self, key, default=None, version=None):
        return self._guarded("get", default, key, default, version)

    def get_many(self, keys, version=None):
        return self._guarded("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._guarded("has_key", False, key, version)

    # add() answers "stored" while Redis is down, so a caller that uses it as a lock (allauth's rate limiter)
    # goes on instead of waiting for a lock nobody can take.
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("add", True, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set", None, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("set_many", [], data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._guarded("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._guarded("delete", False, key, version)

    def delete_many(self, keys, version=None):
        return self._guarded("delete_many", None, keys, version)

    def incr(self, key, delta=1, version=None):
        return self._guarded("incr", delta, key, delta, version)

    def clear(self):
        return self._guarded("clear", False)
