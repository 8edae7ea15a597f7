"""Demo evaluation: a register with the 70/30 nomination shares, a rubric for every announced call, and two
commissions. The finished call's commission was drawn in public, declared (one conflict, a reserve steps in),
scored (one case of divergent scores), met, decided, published its minutes and sent the letters. The call in
evaluation has its commission drawn and its applications assigned: the other members have declared and partly
scored, and the demo expert (expert@, the chair) still has conflicts to declare and a sheet to score.

Everything goes through the services on the demo's clock, at the working day after the deadline each step
takes (grants/demo_dates.py), so the draw follows the conclusion and the meeting follows the scoring.
Idempotent: a call that already has a commission is left as it is. Runs after the grants demo."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.utils import timezone

from grants.demo import demo_call
from grants.demo_dates import (
    ASSIGNED,
    CONCLUSION,
    DECLARED,
    DRAW,
    LETTERS_SENT,
    MEETING,
    MINUTES_PUBLISHED,
    SCORING_ENDS,
    CallDates,
    at_astana,
)
from grants.models import Call
from ngos.models import NGO, Sphere
from portal.demo import clock, demo_password_hash
from portal.models import Region, User

from .choices import AssignmentStatus, Attendance, ExpertStatus, MemberRole, Nominator, Outcome
from .draw import run_draw
from .models import Assignment, Expert, Panel, Rubric
from .selectors.panels import draw_pool
from .selectors.ranking import lot_ranking
from .services import assignments, experts, letters, meetings, panels, rubrics, scoring

ADMIN = "admin@demo.demeu.kz"
MANAGER = "calls@demo.demeu.kz"
CHAIR, SECRETARY, MEMBER = "expert@demo.demeu.kz", "expert2@demo.demeu.kz", "expert3@demo.demeu.kz"
SEED = "ҚАЗАН 17"  # typed by the observers at the public draw
OBSERVERS = "Асқар Бекұлы (азаматтық бақылаушы)\nОльга Ким (ОО «Гражданский контроль»)"

# e-mail, name, language, region slug, nominated by an NGO?
MORE_EXPERTS = [
    ("expert4@demo.demeu.kz", "Ләззат Омарова", "kk", "almaty", True),
    ("expert5@demo.demeu.kz", "Сергей Павлов", "ru", "karaganda", True),
    ("expert6@demo.demeu.kz", "Динара Әлімова", "kk", "shymkent", True),
    ("expert7@demo.demeu.kz", "Ержан Тоқтаров", "kk", "astana", True),
    ("expert8@demo.demeu.kz", "Ирина Шевченко", "ru", "pavlodar", True),
    ("expert9@demo.demeu.kz", "Қайрат Әбдірахманов", "kk", "turkistan", False),
    ("expert10@demo.demeu.kz", "Светлана Ким", "ru", "almaty", True),
]
APPLICANT = ("expert-applicant@demo.demeu.kz", "Нұргүл Сейдахметова", "kk", "zhambyl")

CV = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _user(email, name, language):
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "language": language})
    if created:
        user.password = demo_password_hash()
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _profile(user, *, region, by_ngo, ngo, spheres, admin, applied, activate=True):
    """Applied to the register on `applied`; approved by the administrator three working days later."""
    expert = Expert.objects.filter(user=user).first()
    if expert is None:
        with clock(applied):
            expert = experts.expert_apply(
            actor=user, spheres=spheres, speaks_kk=True, speaks_ru=True, region=region,
            nominated_by=Nominator.NGO if by_ngo else Nominator.OPERATOR, nominating_ngo=ngo if by_ngo else None,
            position="Университет оқытушысы / преподаватель университета",
            experience="Әлеуметтік жобаларды бағалау тәжірибесі 8 жыл. Опыт оценки социальных проектов — 8 лет.",
            cv=ContentFile(CV, name="cv.pdf"),
        )
    if activate and expert.status == ExpertStatus.PENDING:
        with clock(min(applied + timedelta(days=3, hours=2), timezone.now())):
            experts.expert_decide(expert=expert, status=ExpertStatus.ACTIVE, actor=admin)
    return expert


def seed_register(admin) -> list[Expert]:
    spheres = list(Sphere.objects.filter(slug__in=["youth", "social-support", "education"]))
    ngos = list(NGO.objects.order_by("pk")[:7])
    if not spheres or not ngos:
        return []
    region = {r.slug: r for r in Region.objects.all()}
    people = [(CHAIR, "almaty", True), (SECRETARY, "astana", False), (MEMBER, "karaganda", False)]
    # The register was formed over the spring of last year, before any demo call.
    today = timezone.localdate()
    start = today.replace(year=today.year - 1, month=3, day=2)
    pool = []
    for index, (email, slug, by_ngo) in enumerate(people):
        user = User.objects.get(email=email)
        applied = at_astana(start + timedelta(days=5 * index), 14, 20)
        pool.append(_profile(user, region=region[slug], by_ngo=by_ngo, ngo=ngos[index % len(ngos)],
                             spheres=spheres, admin=admin, applied=applied))
    for index, (email, name, language, slug, by_ngo) in enumerate(MORE_EXPERTS):
        applied = at_astana(start + timedelta(days=16 + 9 * index), 10 + index % 6, 7 * index % 60)
        with clock(applied - timedelta(minutes=25)):  # signed up, then filled in the application
            user = _user(email, name, language)
        pool.append(_profile(user, region=region[slug], by_ngo=by_ngo, ngo=ngos[(index + 3) % len(ngos)],
                             spheres=spheres, admin=admin, applied=applied))
    # Applied last week: the administrator's decision is still to come.
    email, name, language, slug = APPLICANT
    applied = at_astana(today - timedelta(days=6), 21, 14)
    with clock(applied - timedelta(minutes=25)):
        user = _user(email, name, language)
    _profile(user, region=region[slug], by_ngo=True, ngo=ngos[0], spheres=spheres[:1], admin=admin, applied=applied,
             activate=False)
    return pool


def seed_rubrics(manager) -> None:
    """Every announced call publishes its rubric with it: a copy of the operator's standard template."""
    template = Rubric.objects.filter(call__isnull=True).order_by("pk").first()
    if template is None:
        return
    for call in Call.objects.filter(status="announced", rubric__isnull=True).order_by("announced_at"):
        with clock(call.announced_at - timedelta(hours=3)):
            rubrics.rubric_start(call=call, actor=manager, source=template)


