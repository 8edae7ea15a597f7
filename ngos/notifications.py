"""E-mails about NGOs, each in its recipient's language, written to the outbox with the change (portal.mail):
ngos/email/<template>_subject.txt and _body.txt, with `link` made absolute in the recipient's language."""

from portal import mail


def _send(to: list, *, template: str, context: dict, link: tuple[str, dict] | None, sensitive: bool = False) -> None:
    mail.send(
        to=to, subject=f"ngos/email/{template}_subject.txt", template=f"ngos/email/{template}_body.txt",
        context=context, links={"link": link} if link else None, sensitive=sensitive,
    )


def notify_user(user, *, template: str, context: dict, link: tuple[str, dict] | None = None) -> None:
    """Tell a portal user, in the language they chose."""
    _send([user], template=template, context=context, link=link)


def notify_address(*, to: str, language: str, template: str, context: dict, link: tuple[str, dict]) -> None:
    """Tell someone who may have no account yet (an invitation): its link carries a token, so staff do not
    read it on the outbox page."""
    _send([(to, language)], template=template, context=context, link=link, sensitive=True)
