"""What every NGO view does the same way: find the NGO, ask the rules, accept only POST for changes."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseNotAllowed
from django.shortcuts import get_object_or_404
from django.utils.http import url_has_allowed_host_and_scheme

from ..models import NGO


def get_ngo(bin: str) -> NGO:
    return get_object_or_404(NGO.objects.select_related("region"), bin=bin)


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def post_only(request):
    """None for a POST, else the 405 to return. Called after the rules, so a GET tells who may act."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    return None


def safe_next(request, fallback: str) -> str:
    url = request.POST.get("next") or request.GET.get("next")
    hosts = {request.get_host()}
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=hosts, require_https=request.is_secure()):
        return url
    return fallback


def messages_of(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]
