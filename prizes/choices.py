from django.db import models
from django.utils.translation import pgettext_lazy

# The law sets the award at no less than 2,000 MCI; a round stores its own figure, this is the default.
DEFAULT_MIN_AWARD_MCI = 2_000
MAX_NOMINATIONS = 15


class RoundStatus(models.TextChoices):
    """What staff (and later the council) decide; open and closed follow from the clock (RoundPhase)."""

    DRAFT = "draft", pgettext_lazy("round", "Draft")
    ANNOUNCED = "announced", pgettext_lazy("round", "Announced")
    UNDER_REVIEW = "under_review", pgettext_lazy("round", "Under review")
    DECIDED = "decided", pgettext_lazy("round", "Decided")
    PUBLISHED = "published", pgettext_lazy("round", "Published")


class RoundPhase(models.TextChoices):
    """Where a round stands: its status, with announced split by the application window."""

    DRAFT = "draft", pgettext_lazy("round", "Draft")
    ANNOUNCED = "announced", pgettext_lazy("round", "Announced")
    OPEN = "open", pgettext_lazy("round", "Open for applications")
    CLOSED = "closed", pgettext_lazy("round", "Applications closed")
    UNDER_REVIEW = "under_review", pgettext_lazy("round", "Under review")
    DECIDED = "decided", pgettext_lazy("round", "Decided")
    PUBLISHED = "published", pgettext_lazy("round", "Published")


# The spheres of the 2017 introduction of the awards: the default nominations of a new round (kk, ru).
SPHERES_2017 = [
    ("Білім беру, ғылым, ақпарат және спорт", "Образование, наука, информация и спорт"),
    ("Денсаулық сақтау және салауатты өмір салтын насихаттау",
     "Охрана здоровья и пропаганда здорового образа жизни"),
    ("Қоршаған ортаны қорғау", "Охрана окружающей среды"),
    ("Жастар саясаты және балалар бастамалары", "Молодёжная политика и детские инициативы"),
    ("Демографиялық саясат", "Демографическая политика"),
    ("Гендерлік саясат", "Гендерная политика"),
    ("Халықтың әлеуметтік осал топтарын қолдау", "Поддержка социально уязвимых слоёв населения"),
    ("Жетім балаларды, көп балалы және толық емес отбасыларды қолдау",
     "Поддержка детей-сирот, многодетных и неполных семей"),
    ("Халықты жұмыспен қамтуға жәрдемдесу", "Содействие занятости населения"),
    ("Азаматтардың және ұйымдардың құқықтары мен заңды мүдделерін қорғау",
     "Защита прав и законных интересов граждан и организаций"),
    ("Мәдениет және өнер", "Культура и искусство"),
    ("Мемлекеттік тілді дамыту және этносаралық келісім", "Развитие государственного языка и межэтнического согласия"),
    ("Азаматтық қоғамды дамыту", "Развитие гражданского общества"),
    ("Ауыл шаруашылығы және ауылдық аумақтарды дамыту", "Сельское хозяйство и развитие сельских территорий"),
    ("Мүгедектігі бар адамдарды қолдау", "Поддержка лиц с инвалидностью"),
]


class CandidacyStatus(models.TextChoices):
    SUBMITTED = "submitted", pgettext_lazy("candidacy", "Submitted")
    WITHDRAWN = "withdrawn", pgettext_lazy("candidacy", "Withdrawn")


class CandidacyLanguage(models.TextChoices):
    KK = "kk", "Қазақша"
    RU = "ru", "Русский"


class GroupFormation(models.TextChoices):
    DRAWN = "drawn", pgettext_lazy("working group", "Drawn at random from the register")
    APPOINTED = "appointed", pgettext_lazy("working group", "Appointed by the operator")


class GroupSeat(models.TextChoices):
    MEMBER = "member", pgettext_lazy("working group", "Member")
    RESERVE = "reserve", pgettext_lazy("working group", "Reserve")


class CouncilMeetingStatus(models.TextChoices):
    OPEN = "open", pgettext_lazy("council meeting", "In progress")
    CLOSED = "closed", pgettext_lazy("council meeting", "Closed, decision recorded")


# The criteria a round's candidacies are scored on unless staff set others before the review: (kk, ru, max).
DEFAULT_CRITERIA = [
    ("Қызметтің қоғам үшін маңыздылығы", "Значимость деятельности для общества", 10),
    ("Қол жеткізілген нәтижелер және олардың ауқымы", "Достигнутые результаты и их масштаб", 10),
    ("Қоғамның мойындауы мен қолдауы", "Общественное признание и поддержка", 10),
    ("Тұрақтылық және жаңашылдық", "Устойчивость и новизна", 10),
]
