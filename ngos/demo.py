"""Demo NGOs: about 200 across all regions, with valid BINs, people and yearly reports.

Idempotent: NGOs are keyed by their BIN, generated from a fixed seed, so a second run adds nothing.
The demo accounts from portal/demo.py get an NGO in Almaty (head, member, accountant), and the
accountant keeps the books of a second NGO too, to show switching between NGOs.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from portal.demo import clock
from portal.models import Region, User

from . import figures
from .bin import check_digit
from .choices import (
    FundSourceType,
    LegalForm,
    MemberRole,
    ReportStatus,
    RequestStatus,
    SpendingDirection,
    VerificationStatus,
)
from .models import (
    NGO,
    FundSource,
    JoinRequest,
    Membership,
    Spending,
    Sphere,
    YearlyReport,
    YearlyReportVersion,
    last_reporting_year,
)
from .models.reports import ASTANA

SEED = 20260322
COUNT = 200

# Region slug → (kk genitive, ru genitive, centre for addresses).
PLACES = {
    "abai": ("Абай облысының", "области Абай", "г. Семей"),
    "akmola": ("Ақмола облысының", "Акмолинской области", "г. Кокшетау"),
    "aktobe": ("Ақтөбе облысының", "Актюбинской области", "г. Актобе"),
    "almaty-region": ("Алматы облысының", "Алматинской области", "г. Конаев"),
    "atyrau": ("Атырау облысының", "Атырауской области", "г. Атырау"),
    "west-kazakhstan": ("Батыс Қазақстан облысының", "Западно-Казахстанской области", "г. Уральск"),
    "zhambyl": ("Жамбыл облысының", "Жамбылской области", "г. Тараз"),
    "zhetisu": ("Жетісу облысының", "области Жетісу", "г. Талдыкорган"),
    "karaganda": ("Қарағанды облысының", "Карагандинской области", "г. Караганда"),
    "kostanay": ("Қостанай облысының", "Костанайской области", "г. Костанай"),
    "kyzylorda": ("Қызылорда облысының", "Кызылординской области", "г. Кызылорда"),
    "mangystau": ("Маңғыстау облысының", "Мангистауской области", "г. Актау"),
    "pavlodar": ("Павлодар облысының", "Павлодарской области", "г. Павлодар"),
    "north-kazakhstan": ("Солтүстік Қазақстан облысының", "Северо-Казахстанской области", "г. Петропавловск"),
    "turkistan": ("Түркістан облысының", "Туркестанской области", "г. Туркестан"),
    "ulytau": ("Ұлытау облысының", "области Ұлытау", "г. Жезказган"),
    "east-kazakhstan": ("Шығыс Қазақстан облысының", "Восточно-Казахстанской области", "г. Усть-Каменогорск"),
    "astana": ("Астана қаласының", "города Астаны", "г. Астана"),
    "almaty": ("Алматы қаласының", "города Алматы", "г. Алматы"),
    "shymkent": ("Шымкент қаласының", "города Шымкента", "г. Шымкент"),
}

# (kk, ru, spheres) — the words NGOs really name themselves with.
STEMS = [
    ("Мейірім", "Мейирим", ["social-support", "older-people"]),
    ("Жасыл әлем", "Зелёный мир", ["environment"]),
    ("Жастар келешегі", "Будущее молодёжи", ["youth", "education"]),
    ("Шаңырақ", "Шанырак", ["children-family"]),
    ("Бірлік", "Бирлик", ["harmony", "civic"]),
    ("Үміт", "Надежда", ["disability", "social-support"]),
    ("Қамқор", "Забота", ["older-people", "social-support"]),
    ("Ана мен бала", "Мать и дитя", ["children-family", "health"]),
    ("Сенім", "Доверие", ["rights"]),
    ("Дала тынысы", "Дыхание степи", ["environment", "rural"]),
    ("Таза су", "Чистая вода", ["environment", "rural"]),
    ("Ерікті жүрек", "Сердце волонтёра", ["volunteering"]),
    ("Білім әлемі", "Мир знаний", ["education"]),
    ("Саламатты ұрпақ", "Здоровое поколение", ["health", "sport"]),
    ("Кемпірқосақ", "Радуга", ["children-family", "culture"]),
    ("Ізгі ниет", "Добрая воля", ["social-support", "volunteering"]),
    ("Жарқын болашақ", "Светлое будущее", ["youth"]),
    ("Азамат", "Гражданин", ["civic"]),
    ("Құқық және заң", "Право и закон", ["rights"]),
    ("Мұрагер", "Наследник", ["culture", "youth"]),
    ("Атамекен", "Атамекен", ["rural", "civic"]),
    ("Тең мүмкіндік", "Равные возможности", ["disability", "gender"]),
    ("Алтын күз", "Золотая осень", ["older-people"]),
    ("Жас дарын", "Юные таланты", ["education", "culture"]),
    ("Экоорта", "Экосреда", ["environment"]),
    ("Медиасауат", "Медиаграмотность", ["media", "education"]),
    ("Ауыл тынысы", "Дыхание аула", ["rural"]),
    ("Жеті қазына", "Семь сокровищ", ["culture"]),
    ("Тірек", "Опора", ["disability"]),
    ("Шамшырақ", "Маяк", ["youth", "social-support"]),
    ("Ынтымақ", "Согласие", ["harmony"]),
    ("Жан шуағы", "Тепло души", ["social-support", "volunteering"]),
    ("Денсаулық", "Здоровье", ["health"]),
    ("Спорт әлемі", "Мир спорта", ["sport"]),
    ("Мирас", "Мирас", ["culture"]),
    ("Болашақ", "Болашак", ["education", "youth"]),
    ("Ғылым жолы", "Путь науки", ["science", "education"]),
    ("Отбасы", "Семья", ["children-family"]),
    ("Әйелдер бастамасы", "Женская инициатива", ["gender", "civic"]),
    ("Қызғалдақ", "Тюльпан", ["gender", "culture"]),
    ("Бәйтерек", "Байтерек", ["civic", "youth"]),
    ("Жол нұры", "Свет дороги", ["civic"]),
    ("Қорған", "Защита", ["rights", "animals"]),
    ("Достық", "Дружба", ["harmony", "animals"]),
    ("Ақбота", "Акбота", ["children-family", "animals"]),
]

FORMS = [
    # legal form, weight, kk pattern, ru pattern, kk short, ru short
    (LegalForm.PUBLIC_ASSOCIATION, 45, "{place} «{kk}» қоғамдық бірлестігі", "Общественное объединение «{ru}» {place}",
     "«{kk}» ҚБ", "ОО «{ru}»"),
    (LegalForm.PUBLIC_FOUNDATION, 35, "{place} «{kk}» қоғамдық қоры", "Общественный фонд «{ru}» {place}",
     "«{kk}» ҚҚ", "ОФ «{ru}»"),
    (LegalForm.PRIVATE_INSTITUTION, 10, "{place} «{kk}» жеке мекемесі", "Частное учреждение «{ru}» {place}",
     "«{kk}» ЖМ", "ЧУ «{ru}»"),
    (LegalForm.ASSOCIATION, 8, "{place} «{kk}» заңды тұлғалар бірлестігі",
     "Объединение юридических лиц «{ru}» {place}", "«{kk}» ЗТБ", "ОЮЛ «{ru}»"),
    (LegalForm.FOREIGN_BRANCH, 2, "«{kk}» халықаралық қорының филиалы", "Филиал международного фонда «{ru}»", "", ""),
]

STREETS = ["ул. Абая", "пр. Независимости", "ул. Толе би", "ул. Сатпаева", "ул. Айтеке би", "пр. Республики",
           "ул. Байтурсынова", "ул. Кунаева", "ул. Жамбыла", "ул. Пушкина"]
FOUNDERS = ["Ахметова Айгүл", "Серікбаев Нұрлан", "Ким Ольга", "Жұмабекова Динара", "Иванов Сергей",
            "Оспанов Ерлан", "Төлеубаева Сәуле", "Петрова Наталья", "Әбдірахманов Дәурен", "Исмаилова Гүлмира"]

DEMO_HEAD = "ngo-head@demo.demeu.kz"
DEMO_MEMBER = "ngo-member@demo.demeu.kz"
DEMO_ACCOUNTANT = "ngo-accountant@demo.demeu.kz"
DEMO_ASKING = "citizen@demo.demeu.kz"


@dataclass
class Plan:
    ngo: NGO
    spheres: list[str]
    reports: dict = field(default_factory=dict)  # year → "on_time" | "late" | "corrected"


def make_bin(registered: date, serial: int, *, kind: str = "4", unit: str = "0") -> str:
    """A valid BIN for this registration month: the first serial from `serial` with a check digit."""
    while True:
        first11 = f"{registered:%y%m}{kind}{unit}{serial % 100000:05d}"
        digit = check_digit(first11)
        if digit is not None:
            return first11 + str(digit)
        serial += 1


def _flagship(regions) -> list[Plan]:
    """The demo accounts' NGOs, described by hand."""
    main = NGO(
        bin=make_bin(date(2012, 5, 14), 1207),
        name_kk="«Қамқорлық» қоғамдық қоры", name_ru="Общественный фонд «Камкорлык»",
        name_en="Kamkorlyk Public Foundation",
        short_name_kk="«Қамқорлық» ҚҚ", short_name_ru="ОФ «Камкорлык»",
        legal_form=LegalForm.PUBLIC_FOUNDATION, registered_on=date(2012, 5, 14), region=regions["almaty"],
        address="г. Алматы, ул. Толе би, 101, офис 12", phone="+7 727 250 14 12", email="info@kamkorlyk.demo.demeu.kz",
        website="https://kamkorlyk.demo.demeu.kz",
        description_kk=("Қор 2012 жылдан бері Алматыда көпбалалы отбасыларға, жалғызбасты аналарға және "
                        "мүгедектігі бар балаларға әлеуметтік-құқықтық көмек көрсетеді, еріктілер желісін дамытады."),
        description_ru=("С 2012 года фонд оказывает социально-правовую помощь многодетным семьям, одиноким "
                        "матерям и детям с инвалидностью в Алматы и развивает сеть волонтёров."),
        verification=VerificationStatus.VERIFIED,
    )
    second = NGO(
        bin=make_bin(date(2016, 9, 2), 4411),
        name_kk="Астана қаласының «Жасыл әлем» экологиялық қоғамдық бірлестігі",
        name_ru="Экологическое общественное объединение «Зелёный мир» города Астаны",
        short_name_kk="«Жасыл әлем» ҚБ", short_name_ru="ОО «Зелёный мир»",
        legal_form=LegalForm.PUBLIC_ASSOCIATION, registered_on=date(2016, 9, 2), region=regions["astana"],
        address="г. Астана, пр. Республики, 24", phone="+7 717 255 31 07", email="greenworld@demo.demeu.kz",
        description_kk=("Бірлестік Астанада қалдықтарды бөлек жинауды насихаттайды және мектептерде "
                        "экосабақтар өткізеді."),
        description_ru="Объединение продвигает раздельный сбор отходов в Астане и проводит экоуроки в школах.",
        verification=VerificationStatus.VERIFIED,
    )
    last = last_reporting_year()
    return [
        Plan(main, ["social-support", "children-family", "volunteering"],
             {last - 2: "on_time", last - 1: "on_time", last: "corrected"}),
        Plan(second, ["environment", "education"], {last - 2: "on_time", last - 1: "late"}),
    ]


