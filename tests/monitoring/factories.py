"""Builders for monitoring tests: a running grant (agreement signed, so its reports are due), a filled report,
evidence files by their bytes."""

from django.core.files.uploadedfile import SimpleUploadedFile

from monitoring.choices import ReportKind, Section
from monitoring.models import GrantReport
from ngos.choices import MemberRole
from tests.agreements import factories as af

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")
PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 64


def upload(name="evidence.pdf", content=PDF):
    return SimpleUploadedFile(name, content)


INDICATORS = [
    {"name": "Оқытылған волонтерлер", "unit": "адам", "baseline": "0", "target": "100", "verification": "Тізім"},
    {"name": "Өткізілген тренингтер", "unit": "тренинг", "baseline": "0", "target": "10", "verification": "Фото"},
]
ACTIVITIES = [
    {"activity": "Қатысушыларды іріктеу", "starts_on": "2026-01-10", "ends_on": "2026-02-10"},
    {"activity": "Тренингтер", "starts_on": "2026-02-11", "ends_on": "2026-05-30"},
]
BUDGET = {"services": "6000000.00", "travel": "1000000.00", "materials": "3000000.00"}


def running_grant(*, ngo=None, operator=None, **kwargs):
    """A grant whose agreement both parties signed (its interim and final reports are due), with two indicators,
    two activities and three budget lines (the factory's application has none of these)."""
    from datetime import timedelta

    from django.utils import timezone

    # Awarded two months ago: the project is under way, so visits have happened and the interim report is near.
    kwargs.setdefault("awarded_on", timezone.localdate() - timedelta(days=60))
    grant = af.signed_grant(ngo=ngo, operator=operator, **kwargs)
    grant.indicators, grant.activities, grant.budget = INDICATORS, ACTIVITIES, BUDGET
    grant.save(update_fields=["indicators", "activities", "budget"])
    grant.budget_versions.filter(version=1).update(by_category=BUDGET)
    return grant


def head_of(grant):
    return grant.ngo.memberships.get(role=MemberRole.HEAD).user


def report_of(grant, kind=ReportKind.INTERIM) -> GrantReport:
    return GrantReport.objects.get(grant=grant, kind=kind)


def finance_within_plan(report, share="0.5") -> dict:
    from decimal import Decimal

    from monitoring.selectors import budget_of

    return {"lines": {c: {"period": str((Decimal(v) * Decimal(share)).quantize(Decimal("0.01"))),
                          "total": str((Decimal(v) * Decimal(share)).quantize(Decimal("0.01")))}
                      for c, v in budget_of(report).items()}}


def fill(report, user, *, achieved="40"):
    """Every section filled within the rules (what the head can submit)."""
    from monitoring.services import report_save_section

    sections = {
        Section.NARRATIVE: {"done": "Тренингтер өтті. Проведены тренинги.", "changed": "", "problems": ""},
        Section.INDICATORS: {"rows": [{"period": achieved, "total": achieved, "links": "https://example.kz/photo"}
                                      for _ in report.grant.indicators]},
        Section.BENEFICIARIES: {"rows": [{"group": "Жастар / Молодёжь", "count": 120}]},
        Section.ACTIVITIES: {"rows": [{"progress": "done", "note": ""} for _ in report.grant.activities]},
        Section.FINANCE: finance_within_plan(report),
    }
    for section, data in sections.items():
        report.refresh_from_db()
        report = report_save_section(report=report, section=section, data=data,
                                     version=report.versions.get(section, 0), actor=user)
    return report
