from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grants.applications.choices import BudgetCategory
from grants.models import Call
from portal.forms import MoneyField, PortalForm, text_area

from .banking import validate_bik, validate_iban
from .choices import AmendmentKind, GrantStatus


class BankDetailsForm(PortalForm):
    iban = forms.CharField(label=_("IIK (IBAN)"), max_length=40,
                           help_text=_("KZ followed by 18 digits or letters, as the bank's certificate states it."),
                           widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}))
    bik = forms.CharField(label=_("BIK"), max_length=8, widget=forms.TextInput(attrs={"autocomplete": "off"}))
    bank_name = forms.CharField(label=_("Bank"), max_length=200)

    def clean_iban(self):
        return validate_iban(self.cleaned_data["iban"])

    def clean_bik(self):
        return validate_bik(self.cleaned_data["bik"])


class SignForm(PortalForm):
    sha256 = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(
        label=_("I have read the agreement, the bank details are correct, and I sign it for my organisation."),
    )


class ReasonForm(PortalForm):
    reason = forms.CharField(label=_("Reason"), max_length=2000, help_text=_("The reason is published."),
                             widget=text_area(4))


class PaymentForm(PortalForm):
    paid_on = forms.DateField(label=_("Payment date"))
    amount = MoneyField(label=_("Amount, tenge"))
    order_number = forms.CharField(label=_("Payment order number"), max_length=40)


class GrantFilterForm(PortalForm):
    call = forms.ModelChoiceField(label=_("Call"), required=False, queryset=Call.objects.none(), to_field_name="code",
                                  empty_label=pgettext_lazy("filter", "All"))
    status = forms.ChoiceField(label=_("Status"), required=False,
                               choices=[("", pgettext_lazy("filter", "All")), *GrantStatus.choices])
    q = forms.CharField(label=_("Number, title or NGO"), required=False, max_length=100,
                        widget=forms.TextInput(attrs={"type": "search"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["call"].queryset = Call.objects.filter(awarded_grants__isnull=False).distinct().order_by("-code")

    def values(self) -> dict:
        if not self.is_valid():
            return {}
        return {"call": self.cleaned_data["call"], "status": self.cleaned_data["status"],
                "query": self.cleaned_data["q"].strip()}


class AmendmentForm(PortalForm):
    """One form for the three kinds; the service checks the part the chosen kind needs."""

    kind = forms.ChoiceField(label=_("What changes"), choices=AmendmentKind.choices, widget=forms.RadioSelect)
    justification = forms.CharField(label=_("Justification"), max_length=5000, widget=text_area(4))
    ends_on = forms.DateField(label=_("New end of the project"), required=False)
    activity = forms.TypedChoiceField(label=_("Activity"), required=False, coerce=int, empty_value=None)
    activity_starts_on = forms.DateField(label=_("New start of the activity"), required=False)
    activity_ends_on = forms.DateField(label=_("New end of the activity"), required=False)

    def __init__(self, *args, grant, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].choices = [("", "—")] + [
            (n, a.get("activity") or str(n + 1)) for n, a in enumerate(grant.activities)]
        for category, label in BudgetCategory.choices:
            self.fields[f"budget_{category}"] = MoneyField(
                label=label, required=False, initial=grant.budget.get(category),
                help_text=_("New amount for the category, tenge (budget reallocation only)."))
        self.fit_fields()

    def service_arguments(self) -> dict:
        data = dict(self.cleaned_data)
        budget = {category: data.pop(f"budget_{category}") for category in BudgetCategory.values}
        return {**data, "budget": {k: v for k, v in budget.items() if v is not None}}


class DecisionForm(PortalForm):
    approve = forms.TypedChoiceField(label=_("Decision"), coerce=lambda v: v == "yes", widget=forms.RadioSelect,
                                     choices=[("yes", _("Approve")), ("no", _("Reject"))])
    reason = forms.CharField(label=_("Reason"), required=False, max_length=2000,
                             help_text=_("Required when the request is rejected."), widget=text_area(3))
