"""Plain builders for evaluation tests: a call with lots, NGOs, experts in the register, a rubric."""

import itertools
from datetime import timedelta
from decimal import Decimal

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from evaluations.choices import ExpertStatus, Nominator
from evaluations.models import Criterion, Expert, Rubric
from grants.choices import CallStatus, CustomerKind, GrantType
from grants.models import Call, Customer, FiscalYear, Lot
from ngos.models import NGO, Sphere
from portal.choices import PublicRole
from portal.models import Region
from tests.world import make_user

_seq = itertools.count(1)
FACTORY_YEAR = 2099

# Valid BINs (DOMAIN.md): NGOs and customers need real check digits.
BINS = ["940140000385", "950440001673", "990940003030", "000640002067"]


def bin_number(n: int) -> str:
    """A valid BIN: the 12th digit computed from the first 11 (DOMAIN.md)."""
    body = f"{(n % 90) + 10:02d}0140{n:05d}"[:11]
    digits = [int(c) for c in body]
    check = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], strict=True)) % 11
        if check == 10:
            return bin_number(n + 1)
    return body + str(check)


def region(slug: str = "almaty") -> Region:
    return Region.objects.get(slug=slug)


def sphere(slug: str = "education", name: str = "Білім") -> Sphere:
    return Sphere.objects.get_or_create(slug=slug, defaults={"name_kk": name, "name_ru": name})[0]


def ngo(**fields) -> NGO:
    n = next(_seq)
    number = bin_number(1000 + n)
    # An invalid BIN steps to the next number, which the next call would take too: skip the ones in use.
    while "bin" not in fields and NGO.objects.filter(bin=number).exists():
        n = next(_seq)
        number = bin_number(1000 + n)
    defaults = {
        "bin": number, "name_kk": f"«Қоғам {n}» ҚБ", "name_ru": f"ОО «Общество {n}»",
        "legal_form": "public_association", "region": region(), "verification": "verified",
    }
    defaults.update(fields)
    return NGO.objects.create(**defaults)


def call(*, closed: bool = True, **fields) -> Call:
    n = next(_seq)
    # A year of its own: other apps' builders number their calls 2026-01, 2026-02…
    year, _ = FiscalYear.objects.get_or_create(year=FACTORY_YEAR, defaults={"mci": Decimal("4325")})
    customer = Customer.objects.create(
        name_kk="Мәдениет және ақпарат министрлігі", name_ru="Министерство культуры и информации",
        kind=CustomerKind.MINISTRY, bin=bin_number(5000 + n),
    )
    now = timezone.now()
    opens, closes = (now - timedelta(days=40), now - timedelta(days=10)) if closed else (
        now - timedelta(days=1), now + timedelta(days=20))
    defaults = {
        "customer": customer, "fiscal_year": year, "number": n, "code": Call.make_code(FACTORY_YEAR, n),
        "title_kk": f"Жастар саясаты бойынша конкурс {n}", "title_ru": f"Конкурс по молодёжной политике {n}",
        "opens_at": opens, "closes_at": closes, "status": CallStatus.ANNOUNCED, "announced_at": opens,
    }
    defaults.update(fields)
    return Call.objects.create(**defaults)


def lot(call: Call, **fields) -> Lot:
    n = next(_seq)
    defaults = {
        "call": call, "code": f"{FACTORY_YEAR}-T{n:03d}", "title_kk": f"Лот {n}", "title_ru": f"Лот {n}",
        "grant_type": GrantType.SHORT, "term_months": 10, "budget": Decimal("30000000"), "grants_count": 2,
        "position": n,
    }
    defaults.update(fields)
    return Lot.objects.create(**defaults)


