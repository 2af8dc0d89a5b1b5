//! Public-key signatures (RSA PKCS#1 v1.5, RSA-PSS, ECDSA, Ed25519): the algorithms, whether a
//! key fits one, and the request a backend answers. The arithmetic is the backend's.

use serde::Serialize;

use super::{Outcome, SignatureCheck, Verdict};
use crate::keys::select::{self, Candidate, Refusal};
use crate::keys::{self, EcCurve, KeySet, OkpCurve, PublicKey};
use crate::token::{Decoded, Payload};

/// A public-key JWS algorithm this inspector verifies (RFC 7518 §3.3–3.5, RFC 8037, and the
/// fully specified `Ed25519` of RFC 9864).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum PublicAlg {
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    RS256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    RS384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    RS512,
    /// RSASSA-PSS with SHA-256, MGF1 with SHA-256, salt of 32 bytes.
    PS256,
    /// RSASSA-PSS with SHA-384, MGF1 with SHA-384, salt of 48 bytes.
    PS384,
    /// RSASSA-PSS with SHA-512, MGF1 with SHA-512, salt of 64 bytes.
    PS512,
    /// ECDSA on P-256 with SHA-256, signature r ‖ s.
    ES256,
    /// ECDSA on P-384 with SHA-384.
    ES384,
    /// ECDSA on P-521 with SHA-512.
    ES512,
    /// EdDSA (RFC 8037); checked here with Ed25519 keys only.
    EdDSA,
    /// Ed25519 named fully (RFC 9864).
    Ed25519,
}

/// The family of a public-key algorithm: how the signature is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Family {
    /// RSASSA-PKCS1-v1_5.
    RsaPkcs1,
    /// RSASSA-PSS.
    RsaPss,
    /// ECDSA with an r ‖ s signature.
    Ecdsa,
    /// Ed25519.
    Ed25519,
}

/// A hash function, named as WebCrypto names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Hash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// `SHA-256`, `SHA-384` or `SHA-512`.
    pub fn name(self) -> &'static str {
        match self {
            Hash::Sha256 => "SHA-256",
            Hash::Sha384 => "SHA-384",
            Hash::Sha512 => "SHA-512",
        }
    }

    /// Output length in bytes (also the PSS salt length JWS uses).
    pub fn output_len(self) -> usize {
        match self {
            Hash::Sha256 => 32,
            Hash::Sha384 => 48,
            Hash::Sha512 => 64,
        }
    }
}

impl PublicAlg {
    /// Every algorithm.
    pub const ALL: [PublicAlg; 11] = [
        PublicAlg::RS256,
        PublicAlg::RS384,
        PublicAlg::RS512,
        PublicAlg::PS256,
        PublicAlg::PS384,
        PublicAlg::PS512,
        PublicAlg::ES256,
        PublicAlg::ES384,
        PublicAlg::ES512,
        PublicAlg::EdDSA,
        PublicAlg::Ed25519,
    ];

