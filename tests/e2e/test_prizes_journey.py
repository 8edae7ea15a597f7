"""State awards in a browser, as far as they go today: a visitor proposes an NGO in Russian, its head turns
the proposal into a candidacy in Kazakh and reads the receipt; every prize page passes axe."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from ngos.models import NGO, Membership, YearlyReport
from portal.models import Region
from prizes.models import Candidacy
from tests.prizes.factories import announced_round
from tests.world import make_user

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_proposes_and_the_head_applies_from_the_proposal(page, sign_in, assert_accessible):
    prize_round = announced_round(year=2031)
    ngo = NGO.objects.create(bin="940140000385", name_kk="«Болашақ» қоғамдық бірлестігі",
                             name_ru="Общественное объединение «Болашак»", legal_form="public_association",
                             region=Region.objects.get(slug="almaty"))
    YearlyReport.objects.create(ngo=ngo, year=2030, first_submitted_at=timezone.now())
    head = make_user("head@example.kz", full_name="Айгүл Серікқызы", language="kk")
    Membership.objects.create(ngo=ngo, user=head, role="head")

    page.goto("/ru/prizes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Государственные премии для НПО")
    assert_accessible(page)
    page.get_by_role("link", name="Государственные премии 2031 года").click()
    assert_accessible(page)
    page.get_by_role("link", name="1. Номинация 1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Номинация 1")
    assert_accessible(page)

    sign_in(page, make_user("visitor@example.kz"))
    page.goto("/ru/prizes/2031/")
    page.get_by_role("link", name="Предложить НПО — Номинация 1").click()
    assert_accessible(page)
    page.get_by_label("БИН НПО").fill("940140000385")
    page.get_by_label("Почему эта НПО заслуживает премии").fill("Бесплатные кружки для детей в сёлах")
    page.get_by_role("button", name="Предложить").click()
    expect(page.get_by_text("1 общественное предложение")).to_be_visible()
    expect(page.get_by_text("Бесплатные кружки для детей в сёлах")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, head)
    page.goto("/kk/prizes/my/")
    assert_accessible(page)
    page.get_by_role("link", name="Кандидатураға айналдыру").click()
    expect(page.get_by_text("Бесплатные кружки для детей в сёлах")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Соңғы жылдардағы қызметі").fill("Ауылдағы балаларға тегін үйірмелер")
    page.get_by_label("Нәтижелер мен сандар").fill("300 бала, 12 ауыл")
    page.get_by_role("button", name="Кандидатураны беру").click()
    candidacy = Candidacy.objects.get()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{candidacy.number} кандидатура")
    expect(page.get_by_text(candidacy.content_sha256)).to_be_visible()
    assert candidacy.proposal is not None and re.fullmatch(r"SA-2031-0001", candidacy.number)
    assert_accessible(page)
    assert prize_round.candidacies.count() == 1
