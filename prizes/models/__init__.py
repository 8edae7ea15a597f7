from .candidacies import Candidacy, Proposal
from .council import Award, CouncilAttendance, CouncilMeeting, NominationDecision
from .review import Criterion, GroupMember, Review, ReviewScore, WorkingGroup
from .rounds import Nomination, Round

__all__ = [
    "Award", "Candidacy", "CouncilAttendance", "CouncilMeeting", "Criterion", "GroupMember", "Nomination",
    "NominationDecision", "Proposal", "Review", "ReviewScore", "Round", "WorkingGroup",
]
