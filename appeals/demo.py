"""Demo appeals on the finished call: a not admitted applicant appealed the screening conclusion and the appeals
commission rejected it before the draw; the not funded applicant appealed the commission's decision after the
minutes and the commission upheld it, so a reserve expert scores the application again (that expert has a
sheet to do, then the commission its final decision). The letters are written. Through the services, on the
demo's clock. Idempotent."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from grants.applications.choices import ApplicationStatus
from grants.demo import demo_call
from grants.demo_dates import CONCLUSION, DRAW, LETTERS_SENT, MINUTES_PUBLISHED, CallDates
from grants.models import Application
from ngos.choices import MemberRole
from portal import mail
from portal.demo import clock
from portal.models import User

from . import selectors, services
from .choices import Verdict
from .models import Appeal

ADMIN = "admin@demo.demeu.kz"
REASONS = {
    "kk": "Бір сарапшының бағасы қалғандарынан 30 балдан астам ерекшеленеді, бірақ комиссия отырысында бұл "
          "айырмашылық талқыланбаған. Бағалау ережелеріне сәйкес қайта қарауды сұраймыз.",
    "ru": "Оценка одного эксперта расходится с остальными более чем на 30 баллов, однако на заседании комиссии "
          "расхождение не обсуждалось. Просим пересмотреть в соответствии с правилами оценки.",
}


def _head(application):
    membership = application.ngo.memberships.filter(role=MemberRole.HEAD).select_related("user").first()
    return membership.user if membership else None


def _at(moment):
    return min(moment, timezone.now() - timedelta(minutes=5))


QUESTION = "Комиссия бағалардың айырмашылығын талқылады ма? / Обсуждала ли комиссия расхождение оценок?"
UPHELD = {
    "question": QUESTION,
    "answer": "Хаттамада айырмашылықтың талқылануы көрсетілмеген. / В протоколе обсуждение расхождения не отражено.",
    "rationale": "Өтінімді резервтегі сарапшы қайта бағалайды. / Заявку повторно оценит резервный эксперт.",
}
REJECTED = {
    "question": "Жарғының көшірмесі өтінімге тіркелді ме? / Была ли приложена к заявке копия устава?",
    "answer": "Берілген нұсқада жарғы жоқ (тексеру парағы, 4-тармақ). / В поданной версии устава нет (лист "
              "проверки, пункт 4).",
    "rationale": "Іріктеу ережелерге сай жүргізілген. / Проверка проведена в соответствии с правилами.",
}


def _appeal(application, *, filed_at, reviewed_at, verdict, words, admin):
    """File and review one appeal on the demo's clock; None when the decision cannot be appealed then."""
    head, row = _head(application), selectors.appealable(application)
    filed_at, reviewed_at = _at(filed_at), _at(reviewed_at)
    if head is None or row is None or not row.published_at < filed_at < row.deadline or reviewed_at <= filed_at:
        return None
    with clock(filed_at):
        appeal = services.appeal_file(application=application, actor=head,
                                      reason=REASONS.get(application.language, REASONS["ru"]))
    with clock(reviewed_at):
        try:
            appeal = services.appeal_review(appeal=appeal, actor=admin, verdict=verdict, **words)
        except ValidationError:  # a demo commission with no reserve left keeps the appeal waiting for review
            return appeal
        services.appeal_render_letter(appeal_pk=appeal.pk, status=appeal.status)
    return appeal


def seed(stdout=None) -> None:
    call = demo_call("finished")
    admin = User.objects.filter(email=ADMIN).first()
    if call is None or admin is None or Appeal.objects.filter(application__lot__call=call).exists():
        return
    dates = CallDates.of(call)
    applications = Application.objects.filter(lot__call=call).select_related("ngo").order_by("sequence")
    filed = []
    with mail.silence():  # the demo people are not mailed; the letters are written here, inside the clock
        # Not admitted: appealed the day after the conclusion, rejected before the draw.
        refused = applications.filter(status=ApplicationStatus.NOT_ADMITTED).first()
        if refused is not None:
            filed.append(_appeal(refused, filed_at=dates.step(CONCLUSION + 1, 11, 20),
                                 reviewed_at=dates.step(DRAW, 9, 30), verdict=Verdict.REJECT, words=REJECTED,
                                 admin=admin))
        # Not funded: appealed the day after the minutes, upheld: a reserve expert scores it again.
        not_funded = applications.filter(status=ApplicationStatus.NOT_FUNDED).first()
        if not_funded is not None:
            filed.append(_appeal(not_funded, filed_at=dates.step(MINUTES_PUBLISHED + 1, 10, 15),
                                 reviewed_at=dates.step(LETTERS_SENT, 16, 40), verdict=Verdict.UPHOLD, words=UPHELD,
                                 admin=admin))
    if stdout:
        stdout.write(f"appeals: {len([a for a in filed if a])} appeals on {call.code}")