def _plans(regions) -> list[Plan]:
    rng = random.Random(SEED)
    plans = _flagship(regions)
    seen_names = {plan.ngo.name_ru for plan in plans}
    seen_bins = {plan.ngo.bin for plan in plans}
    slugs = list(PLACES)
    weights = [form[1] for form in FORMS]
    last = last_reporting_year()
    index = 0
    while len(plans) < COUNT:
        index += 1
        slug = slugs[index % len(slugs)]  # every region, evenly
        kk, ru, spheres = rng.choice(STEMS)
        form = rng.choices(FORMS, weights=weights)[0]
        legal_form, _weight, kk_pattern, ru_pattern, kk_short, ru_short = form
        place_kk, place_ru, centre = PLACES[slug]
        name_kk = kk_pattern.format(place=place_kk, kk=kk)
        name_ru = ru_pattern.format(place=place_ru, ru=ru)
        if legal_form == LegalForm.FOREIGN_BRANCH:
            name_kk += f" ({PLACES[slug][2].removeprefix('г. ')})"
            name_ru += f" в {centre}"
        if name_ru in seen_names:
            continue
        registered = date(rng.randint(1996, 2024), rng.randint(1, 12), rng.randint(1, 28))
        foreign = legal_form == LegalForm.FOREIGN_BRANCH
        bin_ = make_bin(registered, rng.randint(0, 99999), kind="5" if foreign else "4", unit="1" if foreign else "0")
        if bin_ in seen_bins:
            continue
        roll = rng.random()
        verification = (
            VerificationStatus.PENDING if roll < 0.08
            else VerificationStatus.REJECTED if roll < 0.11
            else VerificationStatus.VERIFIED
        )
        ngo = NGO(
            bin=bin_, name_kk=name_kk, name_ru=name_ru,
            short_name_kk=kk_short.format(kk=kk), short_name_ru=ru_short.format(ru=ru),
            legal_form=legal_form, registered_on=registered, region=regions[slug],
            address=f"{centre}, {rng.choice(STREETS)}, {rng.randint(1, 180)}",
            phone=f"+7 7{rng.randint(0, 99):02d} {rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
            email=f"ngo{len(plans):03d}@demo.demeu.kz",
            description_kk=f"«{kk}» {place_kk} тұрғындарына арналған жобаларды жүзеге асырады.",
            description_ru=f"«{ru}» реализует проекты для жителей {place_ru}.",
            verification=verification,
        )
        if verification == VerificationStatus.REJECTED:
            ngo.rejection_reason = ("Атауы мемлекеттік тіркеу туралы анықтамаға сәйкес келмейді. / "
                                    "Наименование не совпадает со справкой о государственной регистрации.")
        flag_roll = rng.random()
        if verification == VerificationStatus.VERIFIED and flag_roll < 0.02:
            ngo.in_liquidation, ngo.in_liquidation_source = True, "Решение общего собрания учредителей № 3"
            ngo.in_liquidation_on = date(last + 1, 2, 10)
        elif verification == VerificationStatus.VERIFIED and flag_roll < 0.03:
            ngo.bankrupt, ngo.bankrupt_source = True, "Решение специализированного межрайонного экономического суда"
            ngo.bankrupt_on = date(last, 11, 5)
        elif verification == VerificationStatus.VERIFIED and flag_roll < 0.04:
            ngo.suspended, ngo.suspended_source = True, "Постановление судебного исполнителя об аресте имущества"
            ngo.suspended_on = date(last + 1, 6, 1)
        reports = {}
        if verification == VerificationStatus.VERIFIED:
            for year in range(last - 2, last + 1):
                if year < registered.year:
                    continue
                roll = rng.random()
                if roll < 0.6:
                    reports[year] = "on_time"
                elif roll < 0.75:
                    reports[year] = "late"
                elif roll < 0.8:
                    reports[year] = "corrected"
        extra = rng.sample([s for s in ("volunteering", "education", "civic") if s not in spheres], k=rng.randint(0, 1))
        seen_names.add(name_ru)
        seen_bins.add(bin_)
        plans.append(Plan(ngo, spheres + extra, reports))
    return plans


