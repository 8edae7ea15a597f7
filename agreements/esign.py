"""What the parties sign of a grant (portal.esign): the agreement (the NGO's head, then the operator's authorised
staff) and its amendments (the head's request, the operator's decision)."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from portal.esign.actions import SignedAction, register

from .models import Amendment, Grant


def _agreement_lines(grant: Grant) -> list[tuple[str, str]]:
    agreement = grant.agreement
    return [("grant", grant.number), ("NGO BIN", grant.ngo.bin), ("agreement", agreement.number),
            ("agreement version", str(agreement.version)), ("agreement PDF SHA-256", agreement.pdf_sha256)]


def _amendment_lines(amendment: Amendment) -> list[tuple[str, str]]:
    return [("grant", amendment.grant.number), ("NGO BIN", amendment.grant.ngo.bin),
            ("amendment", amendment.full_number), ("kind", amendment.kind)]


def _ngo_bin(obj, user) -> str:
    return (obj.grant if isinstance(obj, Amendment) else obj).ngo.bin


def _operator_bin(obj, user) -> str:
    return settings.OPERATOR_BIN


def register_actions() -> None:
    register(
        SignedAction(code="agreements.sign_ngo", label=_("The NGO's signature of the grant agreement"), model=Grant,
                     permission="agreements.sign_for_ngo", document=_agreement_lines, organisation_bin=_ngo_bin),
        SignedAction(code="agreements.sign_operator", label=_("The operator's signature of the grant agreement"),
                     model=Grant, permission="agreements.sign_for_operator", document=_agreement_lines,
                     organisation_bin=_operator_bin),
        SignedAction(code="agreements.amendment_request", label=_("A request to amend the agreement"), model=Grant,
                     permission="agreements.request_amendment", document=_agreement_lines, organisation_bin=_ngo_bin),
        SignedAction(code="agreements.amendment_decide", label=_("The operator's decision on an amendment"),
                     model=Amendment, permission="agreements.decide_amendment", document=_amendment_lines,
                     organisation_bin=_operator_bin, permission_object=lambda amendment: amendment.grant),
    )
