import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from . import registry
from .forms import PortalForm
from .models import AuditEntry


class AuditEntryFilter(django_filters.FilterSet):
    content_type = django_filters.ModelChoiceFilter(
        label=_("Object type"),
        queryset=ContentType.objects.filter(
            app_label__in=registry.labels()
        ).order_by("app_label", "model"),
    )
    actor = django_filters.CharFilter(label=_("Actor (e-mail)"), field_name="actor__email", lookup_expr="icontains")
    since = django_filters.DateFilter(
        label=_("From"), field_name="at", lookup_expr="date__gte"
    )
    until = django_filters.DateFilter(
        label=_("To"), field_name="at", lookup_expr="date__lte"
    )

    class Meta:
        model = AuditEntry
        fields = ["content_type", "actor", "since", "until"]
        form = PortalForm  # the ISO date input and the styling of every portal form
