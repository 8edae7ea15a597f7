import re

import pytest
from django.contrib.auth.models import Group

from portal.choices import StaffRole
from portal.roles import sync_roles
from tests.world import STAFF

pytestmark = pytest.mark.django_db


def test_root_redirects_to_kazakh_by_default(client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/kk/"


def test_root_redirects_to_the_visitors_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")
    assert response["Location"] == "/ru/"


@pytest.mark.parametrize(
    "lang, phrase",
    [("kk", "Үкіметтік емес ұйымдарға"), ("ru", "Государственные гранты"), ("en", "State grants")],
)
def test_home_page_speaks_the_language_of_its_address(client, lang, phrase):
    response = client.get(f"/{lang}/")
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert phrase in body


def test_switching_language_keeps_the_page_and_remembers_the_choice(world, client):
    user = world.users["user"]
    client.force_login(user)
    response = client.post("/i18n/setlang/", {"language": "ru", "next": "/kk/account/"})
    assert response.status_code == 302 and response["Location"] == "/ru/account/"
    user.refresh_from_db()
    assert user.language == "ru"


def test_a_language_prefixed_page_sets_the_cookie_for_pages_without_a_prefix(client):
    client.get("/ru/")
    response = client.get("/accounts/login/")
    assert 'lang="ru"' in response.content.decode()


def test_not_found_page_is_in_the_language_of_the_address(client):
    response = client.get("/ru/no-such-page/")
    assert response.status_code == 404
    assert "Страница не найдена" in response.content.decode()


def test_forbidden_page_is_in_the_language_of_the_address(world, client):
    client.force_login(world.users["user"])
    response = client.get("/kk/staff/audit/")
    assert response.status_code == 403
    assert "Қол жеткізу" in response.content.decode()


def test_healthz_reports_database_cache_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    data = response.json()
    assert data["database"] == "ok" and data["cache"] == "ok"
    assert data["broker"] in {"ok", "eager"}


def test_healthz_is_503_when_the_database_is_down(client, settings):
    from django.db import connections

    real = connections["default"].settings_dict["PORT"]
    connections["default"].close()
    connections["default"].settings_dict["PORT"] = "1"
    connections["default"].settings_dict["HOST"] = "127.0.0.1"
    try:
        response = client.get("/healthz")
    finally:
        connections["default"].close()
        connections["default"].settings_dict["PORT"] = real
    assert response.status_code == 503
    assert response.json()["database"].startswith("error")


def test_roles_sync_is_idempotent_and_gives_the_auditor_read_only_rights():
    first = sync_roles()
    second = sync_roles()
    assert first == second
    auditor = Group.objects.get(name=StaffRole.AUDITOR)
    codenames = set(auditor.permissions.values_list("codename", flat=True))
    assert codenames and all(code.startswith("view_") for code in codenames)


def test_every_role_group_exists_after_migrate():
    from portal.roles import ALL_GROUPS

    assert set(ALL_GROUPS) <= set(Group.objects.values_list("name", flat=True))


def test_dashboard_shows_the_audit_log_to_the_auditor_only(world, client):
    client.force_login(world.users["auditor"])
    assert "/en/staff/audit/" in client.get("/en/dashboard/").content.decode()
    client.force_login(world.users["user"])
    assert "/en/staff/audit/" not in client.get("/en/dashboard/").content.decode()


def test_account_settings_refuse_an_unknown_language_and_keep_the_name_typed(world, client):
    client.force_login(world.users["user"])
    response = client.post("/en/account/", {"full_name": "Асқар Бекұлы", "language": "xx"})
    body = response.content.decode()
    assert response.status_code == 200
    assert "Асқар Бекұлы" in body and "is-invalid" in body or "Select a valid choice" in body


def test_sign_in_lands_on_the_dashboard_in_the_users_language(world, client):
    user = world.users["user"]
    user.language = "ru"
    user.save()
    response = client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    assert response.status_code == 302 and response["Location"] == "/ru/dashboard/"


def test_staff_without_two_factor_is_sent_to_set_it_up(world, client):
    from allauth.mfa.models import Authenticator

    officer = world.users["screening_officer"]
    Authenticator.objects.filter(user=officer).delete()
    client.force_login(officer)
    response = client.get("/kk/dashboard/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/totp/activate/"


def test_an_ordinary_user_is_not_asked_for_two_factor(world, client):
    client.force_login(world.users["user"])
    assert client.get("/kk/dashboard/").status_code == 200


def test_staff_cannot_switch_off_their_two_factor(world, client):
    from allauth.mfa.models import Authenticator

    officer = world.users["call_manager"]
    client.force_login(officer)
    session = client.session
    session["demeu_mfa_ok"] = officer.pk
    session.save()
    client.post("/accounts/2fa/totp/deactivate/")
    assert Authenticator.objects.filter(user=officer, type=Authenticator.Type.TOTP).exists()


def test_rate_limited_action_shows_a_translated_page(world, client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"reset_password": "1/m/ip"}
    for _ in range(2):
        response = client.post("/accounts/password/reset/", {"email": "nobody@example.kz"}, HTTP_ACCEPT_LANGUAGE="ru")
    assert response.status_code == 429
    assert "Слишком много попыток" in response.content.decode()


def test_every_page_names_its_icon_and_favicon_ico_leads_to_an_icon_file(client, settings):
    # WhiteNoise serves straight from the static folders here, as `collectstatic` would in production.
    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    from django.test import Client

    browser = Client()
    page = browser.get("/kk/").content.decode()
    icons = re.findall(r'<link rel="icon" href="([^"]+)"', page)
    assert len(icons) == 2

    response = browser.get("/favicon.ico", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[0][0] in icons
    assert response["Content-Type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"  # the ICO signature
    for icon in icons:
        assert browser.get(icon).status_code == 200


@pytest.mark.parametrize("role", sorted(STAFF | {"customer"}))
def test_staff_and_customers_are_not_offered_to_register_an_ngo_or_become_an_expert(world, client, role):
    client.force_login(world.users[role])

    page = client.get("/kk/dashboard/").content.decode()

    assert "/kk/ngos/register/" not in page and "/kk/ngos/join/" not in page
    assert "/kk/experts/apply/" not in page


def test_a_newcomer_is_offered_to_register_an_ngo_and_become_an_expert(world, client):
    client.force_login(world.users["user"])

    page = client.get("/kk/dashboard/").content.decode()

    assert "/kk/ngos/register/" in page and "/kk/experts/apply/" in page
