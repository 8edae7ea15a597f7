"""The expert reads the submitted application with the portal's numbers and dates, not the snapshot's raw JSON."""

import pytest
from django.urls import reverse
from django.utils import translation

from evaluations.models import Assignment
from evaluations.services.assignments import assignment_declare, panel_assign

from . import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(db, media_root):
    call = f.call()
    lot = f.lot(call)
    f.rubric(call)
    panel, _, manager = f.drawn_panel(call)
    application = f.admitted_application(lot)
    submission = application.submissions.get()
    snapshot = submission.snapshot
    # What the snapshot keeps: ISO dates and decimals as strings with two places.
    snapshot["activities"] = [{"activity": "Оқыту", "start": "2026-11-22", "end": "2027-01-10", "outputs": "20 адам"}]
    snapshot["indicators"] = [{"lot_indicator": None, "name": "Қатысушылар", "unit": "адам", "baseline": "300.00",
                               "target": "1250.50", "verification": "Тізім"}]
    snapshot["budget"]["lines"] = [{"category": "services", "description": "Жалға алу", "unit": "ай",
                                    "quantity": "12.00", "unit_cost": "150000.00", "amount": "1800000.00"}]
    snapshot["budget"]["total"] = "1800000.00"
    submission.save(update_fields=["snapshot"])
    panel_assign(panel=panel, actor=manager)
    assignment = Assignment.objects.filter(panel=panel, application=application).first()
    assignment_declare(assignment=assignment, actor=assignment.expert.user, has_conflict=False)
    return assignment


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_expert_sees_plain_numbers_and_day_first_dates(assignment, client, lang):
    client.force_login(assignment.expert.user)
    with translation.override(lang):
        page = client.get(reverse("evaluations:score", kwargs={"pk": assignment.pk})).content.decode()
    assert "12 ай" in page and "12.00" not in page
    assert ">300<" in page and "300.00" not in page
    assert "1\xa0250,5" in page  # grouped, with the decimal comma
    assert "22.11.2026" in page and "10.01.2027" in page
    assert "2026-11-22" not in page
    assert "1\xa0800\xa0000\xa0₸" in page
