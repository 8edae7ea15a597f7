from django import template
from django.utils.safestring import mark_safe

from portal import formatting
from portal.forms import css_class

register = template.Library()

register.filter("tenge", formatting.tenge)
register.filter("astana_time", formatting.astana_time)
register.filter("deadline", formatting.deadline)
register.filter("astana", formatting.astana)
register.filter("number", formatting.number)
register.filter("short_date", formatting.short_date)
register.filter("short_datetime", formatting.short_datetime)


@register.filter
def css_string(value) -> str:
    """Text for a CSS string in double quotes inside <style> (PDF page headers).

    <style> is raw text, so HTML escaping would show entities; CSS escapes are used instead.
    """
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    text = text.replace("<", "\\3c ").replace(">", "\\3e ").replace("\n", " ").replace("\r", " ")
    return mark_safe(text)  # noqa: S308 — every character that could end the string or the <style> is escaped


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters changed (for sorting and paging links)."""
    params = context["request"].GET.copy()
    for key, value in changes.items():
        if value in (None, ""):
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def control(bound_field):
    """The field's control with the portal's classes (forms outside portal.forms, like allauth's, have none)."""
    widget = bound_field.field.widget
    existing = widget.attrs.get("class", "")
    css = css_class(widget)
    attrs = {} if css in existing.split() else {"class": f"{existing} {css}".strip()}
    attrs["placeholder"] = False  # every control has a visible label; allauth's placeholders repeat it untranslated
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.inclusion_tag("portal/esign/fields.html", takes_context=True)
def esign_fields(context, action: str, obj):
    """Inside the form of a signed action: NCALayer's hidden fields and messages when signatures are on, else a
    line saying the button is the confirmation. portal/esign and static/js/ncalayer.js do the rest."""
    from django.conf import settings

    from portal.esign.services import esign_required

    request = context.get("request")
    return {"required": esign_required(), "action": action, "object": obj, "request": request,
            "user": getattr(request, "user", None), "ncalayer_url": settings.ESIGN_NCALAYER_URL,
            "LANGUAGE_CODE": context.get("LANGUAGE_CODE", "kk")}


@register.inclusion_tag("portal/esign/signed_by.html")
def signed_by(records):
    """"Signed by … (IIN masked) on …" for the records of an object (portal.esign.selectors.records_for)."""
    from portal.esign.selectors import signed_by as describe

    return {"signatures": [describe(record) for record in records]}
