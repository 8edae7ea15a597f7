"""Staff pages for calls and lots: every staff role reads, call managers write."""


from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from portal import audit
from portal.actions import add_errors, button_action, form_action, requires

from .. import selectors
from ..choices import CallStatus
from ..forms import (
    ROW_FORMS,
    CallForm,
    CancelForm,
    CloneForm,
    DirectionForm,
    DocumentForm,
    ExtendForm,
    LotForm,
    indicator_rows,
    justification_rows,
)
from ..models import Call, CallDocument, FiscalYear, Lot
from ..services import calls as call_services
from ..services import lots as lot_services

# Signed in and on the operator's staff; writing is checked per view with grants.manage_calls.
staff_only = requires("grants.view_staff_calls")
managers_only = requires("grants.view_staff_calls", "grants.manage_calls")


def _call(code: str) -> Call:
    return get_object_or_404(Call.objects.select_related("customer", "fiscal_year"), code=code)


# --- Calls -------------------------------------------------------------------------------------


@staff_only
def call_list(request):
    page = Paginator(selectors.staff_calls(), 30).get_page(request.GET.get("page"))
    overdue = selectors.overdue_clarifications()
    return render(request, "grants/staff/call_list.html", {"page": page, "overdue": overdue})


@staff_only
def call_manage(request, call: str):
    call_obj = selectors.call_for_page(call)
    if call_obj is None:
        raise Http404
    lots = list(selectors.lots_for_publication_check(call_obj))
    for lot in lots:
        lot.problems = lot_services.missing_for_publication(lot)
        lot.total = lot.justification_total()
    problems = call_services.publication_problems(call_obj) if call_obj.status == CallStatus.DRAFT else []
    context = {
        "call": call_obj,
        "lots": lots,
        "problems": problems,
        "clarifications": selectors.flag_overdue(selectors.pending_clarifications(call_obj)),
        "history": audit.history(call_obj)[:30],
        "can_manage": request.user.has_perm("grants.manage_calls"),
    }
    return render(request, "grants/staff/call.html", context)


@managers_only
def call_create(request):
    form = CallForm(request.POST or None)
    done = form_action(
        request, form, lambda _data: call_services.call_create(actor=request.user, **form.service_fields()),
        success=lambda call: _("Call %(code)s is created as a draft. Add its lots.") % {"code": call.code},
        redirect_to=lambda call: reverse("calls:staff_call", kwargs={"call": call.code}),
    )
    if done:
        return done
    return render(request, "grants/staff/call_form.html", {"form": form, "call": None})


@managers_only
def call_edit(request, call: str):
    call_obj = _call(call)
    if call_obj.status != CallStatus.DRAFT:
        messages.error(
            request, _("An announced or cancelled call cannot be edited; extend its deadline or cancel it instead.")
        )
        return redirect("calls:staff_call", call=call_obj.code)
    form = CallForm(request.POST or None, instance=call_obj)
    done = form_action(
        request, form,
        lambda _data: call_services.call_update(actor=request.user, call=call_obj, **form.service_fields()),
        success=_("The call is saved."),
        redirect_to=lambda call: reverse("calls:staff_call", kwargs={"call": call.code}),
    )
    if done:
        return done
    return render(request, "grants/staff/call_form.html", {"form": form, "call": call_obj})


@require_POST
@managers_only
def call_announce(request, call: str):
    call_obj = _call(call)
    return button_action(
        request, lambda: call_services.call_announce(actor=request.user, call=call_obj),
        success=_("Call %(code)s is announced and public.") % {"code": call_obj.code},
        refused=_("The call cannot be announced yet:"), extra_tags="announce",
        redirect_to=reverse("calls:staff_call", kwargs={"call": call_obj.code}),
    )


def _reason_view(request, call: str, *, form_class, template: str, perform, success: str):
    call_obj = _call(call)
    form = form_class(request.POST or None)
    done = form_action(request, form, lambda data: perform(call_obj, data), success=success,
                       redirect_to=reverse("calls:staff_call", kwargs={"call": call_obj.code}))
    if done:
        return done
    return render(request, template, {"form": form, "call": call_obj})


@managers_only
def call_extend(request, call: str):
    def perform(call_obj, data):
        call_services.call_extend(
            actor=request.user, call=call_obj, new_closes_at=data["new_closes_at"], reason_kk=data["reason_kk"],
            reason_ru=data["reason_ru"], reason_en=data["reason_en"],
        )

    return _reason_view(
        request, call, form_class=ExtendForm, template="grants/staff/call_extend.html", perform=perform,
        success=_("The deadline is extended; the new deadline and the reason are on the call page."),
    )


@managers_only
def call_cancel(request, call: str):
    def perform(call_obj, data):
        call_services.call_cancel(
            actor=request.user, call=call_obj, reason_kk=data["reason_kk"], reason_ru=data["reason_ru"],
            reason_en=data["reason_en"],
        )

    return _reason_view(
        request, call, form_class=CancelForm, template="grants/staff/call_cancel.html", perform=perform,
        success=_("The call is cancelled; the reason is on the call page."),
    )