def _sheet(assignment, values, actor, *, submit=True):
    criteria = list(assignment.panel.call.rubric.criteria.order_by("position"))
    comments = {}
    for criterion, value in zip(criteria, values, strict=submit):
        note = "Жоспар нақты, көрсеткіштер өлшенеді." if assignment.application.language == "kk" else \
            "План конкретный, показатели измеримы."
        if criterion.min_score is not None and value < criterion.min_score:
            note = ("Жоба лоттың техникалық тапсырмасына сәйкес келмейді." if assignment.application.language == "kk"
                    else "Проект не соответствует техническому заданию лота.")
        comments[criterion.pk] = (value, note)
    scoring.scores_save(assignment=assignment, actor=actor, values=comments)
    if submit:
        scoring.assignment_submit(assignment=assignment, actor=actor)


def _people() -> list[Expert]:
    return [Expert.objects.get(user__email=email) for email in (CHAIR, SECRETARY, MEMBER)]


def _draw(call, dates: CallDates, manager) -> Panel:
    """Set up after the conclusion, drawn in public with observers, officers named, protocol published."""
    with clock(dates.step(CONCLUSION + 1, 10, 15)):
        panel = panels.panel_create(call=call, actor=manager, size=3, reserves=3)
    people = _people()
    with clock(dates.step(DRAW, 11)):
        draw = panels.panel_draw(panel=panel, actor=manager, seed=_demo_seed(panel, people), observers=OBSERVERS)
    seats = {s.expert_id: s for s in panel.members.all()}
    with clock(dates.step(DRAW, 11, 40)):
        panels.panel_set_officers(panel=panel, actor=manager, chair=seats[people[0].pk],
                                  secretary=seats[people[1].pk])
    with clock(dates.step(DRAW, 15, 5)):
        panels.draw_publish_protocol(draw=draw)
    with clock(dates.step(ASSIGNED, 10, 30)):
        assignments.panel_assign(panel=panel, actor=manager)
    panel.refresh_from_db()
    return panel


def _declare(assignment, at, *, conflict=False):
    with clock(at):
        assignments.assignment_declare(
            assignment=assignment, actor=assignment.expert.user, has_conflict=conflict,
            nature="Жобаның серіктес ұйымында кеңесші болып жұмыс істеймін." if conflict else "",
        )


def _members(panel) -> list:
    """The chair, the secretary, then the other members."""
    order = {MemberRole.CHAIR: 0, MemberRole.SECRETARY: 1}
    seats = [s for s in panel.members.select_related("expert__user").order_by("draw_position")
             if s.role != MemberRole.RESERVE]
    return sorted(seats, key=lambda s: order.get(s.role, 2))


