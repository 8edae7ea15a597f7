import mimetypes
import posixpath

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, SuspiciousFileOperation, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.db import connection
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.templatetags.static import static
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe
from django.views.i18n import set_language as django_set_language

from portal.pdf import pdf_response, render_pdf

from . import confirmation, mail, registry, selectors
from .filters import AuditEntryFilter
from .forms import AccountSettingsForm, CorrectedAddressForm, ReminderScheduleForm
from .models import OutboxMessage
from .public_cache import public_page


@public_page("calls", "ngos", "results", "directions")
def home(request):
    return render(request, "portal/home.html", selectors.home_context())


@login_required
def dashboard(request):
    panels = [panel for contributed in registry.contributions("dashboard") for panel in contributed(request)]
    return render(request, "portal/dashboard.html", {"panels": panels})


@login_required
def notifications(request):
    """The e-mails the portal wrote to the user, to read again on the portal."""
    return render(request, "portal/notifications.html", {"notifications": selectors.my_notifications(request.user)})


@login_required
def account_settings(request):
    form = AccountSettingsForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        messages.success(request, _("Your settings are saved."))
        with translation.override(user.language):
            from django.urls import reverse

            return redirect(reverse("portal:account"))
    return render(request, "portal/account.html", {"form": form})


@require_http_methods(["GET", "POST"])
def email_confirmation(request):
    """For a newcomer waiting for the confirmation link: send it again, or to a corrected address."""
    if request.user.is_authenticated:
        return redirect("account_email")
    login = confirmation.pending_login(request)
    if login is None:
        return render(request, "account/email_confirmation.html", {"pending": False})
    address = confirmation.pending_address(login)
    action = request.POST.get("action") if request.method == "POST" else None
    form = CorrectedAddressForm(request.POST if action == "change" else None, email=address)
    if action == "resend" or (action == "change" and form.is_valid()):
        try:
            if action == "resend":
                confirmation.resend_link(request=request, login=login)
            else:
                confirmation.change_address(
                    request=request, login=login, email=form.cleaned_data["email"],
                    already_exists=form.account_already_exists,
                )
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            return redirect("account_email_verification_sent")
    return render(request, "account/email_confirmation.html", {"pending": True, "address": address, "form": form})


@login_required
def account_summary_pdf(request):
    user = request.user
    language = translation.get_language()
    now = timezone.now()
    context = selectors.account_summary(user)
    pdf = render_pdf(
        "portal/pdf/account_summary.html",
        context,
        language=language,
        number=f"ACC-{user.pk:06d}-{now:%Y%m%d}",
        title=_("Account summary"),
    )
    return pdf_response(pdf, filename=f"demeu-account-{user.pk}-{language}.pdf")


@csrf_exempt
@require_POST
def set_language(request):
    """Django's set_language, and a signed-in user's choice is kept for pages and e-mails.

    Anonymous pages carry no CSRF token (so they set no cookie and stay cacheable): an anonymous
    visitor's switch only sets the language cookie, which a forged post could do no harm with. A
    signed-in user's switch changes their account, so it is checked as every other post."""
    if request.user.is_authenticated:
        refused = CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {})
        if refused is not None:
            return refused
    language = request.POST.get("language", "")
    # Django translates `next` by resolving it in the active language: with no cookie (public pages set
    # none) that is the browser's, so `/kk/…` would not resolve for an English browser and the switch
    # would go nowhere. Resolve it in the language its own prefix names.
    prefix = request.POST.get("next", "").split("/")[1:2]
    if prefix and prefix[0] in dict(settings.LANGUAGES):
        translation.activate(prefix[0])
    if request.user.is_authenticated and language in dict(settings.LANGUAGES):
        if request.user.language != language:
            request.user.language = language
            request.user.save(update_fields=["language"])
    return django_set_language(request)


@login_required
def audit_log(request):
    if not request.user.has_perm("portal.view_audit_log"):
        raise PermissionDenied
    entries = selectors.audit_entries()
    audit_filter = AuditEntryFilter(request.GET, queryset=entries)
    page = Paginator(audit_filter.qs, 50).get_page(request.GET.get("page"))
    return render(request, "portal/audit_log.html", {"filter": audit_filter, "page": page})


@login_required
def outbox(request):
    """What the portal sent or will send: the operator administrator sees what failed and sends it again (and, in
    the embedded run, reads the e-mails a demo user was sent)."""
    if not request.user.has_perm("portal.view_outbox"):
        raise PermissionDenied
    status = request.GET.get("status", "")
    page = Paginator(selectors.outbox_messages(status=status), 50).get_page(request.GET.get("page"))
    backlog = selectors.outbox_backlog()
    return render(request, "portal/outbox.html", {
        "page": page, "status": status, "statuses": OutboxMessage.Status.choices,
        "backlog": backlog, "oldest_minutes": backlog["oldest_pending_age_seconds"] // 60,
    })


