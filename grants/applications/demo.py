"""Demo applications: every state on the closed demo call (screened, its conclusion published, outcomes
recorded) and drafts on the open one. Everything goes through the services, with the clock set to when
each step would have happened. Idempotent: a call that already has applications is left as it is.

Run after the NGO and calls demos (grants/demo.py calls seed() at its end)."""

import io
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone

from grants.models import Call, Lot
from ngos.models import NGO, Membership
from ngos.selectors import listed_for_year
from portal.demo import DEMO_PASSWORD
from portal.models import User

from . import services
from .choices import ApplicationStatus, Section
from .demo_data import APPLICANT_HEADS, COMMON, SHARES, TEXTS
from .models import Application

DEMO_HEAD = "ngo-head@demo.demeu.kz"
DEMO_MEMBER = "ngo-member@demo.demeu.kz"
OFFICER = "screening@demo.demeu.kz"
ADMIN = "admin@demo.demeu.kz"


@dataclass
class Plan:
    lot: Lot
    ngo: NGO
    head: User
    language: str
    outcome: str  # the state the application ends in
    reason: tuple[str, str, str] | None = None  # failed check, reason kk, reason ru


def demo_pdf(title: str) -> bytes:
    """A small valid one-page PDF standing for a scanned document."""
    text = title.encode("latin-1", "replace").replace(b"(", b"[").replace(b")", b"]")
    stream = b"BT /F1 18 Tf 72 760 Td (" + text + b") Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(f"{number} 0 obj\n".encode() + body + b"\nendobj\n")
    xref = out.tell()
    out.write(f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode())
    for offset in offsets:
        out.write(f"{offset:010d} 00000 n \n".encode())
    out.write(f"trailer << /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode())
    return out.getvalue()


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("1"), rounding=ROUND_DOWN)


def _budget_rows(lot: Lot, language: str) -> list[dict]:
    words = COMMON[language]
    months = max(lot.term_months, 1)
    quantities = [2 * months, 12, 300, 10, 2, 1, months]
    rows = []
    for (category, share), quantity, description, unit in zip(
        SHARES, quantities, words["budget"], words["units"], strict=True
    ):
        unit_cost = _money(lot.budget * Decimal(share) / quantity)
        rows.append({"category": category, "description": description, "unit": unit,
                     "quantity": Decimal(quantity), "unit_cost": unit_cost})
    return rows


def _activities(call: Call, language: str) -> list[dict]:
    start = (call.closes_at + timedelta(days=40)).date()
    rows = []
    for index, (activity, outputs) in enumerate(COMMON[language]["activities"]):
        begins = start + timedelta(days=60 * index)
        rows.append({"activity": activity, "starts_on": begins, "ends_on": begins + timedelta(days=55),
                     "outputs": outputs})
    return rows


def _save(application, section, data, user, now):
    services.application_save_section(application=application, section=section, data=data, raw={}, version=0,
                                      actor=user, now=now)


def fill(application: Application, *, user: User, now, sections=None) -> None:
    """Fill in the sections (all by default) as the NGO's people would, at `now`."""
    lot, language = application.lot, application.language or "kk"
    theme = lot.direction.number if lot.direction_id and lot.direction.number in (1, 2, 3, 4) else 1
    title, summary, problem, goals, target_groups = TEXTS[language][theme]
    words = COMMON[language]
    content = {
        Section.OVERVIEW: {"title": title, "summary": summary, "language": language},
        Section.PROBLEM: {"problem": problem, "goals": goals},
        Section.BENEFICIARIES: {"target_groups": target_groups, "beneficiaries_count": 300 + 50 * theme},
        Section.ACTIVITIES: {"rows": _activities(lot.call, language)},
        Section.INDICATORS: {"rows": [
            {"lot_indicator_id": indicator.pk, "baseline": Decimal("0"), "target": indicator.target_value,
             "verification": words["verification"]}
            for indicator in lot.indicators.all()
        ]},
        Section.TEAM: {"team": words["team"]},
        Section.PARTNERS: {"partners": words["partners"]},
        Section.RISKS: {"risks": words["risks"], "sustainability": words["sustainability"]},
        Section.BUDGET: {"rows": _budget_rows(lot, language)},
        Section.DECLARATIONS: {"declares_accuracy": True, "declares_eligibility": True, "consents_publication": True},
    }
    for section, data in content.items():
        if sections is None or section in sections:
            _save(application, section, data, user, now)
    if sections is None or Section.DOCUMENTS in sections:
        for kind, name in (("charter", "charter.pdf"), ("financial_statements", "financial-statements.pdf"),
                           ("support_letter", "letter-of-support.pdf")):
            upload = SimpleUploadedFile(name, demo_pdf(f"{application.ngo.bin} {kind}"))
            services.document_upload(application=application, kind=kind, upload=upload, actor=user, now=now)


