"""Demo data for calls: two customers, approved priority directions with a finished public discussion,
one closed call, one open call and one announced call, with lots across regions whose cost
justifications add up. Dates follow today, so the demo always has an open call. Idempotent."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from portal import audit
from portal.formatting import ASTANA, astana
from portal.models import Region, User

from .choices import CalendarDayKind, ClarificationStatus, CommentResolution, CustomerKind, DirectionListStatus
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

# MCI by the republican budget laws; a later year repeats the last known value until staff set it.
MCI = {2024: Decimal("3692"), 2025: Decimal("3932"), 2026: Decimal("4325")}

# Fixed public holidays (Labour Code, art. 84 and the Law on holidays): month, day, kk, ru, en.
HOLIDAYS = [
    (1, 1, "Жаңа жыл", "Новый год", "New Year"),
    (1, 2, "Жаңа жыл", "Новый год", "New Year"),
    (1, 7, "Православиелік Рождество", "Православное Рождество", "Orthodox Christmas"),
    (3, 8, "Халықаралық әйелдер күні", "Международный женский день", "International Women's Day"),
    (3, 21, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"),
    (3, 22, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"),
    (3, 23, "Наурыз мейрамы", "Наурыз мейрамы", "Nauryz"),
    (5, 1, "Қазақстан халқының бірлігі мерекесі", "Праздник единства народа Казахстана",
     "Day of Unity of the People of Kazakhstan"),
    (5, 7, "Отан қорғаушы күні", "День защитника Отечества", "Defender of the Fatherland Day"),
    (5, 9, "Жеңіс күні", "День Победы", "Victory Day"),
    (7, 6, "Астана күні", "День столицы", "Capital City Day"),
    (8, 30, "Қазақстан Республикасының Конституциясы күні", "День Конституции Республики Казахстан",
     "Constitution Day"),
    (10, 25, "Республика күні", "День Республики", "Republic Day"),
    (12, 16, "Тәуелсіздік күні", "День Независимости", "Independence Day"),
]
KURBAN_AIT = {2025: date(2025, 6, 6), 2026: date(2026, 5, 27)}

CUSTOMERS = [
    {
        "bin": "990340000173", "kind": CustomerKind.MINISTRY, "region": None,
        "name_kk": "Қазақстан Республикасының Мәдениет және ақпарат министрлігі",
        "name_ru": "Министерство культуры и информации Республики Казахстан",
        "name_en": "Ministry of Culture and Information of the Republic of Kazakhstan",
        "short_name_kk": "Мәдениет және ақпарат министрлігі", "short_name_ru": "Министерство культуры и информации",
        "short_name_en": "Ministry of Culture and Information",
    },
    {
        "bin": "050440002584", "kind": CustomerKind.AKIMAT, "region": "almaty",
        "name_kk": "Алматы қаласының әкімдігі", "name_ru": "Акимат города Алматы", "name_en": "Akimat of Almaty",
        "short_name_kk": "Алматы әкімдігі", "short_name_ru": "Акимат Алматы", "short_name_en": "Almaty Akimat",
    },
]

DIRECTIONS = {
    "990340000173": [
        ("Жастардың азаматтық белсенділігін арттыру", "Повышение гражданской активности молодёжи",
         "Youth civic engagement"),
        ("Қарт адамдар мен мүмкіндігі шектеулі адамдарды әлеуметтік қолдау",
         "Социальная поддержка пожилых людей и лиц с инвалидностью",
         "Social support for older people and people with disabilities"),
        ("Экологиялық мәдениет және қоршаған ортаны қорғау", "Экологическая культура и охрана окружающей среды",
         "Environmental culture and protection"),
        ("Азаматтарға тегін заң көмегі", "Бесплатная юридическая помощь гражданам", "Free legal aid for citizens"),
    ],
    "050440002584": [
        ("Қала жастарын қолдау", "Поддержка городской молодёжи", "Support for the city's youth"),
        ("Қала тұрғындарын әлеуметтік қолдау", "Социальная поддержка горожан", "Social support for city residents"),
    ],
}

# Lot themes: texts, indicators and a cost justification whose lines add up to the budget exactly.
THEMES = {
    "youth": {
        "direction": 1, "grant_type": "short", "term_months": 6, "budget": Decimal("9000000"),
        "title_kk": "{region}: жастардың волонтерлік орталықтарын дамыту",
        "title_ru": "{region}: развитие молодёжных волонтёрских центров",
        "problem_kk": "Өңірдегі жастардың 18 %-ы ғана қоғамдық жұмысқа қатысады; волонтерлік бастамалар жүйесіз, "
                      "тәлімгерлер мен орын жетіспейді.",
        "problem_ru": "Лишь 18 % молодёжи региона участвуют в общественной работе; волонтёрские инициативы "
                      "разрознены, не хватает наставников и помещений.",
        "target_groups_kk": "14–29 жастағы жастар, колледж және жоғары оқу орындарының студенттері.",
        "target_groups_ru": "Молодёжь 14–29 лет, студенты колледжей и вузов.",
        "expected_results_kk": "Волонтерлік орталық жұмыс істейді, 300 жас оқытылды, 20 әлеуметтік жоба іске асты.",
        "expected_results_ru": "Работает волонтёрский центр, обучено 300 молодых людей, реализовано 20 "
                               "социальных проектов.",
        "requirements_kk": "Жастармен кемінде 2 жыл жұмыс тәжірибесі; өңірде кеңсе; ай сайынғы есеп.",
        "requirements_ru": "Опыт работы с молодёжью не менее 2 лет; офис в регионе; ежемесячный отчёт.",
        "indicators": [
            ("Оқытылған волонтерлер", "Обученные волонтёры", "адам", "человек", Decimal("300")),
            ("Іске асқан жастар жобалары", "Реализованные молодёжные проекты", "жоба", "проект", Decimal("20")),
        ],
        "lines": [
            ("Жоба үйлестірушісінің еңбекақысы", "Оплата труда координатора проекта", "ай", "месяц", "6", "350000",
             "Нарықтық мониторинг, 2025", "Мониторинг рынка, 2025"),
            ("Тренерлердің қызметі", "Услуги тренеров", "сабақ", "занятие", "40", "60000",
             "Үш коммерциялық ұсыныс", "Три коммерческих предложения"),
            ("Оқу залын жалға алу", "Аренда учебного зала", "күн", "день", "20", "75000",
             "Үш коммерциялық ұсыныс", "Три коммерческих предложения"),
            ("Әдістемелік материалдарды басып шығару", "Печать методических материалов", "дана", "экземпляр",
             "1000", "1200", "Баспахана прайс-парағы", "Прайс-лист типографии"),
            ("Қатысушылардың көлік шығыстары", "Транспортные расходы участников", "сапар", "поездка", "30",
             "25000", "Тасымалдаушы тарифтері", "Тарифы перевозчиков"),
            ("Ақпараттық науқан", "Информационная кампания", "науқан", "кампания", "1", "1050000",
             "БАҚ бағалары", "Расценки СМИ"),
        ],
    },
    "care": {
        "direction": 2, "grant_type": "short", "term_months": 8, "budget": Decimal("7200000"),
        "title_kk": "{region}: жалғыз тұратын қарт адамдарға үйде көмек көрсету",
        "title_ru": "{region}: помощь на дому одиноким пожилым людям",
        "problem_kk": "Жалғыз тұратын қарт адамдардың көбі үйден шыға алмайды, әлеуметтік қызметтер барлығын "
                      "қамти алмайды.",
        "problem_ru": "Многие одинокие пожилые люди не выходят из дома, социальные службы не охватывают всех.",
        "target_groups_kk": "Жалғыз тұратын 70 жастан асқан адамдар, мүмкіндігі шектеулі адамдар.",
        "target_groups_ru": "Одинокие люди старше 70 лет, лица с инвалидностью.",
        "expected_results_kk": "150 адам тұрақты үйде көмек алды, 40 волонтер даярланды.",
        "expected_results_ru": "150 человек получают регулярную помощь на дому, подготовлено 40 волонтёров.",
        "requirements_kk": "Әлеуметтік қызмет көрсету тәжірибесі; жергілікті әлеуметтік қорғау бөлімімен келісім.",
        "requirements_ru": "Опыт оказания социальных услуг; согласование с местным отделом социальной защиты.",
        "indicators": [
            ("Үйде көмек алған адамдар", "Получатели помощи на дому", "адам", "человек", Decimal("150")),
            ("Даярланған волонтерлер", "Подготовленные волонтёры", "адам", "человек", Decimal("40")),
        ],
        "lines": [
            ("Жоба үйлестірушісінің еңбекақысы", "Оплата труда координатора проекта", "ай", "месяц", "8", "300000",
             "Нарықтық мониторинг, 2025", "Мониторинг рынка, 2025"),
            ("Волонтерлерді оқыту", "Обучение волонтёров", "сабақ", "занятие", "10", "90000",
             "Үш коммерциялық ұсыныс", "Три коммерческих предложения"),
            ("Үйге барудың көлік шығыстары", "Транспорт для посещений на дому", "сапар", "поездка", "120", "10000",
             "Такси тарифтері", "Тарифы такси"),
            ("Азық-түлік жинақтары", "Продуктовые наборы", "жинақ", "набор", "300", "6000",
             "Бөлшек сауда бағалары", "Розничные цены"),
            ("Ақпараттық материалдар", "Информационные материалы", "дана", "экземпляр", "600", "1500",
             "Баспахана прайс-парағы", "Прайс-лист типографии"),
        ],
    },
    "green": {
        "direction": 3, "grant_type": "medium", "term_months": 18, "budget": Decimal("25000000"),
        "title_kk": "{region}: мектептердің экологиялық клубтары және көгалдандыру",
        "title_ru": "{region}: школьные экологические клубы и озеленение",
        "problem_kk": "Өнеркәсіп аймағында ауа сапасы төмен, мектептерде экологиялық білім беру жүйесі жоқ.",
        "problem_ru": "В промышленной зоне низкое качество воздуха, в школах нет системы экологического "
                      "образования.",
        "target_groups_kk": "5–11 сынып оқушылары, мұғалімдер, ата-аналар.",
        "target_groups_ru": "Школьники 5–11 классов, учителя, родители.",
        "expected_results_kk": "30 мектепте экоклуб ашылды, 5 000 ағаш отырғызылды.",
        "expected_results_ru": "В 30 школах открыты экоклубы, высажено 5 000 деревьев.",
        "requirements_kk": "Экологиялық жобалар тәжірибесі; отырғызылған ағаштарды күтіп-баптау жоспары.",
        "requirements_ru": "Опыт экологических проектов; план ухода за высаженными деревьями.",
        "indicators": [
            ("Экоклуб ашқан мектептер", "Школы с экоклубами", "мектеп", "школа", Decimal("30")),
            ("Отырғызылған ағаштар", "Высаженные деревья", "дана", "штука", Decimal("5000")),
            ("Экосабақтарға қатысқан оқушылар", "Школьники на экоуроках", "адам", "человек", Decimal("2000")),
        ],
        "lines": [
            ("Жоба жетекшісінің еңбекақысы", "Оплата труда руководителя проекта", "ай", "месяц", "18", "450000",
             "Нарықтық мониторинг, 2025", "Мониторинг рынка, 2025"),
            ("Эколог сарапшының қызметі", "Услуги эксперта-эколога", "ай", "месяц", "18", "300000",
             "Нарықтық мониторинг, 2025", "Мониторинг рынка, 2025"),
            ("Ағаш көшеттері", "Саженцы деревьев", "дана", "штука", "5000", "1200",
             "Питомник прайс-парағы", "Прайс-лист питомника"),
            ("Суару жабдығы", "Оборудование для полива", "жинақ", "комплект", "1", "2500000",
             "Үш коммерциялық ұсыныс", "Три коммерческих предложения"),
            ("Мектептердегі семинарлар", "Семинары в школах", "семинар", "семинар", "60", "25000",
             "Тренер ставкасы", "Ставка тренера"),
            ("Медиа науқан", "Медиакампания", "науқан", "кампания", "1", "1500000", "БАҚ бағалары",
             "Расценки СМИ"),
        ],
    },
    "legal": {
        "direction": 4, "grant_type": "long", "term_months": 30, "budget": Decimal("60000000"),
        "title_kk": "Өңірлерде тегін заң көмегі желісі",
        "title_ru": "Сеть бесплатной юридической помощи в регионах",
        "problem_kk": "Ауыл тұрғындарының заң көмегіне қолжетімділігі төмен; адвокат қызметі қымбат.",
        "problem_ru": "Сельские жители имеют низкий доступ к юридической помощи; услуги адвокатов дороги.",
        "target_groups_kk": "Ауыл тұрғындары, аз қамтылған отбасылар, мүмкіндігі шектеулі адамдар.",
        "target_groups_ru": "Сельские жители, малообеспеченные семьи, лица с инвалидностью.",
        "expected_results_kk": "17 облыста қабылдау пункттері, 4 000 тегін кеңес, онлайн-платформа.",
        "expected_results_ru": "Приёмные в 17 областях, 4 000 бесплатных консультаций, онлайн-платформа.",
        "requirements_kk": "Кемінде 5 өңірде серіктес ҮЕҰ; заңгерлердің біліктілігі расталған.",
        "requirements_ru": "Партнёрские НПО не менее чем в 5 регионах; подтверждённая квалификация юристов.",
        "indicators": [
            ("Тегін заң кеңестері", "Бесплатные юридические консультации", "кеңес", "консультация",
             Decimal("4000")),
            ("Қабылдау пункттері бар облыстар", "Области с приёмными", "облыс", "область", Decimal("17")),
        ],
        "lines": [
            ("Үйлестірушілердің еңбекақысы", "Оплата труда координаторов", "ай", "месяц", "30", "700000",
             "Нарықтық мониторинг, 2025", "Мониторинг рынка, 2025"),
            ("Заңгерлердің кеңестері", "Консультации юристов", "кеңес", "консультация", "4000", "5000",
             "Адвокаттар алқасының ставкалары", "Ставки коллегии адвокатов"),
            ("Онлайн-платформаны әзірлеу", "Разработка онлайн-платформы", "жоба", "проект", "1", "9000000",
             "Үш коммерциялық ұсыныс", "Три коммерческих предложения"),
            ("Өңірлік тренингтер", "Региональные тренинги", "тренинг", "тренинг", "20", "250000",
             "Тренер ставкасы", "Ставка тренера"),
            ("Анықтамалықтарды басып шығару", "Печать справочников", "дана", "экземпляр", "5000", "1000",
             "Баспахана прайс-парағы", "Прайс-лист типографии"),
        ],
    },
}

CALL_TEXTS = {
    "closed": (
        "Жастар мен қарт адамдарды қолдауға арналған мемлекеттік гранттар конкурсы",
        "Конкурс государственных грантов на поддержку молодёжи и пожилых людей",
        "Call for state grants supporting young and older people",
    ),
    "open": (
        "Азаматтық бастамаларға арналған мемлекеттік гранттар конкурсы",
        "Конкурс государственных грантов для гражданских инициатив",
        "Call for state grants for civic initiatives",
    ),
    "announced": (
        "Алматы қаласының әлеуметтік жобаларына мемлекеттік гранттар конкурсы",
        "Конкурс государственных грантов на социальные проекты города Алматы",
        "Call for state grants for social projects in Almaty",
    ),
}
DESCRIPTION_KK = (
    "Гранттық қаржыландыру операторы {customer} тапсырысы бойынша үкіметтік емес ұйымдар үшін мемлекеттік "
    "гранттар конкурсын жариялайды. Өтінімдер порталда қазақ немесе орыс тілінде қабылданады. Бір ҮЕҰ бірнеше "
    "лотқа өтінім бере алады, әр лотқа бір өтінім."
)
DESCRIPTION_RU = (
    "Оператор в сфере грантового финансирования по заказу: {customer} объявляет конкурс государственных грантов "
    "для неправительственных организаций. Заявки принимаются на портале на казахском или русском языке. Одна НПО "
    "может подать заявки на несколько лотов, по одной заявке на лот."
)


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
            "title_kk": theme["title_kk"].format(region=region_kk),
            "title_ru": theme["title_ru"].format(region=region_ru),
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
