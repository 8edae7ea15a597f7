"""Anonymous public pages can be kept by browsers and proxies: no cookie, Vary only on the cookie
(a signed-in visitor's menu), Cache-Control public; signed-in visitors' copies are private."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from tests.harness import declared_pages

# Pages an anonymous visitor opens and gets (the harness declarations), which are public pages.
# Not public, on purpose: the pages where an anonymous visitor posts a form (sign-in, sign-up, the
# password reset and the confirmation resend carry a CSRF token), the health check, the favicon
# redirect and the public logos (served with their own long max-age, tests/portal/test_media.py).
NOT_PUBLIC = {
    "account_login", "account_signup", "account_reset_password", "email_confirmation", "healthz", "favicon",
    "public_media",
}
PUBLIC = [
    page for page in declared_pages()
    if "anonymous" in page.allowed and page.status == 200 and page.name not in NOT_PUBLIC
]


def url_of(page, world) -> str:
    with translation.override("kk"):
        return reverse(page.name, kwargs=page.kwargs(world)) + page.query


def test_the_public_pages_are_many():
    # A harness that stopped declaring anonymous pages would make the test below pass on nothing.
    assert len(PUBLIC) >= 15


@pytest.mark.parametrize("page", PUBLIC, ids=str)
def test_an_anonymous_public_page_sets_no_cookie_and_may_be_kept(page, world):
    url = url_of(page, world)
    response = Client().get(url)
    assert response.status_code == 200
    assert not response.cookies, f"sets {sorted(response.cookies)}"
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert "public" in cache_control and any(part.startswith("max-age=") for part in cache_control)
    # Django's LocaleMiddleware varies a page without a language prefix (robots.txt) on Accept-Language.
    allowed = {"Cookie"} if url.startswith(("/kk/", "/ru/", "/en/")) else {"Cookie", "Accept-Language"}
    assert {part.strip() for part in response.get("Vary", "").split(",") if part.strip()} <= allowed


# The open-data files (360Giving) are one file for every visitor, validated by ETag: proxies may keep them.
SAME_FOR_EVERYONE = {"open_data_file"}


@pytest.mark.parametrize("page", PUBLIC, ids=str)
def test_a_signed_in_visitors_copy_is_private(page, world):
    client = Client()
    if "user" not in page.allowed:
        pytest.skip("a page for anonymous visitors only")
    client.force_login(world.users["user"])
    response = client.get(url_of(page, world))
    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    if page.name in SAME_FOR_EVERYONE:  # no header, no name: the bytes a signed-in visitor gets are everyone's
        assert "public" in cache_control and "private" not in cache_control
        return
    assert "private" in cache_control and "no-store" in cache_control and "public" not in cache_control


def test_the_second_anonymous_view_is_served_without_a_query(world, django_assert_num_queries, settings):
    settings.PUBLIC_CACHE = True
    client = Client()
    url = reverse("calls:list")
    first = client.get(url)
    with django_assert_num_queries(0):
        second = client.get(url)
    assert second.content == first.content and "public" in second["Cache-Control"]


def test_a_page_that_needs_a_token_is_private(db):
    response = Client().get(reverse("account_login"))
    assert "csrftoken" in response.cookies
    assert "no-store" in response["Cache-Control"] and "public" not in response["Cache-Control"]


def test_the_language_cookie_is_set_when_the_visitor_switches(db):
    client = Client(enforce_csrf_checks=True)
    page = client.get("/ru/calls/")
    assert "demeu_language" not in page.cookies
    switched = client.post(reverse("set_language"), {"language": "ru", "next": "/ru/calls/"})
    assert switched.status_code == 302 and switched.cookies["demeu_language"].value == "ru"


def test_the_switch_leads_to_the_same_page_in_the_chosen_language_whatever_the_browser_speaks(db):
    # No cookie on public pages: the switch must not depend on the browser's Accept-Language to read `next`.
    client = Client(HTTP_ACCEPT_LANGUAGE="en-US")
    switched = client.post(reverse("set_language"), {"language": "ru", "next": "/kk/calls/"})
    assert switched["Location"] == "/ru/calls/"


def test_sign_in_from_a_public_page_speaks_its_language(db):
    page = Client().get("/ru/calls/").content.decode()
    assert "/accounts/login/?language=ru" in page
    response = Client().get("/accounts/login/?language=ru")
    assert response["Content-Language"] == "ru" and response.cookies["demeu_language"].value == "ru"


def test_a_signed_in_users_language_switch_is_checked_for_forgery(world):
    client = Client(enforce_csrf_checks=True)
    user = world.users["user"]
    client.force_login(user)
    forged = client.post(reverse("set_language"), {"language": "en", "next": "/en/"})
    assert forged.status_code == 403
    user.refresh_from_db()
    assert user.language != "en"


def test_an_anonymous_visitor_with_flash_messages_is_not_served_the_shared_copy(world):
    client = Client()
    client.cookies["messages"] = "anything"
    response = client.get(reverse("calls:list"))
    assert "no-store" in response["Cache-Control"]
