"""With signatures on, the grantee's head signs the report's submission on the report page (portal.esign)."""

import pytest
from django.urls import reverse

from monitoring.choices import ReportStatus
from portal.esign.services import challenge_issue
from portal.models import SignatureRecord
from tests.portal.esign_ca import valid_iin
from tests.portal.esign_fixtures import *  # noqa: F403  (the test CA, its key, signatures switched on)

from . import factories as f

pytestmark = pytest.mark.django_db
HEAD_IIN, OTHER_IIN = valid_iin("800202", "3", 8), valid_iin("800303", "4", 9)


def test_the_head_signs_the_report_and_another_persons_key_is_refused(client, media_root, esign_on, test_ca,
                                                                      rsa_key):
    grant = f.running_grant()
    head = f.head_of(grant)
    head.iin = HEAD_IIN
    head.save(update_fields=["iin"])
    report = f.fill(f.report_of(grant), head)
    client.force_login(head)
    page = reverse("monitoring:report", kwargs={"pk": report.pk})
    assert 'data-esign-action="monitoring.report_submit"' in client.get(page).content.decode()
    url = reverse("monitoring:submit", kwargs={"pk": report.pk})

    challenge = challenge_issue(actor=head, action="monitoring.report_submit", obj=report)
    other = test_ca.issue(iin=OTHER_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    client.post(url, {"esign_nonce": challenge.nonce, "esign_cms": other})
    report.refresh_from_db()
    assert report.status != ReportStatus.SUBMITTED and not SignatureRecord.objects.exists()

    cms = test_ca.issue(iin=HEAD_IIN, key=rsa_key).cms_b64(challenge.payload_bytes)
    client.post(url, {"esign_nonce": challenge.nonce, "esign_cms": cms})
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    record = SignatureRecord.objects.get()
    assert (record.signed_object, record.signer_iin) == (report.submissions.get(), HEAD_IIN)
