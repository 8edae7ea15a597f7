"""Autosave of draft sections: optimistic locking per section, nothing typed is lost, drafts are lenient."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse

from grants.applications import services
from grants.applications.models import Application, ApplicationSection, DraftConflict

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def section_url(application, section):
    return reverse("applications:section", kwargs={"pk": application.pk, "section": section})


def overview(version, title="Жаңа атау", summary="Қысқаша", language="kk"):
    return {"version": version, "title": title, "summary": summary, "language": language}


def test_autosave_saves_the_section_and_sends_back_the_new_version(client, application, member):
    client.force_login(member)
    response = client.post(section_url(application, "overview"), overview(0, title="Еріктілер мектебі"), **HTMX)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Saved at" in body
    assert 'id="section-version" value="1" hx-swap-oob="true"' in body
    application.refresh_from_db()
    assert application.title == "Еріктілер мектебі"


def test_a_save_on_a_stale_version_is_refused_and_both_versions_are_kept(client, application, member, head):
    client.force_login(member)
    client.post(section_url(application, "overview"), overview(0, title="Нұсқа A"), **HTMX)
    # The head loaded the section at version 0 too, and saves after the member.
    client.force_login(head)
    response = client.post(section_url(application, "overview"), overview(0, title="Нұсқа B"), **HTMX)
    assert response.status_code == 409
    assert "kept as a separate version" in response.content.decode()
    application.refresh_from_db()
    assert application.title == "Нұсқа A"  # never a silent overwrite
    kept = DraftConflict.objects.get(application=application)
    assert kept.author == head and kept.data["title"] == "Нұсқа B"
    assert (kept.base_version, kept.current_version) == (0, 1)


def test_typing_on_after_a_conflict_updates_the_same_kept_version(application, member, head):
    services.application_save_section(application=application, section="team", data={"team": "A"},
                                      raw={"team": "A"}, version=0, actor=member)
    for text in ("B", "BC", "BCD"):
        with pytest.raises(services.StaleSection):
            services.application_save_section(application=application, section="team", data={"team": text},
                                              raw={"team": text}, version=0, actor=head)
    assert DraftConflict.objects.get().data == {"team": "BCD"}


def test_saving_the_same_text_on_a_stale_version_is_no_conflict(application, member, head):
    services.application_save_section(application=application, section="team", data={"team": "Бірдей"},
                                      raw={}, version=0, actor=member)
    saved = services.application_save_section(application=application, section="team", data={"team": "Бірдей"},
                                              raw={}, version=0, actor=head)
    assert saved.version == 1
    assert not DraftConflict.objects.exists()


def test_sections_lock_separately(application, member, head):
    services.application_save_section(application=application, section="team", data={"team": "A"}, raw={},
                                      version=0, actor=member)
    services.application_save_section(application=application, section="partners", data={"partners": "B"}, raw={},
                                      version=0, actor=head)
    application.refresh_from_db()
    assert (application.team, application.partners) == ("A", "B")


def test_an_invalid_number_is_not_saved_and_the_message_names_the_field(client, application, member):
    client.force_login(member)
    response = client.post(
        section_url(application, "beneficiaries"),
        {"version": 0, "target_groups": "Жаңа мәтін", "beneficiaries_count": "көп"}, **HTMX,
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Number of beneficiaries" in body and "Your text is kept on this page" in body
    application.refresh_from_db()
    assert application.target_groups == "14–29 жастағы жастар." and application.beneficiaries_count == 500


def test_a_full_save_with_errors_shows_the_page_again_with_everything_typed(client, application, member):
    client.force_login(member)
    data = {
        "version": 0, "rows-TOTAL_FORMS": 2, "rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0,
        "rows-MAX_NUM_FORMS": 200,
        "rows-0-activity": "Жазғы лагерь", "rows-0-starts_on": "2026-06-01", "rows-0-ends_on": "30 маусым",
        "rows-0-outputs": "Лагерь өтті",
        "rows-1-activity": "Қорытынды форум", "rows-1-starts_on": "", "rows-1-ends_on": "", "rows-1-outputs": "",
    }
    response = client.post(section_url(application, "activities"), data)
    assert response.status_code == 422
    body = response.content.decode()
    assert 'value="30 маусым"' in body and 'value="Қорытынды форум"' in body and "Жазғы лагерь" in body
    assert 'aria-describedby="id_rows-0-ends_on_error"' in body
    assert application.activities.get().activity == "Тренингтер"  # the saved plan is untouched


def test_drafts_save_incomplete_rows_and_the_check_lists_what_is_missing(client, application, member):
    client.force_login(member)
    data = {
        "version": 0, "rows-TOTAL_FORMS": 1, "rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0,
        "rows-MAX_NUM_FORMS": 300, "rows-0-category": "travel", "rows-0-description": "Іссапар",
        "rows-0-unit": "", "rows-0-quantity": "", "rows-0-unit_cost": "",
    }
    assert client.post(section_url(application, "budget"), data, **HTMX).status_code == 200
    line = Application.objects.get(pk=application.pk).budget_lines.get()
    assert (line.description, line.quantity) == ("Іссапар", None)
    check = client.get(reverse("applications:check", kwargs={"pk": application.pk})).content.decode()
    assert "Budget line 1: fill in the category, description, unit, quantity and unit cost." in check


def test_budget_autosave_reports_the_rules_with_figures(client, application, member):
    client.force_login(member)
    data = {
        "version": 0, "rows-TOTAL_FORMS": 2, "rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0,
        "rows-MAX_NUM_FORMS": 300,
        "rows-0-category": "staff", "rows-0-description": "Тренер", "rows-0-unit": "ай", "rows-0-quantity": "10",
        "rows-0-unit_cost": "100000",
        "rows-1-category": "administrative", "rows-1-description": "Жалдау", "rows-1-unit": "ай",
        "rows-1-quantity": "12", "rows-1-unit_cost": "100000",
    }
    body = client.post(section_url(application, "budget"), data, **HTMX).content.decode()
    assert 'id="budget-rules"' in body and 'hx-swap-oob="true"' in body
    assert "administrative costs ≤ direct costs" in body and "1\xa0200\xa0000\xa0₸" in body


def test_indicators_keep_every_lot_indicator_and_ignore_foreign_ones(application, member, lot):
    from .factories import LotIndicatorFactory

    foreign = LotIndicatorFactory()
    own = list(lot.indicators.all())
    rows = [
        {"lot_indicator_id": own[0].pk, "baseline": Decimal("1"), "target": Decimal("9"), "verification": "x"},
        {"lot_indicator_id": foreign.pk, "baseline": Decimal("1"), "target": Decimal("2"), "verification": ""},
        {"lot_indicator_id": None, "name": "Волонтёрлер", "unit": "адам", "baseline": Decimal("0"),
         "target": Decimal("50"), "verification": "тізім"},
    ]
    services.application_save_section(application=application, section="indicators", data={"rows": rows}, raw={},
                                      version=0, actor=member)
    saved = list(application.indicators.order_by("position"))
    assert [i.lot_indicator_id for i in saved] == [own[0].pk, None]
    assert saved[1].name == "Волонтёрлер"


def test_after_the_deadline_a_draft_can_no_longer_be_changed(application, member, call):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="accepted until"):
        services.application_save_section(application=application, section="team", data={"team": "кеш"}, raw={},
                                          version=0, actor=member, now=call.closes_at + timedelta(seconds=1))
    assert not ApplicationSection.objects.filter(application=application, section="team", version__gt=0).exists()


def test_autosave_with_an_expired_session_asks_to_sign_in_and_comes_back_to_the_draft(client, application):
    url = section_url(application, "overview")
    response = client.post(url, overview(0), **HTMX)
    assert response.status_code == 401
    body = response.content.decode()
    assert f"/accounts/login/?next={url}" in body and "kept on this device" in body


def test_signing_in_again_brings_the_user_back_to_the_draft_as_saved(client, application, member):
    url = section_url(application, "overview")
    response = client.get(url)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/?next=")
    response = client.post(response["Location"], {"login": member.email, "password": "correct horse battery"})
    assert response.status_code == 302 and response["Location"] == url
    page = client.get(url).content.decode()
    assert 'value="Жастар еріктілері мектебі"' in page


def test_a_submitted_application_cannot_be_autosaved(client, application, head, before_deadline):
    services.application_submit(application=application, actor=head, now=before_deadline)
    client.force_login(head)
    response = client.post(section_url(application, "team"), {"version": 0, "team": "кейін"}, **HTMX)
    assert response.status_code == 403
    assert Application.objects.get(pk=application.pk).team != "кейін"


def test_rows_added_after_the_first_save_keep_the_rows_saved_before(client, lot, ngo, member, media_root):
    """The page was loaded with no saved rows; row 1 is added after row 0 was autosaved: both are kept."""
    empty = Application.objects.create(lot=lot, ngo=ngo, created_by=member)
    client.force_login(member)
    url = section_url(empty, "budget")
    management = {"rows-INITIAL_FORMS": 0, "rows-MIN_NUM_FORMS": 0, "rows-MAX_NUM_FORMS": 300}
    row0 = {"rows-0-category": "staff", "rows-0-description": "Тренер", "rows-0-unit": "ай",
            "rows-0-quantity": "10", "rows-0-unit_cost": "300000"}
    row1 = {"rows-1-category": "travel", "rows-1-description": "Іссапар", "rows-1-unit": "сапар",
            "rows-1-quantity": "2", "rows-1-unit_cost": "50000"}
    client.post(url, {"version": 0, "rows-TOTAL_FORMS": 1, **management, **row0}, **HTMX)
    client.post(url, {"version": 1, "rows-TOTAL_FORMS": 2, **management, **row0, **row1}, **HTMX)
    assert list(empty.budget_lines.values_list("description", flat=True)) == ["Тренер", "Іссапар"]
