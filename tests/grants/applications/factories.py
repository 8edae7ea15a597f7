"""Plain factories for applications: a call open now, a lot with indicators, a verified NGO with its people,
and a draft filled in completely so that tests start from "ready to submit" and break one thing at a time."""

import io
import zipfile
from datetime import date, timedelta
from decimal import Decimal
from itertools import count

import factory
from django.core.files.base import ContentFile
from django.utils import timezone
from factory.django import DjangoModelFactory

from grants.applications.models import (
    Application,
    ApplicationActivity,
    ApplicationDocument,
    ApplicationIndicator,
    BudgetLine,
)
from grants.models import Call, Customer, FiscalYear, Lot, LotIndicator
from ngos.bin import check_digit
from ngos.models import NGO, Membership
from portal.formatting import ASTANA
from portal.models import Region
from tests.world import make_user

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
_serials = count(1)


def valid_bin() -> str:
    """A BIN that passes the check digit: registered 2001-04, resident, head unit, a fresh serial."""
    while True:
        first11 = f"010440{next(_serials) % 100000:05d}"
        digit = check_digit(first11)
        if digit is not None:
            return first11 + str(digit)


CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="xml" ContentType="application/xml"/>{defaults}'
    '<Override PartName="/{part}" ContentType="{main}"/></Types>'
)
OOXML_MAIN = {
    "docx": ("word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
    "xlsx": ("xl/workbook.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
}


def ooxml_bytes(kind="docx", *, extra: dict[str, bytes] | None = None, defaults="", declare_main=True) -> bytes:
    """A minimal Office Open XML package: its content types declare the main part, which is there."""
    part, main = OOXML_MAIN[kind]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        types = CONTENT_TYPES.format(defaults=defaults, part=part, main=main if declare_main else "application/xml")
        archive.writestr("[Content_Types].xml", types)
        archive.writestr(part, "<document/>")
        for name, content in (extra or {}).items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_bytes() -> bytes:
    return ooxml_bytes("docx")


class CustomerFactory(DjangoModelFactory):
    class Meta:
        model = Customer

    name_kk = factory.Sequence(lambda n: f"Министрлік {n}")
    name_ru = factory.Sequence(lambda n: f"Министерство {n}")
    kind = "ministry"
    bin = factory.LazyFunction(valid_bin)


class FiscalYearFactory(DjangoModelFactory):
    class Meta:
        model = FiscalYear
        django_get_or_create = ("year",)

    year = 2026
    mci = Decimal("4325")


class CallFactory(DjangoModelFactory):
    """An announced call open now: opened five days ago, closes in twenty."""

    class Meta:
        model = Call

    customer = factory.SubFactory(CustomerFactory)
    fiscal_year = factory.SubFactory(FiscalYearFactory)
    number = factory.Sequence(lambda n: n + 1)
    code = factory.LazyAttribute(lambda o: Call.make_code(o.fiscal_year.year, o.number))
    title_kk = factory.Sequence(lambda n: f"Гранттар конкурсы {n}")
    title_ru = factory.Sequence(lambda n: f"Конкурс грантов {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    closes_at = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=20)).astimezone(ASTANA).replace(hour=18, minute=30, second=0,
                                                                                 microsecond=0)
    )
    status = "announced"
    announced_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))


class LotFactory(DjangoModelFactory):
    class Meta:
        model = Lot

    call = factory.SubFactory(CallFactory)
    code = factory.Sequence(lambda n: f"2026-T{n:03d}")
    title_kk = "Жастарға арналған лот"
    title_ru = "Лот для молодёжи"
    grant_type = "short"
    term_months = 10
    budget = Decimal("10000000.00")


class LotIndicatorFactory(DjangoModelFactory):
    class Meta:
        model = LotIndicator

    lot = factory.SubFactory(LotFactory)
    position = factory.Sequence(lambda n: n)
    name_kk = factory.Sequence(lambda n: f"Қатысушылар саны {n}")
    name_ru = factory.Sequence(lambda n: f"Число участников {n}")
    unit_kk = "адам"
    unit_ru = "человек"
    target_value = Decimal("500")


