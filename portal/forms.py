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
