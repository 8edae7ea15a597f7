"""Who may open each calls page. Public pages are open to everyone; staff pages to the operator's staff
(call managers write, the others read); writing pages to call managers only."""

from datetime import date, timedelta

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from grants.choices import CallStatus, ClarificationStatus, CommentResolution, DirectionListStatus
from grants.models import (
    CalendarDay,
    Call,
    CallDocument,
    Clarification,
    DirectionComment,
    FiscalYear,
    Lot,
    PriorityDirection,
    PriorityDirectionList,
)
from ngos.models import NGO, Membership
from portal.models import Region
from tests.harness import Page
from tests.world import EVERYONE, NGO_A, SIGNED_IN, STAFF

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
    # The next year: where a call is cloned to and a direction list is started.
    world.objects["next_year"] = FiscalYearFactory(year=fiscal_year.year + 1)
    world.objects.update(
        open_call=open_call, lot=lot, draft_call=draft, document=document, open_document=open_document,
        discussion_list=discussion,
        discussed_direction=discussed, comment=comment, draft_direction_list=draft_list, clarification=clarification,
        holiday=holiday,
    )


BUILDERS = [build]

PUBLIC = EVERYONE
CUSTOMER_AND_STAFF = STAFF | {"customer"}


def staff_call(code):
    return lambda w: reverse("calls:staff_call", kwargs={"call": code(w)})


def draft_code(world):
    return world.draft_call.code


def open_code(world):
    return world.open_call.code


def call_data(world, **changes):
    """The call form as a manager sends it: the draft call's own values, with changes."""
    call = world.draft_call
    return {
        "customer": call.customer_id, "fiscal_year": call.fiscal_year_id, "number": call.number,
        "title_kk": call.title_kk, "title_ru": call.title_ru, "description_kk": "Сипаттама",
        "description_ru": "Описание", "opens_on": timezone.localdate().isoformat(),
        "opens_time": "09:00", "closes_on": (timezone.localdate() + timedelta(days=30)).isoformat(),
        "closes_time": "18:30", **changes,
    }


def lot_data(world, **changes):
    """The lot form of the draft call's lot as it stands, rows included, with changes."""
    lot = Lot.objects.get(call=world.draft_call, code="2027-ALM-02")
    data = {
        "code": lot.code, "direction": lot.direction_id or "", "title_kk": lot.title_kk, "title_ru": lot.title_ru,
        "region": lot.region_id or "", "grant_type": lot.grant_type, "term_months": lot.term_months,
        "budget": str(lot.budget), "grants_count": lot.grants_count,
    }
    for n, row in enumerate(lot.indicators.all()):
        data.update({f"indicators-{n}-{name}": str(getattr(row, name))
                     for name in ("name_kk", "name_ru", "unit_kk", "unit_ru", "target_value")})
    for n, row in enumerate(lot.justification_lines.all()):
        data.update({f"lines-{n}-{name}": str(getattr(row, name)) for name in
                     ("item_kk", "item_ru", "unit_kk", "unit_ru", "quantity", "unit_cost", "source_kk", "source_ru")})
    return {**data, **changes}


