from django import template

from grants.screening.automatic import explain as explain_check

register = template.Library()


@register.filter
def explain(check) -> str:
    """{{ check|explain }} — what the portal found for an automatic screening check, in the page's language."""
    return explain_check(check)
