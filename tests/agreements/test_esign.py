"""With signatures on, both parties sign the agreement with NCALayer through its page: the head with their own or
the NGO's key, the operator's signatory with a key of the operator's BIN; another organisation's key is refused."""

import pytest
from django.urls import reverse
from django.utils import translation

from agreements.choices import AgreementStatus, SignatureMethod
from portal.esign.services import challenge_issue
from portal.middleware import MFA_OK
from portal.models import SignatureRecord
from tests.portal.esign_ca import valid_iin
from tests.portal.esign_fixtures import *  # noqa: F403  (the test CA, its key, signatures switched on)
from tests.world import make_user

from . import factories as f

pytestmark = pytest.mark.django_db
OPERATOR_IIN = valid_iin("750620", "4", 5)


def _sign_in(client, user):
    client.force_login(user)
    session = client.session
    session[MFA_OK] = user.pk
    session.save()


def _post_signed(client, user, grant, action, signer):
    challenge = challenge_issue(actor=user, action=action, obj=grant)
    _sign_in(client, user)
    with translation.override("kk"):  # the page in Kazakh, whatever language an earlier test left active
        address = reverse("agreements:sign", kwargs={"number": grant.number})
    return client.post(address, {
        "sha256": grant.agreement.pdf_sha256, "confirm": "on", "esign_nonce": challenge.nonce,
        "esign_cms": signer.cms_b64(challenge.payload_bytes),
    }, follow=True)


def test_both_parties_sign_the_agreement_with_ncalayer(client, media_root, esign_on, test_ca, rsa_key, settings):
    grant = f.awarded_grant()
    head = f.head_of(grant.ngo)
    head.iin = valid_iin("820304", "3", 9)
    head.save(update_fields=["iin"])
    agreement = f.ready_to_sign(grant, head)
    operator = make_user("signatory@example.kz", group="operator_admin", iin=OPERATOR_IIN)

    _post_signed(client, head, grant, "agreements.sign_ngo",
                 test_ca.issue(iin=head.iin, bin=grant.ngo.bin, organisation=grant.ngo.name_kk, key=rsa_key))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NGO_SIGNED

    # A key of another organisation for the operator: refused, the agreement waits.
    page = _post_signed(client, operator, grant, "agreements.sign_operator",
                        test_ca.issue(iin=OPERATOR_IIN, bin=grant.ngo.bin, key=rsa_key)).content.decode()
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.NGO_SIGNED
    assert f"басқа ұйымға тиесілі (БСН {grant.ngo.bin})" in page  # the page is in Kazakh
    _post_signed(client, operator, grant, "agreements.sign_operator",
                 test_ca.issue(iin=OPERATOR_IIN, bin=settings.OPERATOR_BIN, key=rsa_key))
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert set(agreement.signatures.values_list("signature_method", flat=True)) == {SignatureMethod.NCALAYER}
    records = SignatureRecord.objects.filter(action__startswith="agreements.sign_").order_by("signed_at")
    assert [(r.signer, r.signer_bin, r.signed_object) for r in records] == [
        (head, grant.ngo.bin, agreement), (operator, settings.OPERATOR_BIN, agreement)]
    page = client.get(reverse("agreements:grant", kwargs={"number": grant.number})).content.decode()
    assert page.count("Signed with an electronic digital signature by") + page.count(
        "электрондық цифрлық қолтаңбамен қол қойды") == 2
