"""Builders for the registry tests: awarded grants in a region, with a title, summary and NGO of one's choosing,
and (optionally) the agreement signed and the first tranche paid, all through the agreements services."""

from datetime import date
from decimal import Decimal
from itertools import count

from django.utils import timezone

from agreements.services import payment_record
from grants.choices import DirectionListStatus, GrantType
from grants.models import PriorityDirectionList
from tests.agreements import factories as af
from tests.evaluations import factories as ef
from tests.grants.factories import DirectionFactory
from tests.world import make_user

_seq = count(1)


def grant(*, region: str | None = "almaty", title: str = "", summary: str = "", ngo=None, amount=Decimal("10000000"),
          awarded_on: date | None = None, grant_type: str = GrantType.SHORT, paid: bool = False, call=None,
          direction=None):
    n = next(_seq)
    call = call or ef.call()
    if direction is None:
        direction_list, _ = PriorityDirectionList.objects.get_or_create(
            customer=call.customer, fiscal_year=call.fiscal_year,
            defaults={"status": DirectionListStatus.APPROVED, "discussion_starts_on": date(2026, 11, 2),
                      "discussion_ends_on": date(2026, 11, 20)})
        direction = DirectionFactory(direction_list=direction_list)
    lot = ef.lot(call, region=ef.region(region) if region else None, grant_type=grant_type, direction=direction)
    builder = af.signed_grant if paid else af.awarded_grant
    result = builder(ngo=ngo, budget=amount, awarded_on=awarded_on, lot=lot)
    application = result.application
    changed = []
    if title:
        result.title = title
        changed.append("title")
    if summary:
        application.summary = summary
        application.save(update_fields=["summary"])
    if changed:
        result.save(update_fields=changed)
    else:
        result.save(update_fields=["updated_at"])  # the search index follows the summary set above
    if paid:
        tranche = result.tranches.order_by("position").first()
        finance = make_user(f"finance-{n}-{result.pk}@example.kz", group="finance_officer")
        payment_record(tranche=tranche, actor=finance, paid_on=timezone.localdate(), amount=tranche.amount,
                       order_number=f"ПП-{n:05d}")
    result.refresh_from_db()
    return result
