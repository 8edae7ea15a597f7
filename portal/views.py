from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language as django_set_language

from portal.pdf import pdf_response, render_pdf

from . import registry, selectors
from .filters import AuditEntryFilter
from .forms import AccountSettingsForm


def home(request):
    return render(request, "portal/home.html", selectors.home_context())


@login_required
def dashboard(request):
    panels = [panel for contributed in registry.contributions("dashboard") for panel in contributed(request)]
    return render(request, "portal/dashboard.html", {"panels": panels})


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


@require_POST
def set_language(request):
    """Django's set_language, and a signed-in user's choice is kept for pages and e-mails."""
    language = request.POST.get("language", "")
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


@never_cache
def healthz(request):
    state = {"database": "ok", "cache": "ok", "broker": "ok"}
    status = 200
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure of the database makes the portal unhealthy
        state["database"] = f"error: {exc.__class__.__name__}"
        status = 503
    try:
        cache.set("healthz", "1", 5)
        if cache.get("healthz") != "1":
            state["cache"] = "error: value not kept"
    except Exception as exc:
        state["cache"] = f"error: {exc.__class__.__name__}"
    state["broker"] = selectors.broker_state()
    return JsonResponse({"status": "ok" if status == 200 else "error", **state}, status=status)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_500(request):
    # No context processors: the database may be what failed.
    from django.template import loader

    return HttpResponse(loader.get_template("500.html").render({}), status=500)


def robots_txt(request):
    return HttpResponse("User-agent: *\nDisallow: /accounts/\nDisallow: /admin/\n", content_type="text/plain")
