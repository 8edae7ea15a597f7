"""Demo data on the demo's running grant (the finished call's winner whose agreement is signed and first tranche
paid): its interim report filled by the head, sent back once by the monitoring officer with a comment on the
indicators, fixed, resubmitted and accepted, which makes the second tranche due for the finance officer; a
monitoring visit recorded with one finding "not confirmed" against an indicator the report says was achieved
(flagged on the grant's monitoring page) and a follow-up the NGO answered; a second visit planned for the
officer to record. The steps fall between the approved reallocation and now, in order."""

from datetime import timedelta
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from agreements.choices import GrantStatus
from grants.workdays import local_date
from ngos.choices import MemberRole
from portal.demo import clock

from .choices import FindingResult, ReportKind, Section
from .models import ChecklistItem, GrantReport

OFFICER = "monitoring@demo.demeu.kz"
CHECKLIST = [
    ("Көрсеткіш бойынша қатысушылардың тіркеу парақтары бар", "Есть листы регистрации участников по показателю"),
    ("Тренингтер өтетін орын жабдықталған", "Помещение для тренингов оборудовано"),
    ("Сатып алынған материалдар есепке алынған", "Приобретённые материалы поставлены на учёт"),
    ("Пайда алушылар жобаны растайды", "Благополучатели подтверждают участие в проекте"),
    ("Жоба командасы шартта көрсетілген құрамда", "Команда проекта в составе, указанном в договоре"),
]


def _head(ngo):
    membership = ngo.memberships.filter(role=MemberRole.HEAD).select_related("user").first()
    return membership.user if membership else None


def _office_hours(start, end) -> list:
    """Every half hour from 09:00 to 17:30 Astana time between start and end (the officer's and the NGO's day)."""
    from portal.formatting import ASTANA

    moment = start.astimezone(ASTANA).replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
    found = []
    while moment < end:
        if 9 <= moment.hour < 18:
            found.append(moment)
        moment += timedelta(minutes=30)
    return found


def _fill(report, head, *, achieved_share):
    from decimal import Decimal

    from .selectors import budget_of
    from .services import report_save_section

    grant = report.grant
    indicators = [{"period": str(int(Decimal(i.get("target") or 0) * achieved_share)),
                   "total": str(int(Decimal(i.get("target") or 0) * achieved_share)),
                   "links": "https://demo.demeu.kz/photos/training"} for i in grant.indicators]
    if indicators:
        indicators[0]["period"] = indicators[0]["total"] = str(int(Decimal(grant.indicators[0]["target"])))
    budget = budget_of(report)
    sections = {
        Section.NARRATIVE: {
            "done": "Қатысушылар іріктеліп, алғашқы тренингтер өтті. Отобраны участники, проведены первые тренинги.",
            "changed": "Екі тренинг онлайн өтті. Два тренинга прошли онлайн.",
            "problems": "Ауылдық аудандардан келу қиын болды: көлік ұйымдастырылды. "
                        "Участникам из сёл было трудно добираться: организован транспорт."},
        Section.INDICATORS: {"rows": indicators},
        Section.BENEFICIARIES: {"rows": [{"group": "Жастар 14–18 жас / Молодёжь 14–18 лет", "count": 84},
                                         {"group": "Еріктілер / Волонтёры", "count": 36}]},
        Section.ACTIVITIES: {"rows": [{"progress": "done" if n == 0 else "partly", "note": ""}
                                      for n, _a in enumerate(grant.activities)]},
        Section.FINANCE: {"lines": {c: {"period": str((Decimal(v) * Decimal("0.35")).quantize(Decimal("0.01"))),
                                        "total": str((Decimal(v) * Decimal("0.35")).quantize(Decimal("0.01")))}
                                    for c, v in budget.items()}},
    }
    for section, data in sections.items():
        report.refresh_from_db()
        report = report_save_section(report=report, section=section, data=data,
                                     version=report.versions.get(section, 0), actor=head)
    return report


