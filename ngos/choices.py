from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class LegalForm(models.TextChoices):
    PUBLIC_ASSOCIATION = "public_association", _("Public association")
    PUBLIC_FOUNDATION = "public_foundation", _("Public foundation")
    PRIVATE_INSTITUTION = "private_institution", _("Private institution")
    ASSOCIATION = "association", _("Association or union of legal entities")
    FOREIGN_BRANCH = "foreign_branch", _("Branch or representative office of a foreign or international NGO")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("verification", "Pending verification")
    VERIFIED = "verified", pgettext_lazy("verification", "Verified")
    REJECTED = "rejected", pgettext_lazy("verification", "Rejected")


class MemberRole(models.TextChoices):
    HEAD = "head", _("Head")
    MEMBER = "member", pgettext_lazy("NGO role", "Member")
    ACCOUNTANT = "accountant", _("Accountant")


class EligibilityFlag(models.TextChoices):
    """The staff-kept facts that make an NGO ineligible; each is a field trio on NGO (flag, source, date)."""

    IN_LIQUIDATION = "in_liquidation", _("In liquidation")
    BANKRUPT = "bankrupt", _("Declared bankrupt")
    SUSPENDED = "suspended", _("Property under arrest or operations suspended")


class RequestStatus(models.TextChoices):
    """A join request or an invitation: waits for an answer, then is answered once."""

    PENDING = "pending", pgettext_lazy("request", "Waiting for an answer")
    ACCEPTED = "accepted", pgettext_lazy("request", "Accepted")
    DECLINED = "declined", pgettext_lazy("request", "Declined")
    REVOKED = "revoked", pgettext_lazy("request", "Withdrawn")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("report", "Draft")
    SUBMITTED = "submitted", pgettext_lazy("report", "Submitted")


class FundSourceType(models.TextChoices):
    STATE_GRANT = "state_grant", _("State grants")
    STATE_SOCIAL_ORDER = "state_social_order", _("State social order")
    STATE_AWARD = "state_award", _("State awards")
    MEMBERSHIP_FEES = "membership_fees", _("Membership fees")
    DONATIONS_INDIVIDUALS = "donations_individuals", _("Donations from individuals")
    DONATIONS_COMPANIES = "donations_companies", _("Donations from Kazakhstan companies")
    FOREIGN = "foreign", _("Foreign and international sources")
    OWN_INCOME = "own_income", _("Income from the NGO's own activities")
    OTHER = "other", pgettext_lazy("source of funds", "Other")


class SpendingDirection(models.TextChoices):
    PROGRAMMES = "programmes", _("Projects and programmes under the charter")
    CHARITABLE_AID = "charitable_aid", _("Charitable aid to beneficiaries")
    SALARIES = "salaries", _("Salaries and social payments")
    ADMINISTRATION = "administration", _("Administrative costs (rent, utilities, communication)")
    PROPERTY = "property", _("Purchase of property and equipment")
    TAXES = "taxes", _("Taxes and other obligatory payments")
    OTHER = "other", pgettext_lazy("direction of spending", "Other")
