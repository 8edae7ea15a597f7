# The screening fixtures (an application submitted, a second one, the officer) that the results pages publish.
from tests.grants.screening.conftest import *  # noqa: F401,F403
