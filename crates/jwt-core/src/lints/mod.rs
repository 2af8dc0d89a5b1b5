//! Findings a careful reviewer would raise about a token (RFC 8725 and the common JWT attacks).

mod rules;

use serde::Serialize;

use crate::timing::Timing;
use crate::token::Decoded;
use crate::verify::{self, KeySummary};

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing.
    Info,
    /// Likely a mistake or a weakness.
    Warning,
    /// Exploitable or plainly unsafe.
    Danger,
}

impl Severity {
    /// The stable code (`data-severity`).
    pub fn code(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Danger => "danger",
        }
    }
}

/// The stable identifiers of findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintId {
    /// `alg` is `none` (or a spelling of it).
    AlgNone,
    /// The HMAC secret is shorter than the hash output.
    ShortSecret,
    /// The token verifies with a well-known secret.
    WeakSecret,
    /// No `exp` claim.
    MissingExp,
    /// Lifetime over one day.
    LongLifetime,
    /// `iat` is in the future.
    IatInFuture,
    /// `nbf` is in the future.
    NbfInFuture,
    /// `nbf` is not before `exp`.
    NbfAfterExp,
    /// `exp` is before `iat`.
    ExpBeforeIat,
    /// The header has `crit`.
    CritPresent,
    /// The header has `kid`.
    HeaderKid,
    /// The header has `jku`.
    HeaderJku,
    /// The header has `x5u`.
    HeaderX5u,
    /// The header has `jwk`.
    HeaderJwk,
    /// `typ` is not a usual JWT type.
    UnexpectedTyp,
    /// A JSON member name is repeated.
    DuplicateKeys,
    /// A segment is not canonical base64url.
    NoncanonicalBase64url,
    /// Over 4096 bytes.
    TooLargeForCookie,
    /// Over 8192 bytes.
    TooLargeForHeader,
    /// Claims that look like personal or secret data.
    PiiClaims,
    /// Invisible, text-reordering or control characters in names or values.
    HiddenCharacters,
    /// An HS token checked with a public key as its secret (key confusion).
    AlgConfusion,
    /// An RSA key under 2048 bits.
    WeakRsaKey,
    /// The key's `use`, `key_ops` or `alg` says it is not for verifying this token.
    KeyUseMismatch,
    /// The signature was checked with the token's own `jwk` or `x5c`.
    TokenSuppliedKey,
}

impl LintId {
    /// The stable code (`data-finding`).
    pub fn code(self) -> &'static str {
        match self {
            LintId::AlgNone => "alg-none",
            LintId::ShortSecret => "short-secret",
            LintId::WeakSecret => "weak-secret",
            LintId::MissingExp => "missing-exp",
            LintId::LongLifetime => "long-lifetime",
            LintId::IatInFuture => "iat-in-future",
            LintId::NbfInFuture => "nbf-in-future",
            LintId::NbfAfterExp => "nbf-after-exp",
            LintId::ExpBeforeIat => "exp-before-iat",
            LintId::CritPresent => "crit-present",
            LintId::HeaderKid => "header-kid",
            LintId::HeaderJku => "header-jku",
            LintId::HeaderX5u => "header-x5u",
            LintId::HeaderJwk => "header-jwk",
            LintId::UnexpectedTyp => "unexpected-typ",
            LintId::DuplicateKeys => "duplicate-keys",
            LintId::NoncanonicalBase64url => "noncanonical-base64url",
            LintId::TooLargeForCookie => "too-large-for-cookie",
            LintId::TooLargeForHeader => "too-large-for-header",
            LintId::PiiClaims => "pii-claims",
            LintId::HiddenCharacters => "hidden-characters",
            LintId::AlgConfusion => "alg-confusion",
            LintId::WeakRsaKey => "weak-rsa-key",
            LintId::KeyUseMismatch => "key-use-mismatch",
            LintId::TokenSuppliedKey => "token-supplied-key",
        }
    }
}

/// One finding about the token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable identifier.
    pub id: LintId,
    /// How much it matters.
    pub severity: Severity,
    /// A few words.
    pub title: String,
    /// One or two sentences about this token.
    pub explanation: String,
    /// Where the advice comes from, e.g. "RFC 8725 §3.1".
    pub reference: &'static str,
}

