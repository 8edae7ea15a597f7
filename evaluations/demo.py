"""Demo evaluation of the closed demo call: a register with the 70/30 nomination shares, the rubric from the
standard template, a public draw, declarations (one conflict, a reserve steps in), scores with one case of
divergent scores, the meeting, its minutes and the result letters. Through the services wherever the state
allows. Idempotent: a call that already has a commission is left as it is.

Runs after the grants demo (it needs the closed call's screened applications)."""

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.files.base import ContentFile
from django.utils import timezone

from grants.applications.choices import ApplicationStatus
from grants.models import Application, Call
from ngos.models import NGO, Sphere
from portal.demo import DEMO_PASSWORD
from portal.models import Region, User

from .choices import AssignmentStatus, Attendance, ExpertStatus, MemberRole, Nominator, Outcome
from .draw import run_draw
from .models import Assignment, Expert, Panel, Rubric
from .selectors.panels import draw_pool
from .selectors.ranking import lot_ranking
from .services import assignments, experts, meetings, panels, rubrics, scoring

ADMIN = "admin@demo.demeu.kz"
MANAGER = "calls@demo.demeu.kz"
CHAIR, SECRETARY, MEMBER = "expert@demo.demeu.kz", "expert2@demo.demeu.kz", "expert3@demo.demeu.kz"
SEED = "2026 ҚАЗАН 17"  # typed by the observers at the public draw

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
        user.set_password(DEMO_PASSWORD)
        user.save()
    EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _profile(user, *, region, by_ngo, ngo, spheres, admin, activate=True):
    expert = Expert.objects.filter(user=user).first()
    if expert is None:
        expert = experts.expert_apply(
            actor=user, spheres=spheres, speaks_kk=True, speaks_ru=True, region=region,
            nominated_by=Nominator.NGO if by_ngo else Nominator.OPERATOR, nominating_ngo=ngo if by_ngo else None,
            position="Университет оқытушысы / преподаватель университета",
            experience="Әлеуметтік жобаларды бағалау тәжірибесі 8 жыл. Опыт оценки социальных проектов — 8 лет.",
            cv=ContentFile(CV, name="cv.pdf"),
        )
    if activate and expert.status == ExpertStatus.PENDING:
        experts.expert_decide(expert=expert, status=ExpertStatus.ACTIVE, actor=admin)
    return expert


def seed_register(admin) -> list[Expert]:
    spheres = list(Sphere.objects.filter(slug__in=["youth", "social-support", "education"]))
    ngos = list(NGO.objects.order_by("pk")[:7])
    if not spheres or not ngos:
        return []
    region = {r.slug: r for r in Region.objects.all()}
    people = [(CHAIR, "almaty", True), (SECRETARY, "astana", False), (MEMBER, "karaganda", False)]
    pool = []
    for index, (email, slug, by_ngo) in enumerate(people):
        user = User.objects.get(email=email)
        pool.append(_profile(user, region=region[slug], by_ngo=by_ngo, ngo=ngos[index % len(ngos)],
                             spheres=spheres, admin=admin))
    for index, (email, name, language, slug, by_ngo) in enumerate(MORE_EXPERTS):
        user = _user(email, name, language)
        pool.append(_profile(user, region=region[slug], by_ngo=by_ngo, ngo=ngos[(index + 3) % len(ngos)],
                             spheres=spheres, admin=admin))
    email, name, language, slug = APPLICANT
    _profile(_user(email, name, language), region=region[slug], by_ngo=True, ngo=ngos[0], spheres=spheres[:1],
             admin=admin, activate=False)
    return pool


def closed_call() -> Call | None:
    now = timezone.now()
    calls = Call.objects.filter(closes_at__lte=now, lots__applications__isnull=False).distinct().order_by("-closes_at")
    return calls.first()


