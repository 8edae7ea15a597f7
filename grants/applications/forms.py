"""The forms of the application pages. A draft is lenient: empty fields are saved and listed on the check page;
only what cannot be stored (a date or a number that is not one) stops a save, with a message on the field."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from ngos.models import NGO
from portal.forms import TEXT_LIMIT, DecimalInput, MoneyField, NumberField, PortalForm, PortalModelForm, set_limit
from portal.formsets import RowCountsFormSet

from . import files
from .choices import ApplicationLanguage, BudgetCategory, DocumentKind, Section
from .models import Application
from .plan import ActivityPlanFormSet

TEXTAREA = {"rows": 6}
SHORT_TEXTAREA = {"rows": 2}


def _number_field(label, **kwargs):
    return NumberField(label=label, required=False, max_digits=14, decimal_places=2, **kwargs)


# Limits that fit each text: a summary is a few sentences, a section a few pages.
SUMMARY_LIMIT = 2000


class ScalarSectionForm(PortalModelForm):
    """A section made of the application's own fields."""

    section: str
    limits: dict[str, int] = {}

    def __init__(self, *args, application: Application, **kwargs):
        super().__init__(*args, instance=application, **kwargs)
        for name, field in self.fields.items():
            if isinstance(field.widget, forms.Textarea):
                set_limit(field, self.limits.get(name, TEXT_LIMIT))
        self.fit_fields()  # the counter for the limits just set

    def payload(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class OverviewForm(ScalarSectionForm):
    section = Section.OVERVIEW
    limits = {"summary": SUMMARY_LIMIT}

    class Meta:
        model = Application
        fields = ["title", "summary", "language"]
        widgets = {
            "summary": forms.Textarea(attrs=TEXTAREA),
            "language": forms.RadioSelect(choices=ApplicationLanguage.choices),
        }
        help_texts = {
            "summary": _("What the project does, for whom, and what will change: a few sentences."),
            "language": _("The application is examined in this language; its receipt is issued in it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = ApplicationLanguage.choices


class ProblemForm(ScalarSectionForm):
    section = Section.PROBLEM

    class Meta:
        model = Application
        fields = ["problem", "goals"]
        widgets = {"problem": forms.Textarea(attrs=TEXTAREA), "goals": forms.Textarea(attrs=TEXTAREA)}


class BeneficiariesForm(ScalarSectionForm):
    section = Section.BENEFICIARIES

    class Meta:
        model = Application
        fields = ["target_groups", "beneficiaries_count"]
        widgets = {
            "target_groups": forms.Textarea(attrs=TEXTAREA),
            "beneficiaries_count": forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
        }
        help_texts = {"beneficiaries_count": _("People who will take part in or directly benefit from the project.")}


class TeamForm(ScalarSectionForm):
    section = Section.TEAM

    class Meta:
        model = Application
        fields = ["team"]
        widgets = {"team": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"team": _("Who will do the work: names, roles in the project and relevant experience.")}


class PartnersForm(ScalarSectionForm):
    section = Section.PARTNERS

    class Meta:
        model = Application
        fields = ["partners"]
        widgets = {"partners": forms.Textarea(attrs=TEXTAREA)}
        help_texts = {"partners": _("Organisations you will work with and what each contributes.")}


class RisksForm(ScalarSectionForm):
    section = Section.RISKS

    class Meta:
        model = Application
        fields = ["risks", "sustainability"]
        widgets = {"risks": forms.Textarea(attrs=TEXTAREA), "sustainability": forms.Textarea(attrs=TEXTAREA)}


class DeclarationsForm(ScalarSectionForm):
    section = Section.DECLARATIONS

    class Meta:
        model = Application
        fields = ["declares_accuracy", "declares_eligibility", "consents_publication"]
        labels = {
            "declares_accuracy": _("I confirm that the information in this application and its documents is true "
                                   "and complete."),
            "declares_eligibility": _("I confirm that the NGO is not being liquidated, is not bankrupt, and that its "
                                      "property is not under arrest and its operations are not suspended."),
            "consents_publication": _("I agree that the project title, the NGO's name, the amount requested and the "
                                      "screening result are published on the portal."),
        }


class ActivityRowForm(PortalForm):
    activity = forms.CharField(label=_("Activity"), max_length=500, required=False)
    starts_on = forms.DateField(label=_("Start"), required=False)
    ends_on = forms.DateField(label=_("End"), required=False)
    outputs = forms.CharField(label=_("Outputs"), required=False, widget=forms.Textarea(attrs=SHORT_TEXTAREA))


class BudgetRowForm(PortalForm):
    category = forms.ChoiceField(
        label=_("Category"), required=False, choices=[("", "—")] + list(BudgetCategory.choices)
    )
    description = forms.CharField(label=_("Description"), max_length=500, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    quantity = NumberField(
        label=_("Quantity"), required=False, min_value=Decimal("0"), max_digits=12, decimal_places=2,
        widget=DecimalInput(attrs={"data-budget": "quantity"}),
    )
    unit_cost = MoneyField(label=_("Unit cost, ₸"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit_cost"].widget.attrs.update({"data-budget": "unit_cost", "size": 11})
        self.fields["category"].widget.attrs["data-budget"] = "category"
        # Small intrinsic widths so that the whole row fits; the cells' CSS sets the rest.
        self.fields["description"].widget.attrs["size"] = 16
        self.fields["unit"].widget.attrs["size"] = 5
        self.fields["quantity"].widget.attrs["size"] = 6


class LotIndicatorRowForm(PortalForm):
    lot_indicator_id = forms.IntegerField(widget=forms.HiddenInput)
    baseline = _number_field(_("Baseline"), min_value=Decimal("0"))
    target = _number_field(_("Target"), min_value=Decimal("0"))
    verification = forms.CharField(label=_("Means of verification"), max_length=500, required=False)


class ExtraIndicatorRowForm(PortalForm):
    name = forms.CharField(label=_("Indicator"), max_length=500, required=False)
    unit = forms.CharField(label=_("Unit"), max_length=60, required=False)
    baseline = _number_field(_("Baseline"), min_value=Decimal("0"))
    target = _number_field(_("Target"), min_value=Decimal("0"))
    verification = forms.CharField(label=_("Means of verification"), max_length=500, required=False)


ActivityFormSet = forms.formset_factory(
    ActivityRowForm, formset=ActivityPlanFormSet, extra=1, can_delete=True, max_num=200, absolute_max=200
)
BudgetFormSet = forms.formset_factory(
    BudgetRowForm, formset=RowCountsFormSet, extra=1, can_delete=True, max_num=300, absolute_max=300
)
LotIndicatorFormSet = forms.formset_factory(
    LotIndicatorRowForm, formset=RowCountsFormSet, extra=0, max_num=100, absolute_max=100
)
ExtraIndicatorFormSet = forms.formset_factory(
    ExtraIndicatorRowForm, formset=RowCountsFormSet, extra=1, can_delete=True, max_num=100, absolute_max=100
)


def unbound_only(data, initial):
    """Rows saved so far fill the page; a posted form is read as posted. (Given both, Django would take a
    posted row equal to a saved one for an untouched blank row, and drop it.)"""
    return initial if data is None else None


def _kept_rows(formset, fields) -> list[dict]:
    """Rows with anything typed in them, in the order shown; removed and blank rows are dropped."""
    rows = []
    for form in formset.forms:
        data = form.cleaned_data
        if not data or data.get("DELETE"):
            continue
        row = {name: data.get(name) for name in fields}
        if any(value not in (None, "") for value in row.values()):
            rows.append(row)
    return rows


class RowsSectionForm:
    """A section of rows (one or two formsets) with the same surface as a form: is_valid(), payload()."""

    section: str

    def __init__(self, data=None, *, application: Application):
        self.application = application
        self.formsets = self.build(data, application)

    def is_valid(self) -> bool:
        return all(fs.is_valid() for fs in self.formsets.values())

    @property
    def error_messages(self) -> list[str]:
        messages = []
        for formset in self.formsets.values():
            for number, form in enumerate(formset.forms, start=1):
                for name, errors in form.errors.items():
                    label = form.fields[name].label if name in form.fields else ""
                    for error in errors:
                        messages.append(_("Row %(number)d, %(field)s: %(error)s")
                                        % {"number": number, "field": label, "error": error})
            messages += [str(e) for e in formset.non_form_errors()]
        return messages


class ActivitiesForm(RowsSectionForm):
    section = Section.ACTIVITIES
    FIELDS = ("activity", "starts_on", "ends_on", "outputs")

    def build(self, data, application):
        initial = [{name: getattr(a, name) for name in self.FIELDS} for a in application.activities.all()]
        rows = ActivityFormSet(data, initial=unbound_only(data, initial), prefix="rows")
        rows.lot = application.lot
        return {"rows": rows}

    def payload(self):
        return {"rows": _kept_rows(self.formsets["rows"], self.FIELDS)}


class BudgetForm(RowsSectionForm):
    section = Section.BUDGET
    FIELDS = ("category", "description", "unit", "quantity", "unit_cost")

    def build(self, data, application):
        initial = [{name: getattr(b, name) for name in self.FIELDS} for b in application.budget_lines.all()]
        return {"rows": BudgetFormSet(data, initial=unbound_only(data, initial), prefix="rows")}

    def payload(self):
        return {"rows": _kept_rows(self.formsets["rows"], self.FIELDS)}


class IndicatorsForm(RowsSectionForm):
    section = Section.INDICATORS
    LOT_FIELDS = ("lot_indicator_id", "baseline", "target", "verification")
    EXTRA_FIELDS = ("name", "unit", "baseline", "target", "verification")

    def build(self, data, application):
        given = {row.lot_indicator_id: row for row in application.indicators.all() if row.lot_indicator_id}
        self.lot_indicators = list(application.lot.indicators.all())
        lot_initial = [
            {
                "lot_indicator_id": indicator.pk,
                "baseline": getattr(given.get(indicator.pk), "baseline", None),
                "target": getattr(given.get(indicator.pk), "target", None),
                "verification": getattr(given.get(indicator.pk), "verification", ""),
            }
            for indicator in self.lot_indicators
        ]
        extra_initial = [
            {name: getattr(row, name) for name in self.EXTRA_FIELDS}
            for row in application.indicators.all()
            if not row.lot_indicator_id
        ]
        return {
            "lot": LotIndicatorFormSet(data, initial=unbound_only(data, lot_initial), prefix="lot"),
            "extra": ExtraIndicatorFormSet(data, initial=unbound_only(data, extra_initial), prefix="extra"),
        }

    def lot_rows(self):
        return list(zip(self.lot_indicators, self.formsets["lot"].forms, strict=False))

    def payload(self):
        rows = [
            {
                "lot_indicator_id": form.cleaned_data["lot_indicator_id"],
                **{name: form.cleaned_data.get(name) for name in ("baseline", "target")},
                "verification": form.cleaned_data.get("verification", ""),
            }
            for form in self.formsets["lot"].forms
            if form.cleaned_data.get("lot_indicator_id")
        ]
        extra = _kept_rows(self.formsets["extra"], self.EXTRA_FIELDS)
        return {"rows": rows + [{**row, "lot_indicator_id": None} for row in extra]}


SECTION_FORMS = {
    Section.OVERVIEW: OverviewForm,
    Section.PROBLEM: ProblemForm,
    Section.BENEFICIARIES: BeneficiariesForm,
    Section.ACTIVITIES: ActivitiesForm,
    Section.INDICATORS: IndicatorsForm,
    Section.TEAM: TeamForm,
    Section.PARTNERS: PartnersForm,
    Section.RISKS: RisksForm,
    Section.BUDGET: BudgetForm,
    Section.DECLARATIONS: DeclarationsForm,
}


def section_form(section: str, application: Application, data=None):
    return SECTION_FORMS[section](data, application=application)


def form_errors(form) -> list[str]:
    """Every error of a section form, each naming its field, for the autosave status line."""
    if isinstance(form, RowsSectionForm):
        return form.error_messages
    messages = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else ""
        messages += [f"{label}: {error}" if label else str(error) for error in errors]
    return messages


# The section's version is a PositiveIntegerField: anything beyond it is no version this page sent.
MAX_VERSION = 2**31 - 1


class VersionForm(forms.Form):
    version = forms.IntegerField(min_value=0, max_value=MAX_VERSION)

    REFUSAL = _("This page is out of date or was changed before sending. Copy what you typed, reload the page and "
                "save again.")


class StartForm(PortalForm):
    ngo = forms.ModelChoiceField(label=_("Apply on behalf of"), queryset=NGO.objects.none(), empty_label=None)

    def __init__(self, *args, ngos, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ngo"].queryset = ngos


class DocumentUploadForm(PortalForm):
    kind = forms.ChoiceField(label=_("Type of document"), choices=DocumentKind.choices)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, DOCX, XLSX, JPG or PNG; the format is checked by the file's content."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        files.validate_upload(upload)
        return upload


class DocumentReplaceForm(PortalForm):
    file = forms.FileField(label=_("New file"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        files.validate_upload(upload)
        return upload


class WithdrawForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason for withdrawal"), widget=forms.Textarea(attrs={"rows": 4}), max_length=2000,
        help_text=_("The reason is kept with the application. You may submit again until the deadline."),
    )
