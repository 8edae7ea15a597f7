"""Every formset of the portal refuses a tampered row count: Django alone reads TOTAL_FORMS=-1 as "no rows"."""

import pytest
from django import forms
from django.utils import translation

from portal.formsets import RowCountsFormSet, RowCountsMixin


class Row(forms.Form):
    name = forms.CharField()


Rows = forms.formset_factory(Row, formset=RowCountsFormSet, extra=0)


def post(total, initial=0, rows=1):
    data = {"form-TOTAL_FORMS": str(total), "form-INITIAL_FORMS": str(initial)}
    data.update({f"form-{n}-name": f"row {n}" for n in range(rows)})
    return data


@pytest.mark.parametrize("total, initial", [(-1, 0), (-1000, 0), (1, -1), (1, 2)])
def test_a_damaged_row_count_is_refused_with_a_message(total, initial):
    rows = Rows(post(total, initial))
    assert not rows.is_valid()
    with translation.override("en"):
        assert "came back damaged" in str(rows.non_form_errors())


def test_a_sound_row_count_is_read_as_sent():
    rows = Rows(post(2, rows=2))
    assert rows.is_valid()
    assert [form.cleaned_data["name"] for form in rows.forms] == ["row 0", "row 1"]


def test_the_yearly_report_and_the_rubric_tables_are_built_on_it():
    from evaluations.forms.rubrics import CriterionFormSet
    from grants.applications.forms import ActivityFormSet, BudgetFormSet
    from ngos.forms import FundSourceFormSet, SpendingFormSet

    for formset in (FundSourceFormSet, SpendingFormSet, CriterionFormSet, ActivityFormSet, BudgetFormSet):
        assert issubclass(formset, RowCountsMixin), formset
