"""Who may open each NGO page. NGO A belongs to ngo_head / ngo_member / ngo_accountant, NGO B to
other_ngo_member; `user` has asked to join A and is invited to A (as user@example.kz)."""

from datetime import date

from ngos import services
from ngos.choices import MemberRole
from ngos.models import Membership, last_reporting_year
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, SIGNED_IN, STAFF

from .factories import NGOFactory

HEAD = frozenset({"ngo_head"})
KEEPERS = frozenset({"ngo_head", "ngo_member"})
REGISTER_KEEPERS = frozenset({"screening_officer", "operator_admin"})


def build_ngos(world):
    users = world.users
    ngo_a = NGOFactory(name_kk="«Қамқорлық» қоғамдық қоры", name_ru="Общественный фонд «Камкорлык»",
                       registered_on=date(2015, 5, 14))
    ngo_b = NGOFactory(name_kk="«Жасыл әлем» қоғамдық бірлестігі", name_ru="Общественное объединение «Зелёный мир»")
    Membership.objects.create(ngo=ngo_a, user=users["ngo_head"], role=MemberRole.HEAD)
    Membership.objects.create(ngo=ngo_a, user=users["ngo_member"], role=MemberRole.MEMBER)
    Membership.objects.create(ngo=ngo_a, user=users["ngo_accountant"], role=MemberRole.ACCOUNTANT)
    Membership.objects.create(ngo=ngo_b, user=users["other_ngo_member"], role=MemberRole.HEAD)
    year = last_reporting_year()
    version = services.report_start(ngo=ngo_a, year=year, actor=users["ngo_head"])
    services.report_save_draft(
        version=version, actor=users["ngo_head"],
        fields={"founders": "Ахметова А.", "activities": "Жобалар", "beneficiaries_count": 10, "staff_count": 2,
                "volunteers_count": 5},
        fund_sources=[{"source_type": "donations_individuals", "amount": 100000, "description": ""}], spending=[],
    )
    services.report_submit(version=version, actor=users["ngo_head"])
    world.objects.update(
        ngo_a=ngo_a,
        ngo_b=ngo_b,
        report_year=year,
        join_request=services.join_request_create(actor=users["user"], ngo=ngo_a),
        invitation=services.invitation_create(
            ngo=ngo_a, actor=users["ngo_head"], email=users["user"].email, role=MemberRole.MEMBER, language="kk"
        ),
        member_membership=Membership.objects.get(ngo=ngo_a, user=users["ngo_member"]),
    )


BUILDERS = [build_ngos]


def a(**extra):
    return lambda w: {"bin": w.ngo_a.bin, **{key: value(w) for key, value in extra.items()}}


PAGES = [
    # The open NGO database.
    Page("ngos:list", EVERYONE),
    Page("ngos:detail", EVERYONE, kwargs=a()),
    # Becoming part of an NGO.
    Page("ngos:register", SIGNED_IN),
    Page("ngos:join", SIGNED_IN),
    Page("ngos:join_withdraw", frozenset({"user"}), kwargs=lambda w: {"pk": w.join_request.pk}, status=405),
    Page("ngos:switch", SIGNED_IN, status=405),
    # Anyone signed in with the link sees the invitation; only its addressee can answer (tested apart).
    Page("ngos:invitation", SIGNED_IN, kwargs=lambda w: {"token": w.invitation.token}),
    # The NGO's own pages: its members; the profile for head and members; people and submission for the head.
    Page("ngos:manage", NGO_A, kwargs=a()),
    Page("ngos:profile_edit", KEEPERS, kwargs=a()),
    Page("ngos:request_verification", HEAD, kwargs=a(), status=405),
    Page("ngos:members", NGO_A, kwargs=a()),
    Page("ngos:member_invite", HEAD, kwargs=a(), status=405),
    Page("ngos:leave", NGO_A, kwargs=a(), status=405),
    Page("ngos:member_role", HEAD, kwargs=a(pk=lambda w: w.member_membership.pk), status=405),
    Page("ngos:member_remove", HEAD, kwargs=a(pk=lambda w: w.member_membership.pk), status=405),
    Page("ngos:join_request_answer", HEAD, kwargs=a(pk=lambda w: w.join_request.pk), status=405),
    Page("ngos:invitation_revoke", HEAD, kwargs=a(pk=lambda w: w.invitation.pk), status=405),
    Page("ngos:reports", NGO_A, kwargs=a()),
    Page("ngos:report", NGO_A, kwargs=a(year=lambda w: w.report_year)),
    Page("ngos:report_version", NGO_A, kwargs=a(year=lambda w: w.report_year, number=lambda w: 1)),
    Page("ngos:report_edit", NGO_A, kwargs=a(year=lambda w: w.report_year - 1)),
    Page("ngos:report_correct", NGO_A, kwargs=a(year=lambda w: w.report_year), status=405),
    Page("ngos:report_discard", NGO_A, kwargs=a(year=lambda w: w.report_year), status=405),
    # The operator's register: all staff read; screening officers and administrators decide.
    Page("ngos:staff_list", STAFF),
    Page("ngos:staff_export_csv", STAFF),
    Page("ngos:staff_export_xlsx", STAFF),
    Page("ngos:staff_detail", STAFF, kwargs=a()),
    Page("ngos:staff_verify", REGISTER_KEEPERS, kwargs=a(), status=405),
    Page("ngos:staff_reject", REGISTER_KEEPERS, kwargs=a(), status=405),
    Page("ngos:staff_flags", REGISTER_KEEPERS, kwargs=a(), status=405),
]
