"""Every write of the agreements app. `condition_met` is the door the stages above use (monitoring accepts a
report: condition_met(grant=..., condition="report_accepted:interim", actor=...))."""

from .amendments import amendment_decide, amendment_render, amendment_request
from .awards import grant_award, grant_complete, grant_decline, grant_expire, grant_terminate, grants_expire_unsigned
from .signing import agreement_render, agreement_set_bank_details, agreement_sign
from .tranches import condition_met, payment_record, tranche_release

__all__ = [
    "amendment_decide", "amendment_render", "amendment_request",
    "agreement_render", "agreement_set_bank_details", "agreement_sign", "condition_met", "grant_award",
    "grant_complete", "grant_decline", "grant_expire", "grant_terminate", "grants_expire_unsigned",
    "payment_record", "tranche_release",
]
