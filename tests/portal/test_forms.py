"""The form base: what every form of the portal gets from it, checked on the base and swept over every form."""

import importlib
import inspect
import pkgutil
import re
from datetime import date, datetime, time
from decimal import Decimal

import pytest
from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils import translation

from portal.forms import (
    TEXT_LIMIT,
    DateInput,
    DateTimeInput,
    IntegerField,
    NumberField,
    PortalForm,
    PortalFormMixin,
    TimeInput,
    parse_number,
)

LANGUAGES = ["kk", "ru", "en"]


class Sample(PortalForm):
    """Fields as Django builds them, the way the portal's forms used to declare them."""

    day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))  # no format: was rendered localised
    at = forms.TimeField()
    moment = forms.DateTimeField()
    amount = forms.DecimalField(max_digits=16, decimal_places=2, localize=True)
    count = forms.IntegerField(localize=True)
    reason = forms.CharField(widget=forms.Textarea)
    name = forms.CharField()


def value_of(html: str, name: str) -> str:
    match = re.search(rf'<(?:input|textarea)[^>]*name="{name}"[^>]*value="([^"]*)"', html)
    return match.group(1) if match else ""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_localised_value_renders_in_the_form_its_input_reads_back(language):
    initial = {"day": date(2027, 1, 10), "at": time(18, 30), "moment": datetime(2027, 1, 10, 18, 30),
               "amount": Decimal("1234567.50"), "count": 1234567}
    with translation.override(language):
        html = Sample(initial=initial).as_p()
        assert value_of(html, "day") == "2027-01-10"  # not 10.01.2027, which a date input shows as empty
        assert value_of(html, "at") == "18:30"
        assert value_of(html, "moment") == "2027-01-10T18:30"
        assert value_of(html, "amount") == "1234567.50"  # no grouping, a dot
        assert value_of(html, "count") == "1234567"  # type="number" takes no grouping
        assert 'type="date"' in html and 'type="time"' in html and 'type="datetime-local"' in html
        # ...and what was rendered is read back unchanged.
        posted = {name: value_of(html, name) for name in ("day", "at", "moment", "amount", "count")}
        form = Sample({**posted, "reason": "x", "name": "y"})
        assert form.is_valid(), form.errors
        for name in ("day", "at", "amount", "count"):
            assert form.cleaned_data[name] == initial[name]
        assert form.cleaned_data["moment"].replace(tzinfo=None) == initial["moment"]


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("typed", "expected"),
    [("1,5", Decimal("1.5")), ("1.5", Decimal("1.5")), ("1 234 567,89", Decimal("1234567.89")),
     ("1\u00a0234,5", Decimal("1234.5")), ("1\u202f234", Decimal("1234")), ("１２,５", Decimal("12.5")),
     ("12", Decimal("12"))],
)
def test_the_decimal_comma_is_read_as_a_decimal_in_every_language(language, typed, expected):
    with translation.override(language):
        form = Sample({"day": "2027-01-10", "at": "18:30", "moment": "2027-01-10T18:30", "amount": typed,
                       "count": "1", "reason": "x", "name": "y"})
        assert form.is_valid(), form.errors
        assert form.cleaned_data["amount"] == expected


@pytest.mark.parametrize("typed", ["1,234,5", "1.234,5", "1,234.5", "1.234.567"])
def test_a_number_with_two_separators_is_refused_with_a_message(typed):
    with translation.override("en"):
        with pytest.raises(ValidationError) as refused:
            parse_number(typed)
        assert refused.value.code == "ambiguous"
        assert "one decimal separator" in refused.value.messages[0]


@pytest.mark.parametrize("typed", ["١٢", "¹²", "12e3", "0x10", "NaN", "Infinity"])
def test_a_number_in_other_digits_or_notations_is_refused(typed):
    field = NumberField(max_digits=16, decimal_places=2)
    if typed == "¹²":  # NFKC makes superscripts plain digits: they are read, not crashed on
        assert field.clean(typed) == Decimal("12")
        return
    with pytest.raises(ValidationError):
        field.clean(typed)


