"""Forms of the grants pages. Rules that need the database (MCI limits, codes) come from the services,
so a form and a service can never disagree."""

from datetime import datetime, time
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from ngos.models import NGO
from portal import money
from portal.formatting import ASTANA
from portal.forms import (
    NOTE_LIMIT,
    IntegerField,
    MoneyField,
    NumberField,
    PortalForm,
    PortalModelForm,
    RowForm,
    text_area,
)

from .choices import CommentResolution, DocumentKind, QuestionLanguage
from .models import (
    CalendarDay,
    Call,
    Customer,
    FiscalYear,
    Lot,
    PriorityDirection,
)
from .rows import RowSet
from .selectors import lots_in_order
from .services import lots as lot_services
from .uploads import validate_document

DEFAULT_OPENING_TIME = time(9, 0)
DEFAULT_DEADLINE_TIME = time(18, 30)


def astana_moment(day, at: time) -> datetime:
    return datetime.combine(day, at, tzinfo=ASTANA)


def window_initial(instance) -> dict:
    """The date and time fields of a saved window (a call's, an award round's), in Astana time."""
    opens, closes = instance.opens_at.astimezone(ASTANA), instance.closes_at.astimezone(ASTANA)
    return {"opens_on": opens.date(), "opens_time": opens.time(), "closes_on": closes.date(),
            "closes_time": closes.time()}


def window_moments(data: dict) -> None:
    """`opens_at` and `closes_at` from the typed dates and times, where both halves were valid."""
    for edge in ("opens", "closes"):
        if data.get(f"{edge}_on") and data.get(f"{edge}_time") is not None:
            data[f"{edge}_at"] = astana_moment(data[f"{edge}_on"], data[f"{edge}_time"])


class CallForm(PortalModelForm):
    """Opening and closing are entered as a date and a time in Astana time."""

    opens_on = forms.DateField(label=_("Applications open on"))
    opens_time = forms.TimeField(
        label=_("at (Astana time)"), initial=DEFAULT_OPENING_TIME
    )
    closes_on = forms.DateField(label=_("Applications close on"))
    closes_time = forms.TimeField(
        label=_("at (Astana time)"), initial=DEFAULT_DEADLINE_TIME,
        help_text=_("Deadlines are usually 18:30 Astana time."),
    )

    class Meta:
        model = Call
        fields = [
            "customer", "fiscal_year", "number", "title_kk", "title_ru", "title_en", "description_kk",
            "description_ru", "description_en",
        ]
        widgets = {"description_kk": text_area(6), "description_ru": text_area(6), "description_en": text_area(6)}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("description_kk", "description_ru"):
            self.fields[name].required = True
        if self.instance.pk:
            self.initial.update(window_initial(self.instance))

    def clean(self):
        data = super().clean()
        window_moments(data)
        if data.get("opens_at") and data.get("closes_at") and data["closes_at"] <= data["opens_at"]:
            self.add_error("closes_on", _("Applications must close after they open."))
        return data

    def service_fields(self) -> dict:
        data = self.cleaned_data
        return {name: data[name] for name in [*self.Meta.fields, "opens_at", "closes_at"]}

    def _post_clean(self):
        # The service decides about uniqueness and the model's own checks; skip ModelForm's instance validation.
        pass


