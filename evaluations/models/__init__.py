"""The evaluations app's models, one module per concept; import them from here."""

from .experts import Expert
from .panels import Draw, Panel, PanelMember
from .rubrics import MAX_TOTAL, Criterion, Rubric

__all__ = ["MAX_TOTAL", "Criterion", "Draw", "Expert", "Panel", "PanelMember", "Rubric"]
