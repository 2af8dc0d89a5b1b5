//! HMAC signatures: the verdict vocabulary, constant-time verification and signing.

use hmac::{Hmac, Mac};
use serde::Serialize;
use sha2::{Sha256, Sha384, Sha512};

use crate::b64url;
use crate::secret::SecretInput;
use crate::token::{Decoded, Form};

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

/// The fixed verdict vocabulary the UI and scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The MAC computed with the secret equals the signature.
    Valid,
    /// The MAC was computed and differs.
    Invalid,
    /// The signature has a length this algorithm never produces.
    WrongLength,
    /// `alg: none`: the token is not signed at all.
    Unsigned,
    /// An algorithm this inspector cannot check (RS, PS, ES, EdDSA or unknown).
    UnsupportedAlg,
    /// An HMAC token, but no secret was given.
    NoSecret,
    /// The secret is not valid in its chosen encoding.
    BadSecret,
    /// The header has no `alg`, or it is not a string.
    AlgMissing,
    /// The header names `alg` more than once.
    AmbiguousAlg,
    /// `crit` lists an extension this inspector does not implement.
    UnsupportedCrit,
    /// The token's structure prevents checking.
    NotEvaluated,
    /// An encrypted JWE: there is no signature to check.
    NotApplicable,
}

impl Verdict {
    /// The stable code (`data-status`).
    pub fn code(self) -> &'static str {
        match self {
            Verdict::Valid => "valid",
            Verdict::Invalid => "invalid",
            Verdict::WrongLength => "wrong-length",
            Verdict::Unsigned => "unsigned",
            Verdict::UnsupportedAlg => "unsupported-alg",
            Verdict::NoSecret => "no-secret",
            Verdict::BadSecret => "bad-secret",
            Verdict::AlgMissing => "alg-missing",
            Verdict::AmbiguousAlg => "ambiguous-alg",
            Verdict::UnsupportedCrit => "unsupported-crit",
            Verdict::NotEvaluated => "not-evaluated",
            Verdict::NotApplicable => "not-applicable",
        }
    }

    /// A short headline for people.
    pub fn headline(self) -> &'static str {
        match self {
            Verdict::Valid => "Signature verified",
            Verdict::Invalid => "Invalid signature",
            Verdict::WrongLength => "Signature has the wrong length",
            Verdict::Unsigned => "Not signed (alg: none)",
            Verdict::UnsupportedAlg => "Algorithm not checked here",
            Verdict::NoSecret => "Enter the secret to verify",
            Verdict::BadSecret => "The secret is not valid",
            Verdict::AlgMissing => "No usable 'alg' in the header",
            Verdict::AmbiguousAlg => "Ambiguous: 'alg' appears twice",
            Verdict::UnsupportedCrit => "Unsupported critical extension",
            Verdict::NotEvaluated => "Cannot check: the token is malformed",
            Verdict::NotApplicable => "Encrypted token: no signature to check",
        }
    }
}

/// The outcome of checking a token's signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SignatureCheck {
    /// The verdict.
    pub verdict: Verdict,
    /// The header's `alg` value, when it is a string.
    pub alg: Option<String>,
    /// What the verdict means for this token, in plain words.
    pub message: String,
    /// For `invalid`: the base64url signature the given secret would produce.
    pub expected_signature: Option<String>,
    /// Length of the decoded key in bytes, when a secret was given and decoded.
    pub key_len: Option<usize>,
}

const ASYMMETRIC: &[(&str, &str)] = &[
    ("RS", "an RSA PKCS#1 v1.5 signature"),
    ("PS", "an RSA-PSS signature"),
    ("ES", "an ECDSA signature"),
    ("EdDSA", "an EdDSA signature"),
    ("Ed25519", "an Ed25519 signature"),
    ("Ed448", "an Ed448 signature"),
];

