"""Everything that stands between a draft and its submission, section by section.

The same list feeds the progress indicator, the "check my application" page and the refusal of a
submission, so the applicant never meets a problem at submission that the check page did not show.
Expects an application loaded by selectors.application_with_content() (no query per row).
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.translation import gettext as _

from portal.formatting import astana_time

from . import budget
from .choices import REQUIRED_DOCUMENTS, DocumentKind, Section


@dataclass(frozen=True)
class Problem:
    section: str
    message: str

    @property
    def section_label(self) -> str:
        return Section(self.section).label


def _required(problems, section, value, message):
    if not (value or "").strip():
        problems.append(Problem(section, message))


def overview(app) -> list[Problem]:
    found = []
    _required(found, Section.OVERVIEW, app.title, _("Give the project a title."))
    _required(found, Section.OVERVIEW, app.summary, _("Write a short summary of the project."))
    if not app.language:
        found.append(Problem(Section.OVERVIEW, _("Choose the language of the application: Kazakh or Russian.")))
    return found


def problem_and_goals(app) -> list[Problem]:
    found = []
    _required(found, Section.PROBLEM, app.problem, _("Describe the problem the project addresses."))
    _required(found, Section.PROBLEM, app.goals, _("State the goals and objectives of the project."))
    return found


def beneficiaries(app) -> list[Problem]:
    found = []
    _required(found, Section.BENEFICIARIES, app.target_groups, _("Describe the target groups."))
    if not app.beneficiaries_count:
        found.append(Problem(Section.BENEFICIARIES, _("Give the number of beneficiaries.")))
    return found


def activities(app) -> list[Problem]:
    rows = list(app.activities.all())
    if not rows:
        return [Problem(Section.ACTIVITIES, _("Add at least one activity to the plan."))]
    found = []
    for number, row in enumerate(rows, start=1):
        missing = [
            str(label)
            for label, value in ((_("activity"), row.activity), (_("start"), row.starts_on), (_("end"), row.ends_on),
                                 (_("outputs"), row.outputs))
            if not value
        ]
        if missing:
            found.append(
                Problem(
                    Section.ACTIVITIES,
                    _("Activity %(number)d: fill in %(fields)s.") % {"number": number, "fields": ", ".join(missing)},
                )
            )
        elif row.ends_on < row.starts_on:
            found.append(
                Problem(Section.ACTIVITIES, _("Activity %(number)d ends before it starts.") % {"number": number})
            )
    return found


def indicators(app) -> list[Problem]:
    found = []
    given = {row.lot_indicator_id: row for row in app.indicators.all() if row.lot_indicator_id}
    for lot_indicator in app.lot.indicators.all():
        row = given.get(lot_indicator.pk)
        if row is None or row.baseline is None or row.target is None:
            found.append(
                Problem(
                    Section.INDICATORS,
                    _("Indicator “%(name)s” of the lot needs a baseline and a target.") % {"name": lot_indicator.name},
                )
            )
    for row in app.indicators.all():
        if row.lot_indicator_id:
            continue
        if not row.name or not row.unit or row.baseline is None or row.target is None:
            found.append(
                Problem(
                    Section.INDICATORS,
                    _("Your indicator “%(name)s” needs a name, a unit, a baseline and a target.")
                    % {"name": row.name or "—"},
                )
            )
    return found


def team(app) -> list[Problem]:
    found = []
    _required(found, Section.TEAM, app.team, _("Describe the project team and its experience."))
    return found


def partners(app) -> list[Problem]:
    found = []
    _required(
        found, Section.PARTNERS, app.partners,
        _("Name the partners and their role, or write that the project has none."),
    )
    return found


def risks(app) -> list[Problem]:
    found = []
    _required(found, Section.RISKS, app.risks, _("Describe the risks and how you will manage them."))
    _required(found, Section.RISKS, app.sustainability, _("Explain how the results will last after the grant."))
    return found


def budget_section(app) -> list[Problem]:
    lines = list(app.budget_lines.all())
    if not lines:
        return [Problem(Section.BUDGET, _("Add the budget lines."))]
    found = []
    for number, line in enumerate(lines, start=1):
        if not (line.category and line.description and line.unit and line.quantity and line.unit_cost is not None):
            found.append(
                Problem(
                    Section.BUDGET,
                    _("Budget line %(number)d: fill in the category, description, unit, quantity and unit cost.")
                    % {"number": number},
                )
            )
    totals = budget.totals_of_lines(lines)
    found += [Problem(Section.BUDGET, v.message) for v in budget.violations(totals, lot_budget=app.lot.budget)]
    return found


def documents(app) -> list[Problem]:
    present = {doc.kind for doc in app.documents.all()}
    return [
        Problem(Section.DOCUMENTS, _("Attach the document: %(kind)s.") % {"kind": DocumentKind(kind).label})
        for kind in REQUIRED_DOCUMENTS
        if kind not in present
    ]


def declarations(app) -> list[Problem]:
    if app.declares_accuracy and app.declares_eligibility and app.consents_publication:
        return []
    return [Problem(Section.DECLARATIONS, _("Confirm all three declarations."))]


SECTION_CHECKS = {
    Section.OVERVIEW: overview,
    Section.PROBLEM: problem_and_goals,
    Section.BENEFICIARIES: beneficiaries,
    Section.ACTIVITIES: activities,
    Section.INDICATORS: indicators,
    Section.TEAM: team,
    Section.PARTNERS: partners,
    Section.RISKS: risks,
    Section.BUDGET: budget_section,
    Section.DOCUMENTS: documents,
    Section.DECLARATIONS: declarations,
}


def section_problems(app) -> dict[str, list[Problem]]:
    return {section: check(app) for section, check in SECTION_CHECKS.items()}


def general_problems(app, *, now: datetime) -> list[str]:
    """What is wrong outside the sections: the NGO and the clock."""
    found = []
    if not app.ngo.is_verified:
        found.append(_("The NGO is not verified yet: only verified NGOs may apply."))
    call = app.lot.call
    if not call.is_accepting_applications(now):
        if now >= call.closes_at:
            found.append(
                _("The deadline has passed: applications were accepted until %(deadline)s.")
                % {"deadline": astana_time(call.closes_at)}
            )
        else:
            found.append(_("The call is not accepting applications at the moment."))
    return found
