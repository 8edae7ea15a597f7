"""The world every access test runs in: one user per role and the objects apps hang on them.

Alice, Bob and Charlie, grown up: `ngo_head`, `ngo_member` and `ngo_accountant` belong to NGO A,
`other_ngo_member` to NGO B, and every object a page shows belongs to A unless a test says so.
Apps add their objects with a builder in tests/<app>/access.py (BUILDERS), run in layer order
(portal.registry).
"""

from dataclasses import dataclass, field
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.contrib.auth.models import Group

from portal import registry
from portal.choices import PRIVILEGED_GROUPS, PublicRole, StaffRole
from portal.models import User

ROLE_GROUPS = {
    "anonymous": None,
    "user": None,
    "ngo_head": None,
    "ngo_member": None,
    "ngo_accountant": None,
    "other_ngo_member": None,
    "expert": PublicRole.EXPERT,
    "other_expert": PublicRole.EXPERT,
    "council": PublicRole.COUNCIL,
    "customer": PublicRole.CUSTOMER,
    "call_manager": StaffRole.CALL_MANAGER,
    "screening_officer": StaffRole.SCREENING_OFFICER,
    "monitoring_officer": StaffRole.MONITORING_OFFICER,
    "finance_officer": StaffRole.FINANCE_OFFICER,
    "operator_admin": StaffRole.OPERATOR_ADMIN,
    "auditor": StaffRole.AUDITOR,
}
ROLES = tuple(ROLE_GROUPS)

# Handy sets for declarations.
EVERYONE = frozenset(ROLES)
SIGNED_IN = EVERYONE - {"anonymous"}
STAFF = frozenset(
    {"call_manager", "screening_officer", "monitoring_officer", "finance_officer", "operator_admin", "auditor"}
)
NGO_A = frozenset({"ngo_head", "ngo_member", "ngo_accountant"})
NOBODY = frozenset()
# Roles whose account is under two-factor authentication (make_user turns TOTP on for them).
MFA_ROLES = frozenset(role for role, group in ROLE_GROUPS.items() if group in PRIVILEGED_GROUPS)



def make_user(email: str, *, group: str | None = None, mfa: bool | None = None, **fields) -> User:
    user = User.objects.create_user(email=email, password="correct horse battery", **fields)
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    if mfa if mfa is not None else (group in PRIVILEGED_GROUPS):
        TOTP.activate(user, generate_totp_secret())
    return user


@dataclass
class World:
    users: dict[str, User | None] = field(default_factory=dict)
    objects: dict[str, object] = field(default_factory=dict)

    def __getattr__(self, name):
        try:
            return self.objects[name]
        except KeyError:
            raise AttributeError(name) from None


def access_modules() -> list:
    """tests/<app>/access.py of every portal app, in layer order: an app without one is an error."""
    return [import_module(f"tests.{label}.access") for label in registry.labels()]


def builders():
    for module in access_modules():
        yield from getattr(module, "BUILDERS", [])


def build_world() -> World:
    world = World()
    for role, group in ROLE_GROUPS.items():
        world.users[role] = None if role == "anonymous" else make_user(f"{role}@example.kz", group=group)
    for builder in builders():
        builder(world)
    return world
