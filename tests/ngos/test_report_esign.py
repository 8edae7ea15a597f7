"""With signatures on, the head signs the yearly report's submission on the report page; a member's key is refused."""

from decimal import Decimal

import pytest
from django.urls import reverse

from ngos import services
from ngos.choices import MemberRole, ReportStatus
from ngos.models import Membership, last_reporting_year
from portal.esign.services import challenge_issue
from portal.models import SignatureRecord
from tests.portal.esign_ca import valid_iin
from tests.portal.esign_fixtures import *  # noqa: F403  (the test CA, its key, signatures switched on)
from tests.world import make_user

from .factories import NGOFactory
from .test_reports import COMPLETE

pytestmark = pytest.mark.django_db
HEAD_IIN, MEMBER_IIN = valid_iin("800101", "3", 3), valid_iin("910101", "4", 4)


def _form(version, challenge, cms):
    return {
        **{k: str(v) for k, v in COMPLETE.items()}, "action": "submit", "esign_nonce": challenge.nonce,
        "esign_cms": cms,
        "sources-TOTAL_FORMS": "1", "sources-INITIAL_FORMS": "0", "sources-0-source_type": "state_grant",
        "sources-0-amount": "2500000", "sources-0-description": "",
        "spending-TOTAL_FORMS": "1", "spending-INITIAL_FORMS": "0", "spending-0-direction": "programmes",
        "spending-0-amount": "2000000", "spending-0-description": "семинарлар",
    }


def test_the_head_signs_the_yearly_report_and_a_members_key_is_refused(client, esign_on, test_ca, rsa_key):
    ngo = NGOFactory()
    head = make_user("head@example.kz", iin=HEAD_IIN)
    Membership.objects.create(ngo=ngo, user=head, role=MemberRole.HEAD)
    year = last_reporting_year()
    version = services.report_start(ngo=ngo, year=year, actor=head)
    services.report_save_draft(
        version=version, actor=head, fields=COMPLETE,
        fund_sources=[{"source_type": "state_grant", "amount": Decimal("2500000"), "description": ""}],
        spending=[{"direction": "programmes", "amount": Decimal("2000000"), "description": "семинарлар"}],
    )
    client.force_login(head)
    url = reverse("ngos:report_edit", kwargs={"bin": ngo.bin, "year": year})
    assert 'data-esign-action="ngos.report_submit"' in client.get(url).content.decode()

    challenge = challenge_issue(actor=head, action="ngos.report_submit", obj=version)
    member_key = test_ca.issue(iin=MEMBER_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    page = client.post(url, _form(version, challenge, member_key), follow=True).content.decode()
    assert "Кілт сізге емес, басқа адамға тиесілі" in page  # the head's page is in Kazakh
    version.refresh_from_db()
    assert version.status == ReportStatus.DRAFT and not SignatureRecord.objects.exists()

    cms = test_ca.issue(iin=HEAD_IIN, bin=ngo.bin, key=rsa_key).cms_b64(challenge.payload_bytes)
    response = client.post(url, _form(version, challenge, cms))
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.status == ReportStatus.SUBMITTED
    record = SignatureRecord.objects.get()
    assert (record.signed_object, record.signer_iin, record.signer_bin) == (version, HEAD_IIN, ngo.bin)
