"""Who may open the public results, the registry, the statistics and the open data: everyone. The closed call with
its published conclusion comes from the grants builders (tests/grants/access_applications.py), the signed grant
from the agreements builders; both run before this app's."""

from tests.harness import Page
from tests.world import EVERYONE

PAGES = [
    Page("results:list", EVERYONE),
    Page("results:screening", EVERYONE, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("results:screening_pdf", EVERYONE, kwargs=lambda w: {"call": w.closed_call.code, "language": "ru"}),
    Page("grants:registry", EVERYONE),
    Page("grants:registry", EVERYONE, query="?region=almaty&sort=-amount&q=жоба"),
    Page("grants:export", EVERYONE, kwargs=lambda w: {"fmt": "csv"}),
    Page("grants:feed", EVERYONE),
    Page("grants:grant", EVERYONE, kwargs=lambda w: {"number": w.grant_signed.number}),
    Page("statistics:index", EVERYONE),
    Page("statistics:csv", EVERYONE, kwargs=lambda w: {"figure": "regions"}),
    Page("open_data:index", EVERYONE),
    Page("open_data_file", EVERYONE, kwargs=lambda w: {"fmt": "json"}),
]
