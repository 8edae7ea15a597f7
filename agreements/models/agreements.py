from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import AgreementStatus, Party, SignatureMethod, SignatureStatus


def agreement_path(instance, filename):
    return f"agreements/{instance.grant.call_id}/{filename}"


class Agreement(models.Model):
    """The grant agreement in Kazakh and Russian (one PDF, both texts), the bank details the NGO enters and the
    version the signatures are bound to: any change after the first signature voids them."""

    grant = models.OneToOneField("agreements.Grant", verbose_name=_("grant"), on_delete=models.CASCADE,
                                 related_name="agreement")
    status = models.CharField(_("status"), max_length=16, choices=AgreementStatus.choices,
                              default=AgreementStatus.DRAFT)
    iban = models.CharField(_("IBAN (IIK)"), max_length=20, blank=True)
    bik = models.CharField(_("BIK"), max_length=8, blank=True)
    bank_name = models.CharField(_("bank"), max_length=200, blank=True)
    bank_entered_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("bank details entered by"),
                                        null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    bank_entered_at = models.DateTimeField(_("bank details entered at"), null=True, blank=True)
    # The content's version: each change bumps it; the PDF is rendered for one version.
    version = models.PositiveIntegerField(_("version"), default=0)
    pdf = models.FileField(_("agreement (PDF)"), upload_to=agreement_path, max_length=300, blank=True)
    pdf_version = models.PositiveIntegerField(_("version of the PDF"), default=0)
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64, blank=True)
    signed_at = models.DateTimeField(_("signed by both parties at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("grant agreement")
        verbose_name_plural = _("grant agreements")

    def __str__(self):
        return self.number

    @property
    def number(self) -> str:
        return self.grant.number

    @property
    def has_bank_details(self) -> bool:
        return bool(self.iban and self.bik and self.bank_name)

    @property
    def pdf_ready(self) -> bool:
        """The PDF on file is the current text (a change renders it again)."""
        return bool(self.pdf and self.pdf_sha256 and self.pdf_version == self.version and self.version)


class Signature(models.Model):
    """One party's signature of the exact PDF bytes (their SHA-256), voided when the agreement changes."""

    agreement = models.ForeignKey(Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE,
                                  related_name="signatures")
    party = models.CharField(_("party"), max_length=10, choices=Party.choices)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed by"), on_delete=models.PROTECT,
                               related_name="+")
    signed_at = models.DateTimeField(_("signed at"))
    sha256 = models.CharField(_("SHA-256 of the document signed"), max_length=64)
    version = models.PositiveIntegerField(_("version signed"))
    signature_method = models.CharField(_("signature method"), max_length=16, choices=SignatureMethod.choices,
                                        default=SignatureMethod.PORTAL)
    status = models.CharField(_("status"), max_length=10, choices=SignatureStatus.choices,
                              default=SignatureStatus.VALID)
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("signature")
        verbose_name_plural = _("signatures")
        ordering = ["agreement", "signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["agreement", "party"], condition=models.Q(status="valid"),
                                    name="one_valid_signature_per_party"),
        ]

    def __str__(self):
        return f"{self.agreement}: {self.get_party_display()}"
