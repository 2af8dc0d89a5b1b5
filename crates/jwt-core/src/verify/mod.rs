//! Signature checks: the verdict vocabulary, and the dispatch to HMAC (checked here) or to a
//! public-key algorithm (planned here, computed by a [`Backend`]).
//!
//! Public-key verification has two phases, because the browser's WebCrypto is asynchronous and
//! the core never calls out: [`plan`] reads the key, chooses it and checks everything but the
//! arithmetic, and either decides ([`Plan::Done`]) or asks for it ([`Plan::Verify`]); the caller
//! tries the request's candidates and hands the answer to [`conclude`]. [`check_with`] does both
//! with a synchronous [`Backend`] (the native one is the `jwt-crypto` crate).

pub mod hmac;
pub mod public;

use serde::Serialize;

use crate::keys::select::Candidate;
use crate::keys::{self, Certificate, KeyForm, KeyType};
use crate::secret::{SecretEncoding, SecretInput};
use crate::token::{Decoded, Form};

pub use hmac::{find_secret, hmac_alg_of, sign, HmacAlg, SignError};
pub use public::{Family, Hash, PublicAlg, VerifyRequest};

/// The fixed verdict vocabulary the UI and scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The signature verifies with the given secret or key.
    Valid,
    /// The signature was checked and does not verify.
    Invalid,
    /// The signature has a length this algorithm (and key) never produces.
    WrongLength,
    /// `alg: none`: the token is not signed at all.
    Unsigned,
    /// An algorithm this inspector cannot check (e.g. ES256K, Ed448, or unknown).
    UnsupportedAlg,
    /// An HMAC token, but no secret was given.
    NoSecret,
    /// The secret is not valid in its chosen encoding.
    BadSecret,
    /// A public-key token, but no key was given.
    NoKey,
    /// The key text cannot be read (or is a private key).
    BadKey,
    /// The key does not fit the algorithm (type or curve).
    KeyMismatch,
    /// The JWKS has no key with the token's `kid`.
    KidNotFound,
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
            Verdict::NoKey => "no-key",
            Verdict::BadKey => "bad-key",
            Verdict::KeyMismatch => "key-mismatch",
            Verdict::KidNotFound => "kid-not-found",
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
            Verdict::NoKey => "Paste the public key to verify",
            Verdict::BadKey => "The key cannot be read",
            Verdict::KeyMismatch => "The key does not fit the algorithm",
            Verdict::KidNotFound => "No key with the token's kid",
            Verdict::AlgMissing => "No usable 'alg' in the header",
            Verdict::AmbiguousAlg => "Ambiguous: 'alg' appears twice",
            Verdict::UnsupportedCrit => "Unsupported critical extension",
            Verdict::NotEvaluated => "Cannot check: the token is malformed",
            Verdict::NotApplicable => "Encrypted token: no signature to check",
        }
    }
}

/// What the public key used (or considered) is, for display and for the findings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeySummary {
    /// `rsa`, `ec` or `okp` (`data-key-type`).
    #[serde(rename = "type")]
    pub key_type: KeyType,
    /// RSA modulus bits, or the curve size.
    pub bits: u32,
    /// The curve of EC and OKP keys, e.g. `P-256`.
    pub curve: Option<&'static str>,
    /// Where the key was read from.
    pub form: KeyForm,
    /// The key's `kid`, when it has one (`data-kid`).
    pub kid: Option<String>,
    /// JWK `alg`.
    pub jwk_alg: Option<String>,
    /// JWK `use`.
    pub jwk_use: Option<String>,
    /// JWK `key_ops`.
    pub key_ops: Option<Vec<String>>,
    /// Subject, issuer and validity, for a key from a certificate.
    pub certificate: Option<Certificate>,
    /// What the key is, in words, e.g. "JWKS with 3 keys: chose kid 'k2' (RS256, use sig)".
    pub description: String,
    /// Why this key was chosen.
    pub reason: String,
    /// The number of keys in the JWKS it came from.
    pub set_size: Option<usize>,
    /// Its 1-based position in that JWKS.
    pub position: Option<usize>,
    /// True for the token's own `jwk` or `x5c`.
    pub from_token: bool,
}

