//! Findings a careful reviewer would raise about a token (RFC 8725 and the common JWT attacks).

use serde::Serialize;
use serde_json::{Map, Value};

use crate::b64url::Noncanonical;
use crate::timing::Timing;
use crate::token::Decoded;
use crate::verify::{self, HmacAlg};

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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LintContext<'a> {
    /// Evaluation of the date claims.
    pub timing: Option<&'a Timing>,
    /// Length in bytes of the user's decoded secret, when one was given.
    pub secret_len: Option<usize>,
    /// A built-in weak secret that verifies the token, when the scan found one.
    pub weak_secret: Option<&'a str>,
}

/// All findings for a decoded token, most severe first.
pub fn lint(decoded: &Decoded, cx: &LintContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |id: LintId,
                   severity: Severity,
                   title: &str,
                   explanation: String,
                   reference: &'static str| {
        out.push(Finding {
            id,
            severity,
            title: title.to_string(),
            explanation,
            reference,
        })
    };
    let header = decoded.header.as_ref().and_then(|h| h.value.as_object());
    let claims = decoded.payload.claims();
    let alg = header.and_then(|h| h.get("alg")).and_then(Value::as_str);
    let hmac = alg.and_then(HmacAlg::from_name);

    if let Some(alg) = alg.filter(|a| a.trim().eq_ignore_ascii_case("none")) {
        let spelled = if alg == "none" {
            String::new()
        } else {
            format!(" (spelled '{alg}', a classic trick to slip past case-sensitive block-lists)")
        };
        add(
            LintId::AlgNone,
            Severity::Danger,
            "Unsigned token (alg: none)",
            format!("The header asks for no signature{spelled}: anyone can forge this token, so a server must never accept it."),
            "RFC 8725 §3.1, RFC 7518 §3.6",
        );
    }
    if let (Some(h), Some(len)) = (hmac, cx.secret_len) {
        if len < h.output_len() {
            add(
                LintId::ShortSecret,
                Severity::Warning,
                "Secret shorter than the hash",
                format!(
                    "The secret is {len} bytes; {} needs at least {} bytes of key, and short secrets can be brute-forced offline from any token.",
                    h.name(),
                    h.output_len()
                ),
                "RFC 7518 §3.2, RFC 8725 §3.5",
            );
        }
    }
    if let Some(secret) = cx.weak_secret {
        add(
            LintId::WeakSecret,
            Severity::Danger,
            "Signed with a well-known secret",
            format!(
                "This token verifies with {}, a secret from tutorials and defaults: anyone can forge tokens this server accepts. Rotate to a random secret of at least {} bytes.",
                if secret.is_empty() { "an empty key".to_string() } else { format!("'{secret}'") },
                hmac.map_or(32, HmacAlg::output_len)
            ),
            "RFC 8725 §3.5, OWASP JWT Cheat Sheet",
        );
    }
    if let Some(claims) = claims {
        if !claims.contains_key("exp") {
            add(
                LintId::MissingExp,
                Severity::Warning,
                "No expiry (exp)",
                "Without 'exp' this token never expires: if it leaks it stays usable until the signing key changes.".into(),
                "RFC 7519 §4.1.4, OWASP JWT Cheat Sheet",
            );
        }
    }
    if let Some(t) = cx.timing {
        lint_timing(t, &mut add);
    }
    if let Some(header) = header {
        lint_header(header, &mut add);
    }
    let duplicates: Vec<String> = json_parts(decoded)
        .flat_map(|(part, d)| {
            d.duplicates.iter().map(move |dup| {
                format!(
                    "{part} '{}{}' = {} (most libraries use the last, {})",
                    dup.path,
                    if dup.path.is_empty() {
                        dup.name.clone()
                    } else {
                        format!("/{}", dup.name)
                    },
                    list(&dup.values, " then "),
                    dup.values.last().map(String::as_str).unwrap_or_default()
                )
            })
        })
        .collect();
    if !duplicates.is_empty() {
        add(
            LintId::DuplicateKeys,
            Severity::Danger,
            "Repeated member names",
            format!(
                "Parsers disagree on which value wins, so two systems can read different tokens from the same bytes: {}.",
                list(&duplicates, "; ")
            ),
            "RFC 7515 §5.2, RFC 8259 §4",
        );
    }
    if !decoded.noncanonical.is_empty() {
        let parts: Vec<String> = decoded
            .noncanonical
            .iter()
            .map(|(seg, n)| format!("the {} segment {}", seg.code(), n.message()))
            .collect();
        let severity = if decoded
            .noncanonical
            .iter()
            .any(|(_, n)| *n == Noncanonical::TrailingBits)
        {
            Severity::Warning
        } else {
            Severity::Info
        };
        add(
            LintId::NoncanonicalBase64url,
            severity,
            "Non-canonical base64url",
            format!(
                "{}. Strict libraries reject this, and a token with several spellings defeats blocklists and caches keyed on its text.",
                capitalize(&parts.join("; "))
            ),
            "RFC 7515 §2, RFC 4648 §3.5",
        );
    }
    let found: Vec<(&str, crate::visible::HiddenIn)> = json_parts(decoded)
        .flat_map(|(part, d)| {
            crate::visible::find_in_json(&d.value)
                .into_iter()
                .map(move |h| (part, h))
        })
        .collect();
    if !found.is_empty() {
        let total: usize = found.iter().map(|(_, h)| h.count).sum();
        let hidden: Vec<String> = found
            .iter()
            .map(|(part, h)| format!("{part} '{}': {}", h.path, h.characters.join(", ")))
            .collect();
        add(
            LintId::HiddenCharacters,
            Severity::Warning,
            "Hidden characters",
            format!(
                "Text contains {total} hidden {} (invisible, or reordering what is displayed), so a value can read differently from what software compares: {}. They are marked in the decoded JSON.",
                if total == 1 { "character" } else { "characters" },
                list(&hidden, "; ")
            ),
            "Unicode TR #36 §2, CVE-2021-42574 (Trojan Source)",
        );
    }
    let size = decoded.token.len();
    if size > HEADER_LIMIT {
        add(
            LintId::TooLargeForHeader,
            Severity::Warning,
            "Too large for an HTTP header",
            format!("{size} bytes: many servers and proxies refuse request headers over 8 KB, so this token may be rejected before it is read."),
            "RFC 9110 §5.4 (server limits)",
        );
    } else if size > COOKIE_LIMIT {
        add(
            LintId::TooLargeForCookie,
            Severity::Warning,
            "Too large for a cookie",
            format!("{size} bytes: browsers keep at most about 4096 bytes per cookie, so this token cannot be stored in one."),
            "RFC 6265 §6.1",
        );
    }
    if let Some(claims) = claims {
        let pii = pii_claims(claims);
        if !pii.is_empty() {
            add(
                LintId::PiiClaims,
                Severity::Warning,
                "Personal or secret data in the payload",
                format!(
                    "{} {} readable by anyone who holds the token: a JWS payload is only encoded, not encrypted.",
                    list(&pii, ", "),
                    if pii.len() == 1 { "is" } else { "are" }
                ),
                "RFC 8725 §3.6, OWASP JWT Cheat Sheet",
            );
        }
    }
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

