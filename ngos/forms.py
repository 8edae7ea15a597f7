from django import forms
from django.core.exceptions import ValidationError
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from portal.forms import DateInput, IntegerField, MoneyField, PortalForm, PortalModelForm, digits_only, normalized
from portal.formsets import RowCountsFormSet
from portal.models import Region

from .bin import validate_bin
from .choices import EligibilityFlag, FundSourceType, MemberRole, SpendingDirection
from .files import LOGO_TYPES
from .models import NGO, Sphere, YearlyReportVersion
from .services.reports import CONTENT_FIELDS


def normalize_bin(value: str) -> str:
    """People paste BINs with spaces or dashes, or in full-width or superscript digits: the ASCII digits are
    what counts. Anything else is kept, so that the BIN's check says what is wrong."""
    digits = digits_only(value, drop=" \t-")
    return digits if digits is not None else normalized(value)


class BINField(forms.CharField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("BIN"))
        kwargs.setdefault("max_length", 20)
        kwargs.setdefault("help_text", _("12 digits, as in the certificate of state registration."))
        super().__init__(**kwargs)
        self.widget.attrs.update({"inputmode": "numeric", "autocomplete": "off"})

    def to_python(self, value):
        return normalize_bin(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            validate_bin(value)


class NGOProfileForm(PortalModelForm):
    website = forms.URLField(
        label=capfirst(NGO._meta.get_field("website").verbose_name), required=False, assume_scheme="https",
        help_text=_("For example https://example.kz"),
    )
    spheres = forms.ModelMultipleChoiceField(
        label=_("Spheres of activity"), queryset=Sphere.objects.order_by("position", "slug"),
        widget=forms.CheckboxSelectMultiple, required=False,
    )

    class Meta:
        model = NGO
        fields = [
            "name_kk", "name_ru", "name_en", "short_name_kk", "short_name_ru", "short_name_en", "legal_form",
            "registered_on", "region", "address", "phone", "email", "website", "spheres", "description_kk",
            "description_ru", "description_en", "logo",
        ]
        widgets = {
            "registered_on": DateInput(),
            "description_kk": forms.Textarea(attrs={"rows": 4}),
            "description_ru": forms.Textarea(attrs={"rows": 4}),
            "description_en": forms.Textarea(attrs={"rows": 4}),
            "logo": forms.ClearableFileInput(attrs={"accept": ",".join(LOGO_TYPES)}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
        }
        help_texts = {
            "name_kk": _("The full name as registered, in Kazakh."),
            "name_ru": _("The full name as registered, in Russian."),
            "logo": _("PNG, JPEG or WebP, up to 2 MB."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = Region.objects.order_by("position")
        self.fields["registered_on"].required = True
        self.fields["legal_form"].choices = [("", "—")] + list(self.fields["legal_form"].choices)[1:]


class NGORegistrationForm(NGOProfileForm):
    bin = BINField()

    class Meta(NGOProfileForm.Meta):
        fields = ["bin", *NGOProfileForm.Meta.fields]

    field_order = ["bin"]

    def clean_bin(self):
        value = self.cleaned_data["bin"]
        if NGO.objects.filter(bin=value).exists():
            raise ValidationError(
                _("An NGO with this BIN is already registered on the portal. Ask to join it instead."),
                code="bin_taken",
            )
        return value


class JoinForm(PortalForm):
    bin = BINField(help_text=_("The BIN of the NGO you work for."))
    message = forms.CharField(
        label=_("Message to the head"), required=False, max_length=1000, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Who you are and what you do in the NGO, so the head recognises you."),
    )

    def clean_bin(self):
        value = self.cleaned_data["bin"]
        self.ngo = NGO.objects.filter(bin=value).first()
        if self.ngo is None:
            raise ValidationError(
                _("No NGO with the BIN %(bin)s is registered on the portal yet. If you act for it, register it."),
                code="unknown", params={"bin": value},
            )
        return value


class InvitationForm(PortalForm):
    email = forms.EmailField(label=_("E-mail"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.MEMBER)


class RoleForm(PortalForm):
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices)


class RejectForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000,
        help_text=_("The NGO sees this reason. Say what is wrong and what to do about it."),
    )


class SwitchNGOForm(PortalForm):
    ngo = IntegerField()


class FlagsForm(PortalForm):
    """The three eligibility flags, each with the source and date of its latest change."""

    def __init__(self, *args, ngo: NGO, **kwargs):
        initial = {}
        for flag in EligibilityFlag:
            current = ngo.flag(flag)
            initial[f"{flag.value}"] = current["set"]
            initial[f"{flag.value}_source"] = current["source"]
            initial[f"{flag.value}_on"] = current["on"]
        super().__init__(*args, initial=initial, **kwargs)
        for flag in EligibilityFlag:
            self.fields[flag.value] = forms.BooleanField(label=flag.label, required=False)
            self.fields[f"{flag.value}_source"] = forms.CharField(
                label=pgettext_lazy("where a fact comes from", "Source"), required=False, max_length=300,
                help_text=_("Where this comes from: a court decision, a registry extract, a letter (number)."),
            )
            self.fields[f"{flag.value}_on"] = forms.DateField(
                label=pgettext_lazy("date of a fact", "Date"), required=False
            )
        self.fit_fields()  # the base styles the fields that existed before these were added

    def groups(self):
        return [
            {
                "flag": flag,
                "set": self[flag.value],
                "source": self[f"{flag.value}_source"],
                "on": self[f"{flag.value}_on"],
            }
            for flag in EligibilityFlag
        ]

    def flags(self) -> dict:
        return {
            flag: {
                "set": self.cleaned_data.get(flag.value),
                "source": self.cleaned_data.get(f"{flag.value}_source"),
                "on": self.cleaned_data.get(f"{flag.value}_on"),
            }
            for flag in EligibilityFlag
        }


# --- The yearly report ------------------------------------------------------------------------------


class YearlyReportForm(PortalModelForm):
    property_value = MoneyField(
        label=capfirst(YearlyReportVersion._meta.get_field("property_value").verbose_name), required=False
    )

    class Meta:
        model = YearlyReportVersion
        fields = [*CONTENT_FIELDS, "correction_note"]
        widgets = {
            "founders": forms.Textarea(attrs={"rows": 4}),
            "property_description": forms.Textarea(attrs={"rows": 3}),
            "activities": forms.Textarea(attrs={"rows": 6}),
            "beneficiaries": forms.Textarea(attrs={"rows": 3}),
            "correction_note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.number <= 1:
            del self.fields["correction_note"]
        for name in ("members_count", "beneficiaries_count", "staff_count", "volunteers_count"):
            self.fields[name].widget.attrs.update({"min": "0", "inputmode": "numeric"})


class LineForm(PortalForm):
    amount = MoneyField(label=_("Amount, ₸"), required=False)
    description = forms.CharField(label=_("Details"), required=False, max_length=300)

    kind_field = ""

    def clean(self):
        data = super().clean()
        if data.get("DELETE"):
            return data
        kind, amount = data.get(self.kind_field), data.get("amount")
        if kind and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Enter the amount."))
        if not kind and (amount is not None or data.get("description")):
            self.add_error(self.kind_field, _("Choose from the list."))
        return data

    def line(self) -> dict | None:
        data = self.cleaned_data
        if not data or data.get("DELETE") or not data.get(self.kind_field):
            return None
        return {self.kind_field: data[self.kind_field], "amount": data["amount"], "description": data["description"]}


class FundSourceLineForm(LineForm):
    kind_field = "source_type"
    source_type = forms.ChoiceField(label=_("Source"), choices=[("", "—"), *FundSourceType.choices], required=False)
    field_order = ["source_type", "amount", "description"]


class SpendingLineForm(LineForm):
    kind_field = "direction"
    direction = forms.ChoiceField(
        label=_("Direction"), choices=[("", "—"), *SpendingDirection.choices], required=False
    )
    field_order = ["direction", "amount", "description"]


class LineFormSet(RowCountsFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove")
            form.fields["DELETE"].widget.attrs["class"] = "form-check-input"


FundSourceFormSet = forms.formset_factory(
    FundSourceLineForm, formset=LineFormSet, extra=2, can_delete=True, max_num=50, validate_max=True
)
SpendingFormSet = forms.formset_factory(
    SpendingLineForm, formset=LineFormSet, extra=2, can_delete=True, max_num=50, validate_max=True
)


def line_formsets(data=None, version=None):
    sources_initial = spending_initial = None
    if version is not None and data is None:
        sources_initial = [
            {"source_type": line.source_type, "amount": line.amount, "description": line.description}
            for line in version.fund_sources.all()
        ]
        spending_initial = [
            {"direction": line.direction, "amount": line.amount, "description": line.description}
            for line in version.spending.all()
        ]
    return (
        FundSourceFormSet(data, prefix="sources", initial=sources_initial),
        SpendingFormSet(data, prefix="spending", initial=spending_initial),
    )
