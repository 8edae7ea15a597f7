import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english_messages():
    """Services speak the active language; tests read their refusals in English (the msgids)."""
    with translation.override("en"):
        yield