fn unsupported_message(alg: &str) -> String {
    if let Some((_, what)) = ASYMMETRIC.iter().find(|(p, _)| {
        alg.starts_with(p) && alg[p.len()..].chars().all(|c| c.is_ascii_alphanumeric())
    }) {
        return format!(
            "{alg} is {what}, checked with the issuer's public key. This inspector verifies HMAC (HS256, HS384, HS512) only, so the signature of this token is not checked: it is neither valid nor invalid here."
        );
    }
    let trimmed = alg.trim();
    if trimmed.eq_ignore_ascii_case("none") {
        return format!(
            "'{alg}' is not the registered 'none' (names are case-sensitive and exact). A library that accepts it as 'none' is vulnerable; one that does not will reject the token."
        );
    }
    if let Some(h) = HmacAlg::ALL
        .into_iter()
        .find(|h| h.name().eq_ignore_ascii_case(trimmed))
    {
        return format!(
            "'{alg}' is not a registered algorithm name; names are case-sensitive and exact (did you mean {}?). Conforming libraries reject this token.",
            h.name()
        );
    }
    format!("'{alg}' is not an algorithm this inspector knows, so the signature is not checked.")
}

/// The header's `alg` if the token is a JWS with an HMAC algorithm named exactly.
pub fn hmac_alg_of(decoded: &Decoded) -> Option<HmacAlg> {
    let alg = decoded.header.as_ref()?.value.get("alg")?.as_str()?;
    HmacAlg::from_name(alg)
}

