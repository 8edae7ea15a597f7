"""Commissions: set up, drawn at random from the register with a recorded seed and pool, officers named."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from portal import mail
from portal.audit import record
from portal.workflow import transition

from ..choices import MemberRole, PanelStatus, SeedSource
from ..draw import ALGORITHM, new_seed, run_draw
from ..models import Draw, Panel, PanelMember
from ..selectors.panels import draw_filters, draw_pool

SEED_MAX_LENGTH = 64

# A commission is set up, drawn, given its applications, then decides at its meeting.
PANEL_TRANSITIONS = {
    (PanelStatus.DRAFT, PanelStatus.DRAWN): "panel_drawn",
    (PanelStatus.DRAWN, PanelStatus.ASSIGNED): "panel_assigned",
    (PanelStatus.ASSIGNED, PanelStatus.DECIDED): "panel_decided",
}


@transaction.atomic
def panel_create(*, call, actor, direction=None, size: int = 3, reserves: int = 3,
                 experts_per_application: int | None = None, sphere=None, language: str = "") -> Panel:
    if direction is not None and direction.pk not in set(call.lots.values_list("direction_id", flat=True)):
        raise ValidationError(_("No lot of this call is in that priority direction."))
    panels = Panel.objects.filter(call=call)
    if direction is None and panels.exists():
        raise ValidationError(_("This call already has a commission; a second one can only be for a direction."))
    if direction is not None and panels.filter(direction__isnull=True).exists():
        raise ValidationError(_("This call has one commission for all its lots already."))
    if panels.filter(direction=direction).exists() and direction is not None:
        raise ValidationError(_("This direction already has a commission."))
    if experts_per_application is not None and experts_per_application > size:
        raise ValidationError(_("An application cannot go to more experts than the commission has members."))
    panel = Panel.objects.create(
        call=call, direction=direction, size=size, reserves=reserves,
        experts_per_application=experts_per_application, sphere=sphere, language=language or "", created_by=actor,
    )
    record(actor=actor, obj=panel, action="panel_created", to_state=panel.status,
           data={"size": size, "reserves": reserves, "experts_per_application": experts_per_application})
    return panel


@transaction.atomic
def panel_draw(*, panel: Panel, actor, observers: str, seed: str = "") -> Draw:
    """Draw the members and reserves. The seed and the exact pool are kept, so the draw can be re-run."""
    panel = Panel.objects.select_for_update(of=("self",)).select_related("sphere").get(pk=panel.pk)
    if panel.status != PanelStatus.DRAFT:
        raise ValidationError(_("This commission has been drawn already."))
    names = [line.strip() for line in (observers or "").splitlines() if line.strip()]
    if not names:
        raise ValidationError(_("Name at least one observer of the draw."))
    seed = (seed or "").strip()
    if len(seed) > SEED_MAX_LENGTH:
        raise ValidationError(_("The seed is too long: at most %(n)s characters.") % {"n": SEED_MAX_LENGTH})
    source = SeedSource.OBSERVERS if seed else SeedSource.GENERATED
    seed = seed or new_seed()
    pool = draw_pool(panel)
    wanted = panel.size + panel.reserves
    if len(pool) < wanted:
        raise ValidationError(
            ngettext(
                "Only %(count)s active expert matches the filters; the draw needs %(wanted)s.",
                "Only %(count)s active experts match the filters; the draw needs %(wanted)s.",
                len(pool),
            ) % {"count": len(pool), "wanted": wanted}
        )
    result = run_draw(seed=seed, pool=pool, members=panel.size, reserves=panel.reserves)
    draw = Draw.objects.create(
        panel=panel, algorithm=ALGORITHM, seed=seed, seed_source=source, filters=draw_filters(panel),
        pool=list(result.pool), drawn_members=list(result.members), drawn_reserves=list(result.reserves),
        observers="\n".join(names), drawn_by=actor, drawn_at=timezone.now(),
    )
    seats = [(pk, MemberRole.MEMBER) for pk in result.members] + [(pk, MemberRole.RESERVE) for pk in result.reserves]
    PanelMember.objects.bulk_create(
        PanelMember(panel=panel, expert_id=pk, role=role, draw_position=place)
        for place, (pk, role) in enumerate(seats, start=1)
    )
    transition(
        panel, to=PanelStatus.DRAWN, table=PANEL_TRANSITIONS, actor=actor,
        data={"seed": seed, "pool": list(result.pool), "members": list(result.members),
              "reserves": list(result.reserves), "observers": names},
    )
    from ..tasks import publish_draw_protocol

    mail.prepare(publish_draw_protocol, about=draw, draw_pk=draw.pk)
    return draw


@transaction.atomic
def panel_set_officers(*, panel: Panel, actor, chair: PanelMember, secretary: PanelMember | None = None) -> Panel:
    """Name the chair and the secretary among the drawn members (not the reserves)."""
    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    members = {m.pk: m for m in panel.members.exclude(role=MemberRole.RESERVE).select_related("expert__user")}
    if chair.pk not in members or (secretary is not None and secretary.pk not in members):
        raise ValidationError(_("The chair and the secretary are chosen among the commission's members."))
    if secretary is not None and secretary.pk == chair.pk:
        raise ValidationError(_("The chair and the secretary are two different people."))
    for member in members.values():
        role = MemberRole.MEMBER
        if member.pk == chair.pk:
            role = MemberRole.CHAIR
        elif secretary is not None and member.pk == secretary.pk:
            role = MemberRole.SECRETARY
        if member.role != role:
            PanelMember.objects.filter(pk=member.pk).update(role=role)
    record(actor=actor, obj=panel, action="panel_officers_named",
           data={"chair": chair.expert_id, "secretary": secretary.expert_id if secretary else None},
           message=("panel_officers", {
               "chair": str(members[chair.pk].expert),
               "secretary": str(members[secretary.pk].expert) if secretary else "—"}))
    return panel


@transaction.atomic
def draw_publish_protocol(*, draw: Draw) -> Draw:
    """Render the protocol in Kazakh and Russian and publish it (run by a Celery task after the draw)."""
    from django.core.files.base import ContentFile

    from ..pdf import draw_protocol_pdf

    draw = Draw.objects.select_for_update().get(pk=draw.pk)
    was_published = draw.is_published
    for language in ("kk", "ru"):
        pdf = draw_protocol_pdf(draw, language=language)
        field = getattr(draw, f"protocol_{language}")
        if field:
            field.delete(save=False)
        field.save(f"draw-{draw.panel.call.code}-{draw.pk}-{language}.pdf", ContentFile(pdf), save=False)
    draw.save(update_fields=["protocol_kk", "protocol_ru"])
    record(actor=None, obj=draw, action="draw_protocol_republished" if was_published else "draw_protocol_published",
           to_state="published")
    return draw


@transaction.atomic
def panel_set_deadline(*, panel: Panel, actor, day) -> Panel:
    """The day by which the experts declare their conflicts and submit their sheets: 18:30 Astana time, the end
    of the operator's working day, as for the calls' deadlines. Set, or moved, until the commission decides."""
    from datetime import datetime, time

    from portal.formatting import ASTANA

    panel = Panel.objects.select_for_update().get(pk=panel.pk)
    if panel.status == PanelStatus.DECIDED:
        raise ValidationError(_("The commission has decided: its deadline can no longer change."))
    deadline = datetime.combine(day, time(18, 30), tzinfo=ASTANA)
    if deadline <= timezone.now():
        raise ValidationError({"day": _("Choose a day still to come.")})
    previous = panel.deadline
    panel.deadline = deadline
    panel.save(update_fields=["deadline"])
    record(actor=actor, obj=panel, action="panel_deadline_set", to_state=panel.status,
           data={"from": previous.isoformat() if previous else None, "to": deadline.isoformat()})
    return panel
