"""What the benchmarks share: their own PostgreSQL database, a free port, and a synthetic NGO database.

Imported as `bench.common` by the scripts in bench/, which put the project's root on sys.path first. Nothing here
imports Django at module level: a script sets its environment, then calls django.setup(), then seeds.
"""

import random
import socket


def ensure_database(url: str) -> None:
    """Create the bench's database when it does not exist yet (a seeded one is reused)."""
    import psycopg

    base, _, name = url.rpartition("/")
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def seed_ngos(have: int, count: int, rng_seed: int) -> None:
    """Add NGOs until there are `count`: names from the demo's stems in the 20 regions, one to three spheres,
    95 % verified and 60 % with the last year's report filed (so listed), in batches of 2,000."""
    from datetime import date, datetime
    from zoneinfo import ZoneInfo

    from ngos.choices import LegalForm, VerificationStatus
    from ngos.demo import FORMS, PLACES, STEMS, make_bin
    from ngos.models import NGO, Sphere, YearlyReport, last_reporting_year
    from portal.models import Region

    rng = random.Random(rng_seed + have)
    regions, spheres = list(Region.objects.all()), list(Sphere.objects.all())
    year = last_reporting_year()
    filed = datetime(year + 1, 2, 10, 11, tzinfo=ZoneInfo("Asia/Almaty"))
    bins = set(NGO.objects.values_list("bin", flat=True))
    through = NGO.spheres.through
    while have < count:
        batch = []
        while len(batch) < min(2000, count - have):
            registered = date(rng.randint(1996, 2024), rng.randint(1, 12), rng.randint(1, 28))
            bin_ = make_bin(registered, rng.randint(0, 99999))
            if bin_ in bins:
                continue
            bins.add(bin_)
            kk, ru, _spheres = rng.choice(STEMS)
            form = rng.choice(FORMS)
            region = rng.choice(regions)
            place_kk, place_ru, centre = PLACES[region.slug]
            number = have + len(batch) + 1
            batch.append(NGO(
                bin=bin_, legal_form=form[0] if form[0] != LegalForm.FOREIGN_BRANCH else LegalForm.PUBLIC_FOUNDATION,
                name_kk=form[2].format(place=place_kk, kk=f"{kk}-{number}"),
                name_ru=form[3].format(place=place_ru, ru=f"{ru}-{number}"),
                short_name_kk=form[4].format(kk=kk), short_name_ru=form[5].format(ru=ru),
                registered_on=registered, region=region, address=centre,
                verification=VerificationStatus.VERIFIED if rng.random() < 0.95 else VerificationStatus.PENDING,
            ))
        NGO.objects.bulk_create(batch)
        ids = list(NGO.objects.filter(bin__in=[n.bin for n in batch]).values_list("pk", flat=True))
        through.objects.bulk_create(
            [through(ngo_id=pk, sphere_id=s.pk) for pk in ids for s in rng.sample(spheres, k=rng.randint(1, 3))]
        )
        YearlyReport.objects.bulk_create(
            [YearlyReport(ngo_id=pk, year=year, first_submitted_at=filed) for pk in ids if rng.random() < 0.6]
        )
        have += len(batch)
        print(f"  seeded {have}/{count} NGOs", end="\r", flush=True)
    print()
