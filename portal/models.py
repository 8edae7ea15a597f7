from django.conf import settings
from django.contrib.auth.models import AbstractUser, UserManager
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .choices import Language
from .identity import validate_iin
from .translation import Translated


class DemeuUserManager(UserManager):
    """E-mail is the login: there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email=None, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail"), unique=True)
    full_name = models.CharField(_("full name"), max_length=200, blank=True)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # Who a qualified electronic signature names (SERIALNUMBER=IIN… in the certificate): checked against it.
    iin = models.CharField(
        _("IIN"), max_length=12, blank=True, validators=[validate_iin],
        help_text=_("Your individual identification number: the portal checks it against your electronic "
                    "signature key."),
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.KK,
        help_text=_("Used for the portal and for e-mails sent to you."),
    )

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []
    objects = DemeuUserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.full_name or self.email

    def get_full_name(self):
        return self.full_name or self.email

    def get_short_name(self):
        return self.full_name.split(" ")[0] if self.full_name else self.email


class Region(models.Model):
    """The 20 regions since 8 June 2022 (DOMAIN.md); data, loaded by a migration."""

    slug = models.SlugField(unique=True)
    iso_code = models.CharField(_("ISO 3166-2 code"), max_length=5, unique=True)
    name_kk = models.CharField(_("name (Kazakh)"), max_length=100)
    name_ru = models.CharField(_("name (Russian)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    position = models.PositiveSmallIntegerField(default=0)

    name = Translated("name")

    class Meta:
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        ordering = ["position"]

    def __str__(self):
        return self.name


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise PermissionError("The audit log is append-only")

    def delete(self):
        raise PermissionError("The audit log is append-only")


class AuditEntry(models.Model):
    """One change of state or decision. Written only through portal.audit.record()."""

    at = models.DateTimeField(_("time"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("actor"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="+",
    )
    content_type = models.ForeignKey(
        ContentType, verbose_name=_("object type"), on_delete=models.PROTECT, related_name="+"
    )
    object_id = models.CharField(max_length=64, db_index=True)
    object_repr = models.CharField(_("object"), max_length=300)
    action = models.CharField(_("action"), max_length=64)
    from_state = models.CharField(_("from"), max_length=64, blank=True)
    to_state = models.CharField(_("to"), max_length=64, blank=True)
    note = models.TextField(_("note"), blank=True)
    # {"key": ..., "params": {...}}: a sentence of portal.audit_labels.MESSAGES, translated when shown.
    message = models.JSONField(_("message"), default=dict, blank=True)
    data = models.JSONField(default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit log")
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.object_repr}: {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise PermissionError("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("The audit log is append-only")

    # What people read: translated labels in the reader's language (portal.audit_labels), never the codes.
    @property
    def action_label(self) -> str:
        from .audit_labels import action_label

        return action_label(self.action)

    @property
    def from_label(self) -> str:
        from .audit_labels import state_label

        return state_label(self, self.from_state)

    @property
    def to_label(self) -> str:
        from .audit_labels import state_label

        return state_label(self, self.to_state)

    @property
    def note_text(self) -> str:
        from .audit_labels import note_text

        return note_text(self)

class OutboxMessage(models.Model):
    """A message to a user (or a document a user waits for) written in the same transaction as the change that
    causes it, and delivered by a worker after commit: nothing is lost when the broker or mail server is down.
    Written and delivered only through portal.mail."""

    class Kind(models.TextChoices):
        EMAIL = "email", _("E-mail")
        JOB = "job", _("Document to prepare")

    class Status(models.TextChoices):
        PENDING = "pending", pgettext_lazy("outbox message", "Waiting")
        SENT = "sent", pgettext_lazy("outbox message", "Sent")
        FAILED = "failed", pgettext_lazy("outbox message", "Failed")

    kind = models.CharField(
        pgettext_lazy("outbox", "kind"), max_length=8, choices=Kind.choices, default=Kind.EMAIL
    )
    status = models.CharField(
        pgettext_lazy("outbox", "status"), max_length=8, choices=Status.choices, default=Status.PENDING
    )
    recipient = models.EmailField(_("recipient"), blank=True)
    language = models.CharField(_("language"), max_length=5, blank=True)
    subject = models.CharField(pgettext_lazy("outbox", "subject"), max_length=300, blank=True)
    body = models.TextField(pgettext_lazy("outbox", "text"), blank=True)
    body_html = models.TextField(blank=True)
    # A dotted path to a function called at delivery: the job itself, or the one that gives the attachment.
    handler = models.CharField(max_length=200, blank=True)
    arguments = models.JSONField(default=dict, blank=True)
    # Sign-in links and codes: their text is not shown to staff outside the embedded run.
    sensitive = models.BooleanField(default=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(pgettext_lazy("outbox", "sent"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("outgoing message")
        verbose_name_plural = _("outgoing mail")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]
        default_permissions = ("view",)

    def __str__(self):
        return f"{self.recipient or self.handler}: {self.subject}"[:200]


class ReminderSchedule(models.Model):
    """When a kind of reminder goes out, in days from its due date (−7 = a week before, 0 = on the day, 1 = the
    day after). Kept by the operator administrator; a kind without a row uses its declared defaults."""

    kind = models.CharField(_("kind of reminder"), max_length=60, unique=True)
    offsets = models.JSONField(_("days from the due date"), default=list)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("reminder schedule")
        verbose_name_plural = _("reminder schedules")
        ordering = ["kind"]

    def __str__(self):
        return f"{self.kind}: {self.offsets}"


class SentReminder(models.Model):
    """The ledger: one row per reminder ever written to the outbox. Its unique key (kind, object, due date, offset,
    recipient) is what makes a rerun, a retry or a second worker skip a reminder already sent; a moved deadline is
    a new due date, so its reminders go out again."""

    kind = models.CharField(_("kind of reminder"), max_length=60)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField()
    due_on = models.DateField(_("due date"))
    offset = models.SmallIntegerField(_("days from the due date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recipient"), on_delete=models.CASCADE, related_name="reminders"
    )
    deadline = models.DateTimeField(_("deadline"))
    # What the reminder was about, as the recipient read it, and where it pointed (for the dashboard).
    about = models.CharField(_("about"), max_length=300)
    link = models.CharField(max_length=300, blank=True)
    sent_at = models.DateTimeField(pgettext_lazy("outbox", "sent"), default=timezone.now)
    message = models.ForeignKey(OutboxMessage, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("sent reminder")
        verbose_name_plural = _("sent reminders")
        ordering = ["-sent_at", "-id"]
        default_permissions = ("view",)
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "content_type", "object_id", "due_on", "offset", "recipient"], name="reminder_once"
            ),
        ]
        indexes = [models.Index(fields=["recipient", "-sent_at"], name="reminder_recipient")]

    def __str__(self):
        return f"{self.kind} {self.due_on} {self.offset:+d} → {self.recipient_id}"


# The qualified electronic signatures' records live in portal.esign; Django finds models in this module.
from .esign.models import SignatureChallenge, SignatureRecord  # noqa: E402, F401
