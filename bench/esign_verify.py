"""What verifying one NCALayer signature costs the server (portal.esign.verify.verify_cms), as a ratio to the bare
RSA check of the same signature in the same run: the rest is parsing (asn1crypto) and the chain (pyhanko-certvalidator).

    DJANGO_SETTINGS_MODULE=config.settings .venv/bin/python bench/esign_verify.py [--runs 200]
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django  # noqa: E402

django.setup()

from asn1crypto import cms as asn1_cms  # noqa: E402
from cryptography.hazmat.primitives import hashes, serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import padding  # noqa: E402
from django.utils import timezone  # noqa: E402

from portal.esign.verify import verify_cms  # noqa: E402
from tests.portal.esign_ca import TestCA, valid_iin  # noqa: E402


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    runs = parser.parse_args().runs
    ca = TestCA()
    signer = ca.issue(iin=valid_iin())
    payload = ("portal: Demeu\naction: grants.application_submit\n" + "x" * 400 + "\n").encode()
    cms = signer.cms(payload)
    roots = [ca.cert.public_bytes(serialization.Encoding.DER)]
    info = asn1_cms.ContentInfo.load(cms)["content"]["signer_infos"][0]
    signed_bytes = b"\x31" + info["signed_attrs"].dump()[1:]
    signature = info["signature"].native
    key = signer.cert.public_key()
    now = timezone.now()

    assert verify_cms(cms, payload, moment=now, trust_roots=roots).ok
    start = time.perf_counter()
    for _ in range(runs):
        key.verify(signature, signed_bytes, padding.PKCS1v15(), hashes.SHA256())
    baseline = (time.perf_counter() - start) / runs
    start = time.perf_counter()
    for _ in range(runs):
        verify_cms(cms, payload, moment=now, trust_roots=roots)
    full = (time.perf_counter() - start) / runs
    print(f"bare RSA-2048 check: {baseline * 1000:.3f} ms; verify_cms (CMS, validity, key usage, chain): "
          f"{full * 1000:.3f} ms; ratio {full / baseline:.1f}x over {runs} runs")


if __name__ == "__main__":
    main()
