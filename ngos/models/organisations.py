from django.conf import settings
from django.db import models
from django.db.models.functions import Concat, Upper
from django.utils.translation import gettext_lazy as _

from portal.translation import Translated

from ..bin import validate_bin
from ..choices import EligibilityFlag, LegalForm, VerificationStatus
from ..files import validate_logo


class Sphere(models.Model):
    """A sphere of activity: the shared taxonomy for NGOs, directions, experts and prize nominations."""

    slug = models.SlugField(unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=150)
    name_ru = models.CharField(_("name (Russian)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    name = Translated("name")

    class Meta:
        verbose_name = _("sphere of activity")
        verbose_name_plural = _("spheres of activity")
        ordering = ["position", "slug"]

    def __str__(self):
        return self.name


class NGO(models.Model):
    bin = models.CharField(_("BIN"), max_length=12, unique=True, validators=[validate_bin])
    name_kk = models.CharField(_("name (Kazakh)"), max_length=300)
    name_ru = models.CharField(_("name (Russian)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300, blank=True)
    short_name_kk = models.CharField(_("short name (Kazakh)"), max_length=120, blank=True)
    short_name_ru = models.CharField(_("short name (Russian)"), max_length=120, blank=True)
    short_name_en = models.CharField(_("short name (English)"), max_length=120, blank=True)
    legal_form = models.CharField(_("legal form"), max_length=32, choices=LegalForm.choices)
    registered_on = models.DateField(_("date of registration"), null=True, blank=True)
    region = models.ForeignKey(
        "portal.Region", verbose_name=_("region"), on_delete=models.PROTECT, related_name="ngos"
    )
    address = models.CharField(_("address"), max_length=300, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), blank=True)
    spheres = models.ManyToManyField(Sphere, verbose_name=_("spheres of activity"), blank=True, related_name="ngos")
    description_kk = models.TextField(_("description (Kazakh)"), blank=True)
    description_ru = models.TextField(_("description (Russian)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    logo = models.ImageField(_("logo"), upload_to="ngos/logos/", blank=True, validators=[validate_logo])

    verification = models.CharField(
        _("verification"), max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)

    # Eligibility flags kept by staff, each with its source and date (changes are audited).
    in_liquidation = models.BooleanField(_("in liquidation"), default=False)
    in_liquidation_source = models.CharField(_("source"), max_length=300, blank=True)
    in_liquidation_on = models.DateField(_("date"), null=True, blank=True)
    bankrupt = models.BooleanField(_("declared bankrupt"), default=False)
    bankrupt_source = models.CharField(_("source"), max_length=300, blank=True)
    bankrupt_on = models.DateField(_("date"), null=True, blank=True)
    suspended = models.BooleanField(_("property under arrest or operations suspended"), default=False)
    suspended_source = models.CharField(_("source"), max_length=300, blank=True)
    suspended_on = models.DateField(_("date"), null=True, blank=True)

    # Every name in every language a page shows it in, in capitals, kept by the database: one trigram
    # index serves "name contains" searches (the English page shows name_en, so "Kamkorlyk" must find it).
    search_text = models.GeneratedField(
        expression=Upper(
            Concat(
                "name_kk", models.Value(" "), "name_ru", models.Value(" "), "name_en", models.Value(" "),
                "short_name_kk", models.Value(" "), "short_name_ru", models.Value(" "), "short_name_en",
            )
        ),
        output_field=models.TextField(),
        db_persist=True,
    )

    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registered by"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    name = Translated("name")
    short_name = Translated("short_name")
    description = Translated("description")

    class Meta:
        verbose_name = _("NGO")
        verbose_name_plural = _("NGOs")
        ordering = ["name_ru"]
        indexes = [
            models.Index(fields=["verification", "region"], name="ngos_ngo_verification_region"),
            # The verified NGOs' ids alone: the home page counts them (and joins the listed ones) from it.
            models.Index(fields=["id"], name="ngos_ngo_verified_id", condition=models.Q(verification="verified")),
            # The public list filtered by region (and legal form) counts its NGOs from this index alone, not by
            # walking every verified NGO's registration date: 10 ms to under 1 at 100,000 NGOs.
            models.Index(fields=["region", "id"], include=["legal_form"], name="ngos_ngo_public_region",
                         condition=models.Q(verification="verified")),
        ]

    def __str__(self):
        return f"{self.short_name or self.name} ({self.bin})"

    @property
    def is_verified(self) -> bool:
        return self.verification == VerificationStatus.VERIFIED

    def flag(self, flag: EligibilityFlag) -> dict:
        """One eligibility flag with its source and date: {"flag", "label", "set", "source", "on"}."""
        flag = EligibilityFlag(flag)
        return {
            "flag": flag,
            "label": flag.label,
            "set": getattr(self, flag.value),
            "source": getattr(self, f"{flag.value}_source"),
            "on": getattr(self, f"{flag.value}_on"),
        }

    def flags(self) -> list[dict]:
        return [self.flag(flag) for flag in EligibilityFlag]

    def active_flags(self) -> list[dict]:
        """The flags that are set: what makes this NGO ineligible for grants today."""
        return [flag for flag in self.flags() if flag["set"]]