type Add<'f> = dyn FnMut(LintId, Severity, &str, String, &'static str) + 'f;

/// The findings that depend on the evaluation instant, most severe first. [`lint`] includes them
/// when given a timing; a live view recomputes only these on each clock tick.
pub fn timing_findings(t: &Timing) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut add = |id: LintId,
                   severity: Severity,
                   title: &str,
                   explanation: String,
                   reference: &'static str| {
        out.push(Finding {
            id,
            severity,
            title: title.to_string(),
            explanation,
            reference,
        })
    };
    lint_timing(t, &mut add);
    out.sort_by_key(|f| std::cmp::Reverse(f.severity));
    out
}

fn lint_timing(t: &Timing, add: &mut Add<'_>) {
    let at = |n: &str| {
        t.claims
            .iter()
            .find(|c| c.name == n)
            .and_then(|c| c.seconds)
    };
    let (exp, nbf, iat) = (at("exp"), at("nbf"), at("iat"));
    let skew = i64::from(t.skew);
    if let Some(life) = t.lifetime.filter(|&l| l > LONG_LIFETIME) {
        add(
            LintId::LongLifetime,
            Severity::Warning,
            "Long lifetime",
            format!(
                "This token is valid for {}. A stolen JWT cannot be revoked without extra server state, so access tokens usually live minutes, with a refresh token for longer sessions.",
                crate::clock_text::compact(life.unsigned_abs())
            ),
            "RFC 8725 §3.10, OWASP JWT Cheat Sheet",
        );
    }
    if let Some(iat) = iat.filter(|&i| i > t.now.saturating_add(skew)) {
        add(
            LintId::IatInFuture,
            Severity::Warning,
            "Issued in the future",
            format!(
                "'iat' is {} ahead of the evaluation time, beyond the {}-second skew: the issuer's clock is wrong or the token was forged.",
                crate::clock_text::compact(iat.saturating_sub(t.now).unsigned_abs()),
                t.skew
            ),
            "RFC 7519 §4.1.6",
        );
    }
    if let Some(nbf) = nbf.filter(|&n| n > t.now.saturating_add(skew)) {
        add(
            LintId::NbfInFuture,
            Severity::Info,
            "Not valid yet",
            format!(
                "'nbf' is {} ahead: servers must reject this token until then.",
                crate::clock_text::compact(nbf.saturating_sub(t.now).unsigned_abs())
            ),
            "RFC 7519 §4.1.5",
        );
    }
    if let (Some(nbf), Some(exp)) = (nbf, exp) {
        if nbf >= exp {
            add(
                LintId::NbfAfterExp,
                Severity::Warning,
                "Never valid",
                "'nbf' is not before 'exp', so there is no moment at which this token is valid."
                    .into(),
                "RFC 7519 §4.1.4–4.1.5",
            );
        }
    }
    if let (Some(iat), Some(exp)) = (iat, exp) {
        if exp < iat {
            add(
                LintId::ExpBeforeIat,
                Severity::Warning,
                "Expired before it was issued",
                "'exp' is earlier than 'iat': the issuer computed the expiry wrongly (often seconds mixed with milliseconds).".into(),
                "RFC 7519 §4.1.4, §4.1.6",
            );
        }
    }
}

