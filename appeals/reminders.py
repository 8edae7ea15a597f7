"""The appeals' due dates (portal.reminders): the appeal period of a published decision ending, to the head of
the NGO, until an appeal is filed."""

from django.utils.translation import gettext_lazy as _

from portal.reminders import Due, Kind

from . import selectors


def appeal_periods(start, end):
    for row in selectors.open_periods(start, end):
        application = row.application
        yield Due(
            obj=application, deadline=row.deadline, recipients=selectors.heads_of(application.ngo),
            link=("appeals:new", {"application": application.pk}),
            about=lambda r=row: _("%(number)s: %(decision)s — the appeal period ends")
            % {"number": r.application.registration_number, "decision": r.ground_label},
        )


KINDS = [
    # Before the end only: once the period is over a reminder would invite a late appeal.
    Kind("appeals.period_ending", _("appeal period ending"), appeal_periods, offsets=(-3, -1),
         audience=_("the head of the NGO")),
]
