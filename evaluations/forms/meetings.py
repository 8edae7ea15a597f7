from django import forms
from django.utils.translation import gettext_lazy as _

from ..choices import Attendance, Outcome


class MeetingForm(forms.Form):
    held_at = forms.DateTimeField(
        label=_("Date and time (Astana time)"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local", "class": "form-control"},
                                   format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=300, widget=forms.TextInput(attrs={"class": "form-control"}),
                            help_text=_("Address, or the link for remote participation."))

    def __init__(self, *args, members, attendance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        attendance = attendance or {}
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=f"{member.expert.name} — {member.get_role_display()}", choices=Attendance.choices,
                initial=attendance.get(member.pk, Attendance.IN_PERSON),
                widget=forms.Select(attrs={"class": "form-select"}),
            )

    def attendance(self) -> dict:
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class LotDecisionForm(forms.Form):
    """Change the recommendation: an outcome for each application and the rationale."""

    rationale = forms.CharField(
        label=_("Rationale of the commission"), required=False,
        widget=forms.Textarea(attrs={"rows": 3, "class": "form-control"}),
    )

    def __init__(self, *args, ranking, **kwargs):
        super().__init__(*args, **kwargs)
        self.ranking = ranking
        defaults = {"winner": Outcome.WINNER, "reserve": Outcome.RESERVE, "below_threshold": Outcome.NOT_FUNDED}
        for row in ranking.rows:
            self.fields[f"outcome_{row.application.pk}"] = forms.ChoiceField(
                label=row.application.registration_number, choices=Outcome.choices,
                initial=defaults.get(row.recommendation, Outcome.RESERVE),
                widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
            )

    def outcomes(self) -> dict:
        return {row.application.pk: self.cleaned_data[f"outcome_{row.application.pk}"] for row in self.ranking.rows}


class LetterForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=300,
                              widget=forms.TextInput(attrs={"class": "form-control"}))
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 18, "class": "form-control"}))