@managers_only
def call_clone(request, call: str):
    source = _call(call)
    next_year = FiscalYear.objects.filter(year=source.fiscal_year.year + 1).first()
    form = CloneForm(request.POST or None, initial={"fiscal_year": next_year, "number": source.number})
    done = form_action(
        request, form, lambda data: call_services.call_clone(actor=request.user, call=source, **data),
        success=lambda clone: _("Call %(code)s is created from %(source)s as a draft. Check its dates, texts "
                                "and lots.") % {"code": clone.code, "source": source.code},
        redirect_to=lambda clone: reverse("calls:staff_call", kwargs={"call": clone.code}),
    )
    if done:
        return done
    return render(request, "grants/staff/call_clone.html", {"form": form, "call": source})


# --- Documents ---------------------------------------------------------------------------------


@managers_only
def document_add(request, call: str):
    call_obj = _call(call)
    form = DocumentForm(request.POST or None, request.FILES or None)
    done = form_action(
        request, form,
        lambda data: call_services.document_add(
            actor=request.user, call=call_obj, kind=data["kind"], title_kk=data["title_kk"],
            title_ru=data["title_ru"], title_en=data["title_en"], upload=data["file"], content_type=form.content_type,
        ),
        success=_("The document is attached."), redirect_to=reverse("calls:staff_call", kwargs={"call": call_obj.code}),
    )
    if done:
        return done
    return render(request, "grants/staff/document_form.html", {"form": form, "call": call_obj})


@require_POST
@managers_only
def document_delete(request, call: str, pk: int):
    document = get_object_or_404(CallDocument.objects.select_related("call"), pk=pk, call__code=call)
    return button_action(
        request, lambda: call_services.document_delete(actor=request.user, document=document),
        success=_("The document is removed."), redirect_to=reverse("calls:staff_call", kwargs={"call": call}),
    )


# --- Lots --------------------------------------------------------------------------------------


def _lot_page(request, call_obj: Call, lot: Lot | None):
    if call_obj.status != CallStatus.DRAFT:
        messages.error(request, _("The lots of an announced or cancelled call cannot change: what was published "
                                  "stays as published."))
        return redirect("calls:staff_call", call=call_obj.code)
    data = request.POST if request.method == "POST" else None
    form = LotForm(data, instance=lot or Lot(call=call_obj), call=call_obj)
    indicators = indicator_rows(data=data, lot=lot)
    lines = justification_rows(data=data, lot=lot)
    if request.method == "POST":
        valid = all([form.is_valid(), indicators.is_valid(), lines.is_valid()])
        if valid:
            fields = {name: form.cleaned_data.get(name) for name in form.Meta.fields}
            try:
                saved = lot_services.lot_save(
                    actor=request.user, call=call_obj, lot=lot, fields=fields, indicators=indicators.rows,
                    lines=lines.rows,
                )
            except ValidationError as error:
                add_errors(form, error)
            else:
                messages.success(request, _("Lot %(code)s is saved.") % {"code": saved.code})
                return redirect("calls:staff_call", call=call_obj.code)
    tor_fields = [
        (form[f"{name}_kk"], form[f"{name}_ru"], form[f"{name}_en"])
        for name in ("problem", "target_groups", "expected_results", "requirements")
    ]
    context = {
        "form": form, "call": call_obj, "lot": lot, "indicators": indicators, "lines": lines, "tor_fields": tor_fields,
    }
    return render(request, "grants/staff/lot_form.html", context)


@managers_only
def lot_create(request, call: str):
    return _lot_page(request, _call(call), None)


@managers_only
def lot_edit(request, call: str, lot: str):
    call_obj = _call(call)
    lot_obj = selectors.lot_for_page_queryset().filter(call=call_obj, code=lot).first()
    if lot_obj is None:
        raise Http404
    return _lot_page(request, call_obj, lot_obj)


@require_POST
@managers_only
def lot_delete(request, call: str, lot: str):
    lot_obj = get_object_or_404(Lot, call__code=call, code=lot)
    return button_action(
        request, lambda: lot_services.lot_delete(actor=request.user, lot=lot_obj),
        success=_("Lot %(code)s is deleted.") % {"code": lot},
        redirect_to=reverse("calls:staff_call", kwargs={"call": call}),
    )


ROW_TEMPLATES = {
    "indicators": "grants/staff/partials/indicator_row.html",
    "lines": "grants/staff/partials/line_row.html",
    "directions": "grants/staff/partials/direction_row.html",
}


@require_GET
@managers_only
def row_new(request, kind: str):
    """htmx: an empty row for an inline table, numbered as asked (grants-forms.js sends the next free number)."""
    form_class = {**ROW_FORMS, "directions": DirectionForm}.get(kind)
    if form_class is None:
        raise Http404
    try:
        index = max(0, int(request.GET.get("next", "0")))
    except ValueError:
        index = 0
    form = form_class(prefix=f"{kind}-{index}", index=index)
    return render(request, ROW_TEMPLATES[kind], {"row": form})


@require_POST
@managers_only
def row_remove(request):
    """htmx: the row is removed by swapping in this empty answer; nothing is saved until the form is."""
    return HttpResponse("")
