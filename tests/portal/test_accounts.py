"""Accounts: sign-up with e-mail confirmation, sign-in, the language of pages and e-mails, TOTP for
privileged roles, rate limits. Walked through the real allauth views with the test client."""

import html
import re
import time

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from django.conf import settings as django_settings
from django.urls import reverse

from portal.models import User
from tests.world import make_user

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # what tests.world.make_user gives everyone
NEW_PASSWORD = "Steppe-Eagle-2027"

KK_WRONG_PASSWORD = "Көрсетілген электрондық пошта мекенжайы және (немесе) құпиясөз дұрыс емес."
RU_WRONG_PASSWORD = "Указанные вами адрес электронной почты и/или пароль неверны."


# --- helpers ---------------------------------------------------------------------------------------


def speak(client, language: str) -> None:
    """What the language switcher leaves behind: /accounts/ pages follow this cookie."""
    client.cookies[django_settings.LANGUAGE_COOKIE_NAME] = language


def main_text(response) -> str:
    """The words of the page's <main> (the portal's chrome around it is not allauth's); recovery codes
    in their textarea are not words."""
    page = response.content.decode()
    main = re.search(r"<main\b.*?</main>", page, re.S).group(0)
    main = re.sub(r"<(script|textarea)\b.*?</\1>", " ", main, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", main)).split())


def english_words(text: str) -> set[str]:
    """Latin-script words left in a kk/ru text once addresses, links and Russian "E-mail" are taken out."""
    text = re.sub(r"https?://\S+|\S+@\S+|\bE-mail\b", " ", text)
    return set(re.findall(r"[A-Za-z]{3,}", text)) - {"Demeu", "testserver"}


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def current_totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(client, email: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def sign_in_with_totp(client, user, secret: str) -> None:
    response = sign_in(client, user.email)
    assert response.url == reverse("mfa_authenticate")
    response = client.post(reverse("mfa_authenticate"), {"code": current_totp_code(secret)})
    assert signed_in_user_id(client) == str(user.pk), main_text(client.get(reverse("mfa_authenticate")))


def reauthenticate(client) -> None:
    """allauth asks for the password again before authenticators are changed."""
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def activate_totp(client) -> str:
    """Walk the activation page like a person with an authenticator app; return the secret."""
    page = client.get(reverse("mfa_activate_totp"))
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', page.content.decode()).group(1)
    client.post(reverse("mfa_activate_totp"), {"code": current_totp_code(secret)})
    return secret


def user_with_totp(email: str, **fields):
    user = make_user(email, mfa=False, **fields)
    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    RecoveryCodes.activate(user)
    return user, secret


# --- sign-up and e-mail confirmation ---------------------------------------------------------------


@pytest.fixture
def delivered(django_capture_on_commit_callbacks):
    """The outbox delivers after commit; the test's transaction never commits, so the block's callbacks run."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def test_an_unconfirmed_account_cannot_sign_in(client, mailoutbox, delivered):
    with delivered():
        client.post(reverse("account_signup"), {"email": "aigerim@example.kz", "password1": NEW_PASSWORD,
                                                "password2": NEW_PASSWORD})
    assert EmailAddress.objects.get(email="aigerim@example.kz").verified is False
    client.logout()

    response = sign_in(client, "aigerim@example.kz", NEW_PASSWORD)

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None


def test_the_link_in_the_confirmation_email_confirms_the_address_and_opens_sign_in(client, mailoutbox, delivered):
    with delivered():
        response = client.post(reverse("account_signup"), {"email": "aigerim@example.kz", "password1": NEW_PASSWORD,
                                                           "password2": NEW_PASSWORD})
    assert response.url == reverse("account_email_verification_sent")
    assert len(mailoutbox) == 1 and mailoutbox[0].to == ["aigerim@example.kz"]
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mailoutbox[0].body).group(1)

    confirm_page = client.get(link)
    assert "aigerim@example.kz" in main_text(confirm_page)
    client.post(link)

    assert EmailAddress.objects.get(email="aigerim@example.kz").verified is True
    response = sign_in(client, "aigerim@example.kz", NEW_PASSWORD)
    assert response.url == reverse("portal:dashboard")
    assert client.get(response.url).status_code == 200


def sign_up(client, email: str = "aigerim@example.kz"):
    return client.post(reverse("account_signup"), {"email": email, "password1": NEW_PASSWORD,
                                                   "password2": NEW_PASSWORD})


def confirmation_link(mail) -> str:
    return re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mail.body).group(1)


def test_the_confirm_your_email_page_leads_to_sending_the_link_again(client, mailoutbox):
    sign_up(client)

    page = client.get(reverse("account_email_verification_sent")).content.decode()

    assert f'href="{reverse("email_confirmation")}"' in page
    help_page = main_text(client.get(reverse("email_confirmation")))
    assert "aigerim@example.kz" in help_page and not english_words(help_page), help_page


def test_a_newcomer_gets_the_link_again_and_it_confirms_the_address(client, mailoutbox, delivered):
    with delivered():
        sign_up(client)
    mailoutbox.clear()

    with delivered():
        response = client.post(reverse("email_confirmation"), {"action": "resend"})

    assert response.url == reverse("account_email_verification_sent")
    [mail] = mailoutbox
    assert mail.to == ["aigerim@example.kz"]
    client.post(confirmation_link(mail))
    assert EmailAddress.objects.get(email="aigerim@example.kz").verified is True


def test_a_link_asked_again_too_soon_is_refused_with_a_reason_not_silently_dropped(
    client, mailoutbox, delivered, settings
):
    settings.ACCOUNT_RATE_LIMITS = {"confirm_email": "1/3m/key"}
    with delivered():
        sign_up(client)

    with delivered():
        response = client.post(reverse("email_confirmation"), {"action": "resend"})

    assert len(mailoutbox) == 1
    assert "Растау сілтемесін aigerim@example.kz мекенжайына бірнеше минуттан кейін" in main_text(response)


def test_a_newcomer_corrects_a_mistyped_address_and_confirms_the_right_one(client, mailoutbox, delivered):
    with delivered():
        sign_up(client, "aigerim@exmaple.kz")
    old_link = confirmation_link(mailoutbox[0])
    mailoutbox.clear()

    with delivered():
        response = client.post(reverse("email_confirmation"), {"action": "change", "email": "aigerim@example.kz"})

    assert response.url == reverse("account_email_verification_sent")
    [mail] = mailoutbox
    assert mail.to == ["aigerim@example.kz"]
    user = User.objects.get(email="aigerim@example.kz")
    assert list(EmailAddress.objects.filter(user=user).values_list("email", flat=True)) == ["aigerim@example.kz"]
    client.post(old_link)
    assert not EmailAddress.objects.filter(verified=True).exists()  # the mistyped address's link is dead
    client.post(confirmation_link(mail))
    assert sign_in(client, "aigerim@example.kz", NEW_PASSWORD).url == reverse("portal:dashboard")


@pytest.mark.parametrize("typed", ["", "not an address", "aigerim@example.kz"])
def test_a_correction_that_is_no_address_or_the_same_one_is_refused_on_the_page(client, mailoutbox, typed):
    sign_up(client)
    mailoutbox.clear()

    response = client.post(reverse("email_confirmation"), {"action": "change", "email": typed})

    assert response.status_code == 200 and response.context["form"].errors["email"]
    assert not english_words(main_text(response)), main_text(response)
    assert 'id="id_email_error"' in response.content.decode()
    assert not mailoutbox
    assert EmailAddress.objects.get().email == "aigerim@example.kz"


def test_correcting_to_an_address_of_another_account_changes_nothing_and_tells_its_owner(client, mailoutbox, delivered):
    make_user("taken@example.kz")
    with delivered():
        sign_up(client)
    mailoutbox.clear()

    with delivered():
        page = client.post(
            reverse("email_confirmation"), {"action": "change", "email": "taken@example.kz"}, follow=True
        )

    assert "taken@example.kz" in main_text(page)  # the same words as for a free address
    [mail] = mailoutbox
    assert mail.to == ["taken@example.kz"] and "/accounts/confirm-email/" not in mail.body
    assert User.objects.get(email="aigerim@example.kz").emailaddress_set.get().email == "aigerim@example.kz"


def test_a_sign_up_with_a_registered_address_gets_the_same_page_and_no_account(client, mailoutbox, delivered):
    make_user("taken@example.kz")
    with delivered():
        sign_up(client, "taken@example.kz")
    mailoutbox.clear()

    assert "taken@example.kz" in main_text(client.get(reverse("email_confirmation")))
    with delivered():
        client.post(reverse("email_confirmation"), {"action": "change", "email": "new@example.kz"})

    [mail] = mailoutbox  # no account at new@: the mail invites to sign up, it confirms nothing
    assert mail.to == ["new@example.kz"] and "/accounts/signup/" in mail.body
    assert not User.objects.filter(email="new@example.kz").exists()


def test_without_a_pending_sign_up_the_page_asks_to_sign_in_and_changes_nothing(client, mailoutbox):
    user = make_user("saule@example.kz")
    EmailAddress.objects.filter(user=user).update(verified=False)

    page = client.post(reverse("email_confirmation"), {"action": "change", "email": "evil@example.kz"})

    assert f'href="{reverse("account_login")}"' in page.content.decode()
    assert not mailoutbox
    assert EmailAddress.objects.get(user=user).email == "saule@example.kz"


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_a_new_account_speaks_the_language_it_signed_up_in(client, mailoutbox, delivered, language):
    speak(client, language)

    with delivered():
        client.post(reverse("account_signup"), {"email": "daniyar@example.kz", "password1": NEW_PASSWORD,
                                                "password2": NEW_PASSWORD})

    assert User.objects.get(email="daniyar@example.kz").language == language


@pytest.mark.parametrize(
    ("language", "subject", "greeting", "instruction"),
    [
        ("kk", "Demeu — Электрондық пошта мекенжайыңызды растаңыз",
         "Сәлеметсіз бе! Бұл хат Demeu порталынан жіберілді.", "Мекенжайды растау үшін мына сілтемеге өтіңіз:"),
        ("ru", "Demeu — Подтвердите адрес электронной почты",
         "Вас приветствует Demeu!", "Для подтверждения перейдите по ссылке:"),
    ],
)
def test_the_confirmation_email_is_in_the_new_users_language(
    client, mailoutbox, delivered, language, subject, greeting, instruction
):
    speak(client, language)

    with delivered():
        client.post(reverse("account_signup"), {"email": "daniyar@example.kz", "password1": NEW_PASSWORD,
                                                "password2": NEW_PASSWORD})

    mail = mailoutbox[0]
    assert mail.subject == subject
    assert mail.body.startswith(greeting)
    assert instruction in mail.body
    assert not english_words(mail.body), mail.body


def test_the_password_reset_email_follows_the_account_language_not_the_page(client, mailoutbox, delivered):
    make_user("yelena@example.kz", language="ru")
    speak(client, "kk")

    with delivered():
        response = client.post(reverse("account_reset_password"), {"email": "yelena@example.kz"})

    assert response.url == reverse("account_reset_password_done")
    mail = mailoutbox[0]
    assert mail.subject == "Demeu — Письмо для сброса пароля"
    assert "запросили сброс пароля" in mail.body
    assert "/accounts/password/reset/key/" in mail.body
    assert not english_words(mail.body), mail.body


def test_the_password_reset_email_in_kazakh_leads_to_a_new_password(client, mailoutbox, delivered):
    make_user("nurlan@example.kz", language="kk")

    with delivered():
        client.post(reverse("account_reset_password"), {"email": "nurlan@example.kz"})

    mail = mailoutbox[0]
    assert mail.subject == "Demeu — Құпиясөзді қалпына келтіру"
    assert not english_words(mail.body), mail.body
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mail.body).group(1)
    form_page = client.get(link, follow=True)
    assert "Құпиясөзді өзгерту" in main_text(form_page)
    done = client.post(form_page.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert done.url == reverse("account_reset_password_from_key_done")
    assert sign_in(client, "nurlan@example.kz", NEW_PASSWORD).url == reverse("portal:dashboard")


def _reset_for_an_unknown_address(client):
    client.post(reverse("account_reset_password"), {"email": "nobody@example.kz"})


def _signup_with_a_taken_address(client):
    make_user("taken@example.kz", language=client.cookies[django_settings.LANGUAGE_COOKIE_NAME].value)
    client.post(reverse("account_signup"), {"email": "taken@example.kz", "password1": NEW_PASSWORD,
                                            "password2": NEW_PASSWORD})


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("send", [_reset_for_an_unknown_address, _signup_with_a_taken_address])
def test_the_other_account_emails_have_no_english_left(client, mailoutbox, delivered, language, send):
    speak(client, language)

    with delivered():
        send(client)

    [mail] = mailoutbox
    assert mail.subject.startswith("Demeu — ")
    assert not english_words(mail.subject + "\n" + mail.body), mail.body


# --- sign-in -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("language", "error"), [("kk", KK_WRONG_PASSWORD), ("ru", RU_WRONG_PASSWORD)])
def test_a_wrong_password_shows_a_translated_error_and_keeps_the_email(client, language, error):
    make_user("saule@example.kz")
    speak(client, language)

    response = sign_in(client, "saule@example.kz", "not the password")

    assert response.status_code == 200
    assert error in main_text(response)
    [login] = re.findall(r'<input[^>]*name="login"[^>]*>', response.content.decode())
    assert 'value="saule@example.kz"' in login
    assert signed_in_user_id(client) is None


def test_the_login_page_is_in_kazakh_by_default(client):
    response = client.get(reverse("account_login"))

    assert '<html lang="kk">' in response.content.decode()
    text = main_text(response)
    assert text.startswith("Кіру")
    assert "Электрондық пошта" in text and "Құпиясөз" in text
    assert not english_words(text), text


def test_the_login_page_is_in_russian_when_the_language_cookie_says_ru(client):
    speak(client, "ru")

    response = client.get(reverse("account_login"))

    assert '<html lang="ru">' in response.content.decode()
    text = main_text(response)
    assert text.startswith("Войти")
    assert "Пароль" in text
    assert not english_words(text), text


def test_the_language_switcher_on_an_account_page_keeps_the_page_and_changes_its_language(client):
    response = client.post(reverse("set_language"), {"language": "ru", "next": reverse("account_login")})

    assert response.url == reverse("account_login")
    assert main_text(client.get(response.url)).startswith("Войти")


# --- TOTP for staff, experts and council ---------------------------------------------------------------


@pytest.mark.parametrize("group", ["call_manager", "auditor", "expert", "council"])
@pytest.mark.parametrize("path", ["/kk/", "/kk/dashboard/", "/ru/account/"])
def test_a_privileged_user_without_totp_is_sent_to_totp_setup_from_any_portal_page(client, group, path):
    user = make_user(f"{group}@example.kz", group=group, mfa=False)
    client.force_login(user)

    response = client.get(path)

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_an_ngo_user_without_totp_is_not_sent_to_totp_setup(client):
    client.force_login(make_user("ngo@example.kz"))

    assert client.get("/kk/dashboard/").status_code == 200


def test_the_totp_setup_page_says_why_it_is_required(client):
    make_user("manager@example.kz", group="call_manager", mfa=False)
    sign_in(client, "manager@example.kz")
    reauthenticate(client)

    response = client.get(reverse("mfa_activate_totp"))

    text = main_text(response)
    assert "Оператор қызметкерлері, сарапшылар және үйлестіру кеңесінің мүшелері" in text
    page = response.content.decode()
    assert re.search(r'<img [^>]*src="data:image/svg\+xml;base64,[^"]+" alt="[^"]*QR код', page)
    assert not english_words(text), text


def test_a_staff_user_is_let_through_once_totp_is_active(client):
    make_user("manager@example.kz", group="call_manager", mfa=False)
    sign_in(client, "manager@example.kz")
    assert client.get("/kk/dashboard/").url == reverse("mfa_activate_totp")
    reauthenticate(client)

    activate_totp(client)

    assert Authenticator.objects.filter(user__email="manager@example.kz", type=Authenticator.Type.TOTP).exists()
    assert client.get("/kk/dashboard/").status_code == 200


def test_after_totp_setup_the_recovery_codes_page_leads_on_to_the_dashboard(client):
    make_user("manager@example.kz", group="call_manager", mfa=False)
    sign_in(client, "manager@example.kz")
    reauthenticate(client)
    page = client.get(reverse("mfa_activate_totp"))
    secret = re.search(r'id="authenticator_secret" value="([A-Z2-7]+)"', page.content.decode()).group(1)

    response = client.post(reverse("mfa_activate_totp"), {"code": current_totp_code(secret)}, follow=True)

    assert response.redirect_chain[-1][0] == reverse("mfa_view_recovery_codes")
    main = re.search(r"<main\b.*?</main>", response.content.decode(), re.S).group(0)
    link = re.search(r'<a [^>]*href="(/kk/dashboard/)"[^>]*>([^<]+)</a>', main)
    assert link and link.group(2).strip() == "Жеке кабинетке өту"
    assert client.get(link.group(1)).status_code == 200


def test_the_password_prompt_before_totp_setup_says_why_it_asks(client, settings):
    settings.ACCOUNT_REAUTHENTICATION_TIMEOUT = 0  # the sign-in is "old" at once
    make_user("manager@example.kz", group="call_manager", mfa=False)
    sign_in(client, "manager@example.kz")

    response = client.get(reverse("mfa_activate_totp"), follow=True)

    assert response.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    text = main_text(response)
    assert "Енді екі факторлы аутентификацияны қосасыз." in text
    assert not english_words(text), text


def test_a_user_with_totp_signs_in_with_an_authenticator_code(client):
    user, secret = user_with_totp("expert@example.kz", group="expert")

    response = sign_in(client, user.email)

    assert response.url == reverse("mfa_authenticate")
    assert signed_in_user_id(client) is None
    page = client.get(response.url)
    assert "Есептік жазбаңыз екі факторлы аутентификациямен қорғалған." in main_text(page)
    assert client.post(reverse("mfa_authenticate"), {"code": "000000"}).status_code == 200
    assert signed_in_user_id(client) is None
    sign_in_with_totp(client, user, secret)
    assert client.get("/kk/dashboard/").status_code == 200


# --- every account page we use, in kk and ru ----------------------------------------------------------

ANONYMOUS_PAGES = [
    "account_login", "account_signup", "account_reset_password", "account_reset_password_done", "email_confirmation",
    "account_email_verification_sent", "account_reset_password_from_key_done",
]
SIGNED_IN_PAGES = ["account_logout", "account_change_password", "account_email", "account_reauthenticate", "mfa_index"]
TOTP_PAGES = ["mfa_deactivate_totp", "mfa_view_recovery_codes", "mfa_generate_recovery_codes"]


def assert_well_formed_in(language: str, response) -> None:
    page = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}">' in page
    assert re.search(r"<h1\b", page), "every account page has a heading"
    assert "style=" not in page and not re.search(r"<script(?![^>]*\b(src|type=\"application/json\"))", page)
    main = re.search(r"<main\b.*?</main>", page, re.S).group(0)
    for control in re.finditer(r"<(input|textarea|select)\b([^>]*)>", main):
        attributes = control.group(2)
        if 'type="hidden"' in attributes:
            continue
        control_id = re.search(r'\bid="([^"]+)"', attributes).group(1)
        assert f'for="{control_id}"' in main, f"no label for #{control_id}"
        for described_by in re.findall(r'aria-describedby="([^"]+)"', attributes):
            for target in described_by.split():
                assert f'id="{target}"' in main, f"#{control_id} described by missing #{target}"
    assert not english_words(main_text(response)), main_text(response)


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("name", ANONYMOUS_PAGES)
def test_anonymous_account_pages_are_labelled_and_translated(client, language, name):
    speak(client, language)

    assert_well_formed_in(language, client.get(reverse(name)))


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("name", SIGNED_IN_PAGES + ["mfa_activate_totp"])
def test_signed_in_account_pages_are_labelled_and_translated(client, language, name):
    make_user("saule@example.kz")
    speak(client, language)
    sign_in(client, "saule@example.kz")
    reauthenticate(client)

    assert_well_formed_in(language, client.get(reverse(name)))


@pytest.mark.parametrize("language", ["kk", "ru"])
@pytest.mark.parametrize("name", TOTP_PAGES + ["mfa_authenticate"])
def test_totp_pages_are_labelled_and_translated(client, language, name):
    user, secret = user_with_totp("expert@example.kz", group="expert")
    speak(client, language)
    if name == "mfa_authenticate":
        sign_in(client, user.email)
    else:
        sign_in_with_totp(client, user, secret)
        reauthenticate(client)

    assert_well_formed_in(language, client.get(reverse(name)))


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_confirm_email_and_bad_reset_link_pages_are_translated(client, mailoutbox, delivered, language):
    speak(client, language)
    with delivered():
        client.post(reverse("account_signup"), {"email": "aigerim@example.kz", "password1": NEW_PASSWORD,
                                                "password2": NEW_PASSWORD})
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mailoutbox[0].body).group(1)

    assert_well_formed_in(language, client.get(link))
    assert_well_formed_in(language, client.get(reverse("account_confirm_email", args=["no-such-key"])))
    bad_reset = client.get(reverse("account_reset_password_from_key", kwargs={"uidb36": "zz", "key": "bad-key"}))
    assert_well_formed_in(language, bad_reset)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_new_password_page_of_a_reset_link_is_labelled_and_translated(client, mailoutbox, delivered, language):
    make_user("nurlan@example.kz", language=language)
    speak(client, language)
    with delivered():
        client.post(reverse("account_reset_password"), {"email": "nurlan@example.kz"})
    link = re.search(r"http://testserver(/accounts/password/reset/key/\S+/)", mailoutbox[0].body).group(1)

    assert_well_formed_in(language, client.get(link, follow=True))


def test_recovery_codes_download_as_a_text_file(client):
    user, secret = user_with_totp("expert@example.kz", group="expert")
    sign_in_with_totp(client, user, secret)
    reauthenticate(client)

    response = client.get(reverse("mfa_download_recovery_codes"))

    assert response["Content-Type"].startswith("text/plain")
    codes = response.content.decode().split()
    assert len(codes) == django_settings.MFA_RECOVERY_CODE_COUNT


# --- rate limits -------------------------------------------------------------------------------------------


def test_rate_limits_are_on_in_the_portal_settings():
    from config import settings as portal_settings

    assert portal_settings.ACCOUNT_RATE_LIMITS is not False
    assert portal_settings.ACCOUNT_RATE_LIMITS["login_failed"]


def test_repeated_failed_logins_are_refused_even_with_the_right_password(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,3/5m/key"}
    make_user("saule@example.kz")
    for _attempt in range(3):
        assert KK_WRONG_PASSWORD in main_text(sign_in(client, "saule@example.kz", "guess"))

    response = sign_in(client, "saule@example.kz")

    assert "Жүйеге кірудің сәтсіз әрекеттері тым көп. Кейінірек қайталап көріңіз." in main_text(response)
    assert signed_in_user_id(client) is None
