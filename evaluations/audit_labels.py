"""What the audit log and the histories call the actions of experts, commissions, meetings and letters."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.utils.translation import pgettext_lazy

from grants.applications.choices import ApplicationLanguage
from portal.audit_labels import register


def _translation_language(params: dict) -> str:
    language = params.get("language", "")
    labels = dict(ApplicationLanguage.choices)
    return _("Translation: %(language)s.") % {"language": labels.get(language, language)}


def _assigned(params: dict) -> str:
    return _("Applications: %(applications)s; score sheets: %(assignments)s.") % params


register(
    actions={
        "expert_applied": _lazy("Applied to the expert register"),
        "expert_reapplied": _lazy("Applied to the expert register again"),
        "expert_approved": _lazy("Expert approved"),
        "expert_declined": _lazy("Expert application declined"),
        "expert_suspended": _lazy("Expert suspended"),
        "expert_reinstated": _lazy("Expert reinstated"),
        "panel_created": _lazy("Commission set up"),
        "panel_drawn": _lazy("Commission drawn"),
        "panel_officers_named": _lazy("Chair and secretary named"),
        "panel_assigned": _lazy("Applications assigned to the commission"),
        "panel_decided": _lazy("Commission decided"),
        "draw_protocol_published": _lazy("Draw protocol published"),
        "draw_protocol_republished": _lazy("Draw protocol published again"),
        "assignment_no_conflict_declared": _lazy("No conflict of interest declared"),
        "assignment_conflict_declared": _lazy("Conflict of interest declared"),
        "assignment_reserve_stepped_in": _lazy("Reserve expert stepped in"),
        "assignment_left_without_reserve": _lazy("No reserve expert left"),
        "assignment_submitted": _lazy("Score sheet submitted"),
        "application_translation_uploaded": _lazy("Translation uploaded"),
        "rubric_created": _lazy("Rubric created"),
        "rubric_copied": _lazy("Rubric copied from a template"),
        "rubric_template_created": _lazy("Rubric template created"),
        "rubric_changed": _lazy("Rubric changed"),
        "rubric_locked": _lazy("Rubric locked"),
        "meeting_opened": _lazy("Meeting opened"),
        "meeting_attendance_recorded": _lazy("Attendance recorded"),
        "lot_ranking_confirmed": _lazy("Ranking of the lot confirmed"),
        "lot_ranking_overridden": _lazy("Commission decided otherwise than the ranking"),
        "meeting_closed": _lazy("Meeting closed"),
        "meeting_minutes_written": _lazy("Minutes written"),
        "meeting_minutes_published": _lazy("Minutes published"),
        "result_letter_edited": _lazy("Result letter edited"),
        "result_letter_sent": _lazy("Result letter sent"),
        # Codes written before the names were made consistent: old entries keep a label.
        "apply": _lazy("Applied to the expert register"),
        "reapply": _lazy("Applied to the expert register again"),
        "approve": _lazy("Approved"),
        "decline": _lazy("Expert application declined"),
        "suspend": _lazy("Expert suspended"),
        "reinstate": _lazy("Expert reinstated"),
        "create": _lazy("Created"),
        "draw": _lazy("Commission drawn"),
        "set_officers": _lazy("Chair and secretary named"),
        "assign": _lazy("Applications assigned to the commission"),
        "decide": _lazy("Commission decided"),
        "publish_protocol": _lazy("Draw protocol published"),
        "republish_protocol": _lazy("Draw protocol published again"),
        "declare_no_conflict": _lazy("No conflict of interest declared"),
        "declare_conflict": _lazy("Conflict of interest declared"),
        "reserve_steps_in": _lazy("Reserve expert stepped in"),
        "no_reserve_left": _lazy("No reserve expert left"),
        "submit": _lazy("Submitted"),
        "translation_uploaded": _lazy("Translation uploaded"),
        "copy_from": _lazy("Rubric copied from a template"),
        "create_template": _lazy("Rubric template created"),
        "update": _lazy("Changed"),
        "lock": _lazy("Rubric locked"),
        "open": _lazy("Meeting opened"),
        "attendance": _lazy("Attendance recorded"),
        "confirm": _lazy("Ranking of the lot confirmed"),
        "change": _lazy("Commission decided otherwise than the ranking"),
        "close": _lazy("Meeting closed"),
        "minutes_written": _lazy("Minutes written"),
        "publish": _lazy("Published"),
        "edit": _lazy("Result letter edited"),
        "send": _lazy("Result letter sent"),
    },
    states={
        "editable": pgettext_lazy("rubric", "Editable"),
        "locked": pgettext_lazy("rubric", "Locked"),
        "decided": pgettext_lazy("lot decision", "Decided"),
    },
    messages={
        "no_reserve_left": _lazy("No reserve is left to take this place."),
        "reserve_replaces": _lazy("%(reserve)s replaces %(expert)s, recused."),
        "panel_officers": _lazy("Chair: %(chair)s; secretary: %(secretary)s"),
        "panel_assigned": _assigned,
        "rubric_locked_by_first_sheet": _lazy("The first score sheet was submitted."),
        "translation_language": _translation_language,
    },
)