/// Tokens larger than this do not fit in a single browser cookie.
pub const COOKIE_LIMIT: usize = 4096;
/// Tokens larger than this are refused in a header by many servers and proxies.
pub const HEADER_LIMIT: usize = 8192;
/// Lifetimes above this (one day) are flagged.
pub const LONG_LIFETIME: i64 = 86_400;

/// What the lints need to know beyond the token itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LintContext<'a> {
    /// Evaluation of the date claims.
    pub timing: Option<&'a Timing>,
    /// Length in bytes of the user's decoded secret, when one was given.
    pub secret_len: Option<usize>,
    /// A built-in weak secret that verifies the token, when the scan found one.
    pub weak_secret: Option<&'a str>,
    /// The public key the signature was checked with (`SignatureCheck::key`).
    pub key: Option<&'a KeySummary>,
    /// True when the text given as an HMAC secret reads as a public key
    /// (`keys::looks_like_public_key`), or a public key was given for an HS token.
    pub secret_is_public_key: bool,
}

/// All findings for a decoded token, most severe first (each rule is in [`rules`]).
pub fn lint(decoded: &Decoded, cx: &LintContext<'_>) -> Vec<Finding> {
    run(rules::RULES, decoded, cx)
}

/// Only the findings that depend on the evaluation instant, most severe first. [`lint`] with a
/// timing includes them; a live view computes the rest without a timing, once per token, and
/// these on each clock tick.
pub fn timing_findings(decoded: &Decoded, timing: &Timing) -> Vec<Finding> {
    let cx = LintContext {
        timing: Some(timing),
        ..LintContext::default()
    };
    run(rules::TIMING_RULES, decoded, &cx)
}