def rules_pdf():
    return SimpleUploadedFile("rules.pdf", b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")

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
    Page("calls:ask", NGO_MEMBERS, kwargs=lambda w: {"call": w.open_call.code}, status=302, post=NGO_A,
         post_refused=(200, 403, 404),
         post_data=lambda w: {"ngo": w.ngo_a.pk, "language": "kk", "question": "Жалақы шегі қандай?"},
         post_redirect=lambda w: w.open_call.get_absolute_url(),
         post_effect=lambda w: Clarification.objects.filter(question="Жалақы шегі қандай?").exists()),
    Page("calls:directions", PUBLIC),
    Page("calls:direction_list", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk}),
    # A draft list is nobody's public page.
    Page("calls:direction_list", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=404),
    Page("calls:comment", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk, "direction": w.discussed_direction.pk},
         status=405, post=SIGNED_IN, post_data=lambda w: {"text": "Ауылдық жастарды да қосыңыз"},
         post_effect=lambda w: DirectionComment.objects.filter(text="Ауылдық жастарды да қосыңыз").exists()),
    # Staff pages: every staff role reads.
    Page("calls:staff_list", STAFF),
    Page("calls:staff_call", STAFF, kwargs=lambda w: {"call": w.draft_call.code}),
    Page("calls:staff_clarifications", STAFF),
    Page("calls:staff_clarification", STAFF, kwargs=lambda w: {"pk": w.clarification.pk}, post=MANAGERS,
         post_data=lambda w: {"question_kk": "Сұрақ?", "question_ru": "Вопрос?", "answer_kk": "Жауап",
                              "answer_ru": "Ответ", "publish": "1"},
         post_redirect=lambda w: reverse("calls:staff_clarifications"),
         post_effect=lambda w: Clarification.objects.filter(pk=w.clarification.pk)
         .exclude(status=ClarificationStatus.PENDING).exists()),
    Page("calls:staff_directions", STAFF, post=MANAGERS,
         post_data=lambda w: {"customer": w.open_call.customer_id, "fiscal_year": w.next_year.pk},
         post_effect=lambda w: PriorityDirectionList.objects.filter(fiscal_year=w.next_year).exists()),
    Page("calls:staff_direction_list", STAFF, kwargs=lambda w: {"pk": w.discussion_list.pk}),
    Page("calls:staff_calendar", STAFF, post=MANAGERS,
         post_data=lambda w: {"date": "2027-05-09", "kind": "day_off", "name_kk": "Жеңіс күні",
                              "name_ru": "День Победы"},
         post_redirect=lambda w: reverse("calls:staff_calendar") + "?year=2027",
         post_effect=lambda w: CalendarDay.objects.filter(date=date(2027, 5, 9)).exists()),
    Page("calls:staff_years", STAFF, post=MANAGERS, post_data=lambda w: {"year": "2039", "mci": "4325"},
         post_redirect=lambda w: reverse("calls:staff_years"),
         post_effect=lambda w: FiscalYear.objects.filter(year=2039).exists()),  # the prizes world holds 2030–2032
    # Writing pages: call managers only.
    Page("calls:staff_create", MANAGERS, post=MANAGERS, post_data=lambda w: call_data(w, number=7),
         post_effect=lambda w: Call.objects.filter(fiscal_year=w.draft_call.fiscal_year, number=7).exists()),
    Page("calls:staff_edit", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}, post=MANAGERS,
         post_data=lambda w: call_data(w, title_en="Call for state grants No. 2"), post_redirect=staff_call(draft_code),
         post_effect=lambda w: Call.objects.filter(pk=w.draft_call.pk, title_en="Call for state grants No. 2")
         .exists()),
    Page("calls:staff_extend", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}, post=MANAGERS,
         post_data=lambda w: {"new_closes_on": (w.open_call.closes_at + timedelta(days=10)).date().isoformat(),
                              "new_closes_time": "18:30", "reason_kk": "Өтініш бойынша", "reason_ru": "По просьбам"},
         post_redirect=staff_call(open_code),
         post_effect=lambda w: Call.objects.get(pk=w.open_call.pk).closes_at > w.open_call.closes_at),
    Page("calls:staff_cancel", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}, post=MANAGERS,
         post_data=lambda w: {"reason_kk": "Қаржы жоқ", "reason_ru": "Нет финансирования"},
         post_redirect=staff_call(open_code),
         post_effect=lambda w: Call.objects.filter(pk=w.open_call.pk, status=CallStatus.CANCELLED).exists()),
    Page("calls:staff_clone", MANAGERS, kwargs=lambda w: {"call": w.open_call.code}, post=MANAGERS,
         post_data=lambda w: {"fiscal_year": w.next_year.pk, "number": "9"},
         post_effect=lambda w: Call.objects.filter(fiscal_year=w.next_year, number=9).exists()),
    Page("calls:staff_document_add", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}, post=MANAGERS,
         post_data=lambda w: {"kind": "template", "title_kk": "Үлгі", "title_ru": "Шаблон", "file": rules_pdf()},
         post_redirect=staff_call(draft_code),
         post_effect=lambda w: CallDocument.objects.filter(call=w.draft_call, title_ru="Шаблон").exists()),
    Page("calls:staff_lot_create", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code}, post=MANAGERS,
         post_data=lambda w: lot_data(w, code="2027-ALM-03"), post_redirect=staff_call(draft_code),
         post_effect=lambda w: Lot.objects.filter(call=w.draft_call, code="2027-ALM-03").exists()),
    Page("calls:staff_lot_edit", MANAGERS, kwargs=lambda w: {"call": w.draft_call.code, "lot": "2027-ALM-02"},
         post=MANAGERS, post_data=lambda w: lot_data(w, title_en="Youth centre"), post_redirect=staff_call(draft_code),
         post_effect=lambda w: Lot.objects.filter(call=w.draft_call, title_en="Youth centre").exists()),
    Page("calls:staff_row", MANAGERS, kwargs=lambda w: {"kind": "lines"}),
    # POST-only actions answer a GET with 405, whoever asks.
    # POST-only actions answer a GET with 405, whoever asks; call managers may post.
    Page("calls:staff_announce", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code}, status=405, post=MANAGERS,
         post_redirect=staff_call(draft_code),
         post_effect=lambda w: Call.objects.filter(pk=w.draft_call.pk, status=CallStatus.ANNOUNCED).exists()),
    Page("calls:staff_document_delete", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code, "pk": w.document.pk},
         status=405, post=MANAGERS, post_redirect=staff_call(draft_code),
         post_effect=lambda w: not CallDocument.objects.filter(pk=w.document.pk).exists()),
    Page("calls:staff_lot_delete", PUBLIC, kwargs=lambda w: {"call": w.draft_call.code, "lot": "2027-ALM-02"},
         status=405, post=MANAGERS, post_redirect=staff_call(draft_code),
         post_effect=lambda w: not Lot.objects.filter(call=w.draft_call, code="2027-ALM-02").exists()),
    # htmx: the row goes by swapping in an empty answer; nothing is saved.
    Page("calls:staff_row_remove", PUBLIC, status=405, post=MANAGERS, post_status=200),
    Page("calls:staff_directions_save", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=405,
         post=MANAGERS, post_data=lambda w: {"directions-0-number": "1", "directions-0-title_kk": "Қарттар",
                                             "directions-0-title_ru": "Пожилые люди"},
         post_redirect=lambda w: reverse("calls:staff_direction_list", kwargs={"pk": w.draft_direction_list.pk}),
         post_effect=lambda w: PriorityDirection.objects.filter(direction_list=w.draft_direction_list).exists()),
    Page("calls:staff_discussion_start", PUBLIC, kwargs=lambda w: {"pk": w.draft_direction_list.pk}, status=405,
         post=MANAGERS, post_status=200, post_data=lambda w: {
             "starts_on": timezone.localdate().isoformat(),
             "ends_on": (timezone.localdate() + timedelta(days=20)).isoformat(),
         }),
    Page("calls:staff_directions_approve", PUBLIC, kwargs=lambda w: {"pk": w.discussion_list.pk}, status=405,
         post=MANAGERS,
         post_redirect=lambda w: reverse("calls:staff_direction_list", kwargs={"pk": w.discussion_list.pk})),
    Page("calls:staff_comment_answer", PUBLIC, kwargs=lambda w: {"pk": w.comment.pk}, status=405, post=MANAGERS,
         post_data=lambda w: {f"comment-{w.comment.pk}-resolution": CommentResolution.ACCEPTED,
                              f"comment-{w.comment.pk}-response": "Қосылды"},
         post_redirect=lambda w: reverse("calls:staff_direction_list", kwargs={"pk": w.discussion_list.pk}),
         post_effect=lambda w: DirectionComment.objects.filter(pk=w.comment.pk,
                                                               resolution=CommentResolution.ACCEPTED).exists()),
    Page("calls:staff_calendar_delete", PUBLIC, kwargs=lambda w: {"pk": w.holiday.pk}, status=405, post=MANAGERS,
         post_redirect=lambda w: reverse("calls:staff_calendar") + "?year=2027",
         post_effect=lambda w: not CalendarDay.objects.filter(pk=w.holiday.pk).exists()),
]

# Applications, screening and results (grants/applications, grants/screening).
from .access_applications import BUILDERS as _AB  # noqa: E402
from .access_applications import PAGES as _A  # noqa: E402

PAGES += _A
BUILDERS += _AB