/// The summary of a candidate key.
pub(crate) fn summary(c: &Candidate, set_size: Option<usize>) -> KeySummary {
    let key = &c.key;
    let description = match set_size {
        Some(n) => {
            let which = match (&key.kid, c.position) {
                (Some(kid), _) => format!("kid '{kid}'"),
                (None, Some(p)) => format!("key {p}"),
                (None, None) => "a key".to_string(),
            };
            let mut about = Vec::new();
            if let Some(a) = &key.alg {
                about.push(a.clone());
            }
            if let Some(u) = &key.key_use {
                about.push(format!("use {u}"));
            }
            if about.is_empty() {
                about.push(key.public.kind_words());
            }
            format!(
                "JWKS with {n} key{}: chose {which} ({})",
                if n == 1 { "" } else { "s" },
                about.join(", ")
            )
        }
        None => key.description(),
    };
    KeySummary {
        key_type: key.public.key_type(),
        bits: key.public.bits(),
        curve: key.public.curve(),
        form: key.form,
        kid: key.kid.clone(),
        jwk_alg: key.alg.clone(),
        jwk_use: key.key_use.clone(),
        key_ops: key.key_ops.clone(),
        certificate: key.certificate.clone(),
        description,
        reason: c.reason.clone(),
        set_size,
        position: c.position,
        from_token: key.form.from_token(),
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
    /// For an HMAC `invalid`: the base64url signature the given secret would produce.
    pub expected_signature: Option<String>,
    /// Length of the decoded HMAC key in bytes, when a secret was given and decoded.
    pub key_len: Option<usize>,
    /// The encoding of the secret that was used (with "try all", the one that matched).
    pub secret_encoding: Option<SecretEncoding>,
    /// The public key used or considered.
    pub key: Option<Box<KeySummary>>,
}

/// Builds checks that share the token's `alg`.
pub(crate) struct Outcome {
    alg: Option<String>,
}

impl Outcome {
    pub(crate) fn verdict(&self, verdict: Verdict, message: impl Into<String>) -> SignatureCheck {
        SignatureCheck {
            verdict,
            alg: self.alg.clone(),
            message: message.into(),
            expected_signature: None,
            key_len: None,
            secret_encoding: None,
            key: None,
        }
    }
}

/// What the user gave to check the signature with.
#[derive(Debug, Clone, Copy)]
pub enum KeyInput<'a> {
    /// An HMAC secret (for HS tokens).
    Secret(&'a SecretInput),
    /// Pasted public-key text: PEM, certificate, JWK, JWKS or base64 DER.
    PublicKey(&'a str),
    /// The user explicitly chose the key inside the token (header `jwk` or `x5c`).
    TokenKey,
}

/// The first phase's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Plan {
    /// Decided without any signature arithmetic.
    Done(SignatureCheck),
    /// A backend must try the candidates; then call [`conclude`].
    Verify(VerifyRequest),
}

/// Verifies public-key signatures. Implementations must not panic on any key or signature.
pub trait Backend {
    /// True when `signature` is a valid `alg` signature of `message` under `key`.
    fn verify(
        &self,
        alg: PublicAlg,
        key: &keys::PublicKey,
        message: &[u8],
        signature: &[u8],
    ) -> bool;
}

/// A backend that verifies nothing, for callers that only plan.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoBackend;

impl Backend for NoBackend {
    fn verify(&self, _: PublicAlg, _: &keys::PublicKey, _: &[u8], _: &[u8]) -> bool {
        false
    }
}

/// The header's algorithm, once the token is known to be checkable.
enum Alg {
    Hmac(HmacAlg),
    Public(PublicAlg),
}

/// First phase: decides what can be decided, or says what to verify. Never panics. Key text is
/// read in every form the core knows ([`keys::AllForms`]).
pub fn plan(decoded: &Decoded, key: Option<KeyInput<'_>>) -> Plan {
    plan_reading(decoded, key, &keys::AllForms)
}

/// [`plan`], with keys read by `reader`.
pub fn plan_reading(
    decoded: &Decoded,
    key: Option<KeyInput<'_>>,
    reader: &dyn keys::Reader,
) -> Plan {
    let (alg, out) = match preflight(decoded) {
        Ok(found) => found,
        Err(done) => return Plan::Done(done),
    };
    match alg {
        Alg::Hmac(h) => Plan::Done(match key {
            Some(KeyInput::Secret(s)) => hmac::check(decoded, h, Some(s), &out),
            Some(KeyInput::PublicKey(text)) => hmac::check_with_public_key(decoded, h, text, &out),
            Some(KeyInput::TokenKey) | None => hmac::check(decoded, h, None, &out),
        }),
        Alg::Public(p) => {
            if let Some(len) = p.fixed_signature_len() {
                let got = decoded.signature.as_deref().unwrap_or_default().len();
                if got != len {
                    return Plan::Done(out.verdict(
                        Verdict::WrongLength,
                        format!(
                            "The signature is {got} bytes, but {} always produces {len} bytes{}, so it cannot be valid.",
                            p.name(),
                            if p.family() == public::Family::Ecdsa {
                                " (r and s side by side, RFC 7518 §3.4)"
                            } else {
                                ""
                            }
                        ),
                    ));
                }
            }
            let keys = match key {
                Some(KeyInput::PublicKey(text)) => reader.public_keys(text),
                Some(KeyInput::TokenKey) => match reader.token_key(decoded) {
                    Some(k) => k,
                    None => {
                        return Plan::Done(out.verdict(Verdict::NoKey, no_token_key(decoded, p)))
                    }
                },
                Some(KeyInput::Secret(_)) | None => {
                    return Plan::Done(out.verdict(Verdict::NoKey, no_key_message(decoded, p)))
                }
            };
            match public::plan(decoded, p, keys, &out) {
                Ok(request) => Plan::Verify(request),
                Err(done) => Plan::Done(done),
            }
        }
    }
}

fn no_key_message(decoded: &Decoded, alg: PublicAlg) -> String {
    let pointer = decoded
        .header
        .as_ref()
        .and_then(|h| h.value.as_object())
        .map(|h| {
            let mut hints = Vec::new();
            if h.contains_key("jku") {
                hints.push("its 'jku' names a key-set URL, which is never fetched here");
            }
            if h.contains_key("x5u") {
                hints.push("its 'x5u' names a certificate URL, which is never fetched here");
            }
            if h.contains_key("jwk") || h.contains_key("x5c") {
                hints.push("it carries its own key, which proves nothing about who signed it");
            }
            hints
        })
        .unwrap_or_default();
    let hint = if pointer.is_empty() {
        String::new()
    } else {
        format!(" The token points to a key ({}).", pointer.join("; "))
    };
    format!(
        "This token is signed with {} ({}), made with a private key. Paste the issuer's public key to check it: a PEM key or certificate, a JWK, or the issuer's JWKS (from its jwks_uri).{hint}",
        alg.name(),
        alg.scheme()
    )
}

fn no_token_key(decoded: &Decoded, alg: PublicAlg) -> String {
    format!(
        "The token carries no key of its own ('jwk' or 'x5c'), so there is nothing inside it to check against. {}",
        no_key_message(decoded, alg)
    )
}

/// Second phase: turns which candidate verified (`None`: none did) into the verdict.
pub fn conclude(request: &VerifyRequest, verified: Option<usize>) -> SignatureCheck {
    let out = Outcome {
        alg: Some(request.alg.name().to_string()),
    };
    let chosen = verified
        .and_then(|i| request.candidates.get(i))
        .or_else(|| request.candidates.first());
    let Some(chosen) = chosen else {
        return out.verdict(Verdict::NoKey, "No key was left to try.");
    };
    let summary = summary(chosen, request.set_size);
    let key_words = key_phrase(&summary, &chosen.key);
    let from_token = summary.from_token;
    let tried = request.candidates.len();
    let mut message = match verified.filter(|&i| i < tried) {
        Some(_) if from_token => format!(
            "The {} signature matches the key inside the token ({key_words}). This proves only that the token is self-consistent: anyone can make a key pair, put its public half in the header and sign, so it says nothing about who made the token. Verify with the issuer's own key instead.",
            request.alg.name(),
        ),
        Some(_) => format!(
            "The {} signature matches {key_words}: whoever made this token held the matching private key, and header and payload are unchanged since.",
            request.alg.name(),
        ),
        None if tried > 1 => format!(
            "None of the {tried} keys that fit {} verifies the signature: either the token was signed with another key, or the header or payload was changed after signing.",
            request.alg.name()
        ),
        None => format!(
            "The signature does not match {key_words}: either the token was signed with another key, or the header or payload was changed after signing.",
        ),
    };
    if verified.is_none() && from_token {
        message.push_str(" The key is the token's own, which could not prove who made it anyway.");
    }
    if verified.is_some() && tried > 1 {
        message.push_str(&format!(" ({} keys fit; this one verified.)", tried));
    }
    if request.empty_payload {
        message.push_str(EMPTY_PAYLOAD_NOTE);
    }
    for note in &request.notes {
        message.push_str(&format!(" Note: {note}."));
    }
    let mut check = out.verdict(
        if verified.is_some_and(|i| i < tried) {
            Verdict::Valid
        } else {
            Verdict::Invalid
        },
        message,
    );
    check.key = Some(Box::new(summary));
    check
}

/// The key in a sentence: "the RSA 2048-bit public key (PEM, SPKI)", "the JWKS key with kid 'k2'
/// (RSA 2048-bit)".
fn key_phrase(summary: &KeySummary, key: &keys::Key) -> String {
    let kind = key.public.kind_words();
    match (summary.set_size, &summary.kid, summary.position) {
        (Some(_), Some(kid), _) => format!("the JWKS key with kid '{kid}' ({kind})"),
        (Some(_), None, Some(p)) => format!("JWKS key {p} ({kind})"),
        _ => format!("the {}", summary.description),
    }
}

/// Appended to the verdict of a token whose payload segment is empty.
pub(crate) const EMPTY_PAYLOAD_NOTE: &str = " The payload is empty, so the signature was checked over the header alone ('header.'). An empty payload may also mean detached content (RFC 7515 Appendix F): the real payload was sent separately, and the signature covers it instead.";

/// Plans and verifies in one go with a synchronous backend.
pub fn check_with(
    decoded: &Decoded,
    key: Option<KeyInput<'_>>,
    backend: &dyn Backend,
) -> SignatureCheck {
    check_reading(decoded, key, backend, &keys::AllForms)
}

/// [`check_with`], with keys read by `reader`.
pub fn check_reading(
    decoded: &Decoded,
    key: Option<KeyInput<'_>>,
    backend: &dyn Backend,
    reader: &dyn keys::Reader,
) -> SignatureCheck {
    match plan_reading(decoded, key, reader) {
        Plan::Done(check) => check,
        Plan::Verify(request) => {
            let verified = request.candidates.iter().position(|c| {
                backend.verify(
                    request.alg,
                    &c.key.public,
                    request.signing_input.as_bytes(),
                    &request.signature,
                )
            });
            conclude(&request, verified)
        }
    }
}

/// Checks the signature of a decoded token with an optional HMAC secret (public-key tokens get
/// `no-key`).
pub fn check(decoded: &Decoded, secret: Option<&SecretInput>) -> SignatureCheck {
    check_reading(
        decoded,
        secret.map(KeyInput::Secret),
        &NoBackend,
        &keys::SecretsOnly,
    )
}

/// The checks every token goes through before its algorithm: form, structure, `alg`, `crit`.
fn preflight(decoded: &Decoded) -> Result<(Alg, Outcome), SignatureCheck> {
    let header = decoded.header.as_ref().and_then(|h| h.value.as_object());
    let alg = header
        .and_then(|h| h.get("alg"))
        .and_then(|a| a.as_str())
        .map(str::to_string);
    let out = Outcome { alg: alg.clone() };
    if decoded.form == Form::Jwe && decoded.is_well_formed() {
        return Err(out.verdict(
            Verdict::NotApplicable,
            "This is an encrypted JWE: its content is protected by encryption, not by a signature, and needs the recipient's key to decrypt.",
        ));
    }
    let (Some(header_doc), Some(header), true) =
        (&decoded.header, header, decoded.is_well_formed())
    else {
        return Err(out.verdict(
            Verdict::NotEvaluated,
            "The token could not be decoded, so its signature cannot be checked. Fix the error shown above first.",
        ));
    };
    if header_doc
        .duplicates
        .iter()
        .any(|d| d.path.is_empty() && d.name == "alg")
    {
        return Err(out.verdict(
            Verdict::AmbiguousAlg,
            "The header names 'alg' more than once. Libraries disagree about which one wins, which is exactly how signature checks get bypassed; such a token must be rejected.",
        ));
    }
    let Some(alg_name) = alg.as_deref() else {
        let message = match header.get("alg") {
            None => "The header has no 'alg', so there is no algorithm to verify with. RFC 7515 requires it.".to_string(),
            Some(v) => format!(
                "The header's 'alg' is {}, not a string, so there is no algorithm to verify with.",
                crate::json::type_name(v)
            ),
        };
        return Err(out.verdict(Verdict::AlgMissing, message));
    };
    if alg_name == "none" {
        return Err(out.verdict(
            Verdict::Unsigned,
            "alg is 'none': the token carries no signature, so anyone can forge or change it. Servers must never accept it where a signed token is expected.",
        ));
    }
    let found = if let Some(h) = HmacAlg::from_name(alg_name) {
        Alg::Hmac(h)
    } else if let Some(p) = PublicAlg::from_name(alg_name) {
        Alg::Public(p)
    } else {
        return Err(out.verdict(Verdict::UnsupportedAlg, unsupported_message(alg_name)));
    };
    if let Some(crit) = header.get("crit") {
        if crit.as_array().is_some_and(Vec::is_empty) {
            return Err(out.verdict(
                Verdict::UnsupportedCrit,
                "The header's 'crit' is an empty list, which RFC 7515 §4.1.11 forbids; a conforming library rejects this token.",
            ));
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
        return Err(out.verdict(
            Verdict::UnsupportedCrit,
            format!(
                "The header marks extension(s) {names} as critical ('crit'). RFC 7515 §4.1.11 requires rejecting a token whose critical extensions are not understood, and this inspector implements none, so it does not verify it."
            ),
        ));
    }
    Ok((found, out))
}

/// Why an algorithm is not checked, naming it.
fn unsupported_message(alg: &str) -> String {
    if let Some((_, what)) = public::RECOGNISED_UNCHECKED.iter().find(|(a, _)| *a == alg) {
        return format!(
            "{alg} is {what}. Browsers' WebCrypto cannot check it, so this inspector does not: the signature of this token is neither valid nor invalid here."
        );
    }
    let trimmed = alg.trim();
    if trimmed.eq_ignore_ascii_case("none") {
        return format!(
            "'{alg}' is not the registered 'none' (names are case-sensitive and exact). A library that accepts it as 'none' is vulnerable; one that does not will reject the token."
        );
    }
    let known = HmacAlg::ALL
        .into_iter()
        .map(HmacAlg::name)
        .chain(PublicAlg::ALL.into_iter().map(PublicAlg::name));
    if let Some(name) = known
        .clone()
        .find(|n| n.eq_ignore_ascii_case(trimmed) && *n != alg)
    {
        return format!(
            "'{alg}' is not a registered algorithm name; names are case-sensitive and exact (did you mean {name}?). Conforming libraries reject this token."
        );
    }
    format!("'{alg}' is not an algorithm this inspector knows, so the signature is not checked.")
}

#[cfg(test)]
mod tests;