def expert(*, user=None, status: str = ExpertStatus.ACTIVE, spheres=None, speaks_kk=True, speaks_ru=True,
           nominated_by: str = Nominator.OPERATOR, nominating_ngo=None, **fields) -> Expert:
    n = next(_seq)
    if user is None:
        user = make_user(f"expert{n}@example.kz", full_name=f"Сарапшы {n}",
                         group=PublicRole.EXPERT if status == ExpertStatus.ACTIVE else None)
    elif status == ExpertStatus.ACTIVE:
        user.groups.add(Group.objects.get(name=PublicRole.EXPERT))
    if nominated_by == Nominator.NGO and nominating_ngo is None:
        nominating_ngo = ngo()
    profile = Expert(
        user=user, status=status, speaks_kk=speaks_kk, speaks_ru=speaks_ru, region=region(),
        nominated_by=nominated_by, nominating_ngo=nominating_ngo, position="Университет, доцент",
        experience="10 жыл", **fields,
    )
    profile.cv.save(f"cv-{n}.pdf", ContentFile(b"%PDF-1.4\n%cv\n"), save=False)
    profile.save()
    profile.spheres.set(spheres if spheres is not None else [sphere()])
    return profile


def rubric(call: Call | None = None, *, criteria=None, overall_threshold=Decimal("50"), **fields) -> Rubric:
    """Default: three criteria of maximum 10, weights 50/30/20, a threshold of 4 on the first."""
    rub = Rubric.objects.create(call=call, overall_threshold=overall_threshold,
                                name_kk="" if call else "Үлгі", name_ru="" if call else "Шаблон", **fields)
    rows = criteria or [(10, Decimal("50"), 4), (10, Decimal("30"), None), (10, Decimal("20"), None)]
    for position, (maximum, weight, threshold) in enumerate(rows, start=1):
        Criterion.objects.create(
            rubric=rub, position=position, title_kk=f"Өлшемшарт {position}", title_ru=f"Критерий {position}",
            max_score=maximum, weight=weight, min_score=threshold,
        )
    return rub


def admitted_application(lot, *, ngo_=None, budget: Decimal = Decimal("10000000"), language: str = "ru",
                         title: str = ""):
    """An application as screening leaves it: submitted (with its frozen snapshot) and admitted."""
    from grants.applications.choices import ApplicationStatus
    from grants.applications.selectors import application_with_content, build_snapshot
    from grants.models import Application, BudgetLine, Submission

    n = next(_seq)
    ngo_ = ngo_ or ngo()
    now = timezone.now()
    app = Application.objects.create(
        lot=lot, ngo=ngo_, status=ApplicationStatus.ADMITTED, language=language,
        title=title or f"Жоба {n}", summary="Жастарға арналған қысқа жоба.", problem="Мәселе", goals="Мақсат",
        registration_number=f"{lot.call.code}/{n:04d}", sequence=n, submitted_at=now,
    )
    BudgetLine.objects.create(application=app, category="services", description="Қызметтер", unit="қызмет",
                              quantity=Decimal("1"), unit_cost=budget)
    head = make_user(f"head{n}@example.kz")
    Submission.objects.create(
        application=app, number=app.registration_number, submitted_at=now, submitted_by=head, language=language,
        snapshot=build_snapshot(application_with_content(app.pk)), snapshot_sha256="0" * 64,
    )
    return app


def drawn_panel(call, *, experts=6, size=3, reserves=3, manager=None, seed="test", **options):
    """A commission drawn from `experts` fresh experts of one sphere, the first member named chair."""
    from evaluations.services.panels import panel_create, panel_draw, panel_set_officers

    field = sphere(f"sphere-{next(_seq)}", "Сала")
    pool = [expert(spheres=[field]) for _ in range(experts)]
    manager = manager or make_user(f"manager{next(_seq)}@example.kz", group="call_manager")
    panel = panel_create(call=call, actor=manager, sphere=field, size=size, reserves=reserves, **options)
    panel_draw(panel=panel, actor=manager, observers="Бақылаушы", seed=seed)
    seats = list(panel.members.order_by("draw_position"))
    panel_set_officers(panel=panel, actor=manager, chair=seats[0], secretary=seats[1])
    return panel, pool, manager
