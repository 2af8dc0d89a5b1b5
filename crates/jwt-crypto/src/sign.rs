//! Signing with a private key (PKCS#8 PEM), for tests and native tools; the browser signs with
//! WebCrypto. Private keys are read here with RustCrypto's own parsers until the core reads them
//! (issue 13).

use jwt_core::keys::{EcCurve, OkpCurve, PublicKey};
use jwt_core::verify::{Family, Hash};
use jwt_core::PublicAlg;
use rsa::pkcs8::DecodePrivateKey;
use rsa::traits::PublicKeyParts;
use rsa::{Pkcs1v15Sign, Pss, RsaPrivateKey};
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
    /// Reads a PKCS#8 `PRIVATE KEY` PEM (RSA, P-256, P-384, P-521 or Ed25519).
    pub fn from_pkcs8_pem(pem: &str) -> Result<Self, SignError> {
        if let Ok(k) = RsaPrivateKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::Rsa(Box::new(k)));
        }
        if let Ok(k) = p256::SecretKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::P256(k.into()));
        }
        if let Ok(k) = p384::SecretKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::P384(k.into()));
        }
        if let Ok(k) = p521::SecretKey::from_pkcs8_pem(pem) {
            let signing = p521::ecdsa::SigningKey::from_bytes(&k.to_bytes())
                .map_err(|e| SignError::UnreadableKey(e.to_string()))?;
            return Ok(PrivateKey::P521(signing));
        }
        if let Ok(k) = ed25519_dalek::SigningKey::from_pkcs8_pem(pem) {
            return Ok(PrivateKey::Ed25519(Box::new(k)));
        }
        Err(SignError::UnreadableKey(
            "not a PKCS#8 RSA, P-256, P-384, P-521 or Ed25519 private key".into(),
        ))
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
    let signing_input = format!(
        "{}.{}",
        jwt_core::b64url::encode(header_json.as_bytes()),
        jwt_core::b64url::encode(payload.as_bytes())
    );
    let signature = sign(alg, key, signing_input.as_bytes())?;
    Ok(format!(
        "{signing_input}.{}",
        jwt_core::b64url::encode(&signature)
    ))
}
