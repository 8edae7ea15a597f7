"""Demo history for the registry, the statistics and the open data: four earlier calls (two years, three
customers, most regions, the four themes and so every grant type) taken through the whole lifecycle by the same
services and helpers as the demo's own calls — announced with their lots, applications written, submitted and
screened, a commission drawn that declares, scores, meets and decides (the winners get their grants from that
decision), and then, for most winners, the agreement signed and the first tranche paid. Every step happens on
the demo's clock at the moment it would have, in the order of the calls. Idempotent: a call that exists is kept.

Runs last (reports is the top floor), after the demo's current calls; the history lies before them."""

import functools
from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from grants.applications.demo import ADMIT, Plan, _publish_conclusion, _screen, _submit_all, _user
from grants.demo import rules_pdf, seed_calendar, seed_call, seed_directions, seed_years
from grants.demo_data import THEMES
from grants.demo_dates import CallDates, _calendar, at_astana
from grants.models import Call, Customer
from grants.services import directions as direction_services
from grants.workdays import add_working_days, local_date
from ngos.models import NGO, Membership
from ngos.selectors import listed_for_year
from portal.demo import clock
from portal.models import User

ADMIN, MANAGER, OFFICER = "admin@demo.demeu.kz", "calls@demo.demeu.kz", "screening@demo.demeu.kz"
FINANCE = "finance@demo.demeu.kz"
EDUCATION = {
    "bin": "990240005513", "kind": "ministry",
    "name_kk": "Қазақстан Республикасының Оқу-ағарту министрлігі",
    "name_ru": "Министерство просвещения Республики Казахстан",
    "name_en": "Ministry of Education of the Republic of Kazakhstan",
    "short_name_kk": "Оқу-ағарту министрлігі", "short_name_ru": "Министерство просвещения",
    "short_name_en": "Ministry of Education",
}
EDUCATION_DIRECTIONS = [
    ("Жастардың азаматтық белсенділігін арттыру", "Повышение гражданской активности молодёжи",
     "Youth civic engagement"),
    ("Мүмкіндігі шектеулі балаларды инклюзивті білім беруге тарту",
     "Вовлечение детей с инвалидностью в инклюзивное образование", "Inclusive education of children with disabilities"),
    ("Мектептерде экологиялық білім беру", "Экологическое просвещение в школах", "Environmental education in schools"),
    ("Оқушылардың құқықтық сауаттылығын арттыру", "Повышение правовой грамотности школьников",
     "Legal literacy of schoolchildren"),
]
REGIONS = ["abai", "akmola", "aktobe", "almaty-region", "atyrau", "west-kazakhstan", "zhambyl", "zhetisu",
           "karaganda", "kostanay", "kyzylorda", "mangystau", "pavlodar", "north-kazakhstan", "turkistan",
           "ulytau", "east-kazakhstan", "astana", "almaty", "shymkent"]
CODES = {"abai": "ABA", "akmola": "AKM", "aktobe": "AKT", "almaty-region": "ALO", "atyrau": "ATY",
         "west-kazakhstan": "ZKO", "zhambyl": "ZHA", "zhetisu": "ZHE", "karaganda": "KAR", "kostanay": "KOS",
         "kyzylorda": "KYZ", "mangystau": "MAN", "pavlodar": "PAV", "north-kazakhstan": "SKO", "turkistan": "TUR",
         "ulytau": "ULY", "east-kazakhstan": "VKO", "astana": "AST", "almaty": "ALM", "shymkent": "SHY"}
THEME_ORDER = ["youth", "care", "youth", "care", "green", "youth", "care", "legal"]

