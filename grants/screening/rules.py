"""Screening is done by screening officers (and the operator's administrator); all staff, the auditor
included, read it; the conclusion, once published, is public."""

import rules

from portal.rules import is_operator_admin, is_operator_staff, is_screening_officer

screens = is_screening_officer | is_operator_admin

rules.add_perm("grants.view_screening", is_operator_staff)
rules.add_perm("grants.screen_application", screens)
rules.add_perm("grants.publish_screening_conclusion", screens)
rules.add_perm("grants.export_applications", is_operator_staff)
