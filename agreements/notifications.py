"""The e-mails of the agreement stage, written to the outbox in the service's transaction."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext_noop

from ngos.choices import MemberRole
from portal import mail
from portal.choices import StaffRole


def heads_of(ngo) -> list:
    return list(get_user_model().objects.filter(memberships__ngo=ngo, memberships__role=MemberRole.HEAD,
                                                is_active=True))


def staff_in(role: str) -> list:
    return list(get_user_model().objects.filter(groups__name=role, is_active=True))


def _grant_links(grant) -> dict:
    return {"grant_url": ("agreements:grant", {"number": grant.number})}


def signing_requested(grant, *, moved_up: bool = False) -> None:
    """The winner (or the reserve that moved up) is asked to enter bank details and sign by the deadline."""
    subject = (gettext_noop("Grant %(number)s: a winner declined, your application moved up from the reserve list")
               if moved_up else gettext_noop("Grant %(number)s: enter the bank details and sign the agreement"))
    mail.send(to=heads_of(grant.ngo), subject=subject, subject_params={"number": grant.number},
              template="agreements/email/signing_requested.txt",
              context={"grant": grant, "moved_up": moved_up}, links=_grant_links(grant))


def operator_signature_requested(grant) -> None:
    mail.send(to=staff_in(StaffRole.OPERATOR_ADMIN) + staff_in(StaffRole.CALL_MANAGER),
              subject=gettext_noop("Grant %(number)s: the NGO signed, the operator's signature is awaited"),
              subject_params={"number": grant.number}, template="agreements/email/operator_signature.txt",
              context={"grant": grant}, links=_grant_links(grant))


def tranche_due(tranche) -> None:
    grant = tranche.grant
    mail.send(to=heads_of(grant.ngo) + staff_in(StaffRole.FINANCE_OFFICER),
              subject=gettext_noop("Grant %(number)s: tranche %(position)s is due"),
              subject_params={"number": grant.number, "position": tranche.position},
              template="agreements/email/tranche_due.txt", context={"grant": grant, "tranche": tranche},
              links=_grant_links(grant))


def amendment_decided(amendment) -> None:
    grant = amendment.grant
    mail.send(to=heads_of(grant.ngo), subject=gettext_noop("Grant %(number)s: your amendment request is decided"),
              subject_params={"number": grant.number}, template="agreements/email/amendment_decided.txt",
              context={"grant": grant, "amendment": amendment}, links=_grant_links(grant))


def grant_declined(grant) -> None:
    mail.send(to=staff_in(StaffRole.CALL_MANAGER),
              subject=gettext_noop("Grant %(number)s is declined"), subject_params={"number": grant.number},
              template="agreements/email/declined.txt", context={"grant": grant}, links=_grant_links(grant))
