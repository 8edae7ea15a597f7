"""The panel draw, kept free of Django so anyone can re-run it from a published record.

Algorithm "v1": sort the pool by expert number (the register's id), seed Python's Mersenne Twister
with the seed text (`random.Random(seed)` hashes a str with SHA-512, the same on every machine and
Python version since 3.2) and take `sample(pool, members + reserves)`: the first `members` drawn sit
on the panel, the rest are the reserves in the order they step in.
"""

import random
import secrets
from dataclasses import dataclass

ALGORITHM = "v1"


@dataclass(frozen=True)
class DrawResult:
    pool: tuple[int, ...]
    members: tuple[int, ...]
    reserves: tuple[int, ...]


def new_seed() -> str:
    """128 random bits, as 32 hex digits."""
    return secrets.token_hex(16)


def run_draw(*, seed: str, pool, members: int, reserves: int, algorithm: str = ALGORITHM) -> DrawResult:
    if algorithm != ALGORITHM:
        raise ValueError(f"unknown draw algorithm {algorithm!r}")
    if not seed:
        raise ValueError("a draw needs a seed")
    ordered = tuple(sorted(set(int(pk) for pk in pool)))
    wanted = members + reserves
    if len(ordered) < wanted:
        raise ValueError(f"the pool has {len(ordered)} experts, the draw needs {wanted}")
    drawn = random.Random(seed).sample(ordered, wanted)
    return DrawResult(pool=ordered, members=tuple(drawn[:members]), reserves=tuple(drawn[members:]))