def _moment(year: int, month: int, day: int, hour: int = 11) -> datetime:
    return datetime.combine(date(year, month, day), time(hour), tzinfo=ASTANA)


def _version_content(rng: random.Random, ngo: NGO, year: int) -> dict:
    founders = ", ".join(rng.sample(FOUNDERS, k=rng.randint(1, 3)))
    return {
        "founders": f"Учредители / Құрылтайшылар: {founders}.",
        "members_count": rng.choice([None, rng.randint(5, 300)]),
        "property_description": rng.choice(
            ["Офис в безвозмездном пользовании, оргтехника.", "Ғимарат жалға алынған; компьютерлер, жиһаз.",
             "Автомобиль, оргтехника, мебель.", "Имущества на балансе нет."]
        ),
        "property_value": Decimal(rng.randint(0, 40) * 250_000),
        "activities": (
            f"{year} жылы {ngo.region.name_kk} аумағында {rng.randint(2, 12)} жоба іске асырылды.\n"
            f"В {year} году реализовано проектов: {rng.randint(2, 12)}; проведено мероприятий: {rng.randint(5, 60)}."
        ),
        "beneficiaries": "Жергілікті тұрғындар, балалар мен жастар. / Местные жители, дети и молодёжь.",
        "beneficiaries_count": rng.randint(40, 5000),
        "staff_count": rng.randint(0, 25),
        "volunteers_count": rng.randint(0, 120),
    }