class DocumentForm(PortalForm):
    kind = forms.ChoiceField(label=_("Type"), choices=DocumentKind.choices)
    title_kk = forms.CharField(label=_("Title (Kazakh)"), max_length=300)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=300)
    title_en = forms.CharField(label=_("Title (English)"), max_length=300, required=False)
    file = forms.FileField(
        label=_("File"), help_text=_("PDF, DOCX, XLSX, ODT, ODS, DOC or XLS.")
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.content_type = validate_document(upload)
        return upload


class ReasonsForm(PortalForm):
    reason_kk = forms.CharField(label=_("Reason (Kazakh)"), widget=text_area(3), max_length=NOTE_LIMIT)
    reason_ru = forms.CharField(label=_("Reason (Russian)"), widget=text_area(3), max_length=NOTE_LIMIT)
    reason_en = forms.CharField(label=_("Reason (English)"), widget=text_area(3), required=False,
                                max_length=NOTE_LIMIT)


class ExtendForm(ReasonsForm):
    new_closes_on = forms.DateField(label=_("New closing date"))
    new_closes_time = forms.TimeField(label=_("at (Astana time)"), initial=DEFAULT_DEADLINE_TIME)

    field_order = ["new_closes_on", "new_closes_time", "reason_kk", "reason_ru", "reason_en"]

    def clean(self):
        data = super().clean()
        if data.get("new_closes_on") and data.get("new_closes_time") is not None:
            data["new_closes_at"] = astana_moment(data["new_closes_on"], data["new_closes_time"])
        return data


class CancelForm(ReasonsForm):
    pass


class CloneForm(PortalForm):
    fiscal_year = forms.ModelChoiceField(label=_("Year of the new call"), queryset=FiscalYear.objects.all())
    number = IntegerField(label=_("Number of the new call"), min_value=1, max_value=999)


class LotForm(PortalModelForm):
    budget = MoneyField(label=_("Budget, tenge"), min_value=Decimal("0.01"))

    class Meta:
        model = Lot
        fields = [
            "code", "direction", "title_kk", "title_ru", "title_en", "region", "grant_type", "term_months", "budget",
            "grants_count", "problem_kk", "problem_ru", "problem_en", "target_groups_kk", "target_groups_ru",
            "target_groups_en", "expected_results_kk", "expected_results_ru", "expected_results_en",
            "requirements_kk", "requirements_ru", "requirements_en",
        ]
        widgets = {
            name: text_area(3)
            for name in (
                "problem_kk", "problem_ru", "problem_en", "target_groups_kk", "target_groups_ru", "target_groups_en",
                "expected_results_kk", "expected_results_ru", "expected_results_en", "requirements_kk",
                "requirements_ru", "requirements_en",
            )
        }

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        self.fields["direction"].queryset = PriorityDirection.objects.filter(
            direction_list__customer=call.customer_id, direction_list__fiscal_year=call.fiscal_year_id
        ).order_by("number")
        self.fields["region"].empty_label = _("National (the whole country)")
        self.fields["budget"].widget.attrs["data-lot-budget"] = ""
        self.fields["grants_count"].required = False
        if not self.instance.pk:
            self.initial.setdefault("code", f"{call.fiscal_year.year}-")

    def clean(self):
        data = super().clean()
        for field, message in lot_services.lot_rule_errors(call=self.call, lot=self.instance.pk and self.instance,
                                                           fields=data).items():
            if field not in self.errors:
                self.add_error(field, message)
        return data

    def _post_clean(self):
        pass


class IndicatorForm(RowForm):
    name_kk = forms.CharField(label=_("Indicator (Kazakh)"), max_length=500)
    name_ru = forms.CharField(label=_("Indicator (Russian)"), max_length=500)
    unit_kk = forms.CharField(label=_("Unit (Kazakh)"), max_length=60)
    unit_ru = forms.CharField(label=_("Unit (Russian)"), max_length=60)
    target_value = NumberField(label=_("Target value"), max_digits=14, decimal_places=2, min_value=Decimal("0"))


class JustificationLineForm(RowForm):
    item_kk = forms.CharField(label=_("Item (Kazakh)"), max_length=500)
    item_ru = forms.CharField(label=_("Item (Russian)"), max_length=500)
    unit_kk = forms.CharField(label=_("Unit (Kazakh)"), max_length=60)
    unit_ru = forms.CharField(label=_("Unit (Russian)"), max_length=60)
    quantity = NumberField(label=_("Quantity"), max_digits=12, decimal_places=2, min_value=Decimal("0.01"))
    unit_cost = MoneyField(label=_("Unit cost, tenge"))
    source_kk = forms.CharField(label=_("Source or norm (Kazakh)"), max_length=500)
    source_ru = forms.CharField(label=_("Source or norm (Russian)"), max_length=500)

    def amount(self) -> Decimal | None:
        try:
            quantity = NumberField().to_python(self["quantity"].value())
            unit_cost = NumberField().to_python(self["unit_cost"].value())
        except ValidationError:
            return None
        if quantity is None or unit_cost is None:
            return None
        return money.line_amount(quantity, unit_cost)


def indicator_rows(*, data=None, lot: Lot | None = None) -> RowSet:
    initial = [
        {name: getattr(i, name) for name in IndicatorForm.base_fields} for i in (lot.indicators.all() if lot else [])
    ]
    if data is None and not initial:
        initial = [{}]
    return RowSet(IndicatorForm, "indicators", data=data, initial=initial)


def justification_rows(*, data=None, lot: Lot | None = None) -> RowSet:
    initial = [
        {name: getattr(line, name) for name in JustificationLineForm.base_fields}
        for line in (lot.justification_lines.all() if lot else [])
    ]
    if data is None and not initial:
        initial = [{}]
    return RowSet(JustificationLineForm, "lines", data=data, initial=initial)


ROW_FORMS = {"indicators": IndicatorForm, "lines": JustificationLineForm}


# --- Clarifications ----------------------------------------------------------------------------


class ClarificationForm(PortalForm):
    ngo = forms.ModelChoiceField(label=_("On behalf of"), queryset=NGO.objects.none())
    lot = forms.ModelChoiceField(
        label=_("Lot"), queryset=Lot.objects.none(), required=False, empty_label=_("The whole call")
    )
    language = forms.ChoiceField(label=_("Language of the question"), choices=QuestionLanguage.choices)
    question = forms.CharField(label=_("Your question"), widget=text_area(5), max_length=4000)

    def __init__(self, *args, user, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ngo"].queryset = NGO.objects.filter(memberships__user=user).order_by("name_ru")
        self.fields["lot"].queryset = lots_in_order().filter(call=call)
        self.fields["lot"].label_from_instance = lambda lot: f"{lot.code} {lot.title}"


class ClarificationAnswerForm(PortalForm):
    question_kk = forms.CharField(label=_("Question as published (Kazakh)"), widget=text_area(3))
    question_ru = forms.CharField(label=_("Question as published (Russian)"), widget=text_area(3))
    answer_kk = forms.CharField(label=_("Answer (Kazakh)"), widget=text_area(5))
    answer_ru = forms.CharField(label=_("Answer (Russian)"), widget=text_area(5))


# --- Priority directions -----------------------------------------------------------------------


class DirectionListForm(PortalForm):
    customer = forms.ModelChoiceField(label=_("Customer"), queryset=Customer.objects.order_by("name_ru"))
    fiscal_year = forms.ModelChoiceField(label=_("Year"), queryset=FiscalYear.objects.all())


class DirectionForm(RowForm):
    number = IntegerField(label=_("No."), min_value=1, max_value=99)
    title_kk = forms.CharField(label=_("Title (Kazakh)"), max_length=500)
    title_ru = forms.CharField(label=_("Title (Russian)"), max_length=500)
    description_kk = forms.CharField(label=_("Description (Kazakh)"), widget=text_area(2), required=False)
    description_ru = forms.CharField(label=_("Description (Russian)"), widget=text_area(2), required=False)


def direction_rows(*, data=None, direction_list=None) -> RowSet:
    initial = [
        {name: getattr(d, name) for name in DirectionForm.base_fields}
        for d in (direction_list.directions.all() if direction_list else [])
    ]
    if data is None and not initial:
        initial = [{"number": 1}]
    return RowSet(DirectionForm, "directions", data=data, initial=initial)


class DiscussionForm(PortalForm):
    starts_on = forms.DateField(label=_("Discussion starts on"))
    ends_on = forms.DateField(
        label=_("Discussion ends on"),
        help_text=_("At least 10 working days after the start (weekends and public holidays do not count)."),
    )


class CommentForm(PortalForm):
    text = forms.CharField(label=_("Your comment"), widget=text_area(4), max_length=4000)


class CommentAnswerForm(PortalForm):
    resolution = forms.ChoiceField(
        label=_("Decision"),
        choices=[(c.value, c.label) for c in CommentResolution if c != CommentResolution.PENDING],
        widget=forms.RadioSelect,
    )
    response = forms.CharField(label=pgettext_lazy("justification", "Reason"), widget=text_area(3), max_length=4000)


# --- Calendar and years ------------------------------------------------------------------------


class CalendarDayForm(PortalModelForm):
    class Meta:
        model = CalendarDay
        fields = ["date", "kind", "name_kk", "name_ru", "name_en"]

    def _post_clean(self):
        pass  # the service replaces an existing day with the same date


class FiscalYearForm(PortalForm):
    year = IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    mci = MoneyField(label=_("MCI, tenge"), max_digits=10, decimal_places=2, min_value=Decimal("1"))
