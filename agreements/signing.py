"""Who hears that an agreement is signed by both parties: the floors above (monitoring) listen here.

agreements may not import monitoring, so the dependency points up: monitoring registers a listener in its
AppConfig.ready() and agreement_sign() tells every listener, in the same transaction, once the operator's
signature completes the agreement (monitoring then creates the reports the schedule asks for)."""

from collections.abc import Callable

_listeners: dict[str, Callable] = {}


def listen(name: str, listener: Callable) -> None:
    """listener(*, grant, actor): the grant whose agreement was just signed by both parties."""
    _listeners[name] = listener


def unlisten(name: str) -> None:
    _listeners.pop(name, None)


def agreement_signed(*, grant, actor) -> None:
    for listener in _listeners.values():
        listener(grant=grant, actor=actor)
