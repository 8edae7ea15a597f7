"""Who hears that the commission made applications winners: the floors above (agreements) listen here.

evaluations may not import agreements, so the dependency points up the other way: agreements registers a
listener in its AppConfig.ready() and meeting_close() tells every listener, in the same transaction, about
each winning application of the meeting. While nobody listens, a decision makes winners and nothing more.
"""

from collections.abc import Callable

_listeners: dict[str, Callable] = {}


def listen(name: str, listener: Callable) -> None:
    """listener(*, decision, actor): decision is the winning ApplicationDecision (its lot_decision has the date)."""
    _listeners[name] = listener


def unlisten(name: str) -> None:
    _listeners.pop(name, None)


def winners_decided(*, decisions, actor) -> None:
    for decision in decisions:
        for listener in _listeners.values():
            listener(decision=decision, actor=actor)
