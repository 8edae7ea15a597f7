"""Forms of the staff pages for award rounds. Rules that need the database come from the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grants.forms import DEFAULT_DEADLINE_TIME, DEFAULT_OPENING_TIME, window_initial, window_moments
from grants.models import FiscalYear
from ngos.models import NGO
from portal.forms import MoneyField, PortalForm, PortalModelForm, text_area

from .models import Candidacy, Nomination, Round


class RoundForm(PortalModelForm):
    """The window is entered as dates and times in Astana time, as for calls."""

    opens_on = forms.DateField(label=_("Applications open on"))
    opens_time = forms.TimeField(label=_("at (Astana time)"), initial=DEFAULT_OPENING_TIME)
    closes_on = forms.DateField(label=_("Applications close on"))
    closes_time = forms.TimeField(
        label=_("at (Astana time)"), initial=DEFAULT_DEADLINE_TIME,
        help_text=_("Deadlines are usually 18:30 Astana time."),
    )
    fund = MoneyField(label=_("Total fund, tenge"), max_digits=16, decimal_places=2, min_value=1)

    class Meta:
        model = Round
        fields = ["fiscal_year", "min_award_mci", "fund", "description_kk", "description_ru", "description_en"]
        widgets = {"description_kk": text_area(6), "description_ru": text_area(6), "description_en": text_area(6)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["fiscal_year"].queryset = FiscalYear.objects.order_by("-year")
        self.fields["fiscal_year"].label_from_instance = lambda year: _("%(year)s (MCI %(mci)s ₸)") % {
            "year": year.year, "mci": year.mci,
        }
        for name in ("description_kk", "description_ru"):
            self.fields[name].required = True
        if self.instance.pk:
            self.initial.update(window_initial(self.instance))

    def clean(self):
        data = super().clean()
        window_moments(data)
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in [*self.Meta.fields, "opens_at", "closes_at"]}

    def _post_clean(self):
        # The service decides about uniqueness and the window; skip ModelForm's instance validation.
        pass


class NewRoundForm(RoundForm):
    with_default_nominations = forms.BooleanField(
        label=_("Start with the nominations of 2017"), required=False, initial=True,
        help_text=_("Fifteen spheres, one award of the minimum amount each; edit or delete them before announcing."),
    )

    def service_fields(self) -> dict:
        return {**super().service_fields(), "with_default_nominations": self.cleaned_data["with_default_nominations"]}


class NominationForm(PortalModelForm):
    amount = MoneyField(
        label=_("Amount of one award, tenge"), max_digits=16, decimal_places=2, min_value=1,
        help_text=_("Several winners of one award share it equally."),
    )

    class Meta:
        model = Nomination
        fields = ["title_kk", "title_ru", "title_en", "description_kk", "description_ru", "description_en", "awards",
                  "amount"]
        widgets = {"description_kk": text_area(4), "description_ru": text_area(4), "description_en": text_area(4)}

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        pass


class CandidacyForm(PortalModelForm):
    class Meta:
        model = Candidacy
        fields = ["language", "activities", "results", "links", "support_letters"]
        widgets = {"activities": text_area(8), "results": text_area(6), "links": text_area(3),
                   "support_letters": text_area(4)}
        help_texts = {
            "activities": _("What the NGO did in the past years that earns the award, in Kazakh or Russian."),
            "results": _("What changed, for whom, with figures: people reached, events, publications."),
        }

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        pass


class WithdrawForm(PortalForm):
    reason = forms.CharField(label=_("Reason for withdrawal"), widget=text_area(3))


class ProposalForm(PortalForm):
    bin = forms.CharField(
        label=_("BIN of the NGO"), min_length=12, max_length=12,
        help_text=_("Twelve digits; find it on the NGO's page in the NGO database."),
    )
    reason = forms.CharField(label=_("Why this NGO deserves the award"), widget=text_area(5))

    def clean_bin(self):
        bin_number = self.cleaned_data["bin"].strip()
        ngo = NGO.objects.filter(bin=bin_number).first()
        if ngo is None:
            raise forms.ValidationError(_("No NGO with this BIN is in the NGO database."))
        self.ngo = ngo
        return bin_number
