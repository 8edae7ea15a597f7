"""Result letters: drafted for every decided application when the meeting closes, read and edited by staff
in the outbox, then sent to the NGO's members."""

from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Avg
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ngos.models import Membership
from portal import mail
from portal.audit import record
from portal.workflow import transition

from ..choices import AssignmentStatus, LetterStatus, Outcome
from ..models import ApplicationDecision, Criterion, Meeting, ResultLetter, Score

# A result letter is drafted when the meeting closes, edited while a draft, and sent once.
LETTER_TRANSITIONS = {(LetterStatus.DRAFT, LetterStatus.SENT): "result_letter_sent"}

# Working days an applicant has to appeal to the operator (the rules of the call may say otherwise).
APPEAL_WORKING_DAYS = getattr(settings, "EVALUATION_APPEAL_WORKING_DAYS", 10)


def _criterion_means(application_ids) -> dict[int, dict[int, Decimal]]:
    means = defaultdict(dict)
    rows = (
        Score.objects.filter(assignment__application_id__in=application_ids,
                             assignment__status=AssignmentStatus.SUBMITTED)
        .values("assignment__application_id", "criterion_id")
        .annotate(mean=Avg("value"))
        .values_list("assignment__application_id", "criterion_id", "mean")
    )
    for application_id, criterion_id, mean in rows:
        means[application_id][criterion_id] = Decimal(str(mean)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return means


def compose(decision: ApplicationDecision, *, criteria, means: dict, language: str) -> tuple[str, str]:
    application = decision.application
    with translation.override(language):
        subject = _("Decision of the expert commission on application %(number)s") % {
            "number": application.registration_number
        }
        body = render_to_string("evaluations/letters/result.txt", {
            "application": application,
            "ngo": application.ngo,
            "lot": application.lot,
            "call": application.lot.call,
            "decision": decision,
            "outcome": decision.outcome,
            "Outcome": Outcome,
            "criteria": [
                {"title": c.title, "max": c.max_score, "mean": means.get(c.pk), "weight": c.weight} for c in criteria
            ],
            "appeal_days": APPEAL_WORKING_DAYS,
            "operator_email": settings.OPERATOR_EMAIL,
        })
    return subject, body.strip() + "\n"


def letters_draft(*, meeting: Meeting) -> int:
    """One draft per decided application that has no letter yet (called when the meeting closes)."""
    decisions = list(
        ApplicationDecision.objects.filter(lot_decision__meeting=meeting)
        .select_related("application__ngo", "application__lot__call")
        .exclude(application__result_letter__isnull=False)
    )
    criteria = list(Criterion.objects.filter(rubric__call=meeting.panel.call_id).order_by("position", "id"))
    means = _criterion_means([d.application_id for d in decisions])
    letters = []
    for decision in decisions:
        language = decision.application.language or "ru"
        subject, body = compose(decision, criteria=criteria, means=means[decision.application_id], language=language)
        letters.append(ResultLetter(application=decision.application, meeting=meeting, language=language,
                                    subject=subject, body=body))
    ResultLetter.objects.bulk_create(letters)
    return len(letters)


def _lock(letter: ResultLetter) -> ResultLetter:
    return ResultLetter.objects.select_for_update(of=("self",)).select_related("application__ngo").get(pk=letter.pk)


@transaction.atomic
def letter_update(*, letter: ResultLetter, actor, subject: str, body: str) -> ResultLetter:
    letter = _lock(letter)
    if letter.status != LetterStatus.DRAFT:
        raise ValidationError(_("The letter is sent: it can no longer change."))
    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise ValidationError(_("A letter needs a subject and a text."))
    letter.subject, letter.body, letter.edited_by = subject, body + "\n", actor
    letter.save(update_fields=["subject", "body", "edited_by", "updated_at"])
    record(actor=actor, obj=letter, action="result_letter_edited", to_state=letter.status)
    return letter


def recipients_of(letter: ResultLetter) -> list[tuple[str, str]]:
    """(e-mail, language) of every member of the applying NGO."""
    return list(
        Membership.objects.filter(ngo_id=letter.application.ngo_id, user__is_active=True)
        .order_by("user__email")
        .values_list("user__email", "user__language")
    )


@transaction.atomic
def letter_send(*, letter: ResultLetter, actor) -> ResultLetter:
    letter = _lock(letter)
    if letter.status != LetterStatus.DRAFT:
        raise ValidationError(_("The letter is sent already."))
    recipients = recipients_of(letter)
    if not recipients:
        raise ValidationError(_("The NGO has no members with an account: there is nobody to send the letter to."))
    letter.sent_at, letter.sent_by = timezone.now(), actor
    letter.recipients = [email for email, _language in recipients]
    transition(letter, to=LetterStatus.SENT, table=LETTER_TRANSITIONS, actor=actor,
               update_fields=["sent_at", "sent_by", "recipients"], data={"to": letter.recipients})
    deliver(letter)
    return letter


def deliver(letter: ResultLetter) -> None:
    """One e-mail per member: the letter as written (in the application's language), framed in theirs."""
    mail.send(
        to=recipients_of(letter), subject="evaluations/email/result_letter_subject.txt",
        template="evaluations/email/result_letter.txt", context={"letter": letter},
    )
