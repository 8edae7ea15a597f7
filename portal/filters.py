import django_filters
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .forms import PortalForm
from .models import AuditEntry


def object_types() -> list[tuple[int, str]]:
    """Only the kinds of object the log holds, by their translated name (not the ~55 models of the portal)."""
    present = AuditEntry.objects.order_by().values("content_type").distinct()
    types = [(ct.pk, str(ct.model_class()._meta.verbose_name).capitalize() if ct.model_class() else ct.model)
             for ct in ContentType.objects.filter(pk__in=present)]
    return sorted(types, key=lambda choice: choice[1])


class AuditEntryFilter(django_filters.FilterSet):
    content_type = django_filters.ChoiceFilter(
        label=_("Object type"), choices=object_types, empty_label=_("Every object type"),
    )
    actor = django_filters.CharFilter(
        label=_("Actor (e-mail)"), field_name="actor__email", lookup_expr="icontains",
    )
    since = django_filters.DateFilter(
        label=pgettext_lazy("date range", "From"), field_name="at", lookup_expr="date__gte"
    )
    until = django_filters.DateFilter(
        label=pgettext_lazy("date range", "To"), field_name="at", lookup_expr="date__lte"
    )

    class Meta:
        model = AuditEntry
        fields = ["content_type", "actor", "since", "until"]
        form = PortalForm  # the ISO date input and the styling of every portal form