def _seed_reports(plans: list[Plan], users: dict, *, main_bin: str) -> None:
    rng = random.Random(SEED + 1)
    now = timezone.now()
    head = users.get(DEMO_HEAD)
    reports, versions, sources, spending = [], [], [], []
    for plan in plans:
        for year, kind in sorted(plan.reports.items()):
            on_time = _moment(year + 1, rng.randint(1, 3), rng.randint(1, 28), rng.randint(9, 17))
            late = _moment(year + 1, rng.randint(4, 9), rng.randint(1, 28))
            first = late if kind == "late" else on_time
            if first > now:
                continue
            report = YearlyReport(ngo=plan.ngo, year=year, first_submitted_at=first)
            reports.append(report)
            content = _version_content(rng, plan.ngo, year)
            numbers = [(1, first)]
            if kind == "corrected":
                numbers.append((2, min(first + timedelta(days=rng.randint(10, 60)), now)))
            for number, moment in numbers:
                version = YearlyReportVersion(
                    report=report, number=number, status=ReportStatus.SUBMITTED, submitted_at=moment,
                    submitted_by=head if plan.ngo.bin == main_bin else None,
                    correction_note=(
                        "Уточнена сумма пожертвований по данным бухгалтерии. / Қайырымдылық сомасы нақтыланды."
                        if number > 1 else ""
                    ),
                    **content,
                )
                versions.append(version)
                for source in rng.sample(list(FundSourceType), k=rng.randint(1, 3)):
                    amount = Decimal(rng.randint(1, 400) * 50_000 + (number - 1) * 150_000)
                    sources.append(FundSource(version=version, source_type=source, amount=amount))
                for direction in rng.sample(list(SpendingDirection), k=rng.randint(1, 3)):
                    amount = Decimal(rng.randint(1, 300) * 50_000)
                    spending.append(Spending(version=version, direction=direction, amount=amount))
    YearlyReport.objects.bulk_create(reports)
    for version in versions:
        version.report_id = version.report.pk
    YearlyReportVersion.objects.bulk_create(versions)
    for line in sources + spending:
        line.version_id = line.version.pk
    FundSource.objects.bulk_create(sources)
    Spending.objects.bulk_create(spending)


