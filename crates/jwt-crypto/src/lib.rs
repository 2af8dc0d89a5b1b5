//! The native signature backend of jwt-inspector, on RustCrypto: verifies what `jwt-core` plans
//! (RS/PS/ES/EdDSA), and signs tokens with a private key for tests and native tools.
//!
//! It is never linked into the browser module, which verifies through WebCrypto instead.
//!
//! ```
//! use jwt_core::{check_with, token, KeyInput, Verdict};
//! use jwt_crypto::RustCrypto;
//!
//! let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
//! // RFC 8037 §A.4: "Example of Ed25519 Signing".
//! let t = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";
//! let check = check_with(&token::decode(t), Some(KeyInput::PublicKey(jwk)), &RustCrypto);
//! assert_eq!(check.verdict, Verdict::Valid);
//! ```

mod sign;

use jwt_core::keys::{EcCurve, OkpCurve, PublicKey};
use jwt_core::verify::{Family, Hash};
use jwt_core::{Backend, PublicAlg};
use rsa::{BigUint, Pkcs1v15Sign, Pss, RsaPublicKey};
use sha2::{Digest, Sha256, Sha384, Sha512};
use signature::Verifier;

pub use sign::{sign, sign_token, PrivateKey, SignError};

/// The largest RSA modulus accepted, in bits (as WebCrypto implementations allow).
pub const MAX_RSA_BITS: usize = 16384;

/// Verifies signatures with RustCrypto's `rsa`, `p256`, `p384`, `p521` and `ed25519-dalek`.
#[derive(Debug, Clone, Copy, Default)]
pub struct RustCrypto;

impl Backend for RustCrypto {
    fn verify(&self, alg: PublicAlg, key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
        verify(alg, key, message, signature)
    }
}

/// True when `signature` is a valid `alg` signature of `message` under `key`. Never panics: a
/// key or signature the libraries refuse does not verify.
pub fn verify(alg: PublicAlg, key: &PublicKey, message: &[u8], signature: &[u8]) -> bool {
    match (alg.family(), key) {
        (Family::RsaPkcs1 | Family::RsaPss, PublicKey::Rsa { n, e }) => {
            let Ok(public) = RsaPublicKey::new_with_max_size(
                BigUint::from_bytes_be(n),
                BigUint::from_bytes_be(e),
                MAX_RSA_BITS,
            ) else {
                return false;
            };
            let Some(hash) = alg.hash() else {
                return false;
            };
            verify_rsa(&public, alg.family(), hash, message, signature)
        }
        (Family::Ecdsa, PublicKey::Ec { curve, .. }) if Some(*curve) == alg.curve() => {
            let Some(point) = key.sec1_point() else {
                return false;
            };
            verify_ecdsa(*curve, &point, message, signature)
        }
        (
            Family::Ed25519,
            PublicKey::Okp {
                curve: OkpCurve::Ed25519,
                x,
            },
        ) => verify_ed25519(x, message, signature),
        _ => false,
    }
}

pub(crate) fn digest(hash: Hash, message: &[u8]) -> Vec<u8> {
    match hash {
        Hash::Sha256 => Sha256::digest(message).to_vec(),
        Hash::Sha384 => Sha384::digest(message).to_vec(),
        Hash::Sha512 => Sha512::digest(message).to_vec(),
    }
}

fn verify_rsa(
    key: &RsaPublicKey,
    family: Family,
    hash: Hash,
    message: &[u8],
    signature: &[u8],
) -> bool {
    let hashed = digest(hash, message);
    let result = match (family, hash) {
        (Family::RsaPkcs1, Hash::Sha256) => {
            key.verify(Pkcs1v15Sign::new::<Sha256>(), &hashed, signature)
        }
        (Family::RsaPkcs1, Hash::Sha384) => {
            key.verify(Pkcs1v15Sign::new::<Sha384>(), &hashed, signature)
        }
        (Family::RsaPkcs1, Hash::Sha512) => {
            key.verify(Pkcs1v15Sign::new::<Sha512>(), &hashed, signature)
        }
        // RFC 7518 §3.5: MGF1 with the same hash, and a salt as long as the hash.
        (_, Hash::Sha256) => key.verify(Pss::new_with_salt::<Sha256>(32), &hashed, signature),
        (_, Hash::Sha384) => key.verify(Pss::new_with_salt::<Sha384>(48), &hashed, signature),
        (_, Hash::Sha512) => key.verify(Pss::new_with_salt::<Sha512>(64), &hashed, signature),
    };
    result.is_ok()
}

fn verify_ecdsa(curve: EcCurve, point: &[u8], message: &[u8], signature: &[u8]) -> bool {
    match curve {
        EcCurve::P256 => {
            let (Ok(key), Ok(sig)) = (
                p256::ecdsa::VerifyingKey::from_sec1_bytes(point),
                p256::ecdsa::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify(message, &sig).is_ok()
        }
        EcCurve::P384 => {
            let (Ok(key), Ok(sig)) = (
                p384::ecdsa::VerifyingKey::from_sec1_bytes(point),
                p384::ecdsa::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify(message, &sig).is_ok()
        }
        EcCurve::P521 => {
            let (Ok(key), Ok(sig)) = (
                p521::ecdsa::VerifyingKey::from_sec1_bytes(point),
                p521::ecdsa::Signature::from_slice(signature),
            ) else {
                return false;
            };
            key.verify(message, &sig).is_ok()
        }
        EcCurve::Secp256k1 => false,
    }
}

fn verify_ed25519(x: &[u8], message: &[u8], signature: &[u8]) -> bool {
    let (Ok(x), Ok(sig)) = (<[u8; 32]>::try_from(x), <[u8; 64]>::try_from(signature)) else {
        return false;
    };
    let Ok(key) = ed25519_dalek::VerifyingKey::from_bytes(&x) else {
        return false;
    };
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&sig))
        .is_ok()
}
