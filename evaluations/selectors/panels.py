from django.db.models import Count, Prefetch, Q

from ..choices import ExpertStatus, MemberRole
from ..draw import run_draw
from ..models import Draw, Expert, Panel, PanelMember


def expert_pool(*, sphere_id=None, language: str = "") -> list[int]:
    """The experts a draw chooses from, by register number: active, of the sphere and language asked for.
    Commissions draw from it, and so do other working groups (the state awards')."""
    experts = Expert.objects.filter(status=ExpertStatus.ACTIVE)
    if sphere_id:
        experts = experts.filter(spheres=sphere_id)
    if language == "kk":
        experts = experts.filter(speaks_kk=True)
    elif language == "ru":
        experts = experts.filter(speaks_ru=True)
    return list(experts.order_by("pk").values_list("pk", flat=True).distinct())


def draw_pool(panel: Panel) -> list[int]:
    return expert_pool(sphere_id=panel.sphere_id, language=panel.language)


def draw_filters(panel: Panel) -> dict:
    return {
        "status": ExpertStatus.ACTIVE.value,
        "sphere": panel.sphere.slug if panel.sphere_id else None,
        "language": panel.language or None,
        "direction": panel.direction_id,
    }


def draw_verification(draw: Draw) -> dict:
    """Re-run the draw from its record alone and compare with what was recorded."""
    result = run_draw(
        seed=draw.seed, pool=draw.pool, members=len(draw.drawn_members), reserves=len(draw.drawn_reserves),
        algorithm=draw.algorithm,
    )
    return {
        "members": list(result.members),
        "reserves": list(result.reserves),
        "pool_in_order": list(result.pool) == list(draw.pool),
        "matches": list(result.members) == list(draw.drawn_members)
        and list(result.reserves) == list(draw.drawn_reserves),
    }


def _members():
    return Prefetch(
        "members", queryset=PanelMember.objects.select_related("expert__user").order_by("draw_position")
    )


def panels_of_call(call):
    return (
        Panel.objects.filter(call=call)
        .select_related("direction", "sphere", "draw")
        .prefetch_related(_members())
        .order_by("id")
    )


def panel_detail(pk: int) -> Panel:
    return (
        Panel.objects.select_related("call", "direction", "sphere", "draw", "draw__drawn_by")
        .prefetch_related(_members())
        .get(pk=pk)
    )


def public_draw(pk: int) -> Draw:
    return (
        Draw.objects.select_related("panel__call", "panel__direction", "panel__sphere")
        .prefetch_related(Prefetch("panel__members", queryset=PanelMember.objects.select_related("expert__user")))
        .get(pk=pk)
    )


def published_draws(call=None):
    draws = (
        Draw.objects.exclude(protocol_kk="").exclude(protocol_ru="")
        .select_related("panel__call", "panel__direction")
    )
    if call is not None:
        draws = draws.filter(panel__call=call)
    return draws.order_by("-drawn_at")


def main_members_count(panel: Panel) -> int:
    return sum(1 for m in panel.members.all() if m.role != MemberRole.RESERVE)


def panels_overview():
    """Panels for the staff list of calls under evaluation, counted in the database."""
    return Panel.objects.select_related("call", "direction").annotate(
        members_count=Count("members", filter=~Q(members__role=MemberRole.RESERVE)),
    )
