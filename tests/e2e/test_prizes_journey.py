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


def test_from_a_proposal_to_the_published_winners(page, sign_in, assert_accessible):
    """A visitor proposes an NGO, its head applies, the window closes, the call manager starts the review and
    appoints the expert, who declares and scores (saving twice), the council meets and decides, the decision is
    published: the winners show publicly in Kazakh and Russian."""
    from datetime import timedelta

    from evaluations.models import Expert
    from portal.choices import PublicRole
    from prizes.models import CouncilMeeting, Review, Round
    from tests.evaluations.factories import expert as make_expert

    prize_round = announced_round(year=2031, nominations=1)
    ngo = NGO.objects.create(bin="940140000385", name_kk="«Болашақ» қоғамдық бірлестігі",
                             name_ru="Общественное объединение «Болашак»", legal_form="public_association",
                             region=Region.objects.get(slug="almaty"), verification="verified")
    YearlyReport.objects.create(ngo=ngo, year=2030, first_submitted_at=timezone.now())
    head = make_user("head@example.kz", full_name="Айгүл Серікқызы", language="kk")
    Membership.objects.create(ngo=ngo, user=head, role="head")
    manager = make_user("calls@example.kz", full_name="Ерлан Мұқанов", group="call_manager")
    reviewer = make_expert(user=make_user("expert@example.kz", full_name="Айгерим Төлеуова"))
    council = [make_user(f"council{n}@example.kz", full_name=name, group=PublicRole.COUNCIL)
               for n, name in enumerate(["Бауыржан Сейітов", "Гүлмира Әлиева", "Сергей Ли"])]

    sign_in(page, make_user("visitor@example.kz"))
    page.goto("/ru/prizes/2031/nominations/1/propose/")
    page.get_by_label("БИН НПО").fill("940140000385")
    page.get_by_label("Почему эта НПО заслуживает премии").fill("Бесплатные кружки для детей в сёлах")
    page.get_by_role("button", name="Предложить").click()
    page.context.clear_cookies()
    sign_in(page, head)
    page.goto("/kk/prizes/my/")
    page.get_by_role("link", name="Кандидатураға айналдыру").click()
    page.get_by_label("Соңғы жылдардағы қызметі").fill("Ауылдағы балаларға тегін үйірмелер")
    page.get_by_label("Нәтижелер мен сандар").fill("300 бала, 12 ауыл")
    page.get_by_role("button", name="Кандидатураны беру").click()
    expect(page.get_by_text("SA-2031-0001").first).to_be_visible()

    # The deadline passes; the call manager starts the review and appoints the working group.
    Round.objects.filter(pk=prize_round.pk).update(closes_at=timezone.now() - timedelta(minutes=1))
    page.context.clear_cookies()
    sign_in(page, manager)
    page.goto("/ru/prizes/staff/2031/")
    page.get_by_role("button", name="Начать рассмотрение").click()
    page.get_by_role("link", name="Рабочая группа экспертов").click()
    assert_accessible(page)
    page.locator("input[name=members]").first.check()
    page.get_by_role("button", name="Назначить рабочую группу").click()
    expect(page.get_by_text("Рабочая группа назначена")).to_be_visible()
    assert Review.objects.get().expert == Expert.objects.get(pk=reviewer.pk)

    # The expert declares, scores, saves, comes back to find the scores kept, saves again and submits.
    page.context.clear_cookies()
    sign_in(page, reviewer.user)
    page.goto("/ru/prizes/expert/")
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("SA-2031-0001")).click()
    page.get_by_label("У меня нет конфликта интересов с этой кандидатурой").check()
    page.get_by_role("button", name="Отправить декларацию").click()
    assert_accessible(page)
    scores = page.locator("input.score-input")
    for index in range(scores.count()):
        scores.nth(index).fill("8")
    page.locator("textarea[name^=comment_]").first.fill("Работа подтверждена отзывами")
    page.get_by_role("button", name="Сохранить", exact=True).click()
    page.goto(page.url)  # a second visit: what was saved is there, and saving again keeps it
    expect(scores.first).to_have_value("8")
    expect(page.locator("textarea[name^=comment_]").first).to_have_value("Работа подтверждена отзывами")
    page.get_by_role("button", name="Сохранить", exact=True).click()
    expect(scores.nth(1)).to_have_value("8")
    page.on("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Отправить", exact=True).click()
    expect(page.get_by_text("Ваши оценки отправлены")).to_be_visible()
    assert Review.objects.get().total == 80

    # The council meets in Kazakh: two of three present, the recommendation adopted, the meeting closed.
    page.context.clear_cookies()
    sign_in(page, council[0])
    page.goto("/kk/prizes/council/2031/")
    page.get_by_label("Күні мен уақыты (Астана уақыты)").fill("2031-05-20T10:00")
    page.get_by_label("Орны").fill("Астана, Үкімет үйі")
    page.get_by_role("button", name="Отырысты ашу").click()
    assert_accessible(page)
    page.get_by_label("Гүлмира Әлиева").select_option("remote")
    page.get_by_role("button", name="Қатысуды тіркеу").click()
    expect(page.get_by_text("Кворум бар.")).to_be_visible()
    expect(page.get_by_label(re.compile("SA-2031-0001"))).to_be_checked()  # the ranking's recommendation
    page.get_by_role("button", name="1 номинация бойынша шешімді тіркеу").click()
    expect(page.get_by_text(re.compile("Шешім:"))).to_be_visible()
    page.get_by_role("button", name="Отырысты жауып, шешімді қабылдау").click()
    assert CouncilMeeting.objects.get().has_decision_pdfs  # rendered by the worker (eager here)
    page.get_by_role("button", name="Шешім мен жеңімпаздарды жариялау").click()
    expect(page.get_by_text(re.compile("Шешім жарияланды: жеңімпаздар жария"))).to_be_visible()

    # The public reads the winners in Kazakh and in Russian, and the decision.
    page.context.clear_cookies()
    page.goto("/kk/prizes/winners/")
    expect(page.get_by_role("link", name="«Болашақ» қоғамдық бірлестігі")).to_be_visible()
    expect(page.get_by_text("7 864 000 ₸")).to_be_visible()
    assert_accessible(page)
    page.goto("/ru/prizes/2031/")
    expect(page.get_by_role("link", name="Общественное объединение «Болашак»")).to_be_visible()
    assert_accessible(page)
    page.goto("/ru/prizes/statistics/")
    assert_accessible(page)
    page.goto("/ru/ngos/940140000385/")
    expect(page.get_by_role("heading", name="Полученные государственные премии")).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Номинация 1"))).to_be_visible()
    assert_accessible(page)
