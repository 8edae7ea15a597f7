"""Demo applications on the demo calls (grants/demo.py): the finished call and the one in evaluation screened
and their conclusions published, the call in screening half screened, drafts and a submission on the open call.
Everything goes through the services, on the demo's clock at the moment each step would have happened
(grants/demo_dates.py). Idempotent: a call that already has applications is left as it is.

Run by grants/demo.py at its end, after the NGO and calls demos."""

import io
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from grants.models import Call, Lot
from ngos.models import NGO, Membership
from ngos.selectors import listed_for_year
from portal.demo import clock, demo_password_hash
from portal.esign.services import signed
from portal.models import User

from . import services
from .choices import ApplicationStatus, Section
from .demo_data import APPLICANT_HEADS, COMMON, SHARES, TEXTS
from .models import Application

DEMO_HEAD = "ngo-head@demo.demeu.kz"
DEMO_MEMBER = "ngo-member@demo.demeu.kz"
OFFICER = "screening@demo.demeu.kz"


@dataclass
class Plan:
    lot: Lot
    ngo: NGO
    head: User
    language: str
    outcome: str  # how far it goes: a draft, withdrawn, or ADMIT, REFUSE … WAITING in screening (below)
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


def _activities(lot: Lot, language: str) -> list[dict]:
    """Three activities one after another inside the grant's term, which starts about six weeks after the
    deadline (screening, evaluation, the agreement)."""
    start = (lot.call.closes_at + timedelta(days=45)).date()
    span = max(lot.term_months * 30 - 10, 30) // 3
    rows = []
    for index, (activity, outputs) in enumerate(COMMON[language]["activities"]):
        begins = start + timedelta(days=span * index)
        rows.append({"activity": activity, "starts_on": begins, "ends_on": begins + timedelta(days=span - 5),
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
        Section.ACTIVITIES: {"rows": _activities(lot, language)},
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
        user.password = demo_password_hash()
        user.save()
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
    return user


def _head_of(ngo: NGO, spare: list) -> User:
    membership = Membership.objects.filter(ngo=ngo, role="head").select_related("user").first()
    if membership:
        return membership.user
    email, name, language = spare.pop(0)
    # The head signed up and took the NGO's seat an hour after the NGO registered on the portal.
    with clock(NGO.objects.get(pk=ngo.pk).created_at + timedelta(hours=1)):
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


def _listed(year: int, exclude: NGO) -> list[NGO]:
    return [n for n in _candidates(year).exclude(pk=exclude.pk) if n.listed]


def _unlisted(year: int) -> list[NGO]:
    return [n for n in _candidates(year) if not n.listed]


NOT_LISTED = ("ngo_listed", "ҮЕҰ өткен жылға ҮЕҰ дерекқорына есеп тапсырмаған.",
              "НПО не представила отчёт в базу данных НПО за предыдущий год.")
DOCUMENTS_INVALID = ("documents_valid", "Жарғының көшірмесі куәландырылмаған, қаржылық есептілікте қол жоқ.",
                     "Копия устава не заверена, финансовая отчётность не подписана.")
ADMIT, REFUSE, CHECKED, STARTED, WAITING = "admit", "refuse", "checked", "started", "waiting"


def _plans(call: Call, main: NGO, spare: list, rows) -> list[Plan]:
    """rows: (lot index, NGO, language, outcome, reason); an NGO is main, or an index into the listed or
    unlisted NGOs of the year."""
    lots = list(call.lots.order_by("position", "code"))
    year = call.fiscal_year.year - 1
    listed, unlisted = _listed(year, main), _unlisted(year)
    plans = []
    for lot_index, who, language, outcome, reason in rows:
        if who == "main":
            ngo = main
        else:
            pool, index = (listed, who[1]) if who[0] == "listed" else (unlisted, who[1])
            if index >= len(pool):
                continue
            ngo = pool[index]
        if lot_index < len(lots):
            plans.append(Plan(lots[lot_index], ngo, _head_of(ngo, spare), language, outcome, reason))
    return plans


def _submit_all(plans: list[Plan], dates) -> None:
    """Each NGO starts a week or so after the call opens, writes over several days and submits before the
    deadline — the last ones on the final afternoon."""
    opened, closes = dates.opens, dates.closes
    window = closes - opened
    for index, plan in enumerate(plans):
        started = opened + timedelta(days=2 + (5 * index) % max(window.days - 8, 3), hours=1 + index % 6,
                                     minutes=11 * index % 60)
        with clock(started):
            application = services.application_start(lot=plan.lot, ngo=plan.ngo, actor=plan.head)
            application.language = plan.language
            application.save(update_fields=["language"])
        if plan.outcome == ApplicationStatus.DRAFT:
            with clock(started + timedelta(days=1, hours=2)):
                fill(application, user=plan.head, now=started + timedelta(days=1, hours=2),
                     sections={Section.OVERVIEW, Section.PROBLEM})
            continue
        written = started + timedelta(days=3, hours=2, minutes=7 * index)
        with clock(written):
            fill(application, user=plan.head, now=written)
        # The last applications come in on the deadline's afternoon, as they do in real calls.
        submitted = max(written + timedelta(days=1, hours=1),
                        closes - timedelta(days=max(len(plans) - 2 - index, 0) * 2, hours=1 + index % 3,
                                           minutes=17 * index % 60, seconds=index))
        submitted = min(submitted, closes - timedelta(minutes=9 + index))
        with clock(submitted):
            # Through the signature wrapper, as the page does: the receipt says how it was confirmed.
            signed(actor=plan.head, action="grants.application_submit", obj=application, data={},
                   perform=lambda method, app=application, head=plan.head: services.application_submit(
                       application=app, actor=head))
        if plan.outcome == ApplicationStatus.WITHDRAWN:
            with clock(submitted + timedelta(hours=20)):
                services.application_withdraw(
                    application=application, actor=plan.head,
                    reason="Проект будет подан в следующем конкурсе с другим партнёром.")


def _screen(plans: list[Plan], dates, officer) -> None:
    """The officer works through the submitted applications over the screening days, in the order they came."""
    from grants.screening import services as screening
    from grants.screening.choices import ALL_CHECKS

    submitted = [p for p in plans
                 if Application.objects.get(lot=p.lot, ngo=p.ngo).status == ApplicationStatus.SUBMITTED]
    for index, plan in enumerate(submitted):
        if plan.outcome == WAITING:
            continue
        application = Application.objects.get(lot=plan.lot, ngo=plan.ngo)
        day = min(1 + index // 3, 5)
        with clock(dates.step(day, 10 + index % 3 * 2, 5 + 9 * index % 50)):
            record = screening.screening_start(application=application, actor=officer)
        if plan.outcome == STARTED:
            continue
        results = {code: ("pass", "") for code in ALL_CHECKS if code in ("documents_valid", "activities_within_lot")}
        if plan.reason and plan.reason[0] in results:
            results[plan.reason[0]] = ("fail", plan.reason[2])
        with clock(dates.step(day, 11 + index % 3 * 2, 20 + 7 * index % 40)):
            screening.screening_record_checks(screening=record, results=results, actor=officer)
        if plan.outcome == CHECKED:
            continue
        with clock(dates.step(day + 1, 9 + index % 4, 35 + 5 * index % 25)):
            if plan.reason:
                screening.screening_decide(screening=record, decision="not_admitted", reason_kk=plan.reason[1],
                                           reason_ru=plan.reason[2], actor=officer)
            else:
                screening.screening_decide(screening=record, decision="admitted", actor=officer)


def _publish_conclusion(call: Call, dates, officer) -> None:
    from grants.demo_dates import CONCLUSION
    from grants.screening import services as screening
    from grants.screening.tasks import render_conclusion_pdfs

    with clock(dates.step(CONCLUSION, 16, 30)):
        conclusion = screening.conclusion_publish(call=call, actor=officer)
        render_conclusion_pdfs(conclusion.pk)


def seed_finished(call: Call, dates, main: NGO, spare: list, officer) -> int:
    """Screened and its conclusion published; the evaluation demo takes the admitted ones on from there."""
    plans = _plans(call, main, spare, [
        (0, "main", "kk", ADMIT, None),
        (0, ("listed", 0), "ru", ADMIT, None),
        (0, ("listed", 1), "kk", ADMIT, None),
        (0, ("unlisted", 0), "ru", REFUSE, NOT_LISTED),
        (1, ("listed", 2), "ru", ADMIT, None),
        (1, ("listed", 3), "kk", ADMIT, None),
        (1, ("listed", 4), "ru", ApplicationStatus.WITHDRAWN, None),
        (2, ("listed", 5), "kk", REFUSE, DOCUMENTS_INVALID),
        (2, "main", "kk", ApplicationStatus.DRAFT, None),
    ])
    _submit_all(plans, dates)
    _screen(plans, dates, officer)
    _publish_conclusion(call, dates, officer)
    return len(plans)


def seed_evaluation(call: Call, dates, main: NGO, spare: list, officer) -> int:
    plans = _plans(call, main, spare, [
        (0, ("listed", 6), "kk", ADMIT, None),
        (0, ("listed", 7), "ru", ADMIT, None),
        (0, ("listed", 8), "kk", ADMIT, None),
        (1, ("listed", 9), "ru", ADMIT, None),
        (1, ("listed", 10), "kk", ADMIT, None),
        (1, ("listed", 11), "ru", REFUSE, DOCUMENTS_INVALID),
    ])
    _submit_all(plans, dates)
    _screen(plans, dates, officer)
    _publish_conclusion(call, dates, officer)
    return len(plans)


def seed_screening(call: Call, dates, main: NGO, spare: list, officer) -> int:
    """Closed a few days ago: the officer has decided two, checked one, opened one, and four are waiting."""
    plans = _plans(call, main, spare, [
        (0, "main", "kk", ADMIT, None),
        (0, ("listed", 12), "ru", REFUSE, DOCUMENTS_INVALID),
        (0, ("listed", 13), "kk", CHECKED, None),
        (1, ("unlisted", 1), "ru", STARTED, None),
        (1, ("listed", 14), "kk", WAITING, None),
        (1, ("listed", 15), "ru", WAITING, None),
        (0, ("listed", 16), "kk", WAITING, None),
        (1, ("listed", 17), "kk", WAITING, None),
    ])
    _submit_all(plans, dates)
    _screen(plans, dates, officer)
    return len(plans)


def seed_open(call: Call, dates, main: NGO, spare: list) -> int:
    """Drafts at different stages on the open call: one the head can submit now, one the member is still writing,
    one the head submitted; and two other NGOs' drafts."""
    lots = list(call.lots.order_by("position", "code"))
    member = User.objects.filter(email=DEMO_MEMBER).first()
    head = User.objects.filter(email=DEMO_HEAD).first()
    if len(lots) < 4 or member is None or head is None:
        return 0
    today = timezone.localdate()
    opened = dates.opens

    def moment(days_ago: int, hours: int, minutes: int = 0):
        from grants.demo_dates import at_astana

        return max(at_astana(today - timedelta(days=days_ago), hours, minutes), opened + timedelta(hours=2))

    with clock(moment(9, 10, 12)):
        submitted = services.application_start(lot=lots[3], ngo=main, actor=member)
        submitted.language = "kk"
        submitted.save(update_fields=["language"])
    with clock(moment(7, 15, 40)):
        fill(submitted, user=member, now=moment(7, 15, 40))
    with clock(moment(5, 11, 3)):
        signed(actor=head, action="grants.application_submit", obj=submitted, data={},
               perform=lambda method: services.application_submit(application=submitted, actor=head))
    with clock(moment(6, 9, 55)):
        ready = services.application_start(lot=lots[2], ngo=main, actor=member)
        ready.language = "ru"
        ready.save(update_fields=["language"])
    with clock(moment(2, 17, 20)):
        fill(ready, user=member, now=moment(2, 17, 20))
    with clock(moment(3, 14, 8)):
        draft = services.application_start(lot=lots[0], ngo=main, actor=member)
        draft.language = "kk"
        draft.save(update_fields=["language"])
    with clock(moment(1, 12, 31)):
        fill(draft, user=member, now=moment(1, 12, 31),
             sections={Section.OVERVIEW, Section.PROBLEM, Section.BENEFICIARIES, Section.ACTIVITIES, Section.BUDGET})
    count = 3
    others = _listed(call.fiscal_year.year - 1, main)[18:20]
    for index, (lot, ngo) in enumerate(zip(lots[1:3], others, strict=False)):
        other_head = _head_of(ngo, spare)
        with clock(moment(8 - 3 * index, 11 + index, 25)):
            application = services.application_start(lot=lot, ngo=ngo, actor=other_head)
            application.language = "ru"
            application.save(update_fields=["language"])
            fill(application, user=other_head, now=moment(8 - 3 * index, 11 + index, 25),
                 sections={Section.OVERVIEW, Section.TEAM})
        count += 1
    return count


def seed(stdout=None, *, calls: dict, dates: dict) -> None:
    main = NGO.objects.filter(memberships__user__email=DEMO_HEAD, memberships__role="head").first()
    officer = User.objects.filter(email=OFFICER).first()
    if main is None or not main.is_verified or officer is None:
        if stdout:
            stdout.write("applications: the demo NGO or the screening officer is missing; run the earlier demos first")
        return
    spare = [a for a in APPLICANT_HEADS if not User.objects.filter(email=a[0]).exists()]
    made = 0
    for key, seeder in (("finished", seed_finished), ("evaluation", seed_evaluation),
                        ("screening", seed_screening)):
        call = calls.get(key)
        if call is not None and not Application.objects.filter(lot__call=call).exists():
            made += seeder(call, dates[key], main, spare, officer)
    call = calls.get("open")
    if call is not None and not Application.objects.filter(lot__call=call).exists():
        made += seed_open(call, dates["open"], main, spare)
    if stdout:
        stdout.write(f"applications: {made} added")