/// Checks the signature of a decoded token with an optional secret.
pub fn check(decoded: &Decoded, secret: Option<&SecretInput>) -> SignatureCheck {
    let header = decoded.header.as_ref().and_then(|h| h.value.as_object());
    let alg = header
        .and_then(|h| h.get("alg"))
        .and_then(|a| a.as_str())
        .map(str::to_string);
    let result = |verdict: Verdict, message: String| SignatureCheck {
        verdict,
        alg: alg.clone(),
        message,
        expected_signature: None,
        key_len: None,
    };
    if decoded.form == Form::Jwe && decoded.is_well_formed() {
        return result(
            Verdict::NotApplicable,
            "This is an encrypted JWE: its content is protected by encryption, not by a signature, and needs the recipient's key to decrypt.".into(),
        );
    }
    let (Some(header_doc), Some(header), true) =
        (&decoded.header, header, decoded.is_well_formed())
    else {
        return result(
            Verdict::NotEvaluated,
            "The token could not be decoded, so its signature cannot be checked. Fix the error shown above first.".into(),
        );
    };
    if header_doc
        .duplicates
        .iter()
        .any(|d| d.path.is_empty() && d.name == "alg")
    {
        return result(
            Verdict::AmbiguousAlg,
            "The header names 'alg' more than once. Libraries disagree about which one wins, which is exactly how signature checks get bypassed; such a token must be rejected.".into(),
        );
    }
    let Some(alg_name) = alg.as_deref() else {
        let message = match header.get("alg") {
            None => "The header has no 'alg', so there is no algorithm to verify with. RFC 7515 requires it.".to_string(),
            Some(v) => format!(
                "The header's 'alg' is {}, not a string, so there is no algorithm to verify with.",
                crate::json::type_name(v)
            ),
        };
        return result(Verdict::AlgMissing, message);
    };
    if alg_name == "none" {
        return result(
            Verdict::Unsigned,
            "alg is 'none': the token carries no signature, so anyone can forge or change it. Servers must never accept it where a signed token is expected.".into(),
        );
    }
    let Some(hmac_alg) = HmacAlg::from_name(alg_name) else {
        return result(Verdict::UnsupportedAlg, unsupported_message(alg_name));
    };
    if let Some(crit) = header.get("crit") {
        if crit.as_array().is_some_and(Vec::is_empty) {
            return result(
                Verdict::UnsupportedCrit,
                "The header's 'crit' is an empty list, which RFC 7515 §4.1.11 forbids; a conforming library rejects this token.".into(),
            );
        }
        let names = crit
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|v| {
                        v.as_str()
                            .map_or_else(|| v.to_string(), |s| format!("'{s}'"))
                    })
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .unwrap_or_else(|| crit.to_string());
        return result(
            Verdict::UnsupportedCrit,
            format!(
                "The header marks extension(s) {names} as critical ('crit'). RFC 7515 §4.1.11 requires rejecting a token whose critical extensions are not understood, and this inspector implements none, so it does not verify it."
            ),
        );
    }
    let signature = decoded.signature.as_deref().unwrap_or_default();
    if signature.len() != hmac_alg.output_len() {
        let hint = match HmacAlg::from_output_len(signature.len()) {
            Some(other) => format!(
                " That is the length of an {} signature: the 'alg' label may not match the algorithm actually used.",
                other.name()
            ),
            None => String::new(),
        };
        return result(
            Verdict::WrongLength,
            format!(
                "The signature is {} bytes, but {} always produces {} bytes, so it cannot be valid.{hint}",
                signature.len(),
                hmac_alg.name(),
                hmac_alg.output_len()
            ),
        );
    }
    let Some(secret) = secret.filter(|s| !s.is_empty()) else {
        return result(
            Verdict::NoSecret,
            format!(
                "This token is signed with {}, a shared-secret HMAC. Enter the secret to check it.",
                hmac_alg.name()
            ),
        );
    };
    let key = match secret.decode() {
        Ok(key) => key,
        Err(e) => {
            return result(
                Verdict::BadSecret,
                format!(
                    "The secret is not valid {}: {}.",
                    e.encoding.label(),
                    e.message
                ),
            )
        }
    };
    let message = decoded.signing_input().unwrap_or_default().as_bytes();
    let mut check = if hmac_alg.verify(&key, message, signature) {
        result(
            Verdict::Valid,
            format!(
                "The {} signature matches: whoever made this token knew this secret, and header and payload are unchanged since.",
                hmac_alg.name()
            ),
        )
    } else if decoded.payload == crate::token::Payload::Detached {
        // An empty payload segment is either an empty payload (which did not match) or detached
        // content (RFC 7515 Appendix F), which cannot be checked without that content.
        result(
            Verdict::NotEvaluated,
            "The payload segment is empty and the signature does not match an empty payload: the content is probably detached (RFC 7515 Appendix F) and travels separately. The signature covers that content, so it cannot be checked from this token alone.".into(),
        )
    } else {
        let mut r = result(
            Verdict::Invalid,
            "The signature does not match this secret: either the secret (or its encoding) is wrong, or the header or payload was changed after signing.".into(),
        );
        r.expected_signature = Some(b64url::encode(&hmac_alg.mac(&key, message)));
        r
    };
    check.key_len = Some(key.len());
    check
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
    let header: serde_json::Value =
        serde_json::from_str(header_json).map_err(|e| SignError::HeaderNotObject(e.to_string()))?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::secret::SecretEncoding;
    use crate::token::decode;

    fn verdict(token: &str, secret: Option<&str>) -> SignatureCheck {
        let secret = secret.map(SecretInput::utf8);
        check(&decode(token), secret.as_ref())
    }

    fn token(header: &str, payload: &str, key: &str) -> String {
        sign(header, payload, key.as_bytes()).unwrap()
    }

    #[test]
    fn sign_then_verify_each_algorithm() {
        for alg in HmacAlg::ALL {
            let t = token(
                &format!(r#"{{"alg":"{}"}}"#, alg.name()),
                r#"{"sub":"1"}"#,
                "k",
            );
            assert_eq!(
                verdict(&t, Some("k")).verdict,
                Verdict::Valid,
                "{}",
                alg.name()
            );
            let wrong = verdict(&t, Some("j"));
            assert_eq!(wrong.verdict, Verdict::Invalid);
            let expected = sign(
                &format!(r#"{{"alg":"{}"}}"#, alg.name()),
                r#"{"sub":"1"}"#,
                b"j",
            )
            .unwrap();
            assert_eq!(
                wrong.expected_signature.as_deref(),
                expected.rsplit('.').next()
            );
        }
    }

    #[test]
    fn no_secret_and_bad_secret() {
        let t = token(r#"{"alg":"HS256"}"#, "{}", "k");
        assert_eq!(verdict(&t, None).verdict, Verdict::NoSecret);
        assert_eq!(verdict(&t, Some("")).verdict, Verdict::NoSecret);
        let bad = SecretInput::new("zz", SecretEncoding::Hex);
        let r = check(&decode(&t), Some(&bad));
        assert_eq!(r.verdict, Verdict::BadSecret);
        assert!(r.message.contains("hex"), "{}", r.message);
    }

    #[test]
    fn alg_none_is_unsigned_never_valid() {
        let t = format!("{}.e30.", b64url::encode(br#"{"alg":"none"}"#));
        assert_eq!(verdict(&t, Some("anything")).verdict, Verdict::Unsigned);
    }

    #[test]
    fn odd_none_and_hs_spellings_are_unsupported() {
        for alg in ["NONE", "none ", "hs256", "None"] {
            let t = format!(
                "{}.e30.",
                b64url::encode(format!(r#"{{"alg":"{alg}"}}"#).as_bytes())
            );
            let r = verdict(&t, Some("k"));
            assert_eq!(r.verdict, Verdict::UnsupportedAlg, "{alg}");
            assert!(r.message.contains("case-sensitive"), "{}", r.message);
        }
    }

    #[test]
    fn asymmetric_algorithms_are_named() {
        let t = format!("{}.e30.AAAA", b64url::encode(br#"{"alg":"RS256"}"#));
        let r = verdict(&t, Some("k"));
        assert_eq!(r.verdict, Verdict::UnsupportedAlg);
        assert!(r.message.contains("RSA"), "{}", r.message);
        assert!(r.message.contains("neither valid nor invalid"));
    }

    #[test]
    fn missing_or_non_string_alg() {
        for header in [r#"{"typ":"JWT"}"#, r#"{"alg":256}"#] {
            let t = format!("{}.e30.", b64url::encode(header.as_bytes()));
            assert_eq!(
                verdict(&t, Some("k")).verdict,
                Verdict::AlgMissing,
                "{header}"
            );
        }
    }

    #[test]
    fn duplicate_alg_is_ambiguous() {
        let t = format!(
            "{}.e30.",
            b64url::encode(br#"{"alg":"HS256","alg":"none"}"#)
        );
        assert_eq!(verdict(&t, Some("k")).verdict, Verdict::AmbiguousAlg);
    }

    #[test]
    fn crit_is_unsupported() {
        let t = token(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#, "{}", "k");
        let r = verdict(&t, Some("k"));
        assert_eq!(r.verdict, Verdict::UnsupportedCrit);
        assert!(r.message.contains("'exp'"));
    }

    #[test]
    fn wrong_length_names_the_likely_algorithm() {
        let t = token(r#"{"alg":"HS256"}"#, "{}", "k");
        let relabelled = format!(
            "{}.{}",
            b64url::encode(br#"{"alg":"HS384"}"#),
            t.split_once('.').unwrap().1
        );
        let r = verdict(&relabelled, Some("k"));
        assert_eq!(r.verdict, Verdict::WrongLength);
        assert!(r.message.contains("HS256"), "{}", r.message);
    }

    #[test]
    fn malformed_and_encrypted_tokens() {
        assert_eq!(verdict("a.b", Some("k")).verdict, Verdict::NotEvaluated);
        let jwe = format!(
            "{}.AAAA.AAAA.AAAA.AAAA",
            b64url::encode(br#"{"alg":"dir","enc":"A128GCM"}"#)
        );
        assert_eq!(verdict(&jwe, Some("k")).verdict, Verdict::NotApplicable);
    }

    #[test]
    fn tampered_payload_is_invalid() {
        let t = token(r#"{"alg":"HS256"}"#, r#"{"admin":false}"#, "k");
        let parts: Vec<&str> = t.split('.').collect();
        let forged = format!(
            "{}.{}.{}",
            parts[0],
            b64url::encode(br#"{"admin":true}"#),
            parts[2]
        );
        assert_eq!(verdict(&forged, Some("k")).verdict, Verdict::Invalid);
    }

    #[test]
    fn sign_rejects_what_it_cannot_sign() {
        assert!(matches!(
            sign("[]", "{}", b"k"),
            Err(SignError::HeaderNotObject(_))
        ));
        assert!(matches!(
            sign(r#"{"alg":"RS256"}"#, "{}", b"k"),
            Err(SignError::UnsupportedAlg(_))
        ));
        assert!(sign("{", "{}", b"k")
            .unwrap_err()
            .to_string()
            .contains("JSON object"));
    }

    #[test]
    fn find_secret_finds_the_matching_candidate() {
        let t = token(r#"{"alg":"HS512"}"#, "{}", "secret");
        assert_eq!(
            find_secret(&decode(&t), ["a", "secret", "b"]),
            Some("secret")
        );
        assert_eq!(find_secret(&decode(&t), ["a", "b"]), None);
    }

    #[test]
    fn rfc7515_a1_key_in_base64url() {
        let key = "AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow";
        let t = "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
        let s = SecretInput::new(key, SecretEncoding::Base64url);
        let r = check(&decode(t), Some(&s));
        assert_eq!(r.verdict, Verdict::Valid);
        assert_eq!(r.key_len, Some(64));
    }
}
