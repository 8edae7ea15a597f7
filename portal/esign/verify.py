"""Verify a CMS (CAdES-BES) signature that NCALayer made over the exact bytes the server issued.

asn1crypto reads the CMS, `cryptography` checks the RSA (or ECDSA) signature and the OCSP answer,
pyhanko-certvalidator builds and checks the chain to the trust store at the moment of signing. GOST 34.10
keys (the NCA's other algorithm) are recognised and refused in clear words: no well-kept Python library
verifies the Kazakh GOST 34.10-2015 parameter sets (see README, "Electronic signatures").

Problems are kept as codes with parameters (stored with the record) and worded in the reader's language.
"""

import asyncio
import hashlib
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from asn1crypto import cms as asn1_cms
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509 import ocsp
from cryptography.x509.oid import NameOID
from django.utils.translation import gettext_lazy as _
from pyhanko_certvalidator import CertificateValidator, ValidationContext
from pyhanko_certvalidator import errors as cv_errors

from ..formatting import astana_time

HASHES = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
GOST_PREFIXES = ("1.2.398.3.10.", "1.2.643.")  # Kazakh (KZ GOST 34.310 / 34.10-2015) and Russian GOST arcs
OCSP_TIMEOUT_SECONDS = 10

PROBLEMS = {
    "not_cms": _("This is not a CMS signature: sign again with NCALayer."),
    "signers": _("The signature must have exactly one signer."),
    "no_certificate": _("The signature does not carry the signer's certificate."),
    "other_bytes": _("The signature is over other data than the document issued for this action: sign again."),
    "digest": _("The signature uses a hash algorithm the portal does not accept (%(algorithm)s)."),
    "gost_unsupported": _("The signature was made with a GOST key; this portal verifies RSA keys only: sign "
                          "with your RSA key."),
    "algorithm": _("The signature algorithm %(algorithm)s is not accepted."),
    "bad_signature": _("The signature does not match the document and the certificate."),
    "expired": _("The certificate expired on %(date)s: sign with a valid key."),
    "not_yet_valid": _("The certificate is valid only from %(date)s."),
    "key_usage": _("This key may not sign documents (it is an authentication key?): sign with your "
                   "signing key."),
    "no_trust_store": _("The portal has no trusted root certificates configured: signatures cannot be "
                        "verified yet. Tell the operator."),
    "unknown_ca": _("The certificate was not issued by a certification authority the portal trusts."),
    "chain": _("The certificate chain is not valid: %(reason)s"),
    "revoked": _("The certificate has been revoked."),
    "ocsp_unknown": _("The revocation service does not know this certificate."),
    "ocsp_unreachable": _("The revocation service could not be reached: try again in a few minutes."),
}


def problem_text(code: str, params: dict | None = None) -> str:
    template = PROBLEMS.get(code)
    if template is None:  # a code from another part (the signer's identity, the challenge)
        from .services import IDENTITY_PROBLEMS

        template = IDENTITY_PROBLEMS.get(code, code)
    return str(template) % (params or {}) if params else str(template)


@dataclass
class Verification:
    problems: list[tuple[str, dict]] = field(default_factory=list)
    certificate_der: bytes = b""
    subject: dict = field(default_factory=dict)
    signing_time: datetime | None = None
    ocsp: dict = field(default_factory=dict)
    checks: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems

    def refuse(self, code: str, **params) -> "Verification":
        self.problems.append((code, {k: str(v) for k, v in params.items()}))
        return self

    def messages(self) -> list[str]:
        return [problem_text(code, params) for code, params in self.problems]

    def as_data(self, moment: datetime) -> dict:
        return {"moment": moment.isoformat(), "checks": self.checks, "ocsp": self.ocsp,
                "problems": [{"code": c, "params": p} for c, p in self.problems]}


def load_trust_store(paths) -> list[bytes]:
    """The DER of every certificate in the PEM files (or directories of them) the operator configured."""
    found = []
    for entry in paths or ():
        path = Path(entry)
        files = sorted(path.glob("*.pem")) + sorted(path.glob("*.crt")) if path.is_dir() else [path]
        for item in files:
            data = item.read_bytes()
            if pem.detect(data):
                found += [der for kind, _headers, der in pem.unarmor(data, multiple=True) if kind == "CERTIFICATE"]
            else:
                found.append(data)
    return found


def subject_of(cert: x509.Certificate) -> dict:
    """The NCA's names: SERIALNUMBER=IIN…, OU=BIN…, CN (surname and name), G (patronymic), O (organisation)."""

    def first(oid) -> str:
        values = cert.subject.get_attributes_for_oid(oid)
        return str(values[0].value) if values else ""

    serial = first(NameOID.SERIAL_NUMBER)
    unit = first(NameOID.ORGANIZATIONAL_UNIT_NAME)
    name = " ".join(part for part in (first(NameOID.COMMON_NAME), first(NameOID.GIVEN_NAME)) if part)
    return {
        "name": name,
        "iin": serial[3:] if serial.upper().startswith("IIN") else "",
        "bin": unit[3:] if unit.upper().startswith("BIN") else "",
        "organisation": first(NameOID.ORGANIZATION_NAME),
        "serial": format(cert.serial_number, "x"),
        "issuer": cert.issuer.rfc4514_string(),
        "valid_from": cert.not_valid_before_utc.isoformat(),
        "valid_until": cert.not_valid_after_utc.isoformat(),
    }


