"""portal.esign on its own: the IIN, the CMS verification (GOST, OCSP), the staff pages that verify again."""

import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from asn1crypto import cms as asn1_cms
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.x509 import ocsp
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from portal.esign.services import _record_fields, signature_reverify
from portal.esign.verify import verify_cms
from portal.identity import mask_iin, validate_iin
from portal.models import SignatureRecord
from tests.portal.esign_fixtures import *  # noqa: F403  (the test CA, its key, signatures switched on)
from tests.portal.esign_fixtures import HEAD_IIN
from tests.world import make_user

DOCUMENT = b"portal: Demeu\naction: grants.application_submit\nnonce: abc\n"
SIGNATURES_PAGE_QUERIES = 5


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def roots(ca) -> list[bytes]:
    return [ca.cert.public_bytes(serialization.Encoding.DER)]


@pytest.mark.parametrize("value", [HEAD_IIN, "000101500017"[:11] + "x"])
def test_a_valid_iin_passes_and_a_letter_is_refused(value):
    if value == HEAD_IIN:
        validate_iin(value)
    else:
        with pytest.raises(ValidationError, match="digits only"):
            validate_iin(value)


@pytest.mark.parametrize(("value", "message"), [
    ("85010130011", "12 digits; this one has 11"),
    ("851301300112", "date of birth"),
    ("850101700112", "century of birth"),
])
def test_an_iin_is_refused_naming_what_is_wrong(value, message):
    with pytest.raises(ValidationError, match=message):
        validate_iin(value)


def test_a_wrong_check_digit_is_refused_as_a_typo():
    wrong = HEAD_IIN[:11] + str((int(HEAD_IIN[11]) + 1) % 10)
    with pytest.raises(ValidationError, match="check digit of this IIN"):
        validate_iin(wrong)


def test_a_page_shows_the_iin_masked():
    assert mask_iin("850101300112") == "85••••••••12"


def test_the_csp_lets_the_page_reach_ncalayer_and_nothing_else():
    assert django_settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["connect-src"] == ["'self'",
                                                                                  "wss://127.0.0.1:13579"]


def test_a_gost_signature_is_refused_in_words(test_ca, rsa_key):
    signer = test_ca.issue(iin=HEAD_IIN, key=rsa_key)
    info = asn1_cms.ContentInfo.load(signer.cms(DOCUMENT))
    signer_info = info["content"]["signer_infos"][0]
    signer_info["signature_algorithm"]["algorithm"] = "1.2.398.3.10.1.1.2.3.2"  # KZ GOST 34.10-2015 (512)
    result = verify_cms(info.dump(force=True), DOCUMENT, moment=timezone.now(), trust_roots=roots(test_ca))
    assert not result.ok and "made with a GOST key" in result.messages()[0]


class _Responder(BaseHTTPRequestHandler):
    """An OCSP responder for the test CA: answers each request with the status the test set."""

    status = ocsp.OCSPCertStatus.GOOD
    ca = None
    leaf = None

    def do_POST(self):  # noqa: N802 (http.server's name)
        self.rfile.read(int(self.headers["Content-Length"]))
        now = datetime.now(UTC)
        builder = ocsp.OCSPResponseBuilder().add_response(
            cert=self.leaf, issuer=self.ca.cert, algorithm=hashes.SHA1(), cert_status=self.status,
            this_update=now, next_update=now + timedelta(hours=1),
            revocation_time=now - timedelta(days=1) if self.status == ocsp.OCSPCertStatus.REVOKED else None,
            revocation_reason=None,
        ).responder_id(ocsp.OCSPResponderEncoding.HASH, self.ca.cert)
        body = builder.sign(self.ca.key, hashes.SHA256()).public_bytes(serialization.Encoding.DER)
        self.send_response(200)
        self.send_header("Content-Type", "application/ocsp-response")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def responder(test_ca, rsa_key):
    leaf = test_ca.issue(iin=HEAD_IIN, key=rsa_key)
    handler = type("Responder", (_Responder,), {"ca": test_ca, "leaf": leaf.cert})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield handler, leaf, f"http://127.0.0.1:{server.server_address[1]}/ocsp"
    server.shutdown()


