"""What the prize services tell people by e-mail, written to the portal's outbox inside the service's
transaction (portal/mail.py delivers it after commit, in each recipient's language)."""

from portal import mail


def tell_heads_of_proposal(proposal, heads) -> None:
    """The NGO's heads learn that someone proposed it, and where to turn the proposal into a candidacy."""
    mail.send(
        to=heads, subject="prizes/email/proposal_subject.txt", template="prizes/email/proposal_body.txt",
        context={"proposal": proposal},
        links={"link": ("prizes:apply", {"year": proposal.round.year, "number": proposal.nomination.number})},
    )


def tell_applicant_of_decision(candidacy, heads) -> None:
    """Each applicant learns the council's decision and its scores per criterion; the experts stay anonymous."""
    from .selectors import scores_for_applicant

    award = getattr(candidacy, "award", None)  # the reverse one-to-one raises an AttributeError when absent
    mail.send(
        to=heads, subject="prizes/email/decision_subject.txt", template="prizes/email/decision_body.txt",
        context={"candidacy": candidacy, "award": award, "scores": scores_for_applicant(candidacy)},
        links={"link": ("prizes:candidacy", {"pk": candidacy.pk}),
               "winners": ("prizes:round", {"year": candidacy.round.year})},
    )