def _signer_certificate(signed_data, signer_info) -> tuple[asn1_x509.Certificate | None, list]:
    certs = [c.chosen for c in signed_data["certificates"] or [] if c.name == "certificate"]
    sid = signer_info["sid"]
    for cert in certs:
        if sid.name == "issuer_and_serial_number":
            wanted = sid.chosen
            if cert.issuer == wanted["issuer"] and cert.serial_number == wanted["serial_number"].native:
                return cert, [c for c in certs if c is not cert]
        elif cert.key_identifier == sid.chosen.native:
            return cert, [c for c in certs if c is not cert]
    return None, certs


def _check_signature(signer_info, public_key, signed_bytes: bytes, digest: str, result: Verification) -> None:
    algorithm = signer_info["signature_algorithm"]
    dotted = algorithm["algorithm"].dotted
    signature = signer_info["signature"].native
    hash_cls = HASHES[digest]
    try:
        kind = algorithm.signature_algo
    except ValueError:
        kind = dotted
    try:
        if kind == "rsassa_pkcs1v15" and isinstance(public_key, rsa.RSAPublicKey):
            public_key.verify(signature, signed_bytes, padding.PKCS1v15(), hash_cls())
        elif kind == "rsassa_pss" and isinstance(public_key, rsa.RSAPublicKey):
            params = algorithm["parameters"]
            public_key.verify(signature, signed_bytes, padding.PSS(
                mgf=padding.MGF1(hash_cls()), salt_length=params["salt_length"].native), hash_cls())
        elif kind == "ecdsa" and isinstance(public_key, ec.EllipticCurvePublicKey):
            public_key.verify(signature, signed_bytes, ec.ECDSA(hash_cls()))
        else:
            result.refuse("algorithm", algorithm=dotted)
            return
    except InvalidSignature:
        result.refuse("bad_signature")
        return
    result.checks.append("signature")


def _key_usage_allows_signing(cert: x509.Certificate) -> bool:
    """A signing key of the NCA: digitalSignature and nonRepudiation (an authentication key lacks the second)."""
    try:
        usage = cert.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return False
    return usage.digital_signature and usage.content_commitment


def _issuer_of(cert: x509.Certificate, candidates: list[x509.Certificate]) -> x509.Certificate | None:
    for candidate in candidates:
        if candidate.subject == cert.issuer:
            try:
                cert.verify_directly_issued_by(candidate)
            except (ValueError, TypeError, InvalidSignature):
                continue
            return candidate
    return None


def fetch_ocsp(url: str, request_der: bytes) -> bytes:
    request = urllib.request.Request(url, data=request_der, headers={"Content-Type": "application/ocsp-request"})
    with urllib.request.urlopen(request, timeout=OCSP_TIMEOUT_SECONDS) as response:  # noqa: S310 (operator's URL)
        return response.read()


def _check_ocsp(cert: x509.Certificate, issuer: x509.Certificate, url: str, result: Verification) -> bytes | None:
    """Ask the operator's OCSP responder; the answer must be signed by the issuer or a responder it named."""
    result.ocsp = {"url": url, "checked_at": datetime.now(UTC).isoformat()}
    request = ocsp.OCSPRequestBuilder().add_certificate(cert, issuer, hashes.SHA1()).build()
    try:
        raw = fetch_ocsp(url, request.public_bytes(serialization.Encoding.DER))
        response = ocsp.load_der_ocsp_response(raw)
    except (OSError, ValueError) as error:
        result.ocsp["status"] = "unreachable"
        result.ocsp["error"] = str(error)[:200]
        result.refuse("ocsp_unreachable")
        return None
    if response.response_status != ocsp.OCSPResponseStatus.SUCCESSFUL:
        result.ocsp["status"] = response.response_status.name.lower()
        result.refuse("ocsp_unreachable")
        return None
    responder = issuer
    for candidate in response.certificates:
        if _issuer_of(candidate, [issuer]) is not None:
            responder = candidate
    try:
        key = responder.public_key()
        if isinstance(key, rsa.RSAPublicKey):
            key.verify(response.signature, response.tbs_response_bytes, padding.PKCS1v15(),
                       response.signature_hash_algorithm)
        else:
            key.verify(response.signature, response.tbs_response_bytes, ec.ECDSA(response.signature_hash_algorithm))
    except (InvalidSignature, TypeError, ValueError):
        result.ocsp["status"] = "bad_response"
        result.refuse("ocsp_unreachable")
        return None
    status = response.certificate_status
    result.ocsp["status"] = status.name.lower()
    result.ocsp["produced_at"] = response.produced_at_utc.isoformat()
    if status == ocsp.OCSPCertStatus.REVOKED:
        result.refuse("revoked")
    elif status == ocsp.OCSPCertStatus.UNKNOWN:
        result.refuse("ocsp_unknown")
    else:
        result.checks.append("ocsp")
    return raw


