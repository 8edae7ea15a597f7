from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..choices import SignatureMethod


class SignatureChallenge(models.Model):
    """The exact bytes issued to one user for one action on one object: signed once, within minutes."""

    nonce = models.CharField(_("nonce"), max_length=64, unique=True)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE,
                             related_name="+")
    action = models.CharField(_("action"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    document = models.TextField(_("document"), help_text=_("What the action states, without the nonce."))
    payload = models.TextField(_("text to sign"))
    created_at = models.DateTimeField(_("issued at"))
    expires_at = models.DateTimeField(_("expires at"))
    used_at = models.DateTimeField(_("used at"), null=True, blank=True)

    class Meta:
        app_label = "portal"
        verbose_name = _("signature request")
        verbose_name_plural = _("signature requests")
        indexes = [models.Index(fields=["expires_at"])]

    def __str__(self):
        return f"{self.action} {self.object_id}"

    @property
    def payload_bytes(self) -> bytes:
        return self.payload.encode("utf-8")


class SignatureRecord(models.Model):
    """Who put their name to an action on an object, how, when, and what the server found of it."""

    action = models.CharField(_("action"), max_length=64)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    signed_object = GenericForeignKey("content_type", "object_id")
    method = models.CharField(_("signature method"), max_length=16, choices=SignatureMethod.choices)
    signer = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("signed by"), on_delete=models.PROTECT,
                               related_name="+")
    signed_at = models.DateTimeField(_("signed at"))
    document = models.TextField(_("text signed"))
    document_sha256 = models.CharField(_("SHA-256 of the text signed"), max_length=64)
    challenge = models.OneToOneField(SignatureChallenge, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="record")
    cms = models.BinaryField(_("CMS signature"), blank=True, default=b"")
    certificate = models.BinaryField(_("signer's certificate"), blank=True, default=b"")
    signer_name = models.CharField(_("name in the certificate"), max_length=300, blank=True)
    signer_iin = models.CharField(_("IIN in the certificate"), max_length=12, blank=True)
    signer_bin = models.CharField(_("BIN in the certificate"), max_length=12, blank=True)
    organisation = models.CharField(_("organisation in the certificate"), max_length=500, blank=True)
    certificate_serial = models.CharField(_("certificate serial number"), max_length=100, blank=True)
    certificate_issuer = models.CharField(_("certificate issuer"), max_length=500, blank=True)
    certificate_valid_from = models.DateTimeField(_("certificate valid from"), null=True, blank=True)
    certificate_valid_until = models.DateTimeField(_("certificate valid until"), null=True, blank=True)
    signing_time = models.DateTimeField(_("signing time in the signature"), null=True, blank=True)
    verified = models.BooleanField(_("verified"), default=False)
    verification = models.JSONField(_("verification"), default=dict, blank=True)
    last_verified_at = models.DateTimeField(_("last verified at"), null=True, blank=True)
    last_verification = models.JSONField(_("last verification"), default=dict, blank=True)

    class Meta:
        app_label = "portal"
        verbose_name = _("signature record")
        verbose_name_plural = _("signature records")
        ordering = ["-signed_at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id", "action"])]

    def __str__(self):
        return f"{self.action} · {self.signer} · {self.signed_at:%Y-%m-%d %H:%M}"