def _user(email, name, language) -> User:
    from allauth.account.models import EmailAddress

    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name, "language": language})
    if created:
        user.set_password(DEMO_PASSWORD)
        user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _head_of(ngo: NGO, spare: list) -> User:
    membership = Membership.objects.filter(ngo=ngo, role="head").select_related("user").first()
    if membership:
        return membership.user
    email, name, language = spare.pop(0)
    user = _user(email, name, language)
    Membership.objects.get_or_create(ngo=ngo, user=user, defaults={"role": "head"})
    return user


def _candidates(year: int):
    """Verified NGOs without eligibility flags, listed (or not) in the NGO database for `year`."""
    return (
        NGO.objects.filter(verification="verified", in_liquidation=False, bankrupt=False, suspended=False)
        .annotate(listed=listed_for_year(year))
        .order_by("bin")
    )


def _plans_for_closed(call: Call, main: NGO, spare: list) -> list[Plan]:
    lots = list(call.lots.order_by("position", "code"))
    if not lots:
        return []
    year = call.fiscal_year.year - 1
    listed = [n for n in _candidates(year).exclude(pk=main.pk) if n.listed][:6]
    unlisted = [n for n in _candidates(year) if not n.listed][:1]
    if len(listed) < 6 or not unlisted:
        return []
    first, second, third = (lots * 3)[:3]
    plan = [
        (first, main, "kk", ApplicationStatus.WINNER, None),
        (first, listed[0], "ru", ApplicationStatus.RESERVE, None),
        (first, listed[1], "kk", ApplicationStatus.NOT_FUNDED, None),
        (first, unlisted[0], "ru", ApplicationStatus.NOT_ADMITTED,
         ("ngo_listed", "ҮЕҰ өткен жылға ҮЕҰ дерекқорына есеп тапсырмаған.",
          "НПО не представила отчёт в базу данных НПО за предыдущий год.")),
        (second, listed[2], "ru", ApplicationStatus.UNDER_EVALUATION, None),
        (second, listed[3], "kk", ApplicationStatus.ADMITTED, None),
        (second, listed[4], "ru", ApplicationStatus.WITHDRAWN, None),
        (third, listed[5], "kk", ApplicationStatus.NOT_ADMITTED,
         ("documents_valid", "Жарғының көшірмесі куәландырылмаған, қаржылық есептілікте қол жоқ.",
          "Копия устава не заверена, финансовая отчётность не подписана.")),
        (third, main, "kk", ApplicationStatus.DRAFT, None),
    ]
    return [Plan(lot, ngo, _head_of(ngo, spare), language, outcome, reason)
            for lot, ngo, language, outcome, reason in plan]


def seed_closed(call: Call, main: NGO, spare: list, stdout=None) -> int:
    from grants.screening import services as screening
    from grants.screening.choices import ALL_CHECKS
    from grants.screening.tasks import render_conclusion_pdfs

    plans = _plans_for_closed(call, main, spare)
    officer = User.objects.filter(email=OFFICER).first()
    admin = User.objects.filter(email=ADMIN).first()
    if not plans or officer is None or admin is None:
        if stdout:
            stdout.write("applications: the closed demo call lacks lots, NGOs or staff; skipped")
        return 0
    start = call.opens_at + timedelta(days=2)
    for index, plan in enumerate(plans):
        at = start + timedelta(days=index, hours=3 * index)
        application = services.application_start(lot=plan.lot, ngo=plan.ngo, actor=plan.head, now=at)
        application.language = plan.language
        application.save(update_fields=["language"])
        if plan.outcome == ApplicationStatus.DRAFT:
            fill(application, user=plan.head, now=at, sections={Section.OVERVIEW, Section.PROBLEM})
            continue
        fill(application, user=plan.head, now=at)
        submitted_at = call.closes_at - timedelta(days=9 - index, minutes=17 * index, seconds=index)
        services.application_submit(application=application, actor=plan.head, now=submitted_at)
        if plan.outcome == ApplicationStatus.WITHDRAWN:
            reason = "Проект будет подан в следующем конкурсе с другим партнёром."
            services.application_withdraw(application=application, actor=plan.head, reason=reason,
                                          now=submitted_at + timedelta(days=2))
    screened_at = call.closes_at + timedelta(days=3)
    for plan in plans:
        application = Application.objects.get(lot=plan.lot, ngo=plan.ngo)
        if application.status != ApplicationStatus.SUBMITTED:
            continue
        record = screening.screening_start(application=application, actor=officer, now=screened_at)
        results = {code: ("pass", "") for code in ALL_CHECKS if code in ("documents_valid", "activities_within_lot")}
        if plan.reason and plan.reason[0] in results:
            results[plan.reason[0]] = ("fail", plan.reason[2])
        screening.screening_record_checks(screening=record, results=results, actor=officer, now=screened_at)
        if plan.outcome == ApplicationStatus.NOT_ADMITTED:
            screening.screening_decide(screening=record, decision="not_admitted", reason_kk=plan.reason[1],
                                       reason_ru=plan.reason[2], actor=officer, now=screened_at)
        else:
            screening.screening_decide(screening=record, decision="admitted", actor=officer, now=screened_at)
    conclusion = screening.conclusion_publish(call=call, actor=officer, now=call.closes_at + timedelta(days=10))
    render_conclusion_pdfs(conclusion.pk)
    # Later steps (evaluation, the commission) decided these; the demo records only their outcome.
    for plan in plans:
        if plan.outcome in (ApplicationStatus.UNDER_EVALUATION, ApplicationStatus.WINNER, ApplicationStatus.RESERVE,
                            ApplicationStatus.NOT_FUNDED):
            application = Application.objects.get(lot=plan.lot, ngo=plan.ngo)
            services.application_set_outcome(application=application, status=ApplicationStatus.UNDER_EVALUATION,
                                              actor=admin, note="demo", now=call.closes_at + timedelta(days=12))
            if plan.outcome != ApplicationStatus.UNDER_EVALUATION:
                services.application_set_outcome(application=application, status=plan.outcome, actor=admin,
                                                  note="demo", now=call.closes_at + timedelta(days=30))
    return len(plans)