def _seed_people(plans: list[Plan], users: dict) -> None:
    main, second = plans[0].ngo, plans[1].ngo
    wanted = [
        (main, DEMO_HEAD, MemberRole.HEAD),
        (main, DEMO_MEMBER, MemberRole.MEMBER),
        (main, DEMO_ACCOUNTANT, MemberRole.ACCOUNTANT),
        (second, DEMO_ACCOUNTANT, MemberRole.ACCOUNTANT),
    ]
    for index, (ngo, email, role) in enumerate(wanted):
        if email in users and not Membership.objects.filter(ngo=ngo, user=users[email]).exists():
            # The head registered the NGO; the others joined over the following weeks.
            with clock(NGO.objects.get(pk=ngo.pk).created_at + timedelta(days=9 * index, minutes=5)):
                Membership.objects.create(ngo=ngo, user=users[email], role=role)
    asking = users.get(DEMO_ASKING)
    if asking and not JoinRequest.objects.filter(ngo=main, user=asking).exists():
        JoinRequest.objects.create(
            created_at=_office_hours(random.Random(SEED + 3), timezone.localdate() - timedelta(days=2)),
            ngo=main, user=asking, status=RequestStatus.PENDING,
            message="Сәлеметсіз бе! Мен қордың еріктісімін, порталда есептерге көмектескім келеді.",
        )


