import pytest

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("path", ["/kk/", "/ru/", "/en/", "/accounts/login/"])
def test_home_and_login_pass_axe(page, assert_accessible, path):
    page.goto(path)
    assert page.locator("main#main").is_visible()
    assert_accessible(page)


def test_axe_check_catches_an_unlabelled_field(page):
    """The accessibility check itself can fail: an unlabelled input and an empty button are caught."""
    from .conftest import axe_violations

    page.goto("/kk/")
    bad_markup = "<input type=text><button></button>"
    page.evaluate(f"document.querySelector('main').insertAdjacentHTML('beforeend', '{bad_markup}')")
    assert {"label", "button-name"} <= {v["id"] for v in axe_violations(page)}