def seed_open(call: Call, main: NGO, spare: list) -> int:
    """Drafts at different stages on the open call, and one application the head already submitted."""
    lots = list(call.lots.order_by("position", "code"))
    member = User.objects.filter(email=DEMO_MEMBER).first()
    head = User.objects.filter(email=DEMO_HEAD).first()
    if not lots or member is None or head is None:
        return 0
    now = timezone.now()
    count = 0
    draft = services.application_start(lot=lots[0], ngo=main, actor=member, now=now)
    draft.language = "kk"
    draft.save(update_fields=["language"])
    fill(draft, user=member, now=now, sections={Section.OVERVIEW, Section.PROBLEM, Section.BENEFICIARIES,
                                                Section.ACTIVITIES, Section.BUDGET})
    count += 1
    if len(lots) > 3:
        submitted = services.application_start(lot=lots[3], ngo=main, actor=head, now=now)
        submitted.language = "kk"
        submitted.save(update_fields=["language"])
        fill(submitted, user=member, now=now)
        services.application_submit(application=submitted, actor=head, now=now)
        count += 1
    others = [n for n in _candidates(call.fiscal_year.year - 1).exclude(pk=main.pk) if n.listed][6:8]
    for lot, ngo in zip(lots[1:3], others, strict=False):
        other_head = _head_of(ngo, spare)
        application = services.application_start(lot=lot, ngo=ngo, actor=other_head, now=now)
        application.language = "ru"
        application.save(update_fields=["language"])
        fill(application, user=other_head, now=now, sections={Section.OVERVIEW, Section.TEAM})
        count += 1
    return count


def seed(stdout=None) -> None:
    main = NGO.objects.filter(memberships__user__email=DEMO_HEAD, memberships__role="head").first()
    now = timezone.now()
    calls = list(Call.objects.filter(status="announced").select_related("fiscal_year").order_by("closes_at"))
    closed = next((c for c in calls if c.closes_at <= now and c.lots.exists()), None)
    open_call = next((c for c in calls if c.is_accepting_applications(now) and c.lots.exists()), None)
    if main is None or not main.is_verified:
        if stdout:
            stdout.write("applications: the demo NGO is missing; run the NGO demo first")
        return
    spare = [a for a in APPLICANT_HEADS if not User.objects.filter(email=a[0]).exists()]
    # The demo sends no e-mail: notices scheduled by the services for after commit are dropped
    # (receipts are rendered on first download; the conclusion's PDFs are rendered below).
    pending = len(connection.run_on_commit)
    made = 0
    if closed is not None and not Application.objects.filter(lot__call=closed).exists():
        made += seed_closed(closed, main, spare, stdout)
    if open_call is not None and not Application.objects.filter(lot__call=open_call).exists():
        made += seed_open(open_call, main, spare)
    del connection.run_on_commit[pending:]
    if stdout:
        stdout.write(f"applications: {made} added")

