from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ngos.forms import normalize_bin
from ngos.models import NGO, Sphere
from portal.forms import PortalForm
from portal.models import Region

from ..choices import ExpertLanguage, ExpertStatus, Nominator
from ..uploads import ACCEPT_ATTRIBUTE, validate_document


class ExpertApplicationForm(PortalForm):
    full_name = forms.CharField(label=_("Full name"), max_length=200)
    phone = forms.CharField(label=pgettext_lazy("contact", "Phone"), max_length=32, required=False)
    region = forms.ModelChoiceField(label=_("Region"), queryset=Region.objects.all(), empty_label=_("Choose…"))
    spheres = forms.ModelMultipleChoiceField(
        label=_("Spheres of expertise"), queryset=Sphere.objects.all(), widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one sphere of expertise.")},
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages you can score applications in"), choices=ExpertLanguage.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("An expert works in Kazakh, Russian or both: choose at least one.")},
    )
    nominated_by = forms.ChoiceField(
        label=_("Who nominates you"), choices=Nominator.choices, widget=forms.RadioSelect,
        help_text=_("About 70 % of experts are nominated by NGOs and 30 % by the operator."),
    )
    nominating_ngo_bin = forms.CharField(
        label=_("BIN of the nominating NGO"), max_length=12, required=False,
        help_text=_("12 digits. The NGO must be in the portal's NGO database."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    position = forms.CharField(label=_("Current position and employer"), max_length=300)
    experience = forms.CharField(
        label=_("Experience in the spheres of expertise"), widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Projects you have led or evaluated, publications, years of work."),
    )
    cv = forms.FileField(
        label=_("CV"), help_text=_("PDF, DOC, DOCX or ODT."), validators=[validate_document],
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPT_ATTRIBUTE}),
    )
    consent = forms.BooleanField(
        label=_("I agree that the operator keeps my data in the expert register and publishes my name when I "
                "am drawn onto a commission."),
        error_messages={"required": _("The register cannot keep your application without your consent.")},
    )

    def __init__(self, *args, user=None, previous=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and not self.is_bound:
            self.initial.update({"full_name": user.full_name, "phone": user.phone})
        if previous is not None:
            # A declined applicant applying again starts from what they sent before; the CV may stay.
            self.fields["cv"].required = False
            self.fields["cv"].help_text = _("Leave empty to keep the CV you sent before.")
            if not self.is_bound:
                self.initial.update({
                    "region": previous.region_id, "spheres": list(previous.spheres.all()),
                    "languages": previous.languages(), "nominated_by": previous.nominated_by,
                    "nominating_ngo_bin": previous.nominating_ngo.bin if previous.nominating_ngo_id else "",
                    "position": previous.position, "experience": previous.experience,
                })

    def clean(self):
        data = super().clean()
        if data.get("nominated_by") == Nominator.NGO:
            bin_ = normalize_bin(data.get("nominating_ngo_bin") or "")
            if not bin_:
                self.add_error("nominating_ngo_bin", _("Give the BIN of the NGO that nominates you."))
            else:
                ngo = NGO.objects.filter(bin=bin_).first()
                if ngo is None:
                    self.add_error(
                        "nominating_ngo_bin", _("No NGO with this BIN is in the NGO database. Check the number."),
                    )
                data["nominating_ngo"] = ngo
        else:
            data["nominating_ngo"] = None
        return data


class ExpertDecisionForm(PortalForm):
    status = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect)
    note = forms.CharField(
        label=_("Reason"), required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required to decline or suspend: the expert reads it."),
    )

    LABELS = {
        ExpertStatus.ACTIVE: _("Approve: add to the register"),
        ExpertStatus.DECLINED: _("Decline"),
        ExpertStatus.SUSPENDED: _("Suspend"),
    }

    def __init__(self, *args, allowed=(), reinstating=False, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(self.LABELS)
        if reinstating:
            labels[ExpertStatus.ACTIVE] = _("Reinstate")
        self.fields["status"].choices = [(code, labels[code]) for code in allowed]


class RegisterFilterForm(PortalForm):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("Any"))] + list(ExpertStatus.choices),
    )
    sphere = forms.ModelChoiceField(
        label=_("Sphere"), required=False, queryset=Sphere.objects.all(), empty_label=_("All spheres"),
    )
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any"))] + list(ExpertLanguage.choices),
    )
    nominated_by = forms.ChoiceField(
        label=_("Nominated by"), required=False, choices=[("", _("Any"))] + list(Nominator.choices),
    )
    q = forms.CharField(
        label=_("Name or e-mail"), required=False
    )

    def filter(self, experts):
        if not self.is_valid():
            return experts
        data = self.cleaned_data
        if data["status"]:
            experts = experts.filter(status=data["status"])
        if data["sphere"]:
            experts = experts.filter(spheres=data["sphere"])
        if data["language"] == "kk":
            experts = experts.filter(speaks_kk=True)
        elif data["language"] == "ru":
            experts = experts.filter(speaks_ru=True)
        if data["nominated_by"]:
            experts = experts.filter(nominated_by=data["nominated_by"])
        if data["q"]:
            from django.db.models import Q

            experts = experts.filter(Q(user__full_name__icontains=data["q"]) | Q(user__email__icontains=data["q"]))
        return experts
