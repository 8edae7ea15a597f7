"""The checks the portal fills in from its own data, and how each result reads in the page's language.

Findings are kept as small facts (a year, a date, the budget figures, the missing kinds), never as
sentences, so the same check explains itself in Kazakh on one page and in Russian in the other PDF.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from grants.applications import budget
from grants.applications.choices import REQUIRED_DOCUMENTS, DocumentKind
from ngos import selectors as ngo_selectors
from portal.formatting import short_date, tenge

from .choices import CheckCode, CheckResult

FLAGS = {
    CheckCode.NOT_IN_LIQUIDATION: "in_liquidation",
    CheckCode.NOT_BANKRUPT: "bankrupt",
    CheckCode.NOT_SUSPENDED: "suspended",
}


def _flag(ngo, name) -> tuple[str, dict]:
    if getattr(ngo, name):
        on = getattr(ngo, f"{name}_on")
        return CheckResult.FAIL, {"source": getattr(ngo, f"{name}_source"), "on": on.isoformat() if on else None}
    return CheckResult.PASS, {}


def _budget(application, snapshot) -> tuple[str, dict]:
    lines = snapshot.get("budget", {}).get("lines", [])
    totals = budget.totals_of((line["category"], Decimal(line["amount"] or "0")) for line in lines)
    facts = {
        "lot_budget": str(application.lot.budget),
        "total": str(totals.total),
        "direct": str(totals.direct),
        "institutional": str(totals.institutional),
        "administrative": str(totals.administrative),
    }
    found = budget.violations(totals, lot_budget=application.lot.budget)
    return (CheckResult.FAIL if found else CheckResult.PASS), facts


def _documents(snapshot) -> tuple[str, dict]:
    present = {doc["kind"] for doc in snapshot.get("documents", [])}
    missing = [kind.value for kind in REQUIRED_DOCUMENTS if kind not in present]
    return (CheckResult.FAIL if missing else CheckResult.PASS), {"missing": missing}


def findings(application, submission) -> dict[str, tuple[str, dict]]:
    """{check code: (pass or fail, facts)} for every automatic check of this submission."""
    ngo = application.ngo
    year = application.lot.call.fiscal_year.year - 1  # the NGO database report filed for the previous year
    listed = ngo_selectors.is_listed_for_year(ngo, year)
    result = {
        CheckCode.NGO_LISTED: (CheckResult.PASS if listed else CheckResult.FAIL, {"year": year}),
        CheckCode.BUDGET_RULES: _budget(application, submission.snapshot),
        CheckCode.DOCUMENTS_PRESENT: _documents(submission.snapshot),
    }
    for code, flag in FLAGS.items():
        result[code] = _flag(ngo, flag)
    return result


def _date(value) -> str:
    return short_date(value) or "—"


def explain(check) -> str:
    """What the portal found for an automatic check, in the active language ('' for manual checks)."""
    if not check.automatic or not check.found:
        return ""
    facts, failed = check.details or {}, check.found == CheckResult.FAIL
    code = check.code
    if code == CheckCode.NGO_LISTED:
        if failed:
            return _("Not listed in the NGO database for %(year)s.") % {"year": facts.get("year")}
        return _("Listed in the NGO database for %(year)s.") % {"year": facts.get("year")}
    if code in FLAGS:
        if not failed:
            return _("No such record about the NGO.")
        return _("Recorded on %(date)s; source: %(source)s.") % {
            "date": _date(facts.get("on")), "source": facts.get("source") or "—",
        }
    if code == CheckCode.BUDGET_RULES:
        totals = budget.BudgetTotals(
            total=Decimal(facts["total"]), direct=Decimal(facts["direct"]),
            institutional=Decimal(facts["institutional"]), administrative=Decimal(facts["administrative"]),
        )
        found = budget.violations(totals, lot_budget=Decimal(facts["lot_budget"]))
        if found:
            return " ".join(v.message for v in found)
        return _("Total %(total)s within the lot budget of %(budget)s; all three budget rules are met.") % {
            "total": tenge(totals.total), "budget": tenge(Decimal(facts["lot_budget"])),
        }
    if code == CheckCode.DOCUMENTS_PRESENT:
        missing = facts.get("missing") or []
        if missing:
            return _("Missing: %(documents)s.") % {"documents": ", ".join(str(DocumentKind(k).label) for k in missing)}
        return _("All required documents are attached.")
    return ""
