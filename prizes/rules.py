"""Who may do what with award rounds and nominations.

Call managers run the rounds (the operator's staff who run calls run the awards too); every staff role,
the auditor included, reads the staff pages; the public reads a round once it is announced.
"""

import rules
from django.utils import timezone

from ngos.rules import belongs_to_any_ngo, is_ngo_head, is_ngo_member
from portal.rules import is_call_manager, is_council_member, is_expert, is_operator_staff


@rules.predicate
def round_is_public(user, prize_round):
    return prize_round is not None and prize_round.is_public


@rules.predicate
def round_is_open(user, prize_round):
    return prize_round is not None and prize_round.is_accepting_at(timezone.now())


@rules.predicate
def member_of_candidate(user, candidacy):
    return candidacy is not None and is_ngo_member(user, candidacy.ngo)


@rules.predicate
def head_of_candidate(user, candidacy):
    return candidacy is not None and is_ngo_head(user, candidacy.ngo)


manages_prizes = is_call_manager | rules.is_superuser

rules.add_perm("prizes.view_round", round_is_public | is_operator_staff)
rules.add_perm("prizes.view_staff_rounds", is_operator_staff)
rules.add_perm("prizes.manage_rounds", manages_prizes)

# Candidacies and proposals: anyone signed in proposes while the round is open; the NGO's head applies and
# withdraws; the NGO's members and the staff read a candidacy.
rules.add_perm("prizes.propose", rules.is_authenticated & round_is_open)
rules.add_perm("prizes.view_ngo_awards", belongs_to_any_ngo)
rules.add_perm("prizes.apply_for", is_ngo_head)  # object: the NGO
rules.add_perm("prizes.view_candidacy", member_of_candidate | is_operator_staff)
rules.add_perm("prizes.withdraw_candidacy", head_of_candidate)


# The working group: call managers form it; each expert reads and scores only the reviews given to them.
@rules.predicate
def reviews_it(user, review):
    return review is not None and user.is_authenticated and review.expert.user_id == user.pk


rules.add_perm("prizes.view_expert_reviews", is_expert)
rules.add_perm("prizes.review", reviews_it)

# The Coordination Council meets and decides; the council or the call managers publish the decision.
rules.add_perm("prizes.view_council", is_council_member | is_operator_staff)
rules.add_perm("prizes.hold_council", is_council_member)
rules.add_perm("prizes.publish_decision", is_council_member | manages_prizes)