# key, customer (0 ministry of culture, 1 Almaty akimat, 2 ministry of education), announced, regions (None: all)
HISTORY = [
    ("h2025a", 0, date(2025, 2, 10), REGIONS),
    ("h2025b", 1, date(2025, 8, 4), ["almaty"] * 6),
    ("h2026a", 2, date(2026, 2, 9), REGIONS[::-1]),
    ("h2026b", 0, date(2026, 5, 11), REGIONS[::2] + REGIONS[1::4] + [None]),
]
TITLES = {
    "h2025a": ("Азаматтық бастамалар конкурсы — 2025", "Конкурс гражданских инициатив — 2025",
               "Civic initiatives call 2025"),
    "h2025b": ("Алматы қаласының әлеуметтік жобалар конкурсы — 2025",
               "Конкурс социальных проектов города Алматы — 2025", "Almaty social projects call 2025"),
    "h2026a": ("Оқу-ағарту саласындағы ҮЕҰ жобалары конкурсы — 2026",
               "Конкурс проектов НПО в сфере просвещения — 2026", "NGO projects in education call 2026"),
    "h2026b": ("Азаматтық бастамалар конкурсы — 2026", "Конкурс гражданских инициатив — 2026",
               "Civic initiatives call 2026"),
}
HEAD_NAMES = ["Айжан Нұрланқызы", "Ерболат Сәкенұлы", "Татьяна Ли", "Мадина Жұмабаева", "Руслан Абдрахманов",
              "Гүлжан Оразова", "Виктор Ким", "Сәуле Бекова", "Асель Тлеубаева", "Дмитрий Фёдоров"]


def _dates(announced: date) -> CallDates:
    calendar = _calendar(announced + timedelta(days=30))
    opens_on = calendar.add_working_days(announced, 5)
    closes_on = calendar.add_working_days(opens_on, 20)
    return CallDates(announced=at_astana(announced, 11, 30), opens=at_astana(opens_on, 9),
                     closes=at_astana(closes_on, 18, 30), calendar=calendar)


def _education() -> Customer:
    customer, _ = Customer.objects.get_or_create(bin=EDUCATION["bin"], defaults={
        k: v for k, v in EDUCATION.items() if k != "bin"})
    return customer


def _education_directions(customer, fiscal_year, starts_on: date, manager) -> dict:
    direction_list = customer.direction_lists.filter(fiscal_year=fiscal_year).first()
    if direction_list is None:
        with clock(at_astana(starts_on - timedelta(days=6), 10, 40)):
            direction_list = direction_services.direction_list_create(actor=manager, customer=customer,
                                                                      fiscal_year=fiscal_year)
        with clock(at_astana(starts_on - timedelta(days=5), 14, 50)):
            direction_services.directions_save(actor=manager, direction_list=direction_list, directions=[
                {"number": n, "title_kk": kk, "title_ru": ru, "title_en": en}
                for n, (kk, ru, en) in enumerate(EDUCATION_DIRECTIONS, start=1)])
        ends_on = add_working_days(starts_on, 12)
        with clock(at_astana(starts_on, 9, 30)):
            direction_services.discussion_start(actor=manager, direction_list=direction_list, starts_on=starts_on,
                                                ends_on=ends_on)
        with clock(at_astana(add_working_days(ends_on, 2), 11, 20)):
            direction_services.direction_list_approve(actor=manager, direction_list=direction_list)
    return {d.number: d for d in direction_list.directions.all()}


def _applicants(call: Call, regions: list, spare: list) -> list[tuple]:
    """An eligible NGO per lot — of the lot's region where one is — that was on the portal before the call
    opened and is listed in the NGO database for the year before the call's; its head (an account made when
    the NGO joined, if it had none)."""
    year = call.fiscal_year.year - 1
    pool = list(NGO.objects.filter(verification="verified", in_liquidation=False, bankrupt=False, suspended=False,
                                   created_at__lt=call.opens_at - timedelta(days=3))
                .annotate(listed=listed_for_year(year)).filter(listed=True).select_related("region").order_by("bin"))
    used: dict[int, int] = {}
    picked = []
    for lot in call.lots.order_by("position", "code"):
        local = [n for n in pool if lot.region_id and n.region_id == lot.region_id]
        choices = sorted(local or pool, key=lambda n: (used.get(n.pk, 0), n.bin))
        if not choices:
            continue
        ngo = choices[0]
        used[ngo.pk] = used.get(ngo.pk, 0) + 1
        picked.append((lot, ngo, _head(ngo, spare)))
    return picked


