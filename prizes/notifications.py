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
