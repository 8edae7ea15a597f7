"""Who may open each NGO page. NGO A belongs to ngo_head / ngo_member / ngo_accountant, NGO B to
other_ngo_member; `user` has asked to join A and is invited to A (as user@example.kz)."""

from datetime import date

from django.urls import reverse

from ngos import services
from ngos.choices import MemberRole, RequestStatus, VerificationStatus
from ngos.models import NGO, Invitation, JoinRequest, Membership, YearlyReportVersion, last_reporting_year
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, SIGNED_IN, STAFF

from .factories import NGOFactory, next_bin

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
    # Last year's report is a draft: something to discard.
    services.report_start(ngo=ngo_a, year=year - 1, actor=users["ngo_head"])
    # An NGO waiting for the operator: something to verify or reject.
    pending = NGOFactory(name_kk="«Үміт» қоры", name_ru="Фонд «Умит»", verification=VerificationStatus.PENDING)
    world.objects.update(
        ngo_a=ngo_a,
        ngo_b=ngo_b,
        report_year=year,
        join_request=services.join_request_create(actor=users["user"], ngo=ngo_a),
        invitation=services.invitation_create(
            ngo=ngo_a, actor=users["ngo_head"], email=users["user"].email, role=MemberRole.MEMBER, language="kk"
        ),
        member_membership=Membership.objects.get(ngo=ngo_a, user=users["ngo_member"]),
        pending_ngo=pending,
        new_bin=next_bin(),
    )


BUILDERS = [build_ngos]


def a(**extra):
    return lambda w: {"bin": w.ngo_a.bin, **{key: value(w) for key, value in extra.items()}}


def pending(world):
    return {"bin": world.pending_ngo.bin}


# The report's line tables, empty: the management forms say so.
EMPTY_LINES = {f"{prefix}-{key}": value for prefix in ("sources", "spending")
               for key, value in (("TOTAL_FORMS", "0"), ("INITIAL_FORMS", "0"))}