def _run_async(make_coroutine):
    """asyncio.run in a thread of its own: the calling thread may already run an event loop (an ASGI server, or
    Playwright's sync API in the tests), where asyncio.run refuses to start.
    The coroutine's exception is raised here."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(make_coroutine())).result()


def _check_chain(asn1_cert, others, trust_roots: list[bytes], moment: datetime, result: Verification) -> None:
    if not trust_roots:
        result.refuse("no_trust_store")
        return
    context = ValidationContext(
        trust_roots=[asn1_x509.Certificate.load(der) for der in trust_roots], moment=moment,
        allow_fetching=False, revocation_mode="soft-fail",
    )
    validator = CertificateValidator(asn1_cert, intermediate_certs=others, validation_context=context)
    try:
        _run_async(lambda: validator.async_validate_usage(key_usage={"digital_signature", "non_repudiation"}))
    except cv_errors.PathBuildingError:
        result.refuse("unknown_ca")
    except cv_errors.RevokedError:
        result.refuse("revoked")
    except (cv_errors.PathValidationError, cv_errors.InvalidCertificateError) as error:
        result.refuse("chain", reason=str(error)[:300])
    else:
        result.checks.append("chain")


def verify_cms(cms_der: bytes, payload: bytes, *, moment: datetime, trust_roots: list[bytes],
               ocsp_url: str = "") -> Verification:
    """Everything the server can say of this signature over `payload`, at `moment` (when it was received)."""
    result = Verification()
    try:
        info = asn1_cms.ContentInfo.load(cms_der)
        if info["content_type"].native != "signed_data":
            return result.refuse("not_cms")
        signed_data = info["content"]
        signer_infos = list(signed_data["signer_infos"])
    except (ValueError, TypeError, KeyError):
        return result.refuse("not_cms")
    if len(signer_infos) != 1:
        return result.refuse("signers")
    signer_info = signer_infos[0]
    try:
        asn1_cert, others = _signer_certificate(signed_data, signer_info)
        content = signed_data["encap_content_info"]["content"].native
        digest = signer_info["digest_algorithm"]["algorithm"].native
        signature_oid = signer_info["signature_algorithm"]["algorithm"].dotted
    except (ValueError, TypeError, KeyError):
        return result.refuse("not_cms")
    if asn1_cert is None:
        return result.refuse("no_certificate")
    cert = x509.load_der_x509_certificate(asn1_cert.dump())
    result.certificate_der = asn1_cert.dump()
    result.subject = subject_of(cert)
    if signature_oid.startswith(GOST_PREFIXES) or str(digest).startswith(GOST_PREFIXES):
        return result.refuse("gost_unsupported")
    if digest not in HASHES:
        return result.refuse("digest", algorithm=digest)
    if content is not None and content != payload:
        return result.refuse("other_bytes")
    signed_attrs = signer_info["signed_attrs"]
    if len(signed_attrs):
        attrs = {a["type"].native: a["values"][0].native for a in signed_attrs}
        if attrs.get("message_digest") != hashlib.new(digest, payload).digest():
            return result.refuse("other_bytes")
        if isinstance(attrs.get("signing_time"), datetime):
            result.signing_time = attrs["signing_time"]
        signed_bytes = b"\x31" + signed_attrs.dump()[1:]  # signed over as a SET, not as the [0] it is stored in
    else:
        signed_bytes = payload
    _check_signature(signer_info, cert.public_key(), signed_bytes, digest, result)
    if not result.ok:
        return result
    if moment > cert.not_valid_after_utc:
        result.refuse("expired", date=astana_time(cert.not_valid_after_utc))
    elif moment < cert.not_valid_before_utc:
        result.refuse("not_yet_valid", date=astana_time(cert.not_valid_before_utc))
    else:
        result.checks.append("validity")
    if not _key_usage_allows_signing(cert):
        result.refuse("key_usage")
    else:
        result.checks.append("key_usage")
    if not result.ok:
        return result
    _check_chain(asn1_cert, others, trust_roots, moment, result)
    if result.ok and ocsp_url:
        candidates = [x509.load_der_x509_certificate(c.dump()) for c in others]
        candidates += [x509.load_der_x509_certificate(der) for der in trust_roots]
        issuer = _issuer_of(cert, candidates)
        if issuer is not None:
            _check_ocsp(cert, issuer, ocsp_url, result)
    return result
