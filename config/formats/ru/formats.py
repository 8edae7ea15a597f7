# Russian: Django's own, but short dates everywhere and grouping with a non-breaking space.
from django.conf.locale.ru.formats import *  # noqa: F403

DATE_FORMAT = "d.m.Y"
DATETIME_FORMAT = "d.m.Y, H:i"
THOUSAND_SEPARATOR = "\xa0"
NUMBER_GROUPING = 3
