from .candidacies import (
    CANDIDACY_TRANSITIONS,
    candidacy_submit,
    candidacy_withdraw,
    eligibility_problems,
    proposal_create,
)
from .rounds import (
    TRANSITIONS,
    nomination_add,
    nomination_delete,
    nomination_update,
    nominations_add_defaults,
    publication_problems,
    round_announce,
    round_create,
    round_start_review,
    round_update,
)

__all__ = [
    "CANDIDACY_TRANSITIONS", "TRANSITIONS", "candidacy_submit", "candidacy_withdraw", "eligibility_problems",
    "nomination_add", "nomination_delete", "nomination_update", "nominations_add_defaults", "proposal_create",
    "publication_problems", "round_announce", "round_create", "round_start_review", "round_update",
]