fn lint_header(header: &Map<String, Value>, add: &mut Add<'_>) {
    if header.contains_key("crit") {
        add(
            LintId::CritPresent,
            Severity::Info,
            "Critical extensions (crit)",
            "The header lists extensions every recipient must understand; a library that ignores 'crit' may accept a token it should refuse.".into(),
            "RFC 7515 §4.1.11",
        );
    }
    if let Some(kid) = header.get("kid") {
        let text = kid.as_str().unwrap_or_default();
        let suspicious = ["../", "..\\", "'", "\"", ";", "|", "`", "$(", "\0", "/dev/"]
            .iter()
            .any(|s| text.contains(s));
        let (severity, explanation) = if suspicious || !kid.is_string() {
            (
                Severity::Danger,
                format!("'kid' is {kid}, which looks like path traversal or injection: a server that uses it to find a file or database row can be tricked into using a key the attacker knows."),
            )
        } else {
            (
                Severity::Info,
                format!("'kid' {kid} picks the verification key; the server must look it up in its own key set and never use it in a path, query or command."),
            )
        };
        add(
            LintId::HeaderKid,
            severity,
            "Key id (kid)",
            explanation,
            "RFC 7515 §4.1.4, RFC 8725 §3.10",
        );
    }
    for (name, id, what) in [
        ("jku", LintId::HeaderJku, "a URL of a key set"),
        ("x5u", LintId::HeaderX5u, "a URL of a certificate"),
    ] {
        if let Some(v) = header.get(name) {
            add(
                id,
                Severity::Warning,
                &format!("Key location in the token ({name})"),
                format!("'{name}' gives {what} ({v}). A verifier that fetches keys from where the token says lets an attacker supply the key; only allow-listed URLs may be used."),
                "RFC 7515 §4.1.2, §4.1.5, RFC 8725 §3.10",
            );
        }
    }
    if header.contains_key("jwk") {
        add(
            LintId::HeaderJwk,
            Severity::Danger,
            "Embedded key (jwk)",
            "The header carries its own public key. If a verifier trusts it, anyone can sign with a key of their own; the key must come from the verifier's configuration.".into(),
            "RFC 7515 §4.1.3, RFC 8725 §3.10",
        );
    }
    if let Some(typ) = header.get("typ") {
        let ok = typ.as_str().is_some_and(|t| {
            let t = t.to_ascii_lowercase();
            let t = t.strip_prefix("application/").unwrap_or(&t);
            t == "jwt" || t == "jose" || t.ends_with("+jwt")
        });
        if !ok {
            add(
                LintId::UnexpectedTyp,
                Severity::Info,
                "Unusual type (typ)",
                format!("'typ' is {typ}, not JWT or an explicit '+jwt' type: check that this token is meant to be used where it is presented."),
                "RFC 7519 §5.1, RFC 8725 §3.11",
            );
        }
    }
}

