"""What the native editor's review found on the pages of every app, checked where it is shown."""

import re

import pytest
from django.contrib.auth.password_validation import MinimumLengthValidator
from django.core.exceptions import ValidationError
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_the_language_switcher_names_english_in_english_on_a_kazakh_page(client):
    page = client.get("/kk/").content.decode()
    assert "— English" in page and "Ағылшын" not in page
    assert "— Қазақша" in page and "— Русский" in page


def test_a_commission_member_is_not_called_an_ngo_participant():
    from evaluations.choices import MemberRole as SeatRole
    from ngos.choices import MemberRole as NGORole

    with translation.override("ru"):
        assert str(SeatRole.MEMBER.label) == "Член комиссии"
        assert str(NGORole.MEMBER.label) == "Участник"
        assert translation.pgettext("appoint", "Name") == "Назначить"
        assert translation.pgettext("application section", "Summary") == "Краткое описание"


@pytest.mark.parametrize(("length", "ending"), [(1, "не менее 1 символа."), (8, "не менее 8 символов."),
                                                (21, "не менее 21 символа.")])
def test_the_russian_password_length_message_is_grammatical(length, ending):
    with translation.override("ru"), pytest.raises(ValidationError) as refused:
        MinimumLengthValidator(min_length=length).validate("")
    assert refused.value.messages == [f"Пароль слишком короткий: он должен содержать {ending}"]


def test_the_sign_up_heading_is_a_noun_and_the_button_a_verb(client):
    page = client.get("/accounts/signup/", headers={"accept-language": "ru"}).content.decode()
    assert re.search(r"<h1[^>]*>\s*Регистрация\s*</h1>", page)
    assert re.search(r"<button[^>]*>\s*Зарегистрироваться\s*</button>", page)
