"""Fixtures of the e-signature tests: the test CA in a trust store, signatures switched on, and IINs."""

from datetime import UTC, datetime, timedelta

import pytest

from .esign_ca import TestCA, _key, valid_iin

HEAD_IIN = valid_iin("850101", "3", 11)
MEMBER_IIN = valid_iin("900215", "4", 22)
OUTSIDER_IIN = valid_iin("010303", "5", 33)


@pytest.fixture(scope="session")
def test_ca():
    return TestCA()


@pytest.fixture(scope="session")
def unknown_ca():
    return TestCA("UNKNOWN ROOT")


@pytest.fixture(scope="session")
def rsa_key():
    return _key()  # one key for the people's certificates: making RSA keys is the slow part


@pytest.fixture
def esign_on(settings, tmp_path, test_ca):
    store = tmp_path / "nca-roots.pem"
    store.write_bytes(test_ca.pem())
    settings.ESIGN_REQUIRED = True
    settings.ESIGN_TRUST_STORE = [str(store)]
    settings.ESIGN_OCSP_URL = ""
    return store


def expired_dates():
    now = datetime.now(UTC)
    return {"valid_from": now - timedelta(days=400), "valid_until": now - timedelta(days=35)}
