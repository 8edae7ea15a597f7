"""The appeal form, the review, the final decision after re-evaluation, and designating a commission member."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grants.uploads import ALLOWED_LABEL
from portal.forms import PortalForm, text_area

from .choices import FinalVerdict, Verdict
from .services import MAX_FILES


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


class AppealForm(PortalForm):
    reason = forms.CharField(
        label=_("Reason for the appeal"), widget=text_area(8),
        help_text=_("Which rule or procedure was not followed, and what you ask the commission to do."),
    )
    files = MultipleFileField(
        label=_("Files"), required=False,
        help_text=_("Up to %(n)s documents: %(types)s.") % {"n": MAX_FILES, "types": ALLOWED_LABEL},
    )


class ReviewForm(PortalForm):
    question = forms.CharField(label=_("Procedural question examined"), widget=text_area(3))
    answer = forms.CharField(label=_("Answer of the commission"), widget=text_area(4))
    verdict = forms.ChoiceField(label=_("Decision"), choices=Verdict.choices, widget=forms.RadioSelect)
    rationale = forms.CharField(label=_("Rationale"), widget=text_area(5),
                                help_text=_("It is written into the outcome letter to the applicant."))


class FinalForm(PortalForm):
    verdict = forms.ChoiceField(label=_("Final decision"), choices=FinalVerdict.choices, widget=forms.RadioSelect)
    final_rationale = forms.CharField(label=_("Rationale"), widget=text_area(4))


class MemberForm(PortalForm):
    email = forms.EmailField(label=_("E-mail of the operator employee"))
