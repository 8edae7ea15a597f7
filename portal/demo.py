"""Demo accounts, one per role. Idempotent: running it again changes nothing that exists."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from .choices import PublicRole, StaffRole
from .models import User

DEMO_PASSWORD = "demeu-demo-2026"

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
    for email, name, language, group in ACCOUNTS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "language": language}
        )
        if created:
            user.set_password(DEMO_PASSWORD)
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