def _work(panel):
    return list(Assignment.objects.filter(panel=panel).select_related("expert__user", "application")
                .order_by("application__sequence", "expert_id"))


# Score sheets by the place an application's scores should give it in its lot (six criteria each).
WINNER = [[9, 9, 8, 9, 8, 8], [9, 8, 9, 8, 9, 8], [8, 9, 9, 9, 8, 9]]
RESERVE = [[8, 7, 8, 7, 7, 8], [7, 8, 7, 8, 7, 7], [8, 8, 7, 7, 8, 7]]
BELOW = [[3, 5, 4, 5, 4, 4], [4, 5, 5, 4, 5, 4], [3, 4, 5, 5, 4, 5]]
DIVERGENT = [[10, 9, 9, 9, 9, 9], [4, 5, 4, 5, 4, 4], [9, 9, 8, 9, 9, 8]]
BY_PLACE = {0: [WINNER, RESERVE, BELOW], 1: [DIVERGENT, RESERVE, BELOW]}


def _sheets_for(work) -> dict[int, list]:
    """application pk → its sheets: the first lot's applications in their order get the winner's, the reserve's
    and the below-threshold sheets; the second lot's first application divergent ones."""
    lots = {}
    for assignment in work:
        lots.setdefault(assignment.application.lot_id, [])
        if assignment.application not in lots[assignment.application.lot_id]:
            lots[assignment.application.lot_id].append(assignment.application)
    sheets = {}
    for lot_index, applications in enumerate(lots.values()):
        profiles = BY_PLACE[lot_index % 2]
        for place, application in enumerate(applications):
            sheets[application.pk] = profiles[min(place, len(profiles) - 1)]
    return sheets


def seed_finished(call, dates: CallDates, manager) -> None:
    panel = _draw(call, dates, manager)
    members = _members(panel)
    work = _work(panel)
    # Declarations the day after the assignment, each expert in one sitting; the third member has a conflict with
    # one application and the first reserve steps in the day after.
    conflicted = next((a for a in work if a.expert_id == members[-1].expert_id), None)
    for assignment in work:
        order = [m.expert_id for m in members].index(assignment.expert_id)
        _declare(assignment, dates.step(DECLARED, 9 + 2 * order, 10 + assignment.application.sequence % 40),
                 conflict=assignment.pk == (conflicted.pk if conflicted else None))
    for replacement in Assignment.objects.filter(panel=panel, status=AssignmentStatus.AWAITING_DECLARATION):
        _declare(replacement, dates.step(DECLARED + 1, 10, 45))
    sheets = _sheets_for(work)
    open_sheets = Assignment.objects.filter(panel=panel, status=AssignmentStatus.SCORING).select_related(
        "expert__user", "application").order_by("application__sequence", "id")
    by_application = {}
    for assignment in open_sheets:
        by_application.setdefault(assignment.application_id, []).append(assignment)
    for index, (application_id, rows) in enumerate(by_application.items()):
        for place, assignment in enumerate(rows):
            day = min(DECLARED + 2 + index + place, SCORING_ENDS)
            with clock(dates.step(day, 10 + 3 * place, 5 + 11 * index % 50)):
                _sheet(assignment, sheets[application_id][place % 3], assignment.expert.user)

    # The meeting: two of three present (quorum), one remotely; a decision per lot; minutes; letters.
    chair = members[0].expert.user
    held_at = dates.step(MEETING, 15)
    attendance = {m.pk: (Attendance.IN_PERSON, Attendance.REMOTE, Attendance.ABSENT)[i] for i, m in enumerate(members)}
    with clock(held_at):
        meeting = meetings.meeting_open(panel=panel, actor=chair, held_at=held_at,
                                        place="Астана, Мәңгілік Ел даңғылы, 8 / онлайн", attendance=attendance)
    from_recommendation = {"winner": Outcome.WINNER, "reserve": Outcome.RESERVE, "tie": Outcome.RESERVE,
                           "below_threshold": Outcome.NOT_FUNDED, "not_scored": Outcome.NOT_FUNDED}
    rubric = Rubric.objects.get(call=call)
    for index, lot in enumerate(meetings._lots(panel)):
        ranking = lot_ranking(lot, rubric)
        with clock(held_at + timedelta(minutes=25 + 30 * index)):
            if not ranking.has_ties:
                meetings.lot_decide(meeting=meeting, lot=lot, actor=chair, confirm=True)
            else:
                meetings.lot_decide(
                    meeting=meeting, lot=lot, actor=chair, confirm=False,
                    outcomes={r.application.pk: from_recommendation[r.recommendation] for r in ranking.rows},
                    rationale="Комиссия тең ұпай жинаған өтінімдердің бюджеттік негізділігін салыстырды. "
                              "Комиссия сравнила обоснованность бюджетов заявок с равными баллами.",
                )
    with clock(held_at + timedelta(hours=2, minutes=10)):
        meetings.meeting_close(meeting=meeting, actor=chair)
        meetings.meeting_render_minutes(meeting=meeting)
    with clock(dates.step(MINUTES_PUBLISHED, 10, 20)):
        meetings.meeting_publish(meeting=meeting, actor=chair)
    for index, letter in enumerate(meeting.letters.order_by("pk")):
        with clock(dates.step(LETTERS_SENT, 11, 3 * index)):
            letters.letter_send(letter=letter, actor=manager)


