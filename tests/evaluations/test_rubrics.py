from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from evaluations.models import Rubric
from evaluations.services.rubrics import rubric_lock, rubric_replace_from, rubric_start

from . import factories as f

pytestmark = pytest.mark.django_db


def test_the_standard_template_is_installed_with_weights_adding_to_100():
    template = Rubric.objects.get(call__isnull=True, name_ru="Типовые критерии оценки социальных проектов")
    assert sum(c.weight for c in template.criteria.all()) == Decimal("100")
    assert all(c.title_kk and c.title_ru for c in template.criteria.all())


def test_a_call_s_rubric_starts_as_a_copy_of_a_template(world):
    template = Rubric.objects.get(call__isnull=True, name_ru="Типовые критерии оценки социальных проектов")
    call = f.call()
    rubric = rubric_start(call=call, actor=world.users["call_manager"], source=template)
    assert [c.title_ru for c in rubric.criteria.all()] == [c.title_ru for c in template.criteria.all()]
    assert rubric.overall_threshold == template.overall_threshold and rubric.copied_from == template


def test_another_call_s_rubric_can_be_copied_until_the_rubric_locks(world):
    source = f.rubric(f.call(), criteria=[(5, Decimal("60"), None), (5, Decimal("40"), 2)])
    target = f.rubric(f.call())
    rubric_replace_from(rubric=target, source=source, actor=world.users["call_manager"])
    assert [c.max_score for c in target.criteria.all()] == [5, 5]
    rubric_lock(rubric=target, actor=None)
    with pytest.raises(ValidationError):
        rubric_replace_from(rubric=target, source=f.rubric(), actor=world.users["call_manager"])


def test_weights_that_do_not_add_up_to_100_are_refused_and_the_form_keeps_them(world, client):
    rubric = f.rubric(f.call())
    client.force_login(world.users["call_manager"])
    data = {
        "rubric-overall_threshold": "50", "rubric-dispersion_percent": "30",
        "criteria-TOTAL_FORMS": "2", "criteria-INITIAL_FORMS": "0", "criteria-MIN_NUM_FORMS": "0",
        "criteria-MAX_NUM_FORMS": "1000",
        "criteria-0-title_kk": "Өзектілігі", "criteria-0-title_ru": "Актуальность", "criteria-0-max_score": "10",
        "criteria-0-weight": "60", "criteria-0-ORDER": "1",
        "criteria-1-title_kk": "Бюджет", "criteria-1-title_ru": "Бюджет", "criteria-1-max_score": "10",
        "criteria-1-weight": "30", "criteria-1-ORDER": "2",
    }
    response = client.post(f"/ru/staff/evaluation/rubrics/{rubric.pk}/", data)
    body = response.content.decode()
    assert response.status_code == 400
    assert "Сумма весов равна 90, а должна быть 100." in body and "Актуальность" in body
    assert rubric.criteria.count() == 3  # nothing was replaced
    data["criteria-1-weight"] = "40"
    response = client.post(f"/ru/staff/evaluation/rubrics/{rubric.pk}/", data)
    assert response.status_code == 302
    assert [c.title_ru for c in rubric.criteria.order_by("position")] == ["Актуальность", "Бюджет"]
