from .fixtures import *  # noqa: F401,F403  the fixtures are shared with tests/grants/screening
