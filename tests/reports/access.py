"""Who may open the public results: everyone. The closed call with its published conclusion comes from the
grants builders (tests/grants/access_applications.py), which run before this app's."""

from tests.harness import Page
from tests.world import EVERYONE

PAGES = [
    Page("results:list", EVERYONE),
    Page("results:screening", EVERYONE, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("results:screening_pdf", EVERYONE, kwargs=lambda w: {"call": w.closed_call.code, "language": "ru"}),
]
