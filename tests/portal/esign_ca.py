"""A test certification authority (RSA, made here with `cryptography`) and NCALayer's CMS made with its keys.

The names follow the NCA's: SERIALNUMBER=IIN…, CN=surname name, G=patronymic, and for an organisation's key
O=name and OU=BIN…; a signing key has digitalSignature + nonRepudiation, an authentication key lacks the second.
"""

import base64
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs7
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from portal.identity import check_digit


def valid_iin(birth: str = "850101", century: str = "3", serial: int = 1) -> str:
    while True:
        first11 = f"{birth}{century}{serial:04d}"
        digit = check_digit(first11)
        if digit is not None:
            return first11 + str(digit)
        serial += 1


def _key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@dataclass
class Signer:
    cert: x509.Certificate
    key: rsa.RSAPrivateKey

    def cms(self, payload: bytes) -> bytes:
        """What NCALayer's basics.sign returns for {format: cms, decode: true, encapsulate: true}: a CMS with the
        bytes inside, signed attributes (content type, signing time, message digest) and the certificate."""
        return (
            pkcs7.PKCS7SignatureBuilder().set_data(payload).add_signer(self.cert, self.key, hashes.SHA256())
            .sign(serialization.Encoding.DER, [pkcs7.PKCS7Options.Binary])
        )

    def cms_b64(self, payload: bytes) -> str:
        return base64.b64encode(self.cms(payload)).decode()


class TestCA:
    __test__ = False  # not a test class for pytest

    def __init__(self, name: str = "ҰЛТТЫҚ КУӘЛАНДЫРУШЫ ОРТАЛЫҚ (TEST RSA)"):
        self.key = _key()
        self.name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name),
                               x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ")])
        now = datetime.now(UTC)
        self.cert = (
            x509.CertificateBuilder().subject_name(self.name).issuer_name(self.name)
            .public_key(self.key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - timedelta(days=3650)).not_valid_after(now + timedelta(days=3650))
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .add_extension(x509.KeyUsage(digital_signature=False, content_commitment=False, key_encipherment=False,
                                         data_encipherment=False, key_agreement=False, key_cert_sign=True,
                                         crl_sign=True, encipher_only=False, decipher_only=False), critical=True)
            .add_extension(x509.SubjectKeyIdentifier.from_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )

    def pem(self) -> bytes:
        return self.cert.public_bytes(serialization.Encoding.PEM)

    def issue(self, *, iin: str, surname: str = "ТЕСТОВ", name: str = "ТЕСТ", patronymic: str = "ТЕСТОВИЧ",
              bin: str = "", organisation: str = "", valid_from: datetime | None = None,
              valid_until: datetime | None = None, signing: bool = True, key=None) -> Signer:
        now = datetime.now(UTC)
        attributes = [x509.NameAttribute(NameOID.COMMON_NAME, f"{surname} {name}"),
                      x509.NameAttribute(NameOID.SURNAME, surname),
                      x509.NameAttribute(NameOID.SERIAL_NUMBER, f"IIN{iin}"),
                      x509.NameAttribute(NameOID.COUNTRY_NAME, "KZ"),
                      x509.NameAttribute(NameOID.GIVEN_NAME, patronymic)]
        if bin:
            attributes += [x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation or "ТЕСТ ҰЙЫМ"),
                           x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"BIN{bin}")]
        key = key or _key()
        usage = x509.KeyUsage(digital_signature=True, content_commitment=signing, key_encipherment=not signing,
                              data_encipherment=False, key_agreement=False, key_cert_sign=False, crl_sign=False,
                              encipher_only=False, decipher_only=False)
        extended = [ExtendedKeyUsageOID.EMAIL_PROTECTION] if signing else [ExtendedKeyUsageOID.CLIENT_AUTH]
        cert = (
            x509.CertificateBuilder().subject_name(x509.Name(attributes)).issuer_name(self.name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(valid_from or now - timedelta(days=30))
            .not_valid_after(valid_until or now + timedelta(days=335))
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(usage, critical=True)
            .add_extension(x509.ExtendedKeyUsage(extended), critical=False)
            .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(self.key.public_key()), critical=False)
            .sign(self.key, hashes.SHA256())
        )
        return Signer(cert=cert, key=key)
