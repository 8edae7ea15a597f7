from django import template
from django.utils.html import format_html_join

from grants import dates
from grants.applications.budget import rule_attributes
from grants.choices import CallPhase

register = template.Library()


@register.simple_tag
def budget_rule_attributes() -> str:
    """{% budget_rule_attributes %} on the budget table: the rules of grants.applications.budget for money.js."""
    return format_html_join(" ", '{}="{}"', rule_attributes().items())

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
