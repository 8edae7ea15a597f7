from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from grants.models import PriorityDirection
from portal.forms import PortalForm, PortalModelForm

from ..choices import MemberRole
from ..models import Panel


class PanelForm(PortalModelForm):
    class Meta:
        model = Panel
        fields = ["direction", "size", "reserves", "experts_per_application", "sphere", "language"]

    def __init__(self, *args, call, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["direction"].queryset = PriorityDirection.objects.filter(lots__call=call).distinct()
        self.fields["direction"].empty_label = _("The whole call")
        self.fields["sphere"].empty_label = _("Any sphere")
        self.fields["language"].choices = [("", _("Any language"))] + list(self.fields["language"].choices)[1:]

    def clean(self):
        data = super().clean()
        per, size = data.get("experts_per_application"), data.get("size")
        if per and size and per > size:
            self.add_error("experts_per_application",
                           _("An application cannot go to more experts than the commission has members."))
        return data


class DrawForm(PortalForm):
    observers = forms.CharField(
        label=_("Observers present"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One full name per line, with the organisation they represent."),
    )
    seed = forms.CharField(
        label=_("Seed typed by the observers"), required=False, max_length=64,
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
        help_text=_("Optional: any digits or letters the observers choose in the room. Leave empty for the "
                    "portal to generate 128 random bits."),
    )


class OfficersForm(PortalForm):
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=None)
    secretary = forms.ModelChoiceField(
        label=_("Secretary"), queryset=None, required=False, empty_label=pgettext_lazy("no one", "None"),
    )

    def __init__(self, *args, panel, **kwargs):
        super().__init__(*args, **kwargs)
        members = panel.members.exclude(role=MemberRole.RESERVE).select_related("expert__user")
        for name in ("chair", "secretary"):
            self.fields[name].queryset = members
            self.fields[name].label_from_instance = lambda m: m.expert.name
        current = {m.role: m for m in members}
        if not self.is_bound:
            self.initial = {"chair": current.get(MemberRole.CHAIR), "secretary": current.get(MemberRole.SECRETARY)}

    def clean(self):
        data = super().clean()
        if data.get("chair") and data.get("secretary") and data["chair"] == data["secretary"]:
            self.add_error("secretary", _("The chair and the secretary are two different people."))
        return data


class DeadlineForm(PortalForm):
    day = forms.DateField(
        label=_("Last day for declarations and score sheets"),
        help_text=_("Until 18:30 (Astana time) that day. The experts are reminded before and after it."),
    )