def _head(ngo: NGO, spare: list) -> User:
    membership = Membership.objects.filter(ngo=ngo, role="head").select_related("user").first()
    if membership:
        return membership.user
    name = spare.pop(0) if spare else "Жетекші"
    with clock(ngo.created_at + timedelta(hours=1)):
        user = _user(f"head-{ngo.bin}@demo.demeu.kz", name, "kk" if len(spare) % 2 else "ru")
        Membership.objects.get_or_create(ngo=ngo, user=user, defaults={"role": "head"})
    return user


def _lots(key: str, fiscal_year, regions, directions) -> list[tuple]:
    """The call's lots, one a region in the order given (None: the nation), on the customer's own directions."""
    themes = [t for t in THEME_ORDER if THEMES[t]["direction"] in directions]
    return [(f"{key[-1].upper()}{CODES.get(region, 'NAT')}-{index + 1:02d}",
             themes[index % len(themes)] if region or "legal" not in themes else "legal", region)
            for index, region in enumerate(regions)]


def _agreements(call: Call, *, signed_share: int) -> int:
    """Most winners sign within two weeks of the award and get their first tranche a few days later."""
    from agreements.choices import GrantStatus, Party
    from agreements.demo import _bank_details
    from agreements.models import Grant
    from agreements.services import agreement_sign, payment_record

    finance = User.objects.filter(email=FINANCE).first()
    signatory = User.objects.filter(email=ADMIN).first()
    grants = list(Grant.objects.filter(call=call, status=GrantStatus.AWARDED).select_related("ngo")
                  .order_by("number"))
    done = 0
    for index, grant in enumerate(grants):
        if index % 10 >= signed_share:
            continue
        head = grant.ngo.memberships.filter(role="head").select_related("user").first()
        if head is None:
            continue
        start = at_astana(grant.awarded_on, 10) + timedelta(days=2 + index % 5)
        with clock(start):
            agreement = _bank_details(grant, head.user, index)
        with clock(start + timedelta(days=1, hours=3)):
            agreement_sign(agreement=agreement, actor=head.user, party=Party.NGO, sha256=agreement.pdf_sha256)
        with clock(start + timedelta(days=2, hours=5)):
            agreement_sign(agreement=agreement, actor=signatory, party=Party.OPERATOR, sha256=agreement.pdf_sha256)
        paid = start + timedelta(days=6, hours=2)
        with clock(paid):
            first = grant.tranches.get(position=1)
            payment_record(tranche=first, actor=finance, paid_on=local_date(paid), amount=first.amount,
                           order_number=f"ПП-{grant.pk:06d}")
        done += 1
    return done


def seed(stdout=None) -> None:
    from evaluations.demo import seed_finished, seed_rubrics
    from portal import mail

    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.demeu.kz")}
    manager, officer = users.get(MANAGER), users.get(OFFICER)
    if manager is None or officer is None or not NGO.objects.exists():
        return
    years = seed_years([2024, 2025, 2026])
    seed_calendar([2024, 2025, 2026])
    customers = list(Customer.objects.filter(bin__in=["990340000173", "050440002584"]).order_by("-bin"))
    customers = sorted(customers, key=lambda c: c.bin != "990340000173")
    if len(customers) < 2:
        return
    customers.append(_education())
    spare = list(HEAD_NAMES) * 8
    made = 0
    rules = functools.cache(rules_pdf)
    with mail.silence():
        for key, customer_index, announced, regions in HISTORY:
            if Call.objects.filter(title_ru=TITLES[key][1]).exists():
                continue
            customer = customers[customer_index]
            fiscal_year = years[announced.year]
            discussion = add_working_days(announced - timedelta(days=50), 0)
            if customer_index == 2:
                directions = _education_directions(customer, fiscal_year, discussion, manager)
            else:
                directions = seed_directions(customer, fiscal_year, discussion, users, comments=[], approve=True)
            number = Call.objects.filter(fiscal_year=fiscal_year).count() + 1
            call = seed_call(key, _dates(announced), customer=customer, fiscal_year=fiscal_year, number=number,
                             lots=_lots(key, fiscal_year, regions, directions), directions=directions,
                             manager=manager, rules=rules(), titles=TITLES[key])
            seed_rubrics(manager)
            dates = CallDates.of(call)
            plans = [Plan(lot, ngo, head, "kk" if i % 2 else "ru", ADMIT) for i, (lot, ngo, head)
                     in enumerate(_applicants(call, regions, spare))]
            _submit_all(plans, dates)
            _screen(plans, dates, officer)
            _publish_conclusion(call, dates, officer)
            seed_finished(call, dates, manager)
            made += _agreements(call, signed_share=8)
        _reporting(stdout)
    if stdout:
        from agreements.models import Grant

        stdout.write(f"reports: {Grant.objects.count()} grants in the registry; {made} earlier agreements signed "
                     f"and their first tranche paid")


