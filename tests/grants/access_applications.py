"""Who may open the application, screening and results pages (hooked into tests/grants/access.py).

NGO A's members (head, member, accountant) see their NGO's applications; the other NGO's member, experts
and everyone else get a 404, whatever id they guess. Staff see an application once it is submitted;
screening officers (and the operator's administrator) screen; results are public.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from grants.applications.choices import ApplicationStatus
from grants.applications.models import Application, ApplicationDocument, ApplicationSection, DraftConflict
from grants.screening.models import Screening
from tests.harness import Page
from tests.world import NGO_A, SIGNED_IN, STAFF

from .applications.factories import PDF_BYTES

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

    from .applications.factories import CallFactory, LotFactory, LotIndicatorFactory, ready_application

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

    # A second closed call whose one application is being screened: its checks are all passed, no decision yet.
    screening_call = CallFactory(opens_at=now - timedelta(days=40), closes_at=now - timedelta(days=10))
    in_screening = ready_application(LotFactory(call=screening_call), ngo_a, user=head)
    services.application_submit(application=in_screening, actor=head, now=now - timedelta(days=11))
    record = screening.screening_start(application=in_screening, actor=officer)
    screening.screening_record_checks(screening=record, actor=officer, results={
        check.code: ("pass", "") for check in record.checks.all()
    })

    world.objects.update(
        screening_call=screening_call, application_in_screening=in_screening,
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


def in_screening(world):
    return {"call": world.screening_call.code, "pk": world.application_in_screening.pk}


def to_detail(pk):
    return lambda w: reverse("applications:detail", kwargs={"pk": pk(w).pk})


def to_documents(w):
    return reverse("applications:documents", kwargs={"pk": w.application_draft.pk})


def status_of(application, status):
    return lambda w: Application.objects.filter(pk=application(w).pk, status=status).exists()


def team_version(world) -> int:
    saved = ApplicationSection.objects.filter(application=world.application_draft, section="team").first()
    return saved.version if saved else 0


def charter_pdf():
    return SimpleUploadedFile("charter-2.pdf", PDF_BYTES, content_type="application/pdf")


HEAD = frozenset({"ngo_head"})


PAGES = [
    Page("applications:list", SIGNED_IN),
    Page("applications:start", NGO_A | {"other_ngo_member"}, kwargs=lambda w: {"lot": w.lot_open.code},
         # NGO A has its draft for the lot already: starting again leads to it, one application per lot.
         post=NGO_A, post_refused=(200, 403, 404), post_data=lambda w: {"ngo": w.ngo_a.pk},
         post_redirect=lambda w: reverse("applications:section", kwargs=draft(w, section="overview"))),
    Page("applications:detail", NGO_A, kwargs=draft),
    Page("applications:detail", NGO_A | STAFF, kwargs=sent),
    Page("applications:section", NGO_A, kwargs=lambda w: draft(w, section="budget")),
    # A section save: the draft's members save, with the version they loaded; nobody else learns it exists.
    Page("applications:section", NGO_A, kwargs=lambda w: draft(w, section="team"), post=NGO_A,
         post_data=lambda w: {"version": team_version(w), "team": "Жоба жетекшісі — А. Ахметова"},
         post_redirect=lambda w: reverse("applications:section", kwargs=draft(w, section="team")),
         post_effect=lambda w: Application.objects.filter(
             pk=w.application_draft.pk, team="Жоба жетекшісі — А. Ахметова").exists()),
    Page("applications:documents", NGO_A, kwargs=draft, post=NGO_A,
         post_data=lambda w: {"kind": "support_letter", "file": charter_pdf()}, post_redirect=to_documents,
         post_effect=lambda w: ApplicationDocument.objects.filter(application=w.application_draft,
                                                                  kind="support_letter").exists()),
    Page("applications:document", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk)),
    Page("applications:document", NGO_A | STAFF, kwargs=lambda w: sent(w, document=w.document_submitted.pk)),
    Page("applications:document_replace", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk),
         post=NGO_A, post_data=lambda w: {"file": charter_pdf()}, post_redirect=to_documents,
         post_effect=lambda w: ApplicationDocument.objects.filter(application=w.application_draft,
                                                                  name="charter-2.pdf").exists()),
    Page("applications:document_delete", NGO_A, kwargs=lambda w: draft(w, document=w.document_draft.pk),
         post=NGO_A, post_redirect=to_documents,
         post_effect=lambda w: not ApplicationDocument.objects.filter(pk=w.document_draft.pk).exists()),
    Page("applications:check", NGO_A, kwargs=draft),
    Page("applications:submit", HEAD, kwargs=draft, post=HEAD,
         post_redirect=to_detail(lambda w: w.application_draft),
         post_effect=status_of(lambda w: w.application_draft, ApplicationStatus.SUBMITTED)),
    Page("applications:withdraw", HEAD, kwargs=sent, post=HEAD,
         post_data=lambda w: {"reason": "Бюджетті қайта есептейміз"},
         post_redirect=to_detail(lambda w: w.application_submitted),
         post_effect=status_of(lambda w: w.application_submitted, ApplicationStatus.WITHDRAWN)),
    Page("applications:receipt", NGO_A | STAFF, kwargs=lambda w: sent(w, submission=w.submission.pk)),
    Page("applications:conflict", NGO_A, kwargs=lambda w: draft(w, conflict=w.conflict.pk), post=NGO_A,
         post_redirect=lambda w: reverse("applications:section", kwargs=draft(w, section="team")),
         post_effect=lambda w: not DraftConflict.objects.filter(pk=w.conflict.pk, resolved_at=None).exists()),
    Page("screening:index", STAFF),
    Page("screening:call", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:export_csv", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    Page("screening:export_xlsx", STAFF, kwargs=lambda w: {"call": w.closed_call.code}),
    # The closed call's conclusion is out: publishing again is refused as a conflict.
    Page("screening:publish", SCREENERS, kwargs=lambda w: {"call": w.closed_call.code}, post=SCREENERS,
         post_status=409),
    Page("screening:application", STAFF, kwargs=screened),
    # Form targets: a screener's GET is refused as a method; everyone else is refused outright.
    # (The screened application's screening is decided and published: starting it again changes nothing.)
    Page("screening:start", SCREENERS, kwargs=screened, status=405, post=SCREENERS,
         post_redirect=lambda w: reverse("screening:application", kwargs=screened(w))),
    Page("screening:checks", SCREENERS, kwargs=in_screening, status=405, post=SCREENERS,
         post_data=lambda w: {"result_ngo_listed": "fail", "note_ngo_listed": "Тізілімде жоқ"},
         post_redirect=lambda w: reverse("screening:application", kwargs=in_screening(w)),
         post_effect=lambda w: Screening.objects.filter(application=w.application_in_screening,
                                                        checks__code="ngo_listed", checks__result="fail").exists()),
    Page("screening:decide", SCREENERS, kwargs=in_screening, status=405, post=SCREENERS,
         post_data=lambda w: {"decision": "admitted"},
         post_redirect=lambda w: reverse("screening:call", kwargs={"call": w.screening_call.code}),
         post_effect=lambda w: Screening.objects.filter(application=w.application_in_screening,
                                                        decision="admitted").exists()),
    Page("screening:reopen", SCREENERS, kwargs=screened, status=405, post=SCREENERS,
         post_redirect=lambda w: reverse("screening:application", kwargs=screened(w))),
]
