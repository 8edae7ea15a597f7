from .candidacies import Candidacy, Proposal
from .rounds import Nomination, Round

__all__ = ["Candidacy", "Nomination", "Proposal", "Round"]
