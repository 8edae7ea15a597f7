"""Lots: the rules a lot must keep (grant type, term, MCI limits) and the check before publication."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from portal import audit
from portal.formatting import group_thousands, tenge
from portal.translation import missing_official

from ..choices import GRANT_TYPE_RULES, CallStatus, GrantType
from ..models import Call, CostJustificationLine, FiscalYear, Lot, LotIndicator


def term_error(grant_type: str, term_months: int | None) -> str | None:
    if not grant_type or term_months is None:
        return None
    rule = GRANT_TYPE_RULES[grant_type]
    if not rule.min_months <= term_months <= rule.max_months:
        return _("“%(type)s” grants last %(min)d to %(max)d months; %(term)d months is outside that range.") % {
            "type": GrantType(grant_type).label, "min": rule.min_months, "max": rule.max_months,
            "term": term_months,
        }
    return None


def budget_error(fiscal_year: FiscalYear, grant_type: str, budget: Decimal | None) -> str | None:
    """The budget against the year's MCI limits for the type; the message gives the range in tenge."""
    if not grant_type or budget is None:
        return None
    low, high = fiscal_year.budget_limits(grant_type)
    rule = GRANT_TYPE_RULES[grant_type]
    kind = GrantType(grant_type).label
    if high is None and budget < low:
        return _(
            "In %(year)s “%(type)s” grants are at least %(low)s (%(low_mci)s MCI at %(mci)s); "
            "this budget is %(budget)s."
        ) % {
            "year": fiscal_year.year, "type": kind, "low": tenge(low), "low_mci": group_thousands(rule.min_mci),
            "mci": tenge(fiscal_year.mci), "budget": tenge(budget),
        }
    if high is not None and not low <= budget <= high:
        return _(
            "In %(year)s “%(type)s” grants are from %(low)s to %(high)s (%(low_mci)s–%(high_mci)s MCI at %(mci)s); "
            "this budget is %(budget)s."
        ) % {
            "year": fiscal_year.year, "type": kind, "low": tenge(low), "high": tenge(high),
            "low_mci": group_thousands(rule.min_mci), "high_mci": group_thousands(rule.max_mci),
            "mci": tenge(fiscal_year.mci), "budget": tenge(budget),
        }
    return None


def code_error(call: Call, code: str, lot: Lot | None = None) -> str | None:
    year = str(call.fiscal_year.year)
    if code and not code.startswith(f"{year}-"):
        return _("The code of a lot in a %(year)s call starts with %(year)s-, for example %(year)s-ALM-03.") % {
            "year": year
        }
    taken = Lot.objects.filter(code=code).exclude(pk=lot.pk if lot else None)
    if code and taken.exists():
        return _("Lot %(code)s already exists; a lot code is unique within the year.") % {"code": code}
    return None


def lot_rule_errors(*, call: Call, lot: Lot | None, fields: dict) -> dict[str, str]:
    """Field → message for every rule the lot breaks; empty when it keeps them all."""
    errors = {}
    message = code_error(call, fields.get("code", ""), lot)
    if message:
        errors["code"] = message
    message = term_error(fields.get("grant_type"), fields.get("term_months"))
    if message:
        errors["term_months"] = message
    message = budget_error(call.fiscal_year, fields.get("grant_type"), fields.get("budget"))
    if message:
        errors["budget"] = message
    direction = fields.get("direction")
    if direction is not None and (
        direction.direction_list.customer_id != call.customer_id
        or direction.direction_list.fiscal_year_id != call.fiscal_year_id
    ):
        errors["direction"] = _("Choose a priority direction of this call's customer for %(year)s.") % {
            "year": call.fiscal_year.year
        }
    return errors


OFFICIAL_LABELS = {
    "title": gettext_lazy("title"),
    "problem": gettext_lazy("problem"),
    "target_groups": gettext_lazy("target groups"),
    "expected_results": gettext_lazy("expected results"),
    "requirements": gettext_lazy("requirements"),
}


