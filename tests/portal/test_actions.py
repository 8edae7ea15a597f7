"""The POST-action helper: what the user is told and where they land, for a service that succeeds or refuses."""

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.signed_cookies import SessionStore
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from portal.actions import button_action, form_action
from portal.forms import PortalForm


class ReasonForm(PortalForm):
    reason = forms.CharField()


def post(data=None):
    request = RequestFactory().post("/", data or {})
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def told(request):
    return [(m.level_tag, m.message, m.extra_tags) for m in get_messages(request)]


def refuse(*_args):
    raise ValidationError({"reason": ["Too short."], "other": ["Not now."]})


def test_a_form_action_that_succeeds_says_so_and_goes_to_the_new_object():
    request = post({"reason": "Because"})
    response = form_action(request, ReasonForm(request.POST), lambda data: data["reason"].upper(),
                           success=lambda result: f"Saved {result}.", redirect_to=lambda result: f"/done/{result}/")
    assert response.status_code == 302 and response["Location"] == "/done/BECAUSE/"
    assert told(request) == [("success", "Saved BECAUSE.", "")]


def test_a_refused_form_action_puts_the_reasons_on_the_form_and_renders_again():
    request = post({"reason": "x"})
    form = ReasonForm(request.POST)
    assert form_action(request, form, refuse, success="Saved.", redirect_to="/") is None
    assert form.errors["reason"] == ["Too short."] and form.non_field_errors() == ["Not now."]
    assert told(request) == []


def test_an_invalid_form_runs_nothing():
    request = post({})
    ran = []
    assert form_action(request, ReasonForm(request.POST), ran.append, success="Saved.", redirect_to="/") is None
    assert ran == []


def test_a_refused_button_lists_the_reasons_after_the_intro_and_stays_on_the_page():
    request = post()
    response = button_action(request, refuse, success="Announced.", refused="Not yet:", redirect_to="/call/",
                             extra_tags="announce")
    assert response["Location"] == "/call/"
    assert told(request) == [("error", "Not yet:", "announce"), ("error", "Too short.", "announce"),
                             ("error", "Not now.", "announce")]


def test_a_button_that_succeeds_says_so_without_the_refusals_tags():
    request = post()
    button_action(request, lambda: None, success="Announced.", redirect_to="/call/", extra_tags="announce")
    assert told(request) == [("success", "Announced.", "")]