/// Runs `rules` and sorts what they find by severity.
fn run(rules: &[rules::Rule], decoded: &Decoded, cx: &LintContext<'_>) -> Vec<Finding> {
    let facts = rules::Facts::new(decoded, cx);
    let mut out: Vec<Finding> = rules.iter().filter_map(|rule| rule(&facts)).collect();
    // A stable sort: findings of equal severity keep the order of the rule list.
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

/// The header and the payload, where each is a JSON document, named.
fn json_parts(decoded: &Decoded) -> impl Iterator<Item = (&'static str, &crate::json::Document)> {
    let payload = match &decoded.payload {
        crate::token::Payload::Json(d) => Some(("payload", &**d)),
        _ => None,
    };
    decoded
        .header
        .iter()
        .map(|d| ("header", &**d))
        .chain(payload)
}

/// At most this many items are listed in one explanation.
const MAX_LISTED: usize = 5;

/// Joins items with `sep`, listing at most [`MAX_LISTED`] and counting the rest.
fn list(items: &[String], sep: &str) -> String {
    let shown = items[..items.len().min(MAX_LISTED)].join(sep);
    match items.len().saturating_sub(MAX_LISTED) {
        0 => shown,
        more => format!("{shown}{sep}and {more} more"),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// Scans the built-in weak-secret list, and the empty key, for a secret that verifies the token.
pub fn weak_secret(decoded: &Decoded) -> Option<&'static str> {
    verify::find_secret(
        decoded,
        std::iter::once("").chain(crate::weak_secrets::all()),
    )
}

/// [`weak_secret`], skipped when the signed text is longer than `limit` bytes.
pub fn weak_secret_within(decoded: &Decoded, limit: usize) -> Option<&'static str> {
    decoded
        .signing_input()
        .filter(|s| s.len() <= limit)
        .and_then(|_| weak_secret(decoded))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::b64url;
    use crate::timing;
    use crate::token::decode;

    const NOW: i64 = 1_700_000_000;

    fn ids_for(header: &str, payload: &str, secret_len: Option<usize>) -> Vec<&'static str> {
        let t = format!(
            "{}.{}.",
            b64url::encode(header.as_bytes()),
            b64url::encode(payload.as_bytes())
        );
        let d = decode(&t);
        let timing = d
            .payload
            .claims()
            .map(|c| timing::assess(&timing::date_claims(c), NOW, 60));
        let cx = LintContext {
            timing: timing.as_ref(),
            secret_len,
            weak_secret: None,
            ..LintContext::default()
        };
        lint(&d, &cx).iter().map(|f| f.id.code()).collect()
    }

    fn ids(header: &str, payload: &str) -> Vec<&'static str> {
        ids_for(header, payload, None)
    }

    const GOOD: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

    #[test]
    fn token_findings_plus_timing_findings_are_all_findings() {
        let payload = format!(
            r#"{{"iat":{},"nbf":{},"exp":{},"email":"a@b.example"}}"#,
            NOW + 3600,
            NOW + 7200,
            NOW + 900_000
        );
        let t = format!(
            "{}.{}.",
            b64url::encode(GOOD.as_bytes()),
            b64url::encode(payload.as_bytes())
        );
        let d = decode(&t);
        let timing = timing::assess(&timing::date_claims(d.payload.claims().unwrap()), NOW, 60);
        let with = |timing| LintContext {
            timing,
            ..LintContext::default()
        };
        let all = lint(&d, &with(Some(&timing)));
        let mut split = lint(&d, &with(None));
        let timed = timing_findings(&d, &timing);
        assert!(timed.iter().any(|f| f.id == LintId::IatInFuture));
        assert!(timed.iter().all(|f| !split.contains(f)));
        split.extend(timed);
        let codes = |v: &[Finding]| {
            let mut c: Vec<_> = v.iter().map(|f| f.id.code()).collect();
            c.sort_unstable();
            c
        };
        assert_eq!(codes(&split), codes(&all));
    }

    #[test]
    fn a_clean_token_has_no_findings() {
        let p = format!(r#"{{"sub":"1","iat":{},"exp":{}}}"#, NOW - 60, NOW + 840);
        assert!(ids(GOOD, &p).is_empty(), "{:?}", ids(GOOD, &p));
    }

    #[test]
    fn alg_none_in_any_spelling() {
        assert!(ids(r#"{"alg":"none"}"#, r#"{"exp":1}"#).contains(&"alg-none"));
        assert!(ids(r#"{"alg":"NoNe"}"#, r#"{"exp":1}"#).contains(&"alg-none"));
        assert!(!ids(GOOD, r#"{"exp":1}"#).contains(&"alg-none"));
    }

    #[test]
    fn short_secret_only_below_the_hash_length() {
        let p = format!(r#"{{"exp":{}}}"#, NOW + 60);
        assert!(ids_for(GOOD, &p, Some(31)).contains(&"short-secret"));
        assert!(!ids_for(GOOD, &p, Some(32)).contains(&"short-secret"));
        assert!(ids_for(r#"{"alg":"HS512"}"#, &p, Some(63)).contains(&"short-secret"));
        assert!(!ids_for(r#"{"alg":"RS256"}"#, &p, Some(3)).contains(&"short-secret"));
    }

    #[test]
    fn missing_exp() {
        assert!(ids(GOOD, r#"{"sub":"1"}"#).contains(&"missing-exp"));
        assert!(!ids(GOOD, r#"{"exp":1}"#).contains(&"missing-exp"));
    }

    #[test]
    fn long_lifetime_only_beyond_a_day() {
        let one_day = format!(r#"{{"iat":{},"exp":{}}}"#, NOW, NOW + 86_400);
        assert!(!ids(GOOD, &one_day).contains(&"long-lifetime"));
        let month = format!(r#"{{"iat":{},"exp":{}}}"#, NOW, NOW + 30 * 86_400);
        assert!(ids(GOOD, &month).contains(&"long-lifetime"));
    }

    #[test]
    fn future_iat_and_nbf_beyond_skew() {
        let p = format!(
            r#"{{"iat":{},"nbf":{},"exp":{}}}"#,
            NOW + 600,
            NOW + 600,
            NOW + 900
        );
        let found = ids(GOOD, &p);
        assert!(found.contains(&"iat-in-future") && found.contains(&"nbf-in-future"));
        let within_skew = format!(
            r#"{{"iat":{},"nbf":{},"exp":{}}}"#,
            NOW + 30,
            NOW + 30,
            NOW + 900
        );
        let found = ids(GOOD, &within_skew);
        assert!(!found.contains(&"iat-in-future") && !found.contains(&"nbf-in-future"));
    }

    #[test]
    fn inconsistent_dates() {
        assert!(ids(GOOD, r#"{"nbf":200,"exp":100}"#).contains(&"nbf-after-exp"));
        assert!(ids(GOOD, r#"{"iat":200,"exp":100}"#).contains(&"exp-before-iat"));
        assert!(!ids(GOOD, r#"{"iat":100,"nbf":100,"exp":200}"#)
            .iter()
            .any(|i| *i == "nbf-after-exp" || *i == "exp-before-iat"));
    }

    #[test]
    fn header_parameters_that_steer_keys() {
        let f = ids(
            r#"{"alg":"HS256","kid":"k1","jku":"https://x/jwks","x5u":"https://x/c","jwk":{},"crit":["b64"]}"#,
            r#"{"exp":1}"#,
        );
        for id in [
            "header-kid",
            "header-jku",
            "header-x5u",
            "header-jwk",
            "crit-present",
        ] {
            assert!(f.contains(&id), "{id} in {f:?}");
        }
    }

    #[test]
    fn suspicious_kid_is_danger() {
        let t = format!(
            "{}.e30.",
            b64url::encode(br#"{"alg":"HS256","kid":"../../dev/null"}"#)
        );
        let d = decode(&t);
        let f = lint(
            &d,
            &LintContext {
                timing: None,
                secret_len: None,
                weak_secret: None,
                ..LintContext::default()
            },
        );
        let kid = f.iter().find(|f| f.id == LintId::HeaderKid).unwrap();
        assert_eq!(kid.severity, Severity::Danger);
    }

    #[test]
    fn typ_values() {
        for ok in ["JWT", "jwt", "at+jwt", "application/at+JWT", "JOSE"] {
            assert!(
                !ids(
                    &format!(r#"{{"alg":"HS256","typ":"{ok}"}}"#),
                    r#"{"exp":1}"#
                )
                .contains(&"unexpected-typ"),
                "{ok}"
            );
        }
        assert!(ids(r#"{"alg":"HS256","typ":"JWE"}"#, r#"{"exp":1}"#).contains(&"unexpected-typ"));
    }

    #[test]
    fn duplicates_anywhere() {
        let f = ids(r#"{"alg":"HS256","alg":"none"}"#, r#"{"exp":1}"#);
        assert!(f.contains(&"duplicate-keys"));
        let f = ids(GOOD, r#"{"exp":1,"role":"user","role":"admin"}"#);
        assert!(f.contains(&"duplicate-keys"));
    }

    #[test]
    fn noncanonical_base64url() {
        let d = decode("eyJhbGciOiJIUzI1NiJ9.e30=.");
        let f = lint(
            &d,
            &LintContext {
                timing: None,
                secret_len: None,
                weak_secret: None,
                ..LintContext::default()
            },
        );
        assert!(f.iter().any(|f| f.id == LintId::NoncanonicalBase64url));
    }

    #[test]
    fn size_limits_do_not_hide_one_another() {
        let big = format!(r#"{{"exp":1,"x":"{}"}}"#, "a".repeat(4000));
        let f = ids(GOOD, &big);
        assert!(f.contains(&"too-large-for-cookie") && !f.contains(&"too-large-for-header"));
        let huge = format!(r#"{{"exp":1,"x":"{}"}}"#, "a".repeat(7000));
        let f = ids(GOOD, &huge);
        assert!(f.contains(&"too-large-for-header") && f.contains(&"too-large-for-cookie"));
        assert!(!ids(GOOD, r#"{"exp":1}"#).contains(&"too-large-for-cookie"));
    }

    #[test]
    fn pii_by_name_and_by_value() {
        assert!(ids(GOOD, r#"{"exp":1,"email":"a@b.c"}"#).contains(&"pii-claims"));
        assert!(ids(GOOD, r#"{"exp":1,"contact":"ann@example.com"}"#).contains(&"pii-claims"));
        assert!(ids(GOOD, r#"{"exp":1,"x":"4111 1111 1111 1111"}"#).contains(&"pii-claims"));
        assert!(!ids(
            GOOD,
            r#"{"exp":1,"sub":"1234567890","email_verified":true}"#
        )
        .contains(&"pii-claims"));
    }

    #[test]
    fn hidden_characters_in_claims() {
        assert!(ids(GOOD, "{\"exp\":1,\"role\":\"user\u{202e}\"}").contains(&"hidden-characters"));
        assert!(ids(GOOD, r#"{"exp":1,"role":"user\u202e"}"#).contains(&"hidden-characters"));
        assert!(!ids(GOOD, r#"{"exp":1,"name":"Zoë"}"#).contains(&"hidden-characters"));
    }

    #[test]
    fn most_severe_first() {
        let f = {
            let t = format!(
                "{}.{}.",
                b64url::encode(br#"{"alg":"none","typ":"odd"}"#),
                b64url::encode(b"{}")
            );
            lint(
                &decode(&t),
                &LintContext {
                    timing: None,
                    secret_len: None,
                    weak_secret: None,
                    ..LintContext::default()
                },
            )
        };
        let sev: Vec<_> = f.iter().map(|f| f.severity).collect();
        let mut sorted = sev.clone();
        sorted.sort_by(|a, b| b.cmp(a));
        assert_eq!(sev, sorted);
        assert_eq!(f[0].id, LintId::AlgNone);
    }

    #[test]
    fn weak_secret_is_found_without_user_secret() {
        let t = verify::sign(r#"{"alg":"HS256"}"#, "{}", b"your-256-bit-secret").unwrap();
        assert_eq!(weak_secret(&decode(&t)), Some("your-256-bit-secret"));
        let strong = verify::sign(
            r#"{"alg":"HS256"}"#,
            "{}",
            b"k3J8s9dQ2mX7vB4nL1pZ6wR0tY5uH8eG",
        )
        .unwrap();
        assert_eq!(weak_secret(&decode(&strong)), None);
        let empty = verify::sign(r#"{"alg":"HS256"}"#, "{}", b"").unwrap();
        assert_eq!(weak_secret(&decode(&empty)), Some(""));
    }

    fn summary(
        bits: u32,
        jwk_use: Option<&str>,
        ops: Option<&[&str]>,
        alg: Option<&str>,
    ) -> KeySummary {
        KeySummary {
            key_type: crate::keys::KeyType::Rsa,
            bits,
            curve: None,
            form: crate::keys::KeyForm::Jwk,
            kid: None,
            jwk_alg: alg.map(str::to_string),
            jwk_use: jwk_use.map(str::to_string),
            key_ops: ops.map(|o| o.iter().map(|s| s.to_string()).collect()),
            certificate: None,
            description: String::new(),
            reason: String::new(),
            set_size: None,
            position: None,
            from_token: false,
        }
    }

    fn ids_with_key(
        header: &str,
        key: &KeySummary,
        secret_is_public_key: bool,
    ) -> Vec<&'static str> {
        let t = format!("{}.e30.", b64url::encode(header.as_bytes()));
        let cx = LintContext {
            key: Some(key),
            secret_is_public_key,
            ..LintContext::default()
        };
        lint(&decode(&t), &cx).iter().map(|f| f.id.code()).collect()
    }

    const RS: &str = r#"{"alg":"RS256"}"#;

    #[test]
    fn weak_rsa_key_only_below_2048_bits() {
        assert!(ids_with_key(RS, &summary(1024, None, None, None), false).contains(&"weak-rsa-key"));
        assert!(ids_with_key(RS, &summary(2047, None, None, None), false).contains(&"weak-rsa-key"));
        assert!(
            !ids_with_key(RS, &summary(2048, None, None, None), false).contains(&"weak-rsa-key")
        );
        let mut ec = summary(256, None, None, None);
        ec.key_type = crate::keys::KeyType::Ec;
        assert!(!ids_with_key(r#"{"alg":"ES256"}"#, &ec, false).contains(&"weak-rsa-key"));
    }

    #[test]
    fn key_use_mismatch_for_use_ops_and_alg() {
        let has = |k: &KeySummary| ids_with_key(RS, k, false).contains(&"key-use-mismatch");
        assert!(has(&summary(2048, Some("enc"), None, None)));
        assert!(has(&summary(2048, None, Some(&["encrypt"]), None)));
        assert!(has(&summary(2048, None, None, Some("PS256"))));
        assert!(!has(&summary(
            2048,
            Some("sig"),
            Some(&["verify"]),
            Some("RS256")
        )));
        assert!(!has(&summary(2048, None, None, None)));
    }

    #[test]
    fn token_supplied_key_and_alg_confusion() {
        let mut own = summary(2048, None, None, None);
        own.from_token = true;
        assert!(ids_with_key(RS, &own, false).contains(&"token-supplied-key"));
        assert!(!ids_with_key(RS, &summary(2048, None, None, None), false)
            .contains(&"token-supplied-key"));
        let hs = r#"{"alg":"HS256"}"#;
        assert!(ids_with_key(hs, &own, true).contains(&"alg-confusion"));
        assert!(!ids_with_key(hs, &own, false).contains(&"alg-confusion"));
        assert!(!ids_with_key(RS, &own, true).contains(&"alg-confusion"));
    }

    #[test]
    fn one_rule_per_lint_id() {
        // 25 ids in `LintId`; a new id needs its rule in `rules::RULES`.
        assert_eq!(rules::RULES.len(), 25);
    }
}
