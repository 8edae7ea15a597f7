"""Who may open each calls page. Public pages are open to everyone; staff pages to the operator's staff
(call managers write, the others read); writing pages to call managers only."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone

from grants.choices import ClarificationStatus, DirectionListStatus
from grants.models import CalendarDay, Clarification, DirectionComment, PriorityDirection, PriorityDirectionList
from ngos.models import NGO, Membership
from portal.models import Region
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, STAFF

from .factories import CallFactory, CustomerFactory, FiscalYearFactory, complete_lot, draft_call

MANAGERS = frozenset({"call_manager"})
NGO_MEMBERS = NGO_A | {"other_ngo_member"}


def ensure_ngos(world) -> None:
    """NGO A and B with their members, unless the NGO app's builder already made them."""
    if "ngo_a" in world.objects:
        return
    region = Region.objects.get(slug="almaty")
    world.objects["ngo_a"] = NGO.objects.create(
        bin="940140000385", name_kk="«Болашақ» қоғамдық бірлестігі", name_ru="Общественное объединение «Болашак»",
        legal_form="public_association", region=region,
    )
    world.objects["ngo_b"] = NGO.objects.create(
        bin="950440001673", name_kk="«Жарқын» қоры", name_ru="Фонд «Жаркын»", legal_form="public_foundation",
        region=region,
    )
    for role, member_role in (("ngo_head", "head"), ("ngo_member", "member"), ("ngo_accountant", "accountant")):
        Membership.objects.create(ngo=world.ngo_a, user=world.users[role], role=member_role)
    Membership.objects.create(ngo=world.ngo_b, user=world.users["other_ngo_member"], role="head")


def build(world) -> None:
    ensure_ngos(world)
    fiscal_year = FiscalYearFactory()
    customer = CustomerFactory()
    customer.representatives.add(world.users["customer"])
    open_call = CallFactory(customer=customer, fiscal_year=fiscal_year, number=1)
    lot = complete_lot(open_call, code="2027-ALM-01")
    draft = draft_call(customer=customer, fiscal_year=fiscal_year, number=2)
    complete_lot(draft, code="2027-ALM-02", direction=lot.direction)
    document = draft.documents.create(
        kind="rules", title_kk="Ереже", title_ru="Правила", file=ContentFile(b"%PDF-1.4 rules", name="rules.pdf"),
        content_type="application/pdf", size=1000,
    )
    open_document = open_call.documents.create(
        kind="rules", title_kk="Ереже", title_ru="Правила", file=ContentFile(b"%PDF-1.4 rules", name="rules.pdf"),
        content_type="application/pdf", size=1000,
    )
    today = timezone.localdate()
    discussion = PriorityDirectionList.objects.create(
        customer=CustomerFactory(bin="050440002584", kind="akimat", name_kk="Алматы әкімдігі", name_ru="Акимат"),
        fiscal_year=fiscal_year, status=DirectionListStatus.DISCUSSION,
        discussion_starts_on=today - timedelta(days=3), discussion_ends_on=today + timedelta(days=20),
    )
    discussed = PriorityDirection.objects.create(
        direction_list=discussion, number=1, title_kk="Жастар", title_ru="Молодёжь"
    )
    comment = DirectionComment.objects.create(direction=discussed, author=world.users["user"], text="Ұсыныс")
    draft_list = PriorityDirectionList.objects.create(
        customer=CustomerFactory(bin="011240004519", kind="akimat", name_kk="Шымкент әкімдігі", name_ru="Акимат"),
        fiscal_year=fiscal_year,
    )
    clarification = Clarification.objects.create(
        call=open_call, ngo=world.ngo_a, asked_by=world.users["ngo_member"], question="Сұрақ?", language="kk",
        status=ClarificationStatus.PENDING,
    )
    holiday = CalendarDay.objects.create(date=date(2027, 3, 22), name_kk="Наурыз", name_ru="Наурыз")
    world.objects.update(
        open_call=open_call, lot=lot, draft_call=draft, document=document, open_document=open_document,
        discussion_list=discussion,
        discussed_direction=discussed, comment=comment, draft_direction_list=draft_list, clarification=clarification,
        holiday=holiday,
    )


