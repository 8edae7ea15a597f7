"""What the audit log and the histories call the actions of experts, commissions, meetings and letters."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

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
        "expert_applied": gettext_lazy("Applied to the expert register"),
        "expert_reapplied": gettext_lazy("Applied to the expert register again"),
        "expert_approved": gettext_lazy("Expert approved"),
        "expert_declined": gettext_lazy("Expert application declined"),
        "expert_suspended": gettext_lazy("Expert suspended"),
        "expert_reinstated": gettext_lazy("Expert reinstated"),
        "panel_created": gettext_lazy("Commission set up"),
        "panel_drawn": gettext_lazy("Commission drawn"),
        "panel_officers_named": gettext_lazy("Chair and secretary named"),
        "panel_assigned": gettext_lazy("Applications assigned to the commission"),
        "panel_decided": gettext_lazy("Commission decided"),
        "draw_protocol_published": gettext_lazy("Draw protocol published"),
        "draw_protocol_republished": gettext_lazy("Draw protocol published again"),
        "assignment_no_conflict_declared": gettext_lazy("No conflict of interest declared"),
        "assignment_conflict_declared": gettext_lazy("Conflict of interest declared"),
        "assignment_reserve_stepped_in": gettext_lazy("Reserve expert stepped in"),
        "panel_deadline_set": gettext_lazy("Deadline for declarations and score sheets set"),
        "assignment_reevaluation": gettext_lazy("Re-evaluation by a reserve expert asked on appeal"),
        "assignment_left_without_reserve": gettext_lazy("No reserve expert left"),
        "assignment_submitted": gettext_lazy("Score sheet submitted"),
        "application_translation_uploaded": gettext_lazy("Translation uploaded"),
        "rubric_created": gettext_lazy("Rubric created"),
        "rubric_copied": gettext_lazy("Rubric copied from a template"),
        "rubric_template_created": gettext_lazy("Rubric template created"),
        "rubric_changed": gettext_lazy("Rubric changed"),
        "rubric_locked": gettext_lazy("Rubric locked"),
        "meeting_opened": gettext_lazy("Meeting opened"),
        "meeting_attendance_recorded": gettext_lazy("Attendance recorded"),
        "lot_ranking_confirmed": gettext_lazy("Ranking of the lot confirmed"),
        "lot_ranking_overridden": gettext_lazy("Commission decided otherwise than the ranking"),
        "meeting_closed": gettext_lazy("Meeting closed"),
        "meeting_minutes_written": gettext_lazy("Minutes written"),
        "meeting_minutes_published": gettext_lazy("Minutes published"),
        "result_letter_edited": gettext_lazy("Result letter edited"),
        "result_letter_sent": gettext_lazy("Result letter sent"),
        # Codes written before the names were made consistent: old entries keep a label.
        "apply": gettext_lazy("Applied to the expert register"),
        "reapply": gettext_lazy("Applied to the expert register again"),
        "approve": pgettext_lazy("audit action", "Approved"),
        "decline": gettext_lazy("Expert application declined"),
        "suspend": gettext_lazy("Expert suspended"),
        "reinstate": gettext_lazy("Expert reinstated"),
        "create": pgettext_lazy("audit action", "Created"),
        "draw": gettext_lazy("Commission drawn"),
        "set_officers": gettext_lazy("Chair and secretary named"),
        "assign": gettext_lazy("Applications assigned to the commission"),
        "decide": gettext_lazy("Commission decided"),
        "publish_protocol": gettext_lazy("Draw protocol published"),
        "republish_protocol": gettext_lazy("Draw protocol published again"),
        "declare_no_conflict": gettext_lazy("No conflict of interest declared"),
        "declare_conflict": gettext_lazy("Conflict of interest declared"),
        "reserve_steps_in": gettext_lazy("Reserve expert stepped in"),
        "no_reserve_left": gettext_lazy("No reserve expert left"),
        "submit": pgettext_lazy("audit action", "Submitted"),
        "translation_uploaded": gettext_lazy("Translation uploaded"),
        "copy_from": gettext_lazy("Rubric copied from a template"),
        "create_template": gettext_lazy("Rubric template created"),
        "update": pgettext_lazy("audit action", "Changed"),
        "lock": gettext_lazy("Rubric locked"),
        "open": gettext_lazy("Meeting opened"),
        "attendance": gettext_lazy("Attendance recorded"),
        "confirm": gettext_lazy("Ranking of the lot confirmed"),
        "change": gettext_lazy("Commission decided otherwise than the ranking"),
        "close": gettext_lazy("Meeting closed"),
        "minutes_written": gettext_lazy("Minutes written"),
        "publish": pgettext_lazy("audit action", "Published"),
        "edit": gettext_lazy("Result letter edited"),
        "send": gettext_lazy("Result letter sent"),
    },
    states={
        "editable": pgettext_lazy("rubric", "Editable"),
        "locked": pgettext_lazy("rubric", "Locked"),
        "decided": pgettext_lazy("lot decision", "Decided"),
    },
    messages={
        "no_reserve_left": gettext_lazy("No reserve is left to take this place."),
        "reserve_replaces": gettext_lazy("%(reserve)s replaces %(expert)s, recused."),
        "reevaluation_by_reserve": gettext_lazy("%(reserve)s scores the application again."),
        "panel_officers": gettext_lazy("Chair: %(chair)s; secretary: %(secretary)s"),
        "panel_assigned": _assigned,
        "rubric_locked_by_first_sheet": gettext_lazy("The first score sheet was submitted."),
        "translation_language": _translation_language,
        "decided_at_meeting": gettext_lazy("Decided at the meeting of commission %(panel)s."),
    },
)
