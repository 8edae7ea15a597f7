"""The URL × role harness: each role gets what each URL declares, and no URL goes undeclared."""

import pytest
from django.urls import reverse
from django.utils import translation

from .harness import all_url_names, declared_pages, exempt_names
from .world import ROLES

PAGES = declared_pages()


def test_every_url_declares_who_may_open_it():
    declared = {page.name for page in PAGES} | exempt_names()
    undeclared = sorted(all_url_names() - declared)
    assert not undeclared, f"URLs with no access declaration in tests/<app>/access.py: {undeclared}"


def test_declarations_name_real_urls_and_roles():
    names = all_url_names()
    for page in PAGES:
        assert page.name in names, f"{page.name} is declared but no URL has that name"
        assert set(page.allowed) <= set(ROLES), f"{page.name}: unknown roles {set(page.allowed) - set(ROLES)}"


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_each_role_gets_what_the_page_declares(page, world, client):
    with translation.override("kk"):
        url = reverse(page.name, kwargs=page.kwargs(world)) + page.query
    wrong = []
    for role in ROLES:
        client.logout()
        user = world.users[role]
        if user is not None:
            client.force_login(user)
        response = client.get(url)
        if role in page.allowed:
            if response.status_code != page.status:
                wrong.append(f"{role}: expected {page.status}, got {response.status_code}")
        elif user is None:
            login = reverse("account_login")
            if not (response.status_code == 302 and response["Location"].startswith(login)):
                wrong.append(f"anonymous: expected a redirect to sign in, got {response.status_code}")
        elif response.status_code not in page.refused:
            wrong.append(f"{role}: expected refusal {page.refused}, got {response.status_code}")
    assert not wrong, f"{url}: " + "; ".join(wrong)