def missing_for_publication(lot: Lot) -> list[str]:
    """What stops this lot from being published, one phrase each. Reads prefetched relations."""
    problems = []
    missing = missing_official(lot, Lot.OFFICIAL_FIELDS)
    for code, message in (
        ("kk", gettext_lazy("no Kazakh text of: %(fields)s")),
        ("ru", gettext_lazy("no Russian text of: %(fields)s")),
    ):
        fields = [str(OFFICIAL_LABELS[name[:-3]]) for name in missing if name.endswith(f"_{code}")]
        if fields:
            problems.append(str(message) % {"fields": ", ".join(fields)})
    if lot.direction_id is None:
        problems.append(_("no priority direction"))
    indicators = list(lot.indicators.all())
    if not indicators:
        problems.append(_("no indicators"))
    elif any(missing_official(indicator, ["name", "unit"]) for indicator in indicators):
        problems.append(_("an indicator lacks its name or unit in Kazakh or Russian"))
    lines = list(lot.justification_lines.all())
    if not lines:
        problems.append(_("no cost justification"))
    else:
        if any(missing_official(line, ["item", "unit", "source"]) for line in lines):
            problems.append(_("a justification line lacks its item, unit or source in Kazakh or Russian"))
        total = sum((line.amount for line in lines), Decimal("0"))
        if total != lot.budget:
            problems.append(
                _("the justification adds up to %(total)s, not to the budget of %(budget)s") % {
                    "total": tenge(total), "budget": tenge(lot.budget),
                }
            )
    message = term_error(lot.grant_type, lot.term_months) or budget_error(
        lot.call.fiscal_year, lot.grant_type, lot.budget
    )
    if message:
        problems.append(message)
    return problems


def _ensure_draft(call: Call) -> None:
    if call.status != CallStatus.DRAFT:
        raise ValidationError(
            _("The lots of an announced or cancelled call cannot change: what was published stays as published.")
        )


INDICATOR_FIELDS = ["name_kk", "name_ru", "name_en", "unit_kk", "unit_ru", "unit_en", "target_value"]
LINE_FIELDS = [
    "item_kk", "item_ru", "item_en", "unit_kk", "unit_ru", "unit_en", "quantity", "unit_cost",
    "source_kk", "source_ru", "source_en",
]
LOT_FIELDS = [
    "code", "position", "direction", "title_kk", "title_ru", "title_en", "region", "grant_type", "term_months",
    "budget", "grants_count", "problem_kk", "problem_ru", "problem_en", "target_groups_kk", "target_groups_ru",
    "target_groups_en", "expected_results_kk", "expected_results_ru", "expected_results_en", "requirements_kk",
    "requirements_ru", "requirements_en",
]


@transaction.atomic
def lot_save(*, actor, call: Call, lot: Lot | None, fields: dict, indicators: list[dict], lines: list[dict]) -> Lot:
    """Create or replace a lot with its indicators and justification lines, in the order given."""
    call = Call.objects.select_for_update().select_related("fiscal_year").get(pk=call.pk)
    _ensure_draft(call)
    errors = lot_rule_errors(call=call, lot=lot, fields=fields)
    if errors:
        raise ValidationError(errors)
    created = lot is None
    lot = lot or Lot(call=call)
    for name in LOT_FIELDS:
        if name in fields:
            setattr(lot, name, fields[name])
    if not lot.grants_count:
        lot.grants_count = 1
    if created and not fields.get("position"):
        lot.position = call.lots.count() + 1
    lot.full_clean(exclude=["call"])
    lot.save()
    lot.indicators.all().delete()
    LotIndicator.objects.bulk_create(
        LotIndicator(lot=lot, position=n, **{k: row.get(k, "") for k in INDICATOR_FIELDS})
        for n, row in enumerate(indicators, start=1)
    )
    lot.justification_lines.all().delete()
    CostJustificationLine.objects.bulk_create(
        CostJustificationLine(lot=lot, position=n, **{k: row.get(k, "") for k in LINE_FIELDS})
        for n, row in enumerate(lines, start=1)
    )
    audit.record(
        actor=actor, obj=lot, action="lot_created" if created else "lot_changed",
        data={"budget": str(lot.budget), "indicators": len(indicators), "justification_lines": len(lines)},
    )
    return lot


@transaction.atomic
def lot_delete(*, actor, lot: Lot) -> None:
    call = Call.objects.select_for_update().get(pk=lot.call_id)
    _ensure_draft(call)
    audit.record(actor=actor, obj=call, action="lot_deleted", note=lot.code)
    lot.delete()
