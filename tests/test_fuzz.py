"""Fuzzing the URL × role harness: garbage in every field of every form a page renders (posted by a role
allowed to post), and garbage query strings on every page, must never answer a 5xx.

Bounded (a few examples per page, no shrinking, derandomized) so it runs in the suite: a failure names
the page, the role and the data, which is enough to reproduce it by hand. For a deeper search before a
release: `FUZZ_EXAMPLES=50 pytest tests/test_fuzz.py`.
"""

import os
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from .harness import declared_pages

PAGES = declared_pages()
POST_PAGES = [page for page in PAGES if page.post]
GET_PAGES = [page for page in PAGES if page.status == 200 and page.allowed]

FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "3")), deadline=None, derandomize=True,
    phases=[Phase.explicit, Phase.generate], database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

EDGE_VALUES = [
    "", " ", "0", "-1", "-0", "1e309", "NaN", "inf", "99999999999999999999", "-99999999999999999999",
    "2147483648", "9223372036854775808", "1,5", "1.5.5", "１２３", "¹²⁰⁵", "٣٤", "½", "0x1F",
    "2027-02-30", "31.12.99999", "0000-00-00", "99999-01-01", "25:61", "\x00", "\u202e", "🙂", "<b>x</b>",
    "' OR 1=1 --", "%s%s%n", "{{ 7|add:7 }}", "{# #}", "None", "true", "[]", "../../etc/passwd",
]
GARBAGE = st.one_of(
    st.sampled_from(EDGE_VALUES),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.text(max_size=30),
    st.integers(min_value=2_000, max_value=200_000).map(lambda n: "я" * n),  # far beyond any limit
)


class _Forms(HTMLParser):
    """The names of the fields of each form on a page, by method and action."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(), "action": attrs.get("action") or "",
                          "fields": {}, "files": set()}
            self.forms.append(self._form)
        elif self._form is not None and tag in ("input", "textarea", "select") and attrs.get("name"):
            name = attrs["name"]
            if name == "csrfmiddlewaretoken" or "__prefix__" in name:
                return
            if attrs.get("type") == "file":
                self._form["files"].add(name)
            else:
                self._form["fields"].setdefault(name, attrs.get("value") or "")

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def _forms(response) -> list[dict]:
    if response.status_code != 200 or response.streaming:
        return []
    if not response.get("Content-Type", "").startswith("text/html"):
        return []
    parser = _Forms()
    parser.feed(response.content.decode())
    return parser.forms


_SEEN: dict[tuple[str, str], list[dict]] = {}


def _forms_of(client, url, role) -> list[dict]:
    """The forms a page shows a role, read once per page (the world does not change between examples)."""
    if (url, role) not in _SEEN:
        _SEEN[(url, role)] = _forms(client.get(url))
    return _SEEN[(url, role)]


def _url(page, world) -> str:
    with translation.override("kk"):
        return reverse(page.name, kwargs=page.kwargs(world)) + page.query


def _client(world, role) -> Client:
    client = Client()
    if world.users[role] is not None:
        client.force_login(world.users[role])
    return client


def _role(roles) -> str:
    """A signed-in role if there is one: their forms are the fullest."""
    return sorted(roles - {"anonymous"} or roles)[0]


def _assert_no_server_error(client, method, url, data, role):
    savepoint = transaction.savepoint()
    try:
        response = getattr(client, method)(url, data)
    except Exception as error:  # the test client re-raises what the view raised: a 500 in production
        raise AssertionError(f"{method.upper()} {url} as {role} raised {error!r} with {data!r}"[:3000]) from error
    finally:
        transaction.savepoint_rollback(savepoint)
    assert response.status_code < 500, f"{method.upper()} {url} as {role}: {response.status_code} with {data!r}"[:3000]


@pytest.fixture
def world(shared_world, db):
    return shared_world


@pytest.mark.parametrize("page", POST_PAGES, ids=str)
@FUZZ
@given(data=st.data())
def test_garbage_in_a_form_never_answers_a_server_error(page, world, data):
    url = _url(page, world)
    role = _role(page.post)
    client = _client(world, role)
    with translation.override("kk"):
        valid = page.post_data(world)
    fields = {name: value for name, value in valid.items() if not hasattr(value, "read")}
    files = {name for name, value in valid.items() if hasattr(value, "read")}
    # The fields of the form the page renders (when its GET shows one), beside those the declaration sends.
    for form in _forms_of(client, url, role):
        if form["method"] == "post" and form["action"] in ("", url):
            fields = {**form["fields"], **fields}
            files |= form["files"]
    garbled = data.draw(st.sets(st.sampled_from(sorted(fields | dict.fromkeys(files))), min_size=1)
                        if fields or files else st.just(set()), label="garbled fields")
    posted = {**fields}
    for name in garbled:
        if name in files:
            posted[name] = SimpleUploadedFile("x.pdf", data.draw(st.binary(max_size=64)), "application/pdf")
        else:
            posted[name] = data.draw(GARBAGE, label=name)
    for name in files - garbled:
        posted[name] = valid.get(name) or SimpleUploadedFile("x.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf")
    _assert_no_server_error(client, "post", url, posted, role)


@pytest.mark.parametrize("page", GET_PAGES, ids=str)
@FUZZ
@given(data=st.data())
def test_a_garbage_query_string_never_answers_a_server_error(page, world, data):
    url = _url(page, world)
    role = _role(page.allowed)
    client = _client(world, role)
    names = {"page", "year", "q", "sort", "status", "lang", "next", "format"}
    for form in _forms_of(client, url, role):
        if form["method"] == "get":
            names |= set(form["fields"])
    query = data.draw(st.dictionaries(st.sampled_from(sorted(names)), GARBAGE, min_size=1, max_size=4), label="query")
    # An existing query (?year=…) is replaced, not doubled: the garbage is what the page reads.
    _assert_no_server_error(client, "get", url.split("?")[0], query, role)
