//! Signing with a private key, for tests and native tools; the browser signs with WebCrypto.
//!
//! Keys come from the core's reader ([`PrivateKey::read`], [`PrivateKey::from_core`]: every
//! form it takes), or from PKCS#8 through RustCrypto's own parser ([`PrivateKey::from_pkcs8_pem`],
//! [`PrivateKey::from_pkcs8_der`]). [`sign_request`] signs what `jwt_core::sign::prepare` plans
//! the way the page does: it imports the request's PKCS#8 bytes (here with RustCrypto's parser,
//! there with WebCrypto's), signs the signing input and puts the token together.

use jwt_core::keys::{self, EcCurve, OkpCurve, PrivateNumbers, PublicKey};
use jwt_core::sign::SignRequest;
use jwt_core::verify::{Family, Hash};
use jwt_core::PublicAlg;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::{PrivateKeyParts, PublicKeyParts};
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPrivateKey};
use sha2::{Sha256, Sha384, Sha512};
use signature::Signer;

/// A private key that can sign.
#[derive(Clone)]
pub enum PrivateKey {
    /// RSA, for RS* and PS*.
    Rsa(Box<RsaPrivateKey>),
    /// P-256, for ES256.
    P256(p256::ecdsa::SigningKey),
    /// P-384, for ES384.
    P384(p384::ecdsa::SigningKey),
    /// P-521, for ES512.
    P521(p521::ecdsa::SigningKey),
    /// Ed25519, for EdDSA and Ed25519.
    Ed25519(Box<ed25519_dalek::SigningKey>),
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = match self {
            PrivateKey::Rsa(_) => "Rsa",
            PrivateKey::P256(_) => "P256",
            PrivateKey::P384(_) => "P384",
            PrivateKey::P521(_) => "P521",
            PrivateKey::Ed25519(_) => "Ed25519",
        };
        write!(f, "PrivateKey::{kind}([redacted])")
    }
}

/// Why a token could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// The PEM is not a PKCS#8 private key of a supported kind.
    UnreadableKey(String),
    /// The key does not fit the algorithm.
    KeyMismatch(String),
    /// The header is not a JSON object with a known `alg`.
    BadHeader(String),
    /// The library refused to sign.
    Failed(String),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::UnreadableKey(why) => write!(f, "the private key cannot be read: {why}"),
            SignError::KeyMismatch(why) => write!(f, "the key does not fit: {why}"),
            SignError::BadHeader(why) => write!(f, "the header cannot be used: {why}"),
            SignError::Failed(why) => write!(f, "signing failed: {why}"),
        }
    }
}

impl PrivateKey {
    /// Reads a PKCS#8 `PRIVATE KEY` PEM (RSA, P-256, P-384, P-521 or Ed25519) with RustCrypto's
    /// parser.
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, SignError> {
        let unreadable = || SignError::UnreadableKey("not a PKCS#8 PRIVATE KEY PEM block".into());
        let (label, der) = rsa::pkcs8::SecretDocument::from_pem(pem).map_err(|_| unreadable())?;
        if label != "PRIVATE KEY" {
            return Err(unreadable());
        }
        Self::from_pkcs8_der(der.as_bytes())
    }

    /// Reads PKCS#8 DER (RSA, P-256, P-384, P-521 or Ed25519) with RustCrypto's parser, as
    /// WebCrypto's `importKey('pkcs8', …)` reads it in the browser.
    pub fn from_pkcs8_der(der: &[u8]) -> Result<Self, SignError> {
        if let Ok(k) = RsaPrivateKey::from_pkcs8_der(der) {
            return Ok(PrivateKey::Rsa(Box::new(k)));
        }
        [
            Pkcs8Kind::P256,
            Pkcs8Kind::P384,
            Pkcs8Kind::P521,
            Pkcs8Kind::Ed25519,
        ]
        .into_iter()
        .find_map(|kind| kind.read_der(der))
        .ok_or_else(|| {
            SignError::UnreadableKey(
                "not a PKCS#8 RSA, P-256, P-384, P-521 or Ed25519 private key".into(),
            )
        })
    }

    /// Reads private-key text in any form the core reads (PKCS#8, PKCS#1, SEC 1, bare DER, a
    /// private JWK or a JWKS with one private key).
    pub fn read(text: &str) -> Result<Self, SignError> {
        let key = keys::read_private(text).map_err(|e| SignError::UnreadableKey(e.to_string()))?;
        Self::from_core(&key)
    }

