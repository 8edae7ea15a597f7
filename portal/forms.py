from allauth.account.forms import ChangeEmailForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User


class AccountSettingsForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "language"]


class CorrectedAddressForm(ChangeEmailForm):
    """allauth's change-of-address form (it checks the address is free, without telling whose it is)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = _("The correct e-mail address")
        field.widget.attrs.update({"class": "form-control", "autocomplete": "email"})
        field.widget.attrs.pop("placeholder", None)


class ReminderScheduleForm(forms.Form):
    """When one kind of reminder goes out: days from the due date, before (−) and after (+)."""

    kind = forms.CharField(widget=forms.HiddenInput)
    offsets = forms.CharField(
        label=_("Days from the due date"), max_length=200,
        help_text=_("Comma-separated: −7 is a week before, 0 the day itself, 1 the day after (up to 60 days)."),
    )

    def clean_offsets(self):
        from .reminders import parse_offsets

        text = self.cleaned_data["offsets"].replace("−", "-")
        try:
            return parse_offsets(text)
        except ValueError:
            raise forms.ValidationError(
                _("Enter whole numbers of days between −60 and 60, separated by commas.")
            ) from None
