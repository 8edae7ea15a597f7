"""Settings of bench/public_pages.py, not of the portal: the portal's own, plus a bare view on the same
server and middleware (bench/urls.py) and a header with each request's query count and server time."""

from config.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.measure", *MIDDLEWARE]  # noqa: F405
