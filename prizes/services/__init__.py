from .candidacies import (
    CANDIDACY_TRANSITIONS,
    candidacy_submit,
    candidacy_withdraw,
    eligibility_problems,
    proposal_create,
)
from .council import (
    MEETING_TRANSITIONS,
    attendance_record,
    decision_render,
    meeting_close,
    meeting_open,
    nomination_decide,
    round_publish,
    undecided,
)
from .review import (
    REVIEW_TRANSITIONS,
    criteria_add_defaults,
    group_appoint,
    group_draw,
    review_declare,
    review_save,
    review_submit,
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
    "CANDIDACY_TRANSITIONS", "MEETING_TRANSITIONS", "REVIEW_TRANSITIONS", "TRANSITIONS", "attendance_record",
    "candidacy_submit", "candidacy_withdraw", "criteria_add_defaults", "decision_render", "eligibility_problems",
    "group_appoint", "group_draw", "meeting_close", "meeting_open", "nomination_add", "nomination_delete",
    "nomination_update", "nomination_decide", "nominations_add_defaults", "proposal_create", "publication_problems",
    "review_declare", "review_save", "review_submit", "round_announce", "round_create", "round_publish",
    "round_start_review", "round_update", "undecided",
]
