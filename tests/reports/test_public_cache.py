"""Cached public pages never show stale content: a change made through its service shows on the next
anonymous view (portal/public_cache.py), while an unchanged page is served from the cache without a query."""

from datetime import date, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import translation

from grants.dates import long_deadline
from grants.screening import services as screening_services
from grants.services import calls as call_services
from grants.services import directions as direction_services
from ngos.services import registry as ngo_services
from portal import public_cache as cache
from portal.formatting import astana_time
from tests.grants.screening.test_conclusion import decide_both

pytestmark = pytest.mark.django_db

ASTANA = ZoneInfo("Asia/Almaty")
LONG_DEADLINE = {"portal:home", "calls:list", "calls:lot"}  # the pages that write the deadline out in words


@pytest.fixture(autouse=True)
def _cache_on(settings):
    settings.PUBLIC_CACHE = True


def url(name, **kwargs):
    with translation.override("kk"):
        return reverse(name, kwargs=kwargs)


def served_from_cache(client, address) -> str:
    """The page twice: the second view runs no query (it is the cached copy); its text."""
    first = client.get(address)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get(address)
    assert len(queries) == 0 and second.content == first.content
    return second.content.decode()


def changed(django_capture_on_commit_callbacks, change):
    with django_capture_on_commit_callbacks(execute=True):
        return change()


@pytest.mark.parametrize("name", ["portal:home", "calls:list", "calls:detail", "calls:lot", "calls:ics", "calls:feed"])
def test_an_extended_deadline_shows_at_once(world, name, django_capture_on_commit_callbacks):
    call = world.open_call
    kwargs = {
        "portal:home": {}, "calls:list": {}, "calls:feed": {}, "calls:lot": {"call": call.code, "lot": world.lot.code},
    }
    address = url(name, **kwargs.get(name, {"call": call.code}))
    client = Client()
    new_deadline = call.closes_at + timedelta(days=41)
    if name == "calls:ics":
        shown = new_deadline.astimezone(ASTANA).strftime("%Y%m%d")
    else:
        with translation.override("kk"):
            shown = str(long_deadline(new_deadline)) if name in LONG_DEADLINE else astana_time(new_deadline)[:10]
    before = served_from_cache(client, address)
    assert shown not in before
    changed(django_capture_on_commit_callbacks, lambda: call_services.call_extend(
        actor=world.users["call_manager"], call=call, new_closes_at=new_deadline,
        reason_kk="Себебі", reason_ru="Причина",
    ))
    after = client.get(address).content.decode()
    if name == "calls:feed":  # the feed says when a call changed, not its deadline
        assert after != before
    else:
        assert shown in after


@pytest.mark.parametrize("name", ["ngos:list", "ngos:detail"])
def test_a_changed_ngo_profile_shows_at_once(world, name, django_capture_on_commit_callbacks):
    ngo = world.ngo_a
    address = url(name, **({"bin": ngo.bin} if name == "ngos:detail" else {}))
    client = Client()
    assert "Жаңғырған атау" not in served_from_cache(client, address)
    changed(django_capture_on_commit_callbacks, lambda: ngo_services.ngo_update_profile(
        ngo=ngo, actor=world.users["ngo_head"], fields={"name_kk": "«Жаңғырған атау» қоғамдық бірлестігі"},
    ))
    assert "Жаңғырған атау" in client.get(address).content.decode()


def test_a_comment_shows_on_the_discussed_list_at_once(world, django_capture_on_commit_callbacks):
    address = url("calls:direction_list", pk=world.discussion_list.pk)
    client = Client()
    assert "Мектептерге көбірек көңіл бөліңіз" not in served_from_cache(client, address)
    changed(django_capture_on_commit_callbacks, lambda: direction_services.comment_add(
        actor=world.users["user"], direction=world.discussed_direction, text="Мектептерге көбірек көңіл бөліңіз",
    ))
    assert "Мектептерге көбірек көңіл бөліңіз" in client.get(address).content.decode()


def test_a_list_put_to_discussion_shows_in_the_index_at_once(world, django_capture_on_commit_callbacks):
    address = url("calls:directions")
    draft = world.draft_direction_list
    client = Client()
    link = url("calls:direction_list", pk=draft.pk)
    assert link not in served_from_cache(client, address)
    direction_services.directions_save(actor=world.users["call_manager"], direction_list=draft, directions=[
        {"number": 1, "title_kk": "Білім", "title_ru": "Образование", "description_kk": "Мектептер",
         "description_ru": "Школы"},
    ])
    start = date.today() + timedelta(days=1)
    changed(django_capture_on_commit_callbacks, lambda: direction_services.discussion_start(
        actor=world.users["call_manager"], direction_list=draft, starts_on=start,
        ends_on=direction_services.earliest_discussion_end(start),
    ))
    assert link in client.get(address).content.decode()


def test_a_published_conclusion_shows_on_the_results_list_at_once(
    client, submitted, second, officer, django_capture_on_commit_callbacks
):
    decide_both(submitted, second, officer)
    address = url("results:list")
    anonymous = Client()
    served_from_cache(anonymous, address)
    conclusion = changed(django_capture_on_commit_callbacks, lambda: screening_services.conclusion_publish(
        call=submitted.lot.call, actor=officer))
    assert conclusion.number in anonymous.get(address).content.decode()


def test_the_version_is_bumped_again_after_commit(db, django_capture_on_commit_callbacks):
    # A page rebuilt between the write and its commit (from the data before) must not outlive the commit.
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        cache.bump("calls")
        during = cache.versions(["calls"])
    for callback in callbacks:
        callback()
    assert cache.versions(["calls"]) != during


