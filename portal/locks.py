"""A lock by name for what has no row to lock (counting a tally again): held to the end of the transaction."""

from django.db import connection


def transaction_lock(key: int) -> None:
    """PostgreSQL's pg_advisory_xact_lock(key); nothing on SQLite, whose writers take turns anyway."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [key])
