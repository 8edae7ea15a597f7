import itertools
from datetime import date

import factory

from ngos.choices import LegalForm, MemberRole, VerificationStatus
from ngos.demo import make_bin
from ngos.models import NGO, Membership
from portal.models import Region

_serials = itertools.count(100)


def next_bin(registered: date = date(2015, 5, 14)) -> str:
    return make_bin(registered, next(_serials) * 7)


class NGOFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NGO

    bin = factory.LazyAttribute(lambda o: next_bin(o.registered_on))
    name_kk = factory.Sequence(lambda n: f"«Мейірім-{n}» қоғамдық қоры")
    name_ru = factory.Sequence(lambda n: f"Общественный фонд «Мейирим-{n}»")
    legal_form = LegalForm.PUBLIC_FOUNDATION
    registered_on = date(2015, 5, 14)
    region = factory.LazyFunction(lambda: Region.objects.get(slug="almaty"))
    verification = VerificationStatus.VERIFIED


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    ngo = factory.SubFactory(NGOFactory)
    role = MemberRole.MEMBER