const PII_NAMES: &[&str] = &[
    "email",
    "phone",
    "password",
    "passwd",
    "pwd",
    "secret",
    "ssn",
    "card",
    "cc_number",
    "cvv",
    "iban",
    "address",
    "birthdate",
    "dob",
    "salary",
    "passport",
    "api_key",
    "apikey",
    "private_key",
    "credit",
];

fn pii_claims(claims: &Map<String, Value>) -> Vec<String> {
    claims
        .iter()
        .filter(|(name, value)| {
            let lower = name.to_ascii_lowercase();
            let by_name =
                PII_NAMES.iter().any(|p| lower.contains(p)) && !lower.ends_with("_verified");
            let by_value = value.as_str().is_some_and(looks_like_email_or_card);
            by_name || by_value
        })
        .map(|(name, _)| format!("'{name}'"))
        .collect()
}

fn looks_like_email_or_card(s: &str) -> bool {
    let email = s.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
    });
    let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
    let card = (13..=19).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && luhn(&digits);
    email || card
}

fn luhn(digits: &str) -> bool {
    let sum: u32 = digits
        .bytes()
        .rev()
        .enumerate()
        .map(|(i, b)| {
            let d = u32::from(b - b'0');
            if i % 2 == 1 {
                let d2 = d * 2;
                if d2 > 9 {
                    d2 - 9
                } else {
                    d2
                }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
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
        };
        lint(&d, &cx).iter().map(|f| f.id.code()).collect()
    }

    fn ids(header: &str, payload: &str) -> Vec<&'static str> {
        ids_for(header, payload, None)
    }

    const GOOD: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

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
            },
        );
        assert!(f.iter().any(|f| f.id == LintId::NoncanonicalBase64url));
    }

    #[test]
    fn size_limits() {
        let big = format!(r#"{{"exp":1,"x":"{}"}}"#, "a".repeat(4000));
        let f = ids(GOOD, &big);
        assert!(f.contains(&"too-large-for-cookie") && !f.contains(&"too-large-for-header"));
        let huge = format!(r#"{{"exp":1,"x":"{}"}}"#, "a".repeat(7000));
        assert!(ids(GOOD, &huge).contains(&"too-large-for-header"));
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
}
