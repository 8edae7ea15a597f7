"""An NGO's own pages: register or join, the NGO's overview and profile, its people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.actions import button_action, form_action

from .. import selectors, services
from ..choices import RequestStatus
from ..forms import InvitationForm, JoinForm, NGOProfileForm, NGORegistrationForm, RoleForm, SwitchNGOForm
from ..models import Invitation, JoinRequest, Membership
from .common import get_ngo, messages_of, post_only, require, safe_next


def _profile_fields(form) -> dict:
    fields = {name: value for name, value in form.cleaned_data.items() if name in services.PROFILE_FIELDS}
    logo = fields.get("logo")
    if logo is None:
        fields.pop("logo", None)  # nothing uploaded: keep the current logo
    elif logo is False:
        fields["logo"] = ""  # "clear" ticked
    return fields


def _make_current(request, ngo) -> None:
    request.session[selectors.CURRENT_NGO_SESSION_KEY] = ngo.pk


@login_required
def register(request):
    form = NGORegistrationForm(request.POST or None, request.FILES or None)

    def register_and_act_for(data):
        ngo = services.ngo_register(
            actor=request.user, bin=data["bin"], fields=_profile_fields(form), spheres=data["spheres"]
        )
        _make_current(request, ngo)
        return ngo

    done = form_action(
        request, form, register_and_act_for,
        success=_("The NGO is registered and you are its head. The operator will verify it; until then it "
                  "cannot apply for grants."),
        redirect_to=lambda ngo: reverse("ngos:manage", kwargs={"bin": ngo.bin}),
    )
    if done:
        return done
    return render(request, "ngos/register.html", {"form": form})


@login_required
def join(request):
    form = JoinForm(request.POST or None)
    done = form_action(
        request, form,
        lambda data: services.join_request_create(actor=request.user, ngo=form.ngo, message=data["message"]),
        success=lambda _request: _("Your request has been sent to the head of %(ngo)s.") % {"ngo": form.ngo.name},
        redirect_to="portal:dashboard",
    )
    if done:
        return done
    requests = selectors.join_requests_of(request.user)[:10]
    return render(request, "ngos/join.html", {"form": form, "join_requests": requests})


@login_required
def join_withdraw(request, pk):
    join_request = get_object_or_404(JoinRequest, pk=pk, user=request.user)
    if refused := post_only(request):
        return refused
    return button_action(
        request, lambda: services.join_request_withdraw(join_request=join_request, actor=request.user),
        success=_("Your request is withdrawn."), redirect_to="ngos:join",
    )


@login_required
def switch(request):
    """Pick the NGO the user acts for now (kept in the session)."""
    if refused := post_only(request):
        return refused
    form = SwitchNGOForm(request.POST)
    membership = None
    if form.is_valid():
        membership = (
            Membership.objects.filter(user=request.user, ngo_id=form.cleaned_data["ngo"]).select_related("ngo").first()
        )
    if membership is None:
        messages.error(request, _("You are not a member of that NGO."))
    else:
        _make_current(request, membership.ngo)
        messages.success(request, _("You now act for %(ngo)s.") % {"ngo": membership.ngo.name})
    return redirect(safe_next(request, reverse("portal:dashboard")))


@login_required
def invitation(request, token):
    invitation = get_object_or_404(Invitation.objects.select_related("ngo", "invited_by"), token=token)
    problem = services.invitation_problem(invitation, request.user)
    if request.method == "POST" and not problem:
        accept = request.POST.get("answer") == "accept"
        try:
            services.invitation_answer(invitation=invitation, actor=request.user, accept=accept)
        except ValidationError as error:
            problem = " ".join(messages_of(error))
        else:
            if accept:
                _make_current(request, invitation.ngo)
                messages.success(request, _("Welcome to %(ngo)s.") % {"ngo": invitation.ngo.name})
                return redirect("ngos:manage", bin=invitation.ngo.bin)
            messages.info(request, _("You declined the invitation."))
            return redirect("portal:dashboard")
    return render(request, "ngos/invitation.html", {"invitation": invitation, "problem": problem})


# --- The NGO's overview and profile ---------------------------------------------------------------


@login_required
def manage(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.view_own_ngo", ngo)
    return render(
        request,
        "ngos/manage/overview.html",
        {
            "ngo": ngo,
            "membership": Membership.objects.get(ngo=ngo, user=request.user),
            "reports": selectors.report_overview(ngo, years=3, include_drafts=True),
            "join_requests": selectors.pending_join_requests(ngo),
            "members_count": ngo.memberships.count(),
            "section": "overview",
        },
    )


@login_required
def profile_edit(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.edit_profile", ngo)
    form = NGOProfileForm(request.POST or None, request.FILES or None, instance=ngo)
    done = form_action(
        request, form,
        lambda data: services.ngo_update_profile(
            ngo=ngo, actor=request.user, fields=_profile_fields(form), spheres=data["spheres"]
        ),
        success=_("The profile is saved."), redirect_to=reverse("ngos:manage", kwargs={"bin": ngo.bin}),
    )
    if done:
        return done
    return render(request, "ngos/manage/profile.html", {"ngo": ngo, "form": form, "section": "profile"})


@login_required
def request_verification(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.request_verification", ngo)
    if refused := post_only(request):
        return refused
    return button_action(
        request, lambda: services.ngo_request_verification(ngo=ngo, actor=request.user),
        success=_("The operator will look at the NGO again."),
        redirect_to=reverse("ngos:manage", kwargs={"bin": ngo.bin}),
    )


# --- People -------------------------------------------------------------------------------------------


def _members_page(request, ngo, *, invite_form=None, status=200):
    can_manage = request.user.has_perm("ngos.manage_members", ngo)
    members = list(selectors.members_of(ngo))
    for membership in members:
        membership.role_form = RoleForm(initial={"role": membership.role}, prefix=f"m{membership.pk}")
    return render(
        request,
        "ngos/manage/members.html",
        {
            "ngo": ngo,
            "members": members,
            "can_manage": can_manage,
            "invite_form": invite_form or InvitationForm(),
            "join_requests": selectors.pending_join_requests(ngo) if can_manage else [],
            "invitations": selectors.pending_invitations(ngo) if can_manage else [],
            "answer_form": RoleForm(prefix="answer"),
            "section": "members",
        },
        status=status,
    )


@login_required
def members(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.view_own_ngo", ngo)
    return _members_page(request, ngo)


@login_required
def member_invite(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.manage_members", ngo)
    if refused := post_only(request):
        return refused
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            services.invitation_create(
                ngo=ngo, actor=request.user, email=form.cleaned_data["email"], role=form.cleaned_data["role"],
                language=translation.get_language(),
            )
        except ValidationError as error:
            form.add_error("email", error)
        else:
            messages.success(request, _("The invitation is sent to %(email)s.") % {"email": form.cleaned_data["email"]})
            return redirect("ngos:members", bin=ngo.bin)
    return _members_page(request, ngo, invite_form=form, status=400)


@login_required
def member_role(request, bin, pk):
    ngo = get_ngo(bin)
    require(request, "ngos.manage_members", ngo)
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk, ngo=ngo)
    if refused := post_only(request):
        return refused
    form = RoleForm(request.POST, prefix=f"m{membership.pk}")
    if form.is_valid():
        try:
            services.membership_change_role(membership=membership, actor=request.user, role=form.cleaned_data["role"])
            messages.success(request, _("The role of %(person)s is changed.") % {"person": membership.user})
        except ValidationError as error:
            for message in messages_of(error):
                messages.error(request, message)
    else:
        messages.error(request, _("Choose a role from the list."))
    return redirect("ngos:members", bin=ngo.bin)


@login_required
def member_remove(request, bin, pk):
    ngo = get_ngo(bin)
    require(request, "ngos.manage_members", ngo)
    membership = get_object_or_404(Membership.objects.select_related("user"), pk=pk, ngo=ngo)
    if refused := post_only(request):
        return refused
    return button_action(
        request, lambda: services.membership_remove(membership=membership, actor=request.user),
        success=_("%(person)s is no longer a member.") % {"person": membership.user},
        redirect_to=reverse("ngos:members", kwargs={"bin": ngo.bin}),
    )


@login_required
def leave(request, bin):
    ngo = get_ngo(bin)
    require(request, "ngos.view_own_ngo", ngo)
    if refused := post_only(request):
        return refused
    membership = Membership.objects.select_related("user").get(ngo=ngo, user=request.user)
    try:
        services.membership_remove(membership=membership, actor=request.user)
    except ValidationError as error:
        for message in messages_of(error):
            messages.error(request, message)
        return redirect("ngos:members", bin=ngo.bin)
    if request.session.get(selectors.CURRENT_NGO_SESSION_KEY) == ngo.pk:
        del request.session[selectors.CURRENT_NGO_SESSION_KEY]
    messages.success(request, _("You have left %(ngo)s.") % {"ngo": ngo.name})
    return redirect("portal:dashboard")


@login_required
def join_request_answer(request, bin, pk):
    ngo = get_ngo(bin)
    require(request, "ngos.manage_members", ngo)
    join_request = get_object_or_404(JoinRequest.objects.select_related("user"), pk=pk, ngo=ngo)
    if refused := post_only(request):
        return refused
    accept = request.POST.get("answer") == "accept"
    form = RoleForm(request.POST, prefix="answer")
    role = form.cleaned_data["role"] if form.is_valid() else None
    if accept and role is None:
        messages.error(request, _("Choose a role from the list."))
        return redirect("ngos:members", bin=ngo.bin)
    try:
        services.join_request_answer(
            join_request=join_request, actor=request.user, accept=accept, role=role or "member"
        )
    except ValidationError as error:
        for message in messages_of(error):
            messages.error(request, message)
    else:
        if accept:
            messages.success(request, _("%(person)s has joined the NGO.") % {"person": join_request.user})
        else:
            messages.info(request, _("The request of %(person)s is declined.") % {"person": join_request.user})
    return redirect("ngos:members", bin=ngo.bin)


@login_required
def invitation_revoke(request, bin, pk):
    ngo = get_ngo(bin)
    require(request, "ngos.manage_members", ngo)
    invitation = get_object_or_404(Invitation, pk=pk, ngo=ngo, status=RequestStatus.PENDING)
    if refused := post_only(request):
        return refused
    return button_action(
        request, lambda: services.invitation_revoke(invitation=invitation, actor=request.user),
        success=_("The invitation to %(email)s is withdrawn.") % {"email": invitation.email},
        redirect_to=reverse("ngos:members", kwargs={"bin": ngo.bin}),
    )
