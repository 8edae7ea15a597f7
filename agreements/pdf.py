"""The grant agreement as one PDF with the Kazakh and the Russian text (the operator's practice is both texts)."""

from datetime import date

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from grants.applications.choices import BudgetCategory
from portal.pdf import render_pdf

from .selectors import agreement_for_pdf, amendment_budget_rows, head_of
from .words import amount_in_words


def _budget_rows(grant) -> list:
    labels = dict(BudgetCategory.choices)
    return [{"label": labels.get(key, key), "amount": amount} for key, amount in grant.budget.items()]


def agreement_context(agreement) -> dict:
    agreement = agreement_for_pdf(agreement.pk)
    grant = agreement.grant
    call, lot, ngo = grant.call, grant.lot, grant.ngo
    texts = [
        {"language": language, "words": amount_in_words(grant.amount, language),
         "call_title": getattr(call, f"title_{language}"), "lot_title": getattr(lot, f"title_{language}"),
         "ngo_name": getattr(ngo, f"name_{language}"), "customer": getattr(call.customer, f"name_{language}")}
        for language in ("kk", "ru")
    ]
    return {
        "agreement": agreement, "grant": grant, "ngo": ngo, "head": head_of(ngo), "texts": texts,
        "budget": _budget_rows(grant), "tranches": list(grant.tranches.all()),
        "operator_bin": settings.OPERATOR_BIN, "operator_name": settings.OPERATOR_NAME,
    }


def amendment_pdf(amendment) -> bytes:
    from .models import Amendment

    amendment = Amendment.objects.select_related("grant__ngo", "grant__call", "grant__lot").get(pk=amendment.pk)
    grant = amendment.grant
    texts = [{"language": language, "ngo_name": getattr(grant.ngo, f"name_{language}")} for language in ("kk", "ru")]
    context = {
        "amendment": amendment, "grant": grant, "texts": texts, "operator_bin": settings.OPERATOR_BIN,
        "operator_name": settings.OPERATOR_NAME,
        "budget": [{"label": label, "before": before, "after": after}
                   for label, before, after in amendment_budget_rows(amendment)],
        "activity": grant.activities[amendment.changes["activity"]] if "activity" in amendment.changes else None,
        "dates": {f"{when}_{key}": date.fromisoformat(value) for when, values in
                  (("before", amendment.previous), ("after", amendment.changes))
                  for key, value in values.items() if key in ("starts_on", "ends_on") and value},
    }
    return render_pdf("agreements/pdf/amendment.html", context, language="kk", number=amendment.full_number,
                      title=_("Supplementary agreement"))


def agreement_pdf(agreement) -> bytes:
    return render_pdf("agreements/pdf/agreement.html", agreement_context(agreement), language="kk",
                      number=agreement.number, title=_("Grant agreement"))
