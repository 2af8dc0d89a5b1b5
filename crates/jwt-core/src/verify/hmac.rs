//! HMAC signatures (HS256/384/512): constant-time verification, "try all" secret encodings,
//! signing, and the search for a secret that verifies.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Sha256, Sha384, Sha512};

use super::{Outcome, SignatureCheck, Verdict, EMPTY_PAYLOAD_NOTE};
use crate::b64url;
use crate::secret::{SecretEncoding, SecretInput};
use crate::token::{Decoded, Payload};

/// An HMAC algorithm this inspector verifies (RFC 7518 §3.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum HmacAlg {
    /// HMAC with SHA-256.
    HS256,
    /// HMAC with SHA-384.
    HS384,
    /// HMAC with SHA-512.
    HS512,
}

impl HmacAlg {
    /// Every supported algorithm.
    pub const ALL: [HmacAlg; 3] = [HmacAlg::HS256, HmacAlg::HS384, HmacAlg::HS512];

    /// The algorithm named exactly (case-sensitive, as RFC 7515 requires) by `alg`.
    pub fn from_name(alg: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.name() == alg)
    }

    /// The JOSE name, e.g. `HS256`.
    pub fn name(self) -> &'static str {
        match self {
            HmacAlg::HS256 => "HS256",
            HmacAlg::HS384 => "HS384",
            HmacAlg::HS512 => "HS512",
        }
    }

    /// The MAC length in bytes, which is also the minimum key length RFC 7518 §3.2 asks for.
    pub fn output_len(self) -> usize {
        match self {
            HmacAlg::HS256 => 32,
            HmacAlg::HS384 => 48,
            HmacAlg::HS512 => 64,
        }
    }

    /// The algorithm whose MAC has `len` bytes.
    pub fn from_output_len(len: usize) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.output_len() == len)
    }

    /// Computes the MAC of `message` under `key`.
    pub fn mac(self, key: &[u8], message: &[u8]) -> Vec<u8> {
        match self {
            HmacAlg::HS256 => mac::<Hmac<Sha256>>(key, message),
            HmacAlg::HS384 => mac::<Hmac<Sha384>>(key, message),
            HmacAlg::HS512 => mac::<Hmac<Sha512>>(key, message),
        }
    }

    /// Checks `tag` against the MAC of `message` in constant time.
    pub fn verify(self, key: &[u8], message: &[u8], tag: &[u8]) -> bool {
        match self {
            HmacAlg::HS256 => verify::<Hmac<Sha256>>(key, message, tag),
            HmacAlg::HS384 => verify::<Hmac<Sha384>>(key, message, tag),
            HmacAlg::HS512 => verify::<Hmac<Sha512>>(key, message, tag),
        }
    }
}

fn keyed<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8]) -> M {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut m = <M as hmac::digest::KeyInit>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC takes keys of any size"));
    m.update(message);
    m
}

fn mac<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8]) -> Vec<u8> {
    keyed::<M>(key, message).finalize().into_bytes().to_vec()
}

fn verify<M: Mac + hmac::digest::KeyInit>(key: &[u8], message: &[u8], tag: &[u8]) -> bool {
    keyed::<M>(key, message).verify_slice(tag).is_ok()
}

/// The header's `alg` if the token is a JWS with an HMAC algorithm named exactly.
pub fn hmac_alg_of(decoded: &Decoded) -> Option<HmacAlg> {
    let alg = decoded.header.as_ref()?.value.get("alg")?.as_str()?;
    HmacAlg::from_name(alg)
}

/// Checks an HMAC token (whose header passed the common checks) with an optional secret.
pub(super) fn check(
    decoded: &Decoded,
    alg: HmacAlg,
    secret: Option<&SecretInput>,
    out: &Outcome,
) -> SignatureCheck {
    let signature = decoded.signature.as_deref().unwrap_or_default();
    if signature.len() != alg.output_len() {
        let hint = match HmacAlg::from_output_len(signature.len()) {
            Some(other) => format!(
                " That is the length of an {} signature: the 'alg' label may not match the algorithm actually used.",
                other.name()
            ),
            None => String::new(),
        };
        return out.verdict(
            Verdict::WrongLength,
            format!(
                "The signature is {} bytes, but {} always produces {} bytes, so it cannot be valid.{hint}",
                signature.len(),
                alg.name(),
                alg.output_len()
            ),
        );
    }
    let Some(secret) = secret.filter(|s| !s.is_empty()) else {
        return out.verdict(
            Verdict::NoSecret,
            format!(
                "This token is signed with {}, a shared-secret HMAC. Enter the secret to check it.",
                alg.name()
            ),
        );
    };
    let message = decoded.signing_input().unwrap_or_default().as_bytes();
    let empty_payload = decoded.payload == Payload::Detached;
    if secret.encoding == SecretEncoding::Auto {
        return try_all(alg, &secret.text, message, signature, empty_payload, out);
    }
    let key = match secret.decode() {
        Ok(key) => key,
        Err(e) => {
            return out.verdict(
                Verdict::BadSecret,
                format!(
                    "The secret is not valid {}: {}.",
                    e.encoding.label(),
                    e.message
                ),
            )
        }
    };
    let mut check = if alg.verify(&key, message, signature) {
        out.verdict(
            Verdict::Valid,
            format!(
                "The {} signature matches: whoever made this token knew this secret, and header and payload are unchanged since.",
                alg.name()
            ),
        )
    } else {
        let mut r = out.verdict(
            Verdict::Invalid,
            "The signature does not match this secret: either the secret (or its encoding) is wrong, or the header or payload was changed after signing.",
        );
        r.expected_signature = Some(b64url::encode(&alg.mac(&key, message)));
        r
    };
    if empty_payload {
        check.message.push_str(EMPTY_PAYLOAD_NOTE);
    }
    check.key_len = Some(key.len());
    check.secret_encoding = Some(secret.encoding);
    check
}

