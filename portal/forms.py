"""The one form base of the portal: every form derives from PortalForm or PortalModelForm.

What the base guarantees for every field, so that no form can forget it:
- dates, times and moments render in ISO in <input type="date|time|datetime-local"> (a localised
  `10.01.2027` in a date input shows as empty, and saving again wipes it);
- numbers are read the same in every language: the decimal comma or the dot, spaces between
  thousands, ASCII digits only after NFKC (`¹²` is not 12); anything ambiguous is refused;
- every text has a length limit that the browser shows with a counter (static/js/char-count.js);
- Bootstrap classes, and errors and help tied to the input for screen readers.
"""

import re
import unicodedata
from decimal import Decimal

from allauth.account.forms import ChangeEmailForm
from django import forms
from django.core import validators
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.utils.formats import number_format
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .models import User

# Length limits by purpose; a field may set its own max_length.
LINE_LIMIT = 300  # a name, a title, a place, a source
URL_LIMIT = 500
NOTE_LIMIT = 4000  # a reason, a question, an answer, a comment
TEXT_LIMIT = 10000  # a section of an application, a description, minutes' text
COUNTER_FROM = 100  # shorter limits (a code, a unit) need no counter

_SPACES = re.compile(r"[\s']+")  # spaces (NFKC turns NBSP and narrow NBSP into spaces) and 1'234
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?", re.ASCII)
_INTEGER = re.compile(r"[+-]?\d+", re.ASCII)


def normalized(value: str) -> str:
    """What was typed, with full-width and superscript digits and exotic spaces made plain (NFKC)."""
    return unicodedata.normalize("NFKC", value or "").replace("\u2212", "-").strip()


def digits_only(value: str, *, drop: str = " -") -> str | None:
    """The ASCII digits of an identifier typed with spaces or dashes (a BIN), or None if anything else is in it."""
    text = "".join(ch for ch in normalized(value) if ch not in drop and not ch.isspace())
    return text if re.fullmatch(r"\d*", text, re.ASCII) else None


AMBIGUOUS_NUMBER = _("Type the number with one decimal separator and spaces between thousands, for example "
                     "1 234,5.")


NOT_A_NUMBER = _("Enter a number.")


def parse_number(value: str, *, invalid=NOT_A_NUMBER) -> Decimal | None:
    """A decimal as people type it in any of the three languages: `1 234 567,89`, `1234567.89`, `1,5`.

    The comma is always the decimal separator (never a thousands one: in English "1,5" would otherwise
    become 15); more than one separator (`1,234,5`, `1.234,5`) is refused rather than guessed."""
    text = _SPACES.sub("", normalized(value))
    if not text:
        return None
    if text.count(",") + text.count(".") > 1:
        raise ValidationError(AMBIGUOUS_NUMBER, code="ambiguous")
    text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        raise ValidationError(invalid, code="invalid")
    return Decimal(text)


def plain_decimal(value):
    """A Decimal as an input's value: a dot, no grouping, no exponent (`1234567.5`, `15`)."""
    if isinstance(value, Decimal) and value.is_finite():
        return f"{value.normalize():f}" if value == value.to_integral() else f"{value:f}"
    return value


# --- Widgets: one for each kind of value that must round-trip unchanged ---------------------------------


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class DecimalInput(forms.TextInput):
    """Decimals go in a text input: type="number" refuses the decimal comma in some browsers."""

    def __init__(self, attrs=None):
        super().__init__({"inputmode": "decimal", "autocomplete": "off", **(attrs or {})})


class IntegerInput(forms.NumberInput):
    def __init__(self, attrs=None):
        super().__init__({"inputmode": "numeric", **(attrs or {})})


# --- Fields ---------------------------------------------------------------------------------------------


class NumberField(forms.DecimalField):
    """A decimal read by parse_number, rendered with a dot and without grouping."""

    widget = DecimalInput

    def __init__(self, **kwargs):
        kwargs.pop("localize", None)  # Django's localised parsing reads "1,5" as 15 in English
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = parse_number(value, invalid=self.error_messages["invalid"])
        return super().to_python(value)

    def prepare_value(self, value):
        return plain_decimal(value)


