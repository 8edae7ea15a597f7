"""The demo data: about 200 NGOs in every region, valid BINs, the demo accounts' NGO, reports."""

from collections import Counter

import pytest
from django.core.management import call_command

from ngos.bin import validate_bin
from ngos.choices import MemberRole, VerificationStatus
from ngos.models import NGO, Membership, YearlyReport, YearlyReportVersion, last_reporting_year
from ngos.selectors import is_listed_for_year, report_overview
from portal.models import Region

pytestmark = pytest.mark.django_db


def test_seed_demo_twice_gives_the_same_plausible_data(settings):
    call_command("seed_demo", "--quiet-accounts", stdout=__import__("io").StringIO())
    counts = (NGO.objects.count(), Membership.objects.count(), YearlyReportVersion.objects.count())
    call_command("seed_demo", "--quiet-accounts", stdout=__import__("io").StringIO())
    assert (NGO.objects.count(), Membership.objects.count(), YearlyReportVersion.objects.count()) == counts

    assert 190 <= NGO.objects.count() <= 210
    assert NGO.objects.values("region").distinct().count() == Region.objects.count() == 20
    for bin in NGO.objects.values_list("bin", flat=True):
        validate_bin(bin)
    assert Counter(NGO.objects.values_list("verification", flat=True))[VerificationStatus.PENDING] >= 5

    head = Membership.objects.get(user__email="ngo-head@demo.demeu.kz")
    assert head.role == MemberRole.HEAD and head.ngo.is_verified and head.ngo.region.slug == "almaty"
    roles = dict(Membership.objects.filter(ngo=head.ngo).values_list("user__email", "role"))
    assert roles["ngo-member@demo.demeu.kz"] == MemberRole.MEMBER
    assert roles["ngo-accountant@demo.demeu.kz"] == MemberRole.ACCOUNTANT
    assert is_listed_for_year(head.ngo, last_reporting_year())

    statuses = Counter(
        row["status"] for ngo in NGO.objects.filter(verification=VerificationStatus.VERIFIED)
        for row in report_overview(ngo, years=3)
    )
    assert statuses["on_time"] > 100 and statuses["late"] > 20 and statuses["overdue"] > 20
    assert YearlyReport.objects.filter(versions__number=2).exists()
