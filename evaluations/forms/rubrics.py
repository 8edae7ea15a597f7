from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.forms import PortalForm, PortalModelForm
from portal.formsets import RowCountsModelFormSet

from ..models import MAX_TOTAL, Criterion, Rubric


class RubricSettingsForm(PortalModelForm):
    class Meta:
        model = Rubric
        fields = ["name_kk", "name_ru", "name_en", "overall_threshold", "dispersion_percent"]
        widgets = {
            "overall_threshold": forms.NumberInput(attrs={"step": "0.01", "min": "0", "max": "100"}),
            "dispersion_percent": forms.NumberInput(attrs={"min": "1", "max": "100"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.is_template:
            for name in ("name_kk", "name_ru", "name_en"):
                del self.fields[name]
        else:
            self.fields["name_kk"].required = self.fields["name_ru"].required = True


class CriterionForm(PortalModelForm):
    control_size = "sm"

    class Meta:
        model = Criterion
        fields = ["title_kk", "title_ru", "title_en", "guidance_kk", "guidance_ru", "guidance_en",
                  "max_score", "weight", "min_score"]
        widgets = {
            "guidance_kk": forms.Textarea(attrs={"rows": 2}),
            "guidance_ru": forms.Textarea(attrs={"rows": 2}),
            "guidance_en": forms.Textarea(attrs={"rows": 2}),
            "weight": forms.NumberInput(attrs={"step": "0.01", "min": "0.01", "max": "100"}),
            "max_score": forms.NumberInput(attrs={"min": "1", "max": "100"}),
            "min_score": forms.NumberInput(attrs={"min": "0", "max": "100"}),
        }

    def clean(self):
        data = super().clean()
        low, high = data.get("min_score"), data.get("max_score")
        if low is not None and high is not None and low > high:
            self.add_error("min_score", _("The threshold cannot be above the maximum score."))
        return data


class BaseCriterionFormSet(RowCountsModelFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "ORDER" in form.fields:
            form.fields["ORDER"].label = _("Order")
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = _("Remove this criterion")
        form.fit_fields()

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        kept = [f for f in self.forms if f.cleaned_data and not f.cleaned_data.get("DELETE")]
        if not kept:
            raise forms.ValidationError(_("A rubric needs at least one criterion."))
        total = sum((f.cleaned_data["weight"] for f in kept), Decimal("0"))
        if total != MAX_TOTAL:
            shown = format(total.normalize(), "f")  # 90, not 9E+1
            raise forms.ValidationError(
                _("The weights add up to %(total)s; they must add up to 100.") % {"total": shown}
            )

    def rows(self) -> list[dict]:
        rows = []
        for form in sorted(self.forms, key=lambda f: (f.cleaned_data.get("ORDER") or 0) if f.cleaned_data else 0):
            if form.cleaned_data and not form.cleaned_data.get("DELETE"):
                rows.append({k: v for k, v in form.cleaned_data.items() if k in CriterionForm.Meta.fields})
        return rows


CriterionFormSet = forms.modelformset_factory(
    Criterion, form=CriterionForm, formset=BaseCriterionFormSet, extra=2, can_delete=True, can_order=True,
)


class RubricSourceForm(PortalForm):
    source = forms.ModelChoiceField(
        label=_("Start from"), queryset=Rubric.objects.none(), required=False,
        empty_label=_("An empty rubric"),
    )

    def __init__(self, *args, exclude=None, **kwargs):
        super().__init__(*args, **kwargs)
        rubrics = Rubric.objects.select_related("call").order_by("call", "-created_at")
        if exclude is not None:
            rubrics = rubrics.exclude(pk=exclude.pk)
        self.fields["source"].queryset = rubrics
        self.fields["source"].label_from_instance = self.label

    @staticmethod
    def label(rubric: Rubric) -> str:
        if rubric.is_template:
            return str(_("Template: %(name)s") % {"name": rubric.name})
        return str(_("Rubric of call %(code)s — %(title)s") % {"code": rubric.call.code, "title": rubric.call.title})


class TemplateCreateForm(PortalForm):
    name_kk = forms.CharField(label=_("name (Kazakh)"), max_length=300)
    name_ru = forms.CharField(label=_("name (Russian)"), max_length=300)
    name_en = forms.CharField(label=_("name (English)"), max_length=300, required=False)
