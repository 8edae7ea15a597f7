"""The check page, submission by the head, withdrawal, and the receipt."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ngos.models import MemberRole
from portal.esign.services import signed
from portal.pdf import pdf_response

from .. import checks, forms, selectors, services
from ..choices import ApplicationStatus
from ..models import Submission
from .common import application_for


def _check_context(request, application, now):
    states = selectors.section_states(application)
    general = checks.general_problems(application, now=now)
    problems = [p for s in states for p in s.problems]
    heads = list(application.ngo.memberships.filter(role=MemberRole.HEAD).select_related("user"))
    return {
        "application": application,
        "general": general,
        "states": states,
        "problem_count": len(general) + len(problems),
        "progress": selectors.progress(states),
        "can_submit": request.user.has_perm("grants.submit_application", application),
        "heads": heads,
        "heads_list": ", ".join(str(m.user) for m in heads),
        "now": now,
    }


@login_required
def check(request, pk):
    application = application_for(request, pk)
    if not request.user.has_perm("grants.edit_application", application):
        return redirect("applications:detail", pk=application.pk)
    application = selectors.application_with_content(application.pk)
    return render(request, "grants/applications/check.html", _check_context(request, application, timezone.now()))


@login_required
def submit(request, pk):
    if request.method == "POST":
        return _submit_now(request, pk)
    # The rules read the NGO only; the page reads the application again with its content.
    application = application_for(request, pk, related=("ngo",))
    if not request.user.has_perm("grants.submit_application", application):
        raise PermissionDenied(_("Only the head of the NGO may submit its application."))
    application = selectors.application_with_content(application.pk)
    return render(request, "grants/applications/submit.html", _check_context(request, application, timezone.now()))


def _submit_now(request, pk):
    now = timezone.now()
    try:
        with transaction.atomic():
            # Read once, under the lock the submission takes anyway, with its content: the rules ask it, the
            # signature signs it and the service submits it (selectors.held_under_lock).
            application = application_for(request, pk, read=selectors.locked_with_content)
            if application.status == ApplicationStatus.SUBMITTED and request.user.has_perm(
                "grants.withdraw_application", application
            ):
                # A second click, or a second tab, once the first went through: the same receipt, no second number.
                submission = services.application_submit(application=application, actor=request.user)
                messages.info(request, _("Application %(number)s is already submitted.")
                              % {"number": submission.number})
                return redirect("applications:detail", pk=application.pk)
            if not request.user.has_perm("grants.submit_application", application):
                raise PermissionDenied(_("Only the head of the NGO may submit its application."))
            # The head's signature (or confirmation) around the submission service, in one transaction.
            submission = signed(
                actor=request.user, action="grants.application_submit", obj=application, data=request.POST,
                perform=lambda method: services.application_submit(application=application, actor=request.user,
                                                                    now=now),
            )
    except ValidationError as error:
        application = selectors.application_with_content(pk)
        context = _check_context(request, application, now)
        context["refusal"] = error.messages
        return render(request, "grants/applications/submit.html", context, status=409)
    messages.success(
        request,
        _("Application %(number)s is submitted. The receipt is below and has been sent to the NGO's members.")
        % {"number": submission.number},
    )
    return redirect("applications:detail", pk=application.pk)


@login_required
def withdraw(request, pk):
    application = application_for(request, pk)
    if not request.user.has_perm("grants.withdraw_application", application):
        raise PermissionDenied(_("Only the head of the NGO may withdraw a submitted application."))
    form = forms.WithdrawForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            signed(
                actor=request.user, action="grants.application_withdraw", obj=application, data=request.POST,
                perform=lambda method: services.application_withdraw(
                    application=application, actor=request.user, reason=form.cleaned_data["reason"]
                ),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The application is withdrawn. You may change it and submit it again "
                                        "until the deadline."))
            return redirect("applications:detail", pk=application.pk)
    return render(request, "grants/applications/withdraw.html", {"application": application, "form": form})


@login_required
def receipt(request, pk, submission):
    application = application_for(request, pk)
    submission = get_object_or_404(Submission, pk=submission, application=application)
    pdf = services.submission_receipt(submission=submission)
    return pdf_response(pdf, filename=f"receipt-{submission.number}.pdf")