    /// The algorithm named exactly by `alg`.
    pub fn from_name(alg: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == alg)
    }

    /// The JOSE name.
    pub fn name(self) -> &'static str {
        match self {
            PublicAlg::RS256 => "RS256",
            PublicAlg::RS384 => "RS384",
            PublicAlg::RS512 => "RS512",
            PublicAlg::PS256 => "PS256",
            PublicAlg::PS384 => "PS384",
            PublicAlg::PS512 => "PS512",
            PublicAlg::ES256 => "ES256",
            PublicAlg::ES384 => "ES384",
            PublicAlg::ES512 => "ES512",
            PublicAlg::EdDSA => "EdDSA",
            PublicAlg::Ed25519 => "Ed25519",
        }
    }

    /// How the signature is made.
    pub fn family(self) -> Family {
        match self {
            PublicAlg::RS256 | PublicAlg::RS384 | PublicAlg::RS512 => Family::RsaPkcs1,
            PublicAlg::PS256 | PublicAlg::PS384 | PublicAlg::PS512 => Family::RsaPss,
            PublicAlg::ES256 | PublicAlg::ES384 | PublicAlg::ES512 => Family::Ecdsa,
            PublicAlg::EdDSA | PublicAlg::Ed25519 => Family::Ed25519,
        }
    }

    /// The hash, for RSA and ECDSA (Ed25519 hashes internally).
    pub fn hash(self) -> Option<Hash> {
        match self {
            PublicAlg::RS256 | PublicAlg::PS256 | PublicAlg::ES256 => Some(Hash::Sha256),
            PublicAlg::RS384 | PublicAlg::PS384 | PublicAlg::ES384 => Some(Hash::Sha384),
            PublicAlg::RS512 | PublicAlg::PS512 | PublicAlg::ES512 => Some(Hash::Sha512),
            PublicAlg::EdDSA | PublicAlg::Ed25519 => None,
        }
    }

    /// The curve an ECDSA algorithm requires.
    pub fn curve(self) -> Option<EcCurve> {
        match self {
            PublicAlg::ES256 => Some(EcCurve::P256),
            PublicAlg::ES384 => Some(EcCurve::P384),
            PublicAlg::ES512 => Some(EcCurve::P521),
            _ => None,
        }
    }

    /// The signature length this algorithm always produces, when the key does not decide it
    /// (ECDSA: twice the coordinate length; Ed25519: 64 bytes).
    pub fn fixed_signature_len(self) -> Option<usize> {
        match self.family() {
            Family::Ecdsa => self.curve().map(|c| 2 * c.coordinate_len()),
            Family::Ed25519 => Some(64),
            Family::RsaPkcs1 | Family::RsaPss => None,
        }
    }

    /// The WebCrypto algorithm name: `RSASSA-PKCS1-v1_5`, `RSA-PSS`, `ECDSA` or `Ed25519`. With
    /// it go [`PublicAlg::hash`] (for RSA and ECDSA), the PSS salt length (the hash length) and
    /// the ECDSA `namedCurve` ([`PublicAlg::curve`]).
    pub fn webcrypto_name(self) -> &'static str {
        match self.family() {
            Family::RsaPkcs1 => "RSASSA-PKCS1-v1_5",
            Family::RsaPss => "RSA-PSS",
            Family::Ecdsa => "ECDSA",
            Family::Ed25519 => "Ed25519",
        }
    }

    /// A short name of the scheme, for messages.
    pub fn scheme(self) -> &'static str {
        match self.family() {
            Family::RsaPkcs1 => "an RSA PKCS#1 v1.5 signature",
            Family::RsaPss => "an RSA-PSS signature",
            Family::Ecdsa => "an ECDSA signature",
            Family::Ed25519 => "an Ed25519 signature",
        }
    }

    /// The key this algorithm needs, in words: "an RSA key", "an EC P-256 key", "an Ed25519 key
    /// (OKP)".
    pub fn wanted_key(self) -> &'static str {
        match self.family() {
            Family::RsaPkcs1 | Family::RsaPss => "an RSA key",
            Family::Ecdsa => match self.curve() {
                Some(EcCurve::P256) => "an EC P-256 key",
                Some(EcCurve::P384) => "an EC P-384 key",
                _ => "an EC P-521 key",
            },
            Family::Ed25519 => "an Ed25519 key (OKP)",
        }
    }

    /// Whether `key` can check this algorithm: `Ok`, or why not.
    pub fn fits(self, key: &PublicKey) -> Result<(), Misfit> {
        let kind = key.kind_words();
        let wanted = self.wanted_key();
        let fits = match (self.family(), key) {
            (Family::RsaPkcs1 | Family::RsaPss, PublicKey::Rsa { .. }) => true,
            (Family::Ecdsa, PublicKey::Ec { curve, .. }) => Some(*curve) == self.curve(),
            (Family::Ed25519, PublicKey::Okp { curve, .. }) => {
                if *curve == OkpCurve::Ed448 && self == PublicAlg::EdDSA {
                    return Err(Misfit::Unsupported(
                        "EdDSA with an Ed448 key is not checked here: browsers verify Ed25519 only, so the signature is neither valid nor invalid here".into(),
                    ));
                }
                *curve == OkpCurve::Ed25519
            }
            _ => false,
        };
        if fits {
            Ok(())
        } else {
            Err(Misfit::Mismatch(format!(
                "the token is signed with {}, which needs {wanted}, but the key is an {kind} key",
                self.name()
            )))
        }
    }
}