def _office_hours(rng: random.Random, day: date) -> datetime:
    return _moment(day.year, day.month, day.day, rng.randint(9, 17)) + timedelta(minutes=rng.randint(0, 59))


def _joined_portal(plans: list[Plan]) -> dict[str, datetime]:
    """When each NGO registered on the portal, and when the operator verified it: over the last two years for
    most, within the last three weeks for those still waiting in the verification queue."""
    rng = random.Random(SEED + 2)
    today = timezone.localdate()
    joined = {}
    for index, plan in enumerate(plans):
        ngo = plan.ngo
        if ngo.verification == VerificationStatus.PENDING:
            day = today - timedelta(days=rng.randint(1, 20))
        elif index < 2:  # the demo accounts' NGOs were among the first
            day = today - timedelta(days=700 + 40 * index)
        else:
            day = today - timedelta(days=rng.randint(60, 730))
        if ngo.registered_on and day < ngo.registered_on:
            day = ngo.registered_on + timedelta(days=rng.randint(1, 30))
        moment = min(_office_hours(rng, day), timezone.now() - timedelta(hours=1))
        joined[ngo.bin] = moment
        if ngo.verification == VerificationStatus.VERIFIED:
            ngo.verified_at = min(moment + timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5)),
                                  timezone.now() - timedelta(minutes=30))
    return joined


def seed(stdout=None) -> None:
    regions = {region.slug: region for region in Region.objects.all()}
    spheres = {sphere.slug: sphere for sphere in Sphere.objects.all()}
    plans = _plans(regions)
    existing = dict(NGO.objects.filter(bin__in=[plan.ngo.bin for plan in plans]).values_list("bin", "pk"))
    new = [plan for plan in plans if plan.ngo.bin not in existing]
    joined = _joined_portal(new)
    NGO.objects.bulk_create([plan.ngo for plan in new])
    created = dict(NGO.objects.filter(bin__in=[plan.ngo.bin for plan in new]).values_list("bin", "pk"))
    # created_at is set on insert (auto_now_add): the day each NGO registered on the portal is written after.
    for bin_, moment in joined.items():
        NGO.objects.filter(pk=created[bin_]).update(created_at=moment)
    for plan in plans:
        plan.ngo.pk = existing.get(plan.ngo.bin) or created.get(plan.ngo.bin)
    Through = NGO.spheres.through
    Through.objects.bulk_create(
        [Through(ngo_id=plan.ngo.pk, sphere_id=spheres[slug].pk) for plan in new for slug in dict.fromkeys(plan.spheres)
         if slug in spheres]
    )
    emails = [DEMO_HEAD, DEMO_MEMBER, DEMO_ACCOUNTANT, DEMO_ASKING]
    users = {user.email: user for user in User.objects.filter(email__in=emails)}
    _seed_reports(new, users, main_bin=plans[0].ngo.bin)
    if new:
        figures.mark()  # written in bulk, so no signal marked the home page's figures
    _seed_people(plans, users)
    if stdout is not None:
        stdout.write(f"NGOs: {len(new)} added, {len(plans) - len(new)} already there")
