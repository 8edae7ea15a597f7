"""Choices of appeals: which decision is appealed, and where the appeal stands."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Ground(models.TextChoices):
    """The decision appealed: not admitted at screening, or not funded by the expert commission."""

    SCREENING = "screening", _("Not admitted at screening")
    EVALUATION = "evaluation", _("Not funded by the expert commission")


class AppealStatus(models.TextChoices):
    FILED = "filed", pgettext_lazy("appeal", "Under review")
    REEVALUATION = "reevaluation", pgettext_lazy("appeal", "Upheld: re-evaluation by a reserve expert")
    UPHELD = "upheld", pgettext_lazy("appeal", "Upheld")
    REJECTED = "rejected", pgettext_lazy("appeal", "Rejected")
    DECISION_STANDS = "decision_stands", pgettext_lazy("appeal", "Upheld; after re-evaluation the decision stands")


# The states in which the appeal's outcome is final and its letter is the last word.
FINAL_STATUSES = frozenset({AppealStatus.UPHELD, AppealStatus.REJECTED, AppealStatus.DECISION_STANDS})


class Verdict(models.TextChoices):
    """What the appeals commission decides at review."""

    UPHOLD = "uphold", _("Uphold the appeal")
    REJECT = "reject", _("Reject the appeal")


class FinalVerdict(models.TextChoices):
    """What the appeals commission decides once the reserve expert has scored the application again."""

    CHANGE = "change", _("The re-evaluation changes the decision: the application goes on the reserve list")
    STANDS = "stands", _("The decision stands")
