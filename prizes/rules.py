"""Who may do what with award rounds and nominations.

Call managers run the rounds (the operator's staff who run calls run the awards too); every staff role,
the auditor included, reads the staff pages; the public reads a round once it is announced.
"""

import rules

from portal.rules import is_call_manager, is_operator_staff


@rules.predicate
def round_is_public(user, prize_round):
    return prize_round is not None and prize_round.is_public


manages_prizes = is_call_manager | rules.is_superuser

rules.add_perm("prizes.view_round", round_is_public | is_operator_staff)
rules.add_perm("prizes.view_staff_rounds", is_operator_staff)
rules.add_perm("prizes.manage_rounds", manages_prizes)
