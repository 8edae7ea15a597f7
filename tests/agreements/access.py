"""Who may open each agreements page. NGO A has two grants: one whose agreement waits for its head's signature
(bank details entered, PDF rendered) and one signed by both sides with its first tranche due. NGO B's member
(the head of NGO B) never sees either, nor their bank details."""

from datetime import timedelta

from django.utils import timezone

from agreements.choices import AgreementStatus, AmendmentKind, GrantStatus, TrancheStatus
from agreements.models import Agreement, Amendment, CallTerms, Grant, Tranche
from agreements.services import amendment_decide, amendment_render, amendment_request
from tests.evaluations import factories as ef
from tests.harness import Page
from tests.world import NGO_A, STAFF

from . import factories as f

HEAD = frozenset({"ngo_head"})
SIGNATORIES = frozenset({"call_manager", "operator_admin"})
FINANCE = frozenset({"finance_officer"})
POST_ONLY = {"status": 405, "refused": (403, 404, 405)}


def build(world):
    head = world.users["ngo_head"]
    waiting = f.awarded_grant(ngo=world.ngo_a)
    f.ready_to_sign(waiting, head)
    world.objects["grant_waiting"] = waiting
    signed = f.signed_grant(ngo=world.ngo_a, operator=world.users["operator_admin"])
    world.objects["grant_signed"] = signed
    amendment = amendment_request(grant=signed, actor=head, kind=AmendmentKind.EXTENSION,
                                  justification="Мерзімді ұзарту", ends_on=signed.ends_on + timedelta(days=10))
    amendment_decide(amendment=amendment, actor=world.users["call_manager"], approve=True)
    amendment_render(amendment_pk=amendment.pk)
    world.objects["amendment"] = amendment
    # A grant whose second tranche the operator releases by hand, with a reallocation waiting for a decision.
    lot = ef.lot(ef.call())
    CallTerms.objects.create(call=lot.call, tranches=[{"share": "50", "condition": "on_signing"},
                                                      {"share": "50", "condition": "manual:Мониторингтен кейін"}])
    manual = f.signed_grant(ngo=world.ngo_a, lot=lot, operator=world.users["operator_admin"])
    world.objects["grant_manual"] = manual
    world.objects["amendment_pending"] = amendment_request(
        grant=manual, actor=head, kind=AmendmentKind.BUDGET, justification="Қайта бөлу",
        budget={"services": "9000000", "institutional": "1000000"})


BUILDERS = [build]


def _waiting(world):
    return {"number": world.grant_waiting.number}


def _signed(world):
    return {"number": world.grant_signed.number}


def _grant_url(name):
    return lambda w: f"/kk/agreements/{getattr(w, name).number}/"


def _status(model, pk, value) -> bool:
    return model.objects.filter(pk=pk, status=value).exists()


PAGES = [
    # Any NGO member has "Our grants" (their own NGO's); NGO B's list does not show NGO A's grants (test_pages).
    Page("agreements:mine", NGO_A | {"other_ngo_member"}),
    Page("agreements:grant", STAFF | NGO_A, kwargs=_waiting),
    Page("agreements:pdf", STAFF | NGO_A, kwargs=_waiting),
    Page("agreements:bank_details", HEAD, kwargs=_waiting, post=HEAD,
         post_data=lambda w: {"iban": "KZ86125KZT5004100100", "bik": "HSBKKZKX", "bank_name": "Halyk Bank"},
         post_redirect=_grant_url("grant_waiting"),
         post_effect=lambda w: Agreement.objects.filter(grant=w.grant_waiting, iban="KZ86125KZT5004100100").exists()),
    Page("agreements:decline", HEAD, kwargs=_waiting, post=HEAD, post_data=lambda w: {"reason": "Бас тартамыз"},
         post_redirect=_grant_url("grant_waiting"),
         post_effect=lambda w: _status(Grant, w.grant_waiting.pk, GrantStatus.DECLINED)),
    # The operator's signatories may sign, but after the NGO: on the waiting agreement their POST is turned
    # back with a message (302) and changes nothing.
    Page("agreements:sign", HEAD | SIGNATORIES, kwargs=_waiting, **POST_ONLY, post=HEAD,
         post_data=lambda w: {"sha256": w.grant_waiting.agreement.pdf_sha256, "confirm": "on"},
         post_refused=(302, 403, 404), post_redirect=_grant_url("grant_waiting"),
         post_effect=lambda w: Agreement.objects.filter(grant=w.grant_waiting,
                                                        status=AgreementStatus.NGO_SIGNED).exists()),
    Page("agreements:pay", FINANCE, kwargs=lambda w: {**_signed(w), "position": 1}, post=FINANCE,
         post_data=lambda w: {"paid_on": timezone.now().date().isoformat(), "order_number": "ПП-1",
                              "amount": str(w.grant_signed.tranches.get(position=1).amount)},
         post_redirect=_grant_url("grant_signed"),
         post_effect=lambda w: Tranche.objects.filter(grant=w.grant_signed, position=1,
                                                      status=TrancheStatus.PAID).exists()),
    Page("agreements:release", FINANCE | {"operator_admin"},
         kwargs=lambda w: {"number": w.grant_manual.number, "position": 2}, **POST_ONLY,
         post=FINANCE | {"operator_admin"}, post_redirect=_grant_url("grant_manual"),
         post_effect=lambda w: Tranche.objects.filter(grant=w.grant_manual, position=2,
                                                      status=TrancheStatus.DUE).exists()),
    Page("agreements:terminate", frozenset({"operator_admin"}), kwargs=_signed, **POST_ONLY,
         post=frozenset({"operator_admin"}), post_data=lambda w: {"reason": "Шарт бұзылды"},
         post_redirect=_grant_url("grant_signed"),
         post_effect=lambda w: _status(Grant, w.grant_signed.pk, GrantStatus.TERMINATED)),
    Page("agreements:amendment_new", HEAD, kwargs=_signed, post=HEAD,
         post_data=lambda w: {"kind": "extension", "justification": "Ұзарту",
                              "ends_on": (Grant.objects.get(pk=w.grant_signed.pk).ends_on
                                          + timedelta(days=5)).isoformat()},
         post_effect=lambda w: w.grant_signed.amendments.filter(status="requested").exists()),
    Page("agreements:amendment", STAFF | NGO_A,
         kwargs=lambda w: {"number": w.grant_manual.number, "amendment": w.amendment_pending.number},
         post=SIGNATORIES, post_data=lambda w: {"approve": "yes"},
         post_effect=lambda w: _status(Amendment, w.amendment_pending.pk, "approved")),
    Page("agreements:amendment_pdf", STAFF | NGO_A,
         kwargs=lambda w: {**_signed(w), "amendment": w.amendment.number}),
    Page("agreements:staff_list", STAFF),
    Page("agreements:staff_export", STAFF, kwargs=lambda w: {"fmt": "csv"}),
    Page("agreements:staff_export", STAFF, kwargs=lambda w: {"fmt": "xlsx"}),
]