def test_ocsp_good_is_recorded_with_the_responder(responder, test_ca):
    handler, leaf, url = responder
    result = verify_cms(leaf.cms(DOCUMENT), DOCUMENT, moment=timezone.now(), trust_roots=roots(test_ca),
                        ocsp_url=url)
    assert result.ok, result.messages()
    assert (result.ocsp["url"], result.ocsp["status"]) == (url, "good") and "ocsp" in result.checks


def test_a_revoked_certificate_is_refused(responder, test_ca):
    handler, leaf, url = responder
    handler.status = ocsp.OCSPCertStatus.REVOKED
    result = verify_cms(leaf.cms(DOCUMENT), DOCUMENT, moment=timezone.now(), trust_roots=roots(test_ca),
                        ocsp_url=url)
    assert result.messages() == ["The certificate has been revoked."] and result.ocsp["status"] == "revoked"


def test_an_unreachable_responder_refuses_and_says_to_try_again(test_ca, rsa_key):
    leaf = test_ca.issue(iin=HEAD_IIN, key=rsa_key)
    result = verify_cms(leaf.cms(DOCUMENT), DOCUMENT, moment=timezone.now(), trust_roots=roots(test_ca),
                        ocsp_url="http://127.0.0.1:9/ocsp")
    assert "could not be reached" in result.messages()[0] and result.ocsp["status"] == "unreachable"


def _record(signer, user, ca) -> SignatureRecord:
    now = timezone.now()
    cms = signer.cms(DOCUMENT)
    verification = verify_cms(cms, DOCUMENT, moment=now, trust_roots=roots(ca))
    return SignatureRecord.objects.create(
        action="grants.application_submit", content_type=ContentType.objects.get_for_model(user), object_id=user.pk,
        method="ncalayer", signer=user, signed_at=now, document=DOCUMENT.decode(), document_sha256="0" * 64,
        cms=cms, verified=verification.ok, verification=verification.as_data(now), **_record_fields(verification),
    )


@pytest.fixture
def head(db):
    return make_user("head@example.kz", full_name="Нұрлан Әбенов", iin=HEAD_IIN)


@pytest.fixture
def officer(db):
    from portal.choices import StaffRole

    return make_user("officer@example.kz", group=StaffRole.CALL_MANAGER, mfa=False)


def test_staff_verify_a_stored_signature_again_and_see_a_changed_trust_store(head, officer, test_ca, unknown_ca,
                                                                            rsa_key, esign_on, settings, tmp_path):
    record = _record(test_ca.issue(iin=HEAD_IIN, key=rsa_key), head, test_ca)
    record = signature_reverify(record=record, actor=officer)
    assert record.last_verification["problems"] == [] and "chain" in record.last_verification["checks"]
    other = tmp_path / "other.pem"
    other.write_bytes(unknown_ca.pem())
    settings.ESIGN_TRUST_STORE = [str(other)]  # the operator replaced the roots: the old chain no longer holds
    record = signature_reverify(record=record, actor=officer)
    assert [p["code"] for p in record.last_verification["problems"]] == ["unknown_ca"]


def test_the_signature_page_shows_the_certificate_and_the_verification(client, head, officer, test_ca, rsa_key,
                                                                       esign_on, settings):
    record = _record(test_ca.issue(iin=HEAD_IIN, surname="ӘБЕНОВ", key=rsa_key), head, test_ca)
    client.force_login(officer)
    session = client.session
    from portal.middleware import MFA_OK

    session[MFA_OK] = officer.pk
    session.save()
    with translation.override("en"):  # the page in English, whatever language an earlier test left active
        url = reverse("portal:signature", kwargs={"pk": record.pk})
    page = client.get(url).content.decode()
    assert "ӘБЕНОВ" in page and HEAD_IIN in page and "chains to a trusted root" in page
    response = client.post(url)
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Verification again on" in page


def test_the_signatures_list_runs_the_same_queries_with_one_and_many_rows(client, head, officer, test_ca, rsa_key):
    from portal.middleware import MFA_OK

    client.force_login(officer)
    session = client.session
    session[MFA_OK] = officer.pk
    session.save()
    signer = test_ca.issue(iin=HEAD_IIN, key=rsa_key)
    _record(signer, head, test_ca)
    url = reverse("portal:signatures")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    for _ in range(5):
        _record(signer, make_user(f"x{_}@example.kz"), test_ca)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url)
    assert page.content.decode().count("<tr>") == 7  # the header and six rows
    assert len(one) == len(many) == SIGNATURES_PAGE_QUERIES
