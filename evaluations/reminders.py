"""Expert evaluation's due dates (portal.reminders): the commission's deadline for the conflict declarations and
the score sheets, to each expert whose part is still open."""

from django.utils.translation import gettext_lazy as _

from portal.reminders import Due, Kind

from .choices import AssignmentStatus
from .models import Assignment


def _open(status: str, start, end):
    return Assignment.objects.filter(
        status=status, panel__deadline__gte=start, panel__deadline__lt=end, expert__user__is_active=True,
    ).select_related("panel__call", "application", "expert__user")


def declarations(start, end):
    """Assignments whose expert has not declared a conflict of interest yet; until they declare."""
    for assignment in _open(AssignmentStatus.AWAITING_DECLARATION, start, end):
        yield Due(
            obj=assignment, deadline=assignment.panel.deadline, recipients=[assignment.expert.user],
            link=("evaluations:declare", {"pk": assignment.pk}),
            about=lambda a=assignment: _("application %(number)s of call %(call)s: the conflict of interest is "
                                         "not declared") % {"number": a.application.registration_number,
                                                            "call": a.panel.call.code},
        )


def score_sheets(start, end):
    """Assignments open for scoring whose sheet is not submitted; until it is."""
    for assignment in _open(AssignmentStatus.SCORING, start, end):
        yield Due(
            obj=assignment, deadline=assignment.panel.deadline, recipients=[assignment.expert.user],
            link=("evaluations:score", {"pk": assignment.pk}),
            about=lambda a=assignment: _("application %(number)s of call %(call)s: the score sheet is not "
                                         "submitted") % {"number": a.application.registration_number,
                                                         "call": a.panel.call.code},
        )


KINDS = [
    Kind("evaluations.declaration_due", _("conflict of interest not declared before the commission's deadline"),
         declarations, audience=_("the expert")),
    Kind("evaluations.scores_due", _("score sheet not submitted before the commission's deadline"), score_sheets,
         audience=_("the expert")),
]
