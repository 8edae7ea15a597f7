# The screening fixtures (an application submitted, a second one, the officer) that the results pages publish.
from tests.evaluations.test_meeting import scored  # noqa: F401  a panel that scored a lot, for the minutes
from tests.grants.screening.conftest import *  # noqa: F401,F403
