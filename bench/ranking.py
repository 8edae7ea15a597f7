"""Benchmark: the ranking of one lot with 1,000 applications × 5 experts × 6 criteria.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/demeu_bench .venv/bin/python bench/ranking.py

A throwaway test database (test_<name>) is created and migrated, the data is written and committed (as it
would be in use), the ranking is timed, and the database is dropped. The figures (time per ranking,
queries) are printed and written to bench/results/ranking.json.
"""

import json
import os
import random
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

APPLICATIONS, EXPERTS, CRITERIA, RUNS = 1000, 5, 6, 20


def valid_bin(n: int) -> str:
    body = f"{10 + n % 80:02d}0140{n:05d}"
    digits = [int(c) for c in body]
    check = sum(d * w for d, w in zip(digits, range(1, 12), strict=True)) % 11
    if check == 10:
        check = sum(d * w for d, w in zip(digits, [3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2], strict=True)) % 11
    return body + str(check) if check != 10 else ""


def build():
    from evaluations.models import Assignment, Criterion, Expert, Panel, PanelMember, Rubric, Score
    from grants.applications.choices import ApplicationStatus
    from grants.choices import CallStatus, CustomerKind, GrantType
    from grants.models import Application, BudgetLine, Call, Customer, FiscalYear, Lot
    from ngos.models import NGO
    from portal.models import Region, User

    rng = random.Random(2026)
    now = timezone.now()
    region = Region.objects.first()
    year, _ = FiscalYear.objects.get_or_create(year=2098, defaults={"mci": Decimal("4325")})
    customer = Customer.objects.create(name_kk="Бенч", name_ru="Бенч", kind=CustomerKind.MINISTRY, bin="990940003030")
    call = Call.objects.create(customer=customer, fiscal_year=year, number=1, code="2098-01", title_kk="Бенч",
                               title_ru="Бенч", opens_at=now - timezone.timedelta(days=60),
                               closes_at=now - timezone.timedelta(days=30), status=CallStatus.ANNOUNCED)
    lot = Lot.objects.create(call=call, code="2098-BENCH-01", grant_type=GrantType.SHORT, term_months=12,
                             budget=Decimal("500000000"), grants_count=40)
    rubric = Rubric.objects.create(call=call, overall_threshold=Decimal("50"))
    weights = [Decimal("20"), Decimal("20"), Decimal("20"), Decimal("15"), Decimal("15"), Decimal("10")]
    criteria = Criterion.objects.bulk_create(
        Criterion(rubric=rubric, position=i, title_kk=f"К{i}", title_ru=f"К{i}", max_score=10, weight=w,
                  min_score=4 if i == 0 else None) for i, w in enumerate(weights)
    )
    bins = [b for b in (valid_bin(n) for n in range(20000, 23000)) if b][:APPLICATIONS]
    ngos = NGO.objects.bulk_create(
        NGO(bin=b, name_kk=f"ҮЕҰ {i}", name_ru=f"НПО {i}", legal_form="public_association", region=region)
        for i, b in enumerate(bins)
    )
    applications = Application.objects.bulk_create(
        Application(lot=lot, ngo=ngo, status=ApplicationStatus.UNDER_EVALUATION, language="ru", title=f"Проект {i}",
                    registration_number=f"2098-01/{i:05d}", sequence=i + 1, submitted_at=now)
        for i, ngo in enumerate(ngos)
    )
    BudgetLine.objects.bulk_create(
        BudgetLine(application=a, category="services", description="Услуги", unit="усл.", quantity=Decimal("1"),
                   unit_cost=Decimal(rng.randrange(5_000_000, 20_000_000))) for a in applications
    )
    users = User.objects.bulk_create(User(email=f"bench-expert{i}@example.kz", full_name=f"Эксперт {i}")
                                     for i in range(EXPERTS))
    experts = Expert.objects.bulk_create(
        Expert(user=u, speaks_kk=True, speaks_ru=True, region=region, nominated_by="operator", position="-",
               experience="-", cv="cv.pdf", status="active") for u in users
    )
    panel = Panel.objects.create(call=call, size=EXPERTS, reserves=0, status="assigned")
    PanelMember.objects.bulk_create(PanelMember(panel=panel, expert=e, role="member", draw_position=i + 1)
                                    for i, e in enumerate(experts))
    sheets = []
    for application in applications:
        quality = rng.randrange(2, 10)
        for expert in experts:
            values = [max(0, min(10, quality + rng.randrange(-2, 3))) for _ in criteria]
            total = sum(Decimal(v) / 10 * c.weight for v, c in zip(values, criteria, strict=True))
            sheets.append((Assignment(panel=panel, application=application, expert=expert, status="submitted",
                                      total=total.quantize(Decimal("0.01")), submitted_at=now), values))
    Assignment.objects.bulk_create([a for a, _ in sheets], batch_size=2000)
    Score.objects.bulk_create(
        (Score(assignment=a, criterion=c, value=v, comment="") for a, values in sheets
         for c, v in zip(criteria, values, strict=True)),
        batch_size=5000,
    )
    return lot, rubric


def main():
    from evaluations.selectors.ranking import lot_ranking

    original = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        result = measure(lot_ranking)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)
    print(json.dumps(result, indent=2))
    out = BASE / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "ranking.json").write_text(json.dumps(result, indent=2))
    return 0 if result["median_ms"] <= 100 else 1


def measure(lot_ranking) -> dict:
    with transaction.atomic():
        started = time.perf_counter()
        lot, rubric = build()
        built = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    rubric = type(rubric).objects.prefetch_related("criteria").get(pk=rubric.pk)
    if True:
        lot_ranking(lot, rubric)  # warm up
        timings = []
        for _ in range(RUNS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                ranking = lot_ranking(lot, rubric)
                timings.append((time.perf_counter() - started) * 1000)
        result = {
            "database": connection.vendor,
            "applications": APPLICATIONS, "experts": EXPERTS, "criteria": CRITERIA,
            "scores": APPLICATIONS * EXPERTS * CRITERIA,
            "queries": len(queries.captured_queries),
            "median_ms": round(statistics.median(timings), 1),
            "min_ms": round(min(timings), 1), "max_ms": round(max(timings), 1), "runs": RUNS,
            "recommended_winners": sum(1 for r in ranking.rows if r.recommendation == "winner"),
            "data_built_s": round(built, 1),
        }
    return result


if __name__ == "__main__":
    sys.exit(main())
