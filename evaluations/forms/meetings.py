from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm

from ..choices import Attendance, Outcome


class MeetingForm(PortalForm):
    held_at = forms.DateTimeField(
        label=_("Date and time (Astana time)"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    place = forms.CharField(label=_("Place"), max_length=300,
                            help_text=_("Address, or the link for remote participation."))

    def __init__(self, *args, members, attendance=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.members = members
        attendance = attendance or {}
        for member in members:
            self.fields[f"member_{member.pk}"] = forms.ChoiceField(
                label=f"{member.expert.name} — {member.get_role_display()}", choices=Attendance.choices,
                initial=attendance.get(member.pk, Attendance.IN_PERSON),
            )
        self.fit_fields()

    def attendance(self) -> dict:
        return {m.pk: self.cleaned_data[f"member_{m.pk}"] for m in self.members}


class LotDecisionForm(PortalForm):
    """Change the recommendation: an outcome for each application and the rationale."""

    rationale = forms.CharField(
        label=_("Rationale of the commission"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, ranking, **kwargs):
        super().__init__(*args, **kwargs)
        self.ranking = ranking
        defaults = {"winner": Outcome.WINNER, "reserve": Outcome.RESERVE, "below_threshold": Outcome.NOT_FUNDED}
        for row in ranking.rows:
            self.fields[f"outcome_{row.application.pk}"] = forms.ChoiceField(
                label=row.application.registration_number, choices=Outcome.choices,
                initial=defaults.get(row.recommendation, Outcome.RESERVE),
                widget=forms.Select(attrs={"class": "form-select-sm"}),
            )
        self.fit_fields()

    def outcomes(self) -> dict:
        return {row.application.pk: self.cleaned_data[f"outcome_{row.application.pk}"] for row in self.ranking.rows}


class LetterForm(PortalForm):
    subject = forms.CharField(label=_("Subject"), max_length=300)
    body = forms.CharField(label=_("Text"), widget=forms.Textarea(attrs={"rows": 18}))
