from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from ..selectors import grant_page


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def visible_grant(request, number: str):
    """The grant if the user may see it; another NGO's grant does not exist for them (404, not 403)."""
    grant = get_object_or_404(grant_page(number))
    if not request.user.has_perm("agreements.view_grant", grant):
        raise Http404
    return grant