class MoneyField(NumberField):
    """Tenge as people type them: 1 234 567,89 or 1234567.89."""

    default_error_messages = {"invalid": _("Enter an amount in tenge, for example 1 234 567,89.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_digits", 16)
        kwargs.setdefault("decimal_places", 2)
        kwargs.setdefault("min_value", Decimal("0"))
        super().__init__(**kwargs)


class IntegerField(forms.IntegerField):
    """A whole number in ASCII digits (after NFKC); spaces between thousands are allowed."""

    widget = IntegerInput

    def __init__(self, **kwargs):
        kwargs.pop("localize", None)
        super().__init__(**kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            text = _SPACES.sub("", normalized(value))
            if not text:
                return None
            if not _INTEGER.fullmatch(text):
                raise ValidationError(self.error_messages["invalid"], code="invalid")
            value = int(text)
        return super().to_python(value)


def _fit(field: forms.Field) -> None:
    """Give a field built by Django (a model form's, or one added in __init__) the portal's behaviour."""
    widget = field.widget
    if isinstance(widget, forms.HiddenInput | forms.MultipleHiddenInput):
        return
    if type(field) is forms.DecimalField:
        field.__class__ = NumberField  # same state, the portal's parsing; NumberField adds no attributes
    elif type(field) is forms.IntegerField:
        field.__class__ = IntegerField
    if isinstance(field, NumberField | IntegerField):
        field.localize = widget.is_localized = False
        if isinstance(field, NumberField) and isinstance(widget, forms.NumberInput):
            field.widget = DecimalInput(attrs={**widget.attrs, "inputmode": "decimal"})
            field.widget.attrs.pop("step", None)
    iso = {forms.DateTimeField: DateTimeInput, forms.DateField: DateInput, forms.TimeField: TimeInput}
    for kind, iso_widget in iso.items():
        if isinstance(field, kind):
            if not isinstance(field.widget, iso_widget):
                attrs = {k: v for k, v in field.widget.attrs.items() if k != "type"}
                field.widget = iso_widget(attrs=attrs)
            break
    if isinstance(field, forms.CharField) and not isinstance(field, forms.ChoiceField):
        _limit(field)


def _limit(field: forms.CharField) -> None:
    if field.max_length is None:
        if isinstance(field, forms.URLField):
            set_limit(field, URL_LIMIT)
        else:
            # Long enough for what is already stored (call texts, terms of reference); a field for a short
            # note (a reason, a question) says so with its own max_length.
            set_limit(field, TEXT_LIMIT if isinstance(field.widget, forms.Textarea) else LINE_LIMIT)
    field.widget.attrs["maxlength"] = str(field.max_length)
    if field.max_length >= COUNTER_FROM and not isinstance(field.widget, forms.PasswordInput):
        # The counter's sentence, in the page's language; the script puts the number in.
        field.widget.attrs["data-counter"] = gettext("%(remaining)s of %(limit)s characters left") % {
            "remaining": "{remaining}", "limit": number_format(field.max_length, force_grouping=True),
        }


def set_limit(field: forms.CharField, limit: int) -> None:
    """A length limit on a field already built (a model form's TextField has none)."""
    field.max_length = limit
    field.validators = [v for v in field.validators if not isinstance(v, validators.MaxLengthValidator)]
    field.validators.append(validators.MaxLengthValidator(limit))
    field.widget.attrs["maxlength"] = str(limit)


def css_class(widget: forms.Widget) -> str:
    if isinstance(widget, forms.RadioSelect | forms.CheckboxSelectMultiple | forms.CheckboxInput):
        return "form-check-input"
    if isinstance(widget, forms.Select):
        return "form-select"
    return "form-control"


class PortalFormMixin:
    """The portal's behaviour for every field (see the module's docstring)."""

    #: Extra classes on every control, e.g. "form-control-sm" for the rows of a table.
    control_size = ""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fit_fields()

    def fit_fields(self) -> None:
        """Also for fields a form adds after __init__ (call again)."""
        for field in self.fields.values():
            _fit(field)
            widget = field.widget
            if isinstance(widget, forms.HiddenInput) or getattr(widget, "_portal_styled", False):
                continue
            css = css_class(widget)
            if self.control_size and css != "form-check-input":
                css = f"{css} {css}-{self.control_size}"
            existing = widget.attrs.get("class", "")
            if css.split()[0] not in existing.split():
                widget.attrs["class"] = f"{existing} {css}".strip()
            widget._portal_styled = True

    def full_clean(self):
        super().full_clean()
        for name in getattr(self, "_errors", None) or {}:
            if name not in self.fields:
                continue
            bound, widget = self[name], self.fields[name].widget
            described = [f"{bound.auto_id}_error"]
            if self.fields[name].help_text:
                described.append(f"{bound.auto_id}_helptext")
            widget.attrs["aria-describedby"] = " ".join(described)
            widget.attrs["aria-invalid"] = "true"


class PortalForm(PortalFormMixin, forms.Form):
    pass


class PortalModelForm(PortalFormMixin, forms.ModelForm):
    pass


class RowForm(PortalForm):
    """A row of an inline table: small controls; a row left entirely empty is skipped."""

    control_size = "sm"
    use_required_attribute = False

    def __init__(self, *args, index: int = 0, **kwargs):
        kwargs.setdefault("empty_permitted", True)
        super().__init__(*args, **kwargs)
        self.index = index


def text_area(rows: int = 4, **attrs) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, **attrs})


class AccountSettingsForm(PortalModelForm):
    class Meta:
        model = User
        fields = ["full_name", "phone", "iin", "language"]


class CorrectedAddressForm(PortalFormMixin, ChangeEmailForm):
    """allauth's change-of-address form (it checks the address is free, without telling whose it is)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = _("The correct e-mail address")
        field.widget.attrs["autocomplete"] = "email"
        field.widget.attrs.pop("placeholder", None)


class ReminderScheduleForm(PortalForm):
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


SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"


def _html_attrs(attrs) -> str:
    """django/forms/widgets/attrs.html: False leaves the attribute out, True writes its name alone."""
    return "".join("" if value is False else format_html(" {}", name) if value is True
                   else format_html(' {}="{}"', name, f"{value}") for name, value in attrs.items())


def render_select(widget: dict) -> str | None:
    """The markup of django/forms/widgets/select.html for this widget context, built in Python; None if a
    widget draws its options with a template of its own."""
    parts = [format_html('<select name="{}"', widget["name"]), _html_attrs(widget["attrs"]), ">"]
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(format_html('\n  <optgroup label="{}">', group_name))
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(format_html('\n  <option value="{}"{}>{}</option>\n', f"{option['value']}",
                                     mark_safe(_html_attrs(option["attrs"])), option["label"]))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return mark_safe("".join(parts))


class FormRenderer(DjangoTemplates):
    """Django's form renderer, with the <select> drawn in Python (settings.FORM_RENDERER).

    Django's select template includes two templates per option; the registry's filters have some 80 options
    and spent a third of the page's time in them (~6 ms a page at 100,000 grants). The markup is the same
    byte for byte (tests/portal/test_forms.py compares the two)."""

    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE:
            html = render_select(context["widget"])
            if html is not None:
                return html
        return super().render(template_name, context, request)
