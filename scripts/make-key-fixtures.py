#!/usr/bin/env python3
"""Writes the public-key test fixtures in fixtures/keys/ (not run in CI; the files are committed).

For each of RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512 and EdDSA:
  <ALG>.private.pem   PKCS#8 private key
  <ALG>.public.pem    SPKI public key
  <ALG>.public.jwk    public JWK with kid, alg and use
  <ALG>.jwks.json     JWKS: a decoy of the same type, the right key, a decoy of another type
  <ALG>.token         a signed ID-token-like JWT with that kid (exp in 2100)
  <ALG>.cert.pem      (RS256 and ES256) a self-signed certificate for CN=login.example.com
Extras for the findings: a 1024-bit RSA key and token (weak-rsa-key), an ES256 token that
carries its own jwk (token-supplied-key), and an HS256 token whose secret is RS256.public.pem's
text (alg-confusion). index.json lists everything.

The same private keys in the other forms a signer accepts (private-forms.json lists them):
  <ALG>.pkcs1.pem     (RS*, PS*) PKCS#1 RSA PRIVATE KEY
  <ALG>.sec1.pem      (ES*) SEC 1 EC PRIVATE KEY, with its curve and public point
  <ALG>.private.jwk   private JWK with kid, alg and use
  ES256.encrypted.pem and RS256.pkcs1-encrypted.pem: encrypted keys (password "fixture"), which
  the reader refuses with words

Needs the `cryptography` package (pip install cryptography). Run from the repository root:
  python3 scripts/make-key-fixtures.py                  # everything, with new keys
  python3 scripts/make-key-fixtures.py --private-forms  # only the other forms of the existing keys
A full run makes new keys, so rerun it only to replace the whole set; --private-forms reads the
committed <ALG>.private.pem files and leaves every other file as it is.
"""

import base64
import datetime
import json
import os
import sys

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, padding, rsa, utils
from cryptography.x509.oid import NameOID

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "keys")

HASHES = {"256": hashes.SHA256, "384": hashes.SHA384, "512": hashes.SHA512}
CURVES = {"ES256": ec.SECP256R1, "ES384": ec.SECP384R1, "ES512": ec.SECP521R1}
COORD = {"ES256": 32, "ES384": 48, "ES512": 66}
ALGS = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512", "EdDSA"]

# 2023-11-14T22:13:20Z and 2100-01-01T00:00:00Z.
IAT = 1_700_000_000
EXP = 4_102_444_800


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def uint(n: int, length: int = 0) -> bytes:
    length = max(length, (n.bit_length() + 7) // 8)
    return n.to_bytes(length, "big")


def new_key(alg: str, bits: int = 2048):
    if alg.startswith(("RS", "PS")):
        return rsa.generate_private_key(public_exponent=65537, key_size=bits)
    if alg.startswith("ES"):
        return ec.generate_private_key(CURVES[alg]())
    return ed25519.Ed25519PrivateKey.generate()


def public_jwk(key, alg: str | None, kid: str | None) -> dict:
    pub = key.public_key()
    if isinstance(pub, rsa.RSAPublicKey):
        numbers = pub.public_numbers()
        jwk = {"kty": "RSA", "n": b64url(uint(numbers.n)), "e": b64url(uint(numbers.e))}
    elif isinstance(pub, ec.EllipticCurvePublicKey):
        numbers = pub.public_numbers()
        crv = {"secp256r1": "P-256", "secp384r1": "P-384", "secp521r1": "P-521"}[pub.curve.name]
        size = {"P-256": 32, "P-384": 48, "P-521": 66}[crv]
        jwk = {
            "kty": "EC",
            "crv": crv,
            "x": b64url(uint(numbers.x, size)),
            "y": b64url(uint(numbers.y, size)),
        }
    else:
        raw = pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}
    if kid:
        jwk["kid"] = kid
    if alg:
        jwk["alg"] = alg
    jwk["use"] = "sig"
    return jwk


