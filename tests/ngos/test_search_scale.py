"""The name search as it runs at 100,000 NGOs (issue 11): words of the names from the stored vector, and a
count that stops at a limit for a word found in half the database."""

import pytest

from ngos.views import public

from .factories import NGOFactory

pytestmark = pytest.mark.django_db


def names(response) -> list[str]:
    return [ngo.name_kk for ngo in response.context["page"].object_list]


def test_every_word_of_the_search_begins_a_word_of_a_name_in_any_language(client):
    NGOFactory(name_kk="«Жастар-12» қоғамдық бірлестігі", name_ru="Общественное объединение «Молодёжь-12»")
    NGOFactory(name_kk="«Жастар-7» қоры", name_ru="Фонд «Молодёжь-7»")
    assert sorted(names(client.get("/kk/ngos/?q=жастар"))) == ["«Жастар-12» қоғамдық бірлестігі", "«Жастар-7» қоры"]
    assert names(client.get("/kk/ngos/?q=Жастар-12")) == ["«Жастар-12» қоғамдық бірлестігі"]
    assert names(client.get("/ru/ngos/?q=фонд молод")) == ["«Жастар-7» қоры"]
    assert names(client.get("/ru/ngos/?q=МОЛОДЁЖЬ 12")) == ["«Жастар-12» қоғамдық бірлестігі"]
    # A word is found by its beginning, not by letters inside it; punctuation alone finds nothing.
    assert names(client.get("/kk/ngos/?q=астар")) == []
    assert names(client.get("/kk/ngos/?q=«»")) == []


def test_a_search_counts_up_to_its_limit_and_then_says_more_than(client, monkeypatch):
    monkeypatch.setattr(public, "SEARCH_COUNT_LIMIT", 3)
    for number in range(5):
        NGOFactory(name_kk=f"«Шұғыла-{number}» қоры", name_ru=f"Фонд «Шугыла-{number}»")
    NGOFactory(name_kk="«Жасыл әлем» қоры", name_ru="Фонд «Зелёный мир»")
    response = client.get("/en/ngos/?q=шұғыла")
    body = response.content.decode()
    assert "More than 3 NGOs found: add a word or a filter to narrow the search." in body
    assert response.context["page"].paginator.num_pages == 1  # 3 counted, 20 a page
    few = client.get("/en/ngos/?q=шұғыла-4").content.decode()
    assert "1 NGO found" in few and "More than" not in few, few[few.find("<caption"):][:300]
    # The list without a search counts them all.
    assert "6 NGOs found" in client.get("/en/ngos/").content.decode()


def test_a_renamed_ngo_is_found_by_its_new_name_at_once_though_the_search_was_cached(
        world, django_capture_on_commit_callbacks, settings):
    from django.core.cache import cache
    from django.test import Client

    from ngos import services

    settings.PUBLIC_CACHE = True
    cache.clear()
    client = Client()
    address = "/kk/ngos/?q=жаңғырған"
    assert client.get(address).context["page"].paginator.count == 0
    assert client.get(address).context is None  # the second view is the server's cached copy
    with django_capture_on_commit_callbacks(execute=True):
        services.ngo_update_profile(ngo=world.ngo_a, actor=world.users["ngo_head"],
                                    fields={"name_kk": "«Жаңғырған атау» қоғамдық бірлестігі"})
    assert names(client.get(address)) == ["«Жаңғырған атау» қоғамдық бірлестігі"]
