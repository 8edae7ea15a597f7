from .access_applications import BUILDERS as _AB
from .access_applications import PAGES as _A

PAGES = [*_A]
BUILDERS = [*_AB]