BUILDERS = [build]

PUBLIC = EVERYONE
CUSTOMER_AND_STAFF = STAFF | {"customer"}

PAGES = [
    Page("calls:list", PUBLIC),
    Page("calls:feed", PUBLIC),
    Page("calls:detail", PUBLIC, kwargs=lambda w: {"call": w.open_call.code}),
    Page("calls:lot", PUBLIC, kwargs=lambda w: {"call": w.open_call.code, "lot": w.lot.code}),
    Page("calls:ics", PUBLIC, kwargs=lambda w: {"call": w.open_call.code}),
    Page("calls:announcement_pdf", PUBLIC, kwargs=lambda w: {"call": w.open_call.code, "language": "ru"}),
    # A draft is not public: staff and the customer's representative read it, the rest get 404.
    Page("calls:detail", CUSTOMER_AND_STAFF, kwargs=lambda w: {"call": w.draft_call.code}, refused=(404,)),
    # Call documents go through a view: a draft call's are not public yet (nothing serves /media/ for them).
    Page("calls:document", PUBLIC, kwargs=lambda w: {"call": w.open_call.code, "pk": w.open_document.pk}),
    Page("calls:document", CUSTOMER_AND_STAFF, kwargs=lambda w: {"call": w.draft_call.code, "pk": w.document.pk},
         refused=(404,)),
    # Asking a question: NGO members, while the call is open (GET sends them to the form on the call page).
    Page("calls:ask", NGO_MEMBERS, kwargs=lambda w: {"call": w.open_call.code}, status=302),
    Page("calls:directions", PUBLIC),
    Page("calls:direction_list", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk}),
    # A draft list is nobody's public page.
    Page("calls:direction_list", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=404),
    Page("calls:comment", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk, "direction": w.discussed_direction.pk},
         status=405),
    # Staff pages: every staff role reads.
    Page("calls:staff_list", STAFF),
    Page("calls:staff_call", STAFF, kwargs=lambda w: {"call": w.draft_call.code}),
    Page("calls:staff_clarifications", STAFF),
    Page("calls:staff_clarification", STAFF, kwargs=lambda w: {"pk": w.clarification.pk}),
    Page("calls:staff_directions", STAFF),
    Page("calls:staff_direction_list", STAFF, kwargs=lambda w: {"pk": w.discussion_list.pk}),
    Page("calls:staff_calendar", STAFF),
    Page("calls:staff_years", STAFF),
    # Writing pages: call managers only.
    Page("calls:staff_create", MANAGERS),
    Page("calls:staff_edit", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}),
    Page("calls:staff_extend", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}),
    Page("calls:staff_cancel", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}),
    Page("calls:staff_clone", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}),
    Page("calls:staff_document_add", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}),
    Page("calls:staff_lot_create", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}),
    Page("calls:staff_lot_edit", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code, "lot": "2027-ALM-02"}),
    Page("calls:staff_row", MANAGERS, kwargs=lambda w: {"kind": "lines"}),
    # POST-only actions answer a GET with 405, whoever asks.
    Page("calls:staff_announce", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code}, status=405),
    Page("calls:staff_document_delete", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code, "pk": w.document.pk},
         status=405),
    Page("calls:staff_lot_delete", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code, "lot": "2027-ALM-02"},
         status=405),
    Page("calls:staff_row_remove", PUBLIC, status=405),
    Page("calls:staff_directions_save", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=405),
    Page("calls:staff_discussion_start", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=405),
    Page("calls:staff_directions_approve", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk}, status=405),
    Page("calls:staff_comment_answer", PUBLIC, kwargs=lambda w: {"pk": w.comment.pk}, status=405),
    Page("calls:staff_calendar_delete", PUBLIC, kwargs=lambda w: {"pk": w.holiday.pk}, status=405),
]

# Applications, screening and results (grants/applications, grants/screening).
from .access_applications import BUILDERS as _AB  # noqa: E402
from .access_applications import PAGES as _A  # noqa: E402

PAGES += _A
BUILDERS += _AB