    /// The signing key for numbers the core read. The parts the core does not check because it
    /// has no arithmetic are checked here: RSA's primes, exponents and CRT members agree; an
    /// included public point or key belongs to the private key.
    pub fn from_core(key: &keys::PrivateKey) -> Result<Self, SignError> {
        let bad = |why: String| SignError::UnreadableKey(why);
        let signing = match &key.numbers {
            PrivateNumbers::Rsa(k) => {
                let int = |b: &[u8]| BigUint::from_bytes_be(b);
                let rsa = RsaPrivateKey::from_components(
                    int(&k.n),
                    int(&k.e),
                    int(&k.d),
                    vec![int(&k.p), int(&k.q)],
                )
                .map_err(|e| bad(format!("the RSA numbers do not make a key ({e})")))?;
                let crt_agrees = rsa.dp() == Some(&int(&k.dp))
                    && rsa.dq() == Some(&int(&k.dq))
                    && rsa.crt_coefficient() == Some(int(&k.qi));
                if !crt_agrees {
                    return Err(bad(
                        "the RSA key's CRT members (dp, dq, qi) do not belong to its primes".into(),
                    ));
                }
                PrivateKey::Rsa(Box::new(rsa))
            }
            PrivateNumbers::Ec { curve, d, .. } => {
                let wrong = || {
                    bad(format!(
                        "the {} private key is zero or not below the curve's order",
                        curve.name()
                    ))
                };
                match curve {
                    EcCurve::P256 => PrivateKey::P256(
                        p256::ecdsa::SigningKey::from_slice(d).map_err(|_| wrong())?,
                    ),
                    EcCurve::P384 => PrivateKey::P384(
                        p384::ecdsa::SigningKey::from_slice(d).map_err(|_| wrong())?,
                    ),
                    EcCurve::P521 => PrivateKey::P521(
                        p521::ecdsa::SigningKey::from_slice(d).map_err(|_| wrong())?,
                    ),
                    EcCurve::Secp256k1 => {
                        return Err(bad("secp256k1 keys do not sign here".into()));
                    }
                }
            }
            PrivateNumbers::Ed25519 { d, .. } => {
                let seed = <[u8; 32]>::try_from(d.as_slice())
                    .map_err(|_| bad("an Ed25519 seed has 32 bytes".into()))?;
                PrivateKey::Ed25519(Box::new(ed25519_dalek::SigningKey::from_bytes(&seed)))
            }
        };
        if let Some(given) = key.numbers.public_key() {
            if given != signing.public_key() {
                return Err(bad(format!(
                    "the public key in the text does not belong to this {} private key",
                    given.kind_words()
                )));
            }
        }
        Ok(signing)
    }

    /// The public half, in the core's canonical form.
    pub fn public_key(&self) -> PublicKey {
        let ec = |curve: EcCurve, point: &[u8]| {
            let n = curve.coordinate_len();
            PublicKey::Ec {
                curve,
                x: point[1..=n].to_vec(),
                y: point[1 + n..].to_vec(),
            }
        };
        match self {
            PrivateKey::Rsa(k) => PublicKey::Rsa {
                n: k.n().to_bytes_be(),
                e: k.e().to_bytes_be(),
            },
            PrivateKey::P256(k) => ec(
                EcCurve::P256,
                k.verifying_key().to_encoded_point(false).as_bytes(),
            ),
            PrivateKey::P384(k) => ec(
                EcCurve::P384,
                k.verifying_key().to_encoded_point(false).as_bytes(),
            ),
            PrivateKey::P521(k) => ec(
                EcCurve::P521,
                p521::ecdsa::VerifyingKey::from(k)
                    .to_encoded_point(false)
                    .as_bytes(),
            ),
            PrivateKey::Ed25519(k) => PublicKey::Okp {
                curve: OkpCurve::Ed25519,
                x: k.verifying_key().to_bytes().to_vec(),
            },
        }
    }
}

