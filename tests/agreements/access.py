"""Who may open each agreements page. NGO A has two grants: one whose agreement waits for its head's signature
(bank details entered, PDF rendered) and one signed by both sides with its first tranche due. NGO B's member
(the head of NGO B) never sees either, nor their bank details."""

from datetime import timedelta

from agreements.choices import AmendmentKind
from agreements.services import amendment_decide, amendment_render, amendment_request
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


BUILDERS = [build]


def _waiting(world):
    return {"number": world.grant_waiting.number}


def _signed(world):
    return {"number": world.grant_signed.number}


PAGES = [
    # Any NGO member has "Our grants" (their own NGO's); NGO B's list does not show NGO A's grants (test_pages).
    Page("agreements:mine", NGO_A | {"other_ngo_member"}),
    Page("agreements:grant", STAFF | NGO_A, kwargs=_waiting),
    Page("agreements:pdf", STAFF | NGO_A, kwargs=_waiting),
    Page("agreements:bank_details", HEAD, kwargs=_waiting),
    Page("agreements:decline", HEAD, kwargs=_waiting),
    Page("agreements:sign", HEAD | SIGNATORIES, kwargs=_waiting, **POST_ONLY),
    Page("agreements:pay", FINANCE, kwargs=lambda w: {**_signed(w), "position": 1}),
    Page("agreements:release", FINANCE | {"operator_admin"}, kwargs=lambda w: {**_signed(w), "position": 2},
         **POST_ONLY),
    Page("agreements:terminate", frozenset({"operator_admin"}), kwargs=_signed, **POST_ONLY),
    Page("agreements:amendment_new", HEAD, kwargs=_signed),
    Page("agreements:amendment", STAFF | NGO_A, kwargs=lambda w: {**_signed(w), "amendment": w.amendment.number}),
    Page("agreements:amendment_pdf", STAFF | NGO_A,
         kwargs=lambda w: {**_signed(w), "amendment": w.amendment.number}),
    Page("agreements:staff_list", STAFF),
    Page("agreements:staff_export", STAFF),
]
