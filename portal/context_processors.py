from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

PUBLIC_NAV = [
    ("calls:list", _("Calls")),
    ("grants:registry", _("Grants")),
    ("ngos:list", _("NGO database")),
    ("results:list", _("Results")),
    ("statistics:index", _("Statistics")),
    ("prizes:index", _("State awards")),
    ("open_data:index", _("Open data")),
]


def _nav(request):
    items = []
    for name, label in PUBLIC_NAV:
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue  # that part of the portal is not installed yet
        items.append({"name": name, "url": url, "label": label, "active": request.path.startswith(url)})
    return items


def portal(request):
    nav = _nav(request)
    return {
        "nav_items": nav,
        "open_data_url": next((i["url"] for i in nav if i["name"] == "open_data:index"), ""),
        # Each language named in itself («Қазақша», «Русский», «English»), never translated into the page's.
        "interface_languages": settings.LANGUAGES,
        "operator": {
            "name": settings.OPERATOR_NAME,
            "email": settings.OPERATOR_EMAIL,
            "phone": settings.OPERATOR_PHONE,
        },
    }