/// Signs `message` with `alg` (PS* with a random salt; ES256/ES384 deterministically, RFC 6979;
/// ES512 with a random nonce).
pub fn sign(alg: PublicAlg, key: &PrivateKey, message: &[u8]) -> Result<Vec<u8>, SignError> {
    let mismatch = || {
        SignError::KeyMismatch(format!(
            "{} cannot sign with this {} key",
            alg.name(),
            key.public_key().kind_words()
        ))
    };
    match (alg.family(), key) {
        (Family::RsaPkcs1 | Family::RsaPss, PrivateKey::Rsa(k)) => {
            let hash = alg.hash().ok_or_else(mismatch)?;
            let hashed = crate::digest(hash, message);
            let mut rng = rand_core::OsRng;
            let result = match (alg.family(), hash) {
                (Family::RsaPkcs1, Hash::Sha256) => k.sign(Pkcs1v15Sign::new::<Sha256>(), &hashed),
                (Family::RsaPkcs1, Hash::Sha384) => k.sign(Pkcs1v15Sign::new::<Sha384>(), &hashed),
                (Family::RsaPkcs1, Hash::Sha512) => k.sign(Pkcs1v15Sign::new::<Sha512>(), &hashed),
                (_, Hash::Sha256) => {
                    k.sign_with_rng(&mut rng, Pss::new_with_salt::<Sha256>(32), &hashed)
                }
                (_, Hash::Sha384) => {
                    k.sign_with_rng(&mut rng, Pss::new_with_salt::<Sha384>(48), &hashed)
                }
                (_, Hash::Sha512) => {
                    k.sign_with_rng(&mut rng, Pss::new_with_salt::<Sha512>(64), &hashed)
                }
            };
            result.map_err(|e| SignError::Failed(e.to_string()))
        }
        (Family::Ecdsa, PrivateKey::P256(k)) if alg == PublicAlg::ES256 => {
            let sig: p256::ecdsa::Signature = k.sign(message);
            Ok(sig.to_bytes().to_vec())
        }
        (Family::Ecdsa, PrivateKey::P384(k)) if alg == PublicAlg::ES384 => {
            let sig: p384::ecdsa::Signature = k.sign(message);
            Ok(sig.to_bytes().to_vec())
        }
        (Family::Ecdsa, PrivateKey::P521(k)) if alg == PublicAlg::ES512 => {
            let sig: p521::ecdsa::Signature =
                signature::RandomizedSigner::try_sign_with_rng(k, &mut rand_core::OsRng, message)
                    .map_err(|e| SignError::Failed(e.to_string()))?;
            Ok(sig.to_bytes().to_vec())
        }
        (Family::Ed25519, PrivateKey::Ed25519(k)) => Ok(k.sign(message).to_bytes().to_vec()),
        _ => Err(mismatch()),
    }
}

/// Signs a compact JWS: `header_json` (whose `alg` names the algorithm) and `payload`, each
/// encoded exactly as given.
pub fn sign_token(header_json: &str, payload: &str, key: &PrivateKey) -> Result<String, SignError> {
    let header: serde_json::Value = serde_json::from_str(header_json)
        .map_err(|e| SignError::BadHeader(format!("not JSON: {e}")))?;
    let alg = header
        .get("alg")
        .and_then(|a| a.as_str())
        .ok_or_else(|| SignError::BadHeader("no string 'alg'".into()))?;
    let alg = PublicAlg::from_name(alg)
        .ok_or_else(|| SignError::BadHeader(format!("'{alg}' is not a public-key algorithm")))?;
    let signing_input = jwt_core::sign::signing_input(header_json, payload);
    let signature = sign(alg, key, signing_input.as_bytes())?;
    Ok(jwt_core::sign::assemble(&signing_input, &signature))
}

/// Signs what `jwt_core::sign::prepare` planned, the way the page does with WebCrypto: imports
/// the request's PKCS#8 DER, signs its signing input with its algorithm, checks the signature's
/// length, and returns the token.
pub fn sign_request(request: &SignRequest) -> Result<String, SignError> {
    let key = PrivateKey::from_pkcs8_der(&request.pkcs8)?;
    let signature = sign(request.alg, &key, request.signing_input.as_bytes())?;
    if signature.len() != request.signature_len {
        return Err(SignError::Failed(format!(
            "the signature has {} bytes, not the {} planned",
            signature.len(),
            request.signature_len
        )));
    }
    Ok(jwt_core::sign::assemble(&request.signing_input, &signature))
}

/// The PKCS#8 kinds besides RSA, each read with its own crate.
#[derive(Clone, Copy)]
enum Pkcs8Kind {
    P256,
    P384,
    P521,
    Ed25519,
}

impl Pkcs8Kind {
    fn read_der(self, der: &[u8]) -> Option<PrivateKey> {
        match self {
            Pkcs8Kind::P256 => p256::SecretKey::from_pkcs8_der(der)
                .ok()
                .map(|k| PrivateKey::P256(k.into())),
            Pkcs8Kind::P384 => p384::SecretKey::from_pkcs8_der(der)
                .ok()
                .map(|k| PrivateKey::P384(k.into())),
            Pkcs8Kind::P521 => p521::SecretKey::from_pkcs8_der(der)
                .ok()
                .and_then(|k| p521::ecdsa::SigningKey::from_bytes(&k.to_bytes()).ok())
                .map(PrivateKey::P521),
            Pkcs8Kind::Ed25519 => ed25519_dalek::SigningKey::from_pkcs8_der(der)
                .ok()
                .map(|k| PrivateKey::Ed25519(Box::new(k))),
        }
    }
}