def almaty() -> Region:
    # A transactional test's flush empties the regions the migration loaded: bring back the one we use.
    region, _ = Region.objects.get_or_create(
        slug="almaty", defaults={"iso_code": "KZ-75", "name_kk": "Алматы қаласы", "name_ru": "город Алматы",
                                 "name_en": "Almaty", "position": 19},
    )
    return region


class NGOFactory(DjangoModelFactory):
    class Meta:
        model = NGO

    bin = factory.LazyFunction(valid_bin)
    name_kk = factory.Sequence(lambda n: f"«Болашақ {n}» қоғамдық бірлестігі")
    name_ru = factory.Sequence(lambda n: f"Общественное объединение «Болашак {n}»")
    legal_form = "public_association"
    region = factory.LazyFunction(lambda: almaty())
    verification = "verified"


def person(ngo: NGO, role: str, email: str | None = None, **fields):
    user = make_user(email or f"{role}-{ngo.bin}@example.kz", **fields)
    Membership.objects.create(ngo=ngo, user=user, role=role)
    return user


def add_document(application: Application, kind: str, *, content: bytes = PDF_BYTES, name: str = "charter.pdf",
                 user=None) -> ApplicationDocument:
    import hashlib

    document = ApplicationDocument(
        application=application, kind=kind, name=name, content_type="application/pdf", size=len(content),
        sha256=hashlib.sha256(content).hexdigest(), uploaded_by=user, uploaded_at=timezone.now(),
    )
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document


def ready_application(lot: Lot, ngo: NGO, *, user=None, language: str = "kk", **fields) -> Application:
    """A draft with every section complete: it passes the check page as it is."""
    application = Application.objects.create(
        lot=lot, ngo=ngo, created_by=user, language=language,
        title=fields.pop("title", "Жастар еріктілері мектебі"),
        summary="Жастарды еріктілікке баулитын жыл бойғы мектеп.",
        problem="Аудандарда жастардың азаматтық белсенділігі төмен.",
        goals="Бір жылда 500 жасты еріктілер қозғалысына тарту.",
        target_groups="14–29 жастағы жастар.",
        beneficiaries_count=500,
        team="Жоба жетекшісі, екі тренер, бухгалтер.",
        partners="Аудандық жастар ресурстық орталығы.",
        risks="Қатысушылардың аз келуі: мектептермен алдын ала келісу.",
        sustainability="Еріктілер клубы жобадан кейін де жұмыс істейді.",
        declares_accuracy=True, declares_eligibility=True, consents_publication=True,
        **fields,
    )
    ApplicationActivity.objects.create(
        application=application, position=0, activity="Тренингтер", starts_on=date(2026, 3, 1),
        ends_on=date(2026, 11, 30), outputs="20 тренинг",
    )
    for position, indicator in enumerate(lot.indicators.all()):
        ApplicationIndicator.objects.create(
            application=application, position=position, lot_indicator=indicator, baseline=Decimal("0"),
            target=indicator.target_value, verification="Тіркеу парақтары",
        )
    lines = [
        ("staff", "Тренерлер", "ай", "10", "400000"),
        ("materials", "Үлестірме материалдар", "жинақ", "500", "2000"),
        ("institutional", "Бухгалтерлік бағдарлама", "лицензия", "1", "300000"),
        ("administrative", "Кеңсе жалдау", "ай", "10", "100000"),
    ]
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, position=i, category=c, description=d, unit=u, quantity=Decimal(q),
                   unit_cost=Decimal(cost))
        for i, (c, d, u, q, cost) in enumerate(lines)
    )
    add_document(application, "charter", name="charter.pdf", user=user)
    add_document(application, "financial_statements", name="balance.pdf", user=user)
    return application