def seed_evaluation(call, dates: CallDates, manager) -> None:
    """Drawn and assigned; the secretary has scored everything, the member some (and has one conflict), the chair
    (the demo expert) has declared on two applications, scored one and has the rest still to do."""
    panel = _draw(call, dates, manager)
    chair, secretary, member = (m.expert_id for m in _members(panel))
    work = _work(panel)
    mine = [a for a in work if a.expert_id == chair]
    for index, assignment in enumerate(a for a in work if a.expert_id == secretary):
        _declare(assignment, dates.step(DECLARED, 9, 30 + index))
    for index, assignment in enumerate(a for a in work if a.expert_id == member):
        _declare(assignment, dates.step(DECLARED, 14, 2 + index), conflict=index == 1)
    for index, assignment in enumerate(mine[:2]):
        _declare(assignment, dates.step(DECLARED + 1, 18, 40 + index))
    sheets = _sheets_for(work)
    place = {chair: 0, secretary: 1, member: 2}  # whose sheet of the three; the reserve takes the member's
    scoring_now = Assignment.objects.filter(panel=panel, status=AssignmentStatus.SCORING).select_related(
        "expert__user", "application").order_by("application__sequence", "id")
    member_done = 0
    for index, assignment in enumerate(scoring_now):
        values = sheets[assignment.application_id][place.get(assignment.expert_id, 2)]
        expert = assignment.expert_id
        if expert == secretary:
            with clock(dates.step(DECLARED + 1 + assignment.application.sequence % 2, 11, 3 * index)):
                _sheet(assignment, values, assignment.expert.user)
        elif expert == member and member_done < 2:
            member_done += 1
            with clock(dates.step(DECLARED + 2, 16, 20 + 9 * member_done)):
                _sheet(assignment, values, assignment.expert.user)
        elif expert == chair and assignment.pk == mine[0].pk:
            with clock(dates.step(DECLARED + 2, 10, 5)):
                _sheet(assignment, values, assignment.expert.user)
        elif expert == chair:
            # Three criteria of six scored, not submitted: the sheet waits for the chair.
            with clock(dates.step(DECLARED + 2, 12, 45)):
                _sheet(assignment, values[:3], assignment.expert.user, submit=False)


def seed(stdout=None) -> None:
    admin = User.objects.filter(email=ADMIN).first()
    manager = User.objects.filter(email=MANAGER).first() or admin
    if admin is None:
        return
    pool = seed_register(admin)
    seed_rubrics(manager)
    done = []
    for key, seeder in (("finished", seed_finished), ("evaluation", seed_evaluation)):
        call = demo_call(key)
        if call is None or not pool or Panel.objects.filter(call=call).exists():
            continue
        seeder(call, CallDates.of(call), manager)
        done.append(call.code)
    if stdout:
        stdout.write(f"evaluations: commissions of {', '.join(done) or 'no new call'} seeded")


def _demo_seed(panel, people: list[Expert]) -> str:
    """A seed under which the demo accounts are the drawn members, so that signing in as expert@ shows the
    chair's pages. The draw itself is the real one: its record re-runs to the same commission."""
    pool = draw_pool(panel)
    wanted = {p.pk for p in people}
    for n in range(100_000):
        seed = f"{SEED} · {panel.call.code} · {n}"
        if set(run_draw(seed=seed, pool=pool, members=panel.size, reserves=panel.reserves).members) == wanted:
            return seed
    return SEED