def test_a_cache_outage_degrades_to_the_database(world):
    # Nothing listens on port 9: every cache call fails, and the pages are built from the database.
    dead = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:9/0"}}
    with override_settings(CACHES=dead):
        for name in ("portal:home", "calls:list", "ngos:list", "calls:directions"):
            response = Client().get(url(name))
            assert response.status_code == 200 and "public" in response["Cache-Control"]
        cache.bump("calls")


def test_a_public_proposal_shows_on_the_open_round_at_once(world, django_capture_on_commit_callbacks):
    from prizes import services as prize_services

    address = url("prizes:round", year=world.prize_open_round.year)
    client = Client()
    assert "Ауылдағы балаларға көмектеседі" not in served_from_cache(client, address)
    nomination = world.prize_open_round.nominations.get(number=1)
    changed(django_capture_on_commit_callbacks, lambda: prize_services.proposal_create(
        actor=world.users["ngo_member"], nomination=nomination, ngo=world.ngo_b,
        reason="Ауылдағы балаларға көмектеседі",
    ))
    assert "Ауылдағы балаларға көмектеседі" in client.get(address).content.decode()


@pytest.mark.parametrize("name", ["grants:registry", "grants:grant"])
def test_a_payment_shows_on_the_registry_and_the_grant_at_once(
        db, name, django_capture_on_commit_callbacks):
    """A tranche paid through its service bumps the grants' version: the cached pages show the new amount."""
    from agreements.services import payment_record
    from tests.agreements import factories as af
    from tests.world import make_user

    grant = af.signed_grant()
    address = url(name, **({"number": grant.number} if name == "grants:grant" else {}))
    client = Client()
    before = served_from_cache(client, address)
    tranche = grant.tranches.order_by("position").first()
    finance = make_user("finance-cache@example.kz", group="finance_officer")
    changed(django_capture_on_commit_callbacks, lambda: payment_record(
        tranche=tranche, actor=finance, paid_on=date.today(), amount=tranche.amount, order_number="ПП-1"))
    after = client.get(address).content.decode()
    assert "5\xa0000\xa0000\xa0₸" not in before and "5\xa0000\xa0000\xa0₸" in after  # half of 10 000 000, paid


def test_a_new_award_shows_on_the_statistics_at_once(db, django_capture_on_commit_callbacks):
    from decimal import Decimal

    from tests.agreements import factories as af

    af.awarded_grant(budget=Decimal("3000000"))
    client = Client()
    before = served_from_cache(client, url("statistics:index"))
    changed(django_capture_on_commit_callbacks, lambda: af.awarded_grant(budget=Decimal("4000000")))
    after = client.get(url("statistics:index")).content.decode()
    assert "7\xa0000\xa0000\xa0₸" not in before and "7\xa0000\xa0000\xa0₸" in after


def test_a_new_awards_year_shows_in_the_registrys_filters_at_once(db, django_capture_on_commit_callbacks):
    """The filters are drawn once and shared by every page of the list: an award of a year the registry did not
    have shows as a choice on the next page anyone opens, though that page's filters were drawn before."""
    from tests.agreements import factories as af

    af.awarded_grant(awarded_on=date(2025, 5, 6))
    client = Client()
    before = served_from_cache(client, url("grants:registry"))
    assert '<option value="2025">2025</option>' in before and '<option value="2024">' not in before
    changed(django_capture_on_commit_callbacks, lambda: af.awarded_grant(awarded_on=date(2024, 5, 6)))
    after = client.get(url("grants:registry") + "?page=1").content.decode()
    assert '<option value="2024">2024</option>' in after


def test_a_new_award_shows_in_the_open_data_at_once(db, django_capture_on_commit_callbacks):
    from tests.agreements import factories as af

    af.awarded_grant()
    first = Client().get("/open-data/grants.json")
    etag = first["ETag"]
    changed(django_capture_on_commit_callbacks, lambda: af.awarded_grant())
    second = Client().get("/open-data/grants.json", HTTP_IF_NONE_MATCH=etag)
    assert second.status_code == 200 and second["ETag"] != etag



def test_an_appeal_decided_shows_in_the_counts_on_the_results_list_at_once(db, media_root,
                                                                          django_capture_on_commit_callbacks):
    from appeals import services as appeal_services
    from appeals.choices import Verdict
    from tests.appeals.factories import REASON, not_admitted
    from tests.world import make_user

    application, head = not_admitted()
    admin = make_user("cache-admin@example.kz", group="operator_admin")
    appeal = changed(django_capture_on_commit_callbacks, lambda: appeal_services.appeal_file(
        application=application, actor=head, reason=REASON))
    address = url("results:list")
    anonymous = Client()
    before = served_from_cache(anonymous, address)
    changed(django_capture_on_commit_callbacks, lambda: appeal_services.appeal_review(
        appeal=appeal, actor=admin, verdict=Verdict.REJECT, question="Сұрақ?", answer="Жауап.", rationale="Негіз."))
    after = anonymous.get(address).content.decode()
    assert "қаралуда: 1" in before and "қанағаттандырылмады: 1" in after



def test_published_winners_show_on_the_winners_page_and_the_ngo_profile_at_once(
        world, django_capture_on_commit_callbacks):
    from prizes import services as prize_services

    decided = world.prize_decided_round
    winner = decided.candidacies.get().ngo
    client = Client()
    for address in (url("prizes:winners"), url("ngos:detail", bin=winner.bin)):
        assert winner.name_kk not in served_from_cache(client, address).split("awards-heading")[-1]
    changed(django_capture_on_commit_callbacks, lambda: prize_services.round_publish(
        actor=world.users["council"], prize_round=decided))
    assert winner.name_kk in client.get(url("prizes:winners")).content.decode()
    assert "awards-heading" in (profile := client.get(url("ngos:detail", bin=winner.bin)).content.decode())
    assert str(decided.year) in profile.split("awards-heading")[-1]