def test_a_whole_number_takes_ascii_digits_only_after_normalising():
    field = IntegerField()
    assert field.clean("1 234") == 1234 and field.clean("１２") == 12 and field.clean("²") == 2
    for typed in ("١٢", "1.5", "12a"):
        with pytest.raises(ValidationError):
            field.clean(typed)


def test_every_text_gets_a_limit_and_a_counter():
    with translation.override("ru"):
        form = Sample()
        html = form.as_p()
    assert form.fields["reason"].max_length == TEXT_LIMIT
    assert re.search(r'<textarea[^>]*maxlength="10000"', html)
    assert "Осталось знаков: {remaining} из 10\xa0000" in html
    too_long = Sample({"day": "2027-01-10", "at": "18:30", "moment": "2027-01-10T18:30", "amount": "1",
                       "count": "1", "reason": "я" * (TEXT_LIMIT + 1), "name": "y"})
    assert not too_long.is_valid() and "reason" in too_long.errors


def test_the_widgets_the_base_gives_every_field_are_its_own():
    form = Sample()
    assert isinstance(form.fields["day"].widget, DateInput)
    assert isinstance(form.fields["at"].widget, TimeInput)
    assert isinstance(form.fields["moment"].widget, DateTimeInput)
    assert isinstance(form.fields["amount"], NumberField) and isinstance(form.fields["count"], IntegerField)


def _portal_form_classes():
    """Every form class defined in the portal's own apps."""
    found = set()
    for config in apps.get_app_configs():
        if not config.path.startswith(str(apps.get_app_config("portal").path).rsplit("/", 1)[0]):
            continue
        if ".venv" in config.path or "site-packages" in config.path:
            continue
        for info in pkgutil.walk_packages([config.path], prefix=f"{config.name}."):
            if "forms" not in info.name and "filters" not in info.name:
                continue
            module = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                    found.add(value)
    return found


# A form that is never shown: the optimistic-lock version posted by the page's script.
NOT_SHOWN = {"VersionForm"}


def test_every_form_of_the_portal_is_built_on_the_base():
    classes = _portal_form_classes()
    assert len(classes) > 40  # the sweep found the forms
    outside = sorted(c.__qualname__ for c in classes if not issubclass(c, PortalFormMixin)
                     and c.__name__ not in NOT_SHOWN)
    assert outside == []


class Selects(PortalForm):
    plain = forms.ChoiceField(choices=[("", "—"), ("a", "Ақ & <b>"), ("b", "Б")], required=False)
    grouped = forms.ChoiceField(choices=[("", "—"), ("Топ «1»", [("1", "бір"), ("2", "екі")]), ("3", "үш")])
    many = forms.MultipleChoiceField(choices=[(1, "one"), (2, "two"), (3, "three")], required=False)
    yes_no = forms.NullBooleanField(required=False)
    numbers = forms.TypedChoiceField(choices=[(10_001, "10001"), (20_002, "20002")], coerce=int)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["plain"].widget.attrs.update({"data-x": 'quote " and <', "disabled": True, "hidden": False})


@pytest.mark.parametrize("data", [None, {"plain": "a", "grouped": "2", "many": ["1", "3"], "yes_no": "false",
                                         "numbers": "20002"}, {"grouped": "<script>"}])
def test_the_portal_draws_every_select_exactly_as_django_s_template_does(data, settings):
    """The renderer draws <select> in Python for speed; the markup must not change by a byte, selected
    options, groups, multiple choice, escaping and attributes included."""
    from django.forms.renderers import DjangoTemplates

    from portal.forms import FormRenderer

    ours, django_s = Selects(data), Selects(data)
    ours.renderer, django_s.renderer = FormRenderer(), DjangoTemplates()
    for name in Selects.base_fields:
        assert str(ours[name]) == str(django_s[name]), name
    assert '<optgroup label="Топ «1»">' in str(ours["grouped"])
    assert "Ақ &amp; &lt;b&gt;" in str(ours["plain"])
    if data and "many" in data:
        assert '<option value="1" selected>one</option>' in str(ours["many"])
        assert '<option value="20002" selected>20002</option>' in str(ours["numbers"])
