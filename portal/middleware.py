from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control

from .choices import PRIVILEGED_GROUPS
from .rules import group_names

MFA_OK = "demeu_mfa_ok"


def forget_mfa(sender, request=None, **kwargs):
    if request is not None and hasattr(request, "session"):
        request.session.pop(MFA_OK, None)


class CacheHeadersMiddleware:
    """A response that did not say who may keep it is private and not stored: only the public pages
    (portal.public_cache.public_page) let browsers and proxies keep a copy."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_store=True)
        return response


class LanguageMemoryMiddleware:
    """The language of the last language-prefixed page is remembered in the cookie, so pages
    without a prefix (/accounts/…) keep speaking it.

    Public pages set no cookie (a cookie would make them uncacheable): the cookie is written by the
    language switcher, on the visitor's private pages, and on an unprefixed page reached from a
    public one, whose link names the page's language in ``?language=`` (the sign-in and sign-up links)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.codes = {code for code, _ in settings.LANGUAGES}

    def __call__(self, request):
        prefix = self.prefix_of(request.path_info)
        cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if not prefix:
            prefix = request.GET.get("language", "")
            prefix = prefix if prefix in self.codes else ""
            if prefix:
                translation.activate(prefix)
                request.LANGUAGE_CODE = prefix
        response = self.get_response(request)
        public = "public" in response.get("Cache-Control", "")
        if prefix and cookie != prefix and not public:
            response.set_cookie(
                settings.LANGUAGE_COOKIE_NAME, prefix,
                max_age=settings.LANGUAGE_COOKIE_AGE, samesite=settings.LANGUAGE_COOKIE_SAMESITE,
                secure=settings.LANGUAGE_COOKIE_SECURE, httponly=False,
            )
        return response

    def prefix_of(self, path: str) -> str:
        prefix = path.split("/", 2)[1] if path.count("/") >= 2 else ""
        return prefix if prefix in self.codes else ""


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
