"""NGOs in Chromium: register an NGO, get it verified, invite a member who accepts, file the yearly report,
and see the public profile in Kazakh and Russian. axe checks the list and the profile."""

import re

import pytest
from django.core import mail

from ngos.models import NGO, Membership, last_reporting_year
from ngos.selectors import is_listed_for_year
from portal.choices import StaffRole
from tests.world import make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

BIN = "940140000385"


def test_register_verify_invite_report_and_publish(browser, page, sign_in, live_server, assert_accessible):
    head = make_user("head@kamkorlyk.kz", full_name="Нұрлан Әбенов")
    officer = make_user("officer@demeu.kz", group=StaffRole.SCREENING_OFFICER, mfa=True)
    member = make_user("aigerim@kamkorlyk.kz", full_name="Айгерім Төлеуова", language="ru")

    # The head registers the NGO.
    sign_in(page, head)
    page.goto("/kk/ngos/register/")
    page.fill("#id_bin", "9401 4000 0386")  # a typo first: the check digit says so, in Kazakh
    page.fill("#id_name_kk", "«Қамқорлық» қоғамдық қоры")
    page.fill("#id_name_ru", "Общественный фонд «Камкорлык»")
    page.select_option("#id_legal_form", "public_foundation")
    page.fill("#id_registered_on", "1994-01-20")
    page.select_option("#id_region", label="Алматы қаласы")
    page.check("text=Әлеуметтік қолдау")
    page.click("main button[type=submit]")
    assert "бақылау цифры" in page.locator("#id_bin_error").inner_text()
    assert page.input_value("#id_name_kk") == "«Қамқорлық» қоғамдық қоры"
    assert_accessible(page)
    page.fill("#id_bin", BIN)
    page.click("main button[type=submit]")
    page.wait_for_url(f"**/kk/ngos/{BIN}/manage/")
    assert "Тексеруді күтуде" in page.inner_text("main")

    # A screening officer verifies it.
    staff = browser.new_context(base_url=live_server.url, bypass_csp=True)
    staff_page = staff.new_page()
    sign_in(staff_page, officer)
    staff_page.goto(f"/ru/ngos/staff/{BIN}/")
    assert_accessible(staff_page)
    staff_page.click("text=Подтвердить проверку НПО")
    staff_page.wait_for_selector("text=проверка пройдена")
    staff.close()

    # The head invites a colleague, who accepts through the link in the e-mail.
    page.goto(f"/kk/ngos/{BIN}/manage/members/")
    assert_accessible(page)
    page.fill("#id_email", member.email)
    page.select_option("#id_role", "accountant")
    page.click("text=Шақыру жіберу")
    page.wait_for_selector("text=Шақыру aigerim@kamkorlyk.kz мекенжайына жіберілді.")
    invitation = next(m for m in mail.outbox if m.to == [member.email])
    link = re.search(r"https?://\S+/ngos/invitations/\S+/", invitation.body).group(0)
    assert "/ru/" in link  # she reads Russian

    guest = browser.new_context(base_url=live_server.url)
    guest_page = guest.new_page()
    sign_in(guest_page, member)
    guest_page.goto(link.replace(link.split("/ru/")[0], live_server.url))
    guest_page.click("text=Принять и присоединиться")
    guest_page.wait_for_url(f"**/ru/ngos/{BIN}/manage/")
    guest.close()
    assert Membership.objects.get(user=member).role == "accountant"

    # The head files the yearly report for last year and submits it.
    year = last_reporting_year()
    page.goto(f"/kk/ngos/{BIN}/manage/reports/")
    page.click(f"a[href$='/manage/reports/{year}/edit/']")
    page.fill("#id_founders", "Әбенов Нұрлан, Төлеуова Айгерім")
    page.select_option("#id_sources-0-source_type", "donations_individuals")
    page.fill("#id_sources-0-amount", "1 250 000")
    page.select_option("#id_spending-0-direction", "charitable_aid")
    page.fill("#id_spending-0-amount", "900000,50")
    page.fill("#id_activities", "Көпбалалы отбасыларға 40 кеңес берілді.")
    page.fill("#id_beneficiaries_count", "160")
    page.fill("#id_staff_count", "3")
    page.fill("#id_volunteers_count", "12")
    assert_accessible(page)
    page.click("button[value=submit]")
    page.wait_for_url(f"**/kk/ngos/{BIN}/manage/reports/{year}/")
    assert is_listed_for_year(NGO.objects.get(bin=BIN), year)

    # Anyone sees the public profile, in Kazakh and in Russian.
    public = browser.new_context(base_url=live_server.url, bypass_csp=True)
    visitor = public.new_page()
    visitor.goto("/kk/ngos/?q=қамқор")
    visitor.click("text=«Қамқорлық» қоғамдық қоры")
    visitor.wait_for_url(f"**/kk/ngos/{BIN}/")
    assert visitor.inner_text("h1") == "«Қамқорлық» қоғамдық қоры"
    text = visitor.inner_text("main")
    assert "Енгізілген" in text and "1 250 000 ₸" in text.replace("\xa0", " ")
    assert_accessible(visitor)

    visitor.goto(f"/ru/ngos/{BIN}/")
    assert visitor.inner_text("h1") == "Общественный фонд «Камкорлык»"
    assert "Включена" in visitor.inner_text("main")
    assert "Через портал этой НПО пока не присуждено" in visitor.inner_text("main")
    assert_accessible(visitor)

    visitor.goto("/ru/ngos/?region=almaty&listed=on")
    assert "Общественный фонд «Камкорлык»" in visitor.inner_text("main table")
    assert_accessible(visitor)
    public.close()


def test_the_ngo_list_and_profile_pass_axe_on_a_phone(browser, live_server, assert_accessible):
    from tests.ngos.factories import NGOFactory

    for _ in range(3):
        NGOFactory(short_name_kk="«Қысқа»")
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, viewport={"width": 375, "height": 740})
    phone = context.new_page()
    for path in ("/kk/ngos/", "/kk/ngos/?q=zzz"):
        phone.goto(path)
        assert_accessible(phone)
    phone.goto(f"/kk/ngos/{NGO.objects.order_by('pk').first().bin}/")
    assert_accessible(phone)
    context.close()