PAGES = [
    # The open NGO database.
    Page("ngos:list", EVERYONE),
    Page("ngos:detail", EVERYONE, kwargs=a()),
    # Becoming part of an NGO.
    Page("ngos:register", SIGNED_IN, post=SIGNED_IN, post_data=lambda w: {
        "bin": w.new_bin, "name_kk": "«Ақниет» қоры", "name_ru": "Фонд «Акниет»", "legal_form": "public_foundation",
        "registered_on": "2015-05-14", "region": w.ngo_a.region_id,
    }, post_effect=lambda w: NGO.objects.filter(bin=w.new_bin).exists()),
    # Anyone signed in may ask to join NGO B; its own member is told so on the form.
    Page("ngos:join", SIGNED_IN, post=SIGNED_IN - {"other_ngo_member"}, post_refused=(200,),
         post_data=lambda w: {"bin": w.ngo_b.bin, "message": "Мен қорда жұмыс істеймін"},
         post_redirect=lambda w: reverse("portal:dashboard"),
         post_effect=lambda w: JoinRequest.objects.filter(ngo=w.ngo_b, status=RequestStatus.PENDING).exists()),
    Page("ngos:join_withdraw", frozenset({"user"}), kwargs=lambda w: {"pk": w.join_request.pk}, status=405,
         post=frozenset({"user"}), post_redirect=lambda w: reverse("ngos:join"),
         post_effect=lambda w: JoinRequest.objects.filter(pk=w.join_request.pk, status=RequestStatus.REVOKED).exists()),
    # Acting for NGO A: its members switch; anyone else is told they are no member (and nothing changes).
    Page("ngos:switch", SIGNED_IN, status=405, post=SIGNED_IN, post_data=lambda w: {"ngo": w.ngo_a.pk},
         post_redirect=lambda w: reverse("portal:dashboard")),
    # Anyone signed in with the link sees the invitation; only its addressee can answer, the rest are told why.
    Page("ngos:invitation", SIGNED_IN, kwargs=lambda w: {"token": w.invitation.token},
         post=frozenset({"user"}), post_refused=(200,), post_data=lambda w: {"answer": "accept"},
         post_redirect=lambda w: reverse("ngos:manage", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: Membership.objects.filter(ngo=w.ngo_a, user=w.users["user"]).exists()),
    # The NGO's own pages: its members; the profile for head and members; people and submission for the head.
    Page("ngos:manage", NGO_A, kwargs=a()),
    Page("ngos:profile_edit", KEEPERS, kwargs=a(), post=KEEPERS, post_data=lambda w: {
        "name_kk": w.ngo_a.name_kk, "name_ru": w.ngo_a.name_ru, "name_en": "Kamkorlyk Foundation",
        "legal_form": w.ngo_a.legal_form, "registered_on": "2015-05-14", "region": w.ngo_a.region_id,
    }, post_redirect=lambda w: reverse("ngos:manage", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: NGO.objects.filter(pk=w.ngo_a.pk, name_en="Kamkorlyk Foundation").exists()),
    # NGO A is verified: the head's request is answered with a message, and nothing else may ask.
    Page("ngos:request_verification", HEAD, kwargs=a(), status=405, post=HEAD,
         post_redirect=lambda w: reverse("ngos:manage", kwargs={"bin": w.ngo_a.bin})),
    Page("ngos:members", NGO_A, kwargs=a()),
    Page("ngos:member_invite", HEAD, kwargs=a(), status=405, post=HEAD,
         post_data=lambda w: {"email": "new.member@example.kz", "role": MemberRole.MEMBER},
         post_redirect=lambda w: reverse("ngos:members", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: Invitation.objects.filter(ngo=w.ngo_a, email="new.member@example.kz").exists()),
    # The head cannot leave while the NGO would be left without one (a message says so).
    Page("ngos:leave", NGO_A, kwargs=a(), status=405, post=NGO_A),
    Page("ngos:member_role", HEAD, kwargs=a(pk=lambda w: w.member_membership.pk), status=405, post=HEAD,
         post_data=lambda w: {f"m{w.member_membership.pk}-role": MemberRole.ACCOUNTANT},
         post_redirect=lambda w: reverse("ngos:members", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: Membership.objects.filter(pk=w.member_membership.pk, role=MemberRole.ACCOUNTANT)
         .exists()),
    Page("ngos:member_remove", HEAD, kwargs=a(pk=lambda w: w.member_membership.pk), status=405, post=HEAD,
         post_redirect=lambda w: reverse("ngos:members", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: not Membership.objects.filter(pk=w.member_membership.pk).exists()),
    Page("ngos:join_request_answer", HEAD, kwargs=a(pk=lambda w: w.join_request.pk), status=405, post=HEAD,
         post_data=lambda w: {"answer": "accept", "answer-role": MemberRole.MEMBER},
         post_redirect=lambda w: reverse("ngos:members", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: Membership.objects.filter(ngo=w.ngo_a, user=w.users["user"]).exists()),
    Page("ngos:invitation_revoke", HEAD, kwargs=a(pk=lambda w: w.invitation.pk), status=405, post=HEAD,
         post_redirect=lambda w: reverse("ngos:members", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: Invitation.objects.filter(pk=w.invitation.pk, status=RequestStatus.REVOKED).exists()),
    Page("ngos:reports", NGO_A, kwargs=a()),
    Page("ngos:report", NGO_A, kwargs=a(year=lambda w: w.report_year)),
    Page("ngos:report_version", NGO_A, kwargs=a(year=lambda w: w.report_year, number=lambda w: 1)),
    Page("ngos:report_edit", NGO_A, kwargs=a(year=lambda w: w.report_year - 1), post=NGO_A, post_data=lambda w: {
        "founders": "Ахметова А.", "activities": "Семинарлар", "beneficiaries_count": "40", "staff_count": "3",
        "volunteers_count": "7", "action": "save", **EMPTY_LINES,
    }, post_effect=lambda w: YearlyReportVersion.objects.filter(
        report__ngo=w.ngo_a, report__year=w.report_year - 1, activities="Семинарлар").exists()),
    Page("ngos:report_correct", NGO_A, kwargs=a(year=lambda w: w.report_year), status=405, post=NGO_A,
         post_redirect=lambda w: reverse("ngos:report_edit", kwargs={"bin": w.ngo_a.bin, "year": w.report_year}),
         post_effect=lambda w: YearlyReportVersion.objects.filter(
             report__ngo=w.ngo_a, report__year=w.report_year, number=2).exists()),
    Page("ngos:report_discard", NGO_A, kwargs=a(year=lambda w: w.report_year - 1), status=405, post=NGO_A,
         post_redirect=lambda w: reverse("ngos:reports", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: not YearlyReportVersion.objects.filter(
             report__ngo=w.ngo_a, report__year=w.report_year - 1).exists()),
    # The operator's register: all staff read; screening officers and administrators decide.
    Page("ngos:staff_list", STAFF),
    Page("ngos:staff_export_csv", STAFF),
    Page("ngos:staff_export_xlsx", STAFF),
    Page("ngos:staff_detail", STAFF, kwargs=a()),
    Page("ngos:staff_verify", REGISTER_KEEPERS, kwargs=pending, status=405, post=REGISTER_KEEPERS,
         post_redirect=lambda w: reverse("ngos:staff_detail", kwargs={"bin": w.pending_ngo.bin}),
         post_effect=lambda w: NGO.objects.filter(pk=w.pending_ngo.pk, verification=VerificationStatus.VERIFIED)
         .exists()),
    Page("ngos:staff_reject", REGISTER_KEEPERS, kwargs=pending, status=405, post=REGISTER_KEEPERS,
         post_data=lambda w: {"reason": "Жарғының көшірмесі оқылмайды"},
         post_redirect=lambda w: reverse("ngos:staff_detail", kwargs={"bin": w.pending_ngo.bin}),
         post_effect=lambda w: NGO.objects.filter(pk=w.pending_ngo.pk, verification=VerificationStatus.REJECTED)
         .exists()),
    Page("ngos:staff_flags", REGISTER_KEEPERS, kwargs=a(), status=405, post=REGISTER_KEEPERS,
         post_data=lambda w: {"in_liquidation": "on", "in_liquidation_source": "Сот шешімі №12",
                              "in_liquidation_on": "2026-11-02"},
         post_redirect=lambda w: reverse("ngos:staff_detail", kwargs={"bin": w.ngo_a.bin}),
         post_effect=lambda w: NGO.objects.get(pk=w.ngo_a.pk).flag("in_liquidation")["set"]),
]
