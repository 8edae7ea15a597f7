from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """{{ means|get_item:criterion.pk }}: a dict value in a template."""
    return mapping.get(key) if mapping else None
