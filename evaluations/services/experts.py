"""The expert register: applying, and staff decisions on who is in it."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from portal import mail
from portal.audit import record
from portal.choices import PublicRole
from portal.workflow import allowed_targets, transition

from ..choices import ExpertStatus, Nominator
from ..models import Expert

# (from, to): the audited action. Anything else is refused.
TRANSITIONS = {
    (ExpertStatus.PENDING, ExpertStatus.ACTIVE): "expert_approved",
    (ExpertStatus.PENDING, ExpertStatus.DECLINED): "expert_declined",
    (ExpertStatus.ACTIVE, ExpertStatus.SUSPENDED): "expert_suspended",
    (ExpertStatus.SUSPENDED, ExpertStatus.ACTIVE): "expert_reinstated",
}
# Applying again after a decline puts the expert back in the queue.
APPLY_TRANSITIONS = {(ExpertStatus.DECLINED, ExpertStatus.PENDING): "expert_reapplied"}
NEEDS_REASON = {ExpertStatus.DECLINED, ExpertStatus.SUSPENDED}


def allowed_decisions(expert: Expert) -> list[str]:
    return allowed_targets(TRANSITIONS, expert.status)


def _check_nomination(nominated_by: str, nominating_ngo) -> None:
    if nominated_by == Nominator.NGO and nominating_ngo is None:
        raise ValidationError(_("Name the NGO that nominates you."))
    if nominated_by == Nominator.OPERATOR and nominating_ngo is not None:
        raise ValidationError(_("An expert nominated by the operator has no nominating NGO."))


@transaction.atomic
def expert_apply(
    *, actor, spheres, speaks_kk: bool, speaks_ru: bool, region, nominated_by: str, nominating_ngo,
    position: str, experience: str, cv, full_name: str = "", phone: str = "",
) -> Expert:
    """A user applies to the register; a declined applicant may apply again."""
    if not (speaks_kk or speaks_ru):
        raise ValidationError(_("An expert works in Kazakh, Russian or both: choose at least one."))
    if not spheres:
        raise ValidationError(_("Choose at least one sphere of expertise."))
    _check_nomination(nominated_by, nominating_ngo)
    expert = Expert.objects.select_for_update().filter(user=actor).first()
    if expert is not None and expert.status != ExpertStatus.DECLINED:
        raise ValidationError(_("You have already applied to the expert register."))
    from_state = expert.status if expert else ""
    if expert is None:
        expert = Expert(user=actor)
    expert.speaks_kk, expert.speaks_ru = speaks_kk, speaks_ru
    expert.region = region
    expert.nominated_by, expert.nominating_ngo = nominated_by, nominating_ngo
    expert.position, expert.experience = position, experience
    if cv:
        expert.cv = cv
    expert.status_note, expert.decided_at, expert.decided_by = "", None, None
    if from_state:
        expert.save()
        transition(expert, to=ExpertStatus.PENDING, table=APPLY_TRANSITIONS, actor=actor)
    else:
        expert.status = ExpertStatus.PENDING
        expert.save()
    expert.spheres.set(spheres)
    profile_fields = []
    if full_name and full_name != actor.full_name:
        actor.full_name = full_name
        profile_fields.append("full_name")
    if phone and phone != actor.phone:
        actor.phone = phone
        profile_fields.append("phone")
    if profile_fields:
        actor.save(update_fields=profile_fields)
    if not from_state:
        record(actor=actor, obj=expert, action="expert_applied", to_state=ExpertStatus.PENDING)
    return expert


@transaction.atomic
def expert_decide(*, expert: Expert, status: str, actor, note: str = "") -> Expert:
    """Approve, decline, suspend or reinstate. Being active is what puts the user in the expert group."""
    expert = Expert.objects.select_for_update().select_related("user").get(pk=expert.pk)
    if (expert.status, status) not in TRANSITIONS:
        raise ValidationError(
            _("An expert whose status is “%(from)s” cannot become “%(to)s”.")
            % {"from": expert.get_status_display(), "to": ExpertStatus(status).label}
        )
    note = (note or "").strip()
    if status in NEEDS_REASON and not note:
        raise ValidationError({"note": _("Give the reason: the expert reads it.")})
    expert.status_note = note
    expert.decided_at, expert.decided_by = timezone.now(), actor
    transition(expert, to=status, table=TRANSITIONS, actor=actor, note=note,
               update_fields=["status_note", "decided_at", "decided_by"])
    group = Group.objects.get(name=PublicRole.EXPERT)
    if status == ExpertStatus.ACTIVE:
        expert.user.groups.add(group)
    else:
        expert.user.groups.remove(group)
    notify_decision(expert)
    return expert


def notify_decision(expert: Expert) -> None:
    mail.send(
        to=[expert.user],
        subject=gettext_noop("Expert register: %(status)s"),
        subject_params={"status": expert.get_status_display()},
        template="evaluations/email/expert_decision.txt",
        context={"expert": expert},
        links={"url": ("portal:dashboard", {})},
    )
