"""Official content in kk and ru (en optional): explicit `<field>_kk/_ru/_en` columns behind one helper.

A model declares the columns and `title = Translated("title")`; reading `obj.title` gives the
page's language, falling back kk → ru → en. Selectors that sort or search by a translated
column use `localized("title")` for the current language's column name.
"""

from django.conf import settings
from django.utils import translation


def content_languages(lang: str | None = None) -> list[str]:
    lang = (lang or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    order = [lang] + [code for code in settings.CONTENT_FALLBACK if code != lang]
    return order


def pick(obj, field: str, lang: str | None = None) -> str:
    """`obj`'s `<field>_<lang>` in the first content language that has it; `obj` a model or a `values()` row."""
    row = type(obj) is dict  # a cheap test: every Translated attribute of every page comes here
    for code in content_languages(lang):
        value = obj.get(f"{field}_{code}", "") if row else getattr(obj, f"{field}_{code}", "")
        if value:
            return value
    return ""


def localized(field: str, lang: str | None = None) -> str:
    """Column name of `field` in the page's language (kk, ru or en)."""
    lang = (lang or translation.get_language() or settings.LANGUAGE_CODE)[:2]
    if lang not in dict(settings.LANGUAGES):
        lang = settings.LANGUAGE_CODE
    return f"{field}_{lang}"


def missing_official(obj, fields: list[str]) -> list[str]:
    """Names like `title_kk` that are empty but required in every official language."""
    return [
        f"{field}_{code}"
        for field in fields
        for code in settings.OFFICIAL_LANGUAGES
        if not (getattr(obj, f"{field}_{code}", "") or "").strip()
    ]


class Translated:
    """Read-only descriptor: the value of `<name>_<lang>` for the active language, with fallback."""

    def __init__(self, field: str):
        self.field = field

    def __set_name__(self, owner, name):
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return pick(obj, self.field)

    def in_language(self, obj, lang: str) -> str:
        return pick(obj, self.field, lang)
