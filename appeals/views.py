"""The applicant's pages (decisions to appeal, the form, the appeal and its letter) and the appeals
commission's (the list, the review, the final decision, the members)."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from grants.models import Application
from portal.actions import button_action, form_action, requires

from . import selectors, services
from .choices import AppealStatus
from .forms import AppealForm, FinalForm, MemberForm, ReviewForm
from .models import Appeal, AppealFile, CommissionMember


@login_required
def mine(request):
    """The published decisions on the applications of the user's NGOs that may be appealed, and the appeals."""
    rows = selectors.decisions_of_user(request.user)
    now = timezone.now()
    return render(request, "appeals/mine.html", {
        "appeal_days": selectors.working_days(),
        "rows": [{"row": row, "open": row.is_open(now),
                  "can_file": row.is_open(now) and request.user.has_perm("appeals.file_appeal", row.application)}
                 for row in rows],
    })


@login_required
def new(request, application: int):
    item = get_object_or_404(Application.objects.select_related("ngo"), pk=application)
    if not request.user.has_perm("appeals.file_appeal", item):
        if request.user.has_perm("ngos.view_own_ngo", item.ngo):
            raise PermissionDenied(_("Only the head of the NGO files an appeal on its behalf."))
        raise Http404
    row = selectors.appealable(item)
    if row is None:
        raise Http404
    if row.appeal is not None:
        messages.info(request, _("An appeal against this decision is already filed."))
        return redirect(row.appeal)
    form = AppealForm(request.POST or None, request.FILES or None)
    response = form_action(
        request, form,
        lambda data: services.appeal_file(application=item, actor=request.user, reason=data["reason"],
                                          files=data["files"]),
        success=_("The appeal is filed. The appeals commission will review it; the decision comes by e-mail "
                  "and on this page."),
        redirect_to=lambda appeal: appeal.get_absolute_url(),
    )
    if response:
        return response
    late = timezone.now() >= row.deadline
    return render(request, "appeals/new.html", {"application": item, "row": row, "form": form, "late": late})


def _visible(request, pk: int) -> Appeal:
    try:
        appeal = selectors.appeal_for_page(pk)
    except Appeal.DoesNotExist:
        raise Http404 from None
    if not request.user.has_perm("appeals.view_appeal", appeal):
        raise Http404
    return appeal


def _detail(request, appeal, *, review_form=None, final_form=None, status=200):
    can_review = request.user.has_perm("appeals.review_appeal", appeal)
    if can_review and appeal.status == AppealStatus.FILED:
        review_form = review_form or ReviewForm()
    else:
        review_form = None
    reevaluation = appeal.reevaluation
    if can_review and appeal.status == AppealStatus.REEVALUATION:
        final_form = final_form or FinalForm()
    else:
        final_form = None
    return render(request, "appeals/detail.html", {
        "appeal": appeal, "application": appeal.application, "review_form": review_form,
        "final_form": final_form, "reevaluation": reevaluation,
        "staff": request.user.has_perm("appeals.view_appeals"),
        "primary_language": appeal.application.language or "ru",
    }, status=status)


@login_required
def detail(request, pk: int):
    return _detail(request, _visible(request, pk))


@login_required
def attachment(request, pk: int, file: int):
    appeal = _visible(request, pk)
    item = get_object_or_404(AppealFile, pk=file, appeal=appeal)
    return FileResponse(item.file.open("rb"), content_type=item.content_type, as_attachment=True,
                        filename=item.name)


@login_required
def letter(request, pk: int, language: str):
    appeal = _visible(request, pk)
    if language not in ("kk", "ru"):
        raise Http404
    document = appeal.letter_in(language)
    if not document:
        raise Http404(_("The letter is being prepared; please try again in a minute."))
    return FileResponse(document.open("rb"), content_type="application/pdf",
                        filename=f"appeal-{appeal.pk}-{language}.pdf")


def _reviewable(request, pk: int) -> Appeal:
    appeal = _visible(request, pk)
    if not request.user.has_perm("appeals.review_appeal", appeal):
        raise PermissionDenied
    return appeal


@login_required
@require_POST
def review(request, pk: int):
    appeal = _reviewable(request, pk)
    form = ReviewForm(request.POST)
    response = form_action(
        request, form, lambda data: services.appeal_review(appeal=appeal, actor=request.user, **data),
        success=lambda a: _("The decision on appeal %(number)s is recorded: “%(status)s”. The letter is being "
                            "prepared.") % {"number": a.number, "status": a.get_status_display()},
        redirect_to=lambda a: a.get_absolute_url(),
    )
    return response or _detail(request, appeal, review_form=form)


@login_required
@require_POST
def finalise(request, pk: int):
    appeal = _reviewable(request, pk)
    form = FinalForm(request.POST)
    response = form_action(
        request, form, lambda data: services.appeal_finalise(
            appeal=appeal, actor=request.user, verdict=data["verdict"], rationale=data["final_rationale"]),
        success=lambda a: _("The final decision on appeal %(number)s is recorded: “%(status)s”.")
        % {"number": a.number, "status": a.get_status_display()},
        redirect_to=lambda a: a.get_absolute_url(),
    )
    return response or _detail(request, appeal, final_form=form)


@requires("appeals.view_appeals")
def staff_list(request):
    status = request.GET.get("status", "")
    if status not in AppealStatus.values:
        status = ""
    return render(request, "appeals/staff_list.html", {
        "appeals": list(selectors.appeals_for_staff(status=status)[:200]), "status": status,
        "statuses": AppealStatus.choices, "can_manage": request.user.has_perm("appeals.manage_commission"),
    })


@requires("appeals.manage_commission")
def commission(request):
    form = MemberForm(request.POST or None)

    def add(data):
        user = get_user_model().objects.filter(email__iexact=data["email"].strip()).first()
        if user is None:
            from django.core.exceptions import ValidationError

            raise ValidationError({"email": _("No account has this e-mail address.")})
        return services.commission_add(user=user, actor=request.user)

    response = form_action(request, form, add, success=lambda m: _("%(user)s is on the appeals commission.")
                           % {"user": m.user}, redirect_to="appeals:commission")
    if response:
        return response
    return render(request, "appeals/commission.html", {"form": form, "members": list(selectors.commission_members())})


@requires("appeals.manage_commission")
@require_POST
def commission_remove(request, pk: int):
    member = get_object_or_404(CommissionMember.objects.select_related("user"), pk=pk)
    return button_action(request, lambda: services.commission_remove(member=member, actor=request.user),
                         success=_("%(user)s is no longer on the appeals commission.") % {"user": member.user},
                         redirect_to="appeals:commission")
