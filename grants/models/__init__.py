"""The grants app's models, one module per concept; import them from here."""

from .calendar import CalendarDay
from .calls import Call, CallDocument, DeadlineExtension
from .clarifications import Clarification
from .customers import Customer, FiscalYear
from .directions import DirectionComment, PriorityDirection, PriorityDirectionList
from .lots import CostJustificationLine, Lot, LotIndicator

__all__ = [
    "CalendarDay",
    "Call",
    "CallDocument",
    "Clarification",
    "CostJustificationLine",
    "Customer",
    "DeadlineExtension",
    "DirectionComment",
    "FiscalYear",
    "Lot",
    "LotIndicator",
    "PriorityDirection",
    "PriorityDirectionList",
]
from grants.applications.models import *  # noqa: E402,F401,F403  applications (issue 5)
from grants.screening.models import *  # noqa: E402,F401,F403  screening (issue 5)