def sign(key, alg: str, message: bytes) -> bytes:
    if alg.startswith("RS"):
        return key.sign(message, padding.PKCS1v15(), HASHES[alg[2:]]())
    if alg.startswith("PS"):
        h = HASHES[alg[2:]]
        pss = padding.PSS(mgf=padding.MGF1(h()), salt_length=h.digest_size)
        return key.sign(message, pss, h())
    if alg.startswith("ES"):
        r, s = utils.decode_dss_signature(key.sign(message, ec.ECDSA(HASHES[alg[2:]]())))
        return uint(r, COORD[alg]) + uint(s, COORD[alg])
    return key.sign(message)


def token(key, header: dict, claims: dict) -> str:
    signing_input = (
        b64url(json.dumps(header, separators=(",", ":")).encode())
        + "."
        + b64url(json.dumps(claims, separators=(",", ":")).encode())
    )
    return signing_input + "." + b64url(sign(key, header["alg"], signing_input.encode()))


def claims(alg: str) -> dict:
    return {
        "iss": "https://login.example.com/",
        "sub": "248289761001",
        "aud": "jwt-inspector-tests",
        "nonce": "n-0S6_WzA2Mj",
        "name": "Jane Doe",
        "iat": IAT,
        "auth_time": IAT,
        "exp": EXP,
        "fixture": alg,
    }


def certificate(key) -> bytes:
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, "login.example.com"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Example Login"),
        ]
    )
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.datetime(2024, 1, 1, tzinfo=datetime.timezone.utc))
        .not_valid_after(datetime.datetime(2099, 12, 31, 23, 59, 59, tzinfo=datetime.timezone.utc))
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(serialization.Encoding.PEM)


def pem_private(key) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def pem_public(key) -> bytes:
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def write(name: str, data) -> str:
    path = os.path.join(OUT, name)
    mode = "wb" if isinstance(data, bytes) else "w"
    with open(path, mode) as f:
        f.write(data)
    return name


def private_jwk(key, alg: str, kid: str) -> dict:
    jwk = public_jwk(key, None, None)
    del jwk["use"]
    if isinstance(key, rsa.RSAPrivateKey):
        numbers = key.private_numbers()
        jwk.update(
            d=b64url(uint(numbers.d)),
            p=b64url(uint(numbers.p)),
            q=b64url(uint(numbers.q)),
            dp=b64url(uint(numbers.dmp1)),
            dq=b64url(uint(numbers.dmq1)),
            qi=b64url(uint(numbers.iqmp)),
        )
    elif isinstance(key, ec.EllipticCurvePrivateKey):
        jwk["d"] = b64url(uint(key.private_numbers().private_value, COORD[alg]))
    else:
        jwk["d"] = b64url(
            key.private_bytes(
                serialization.Encoding.Raw,
                serialization.PrivateFormat.Raw,
                serialization.NoEncryption(),
            )
        )
    jwk.update(kid=kid, alg=alg, use="sig")
    return jwk


def traditional(key, encryption=serialization.NoEncryption()) -> bytes:
    """PKCS#1 for RSA, SEC 1 for EC: OpenSSL's "traditional" PEM."""
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL, encryption
    )


def write_private_forms() -> None:
    """The committed private keys in their other forms, and two encrypted keys."""
    forms = {"generated_by": "scripts/make-key-fixtures.py --private-forms", "algs": []}
    for alg in ALGS:
        with open(os.path.join(OUT, f"{alg}.private.pem"), "rb") as f:
            key = serialization.load_pem_private_key(f.read(), password=None)
        kid = f"{alg.lower()}-key-1"
        entry = {
            "alg": alg,
            "kid": kid,
            "pkcs8": f"{alg}.private.pem",
            "jwk": write(f"{alg}.private.jwk", json.dumps(private_jwk(key, alg, kid), indent=2) + "\n"),
            "public_pem": f"{alg}.public.pem",
        }
        if alg.startswith(("RS", "PS")):
            entry["pkcs1"] = write(f"{alg}.pkcs1.pem", traditional(key))
        elif alg.startswith("ES"):
            entry["sec1"] = write(f"{alg}.sec1.pem", traditional(key))
        forms["algs"].append(entry)
        password = serialization.BestAvailableEncryption(b"fixture")
        if alg == "ES256":
            forms["encrypted_pkcs8"] = write(
                "ES256.encrypted.pem",
                key.private_bytes(
                    serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, password
                ),
            )
        if alg == "RS256":
            forms["encrypted_pkcs1"] = write("RS256.pkcs1-encrypted.pem", traditional(key, password))
    forms["password"] = "fixture"
    write("private-forms.json", json.dumps(forms, indent=2) + "\n")


