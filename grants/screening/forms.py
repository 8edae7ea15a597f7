from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.forms import PortalForm

from .choices import CheckResult, ScreeningDecision

RESULT_CHOICES = [
    (CheckResult.PASS, pgettext_lazy("check", "Pass")),
    (CheckResult.FAIL, pgettext_lazy("check", "Fail")),
]


class ChecksForm(PortalForm):
    """One pass/fail choice and one reason per check of the screening."""

    def __init__(self, *args, screening, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = []
        for check in screening.checks.all():
            result = forms.ChoiceField(
                label=check.get_code_display(), choices=RESULT_CHOICES, required=False,
                widget=forms.RadioSelect,
                initial=check.result if check.result != CheckResult.PENDING else None,
            )
            note = forms.CharField(
                label=pgettext_lazy("cause", "Reason"), required=False, max_length=2000, initial=check.note,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
            self.fields[f"result_{check.code}"] = result
            self.fields[f"note_{check.code}"] = note
            self.rows.append((check, self[f"result_{check.code}"], self[f"note_{check.code}"]))
        self.fit_fields()

    def results(self) -> dict[str, tuple[str, str]]:
        return {
            check.code: (self.cleaned_data[f"result_{check.code}"] or CheckResult.PENDING,
                         self.cleaned_data[f"note_{check.code}"])
            for check, _result, _note in self.rows
        }


class DecisionForm(PortalForm):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[(ScreeningDecision.ADMITTED, pgettext_lazy("screening", "Admitted")),
                 (ScreeningDecision.NOT_ADMITTED, pgettext_lazy("screening", "Not admitted"))],
        widget=forms.RadioSelect,
    )
    reason_kk = forms.CharField(
        label=_("Reason for not admitting (Kazakh)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "kk"}),
    )
    reason_ru = forms.CharField(
        label=_("Reason for not admitting (Russian)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "ru"}),
        help_text=_("Published in the screening conclusion in both languages."),
    )
