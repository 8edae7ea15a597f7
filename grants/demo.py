"""Demo data for calls: two customers, approved priority directions with a finished public discussion,
one closed call, one open call and one announced call, with lots across regions whose cost
justifications add up. Dates follow today, so the demo always has an open call. Idempotent."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from portal import audit
from portal.formatting import ASTANA, astana
from portal.models import Region, User

from .choices import CalendarDayKind, ClarificationStatus, CommentResolution, DirectionListStatus
from .demo_data import (
    CALL_TEXTS,
    CUSTOMERS,
    DESCRIPTION_KK,
    DESCRIPTION_RU,
    DIRECTIONS,
    HOLIDAYS,
    KURBAN_AIT,
    MCI,
    THEMES,
)
from .models import (
    CalendarDay,
    Call,
    Clarification,
    CostJustificationLine,
    Customer,
    DirectionComment,
    FiscalYear,
    Lot,
    LotIndicator,
    PriorityDirection,
    PriorityDirectionList,
)
from .workdays import add_working_days


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


def at_astana(day: date, hours: int, minutes: int = 0) -> datetime:
    return datetime.combine(day, time(hours, minutes), tzinfo=ASTANA)


def seed_calendar(years) -> None:
    for year in years:
        fixed = [(date(year, m, d), kk, ru, en) for m, d, kk, ru, en in HOLIDAYS]
        if year in KURBAN_AIT:
            fixed.append((KURBAN_AIT[year], "Құрбан айт", "Курбан айт", "Kurban Ait"))
        taken = {day for day, *_ in fixed}
        for day, kk, ru, en in fixed:
            CalendarDay.objects.get_or_create(
                date=day, defaults={"kind": CalendarDayKind.DAY_OFF, "name_kk": kk, "name_ru": ru, "name_en": en}
            )
            # A secular holiday on a weekend moves to the next working day.
            if day.weekday() >= 5 and en != "Kurban Ait" and en != "Orthodox Christmas":
                moved = day + timedelta(days=1)
                while moved.weekday() >= 5 or moved in taken:
                    moved += timedelta(days=1)
                taken.add(moved)
                CalendarDay.objects.get_or_create(
                    date=moved,
                    defaults={
                        "kind": CalendarDayKind.DAY_OFF, "name_kk": f"Демалыс күні ({kk})",
                        "name_ru": f"Выходной день ({ru})", "name_en": f"Day off ({en})",
                    },
                )


def seed_years(years) -> dict[int, FiscalYear]:
    result = {}
    for year in years:
        known = max((y for y in MCI if y <= year), default=min(MCI))
        result[year], _ = FiscalYear.objects.get_or_create(year=year, defaults={"mci": MCI[known]})
    return result


def seed_customers(users) -> list[Customer]:
    customers = []
    for data in CUSTOMERS:
        region = Region.objects.get(slug=data["region"]) if data["region"] else None
        fields = {k: v for k, v in data.items() if k not in ("bin", "region")}
        customer, _ = Customer.objects.get_or_create(bin=data["bin"], defaults={**fields, "region": region})
        customers.append(customer)
    representative = users.get("customer@demo.demeu.kz")
    if representative:
        customers[0].representatives.add(representative)
    return customers


def seed_directions(customer: Customer, fiscal_year: FiscalYear, today: date, users) -> dict[int, PriorityDirection]:
    starts_on = today - timedelta(days=120)
    direction_list, created = PriorityDirectionList.objects.get_or_create(
        customer=customer, fiscal_year=fiscal_year,
        defaults={
            "status": DirectionListStatus.APPROVED, "discussion_starts_on": starts_on,
            "discussion_ends_on": add_working_days(starts_on, 12),
            "approved_at": at_astana(add_working_days(starts_on, 15), 11),
        },
    )
    for number, (kk, ru, en) in enumerate(DIRECTIONS[customer.bin], start=1):
        PriorityDirection.objects.get_or_create(
            direction_list=direction_list, number=number, defaults={"title_kk": kk, "title_ru": ru, "title_en": en}
        )
    directions = {d.number: d for d in direction_list.directions.all()}
    citizen, manager = users.get("citizen@demo.demeu.kz"), users.get("calls@demo.demeu.kz")
    if created and citizen and manager:
        comments = [
            (1, "Ауыл жастарын да қосу керек: олардың мүмкіндігі қалалықтардан аз.", CommentResolution.ACCEPTED,
             "Қабылданды: бағыт атауы мен сипаттамасына ауыл жастары қосылды."),
            (2, "Предлагаю отдельно выделить поддержку семей, воспитывающих детей с инвалидностью.",
             CommentResolution.PARTLY,
             "Учтено частично: семьи с детьми с инвалидностью включены в целевые группы направления 2, отдельное "
             "направление не выделяется из-за ограниченного бюджета."),
            (1, "Нужно финансировать только спортивные секции.", CommentResolution.REJECTED,
             "Отклонено: спортивные секции финансируются из бюджетных программ спорта, а не через гранты НПО."),
        ]
        for number, text, resolution, response in comments:
            if number in directions:
                DirectionComment.objects.create(
                    direction=directions[number], author=citizen, text=text, resolution=resolution,
                    response=response, answered_by=manager, answered_at=direction_list.approved_at,
                )
    return directions


def seed_lot(call: Call, code: str, theme_name: str, region_slug: str | None, directions) -> Lot:
    theme = THEMES[theme_name]
    region = Region.objects.get(slug=region_slug) if region_slug else None
    region_kk = region.name_kk if region else "Республика"
    region_ru = region.name_ru if region else "Республика"
    lot, created = Lot.objects.get_or_create(
        code=code,
        defaults={
            "call": call, "position": call.lots.count() + 1, "direction": directions.get(theme["direction"]),
            "region": region, "grant_type": theme["grant_type"], "term_months": theme["term_months"],
            "budget": theme["budget"], "grants_count": 1,
            # A title starts with a capital even when the region's name does not («город Алматы»).
            "title_kk": capitalized(theme["title_kk"].format(region=region_kk)),
            "title_ru": capitalized(theme["title_ru"].format(region=region_ru)),
            **{k: theme[k] for k in ("problem_kk", "problem_ru", "target_groups_kk", "target_groups_ru",
                                     "expected_results_kk", "expected_results_ru", "requirements_kk",
                                     "requirements_ru")},
        },
    )
    if created:
        LotIndicator.objects.bulk_create(
            LotIndicator(lot=lot, position=n, name_kk=kk, name_ru=ru, unit_kk=ukk, unit_ru=uru, target_value=value)
            for n, (kk, ru, ukk, uru, value) in enumerate(theme["indicators"], start=1)
        )
        CostJustificationLine.objects.bulk_create(
            CostJustificationLine(
                lot=lot, position=n, item_kk=ikk, item_ru=iru, unit_kk=ukk, unit_ru=uru, quantity=Decimal(qty),
                unit_cost=Decimal(cost), source_kk=skk, source_ru=sru,
            )
            for n, (ikk, iru, ukk, uru, qty, cost, skk, sru) in enumerate(theme["lines"], start=1)
        )
    return lot


def seed_call(key: str, *, customer, fiscal_year, number, opens_at, closes_at, lots, directions, manager) -> Call:
    kk, ru, en = CALL_TEXTS[key]
    code = Call.make_code(fiscal_year.year, number)
    call, created = Call.objects.get_or_create(
        code=code,
        defaults={
            "customer": customer, "fiscal_year": fiscal_year, "number": number, "title_kk": kk, "title_ru": ru,
            "title_en": en, "description_kk": DESCRIPTION_KK.format(customer=customer.name_kk),
            "description_ru": DESCRIPTION_RU.format(customer=customer.name_ru), "opens_at": opens_at,
            "closes_at": closes_at, "created_by": manager,
        },
    )
    for lot_code, theme, region in lots:
        seed_lot(call, f"{fiscal_year.year}-{lot_code}", theme, region, directions)
    if created:
        call.status = "announced"
        call.announced_at = min(opens_at - timedelta(days=7), timezone.now())
        call.save(update_fields=["status", "announced_at"])
        audit.record(actor=manager, obj=call, action="call_announced", from_state="draft", to_state="announced",
                     note="demo")
    return call


def seed_clarifications(call: Call, users) -> None:
    from ngos.models import Membership

    member = users.get("ngo-member@demo.demeu.kz")
    membership = Membership.objects.filter(user=member).select_related("ngo").first() if member else None
    if membership is None or call.clarifications.exists():
        return
    manager = users.get("calls@demo.demeu.kz")
    now = timezone.now()
    Clarification.objects.create(
        call=call, ngo=membership.ngo, asked_by=member, language="kk",
        question="Бір ҮЕҰ бір конкурс аясында екі лотқа өтінім бере ала ма?",
        asked_at=now - timedelta(days=4), status=ClarificationStatus.PUBLISHED,
        question_kk="Бір ҮЕҰ бір конкурс аясында екі лотқа өтінім бере ала ма?",
        question_ru="Может ли одна НПО подать заявки на два лота одного конкурса?",
        answer_kk="Иә, бере алады: әр лотқа бір өтінімнен. Әр өтінімнің бюджеті сол лоттың бюджетінен аспауы тиіс.",
        answer_ru="Да, может: по одной заявке на каждый лот. Бюджет каждой заявки не должен превышать бюджет лота.",
        answered_by=manager, answered_at=now - timedelta(days=3), published_at=now - timedelta(days=3),
    )
    Clarification.objects.create(
        call=call, ngo=membership.ngo, asked_by=member, language="kk",
        question="Серіктес ұйымның кепілдік хатын қандай нысанда ұсыну керек?", asked_at=now - timedelta(days=6),
    )


def seed(stdout=None) -> None:
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.demeu.kz")}
    manager = users.get("calls@demo.demeu.kz")
    today = timezone.localdate()
    year = today.year
    seed_calendar([year - 1, year, year + 1])
    years = seed_years([year - 1, year, year + 1])
    fiscal_year = years[year]
    ministry, akimat = seed_customers(users)
    ministry_directions = seed_directions(ministry, fiscal_year, today, users)
    akimat_directions = seed_directions(akimat, fiscal_year, today, users)

    seed_call(
        "closed", customer=ministry, fiscal_year=fiscal_year, number=1,
        opens_at=at_astana(today - timedelta(days=80), 9), closes_at=at_astana(today - timedelta(days=50), 18, 30),
        lots=[("AKM-01", "youth", "akmola"), ("SHY-01", "care", "shymkent"), ("VKO-01", "green", "east-kazakhstan")],
        directions=ministry_directions, manager=manager,
    )
    open_call = seed_call(
        "open", customer=ministry, fiscal_year=fiscal_year, number=2,
        opens_at=at_astana(today - timedelta(days=5), 9), closes_at=at_astana(today + timedelta(days=20), 18, 30),
        lots=[("ALM-01", "youth", "almaty"), ("TUR-01", "care", "turkistan"), ("KAR-01", "green", "karaganda"),
              ("NAT-01", "legal", None)],
        directions=ministry_directions, manager=manager,
    )
    seed_call(
        "announced", customer=akimat, fiscal_year=fiscal_year, number=3,
        opens_at=at_astana(today + timedelta(days=10), 9), closes_at=at_astana(today + timedelta(days=40), 18, 30),
        lots=[("ALM-02", "youth", "almaty"), ("ALM-03", "care", "almaty")],
        directions=akimat_directions, manager=manager,
    )
    seed_clarifications(open_call, users)
    if stdout:
        closes = astana(open_call.closes_at)
        stdout.write(f"calls: open call {open_call.code} closes {closes:%Y-%m-%d %H:%M} Astana time")

    from .applications.demo import seed as seed_applications  # applications in every state (issue 5)

    seed_applications(stdout)
