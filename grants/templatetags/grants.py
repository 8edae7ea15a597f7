from django import template

from grants import dates
from grants.choices import CallPhase

register = template.Library()

register.filter("long_deadline", dates.long_deadline)
register.filter("long_moment", dates.long_moment)

PHASE_CLASSES = {
    CallPhase.OPEN: "text-bg-success",
    CallPhase.ANNOUNCED: "text-bg-primary",
    CallPhase.CLOSED: "text-bg-secondary",
    CallPhase.CANCELLED: "text-bg-danger",
    CallPhase.DRAFT: "text-bg-light border",
}


@register.inclusion_tag("grants/partials/phase_badge.html")
def phase_badge(call):
    phase = call.phase
    return {"label": CallPhase(phase).label, "css": PHASE_CLASSES[phase], "phase": phase}
