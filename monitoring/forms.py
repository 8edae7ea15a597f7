"""The forms of grantee reports (one per section, its fields made from the agreement: an indicator, an activity,
a budget line each), the evidence upload, the review and, for visits and the evaluation, their own."""

from django import forms
from django.utils.translation import gettext_lazy as _

from grants.applications.choices import BudgetCategory
from portal.forms import IntegerField, MoneyField, NumberField, PortalForm, text_area

from .choices import ActivityProgress, EvidenceKind, Section

EXTRA_BENEFICIARY_ROWS = 3


class SectionForm(PortalForm):
    """A section of a report; `data_for_service()` gives the shape the service stores."""

    def __init__(self, *args, report, section: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.report, self.section = report, section
        self.rows = []
        getattr(self, f"_build_{section}")(report.content.get(section) or {})
        self.fit_fields()
        # The rows with their bound fields, for the template (names made from positions and categories).
        self.table = [{key: self[value] if isinstance(value, str) and value in self.fields else value
                       for key, value in row.items()} for row in self.rows]

    # -- builders: the fields and their initial values from what is saved ------------------------------------

    def _build_narrative(self, saved):
        labels = {"done": _("What was done in the period"), "changed": _("What changed against the plan, and why"),
                  "problems": _("Problems met and how they were solved")}
        for key, label in labels.items():
            self.fields[key] = forms.CharField(label=label, required=False, widget=text_area(6),
                                               initial=saved.get(key, ""))

    def _build_indicators(self, saved):
        rows = saved.get("rows", [])
        self.rows = []
        for n, indicator in enumerate(self.report.grant.indicators):
            values = rows[n] if n < len(rows) else {}
            name = indicator.get("name", "")
            self.fields[f"ind-{n}-period"] = NumberField(
                label=_("%(name)s: achieved in the period") % {"name": name}, required=False, min_value=0,
                max_digits=14, decimal_places=2, initial=values.get("period"))
            self.fields[f"ind-{n}-total"] = NumberField(
                label=_("%(name)s: achieved in total") % {"name": name}, required=False, min_value=0,
                max_digits=14, decimal_places=2, initial=values.get("total"))
            self.fields[f"ind-{n}-links"] = forms.CharField(
                label=_("%(name)s: links to evidence (one a line)") % {"name": name}, required=False,
                max_length=2000, widget=text_area(2), initial=values.get("links", ""))
            self.rows.append({"position": n, "indicator": indicator, "period": f"ind-{n}-period",
                              "total": f"ind-{n}-total", "links": f"ind-{n}-links"})

    def _build_beneficiaries(self, saved):
        rows = saved.get("rows", [])
        self.rows = []
        for n in range(len(rows) + EXTRA_BENEFICIARY_ROWS):
            values = rows[n] if n < len(rows) else {}
            self.fields[f"ben-{n}-group"] = forms.CharField(label=_("Group %(n)s") % {"n": n + 1}, required=False,
                                                            max_length=300, initial=values.get("group", ""))
            self.fields[f"ben-{n}-count"] = IntegerField(label=_("Number of people in group %(n)s") % {"n": n + 1},
                                                         required=False, min_value=0, initial=values.get("count"))
            self.rows.append({"group": f"ben-{n}-group", "count": f"ben-{n}-count"})

    def _build_activities(self, saved):
        rows = saved.get("rows", [])
        self.rows = []
        choices = [("", _("— not reported —")), *ActivityProgress.choices]
        for n, activity in enumerate(self.report.grant.activities):
            values = rows[n] if n < len(rows) else {}
            name = activity.get("activity", "")
            self.fields[f"act-{n}-progress"] = forms.ChoiceField(
                label=_("%(name)s: done?") % {"name": name}, choices=choices, required=False,
                initial=values.get("progress", ""))
            self.fields[f"act-{n}-note"] = forms.CharField(
                label=_("%(name)s: what was done") % {"name": name}, required=False, max_length=2000,
                widget=text_area(2), initial=values.get("note", ""))
            self.rows.append({"position": n, "activity": activity, "progress": f"act-{n}-progress",
                              "note": f"act-{n}-note"})

    def _build_finance(self, saved):
        from .selectors import budget_of

        lines = saved.get("lines", {})
        labels = dict(BudgetCategory.choices)
        self.rows = []
        for category, planned in budget_of(self.report).items():
            values = lines.get(category, {})
            label = labels.get(category, category)
            self.fields[f"fin-{category}-period"] = MoneyField(
                label=_("%(line)s: spent in the period, tenge") % {"line": label}, required=False,
                initial=values.get("period"))
            self.fields[f"fin-{category}-total"] = MoneyField(
                label=_("%(line)s: spent in total, tenge") % {"line": label}, required=False,
                initial=values.get("total"))
            self.rows.append({"category": category, "label": label, "planned": planned,
                              "period": f"fin-{category}-period", "total": f"fin-{category}-total"})

    # -- what the service receives ---------------------------------------------------------------------------

    def data_for_service(self) -> dict:
        data = self.cleaned_data

        def value(name):
            found = data.get(name)
            return "" if found is None else str(found)

        if self.section == Section.NARRATIVE:
            return {key: data.get(key, "") for key in ("done", "changed", "problems")}
        if self.section == Section.INDICATORS:
            return {"rows": [{"period": value(r["period"]), "total": value(r["total"]), "links": value(r["links"])}
                             for r in self.rows]}
        if self.section == Section.BENEFICIARIES:
            return {"rows": [{"group": value(r["group"]), "count": data.get(r["count"]) or 0} for r in self.rows]}
        if self.section == Section.ACTIVITIES:
            return {"rows": [{"progress": value(r["progress"]), "note": value(r["note"])} for r in self.rows]}
        return {"lines": {r["category"]: {"period": value(r["period"]), "total": value(r["total"])}
                          for r in self.rows}}


class EvidenceForm(PortalForm):
    kind = forms.ChoiceField(label=_("Type of evidence"), choices=EvidenceKind.choices)
    upload = forms.FileField(label=_("File (PDF, DOCX, XLSX, JPG or PNG)"))
    section = forms.ChoiceField(choices=[(Section.INDICATORS, ""), (Section.FINANCE, "")], widget=forms.HiddenInput)
    position = forms.IntegerField(required=False, widget=forms.HiddenInput)
    line = forms.CharField(required=False, max_length=30, widget=forms.HiddenInput)


class ReviewForm(PortalForm):
    decision = forms.ChoiceField(label=_("Decision"), widget=forms.RadioSelect, choices=[
        ("accept", _("Accept the report")), ("changes", _("Request changes"))])
    conclusion = forms.CharField(label=_("Conclusion"), required=False, widget=text_area(4))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for code, label in Section.choices:
            self.fields[f"comment_{code}"] = forms.CharField(
                label=_("Comment on “%(section)s”") % {"section": label}, required=False, max_length=2000,
                widget=text_area(2))
        self.fit_fields()

    def comments(self) -> dict:
        return {code: self.cleaned_data.get(f"comment_{code}", "") for code in Section.values}


class ChecklistItemForm(PortalForm):
    text_kk = forms.CharField(label=_("What is checked (Kazakh)"), max_length=300)
    text_ru = forms.CharField(label=_("What is checked (Russian)"), max_length=300)


class VisitPlanForm(PortalForm):
    visit_on = forms.DateField(label=_("Date of the visit"))
    place = forms.CharField(label=_("Place"), max_length=300)
    team = forms.CharField(label=_("Who goes"), max_length=300)

    def __init__(self, *args, grant, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = list(items)
        indicators = [("", _("— no indicator —"))] + [(str(n), i.get("name", "")) for n, i in
                                                       enumerate(grant.indicators)]
        self.rows = []
        for item in self.items:
            self.fields[f"item_{item.pk}"] = forms.BooleanField(label=str(item), required=False)
            self.fields[f"indicator_{item.pk}"] = forms.ChoiceField(
                label=_("Indicator it checks: %(item)s") % {"item": item}, choices=indicators, required=False)
        self.fit_fields()
        self.table = [{"check": self[f"item_{i.pk}"], "indicator": self[f"indicator_{i.pk}"]} for i in self.items]

    def chosen(self):
        data = self.cleaned_data
        items = [i for i in self.items if data.get(f"item_{i.pk}")]
        indicators = {i.pk: int(data[f"indicator_{i.pk}"]) for i in items if data.get(f"indicator_{i.pk}")}
        return items, indicators


FOLLOW_UP_ROWS = 3


class VisitRecordForm(PortalForm):
    conclusion = forms.CharField(label=_("Overall conclusion"), widget=text_area(5))

    def __init__(self, *args, visit, **kwargs):
        super().__init__(*args, **kwargs)
        from .choices import FindingResult

        self.findings = list(visit.findings.all())
        for finding in self.findings:
            n = finding.position
            self.fields[f"result_{n}"] = forms.ChoiceField(label=_("Finding"), choices=FindingResult.choices,
                                                           widget=forms.RadioSelect)
            self.fields[f"note_{n}"] = forms.CharField(label=_("Note"), required=False, max_length=2000,
                                                       widget=text_area(2))
            self.fields[f"photo_{n}"] = forms.FileField(label=_("Photo (JPG or PNG)"), required=False)
        for n in range(FOLLOW_UP_ROWS):
            self.fields[f"action_{n}"] = forms.CharField(label=_("Follow-up action %(n)s") % {"n": n + 1},
                                                         required=False, max_length=500)
            self.fields[f"due_{n}"] = forms.DateField(label=_("Due on (action %(n)s)") % {"n": n + 1},
                                                      required=False)
        self.fit_fields()
        self.table = [{"finding": f, "result": self[f"result_{f.position}"], "note": self[f"note_{f.position}"],
                       "photo": self[f"photo_{f.position}"]} for f in self.findings]
        self.actions = [{"action": self[f"action_{n}"], "due": self[f"due_{n}"]} for n in range(FOLLOW_UP_ROWS)]

    def for_service(self) -> dict:
        data = self.cleaned_data
        return {
            "findings": {f.position: (data.get(f"result_{f.position}"), data.get(f"note_{f.position}", ""))
                         for f in self.findings},
            "photos": {f.position: data[f"photo_{f.position}"] for f in self.findings if data.get(
                f"photo_{f.position}")},
            "conclusion": data.get("conclusion", ""),
            "follow_ups": [(data.get(f"action_{n}"), data.get(f"due_{n}")) for n in range(FOLLOW_UP_ROWS)],
        }


class AnswerForm(PortalForm):
    answer = forms.CharField(label=_("What the NGO did"), widget=text_area(3))


class EfficiencyForm(PortalForm):
    def __init__(self, *args, evaluation=None, **kwargs):
        super().__init__(*args, **kwargs)
        from .choices import Criterion

        scores = evaluation.scores if evaluation else {}
        comments = evaluation.comments if evaluation else {}
        self.rows = []
        for code, label in Criterion.choices:
            self.fields[f"score_{code}"] = IntegerField(label=_("%(criterion)s: score from 0 to 5") % {
                "criterion": label}, min_value=0, max_value=5, initial=scores.get(code))
            self.fields[f"comment_{code}"] = forms.CharField(
                label=_("%(criterion)s: comment") % {"criterion": label}, max_length=2000, widget=text_area(2),
                initial=comments.get(code, ""))
        self.fit_fields()
        self.table = [{"label": label, "score": self[f"score_{code}"], "comment": self[f"comment_{code}"]}
                      for code, label in Criterion.choices]

    def for_service(self) -> dict:
        from .choices import Criterion

        return {"scores": {c: self.cleaned_data.get(f"score_{c}") for c in Criterion.values},
                "comments": {c: self.cleaned_data.get(f"comment_{c}", "") for c in Criterion.values}}