/// "Try all": reads the secret as UTF-8, base64, base64url and hex, and names the reading whose
/// MAC matches.
fn try_all(
    alg: HmacAlg,
    text: &str,
    message: &[u8],
    signature: &[u8],
    empty_payload: bool,
    out: &Outcome,
) -> SignatureCheck {
    let mut tried = Vec::new();
    for encoding in SecretEncoding::ALL {
        let Ok(key) = crate::secret::decode(text, encoding) else {
            tried.push(format!(
                "{} (not valid {})",
                encoding.label(),
                encoding.label()
            ));
            continue;
        };
        if alg.verify(&key, message, signature) {
            let mut check = out.verdict(
                Verdict::Valid,
                format!(
                    "The {} signature matches with the secret read as {}: whoever made this token knew this secret, and header and payload are unchanged since.",
                    alg.name(),
                    encoding.label()
                ),
            );
            if empty_payload {
                check.message.push_str(EMPTY_PAYLOAD_NOTE);
            }
            check.key_len = Some(key.len());
            check.secret_encoding = Some(encoding);
            return check;
        }
        tried.push(encoding.label().to_string());
    }
    let key = text.as_bytes();
    let mut check = out.verdict(
        Verdict::Invalid,
        format!(
            "No reading of the secret produces this signature; tried {}. Either the secret is wrong, or the header or payload was changed after signing. The expected signature shown is for the secret as UTF-8 text.",
            tried.join(", ")
        ),
    );
    if empty_payload {
        check.message.push_str(EMPTY_PAYLOAD_NOTE);
    }
    check.expected_signature = Some(b64url::encode(&alg.mac(key, message)));
    check.key_len = Some(key.len());
    check
}

/// An HMAC token checked with public-key text: the RS→HS key-confusion attack (RFC 8725 §2.1)
/// signs with the public key's text as the HMAC secret, so that text is tried exactly as given,
/// trimmed, and trimmed with one final newline.
pub(super) fn check_with_public_key(
    decoded: &Decoded,
    alg: HmacAlg,
    text: &str,
    out: &Outcome,
) -> SignatureCheck {
    let signature = decoded.signature.as_deref().unwrap_or_default();
    let message = decoded.signing_input().unwrap_or_default().as_bytes();
    let trimmed = text.trim();
    let variants = [
        text.to_string(),
        trimmed.to_string(),
        format!("{trimmed}\n"),
    ];
    if signature.len() == alg.output_len()
        && variants
            .iter()
            .any(|v| alg.verify(v.as_bytes(), message, signature))
    {
        let mut check = out.verdict(
            Verdict::Valid,
            format!(
                "The {} MAC matches the public key's text used as an HMAC secret. This is the key-confusion attack (RFC 8725 §2.1): anyone who has the public key can make such a token, and a server that accepts it treats its public key as a shared secret.",
                alg.name()
            ),
        );
        check.key_len = Some(text.len());
        return check;
    }
    out.verdict(
        Verdict::KeyMismatch,
        format!(
            "This token is signed with {}, a shared-secret HMAC, and a public key is not an HMAC secret. Enter the secret instead. (The MAC does not match the key's text used as a secret either, which is what the key-confusion attack does.)",
            alg.name()
        ),
    )
}

/// Why a token could not be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// The header is not a JSON object.
    HeaderNotObject(String),
    /// The header's `alg` is not HS256, HS384 or HS512.
    UnsupportedAlg(String),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::HeaderNotObject(why) => write!(f, "the header must be a JSON object: {why}"),
            SignError::UnsupportedAlg(alg) => write!(
                f,
                "cannot sign with alg '{alg}': only HS256, HS384 and HS512 are supported"
            ),
        }
    }
}

/// Signs `payload` (any text, usually JSON) with the HMAC named by `header_json`'s `alg`.
///
/// Header and payload are encoded exactly as given, so spacing and member order are kept.
pub fn sign(header_json: &str, payload: &str, key: &[u8]) -> Result<String, SignError> {
    let header = crate::json::parse(header_json.as_bytes())
        .map_err(|e| SignError::HeaderNotObject(format!("byte {}: {}", e.position(), e.message())))?
        .value;
    let alg = header
        .as_object()
        .ok_or_else(|| {
            SignError::HeaderNotObject(format!("it is {}", crate::json::type_name(&header)))
        })?
        .get("alg")
        .and_then(|a| a.as_str())
        .unwrap_or_default();
    let hmac_alg =
        HmacAlg::from_name(alg).ok_or_else(|| SignError::UnsupportedAlg(alg.to_string()))?;
    let signing_input = format!(
        "{}.{}",
        b64url::encode(header_json.as_bytes()),
        b64url::encode(payload.as_bytes())
    );
    let signature = b64url::encode(&hmac_alg.mac(key, signing_input.as_bytes()));
    Ok(format!("{signing_input}.{signature}"))
}

/// The first candidate secret (UTF-8) that verifies the token, if any.
pub fn find_secret<'a>(
    decoded: &Decoded,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let alg = hmac_alg_of(decoded)?;
    let signature = decoded.signature.as_deref()?;
    if !decoded.is_well_formed() || signature.len() != alg.output_len() {
        return None;
    }
    let message = decoded.signing_input()?.as_bytes();
    candidates
        .into_iter()
        .find(|c| alg.verify(c.as_bytes(), message, signature))
}