def seed(stdout=None) -> None:
    from portal import mail

    from .services import (
        checklist_add,
        follow_up_answer,
        report_render_receipt,
        report_review,
        report_save_section,
        report_submit,
        review_render,
        visit_plan,
        visit_record,
        visit_render,
    )

    officer = get_user_model().objects.filter(email=OFFICER).first()
    from agreements.models import Grant

    from .services import reports_schedule

    # Agreements signed before this app was installed get their reports as the signature would have made them.
    for unscheduled in Grant.objects.filter(status__in=(GrantStatus.AGREEMENT_SIGNED, GrantStatus.IN_PROGRESS),
                                            reports__isnull=True).select_related("agreement", "application"):
        with clock(unscheduled.agreement.signed_at or timezone.now()):
            reports_schedule(grant=unscheduled, actor=None)
    # The story below runs once, on the first running grant with an untouched interim report. A second seed finds
    # it told (a report already submitted) and stops, whatever grants the floors above have signed since.
    told = GrantReport.objects.filter(submissions__isnull=False).exists()
    report = (GrantReport.objects.filter(kind=ReportKind.INTERIM, grant__status=GrantStatus.IN_PROGRESS)
              .select_related("grant__ngo", "grant__agreement").order_by("grant__number").first())
    if officer is None or report is None or told:
        if stdout:
            stdout.write("monitoring: no running demo grant with an untouched interim report; skipped")
        return
    grant, head = report.grant, _head(report.grant.ngo)
    if head is None:
        return
    from portal.audit import history

    last = history(grant).order_by("-at").values_list("at", flat=True).first()
    now = timezone.now() - timedelta(minutes=10)
    start = min(max(last or grant.agreement.signed_at, grant.agreement.signed_at) + timedelta(hours=1),
                now - timedelta(hours=2))
    slots = _office_hours(start, now) or [start + (now - start) * n / 12 for n in range(12)]

    def at(step: int):  # the steps in order, on office hours between the last thing that happened and now
        return slots[min(len(slots) - 1, step * len(slots) // 12)]

    with mail.silence():
        with clock(at(0)):
            items = ([checklist_add(actor=officer, text_kk=kk, text_ru=ru) for kk, ru in CHECKLIST]
                     if not ChecklistItem.objects.exists() else list(ChecklistItem.objects.all()))
        with clock(at(1)):
            report = _fill(report, head, achieved_share=Decimal("0.3"))
        with clock(at(2)):
            first = report_submit(report=report, actor=head)
            report_render_receipt(submission_pk=first.pk)
        with clock(at(3)):
            sent_back = report_review(report=report, actor=officer, accept=False, comments={
                Section.INDICATORS: "Оқытылған волонтерлер бойынша тіркеу парақтарын қосыңыз. "
                                    "Приложите листы регистрации по обученным волонтёрам."})
        with clock(at(4)):
            report.refresh_from_db()
            report = report_save_section(report=report, section=Section.NARRATIVE, data={
                **report.content[Section.NARRATIVE],
                "done": report.content[Section.NARRATIVE]["done"] + " Тіркеу парақтары сілтеме бойынша қосылды. "
                                                                  "Листы регистрации приложены по ссылке."},
                version=report.versions.get(Section.NARRATIVE, 0), actor=head)
            second = report_submit(report=report, actor=head)
            report_render_receipt(submission_pk=second.pk)
            review_render(review_pk=sent_back.pk)
        with clock(at(5)):
            accepted = report_review(report=report, actor=officer, accept=True,
                                     conclusion="Есеп қабылданды. Отчёт принят: второй транш подлежит выплате.")
            review_render(review_pk=accepted.pk)
        visit_day = local_date(at(6))
        with clock(at(6)):
            visit = visit_plan(grant=grant, actor=officer, visit_on=visit_day, place="Шымкент, Тұран ауданы",
                               team="Д. Оспанов, О. Ким", items=items[:4], indicators={items[0].pk: 0})
        with clock(at(8)):
            visit_record(visit=visit, actor=officer, conclusion=(
                "Жоба жоспар бойынша жүріп жатыр, бірақ оқытылған волонтерлер саны расталмады. "
                "Проект идёт по плану, но число обученных волонтёров не подтверждено."),
                findings={1: (FindingResult.NOT_CONFIRMED, "Тіркеу парақтарында 41 адам, есепте 150. "
                                                           "В листах регистрации 41 человек, в отчёте 150."),
                          2: (FindingResult.CONFIRMED, ""), 3: (FindingResult.PARTLY, "Екі ноутбук есепке алынбаған. "
                                                                                     "Два ноутбука не на учёте."),
                          4: (FindingResult.CONFIRMED, "")},
                follow_ups=[("Барлық тренингтердің тіркеу парақтарын жіберу / Направить листы регистрации всех "
                             "тренингов", visit_day + timedelta(days=14)),
                            ("Ноутбуктарды есепке қою / Поставить ноутбуки на учёт", visit_day + timedelta(days=7))])
            visit_render(visit_pk=visit.pk)
        with clock(at(10)):
            follow_up_answer(follow_up=visit.follow_ups.order_by("due_on").first(), actor=head,
                             answer="Ноутбуктар есепке қойылды, акт қоса беріледі. Ноутбуки поставлены на учёт.")
        with clock(at(11)):
            visit_plan(grant=grant, actor=officer, visit_on=min(visit_day + timedelta(days=21), grant.ends_on),
                       place="Шымкент, Абай ауданы", team="Д. Оспанов", items=items[1:])
    if stdout:
        stdout.write(f"monitoring: {grant.number}: interim report accepted after one round of changes (tranche 2 "
                     f"due), a visit with a finding not confirmed, a second visit planned")
