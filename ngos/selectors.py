from .models import Membership


def memberships_of(user):
    return Membership.objects.filter(user=user).select_related("ngo", "ngo__region").order_by("ngo__name_ru")
