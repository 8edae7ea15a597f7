"""The head signs a submission with NCALayer end to end: the page asks the server for the exact bytes, the
stand-in NCALayer (a local WebSocket server speaking NCALayer's protocol with the test CA's key) signs them,
the CMS goes back with the form, the server verifies it and the receipt names the signer. Cancelling in
NCALayer, an expired key and NCALayer not running each say so and submit nothing; a withdrawal and a second
submission are signed again (the second visit saves again what the first saved).

Chromium refuses a self-signed wss:// certificate even with ignore_https_errors (tried), so the stand-in
speaks ws:// on a free port and ESIGN_NCALAYER_URL (and the CSP's connect-src with it) points there."""

import io
import socket

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from grants.applications.models import Application
from portal.models import SignatureRecord
from tests.grants.applications.factories import (
    LotFactory,
    LotIndicatorFactory,
    NGOFactory,
    person,
    ready_application,
)
from tests.portal.esign_ca import TestCA, valid_iin

from .ncalayer_standin import StandInNCALayer

pytestmark = pytest.mark.django_db(transaction=True)
IIN = valid_iin("780512", "3", 41)


@pytest.fixture(autouse=True)
def eager_tasks():
    from config.celery import app

    previous = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = previous


@pytest.fixture
def ca():
    return TestCA()


@pytest.fixture
def ncalayer(ca):
    server = StandInNCALayer(ca.issue(iin=IIN, surname="ӘБЕНОВ", name="НҰРЛАН", patronymic="САБЫРҰЛЫ"))
    yield server
    server.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _point_at(settings, url: str) -> None:
    """NCALayer's address, and the CSP's connect-src with exactly it (as wss://127.0.0.1:13579 in production)."""
    settings.ESIGN_NCALAYER_URL = url
    policy = {**settings.CONTENT_SECURITY_POLICY}
    directives = {**policy["DIRECTIVES"], "connect-src": ["'self'", url]}
    settings.CONTENT_SECURITY_POLICY = {**policy, "DIRECTIVES": directives}


@pytest.fixture
def csp_page(browser, live_server, settings, media_root):
    """A page that keeps the portal's CSP (the shared fixture bypasses it for axe): the socket must pass it."""
    settings.STORAGES = {**settings.STORAGES,
                         "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(15_000)
    page = context.new_page()
    yield page
    context.close()


def test_the_head_signs_the_submission_with_ncalayer_end_to_end(
    csp_page, sign_in, settings, ca, ncalayer, tmp_path, browser, live_server
):
    store = tmp_path / "roots.pem"
    store.write_bytes(ca.pem())
    settings.ESIGN_REQUIRED, settings.ESIGN_TRUST_STORE = True, [str(store)]
    lot = LotFactory()
    LotIndicatorFactory(lot=lot)
    ngo = NGOFactory()
    head = person(ngo, "head", full_name="Нұрлан Әбенов", language="en", iin=IIN)
    application = ready_application(lot, ngo, user=head)
    page = csp_page
    sign_in(page, head)
    submit_url = f"/en/applications/{application.pk}/submit/"
    button = page.get_by_role("button", name="Submit the application")
    status = page.get_by_role("status").filter(has_text="NCALayer")

    # NCALayer not running: a closed port. Nothing is submitted, the page says what to do.
    _point_at(settings, f"ws://127.0.0.1:{_free_port()}")
    page.goto(submit_url)
    button.click()
    expect(status).to_contain_text("NCALayer is not running on this computer")

    # The user cancels in NCALayer, then the key offered is expired: each said in words, nothing submitted.
    _point_at(settings, ncalayer.url)
    ncalayer.mode = "cancel"
    page.goto(submit_url)
    button.click()
    expect(status).to_contain_text("Signing was cancelled in NCALayer")
    ncalayer.mode = "expired"
    button.click()
    expect(page.get_by_role("status").filter(has_text="expired")).to_contain_text("The key you chose has expired")
    assert Application.objects.get(pk=application.pk).status == "draft"
    assert not SignatureRecord.objects.exists()

    # Signed for real: the bytes NCALayer was given are the challenge's, the server verified the CMS.
    ncalayer.mode = "sign"
    page.screenshot(path=str(tmp_path / "submit-390.png"), full_page=True)
    button.click()
    number = f"{lot.call.code}-0001"
    expect(page.get_by_text(f"Application {number} is submitted.")).to_be_visible()
    expect(page.locator(".signed-by")).to_contain_text(
        f"Signed with an electronic digital signature by ӘБЕНОВ НҰРЛАН САБЫРҰЛЫ (IIN {IIN[:2]}••••••••{IIN[-2:]})")
    record = SignatureRecord.objects.get()
    request = ncalayer.requests[-1]
    assert request["args"]["signerParams"]["iin"] == IIN and request["args"]["format"] == "cms"
    assert (record.method, record.verified, record.signer_iin) == ("ncalayer", True, IIN)
    receipt = page.get_by_role("link", name=f"Receipt {number} (PDF)")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(page.request.get(
        receipt.get_attribute("href")).body())).pages)
    text = " ".join(text.split())  # the PDF wraps the name
    assert "ӘБЕНОВ НҰРЛАН САБЫРҰЛЫ" in text and f"{IIN[:2]}••••••••{IIN[-2:]}" in text

    # The second visit: withdraw (signed), submit again (signed), the same number, three records.
    page.goto(f"/en/applications/{application.pk}/withdraw/")
    page.get_by_label("Reason").fill("Бюджетті қайта есептейміз")
    page.get_by_role("button", name="Withdraw").click()
    expect(page.get_by_text("The application is withdrawn.")).to_be_visible()
    page.goto(submit_url)
    button.click()
    expect(page.get_by_text(f"Application {number} is submitted.")).to_be_visible()
    actions = list(SignatureRecord.objects.order_by("signed_at").values_list("action", "method"))
    assert actions == [("grants.application_submit", "ncalayer"), ("grants.application_withdraw", "ncalayer"),
                       ("grants.application_submit", "ncalayer")]
    assert Application.objects.get(pk=application.pk).submissions.count() == 2


def test_the_submit_page_with_ncalayer_passes_axe(page, sign_in, settings, assert_accessible, ncalayer, tmp_path):
    settings.ESIGN_REQUIRED = True
    lot = LotFactory()
    LotIndicatorFactory(lot=lot)
    ngo = NGOFactory()
    head = person(ngo, "head", full_name="Нұрлан Әбенов", language="en")
    application = ready_application(lot, ngo, user=head)
    sign_in(page, head)
    for language in ("kk", "ru", "en"):
        page.goto(f"/{language}/applications/{application.pk}/submit/")
        expect(page.locator("[data-esign]")).to_be_visible()
        assert_accessible(page)
        page.set_viewport_size({"width": 390, "height": 844})
        page.screenshot(path=str(tmp_path / f"submit-{language}-390.png"), full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})