COUNTED = {"submit": "submitted", "accept": "accepted", "pay": "paid", "publish": "published"}
SCORES = [(4, 4, 5, 3, 4), (5, 4, 4, 4, 3), (3, 4, 4, 3, 3), (5, 5, 4, 4, 4)]
COMMENTS = {
    "relevance": "Жоба бағыттың міндеттеріне сай. Проект отвечает задачам направления.",
    "plan": "Жоспар негізінен орындалды. План в основном выполнен.",
    "results": "Көрсеткіштердің көпшілігіне қол жеткізілді. Большинство показателей достигнуто.",
    "continuation": "ҮЕҰ жобаны өз қаражатымен жалғастырады. НПО продолжает проект за свой счёт.",
    "impact": "Қатысушылар ауылдарында бастамалар ашты. Участники открыли инициативы в своих сёлах.",
}


def _reporting(stdout=None) -> None:
    """The earlier calls' grants report as their schedule asked, each step at its moment and in the order of
    the days: interim reports submitted by the head a few days before they were due and accepted by the
    monitoring officer (the second tranche due, then paid by finance), final reports of the projects that
    ended accepted (the grant completed) and their efficiency scored and published — by the customer's
    representative where the call is the customer's, always by the operator. Left for today: the two latest
    interim reports late (due, not submitted), the two before them submitted and waiting for the officer, and
    the customer's latest completed grant waiting for its evaluation. Runs once: a second seed finds a history
    report submitted and stops."""
    from agreements.choices import GrantStatus, TrancheStatus
    from agreements.models import Grant
    from agreements.services import payment_record
    from monitoring.choices import Criterion, EvaluatorSide, ReportKind
    from monitoring.demo import OFFICER as MONITORING
    from monitoring.demo import _fill
    from monitoring.demo import _head as head_of
    from monitoring.models import GrantReport
    from monitoring.services import (
        efficiency_publish,
        efficiency_render,
        efficiency_score,
        report_review,
        report_submit,
    )

    titles = [ru for _kk, ru, _en in TITLES.values()]
    history = GrantReport.objects.filter(grant__call__title_ru__in=titles)
    users = {u.email: u for u in User.objects.filter(email__in=[MONITORING, FINANCE, "customer@demo.demeu.kz"])}
    officer, finance, customer = users.get(MONITORING), users.get(FINANCE), users.get("customer@demo.demeu.kz")
    if officer is None or finance is None or history.filter(submissions__isnull=False).exists():
        return
    now = timezone.now() - timedelta(hours=1)
    today = local_date(now)
    grants = list(Grant.objects.filter(call__title_ru__in=titles, status=GrantStatus.IN_PROGRESS)
                  .select_related("ngo", "call__customer").prefetch_related("reports").order_by("number"))
    reports = {(g.pk, r.kind): r for g in grants for r in g.reports.all()}
    # Left for today: the latest interim reports due of projects still running (late, then waiting for review).
    pending = sorted((r for g in grants if (r := reports.get((g.pk, ReportKind.INTERIM))) and r.due_on < today
                      and g.final_report_due >= today), key=lambda r: (r.due_on, r.grant.number), reverse=True)
    late, waiting = {r.pk for r in pending[:2]}, {r.pk for r in pending[2:4]}
    represented = set(customer.customers.values_list("pk", flat=True)) if customer else set()
    ended = [g for g in grants if g.final_report_due < today and (g.pk, ReportKind.FINAL) in reports]
    ours = [g for g in ended if g.call.customer_id in represented]
    unevaluated = max(ours, key=lambda g: (g.final_report_due, g.number)).pk if ours else None

    steps = []  # (moment, grant, step): each grant's steps in order; a step not yet come stops the grant's chain
    for index, grant in enumerate(grants):
        head = head_of(grant.ngo)
        interim, final = reports.get((grant.pk, ReportKind.INTERIM)), reports.get((grant.pk, ReportKind.FINAL))
        if head is None or interim is None or interim.due_on >= today or interim.pk in late:
            continue
        chain = []
        submitted = at_astana(interim.due_on - timedelta(days=1 + index % 4), 15, 10 + index % 40)
        chain.append((submitted, ("submit", interim, head, Decimal("0.4"))))
        if interim.pk not in waiting:
            accepted = at_astana(add_working_days(local_date(submitted), 3 + index % 3), 11, 5 * (index % 10))
            if accepted > now:  # reviewed by now: only the two chosen above wait for the officer
                chain[0] = (submitted - timedelta(days=7), chain[0][1])
                accepted = at_astana(add_working_days(local_date(chain[0][0]), 3 + index % 3), 11, 5 * (index % 10))
            chain.append((accepted, ("accept", interim)))
            chain.append((at_astana(add_working_days(local_date(accepted), 4), 16, 20), ("pay", grant)))
            if final is not None and final.due_on < today:
                submitted = at_astana(final.due_on - timedelta(days=2 + index % 3), 14, 15 + index % 40)
                chain.append((submitted, ("submit", final, head, Decimal("1"))))
                accepted = at_astana(add_working_days(local_date(submitted), 3 + index % 2), 10, 30)
                chain.append((accepted, ("accept", final)))
                if grant.pk != unevaluated:
                    scored = local_date(accepted)
                    if grant.call.customer_id in represented:
                        chain.append((at_astana(add_working_days(scored, 2), 12, 40),
                                      ("score", grant, EvaluatorSide.CUSTOMER, customer, index)))
                    chain.append((at_astana(add_working_days(scored, 3), 15, 0),
                                  ("score", grant, EvaluatorSide.OPERATOR, officer, index + 1)))
                    chain.append((at_astana(add_working_days(scored, 3), 16, 30), ("publish", grant)))
        steps.extend((moment, n, grant.pk, step) for n, (moment, step) in enumerate(chain))
    stopped, published = set(), None
    counts = {"submitted": 0, "accepted": 0, "paid": 0, "published": 0}
    for moment, _n, grant_pk, step in sorted(steps, key=lambda s: (s[0], s[2], s[1])):
        if grant_pk in stopped or moment > now:
            stopped.add(grant_pk)
            continue
        with clock(moment):
            kind = step[0]
            if kind == "submit":
                _kind, report, head, share = step
                report = _fill(report, head, achieved_share=share)
                report_submit(report=report, actor=head)
            elif kind == "accept":
                report_review(report=step[1], actor=officer, accept=True,
                              conclusion="Есеп қабылданды. Отчёт принят.")
            elif kind == "pay":
                grant = step[1]
                for tranche in grant.tranches.filter(status=TrancheStatus.DUE).order_by("position"):
                    payment_record(tranche=tranche, actor=finance, paid_on=local_date(moment),
                                   amount=tranche.amount, order_number=f"ПП-{grant.pk:06d}-{tranche.position}")
            elif kind == "score":
                _kind, grant, side, actor, index = step
                figures = SCORES[index % len(SCORES)]
                efficiency_score(grant=grant, actor=actor, side=side, scores=dict(zip(Criterion.values, figures,
                                                                                       strict=True)),
                                 comments={code: COMMENTS.get(code, COMMENTS["results"]) for code in Criterion.values})
            else:
                efficiency_publish(grant=step[1], actor=officer)
                if published is None or step[1].call.customer_id in represented:  # both sides, where there are
                    published = step[1]
            if kind in COUNTED:
                counts[COUNTED[kind]] += 1
    if published is not None:  # the one evaluation whose PDF the demo shows
        efficiency_render(grant_pk=published.pk)
    if stdout:
        stdout.write(f"reports: earlier grants reported — {counts['submitted']} reports submitted, "
                     f"{counts['accepted']} accepted, {counts['paid']} second tranches paid, {counts['published']} "
                     f"evaluations of efficiency published; {len(late)} reports late, {len(waiting)} waiting for "
                     f"review, one completed grant waiting for the customer's evaluation")
