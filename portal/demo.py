"""Demo accounts, one per role, and the demo's clock. Idempotent: running it again changes nothing that exists."""

from contextlib import contextmanager
from datetime import datetime, time, timedelta
from functools import cache

from allauth.account.models import EmailAddress
from django.apps import apps
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import connection
from django.utils import timezone

from .choices import PublicRole, StaffRole
from .formatting import ASTANA
from .models import User

DEMO_PASSWORD = "demeu-demo-2026"


@cache
def demo_password_hash() -> str:
    """One hash for the demo's one password: hashing it for each of the ~45 accounts took most of the seeding."""
    return make_password(DEMO_PASSWORD)

ACCOUNTS = [
    # e-mail, full name, language, group (None for a plain account)
    ("admin@demo.demeu.kz", "Әлия Сапарова", "kk", StaffRole.OPERATOR_ADMIN),
    ("calls@demo.demeu.kz", "Ерлан Мұқанов", "kk", StaffRole.CALL_MANAGER),
    ("screening@demo.demeu.kz", "Ольга Ким", "ru", StaffRole.SCREENING_OFFICER),
    ("monitoring@demo.demeu.kz", "Данияр Оспанов", "kk", StaffRole.MONITORING_OFFICER),
    ("finance@demo.demeu.kz", "Светлана Петренко", "ru", StaffRole.FINANCE_OFFICER),
    ("auditor@demo.demeu.kz", "Гүлнар Жақсылықова", "kk", StaffRole.AUDITOR),
    ("expert@demo.demeu.kz", "Айгерим Төлеуова", "kk", PublicRole.EXPERT),
    ("expert2@demo.demeu.kz", "Марат Ахметов", "ru", PublicRole.EXPERT),
    ("expert3@demo.demeu.kz", "Жанна Исаева", "ru", PublicRole.EXPERT),
    ("council@demo.demeu.kz", "Бауыржан Сейітов", "kk", PublicRole.COUNCIL),
    ("customer@demo.demeu.kz", "Наталья Волкова", "ru", PublicRole.CUSTOMER),
    ("ngo-head@demo.demeu.kz", "Нұрлан Әбенов", "kk", None),
    ("ngo-member@demo.demeu.kz", "Индира Қасымова", "kk", None),
    ("ngo-accountant@demo.demeu.kz", "Елена Смирнова", "ru", None),
    ("citizen@demo.demeu.kz", "Асқар Бекұлы", "kk", None),
]


def seed(stdout=None) -> dict[str, User]:
    users = {}
    # The accounts were opened when the portal started, a little over two years ago, a few days apart.
    start = timezone.localdate() - timedelta(days=800)
    for index, (email, name, language, group) in enumerate(ACCOUNTS):
        opened = datetime.combine(start + timedelta(days=3 * index), time(10 + index % 7, 4 * index), tzinfo=ASTANA)
        with clock(opened):
            user, created = User.objects.get_or_create(
                email=email, defaults={"full_name": name, "language": language}
            )
        if created:
            user.password = demo_password_hash()
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        if group:
            user.groups.add(Group.objects.get(name=group))
        users[email] = user
    return users


NGO_ROLES = {
    "ngo-head@demo.demeu.kz": "NGO head (submits and signs)",
    "ngo-member@demo.demeu.kz": "NGO member",
    "ngo-accountant@demo.demeu.kz": "NGO accountant",
    "citizen@demo.demeu.kz": "signed-in citizen, no role",
}


def describe() -> list[tuple[str, str]]:
    """Accounts and roles for the console, in English like the rest of the command's output."""
    from django.utils import translation

    labels = {**dict(StaffRole.choices), **dict(PublicRole.choices)}
    with translation.override("en"):
        return [(email, str(labels[group]) if group else NGO_ROLES[email]) for email, _, _, group in ACCOUNTS]


@contextmanager
def clock(moment: datetime):
    """Run what is inside as if it happened at `moment`: the demo calls the real services, and they (the audit
    log among them) read the time from timezone.now(), which here answers `moment`. So a history shows the
    days and hours each step would have taken, not the second the demo ran.

    Work the services schedule for after the commit (e-mails, PDF tasks) is dropped: the demo sends no e-mail
    and renders the documents it shows itself, inside the clock."""
    real_now = timezone.now
    if moment > real_now():
        raise ValueError(f"The demo does not write the future: {moment:%Y-%m-%d %H:%M %Z} is after now.")

    def now():
        return moment

    # Fields declared with default=timezone.now hold the function itself, not the module attribute.
    fields = [f for model in apps.get_models() for f in model._meta.concrete_fields if f.default is real_now]
    pending = len(connection.run_on_commit)
    timezone.now = now
    for field in fields:
        field.default = now
        field.__dict__.pop("_get_default", None)
    try:
        yield moment
    finally:
        timezone.now = real_now
        for field in fields:
            field.default = real_now
            field.__dict__.pop("_get_default", None)
        del connection.run_on_commit[pending:]
