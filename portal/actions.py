"""The one way a view runs a service from a POST: on success a message and a redirect; on the service's
refusal (a ValidationError) the reasons on the form, or as messages when there is no form to show them on.

    response = form_action(request, form, lambda data: call_create(actor=request.user, **data),
                           success=_("The call is created."), redirect_to=lambda call: call.get_absolute_url())
    if response:
        return response
    return render(request, "…", {"form": form})

`success` and `redirect_to` may be callables of what the service returned (a message naming the new object,
its page). A view decides what to render on a refusal; the helper only says what happened.
"""

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect


def requires(*perms: str):
    """A view for signed-in users with every one of `perms`: others are sent to sign in, or refused (403)."""

    def decorator(view):
        return login_required(permission_required(perms, raise_exception=True)(view))

    return decorator


def add_errors(form, error: ValidationError) -> None:
    """A service's refusal shown on the form: under the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def _resolve(value, result):
    return value(result) if callable(value) else value


def form_action(
    request, form, perform: Callable[[dict], Any], *, success, redirect_to, level=messages.SUCCESS
) -> HttpResponse | None:
    """Run perform(form.cleaned_data) for a valid POST; a redirect when it succeeded, else None (render again)."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        result = perform(form.cleaned_data)
    except ValidationError as error:
        add_errors(form, error)
        return None
    if success:
        messages.add_message(request, level, _resolve(success, result))
    return redirect(_resolve(redirect_to, result))


def button_action(
    request, perform: Callable[[], Any], *, success, redirect_to, refused=None, extra_tags: str = ""
) -> HttpResponse:
    """Run perform() for a POST of a button (no form to show errors on); say what happened and redirect.

    `refused` is an optional sentence put before the service's reasons ("The call cannot be announced yet:");
    `extra_tags` mark the refusal's messages, for a page that shows them next to the button."""
    result = None
    try:
        result = perform()
    except ValidationError as error:
        if refused:
            messages.error(request, refused, extra_tags=extra_tags)
        for message in error.messages:
            messages.error(request, message, extra_tags=extra_tags)
    else:
        if success:
            messages.success(request, _resolve(success, result))
    return redirect(_resolve(redirect_to, result))
