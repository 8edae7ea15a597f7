from django.utils import translation

from portal.models import Region
from portal.translation import localized, missing_official


def region(**names):
    return Region(slug="x", iso_code="KZ-00", **{"name_kk": "", "name_ru": "", "name_en": "", **names})


def test_official_text_is_shown_in_the_page_language():
    obj = region(name_kk="Абай облысы", name_ru="область Абай", name_en="Abai Region")
    for lang, expected in [("kk", "Абай облысы"), ("ru", "область Абай"), ("en", "Abai Region")]:
        with translation.override(lang):
            assert obj.name == expected


def test_missing_english_falls_back_to_kazakh_then_russian():
    with translation.override("en"):
        assert region(name_kk="Абай облысы", name_ru="область Абай").name == "Абай облысы"
        assert region(name_ru="область Абай").name == "область Абай"


def test_missing_kazakh_falls_back_to_russian():
    with translation.override("kk"):
        assert region(name_ru="область Абай", name_en="Abai Region").name == "область Абай"


def test_localized_names_the_column_of_the_page_language():
    with translation.override("ru"):
        assert localized("title") == "title_ru"


def test_missing_official_lists_empty_kazakh_and_russian_only():
    obj = region(name_kk="Абай облысы", name_ru=" ")
    assert missing_official(obj, ["name"]) == ["name_ru"]


def test_the_twenty_regions_are_loaded(db):
    assert Region.objects.count() == 20
    abai = Region.objects.get(iso_code="KZ-10")
    assert (abai.slug, abai.name_kk, abai.name_ru) == ("abai", "Абай облысы", "область Абай")
    assert Region.objects.get(slug="shymkent").iso_code == "KZ-79"
