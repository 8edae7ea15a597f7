"""Demo appeals on the finished call: after its minutes were published, two not funded applicants appealed;
the appeals commission upheld one (a reserve expert of the commission scores it again, which leaves that
expert a sheet to do) and rejected the other, with their letters written. A not admitted applicant of the
call, if any, has an appeal waiting for review. Through the services, on the demo's clock. Idempotent."""

from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from grants.applications.choices import ApplicationStatus
from grants.demo import demo_call
from grants.demo_dates import LETTERS_SENT, MINUTES_PUBLISHED, CallDates
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


def seed(stdout=None) -> None:
    call = demo_call("finished")
    admin = User.objects.filter(email=ADMIN).first()
    if call is None or admin is None or Appeal.objects.filter(application__lot__call=call).exists():
        return
    dates = CallDates.of(call)
    filed = []
    with mail.silence():  # the demo people are not mailed; the letters are written here, inside the clock
        candidates = list(Application.objects.filter(
            lot__call=call, status__in=[ApplicationStatus.NOT_FUNDED, ApplicationStatus.NOT_ADMITTED]
        ).select_related("ngo").order_by("status", "sequence"))
        for index, application in enumerate(candidates[:3]):
            head, row = _head(application), selectors.appealable(application)
            if head is None or row is None:
                continue
            moment = _at(dates.step(MINUTES_PUBLISHED + 1, 10 + index, 15))
            if moment >= row.deadline or moment <= row.published_at:
                continue
            with clock(moment):
                filed.append(services.appeal_file(application=application, actor=head,
                                                  reason=REASONS.get(application.language, REASONS["ru"])))
        for appeal, verdict in zip(filed, (Verdict.UPHOLD, Verdict.REJECT), strict=False):
            with clock(_at(dates.step(LETTERS_SENT, 15, 30 + (verdict == Verdict.REJECT) * 20))):
                try:
                    appeal = services.appeal_review(
                        appeal=appeal, actor=admin, verdict=verdict,
                        question="Комиссия бағалардың айырмашылығын талқылады ма? / Обсуждала ли комиссия "
                                 "расхождение оценок?",
                        answer="Хаттамада айырмашылықтың талқылануы көрсетілмеген. / В протоколе обсуждение "
                               "расхождения не отражено." if verdict == Verdict.UPHOLD else
                               "Хаттамада айырмашылық талқыланғаны көрсетілген (3-тармақ). / В протоколе "
                               "обсуждение расхождения отражено (пункт 3).",
                        rationale="Өтінімді резервтегі сарапшы қайта бағалайды. / Заявку повторно оценит "
                                  "резервный эксперт." if verdict == Verdict.UPHOLD else
                                  "Рәсім сақталған. / Процедура соблюдена.",
                    )
                except ValidationError:  # a demo commission with no reserve left keeps the appeal filed
                    continue
                services.appeal_render_letter(appeal_pk=appeal.pk, status=appeal.status)
    if stdout:
        stdout.write(f"appeals: {len(filed)} appeals on {call.code}")
