"""Demo data: the closed demo call's winners got their grants when the commission's meeting closed (the
evaluations demo runs first). Here one winner declines and the lot's reserve moves up: its agreement, with the
bank details entered, waits for its head's signature (its deadline, counted from the move, is still ahead).
Another winner's agreement is signed by both sides, its first tranche paid and a budget reallocation approved."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from grants.workdays import local_date
from ngos.choices import MemberRole
from portal.demo import clock
from portal.esign.services import signed

from .banking import make_iban
from .choices import GrantStatus, Party
from .models import Grant

FINANCE = "finance@demo.demeu.kz"
SIGNATORY = "admin@demo.demeu.kz"
BANKS = [("KCJBKZKX", "АО «Банк ЦентрКредит»"), ("HSBKKZKX", "АО «Народный Банк Казахстана»"),
         ("CASPKZKA", "АО «Kaspi Bank»")]


def _head(ngo):
    membership = ngo.memberships.filter(role=MemberRole.HEAD).select_related("user").first()
    return membership.user if membership else None


def _bank_details(grant, head, n: int):
    from .services import agreement_render, agreement_set_bank_details

    bik, bank = BANKS[n % len(BANKS)]
    agreement_set_bank_details(agreement=grant.agreement, actor=head, iban=make_iban("722", f"S{grant.pk:012d}"),
                               bik=bik, bank_name=bank)
    agreement = grant.agreement
    agreement.refresh_from_db()
    agreement_render(agreement_pk=agreement.pk, version=agreement.version)
    agreement.refresh_from_db()
    return agreement


def _approved_reallocation(grant, head, signatory, *, requested, decided) -> None:
    """A small move between two direct categories (the total and the budget rules unchanged), approved."""
    from decimal import Decimal

    from grants.applications.choices import DIRECT_CATEGORIES, BudgetCategory

    from .choices import AmendmentKind
    from .services import amendment_decide, amendment_render, amendment_request

    budget = {k: Decimal(v) for k, v in grant.budget.items()}
    direct = sorted((k for k in budget if k in DIRECT_CATEGORIES), key=lambda k: budget[k], reverse=True)
    if not direct:
        return
    source = direct[0]
    target = next((c for c in BudgetCategory.values if c in DIRECT_CATEGORIES and c != source), None)
    moved = min(Decimal("150000.00"), (budget[source] / 20).quantize(Decimal("0.01")))
    budget[source] -= moved
    budget[target] = budget.get(target, Decimal("0.00")) + moved
    with clock(requested):
        amendment = amendment_request(
            grant=grant, actor=head, kind=AmendmentKind.BUDGET, budget={k: str(v) for k, v in budget.items()},
            justification="Тренингтердің бір бөлігі онлайн өтеді: жол шығысы материалдарға ауыстырылады. "
                          "Часть тренингов пройдёт онлайн: расходы на поездки переносятся на материалы.")
    with clock(decided):
        amendment_decide(amendment=amendment, actor=signatory, approve=True)
        amendment_render(amendment_pk=amendment.pk)


def seed(stdout=None) -> None:
    from portal import mail

    from .services import agreement_sign, grant_decline, payment_record

    if Grant.objects.exclude(status=GrantStatus.AWARDED).exists():
        return  # seeded already
    users = get_user_model().objects
    finance, signatory = users.filter(email=FINANCE).first(), users.filter(email=SIGNATORY).first()
    grants = list(Grant.objects.filter(status=GrantStatus.AWARDED).select_related("ngo", "lot")
                  .order_by("lot__position", "number"))
    if not grants or finance is None or signatory is None:
        if stdout:
            stdout.write("agreements: no awarded grant of the closed demo call; skipped")
        return
    decided = grants[0].application.decision.lot_decision.decided_at
    office = decided.replace(hour=5, minute=30, second=0, microsecond=0)  # 10:30 in Astana

    def at(days: int, hours: int = 0):
        return min(office + timedelta(days=days, hours=hours), timezone.now() - timedelta(minutes=5))

    with mail.silence():
        # A winner whose lot has a reserve declines: the reserve moves up and signs.
        lot_with_reserve = next((g for g in grants if g.application.decision.lot_decision.applications
                                 .filter(outcome="reserve").exists()), None)
        others = [g for g in grants if g is not lot_with_reserve]
        waiting = None
        if lot_with_reserve and _head(lot_with_reserve.ngo):
            with clock(at(3)):
                grant_decline(grant=lot_with_reserve, actor=_head(lot_with_reserve.ngo),
                              reason="Ұйымның жоба командасы құрамы өзгерді, жобаны мерзімінде іске асыра алмаймыз. "
                                     "Состав команды проекта изменился, мы не сможем реализовать проект в срок.")
            # The reserve moved up later than the others: its signing deadline is the one still ahead.
            waiting = Grant.objects.filter(lot=lot_with_reserve.lot, status=GrantStatus.AWARDED).first()
        signed_grant = next((g for g in others if _head(g.ngo)), None)
        if waiting is None:
            waiting = next((g for g in others if g is not signed_grant and _head(g.ngo)), None)
        if signed_grant:
            head = _head(signed_grant.ngo)
            with clock(at(4)):
                agreement = _bank_details(signed_grant, head, 0)
            with clock(at(5, 2)):
                signed(actor=head, action="agreements.sign_ngo", obj=signed_grant, data={},
                       perform=lambda method: agreement_sign(agreement=agreement, actor=head, party=Party.NGO,
                                                             sha256=agreement.pdf_sha256).agreement)
            with clock(at(6, 4)):
                signed(actor=signatory, action="agreements.sign_operator", obj=signed_grant, data={},
                       perform=lambda method: agreement_sign(
                           agreement=agreement, actor=signatory, party=Party.OPERATOR, sha256=agreement.pdf_sha256,
                       ).agreement)
            with clock(at(8, 1)):
                first = signed_grant.tranches.get(position=1)
                payment_record(tranche=first, actor=finance, paid_on=local_date(timezone.now()),
                               amount=first.amount, order_number="ПП-000417")
            _approved_reallocation(signed_grant, head, signatory, requested=at(10), decided=at(11, 3))
        if waiting and _head(waiting.ngo):
            with clock(at(5, 6)):
                _bank_details(waiting, _head(waiting.ngo), 1)
    if stdout:
        stdout.write(f"agreements: {Grant.objects.count()} grants; one declined, one signed and paid with an "
                     f"approved amendment, one waiting for the NGO's signature")
