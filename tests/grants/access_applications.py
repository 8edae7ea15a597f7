"""Who may open the application, screening and results pages (hooked into tests/grants/access.py).

NGO A's members (head, member, accountant) see their NGO's applications; the other NGO's member, experts
and everyone else get a 404, whatever id they guess. Staff see an application once it is submitted;
screening officers (and the operator's administrator) screen; results are public.
"""

from datetime import timedelta

from django.utils import timezone

from tests.harness import Page
from tests.world import NGO_A, SIGNED_IN, STAFF

SCREENERS = frozenset({"screening_officer", "operator_admin"})


def _ngo(world, key: str, roles: dict):
    from ngos.models import Membership

    from .applications.factories import NGOFactory

    ngo = world.objects.get(key) or NGOFactory()
    if not ngo.is_verified:
        # Applicants are verified NGOs: the application pages need NGO A and B to be.
        ngo.verification = "verified"
        ngo.save(update_fields=["verification"])
    world.objects[key] = ngo
    for role, member_role in roles.items():
        Membership.objects.get_or_create(ngo=ngo, user=world.users[role], defaults={"role": member_role})
    return ngo


def build_applications(world):
    from grants.applications import services
    from grants.applications.models import DraftConflict
    from grants.screening import services as screening

    from .applications.factories import PDF_BYTES, CallFactory, LotFactory, LotIndicatorFactory, ready_application

    ngo_a = _ngo(world, "ngo_a", {"ngo_head": "head", "ngo_member": "member", "ngo_accountant": "accountant"})
    _ngo(world, "ngo_b", {"other_ngo_member": "member"})
    head = world.users["ngo_head"]
    now = timezone.now()

    open_call = CallFactory()
    lot_open = LotFactory(call=open_call)
    LotIndicatorFactory(lot=lot_open)
    lot_other = LotFactory(call=open_call)
    draft = ready_application(lot_open, ngo_a, user=world.users["ngo_member"])
    submitted = ready_application(lot_other, ngo_a, user=head)
    services.application_submit(application=submitted, actor=head, now=now)
    DraftConflict.objects.create(
        application=draft, section="team", author=world.users["ngo_member"], base_version=0, current_version=1,
        data={"team": "Another version"}, created_at=now,
    )

    closed_call = CallFactory(opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10))
    lot_closed = LotFactory(call=closed_call)
    screened = ready_application(lot_closed, ngo_a, user=head)
    services.application_submit(application=screened, actor=head, now=now - timedelta(days=11))
    officer = world.users["screening_officer"]
    record = screening.screening_start(application=screened, actor=officer)
    screening.screening_record_checks(
        screening=record, actor=officer, results={"ngo_listed": ("pass", "Listed"), "documents_valid": ("pass", ""),
                                                 "activities_within_lot": ("pass", "")},
    )
    screening.screening_decide(screening=record, decision="admitted", actor=officer)
    conclusion = screening.conclusion_publish(call=closed_call, actor=officer)
    # The real rendering is tested in tests/grants/screening; here a stored file is enough, and fast.
    for language in ("kk", "ru"):
        screening.conclusion_store_pdf(conclusion=conclusion, language=language, pdf=PDF_BYTES)

    world.objects.update(
        lot_open=lot_open, application_draft=draft, application_submitted=submitted,
        submission=submitted.submissions.get(), document_draft=draft.documents.first(),
        document_submitted=submitted.documents.first(), conflict=draft.conflicts.get(),
        closed_call=closed_call, application_screened=screened,
    )


BUILDERS = [build_applications]


def draft(world, **extra):
    return {"pk": world.application_draft.pk, **extra}


def sent(world, **extra):
    return {"pk": world.application_submitted.pk, **extra}


def screened(world):
    return {"call": world.closed_call.code, "pk": world.application_screened.pk}


PAGES = [
    Page("applications:list", SIGNED_IN),
    Page("applications:start", NGO_A | {"other_ngo_member"}, kwargs=lambda w: {"lot": w.lot_open.code}),
    Page("applications:detail", NGO_A, kwargs=draft),
    Page("applications:detail", NGO_A | STAFF, kwargs=sent),
    Page("applications:section", NGO_A, kwargs=lambda w: draft(w, section="budget")),
    Page("applications:documents", NGO_A, kwargs=draft),
    Page("applications:document", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk)),
    Page("applications:document", NGO_A | STAFF, kwargs=lambda w: sent(w, document=w.document_submitted.pk)),
    Page("applications:document_replace", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk)),
    Page("applications:document_delete", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk)),
    Page("applications:check", NGO_A, kwargs=draft),
    Page("applications:submit", frozenset({"ngo_head"}), kwargs=draft),
    Page("applications:withdraw", frozenset({"ngo_head"}), kwargs=sent),
    Page("applications:receipt", NGO_A | STAFF, kwargs=lambda w: sent(w, submission=w.submission.pk)),
    Page("applications:conflict", NGO_A, kwargs=lambda w: draft(w, conflict=w.conflict.pk)),
    Page("screening:index", STAFF),
    Page("screening:call", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:export_csv", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:export_xlsx", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:publish", SCREENERS, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:application", STAFF, kwargs=screened),
    # Form targets: a screener's GET is refused as a method; everyone else is refused outright.
    Page("screening:start", SCREENERS, kwargs=screened, status=405),
    Page("screening:checks", SCREENERS, kwargs=screened, status=405),
    Page("screening:decide", SCREENERS, kwargs=screened, status=405),
    Page("screening:reopen", SCREENERS, kwargs=screened, status=405),
]
