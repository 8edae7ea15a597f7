from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from agreements.selectors import grant_page

from ..selectors import report_page


def require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied


def visible_report(request, pk: int):
    """The report if the user may see it; another NGO's report does not exist for them (404, not 403)."""
    report = get_object_or_404(report_page(pk))
    if not request.user.has_perm("monitoring.view_report", report):
        raise Http404
    return report


def visible_grant(request, number: str):
    grant = get_object_or_404(grant_page(number))
    if not request.user.has_perm("monitoring.view_grant_monitoring", grant):
        raise Http404
    return grant


def is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"