@login_required
def outbox_message(request, pk):
    if not request.user.has_perm("portal.view_outbox"):
        raise PermissionDenied
    message = get_object_or_404(OutboxMessage, pk=pk)
    return render(request, "portal/outbox_message.html", {
        "message": message, "show_text": not message.sensitive or settings.OUTBOX_SHOW_SENSITIVE,
    })


@require_POST
@login_required
def outbox_resend(request, pk):
    if not request.user.has_perm("portal.resend_outbox_message"):
        raise PermissionDenied
    message = mail.resend(message=get_object_or_404(OutboxMessage, pk=pk), actor=request.user)
    messages.success(request, _("The message is queued to be sent again."))
    return redirect("portal:outbox_message", pk=message.pk)


def _cache_state() -> str:
    try:
        ping = getattr(cache, "ping", None)  # the fail-open Redis cache hides errors from get and set
        if ping is not None:
            ping()
            return "ok"
        cache.set("healthz", "1", 5)
        return "ok" if cache.get("healthz") == "1" else "error: value not kept"
    except Exception as exc:  # any failure of the cache is reported, not raised
        return f"error: {exc.__class__.__name__}"


@never_cache
def healthz(request):
    """503 when what serving needs (the database, the cache) is down; "degraded" (200) when only the broker is,
    or the outbox has failures or a backlog older than OUTBOX_BACKLOG_MAX_AGE: the portal serves, mail waits."""
    state = {"database": "ok", "cache": _cache_state(), "broker": selectors.broker_state(), "outbox": None}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        state["outbox"] = selectors.outbox_backlog()
    except Exception as exc:  # any failure of the database makes the portal unhealthy
        state["database"] = f"error: {exc.__class__.__name__}"
    if state["database"] != "ok" or state["cache"] != "ok":
        return JsonResponse({"status": "error", **state}, status=503)
    outbox = state["outbox"]
    degraded = (
        state["broker"] not in ("ok", "eager") or outbox["failed"]
        or outbox["oldest_pending_age_seconds"] > settings.OUTBOX_BACKLOG_MAX_AGE
    )
    return JsonResponse({"status": "degraded" if degraded else "ok", **state})


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)


@require_safe
@cache_control(max_age=86400, public=True)
def public_media(request, path: str):
    """An upload anyone may see (an NGO's logo), from the default storage, whichever it is."""
    name = posixpath.normpath(path)
    if name != path or not name.startswith(settings.PUBLIC_MEDIA_PREFIXES):
        raise Http404
    try:
        if not default_storage.exists(name):
            raise Http404
        handle = default_storage.open(name, "rb")
    except (OSError, SuspiciousFileOperation) as error:
        raise Http404 from error
    response = FileResponse(handle, content_type=mimetypes.guess_type(name)[0] or "application/octet-stream")
    response["X-Content-Type-Options"] = "nosniff"
    return response


@cache_control(max_age=86400, public=True)
def favicon(request):
    # Browsers ask for /favicon.ico whatever the page links; the file itself lives (hashed) in static.
    return redirect(static("img/favicon.ico"))


@public_page()
def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow: /accounts/\nDisallow: /admin/\n", content_type="text/plain")


@login_required
@require_http_methods(["GET", "POST"])
def reminders(request):
    """The operator administrator sets when each kind of reminder goes out and reads the ledger of those sent."""
    if not request.user.has_perm("portal.change_reminder_schedule"):
        raise PermissionDenied
    from . import reminders as reminder_kinds

    kinds = reminder_kinds.kinds()
    codes = {kind.code for kind in kinds}
    invalid = None
    if request.method == "POST":
        form = ReminderScheduleForm(request.POST, auto_id=_reminder_form_id(request.POST.get("kind", "")))
        if form.is_valid() and form.cleaned_data["kind"] in codes:
            reminder_kinds.set_offsets(kind=form.cleaned_data["kind"], offsets=form.cleaned_data["offsets"],
                                       actor=request.user)
            messages.success(request, _("The reminder schedule is saved."))
            return redirect("portal:reminders")
        if form.cleaned_data.get("kind") not in codes:
            raise Http404
        invalid = form
    schedules = reminder_kinds.schedules()
    rows = []
    for kind in kinds:
        if invalid is not None and invalid.data.get("kind") == kind.code:
            form = invalid
        else:
            form = ReminderScheduleForm(initial={
                "kind": kind.code, "offsets": ", ".join(str(day) for day in schedules[kind.code]),
            }, auto_id=_reminder_form_id(kind.code))
        rows.append({"kind": kind, "form": form})
    return render(request, "portal/reminders.html", {
        "rows": rows, "sent": selectors.sent_reminders(), "labels": reminder_kinds.kind_labels(),
    }, status=400 if invalid is not None else 200)


def _reminder_form_id(code: str) -> str:
    # One form per kind on the page: each needs its own ids for its labels.
    return "id_" + "".join(c if c.isalnum() else "_" for c in code) + "_%s"