def _sheet(assignment, values, actor):
    criteria = list(assignment.panel.call.rubric.criteria.order_by("position"))
    comments = {}
    for criterion, value in zip(criteria, values, strict=True):
        note = "Жоспар нақты, көрсеткіштер өлшенеді." if assignment.application.language == "kk" else \
            "План конкретный, показатели измеримы."
        if criterion.min_score is not None and value < criterion.min_score:
            note = ("Жоба лоттың техникалық тапсырмасына сәйкес келмейді." if assignment.application.language == "kk"
                    else "Проект не соответствует техническому заданию лота.")
        comments[criterion.pk] = (value, note)
    scoring.scores_save(assignment=assignment, actor=actor, values=comments)
    scoring.assignment_submit(assignment=assignment, actor=actor)


def seed(stdout=None) -> None:
    admin = User.objects.filter(email=ADMIN).first()
    manager = User.objects.filter(email=MANAGER).first() or admin
    if admin is None:
        return
    pool = seed_register(admin)
    call = closed_call()
    if call is None or not pool or Panel.objects.filter(call=call).exists():
        if stdout and call is None:
            stdout.write("evaluations: no closed call with applications; only the register was seeded")
        return
    template = Rubric.objects.filter(call__isnull=True).order_by("pk").first()
    rubrics.rubric_start(call=call, actor=manager, source=template)
    chair_expert = Expert.objects.get(user__email=CHAIR)
    panel = panels.panel_create(call=call, actor=manager, size=3, reserves=3)
    people = [chair_expert, Expert.objects.get(user__email=SECRETARY), Expert.objects.get(user__email=MEMBER)]
    panels.panel_draw(panel=panel, actor=manager, seed=_demo_seed(panel, people),
                      observers="Асқар Бекұлы (азаматтық бақылаушы)\nОльга Ким (ОО «Гражданский контроль»)")
    seats = {s.expert_id: s for s in panel.members.all()}
    panels.panel_set_officers(panel=panel, actor=manager, chair=seats[people[0].pk], secretary=seats[people[1].pk])
    panels.draw_publish_protocol(draw=panel.draw)

    # Applications the applications demo already carried to an outcome are given to the commission too, so
    # that its scores and minutes explain them; the admitted ones go through the assignment service.
    decided = list(Application.objects.filter(
        lot__call=call, status__in=[ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER,
                                    ApplicationStatus.RESERVE, ApplicationStatus.NOT_FUNDED]))
    members = [s for s in panel.members.order_by("draw_position") if s.role != MemberRole.RESERVE]
    Assignment.objects.bulk_create(
        Assignment(panel=panel, application=a, expert=s.expert) for a in decided for s in members
    )
    if Application.objects.filter(lot__call=call, status=ApplicationStatus.ADMITTED).exists():
        Panel.objects.filter(pk=panel.pk).update(status="drawn")
        assignments.panel_assign(panel=panel, actor=manager)
    else:
        Panel.objects.filter(pk=panel.pk).update(status="assigned")
    panel.refresh_from_db()

    # Declarations: the third member has a conflict with one application; the first reserve steps in.
    work = list(Assignment.objects.filter(panel=panel).select_related("expert__user", "application")
                .order_by("application__sequence", "expert_id"))
    conflicted = next((a for a in work if a.expert_id == members[-1].expert_id), None)
    for assignment in work:
        has_conflict = assignment.pk == (conflicted.pk if conflicted else None)
        assignments.assignment_declare(
            assignment=assignment, actor=assignment.expert.user, has_conflict=has_conflict,
            nature="Жобаның серіктес ұйымында кеңесші болып жұмыс істеймін." if has_conflict else "",
        )
    for replacement in Assignment.objects.filter(panel=panel, status=AssignmentStatus.AWAITING_DECLARATION):
        assignments.assignment_declare(assignment=replacement, actor=replacement.expert.user, has_conflict=False)

    # Scores: by what the applications demo decided; one application with divergent scores.
    profile = {
        ApplicationStatus.WINNER: [[9, 9, 8, 9, 8, 8], [9, 8, 9, 8, 9, 8], [8, 9, 9, 9, 8, 9]],
        ApplicationStatus.RESERVE: [[8, 7, 8, 7, 7, 8], [7, 8, 7, 8, 7, 7], [8, 8, 7, 7, 8, 7]],
        ApplicationStatus.NOT_FUNDED: [[3, 5, 4, 5, 4, 4], [4, 5, 5, 4, 5, 4], [3, 4, 5, 5, 4, 5]],
    }
    divergent = [[10, 9, 9, 9, 9, 9], [4, 5, 4, 5, 4, 4], [9, 9, 8, 9, 9, 8]]
    for index, application in enumerate(sorted({a.application for a in work}, key=lambda a: a.sequence or 0)):
        sheets = profile.get(application.status) or (divergent if index % 2 else profile[ApplicationStatus.RESERVE])
        open_sheets = Assignment.objects.filter(application=application, panel=panel,
                                                status=AssignmentStatus.SCORING).select_related("expert__user")
        for assignment, values in zip(open_sheets.order_by("id"), sheets, strict=False):
            _sheet(assignment, values, assignment.expert.user)

    # The meeting: two of three present (quorum), one remotely; a decision per lot; minutes; letters.
    chair = chair_expert.user
    attendance = {m.pk: (Attendance.IN_PERSON, Attendance.REMOTE, Attendance.ABSENT)[i] for i, m in enumerate(members)}
    meeting = meetings.meeting_open(panel=panel, actor=chair, held_at=call.closes_at + timedelta(days=20),
                                    place="Астана, Мәңгілік Ел даңғылы, 8 / онлайн", attendance=attendance)
    preset = {ApplicationStatus.WINNER: Outcome.WINNER, ApplicationStatus.RESERVE: Outcome.RESERVE,
              ApplicationStatus.NOT_FUNDED: Outcome.NOT_FUNDED}
    from_recommendation = {"winner": Outcome.WINNER, "reserve": Outcome.RESERVE, "tie": Outcome.RESERVE,
                           "below_threshold": Outcome.NOT_FUNDED, "not_scored": Outcome.NOT_FUNDED}
    rubric = Rubric.objects.get(call=call)
    for lot in meetings._lots(panel):
        ranking = lot_ranking(lot, rubric)
        wanted = {r.application.pk: preset.get(r.application.status, from_recommendation[r.recommendation])
                  for r in ranking.rows}
        recommended = {r.application.pk: from_recommendation[r.recommendation] for r in ranking.rows}
        if wanted == recommended and not ranking.has_ties:
            meetings.lot_decide(meeting=meeting, lot=lot, actor=chair, confirm=True)
        else:
            meetings.lot_decide(
                meeting=meeting, lot=lot, actor=chair, confirm=False, outcomes=wanted,
                rationale="Комиссия тең ұпай жинаған өтінімдердің бюджеттік негізділігін салыстырды. "
                          "Комиссия сравнила обоснованность бюджетов заявок с равными баллами.",
            )
    meetings.meeting_close(meeting=meeting, actor=chair)
    meetings.meeting_render_minutes(meeting=meeting)
    meetings.meeting_publish(meeting=meeting, actor=chair)
    if stdout:
        stdout.write(f"evaluations: commission of {call.code} drawn, scored, decided; minutes published")


def _demo_seed(panel, people: list[Expert]) -> str:
    """A seed under which the demo accounts are the drawn members, so that signing in as expert@ shows the
    chair's pages. The draw itself is the real one: its record re-runs to the same commission."""
    pool = draw_pool(panel)
    wanted = {p.pk for p in people}
    for n in range(100_000):
        seed = f"{SEED} · {n}"
        if set(run_draw(seed=seed, pool=pool, members=panel.size, reserves=panel.reserves).members) == wanted:
            return seed
    return SEED