def main() -> int:
    if sys.argv[1:] == ["--private-forms"]:
        write_private_forms()
        print(f"wrote the private-key forms to {os.path.normpath(OUT)}")
        return 0
    os.makedirs(OUT, exist_ok=True)
    index = {"generated_by": "scripts/make-key-fixtures.py", "iat": IAT, "exp": EXP, "algs": []}
    for alg in ALGS:
        key = new_key(alg)
        kid = f"{alg.lower()}-key-1"
        same_type_decoy = new_key(alg)
        other_type_decoy = new_key("ES256" if alg.startswith(("RS", "PS")) else "RS256")
        jwk = public_jwk(key, alg, kid)
        jwks = {
            "keys": [
                public_jwk(same_type_decoy, alg, "decoy-same-type"),
                jwk,
                public_jwk(other_type_decoy, None, "decoy-other-type"),
            ]
        }
        header = {"alg": alg, "typ": "JWT", "kid": kid}
        entry = {
            "alg": alg,
            "kid": kid,
            "private_pem": write(f"{alg}.private.pem", pem_private(key)),
            "public_pem": write(f"{alg}.public.pem", pem_public(key)),
            "public_jwk": write(f"{alg}.public.jwk", json.dumps(jwk, indent=2) + "\n"),
            "jwks": write(f"{alg}.jwks.json", json.dumps(jwks, indent=2) + "\n"),
            "token": write(f"{alg}.token", token(key, header, claims(alg)) + "\n"),
        }
        if alg in ("RS256", "ES256"):
            entry["certificate"] = write(f"{alg}.cert.pem", certificate(key))
            entry["certificate_cn"] = "login.example.com"
        index["algs"].append(entry)

    weak = new_key("RS256", 1024)
    index["weak_rsa_1024"] = {
        "alg": "RS256",
        "public_pem": write("weak-rsa-1024.public.pem", pem_public(weak)),
        "token": write(
            "weak-rsa-1024.token",
            token(weak, {"alg": "RS256", "typ": "JWT"}, claims("weak-rsa-1024")) + "\n",
        ),
    }
    attacker = new_key("ES256")
    index["token_with_own_jwk"] = {
        "alg": "ES256",
        "token": write(
            "ES256.token-with-jwk",
            token(
                attacker,
                {"alg": "ES256", "typ": "JWT", "jwk": public_jwk(attacker, None, None)},
                claims("token-with-jwk"),
            )
            + "\n",
        ),
        "note": "signed by the key in its own header: verifies only with 'check against the key inside the token'",
    }
    rs256_public_pem = open(os.path.join(OUT, "RS256.public.pem"), "rb").read()
    confusion_input = (
        b64url(b'{"alg":"HS256","typ":"JWT"}') + "." + b64url(json.dumps(claims("alg-confusion"), separators=(",", ":")).encode())
    )
    import hmac as hmac_module

    mac = hmac_module.new(rs256_public_pem, confusion_input.encode(), "sha256").digest()
    index["alg_confusion"] = {
        "alg": "HS256",
        "secret": "RS256.public.pem",
        "token": write("alg-confusion.HS256.token", confusion_input + "." + b64url(mac) + "\n"),
        "note": "HS256 with RS256.public.pem's exact bytes (trailing newline included) as the secret",
    }
    write("index.json", json.dumps(index, indent=2) + "\n")
    write_private_forms()
    print(f"wrote {len(os.listdir(OUT))} files to {os.path.normpath(OUT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
