"""The evaluations app's models, one module per concept; import them from here."""

from .experts import Expert
from .letters import ResultLetter
from .meetings import ApplicationDecision, LotDecision, Meeting, MeetingAttendance
from .panels import Draw, Panel, PanelMember
from .rubrics import MAX_TOTAL, Criterion, Rubric
from .scores import ApplicationTranslation, Assignment, ConflictDeclaration, Score

__all__ = [
    "MAX_TOTAL", "ApplicationDecision", "ApplicationTranslation", "Assignment", "ConflictDeclaration", "Criterion",
    "Draw", "Expert", "LotDecision", "Meeting", "MeetingAttendance", "Panel", "PanelMember", "ResultLetter",
    "Rubric", "Score",
]
