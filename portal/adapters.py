from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context
from allauth.mfa.adapter import DefaultMFAAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.urls import reverse
from django.utils import translation

from . import mail


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        # A new account speaks the language the visitor signed up in.
        lang = translation.get_language() or settings.LANGUAGE_CODE
        user.language = lang[:2] if lang[:2] in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        return super().save_user(request, user, form, commit=commit)

    def get_login_redirect_url(self, request):
        language = getattr(request.user, "language", None) or settings.LANGUAGE_CODE
        with translation.override(language):
            return reverse("portal:dashboard")

    def send_mail(self, template_prefix, email, context):
        user = context.get("user")
        if user is None:
            from allauth.account.models import EmailAddress

            address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
            user = address.user if address else None
        language = getattr(user, "language", None) or translation.get_language() or settings.LANGUAGE_CODE
        with translation.override(language):
            request = allauth_context.request
            message = self.render_mail(
                template_prefix, email,
                {"request": request, "email": email, "current_site": get_current_site(request), **context},
            )
        # Through the outbox like every other message: a mail server that is down delays the e-mail, it does
        # not fail the sign-up. Its links and codes open the account, so staff do not read them.
        html = next((content for content, kind in getattr(message, "alternatives", []) if kind == "text/html"), "")
        text = message.body
        if message.content_subtype == "html":
            text, html = "", message.body
        mail.send_rendered(
            to=email, language=language, subject=message.subject, body=text, body_html=html, sensitive=True
        )


class MFAAdapter(DefaultMFAAdapter):
    def can_delete_authenticator(self, authenticator) -> bool:
        # Staff, experts and council members must keep their TOTP: the portal requires it of them.
        from .choices import PRIVILEGED_GROUPS
        from .rules import group_names

        user = authenticator.user
        privileged = user.is_superuser or bool(group_names(user) & PRIVILEGED_GROUPS)
        if authenticator.type == authenticator.Type.TOTP and privileged:
            return False
        return super().can_delete_authenticator(authenticator)
