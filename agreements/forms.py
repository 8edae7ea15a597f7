from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grants.applications.choices import BudgetCategory
from grants.models import Call

from .banking import validate_bik, validate_iban
from .choices import AmendmentKind, GrantStatus


class BankDetailsForm(forms.Form):
    iban = forms.CharField(label=_("IIK (IBAN)"), max_length=40,
                           help_text=_("KZ followed by 18 digits or letters, as the bank's certificate states it."),
                           widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off",
                                                         "spellcheck": "false"}))
    bik = forms.CharField(label=_("BIK"), max_length=8,
                          widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}))
    bank_name = forms.CharField(label=_("Bank"), max_length=200,
                                widget=forms.TextInput(attrs={"class": "form-control"}))

    def clean_iban(self):
        return validate_iban(self.cleaned_data["iban"])

    def clean_bik(self):
        return validate_bik(self.cleaned_data["bik"])


class SignForm(forms.Form):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(
        label=_("I have read the agreement, the bank details are correct, and I sign it for my organisation."),
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=2000, help_text=_("The reason is published."),
                             widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}))


class PaymentForm(forms.Form):
    paid_on = forms.DateField(label=_("Payment date"),
                              widget=forms.DateInput(attrs={"class": "form-control", "type": "date"},
                                                     format="%Y-%m-%d"))
    amount = forms.DecimalField(label=_("Amount, tenge"), max_digits=16, decimal_places=2, min_value=0,
                                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.01"}))
    order_number = forms.CharField(label=_("Payment order number"), max_length=40,
                                   widget=forms.TextInput(attrs={"class": "form-control"}))


class GrantFilterForm(forms.Form):
    call = forms.ModelChoiceField(label=_("Call"), required=False, queryset=Call.objects.none(), to_field_name="code",
                                  empty_label=pgettext_lazy("filter", "All"),
                                  widget=forms.Select(attrs={"class": "form-select"}))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", pgettext_lazy("filter", "All")), *GrantStatus.choices],
                               widget=forms.Select(attrs={"class": "form-select"}))
    q = forms.CharField(label=_("Number, title or NGO"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"class": "form-control", "type": "search"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = Call.objects.filter(awarded_grants__isnull=False).distinct().order_by("-code")

    def values(self) -> dict:
        if not self.is_valid():
            return {}
        return {"call": self.cleaned_data["call"], "status": self.cleaned_data["status"],
                "query": self.cleaned_data["q"].strip()}


def errors_into(form: forms.Form, error: ValidationError) -> None:
    """A service's refusal on the form: field errors on their fields, the rest above the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)


class AmendmentForm(forms.Form):
    """One form for the three kinds; the service checks the part the chosen kind needs."""

    kind = forms.ChoiceField(label=_("What changes"), choices=AmendmentKind.choices, widget=forms.RadioSelect)
    justification = forms.CharField(label=_("Justification"), max_length=5000,
                                    widget=forms.Textarea(attrs={"class": "form-control", "rows": 4}))
    ends_on = forms.DateField(label=_("New end of the project"), required=False,
                              widget=forms.DateInput(attrs={"class": "form-control", "type": "date"},
                                                     format="%Y-%m-%d"))
    activity = forms.TypedChoiceField(label=_("Activity"), required=False, coerce=int, empty_value=None,
                                      widget=forms.Select(attrs={"class": "form-select"}))
    activity_starts_on = forms.DateField(label=_("New start of the activity"), required=False,
                                         widget=forms.DateInput(attrs={"class": "form-control", "type": "date"},
                                                                format="%Y-%m-%d"))
    activity_ends_on = forms.DateField(label=_("New end of the activity"), required=False,
                                       widget=forms.DateInput(attrs={"class": "form-control", "type": "date"},
                                                              format="%Y-%m-%d"))

    def __init__(self, *args, grant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [("", "—")] + [
            (n, a.get("activity") or str(n + 1)) for n, a in enumerate(grant.activities)]
        for category, label in BudgetCategory.choices:
            self.fields[f"budget_{category}"] = forms.DecimalField(
                label=label, required=False, max_digits=16, decimal_places=2, min_value=0,
                initial=grant.budget.get(category),
                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.01"}),
                help_text=_("New amount for the category, tenge (budget reallocation only)."))

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        budget = {category: data.pop(f"budget_{category}") for category in BudgetCategory.values}
        return {**data, "budget": {k: v for k, v in budget.items() if v is not None}}


class DecisionForm(forms.Form):
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
                                     choices=[("yes", _("Approve")), ("no", _("Reject"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000,
                             help_text=_("Required when the request is rejected."),
                             widget=forms.Textarea(attrs={"class": "form-control", "rows": 3}))