/// Why a key cannot check an algorithm.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Misfit {
    /// The key is of another type or curve.
    Mismatch(String),
    /// The combination is valid but not checked here (EdDSA with Ed448).
    Unsupported(String),
}

/// Algorithms this inspector recognises but cannot check, and what they are.
pub(super) const RECOGNISED_UNCHECKED: &[(&str, &str)] = &[
    ("ES256K", "ECDSA on secp256k1 (RFC 8812)"),
    ("Ed448", "Ed448 (RFC 9864)"),
    (
        "RS1",
        "RSA PKCS#1 v1.5 with SHA-1 (deprecated, WebAuthn only)",
    ),
];

/// What the verifier must do: the algorithm, the keys to try in order, and the bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyRequest {
    /// The algorithm.
    pub alg: PublicAlg,
    /// Keys to try, in order; the first that verifies decides.
    pub candidates: Vec<Candidate>,
    /// The ASCII text the signature covers (`header.payload`).
    pub signing_input: String,
    /// The signature bytes (r ‖ s for ECDSA).
    pub signature: Vec<u8>,
    /// Remarks to pass on, e.g. the other certificates of a chain.
    pub notes: Vec<String>,
    /// The number of keys in a JWKS, when the key came from one.
    pub set_size: Option<usize>,
    /// True when the payload segment is empty (it may be detached content).
    pub empty_payload: bool,
}

/// Plans the check of a public-key token with pasted key text, or the token's own key.
pub(super) fn plan(
    decoded: &Decoded,
    alg: PublicAlg,
    keys: Result<KeySet, keys::KeyError>,
    out: &Outcome,
) -> Result<VerifyRequest, SignatureCheck> {
    let signature = decoded.signature.clone().unwrap_or_default();
    let keys = keys.map_err(|e| out.verdict(Verdict::BadKey, bad_key_message(&e)))?;
    let kid = decoded
        .header
        .as_ref()
        .and_then(|h| h.value.get("kid"))
        .and_then(|k| k.as_str());
    let choice = select::choose(&keys, alg, kid).map_err(|r| match r {
        Refusal::KidNotFound(m) => out.verdict(Verdict::KidNotFound, m),
        Refusal::KeyMismatch(m) => out.verdict(Verdict::KeyMismatch, m),
        Refusal::Unsupported(m) => out.verdict(Verdict::UnsupportedAlg, m),
        Refusal::BadKey(e) => out.verdict(Verdict::BadKey, bad_key_message(&e)),
    })?;
    // RSA: the signature is exactly as long as the modulus. Keys of other lengths are dropped
    // from the candidates; when none is left, the length is wrong for every key.
    let mut candidates = choice.candidates;
    let first_modulus = candidates.iter().find_map(|c| c.key.public.modulus_len());
    if let Some(modulus_len) = first_modulus {
        let fits = |c: &Candidate| c.key.public.modulus_len() == Some(signature.len());
        if !candidates.iter().any(fits) {
            let first = &candidates[0];
            let mut check = out.verdict(
                Verdict::WrongLength,
                format!(
                    "The signature is {} bytes, but {} with this {} key always produces {} bytes (the modulus length), so it cannot be valid.",
                    signature.len(),
                    alg.name(),
                    first.key.public.kind_words(),
                    modulus_len
                ),
            );
            check.key = Some(Box::new(super::summary(first, choice.set_size)));
            return Err(check);
        }
        candidates.retain(fits);
    }
    Ok(VerifyRequest {
        alg,
        candidates,
        signing_input: decoded.signing_input().unwrap_or_default().to_string(),
        signature,
        notes: keys.notes,
        set_size: choice.set_size,
        empty_payload: decoded.payload == Payload::Detached,
    })
}

fn bad_key_message(e: &keys::KeyError) -> String {
    match e.kind {
        keys::KeyErrorKind::PrivateKey => format!("The key cannot be used: {e}."),
        _ => format!("The key cannot be read: {e}."),
    }
}
