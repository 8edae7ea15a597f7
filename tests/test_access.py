"""The URL × role harness: each role gets what each URL declares, on GET and on POST, and no URL (and no
POST a view reads) goes undeclared."""

import re
from contextlib import contextmanager

import pytest
from django.db import transaction
from django.urls import reverse
from django.utils import translation

from .harness import declared_pages, exempt_names, post_url_names, url_patterns, view_module
from .world import ROLES

PAGES = declared_pages()
POST_PAGES = [page for page in PAGES if page.post is not None]


def _where(names) -> list[str]:
    patterns = url_patterns()
    return [f"{name} (from {view_module(patterns[name])})" for name in sorted(names)]


def test_every_url_declares_who_may_open_it():
    declared = {page.name for page in PAGES} | exempt_names()
    undeclared = set(url_patterns()) - declared
    assert not undeclared, (
        "URLs with no access declaration: declare each in tests/<app>/access.py (PAGES), or exempt it with a "
        f"reason (EXEMPT) if it is a third-party or token-bound step: {_where(undeclared)}"
    )


def test_every_url_that_takes_a_post_declares_who_may_post():
    declared = {page.name for page in POST_PAGES} | exempt_names()
    undeclared = post_url_names() - declared
    assert not undeclared, (
        "URLs whose view reads a POST but no Page declares post=… (who may post, with what data, to what "
        f"effect): {_where(undeclared)}"
    )


def test_an_undeclared_url_is_named_with_the_package_it_comes_from():
    named = _where({"account_request_reauthentication_code", "ngos:leave"})
    assert named[0].startswith("account_request_reauthentication_code (from allauth.account.views")
    assert named[1] == "ngos:leave (from ngos.views.own)"


@pytest.mark.parametrize("name, takes", [
    ("set_language", True),  # require_POST
    ("ngos:leave", True),  # post_only() after the rules
    ("screening:start", True),  # a decorator that checks the method
    ("calls:staff_extend", True),  # a helper the view calls reads the POST
    ("account_login", True),  # a class view with post()
    ("calls:staff_row", False),  # require_GET
    ("portal:home", False),
    ("mfa_index", False),
])
def test_the_harness_tells_which_views_take_a_post(name, takes):
    assert (name in post_url_names()) is takes


def test_declarations_name_real_urls_and_roles():
    names = set(url_patterns())
    posting = post_url_names()
    for page in PAGES:
        assert page.name in names, f"{page.name} is declared but no URL has that name"
        assert set(page.allowed) <= set(ROLES), f"{page.name}: unknown roles {set(page.allowed) - set(ROLES)}"
        if page.post is not None:
            assert page.name in posting, f"{page.name} declares post=… but its view takes no POST"
            assert set(page.post) <= set(ROLES), f"{page.name}: unknown roles {set(page.post) - set(ROLES)}"


@pytest.fixture
def world(shared_world, db):
    return shared_world


def _url(page, world) -> str:
    with translation.override("kk"):
        return reverse(page.name, kwargs=page.kwargs(world)) + page.query


def _sign_in(client, world, role):
    client.logout()
    if world.users[role] is not None:
        client.force_login(world.users[role])


@contextmanager
def _undone():
    """Whatever a request writes is rolled back, so each role meets the same world."""
    savepoint = transaction.savepoint()
    try:
        yield
    finally:
        transaction.savepoint_rollback(savepoint)


def _is_sign_in_redirect(response) -> bool:
    return response.status_code == 302 and response["Location"].startswith(reverse("account_login"))


def _leaked_template_comment(response) -> bool:
    """A multi-line {# … #} is not a Django comment: it reaches the page as text."""
    if response.get("Content-Type", "").startswith("text/html") and not response.streaming:
        text = response.content.decode()
        return "{#" in text or "#}" in text
    return False


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_each_role_gets_what_the_page_declares(page, world, client):
    url = _url(page, world)
    wrong = []
    for role in ROLES:
        _sign_in(client, world, role)
        with _undone():
            response = client.get(url)
        if _leaked_template_comment(response):
            wrong.append(f"{role}: the page prints a template comment ({{# … #}})")
        if role in page.allowed:
            if response.status_code != page.status:
                wrong.append(f"{role}: expected {page.status}, got {response.status_code}")
        elif world.users[role] is None:
            if not _is_sign_in_redirect(response):
                wrong.append(f"anonymous: expected a redirect to sign in, got {response.status_code}")
        elif response.status_code not in page.refused:
            wrong.append(f"{role}: expected refusal {page.refused}, got {response.status_code}")
    assert not wrong, f"{url}: " + "; ".join(wrong)


@pytest.mark.parametrize("page", POST_PAGES, ids=str)
def test_each_role_may_post_what_the_page_declares(page, world, client):
    url = _url(page, world)
    with translation.override("kk"):
        expected_location = page.post_redirect(world) if page.post_redirect else None
    done = page.post_effect or (lambda world: False)
    assert not done(world), f"{page.name}: the effect is there before anyone posted"
    wrong = []
    for role in ROLES:
        _sign_in(client, world, role)
        with _undone():
            with translation.override("kk"):
                data = page.post_data(world)  # afresh for each role: an uploaded file is read once
            response = client.post(url, data)
            effect = done(world)
        if _leaked_template_comment(response):
            wrong.append(f"{role}: the answer prints a template comment ({{# … #}})")
        if role in page.post:
            if response.status_code != page.post_status:
                wrong.append(f"{role}: expected {page.post_status}, got {response.status_code}"
                             + _first_error(response))
            elif expected_location and not response["Location"].startswith(expected_location):
                wrong.append(f"{role}: expected a redirect to {expected_location}, got {response['Location']}")
            elif page.post_effect and not effect:
                wrong.append(f"{role}: the POST answered {response.status_code} but changed nothing")
        else:
            if effect:
                wrong.append(f"{role}: a refused POST changed something")
            if world.users[role] is None:
                # A public page may answer anonymous's POST with the page itself (post_refused); others send to sign in.
                public = "anonymous" in page.allowed and response.status_code in page.post_refused
                if not (_is_sign_in_redirect(response) or public):
                    wrong.append(f"anonymous: expected a redirect to sign in, got {response.status_code}")
            elif response.status_code not in page.post_refused:
                wrong.append(f"{role}: expected refusal {page.post_refused}, got {response.status_code}")
    assert not wrong, f"POST {url}: " + "; ".join(wrong)


def _first_error(response) -> str:
    """The form's first error, so a failing declaration says what the view refused."""
    if not response.get("Content-Type", "").startswith("text/html") or response.streaming:
        return ""
    found = re.search(r'class="[^"]*(?:invalid-feedback|alert-danger|errorlist)[^"]*"[^>]*>(.{0,200})',
                      response.content.decode(), re.S)
    if not found:
        return ""
    text = re.sub(r"<[^>]+>|\s+", " ", found.group(1)).strip()
    return f" ({text[:160]})"
