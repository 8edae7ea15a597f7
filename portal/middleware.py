from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation

from .choices import PRIVILEGED_GROUPS
from .rules import group_names

MFA_OK = "demeu_mfa_ok"


def forget_mfa(sender, request=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(MFA_OK, None)


class LanguageMemoryMiddleware:
    """The language of the last language-prefixed page is remembered in the cookie, so pages
    without a prefix (/accounts/…) keep speaking it."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        response = self.get_response(request)
        prefix = request.path_info.split("/", 2)[1] if request.path_info.count("/") >= 2 else ""
        if prefix in self.codes and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != prefix:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, prefix,
                max_age=settings.LANGUAGE_COOKIE_AGE, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE, httponly=False,
            )
        return response


class RequireMFAMiddleware:
    """Staff, experts and council members set up TOTP before they do anything else."""

    EXEMPT_PREFIXES = ("/accounts/", "/static/", "/media/", "/healthz", "/i18n/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and self.must_set_up(request, user):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)

    def must_set_up(self, request, user) -> bool:
        if request.path_info.startswith(self.EXEMPT_PREFIXES) or request.session.get(MFA_OK) == user.pk:
            return False
        if not (user.is_superuser or group_names(user) & PRIVILEGED_GROUPS):
            return False
        from allauth.mfa.models import Authenticator

        if Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            request.session[MFA_OK] = user.pk
            return False
        translation.activate(getattr(request, "LANGUAGE_CODE", settings.LANGUAGE_CODE))
        return True
