"""Demo data for calls: two customers, priority directions approved after their public discussion (and next
year's list in discussion now), and a call at every stage — finished, in expert evaluation, in screening, open,
announced, and a draft — with lots whose cost justifications add up and the rules attached. Everything goes
through the services at the moment it would have happened (grants/demo_dates.py), so the dates follow today
and each other. Idempotent: what exists is left as it is."""

from datetime import date, timedelta
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from portal.demo import clock
from portal.formatting import ASTANA, astana
from portal.models import Region, User

from .choices import CalendarDayKind, ClarificationStatus, CommentResolution, DocumentKind
from .demo_data import (
    CALL_TEXTS,
    CUSTOMERS,
    DESCRIPTION_KK,
    DESCRIPTION_RU,
    DIRECTIONS,
    HOLIDAYS,
    KURBAN_AIT,
    MCI,
    RULES,
    RULES_TITLE,
    THEMES,
)
from .demo_dates import CallDates, at_astana, demo_calls, future_call
from .models import (
    CalendarDay,
    Call,
    Clarification,
    Customer,
    FiscalYear,
    Lot,
    PriorityDirection,
    PriorityDirectionList,
)
from .services import calls as call_services
from .services import directions as direction_services
from .services import lots as lot_services
from .workdays import add_working_days


def capitalized(text: str) -> str:
    return text[:1].upper() + text[1:]


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


def seed_directions(customer: Customer, fiscal_year: FiscalYear, starts_on: date, users, *, comments,
                    approve: bool) -> dict[int, PriorityDirection]:
    """A customer's list for the year through its public discussion, comments answered; approved after it."""
    manager = users.get("calls@demo.demeu.kz")
    direction_list = PriorityDirectionList.objects.filter(customer=customer, fiscal_year=fiscal_year).first()
    if direction_list is None:
        with clock(at_astana(starts_on - timedelta(days=6), 10, 20)):
            direction_list = direction_services.direction_list_create(
                actor=manager, customer=customer, fiscal_year=fiscal_year
            )
        with clock(at_astana(starts_on - timedelta(days=5), 15, 5)):
            direction_services.directions_save(actor=manager, direction_list=direction_list, directions=[
                {"number": n, "title_kk": kk, "title_ru": ru, "title_en": en}
                for n, (kk, ru, en) in enumerate(DIRECTIONS[customer.bin], start=1)
            ])
        ends_on = add_working_days(starts_on, 12)
        with clock(at_astana(starts_on, 9, 40)):
            direction_services.discussion_start(actor=manager, direction_list=direction_list, starts_on=starts_on,
                                      ends_on=ends_on)
        directions = {d.number: d for d in direction_list.directions.all()}
        for index, (email, number, text, resolution, response) in enumerate(comments):
            author = users.get(email)
            if author is None or number not in directions:
                continue
            with clock(at_astana(add_working_days(starts_on, 1 + 2 * index), 12 + index, 15 + 7 * index)):
                comment = direction_services.comment_add(actor=author, direction=directions[number], text=text)
            if resolution:
                with clock(at_astana(add_working_days(starts_on, 3 + 2 * index), 16, 10 + 5 * index)):
                    direction_services.comment_answer(actor=manager, comment=comment, resolution=resolution,
                                                      response=response)
        if approve:
            with clock(at_astana(add_working_days(ends_on, 2), 11)):
                direction_services.direction_list_approve(actor=manager, direction_list=direction_list)
    if direction_list is None:
        return {}
    return {d.number: d for d in direction_list.directions.all()}


def seed_lot(call: Call, code: str, theme_name: str, region_slug: str | None, directions, manager) -> Lot:
    theme = THEMES[theme_name]
    region = Region.objects.get(slug=region_slug) if region_slug else None
    region_kk = region.name_kk if region else "Республика"
    region_ru = region.name_ru if region else "Республика"
    lot = Lot.objects.filter(code=code).first()
    if lot is not None:
        return lot
    fields = {
        "code": code, "direction": directions.get(theme["direction"]), "region": region,
        "grant_type": theme["grant_type"], "term_months": theme["term_months"], "budget": theme["budget"],
        # A title starts with a capital even when the region's name does not («город Алматы»).
        "grants_count": 1, "title_kk": capitalized(theme["title_kk"].format(region=region_kk)),
        "title_ru": capitalized(theme["title_ru"].format(region=region_ru)),
        **{k: theme[k] for k in ("problem_kk", "problem_ru", "target_groups_kk", "target_groups_ru",
                                 "expected_results_kk", "expected_results_ru", "requirements_kk", "requirements_ru")},
    }
    indicators = [{"name_kk": kk, "name_ru": ru, "unit_kk": ukk, "unit_ru": uru, "target_value": value}
                  for kk, ru, ukk, uru, value in theme["indicators"]]
    lines = [{"item_kk": ikk, "item_ru": iru, "unit_kk": ukk, "unit_ru": uru, "quantity": Decimal(qty),
              "unit_cost": Decimal(cost), "source_kk": skk, "source_ru": sru}
             for ikk, iru, ukk, uru, qty, cost, skk, sru in theme["lines"]]
    return lot_services.lot_save(actor=manager, call=call, lot=None, fields=fields, indicators=indicators, lines=lines)


