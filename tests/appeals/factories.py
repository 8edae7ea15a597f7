"""Builders for appeal tests: a not admitted application with its call's conclusion published, and a not funded
one with the commission's minutes published (its panel drawn with reserves, so a re-evaluation can be asked)."""

from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from evaluations.choices import MeetingStatus, Outcome, Recommendation
from evaluations.models import ApplicationDecision, Assignment, LotDecision, Meeting
from grants.applications.choices import ApplicationStatus
from grants.screening.choices import ScreeningDecision
from grants.screening.models import Screening, ScreeningConclusion
from tests.agreements.factories import head_of
from tests.evaluations import factories as ef


def not_admitted(*, published_at: datetime | None = None, ngo=None, language="ru", head=None):
    """(application, head): not admitted at screening, the call's conclusion published at `published_at`."""
    published_at = published_at or timezone.now()
    lot = ef.lot(ef.call())
    application = ef.admitted_application(lot, ngo_=ngo, language=language)
    Screening.objects.create(application=application, submission=application.submissions.first(),
                             decision=ScreeningDecision.NOT_ADMITTED, started_at=published_at,
                             reason_kk="Құжат жоқ", reason_ru="Нет документа")
    ScreeningConclusion.objects.create(call=lot.call, number=f"{lot.call.code}-SC", published_at=published_at,
                                       not_admitted_count=1)
    application.status = ApplicationStatus.NOT_ADMITTED
    application.save(update_fields=["status"])
    return application, head or head_of(application.ngo)


def not_funded(*, published_at: datetime | None = None, ngo=None, language="kk", head=None):
    """(application, head, panel): scored by the panel's members, decided not funded at a meeting whose minutes
    were published at `published_at`; the panel's three reserves are free."""
    published_at = published_at or timezone.now()
    call = ef.call()
    lot = ef.lot(call)
    panel, _pool, _manager = ef.drawn_panel(call)
    application = ef.admitted_application(lot, ngo_=ngo, language=language)
    for seat in panel.members.exclude(role="reserve"):
        Assignment.objects.create(panel=panel, application=application, expert=seat.expert, status="submitted",
                                  total=Decimal("40"), submitted_at=published_at)
    meeting = Meeting.objects.create(panel=panel, held_at=published_at, place="Астана",
                                     status=MeetingStatus.PUBLISHED, published_at=published_at)
    decision = LotDecision.objects.create(meeting=meeting, lot=lot, confirmed=True, decided_at=published_at)
    ApplicationDecision.objects.create(lot_decision=decision, application=application, rank=1,
                                       mean_total=Decimal("40"), recommendation=Recommendation.BELOW_THRESHOLD,
                                       outcome=Outcome.NOT_FUNDED)
    application.status = ApplicationStatus.NOT_FUNDED
    application.save(update_fields=["status"])
    return application, head or head_of(application.ngo), panel


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
REASON = "Бағалау кезінде екі сарапшының бағасы 30 балға алшақ, комиссия оны талқыламады."
