# English: day-first dates, as the portal's users read them in kk and ru.
from django.conf.locale.en.formats import *  # noqa: F403

DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
SHORT_DATETIME_FORMAT = "d.m.Y H:i"  # Django's English is month-first with a.m./p.m.
TIME_FORMAT = "H:i"
