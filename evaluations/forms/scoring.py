from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import IntegerField, PortalForm

from ..choices import ExpertLanguage
from ..uploads import ACCEPT_ATTRIBUTE, validate_document


class DeclarationForm(PortalForm):
    has_conflict = forms.TypedChoiceField(
        label=_("Conflict of interest"),
        choices=[("no", _("I have no conflict of interest with this application")),
                 ("yes", _("I have a conflict of interest with this application"))],
        coerce=lambda value: value == "yes", widget=forms.RadioSelect,
    )
    nature = forms.CharField(
        label=_("Nature of the conflict"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example: you work for the NGO or its partner, a relative leads the project, you helped "
                    "write the application. The nature is recorded; the reserve expert takes your place."),
    )

    def clean(self):
        data = super().clean()
        if data.get("has_conflict") and not (data.get("nature") or "").strip():
            self.add_error("nature", _("Describe the nature of the conflict of interest."))
        return data


class ScoreSheetForm(PortalForm):
    """One score and one comment per criterion; values are checked against the rubric by the service."""

    def __init__(self, *args, criteria, scores, readonly=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = criteria
        for criterion in criteria:
            score = scores.get(criterion.pk)
            describedby = f"guidance-{criterion.pk}"
            self.fields[f"score_{criterion.pk}"] = IntegerField(
                label=_("Score, 0 to %(max)s") % {"max": criterion.max_score}, required=False,
                min_value=0, max_value=criterion.max_score,
                initial=score.value if score else None,
                widget=forms.NumberInput(attrs={
                    "class": "form-control score-input", "min": 0, "max": criterion.max_score, "step": 1,
                    "inputmode": "numeric", "aria-describedby": describedby,
                    "data-threshold": criterion.min_score if criterion.min_score is not None else "",
                    "disabled": bool(readonly),
                }),
            )
            self.fields[f"comment_{criterion.pk}"] = forms.CharField(
                label=_("Comment"), required=False, initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 3, "disabled": bool(readonly)}),
            )

        self.fit_fields()

    def rows(self):
        for criterion in self.criteria:
            yield criterion, self[f"score_{criterion.pk}"], self[f"comment_{criterion.pk}"]

    def values(self) -> dict:
        """{criterion_id: (raw score, comment)} from the posted data, valid or not: the service checks it."""
        return {
            c.pk: (self.data.get(f"score_{c.pk}", "").strip(), self.data.get(f"comment_{c.pk}", ""))
            for c in self.criteria
        }


class TranslationForm(PortalForm):
    language = forms.ChoiceField(label=_("Language of the translation"), choices=ExpertLanguage.choices)
    file = forms.FileField(label=_("File"), widget=forms.ClearableFileInput(attrs={"class": "form-control",
                                                                                 "accept": ACCEPT_ATTRIBUTE}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].validators.append(validate_document)
