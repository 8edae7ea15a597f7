from django.db import models
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"
    EN = "en", "English"


class StaffRole(models.TextChoices):
    """Operator staff roles: each is a group with model permissions (see roles.py)."""

    CALL_MANAGER = "call_manager", _("Call manager")
    SCREENING_OFFICER = "screening_officer", _("Screening officer")
    MONITORING_OFFICER = "monitoring_officer", _("Monitoring officer")
    FINANCE_OFFICER = "finance_officer", _("Finance officer")
    OPERATOR_ADMIN = "operator_admin", _("Operator administrator")
    AUDITOR = "auditor", _("Auditor")


class PublicRole(models.TextChoices):
    """Roles outside the operator that are still groups: the register and council decide who."""

    EXPERT = "expert", _("Expert")
    COUNCIL = "council", _("Coordination council member")
    CUSTOMER = "customer", _("Customer representative")


PRIVILEGED_GROUPS = {r.value for r in StaffRole} | {PublicRole.EXPERT, PublicRole.COUNCIL}


class SignatureMethod(models.TextChoices):
    """How a person put their name to an action: the one-button confirmation, or a qualified e-signature."""

    CONFIRMATION = "confirmation", _("Confirmed with the button in the portal")
    NCALAYER = "ncalayer", _("Electronic digital signature (NCALayer)")