def rules_pdf() -> bytes:
    """The rules of the call, as the operator publishes them: the same text in Kazakh and Russian."""
    from portal.pdf import render_pdf

    return render_pdf("grants/pdf/demo_rules.html",
                      {"sections": RULES, "title_kk": RULES_TITLE[0], "title_ru": RULES_TITLE[1]},
                      language="ru", number="P-1", title=f"{RULES_TITLE[0]} / {RULES_TITLE[1]}")


def seed_call(key: str, dates: CallDates, *, customer, fiscal_year, number, lots, directions, manager,
              rules: bytes | None, announce: bool = True, titles: tuple[str, str, str] | None = None) -> Call:
    """Drafted, its lots added and its rules attached over the days before the announcement, then announced.
    `lots` are (code without the year, theme, region slug or None); `titles` (kk, ru, en) default to CALL_TEXTS."""
    kk, ru, en = titles or CALL_TEXTS[key]
    code = Call.make_code(fiscal_year.year, number)
    call = Call.objects.filter(code=code).first()
    if call is not None:
        return call
    drafted = dates.announced - timedelta(days=6, hours=2)
    with clock(drafted):
        call = call_services.call_create(
            actor=manager, customer=customer, fiscal_year=fiscal_year, number=number, title_kk=kk, title_ru=ru,
            title_en=en, description_kk=DESCRIPTION_KK.format(customer=customer.name_kk),
            description_ru=DESCRIPTION_RU.format(customer=customer.name_ru), opens_at=dates.opens,
            closes_at=dates.closes,
        )
    per_day = max(2, -(-len(lots) // 4))  # the lots go in over four office days, however many there are
    for index, (lot_code, theme, region) in enumerate(lots):
        slot = index % per_day
        with clock(drafted + timedelta(days=1 + index // per_day, minutes=60 + slot * 420 // per_day + 13 * slot)):
            seed_lot(call, f"{fiscal_year.year}-{lot_code}", theme, region, directions, manager)
    if rules is not None:
        with clock(dates.announced - timedelta(days=1, hours=1, minutes=25)):
            call_services.document_add(
                actor=manager, call=call, kind=DocumentKind.RULES, title_kk=RULES_TITLE[0], title_ru=RULES_TITLE[1],
                title_en=RULES_TITLE[2], upload=SimpleUploadedFile(f"rules-{code}.pdf", rules),
                content_type="application/pdf",
            )
    if announce:
        with clock(dates.announced):
            call = call_services.call_announce(actor=manager, call=call)
    return call


def demo_call(key: str) -> Call | None:
    """The demo's call of that stage (CALL_TEXTS key), found by its title whatever day it was seeded."""
    return Call.objects.filter(title_ru=CALL_TEXTS[key][1]).order_by("pk").first()


def seed_clarifications(call: Call, dates: CallDates, users) -> None:
    """Two questions on the open call: one answered and published for every applicant, one still waiting."""
    from ngos.models import Membership

    member = users.get("ngo-member@demo.demeu.kz")
    manager = users.get("calls@demo.demeu.kz")
    membership = Membership.objects.filter(user=member).select_related("ngo").first() if member else None
    if membership is None or manager is None or call.clarifications.exists():
        return
    opened = dates.opens.astimezone(ASTANA).date()
    asked = at_astana(opened + timedelta(days=2), 16, 42)
    answered = at_astana(add_working_days(asked.date(), 2), 11, 5)
    Clarification.objects.create(
        call=call, ngo=membership.ngo, asked_by=member, language="kk",
        question="Бір ҮЕҰ бір конкурс аясында екі лотқа өтінім бере ала ма?",
        asked_at=asked, status=ClarificationStatus.PUBLISHED,
        question_kk="Бір ҮЕҰ бір конкурс аясында екі лотқа өтінім бере ала ма?",
        question_ru="Может ли одна НПО подать заявки на два лота одного конкурса?",
        answer_kk="Иә, бере алады: әр лотқа бір өтінімнен. Әр өтінімнің бюджеті сол лоттың бюджетінен аспауы тиіс.",
        answer_ru="Да, может: по одной заявке на каждый лот. Бюджет каждой заявки не должен превышать бюджет лота.",
        answered_by=manager, answered_at=answered, published_at=answered + timedelta(minutes=40),
    )
    # Asked a week ago and not answered yet: the call manager's dashboard flags it as overdue.
    Clarification.objects.create(
        call=call, ngo=membership.ngo, asked_by=member, language="kk",
        question="Серіктес ұйымның кепілдік хатын қандай нысанда ұсыну керек?",
        asked_at=at_astana(timezone.localdate() - timedelta(days=7), 10, 18),
    )


COMMENTS = [
    # author, direction, text, resolution (None: waits for an answer), response
    ("citizen@demo.demeu.kz", 1, "Ауыл жастарын да қосу керек: олардың мүмкіндігі қалалықтардан аз.",
     CommentResolution.ACCEPTED, "Қабылданды: бағыт атауы мен сипаттамасына ауыл жастары қосылды."),
    ("ngo-head@demo.demeu.kz", 2,
     "Предлагаю отдельно выделить поддержку семей, воспитывающих детей с инвалидностью.", CommentResolution.PARTLY,
     "Учтено частично: семьи с детьми с инвалидностью включены в целевые группы направления 2, отдельное "
     "направление не выделяется из-за ограниченного бюджета."),
    ("citizen@demo.demeu.kz", 1, "Нужно финансировать только спортивные секции.", CommentResolution.REJECTED,
     "Отклонено: спортивные секции финансируются из бюджетных программ спорта, а не через гранты НПО."),
]
# Next year's list of the akimat is in its public discussion now: one comment answered, one waiting.
NEXT_YEAR_COMMENTS = [
    ("council@demo.demeu.kz", 1, "Қала жастарының кәсіптік бағдар алуын да басым бағытқа енгізуді ұсынамын.",
     CommentResolution.ACCEPTED, "Қабылданды: 1-бағыттың сипаттамасына кәсіптік бағдар беру қосылды."),
    ("citizen@demo.demeu.kz", 2, "Прошу учесть поддержку пожилых людей в новых микрорайонах, где нет центров "
     "активного долголетия.", None, ""),
]

# The demo's calls, in the order they were announced: customer, lots (code, theme, region).
CALLS = [
    ("finished", 0, [("AKM-01", "youth", "akmola"), ("SHY-01", "care", "shymkent"),
                     ("VKO-01", "green", "east-kazakhstan")]),
    ("evaluation", 0, [("KOS-01", "youth", "kostanay"), ("PAV-01", "care", "pavlodar")]),
    ("screening", 1, [("ALM-01", "youth", "almaty"), ("ALM-02", "care", "almaty")]),
    ("open", 0, [("ALM-03", "youth", "almaty"), ("TUR-01", "care", "turkistan"), ("KAR-01", "green", "karaganda"),
                 ("NAT-01", "legal", None)]),
    ("announced", 1, [("ALM-04", "youth", "almaty"), ("ALM-05", "care", "almaty")]),
]


def seed(stdout=None) -> None:
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.demeu.kz")}
    manager = users.get("calls@demo.demeu.kz")
    today = timezone.localdate()
    year = today.year
    seed_calendar([year - 1, year, year + 1])
    years = seed_years([year - 1, year, year + 1])
    customers = seed_customers(users)
    plans = demo_calls(today)
    first = min(dates.announced for dates in plans.values()).astimezone(ASTANA).date()
    # The customers' directions were approved after their discussion, before the first call was drafted.
    discussion = add_working_days(first - timedelta(days=50), 0)
    directions = {
        customer.pk: seed_directions(customer, years[discussion.year], discussion, users, comments=COMMENTS,
                                     approve=True)
        for customer in customers
    }
    seed_directions(customers[1], years[year + 1], today - timedelta(days=9), users, comments=NEXT_YEAR_COMMENTS,
                    approve=False)
    rules = None
    if not Call.objects.filter(title_ru=CALL_TEXTS["finished"][1]).exists():
        # The operator approved its rules once, before the first of these calls.
        with clock(at_astana(add_working_days(first - timedelta(days=20), 0), 12)):
            rules = rules_pdf()
    numbers: dict[int, int] = {}
    calls = {}
    for key, customer_index, lots in CALLS:
        dates = plans[key]
        fiscal_year = years[dates.announced.astimezone(ASTANA).year]
        numbers[fiscal_year.year] = numbers.get(fiscal_year.year, 0) + 1
        customer = customers[customer_index]
        calls[key] = seed_call(key, dates, customer=customer, fiscal_year=fiscal_year,
                               number=numbers[fiscal_year.year], lots=lots, directions=directions[customer.pk],
                               manager=manager, rules=rules)
    # A call the manager started drafting two days ago: one lot written, nothing announced yet.
    numbers[year] = numbers.get(year, 0) + 1
    draft = future_call(today, opens_in=30, window_days=30, announced_ago=-4)
    seed_call("draft", draft, customer=customers[1], fiscal_year=years[year], number=numbers[year],
              lots=[("ALM-06", "youth", "almaty")], directions=directions[customers[1].pk], manager=manager,
              rules=None, announce=False)
    seed_clarifications(calls["open"], plans["open"], users)
    if stdout:
        closes = astana(calls["open"].closes_at)
        stdout.write(f"calls: open call {calls['open'].code} closes {closes:%Y-%m-%d %H:%M} Astana time")

    from .applications.demo import seed as seed_applications  # applications in every state (issue 5)

    seed_applications(stdout, calls=calls, dates=plans)
