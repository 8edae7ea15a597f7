"""Forms of the staff pages for award rounds. Rules that need the database come from the services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from evaluations.choices import Attendance, ExpertStatus
from evaluations.forms.scoring import DeclarationForm
from evaluations.models import Expert
from grants.forms import DEFAULT_DEADLINE_TIME, DEFAULT_OPENING_TIME, window_initial, window_moments
from grants.models import FiscalYear
from ngos.models import NGO
from portal.forms import IntegerField, MoneyField, PortalForm, PortalModelForm, text_area

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


# --- The working group and the expert's sheet ----------------------------------------------------------


class GroupDrawForm(PortalForm):
    size = IntegerField(label=_("Members"), min_value=1, max_value=15, initial=3)
    reserves = IntegerField(label=_("Reserves"), min_value=0, max_value=15, initial=2)
    observers = forms.CharField(label=_("Observers of the draw"), widget=text_area(3),
                                help_text=_("One name per line."))
    seed = forms.CharField(label=_("Seed"), required=False, max_length=64,
                           help_text=_("Leave empty for the portal to generate one, or type the one the observers "
                                       "chose."))


class GroupAppointForm(PortalForm):
    members = forms.ModelMultipleChoiceField(label=_("Members"), queryset=Expert.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)
    reserves = forms.ModelMultipleChoiceField(label=_("Reserves"), required=False,
                                              queryset=Expert.objects.none(), widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        experts = Expert.objects.filter(status=ExpertStatus.ACTIVE).select_related("user").order_by(
            "user__full_name", "pk")
        for name in ("members", "reserves"):
            self.fields[name].queryset = experts
        self.fit_fields()


class CandidacyDeclarationForm(DeclarationForm):
    """The grant commissions' declaration, in the words of a candidacy."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["has_conflict"].choices = [
            ("no", _("I have no conflict of interest with this candidacy")),
            ("yes", _("I have a conflict of interest with this candidacy")),
        ]


# --- The council ---------------------------------------------------------------------------------------------


class MeetingOpenForm(PortalForm):
    held_at = forms.DateTimeField(label=_("Date and time (Astana time)"),
                                  input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"])
    place = forms.CharField(label=_("Place"), max_length=300,
                            help_text=_("Address, or the link for remote participation."))


class AttendanceForm(PortalForm):
    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            self.fields[f"member_{row.member_id}"] = forms.ChoiceField(
                label=row.member.get_full_name() or row.member.email, choices=Attendance.choices,
                initial=row.attendance)
        self.fit_fields()

    def attendance(self) -> dict:
        return {row.member_id: self.cleaned_data[f"member_{row.member_id}"] for row in self.rows}


class NominationDecisionForm(PortalForm):
    winners = forms.ModelMultipleChoiceField(label=_("Winners"), required=False, queryset=Candidacy.objects.none(),
                                             widget=forms.CheckboxSelectMultiple,
                                             help_text=_("Several winners share the nomination's amount equally."))
    rationale = forms.CharField(label=_("Rationale of the council"), required=False, widget=text_area(3),
                                help_text=_("Required where the decision departs from the experts' ranking."))

    def __init__(self, *args, ranking, **kwargs):
        super().__init__(*args, **kwargs)
        self.ranking = ranking
        self.fields["winners"].queryset = Candidacy.objects.filter(pk__in=[r.candidacy.pk for r in ranking.rows])
        self.fields["winners"].choices = [(r.candidacy.pk, f"{r.candidacy.number} {r.candidacy.ngo.name}")
                                          for r in ranking.rows]
        if ranking.decision is not None:
            self.initial = {"winners": [a.candidacy_id for a in ranking.decision.awards.all()],
                            "rationale": ranking.decision.rationale}
        else:
            self.initial = {"winners": [c.pk for c in ranking.recommended]}
        self.fit_fields()
