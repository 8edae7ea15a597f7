"""Formsets that refuse a tampered row count instead of reading it as "no rows".

Django reads `<prefix>-TOTAL_FORMS=-1` as zero rows, so a damaged (or hostile) POST of a table would
save it empty and wipe what was there. Every formset of the portal is built on these bases.
"""

from django.core.exceptions import ValidationError
from django.forms.formsets import INITIAL_FORM_COUNT, TOTAL_FORM_COUNT, BaseFormSet
from django.forms.models import BaseModelFormSet
from django.utils.translation import gettext_lazy as _

ROW_COUNT_REFUSAL = _("The rows of this table came back damaged. Copy what you typed, reload the page and enter "
                      "the rows again.")


class RowCountsMixin:
    def clean(self):
        super().clean()
        counts = self.management_form.cleaned_data if self.management_form.is_valid() else {}
        total, initial = counts.get(TOTAL_FORM_COUNT, 0), counts.get(INITIAL_FORM_COUNT, 0)
        if total < 0 or initial < 0 or initial > total:
            raise ValidationError(ROW_COUNT_REFUSAL, code="row_count")


class RowCountsFormSet(RowCountsMixin, BaseFormSet):
    pass


class RowCountsModelFormSet(RowCountsMixin, BaseModelFormSet):
    pass
