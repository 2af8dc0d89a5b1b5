//! One function per finding: each holds its id, severity, title, reference and condition, and
//! returns the finding when the condition holds. [`RULES`] lists them in the order findings of
//! equal severity are shown.

use crate::json::{Map, Value};

use super::{Finding, LintContext, LintId, Severity, COOKIE_LIMIT, HEADER_LIMIT, LONG_LIFETIME};
use crate::b64url::Noncanonical;
use crate::keys::KeyType;
use crate::timing::Timing;
use crate::token::Decoded;
use crate::verify::HmacAlg;

/// What every rule may look at.
pub(super) struct Facts<'a> {
    pub decoded: &'a Decoded,
    pub cx: &'a LintContext<'a>,
    pub header: Option<&'a Map>,
    pub claims: Option<&'a Map>,
    pub alg: Option<&'a str>,
    pub hmac: Option<HmacAlg>,
}

impl<'a> Facts<'a> {
    pub(super) fn new(decoded: &'a Decoded, cx: &'a LintContext<'a>) -> Self {
        let header = decoded.header.as_ref().and_then(|h| h.value.as_object());
        let alg = header.and_then(|h| h.get("alg")).and_then(Value::as_str);
        Facts {
            decoded,
            cx,
            header,
            claims: decoded.payload.claims(),
            alg,
            hmac: alg.and_then(HmacAlg::from_name),
        }
    }

    /// A date claim's seconds, from the timing evaluation.
    fn at(&self, name: &str) -> Option<i64> {
        self.cx
            .timing?
            .claims
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.seconds)
    }

    fn timing(&self) -> Option<&'a Timing> {
        self.cx.timing
    }
}

/// A rule: the finding, when its condition holds.
pub(super) type Rule = fn(&Facts<'_>) -> Option<Finding>;

/// The rules that depend on the evaluation instant (they find nothing without a timing).
pub(super) const TIMING_RULES: &[Rule] = &[
    long_lifetime,
    iat_in_future,
    nbf_in_future,
    nbf_after_exp,
    exp_before_iat,
];

/// Every rule, in display order within a severity.
pub(super) const RULES: &[Rule] = &[
    alg_none,
    alg_confusion,
    token_supplied_key,
    short_secret,
    weak_secret,
    weak_rsa_key,
    key_use_mismatch,
    missing_exp,
    long_lifetime,
    iat_in_future,
    nbf_in_future,
    nbf_after_exp,
    exp_before_iat,
    crit_present,
    header_kid,
    header_jku,
    header_x5u,
    header_jwk,
    unexpected_typ,
    duplicate_keys,
    noncanonical_base64url,
    hidden_characters,
    too_large_for_cookie,
    too_large_for_header,
    pii_claims,
];

fn finding(
    id: LintId,
    severity: Severity,
    title: &str,
    reference: &'static str,
    explanation: String,
) -> Option<Finding> {
    Some(Finding {
        id,
        severity,
        title: title.to_string(),
        explanation,
        reference,
    })
}

fn alg_none(f: &Facts<'_>) -> Option<Finding> {
    let alg = f.alg.filter(|a| a.trim().eq_ignore_ascii_case("none"))?;
    let spelled = if alg == "none" {
        String::new()
    } else {
        format!(" (spelled '{alg}', a classic trick to slip past case-sensitive block-lists)")
    };
    finding(
        LintId::AlgNone,
        Severity::Danger,
        "Unsigned token (alg: none)",
        "RFC 8725 §3.1, RFC 7518 §3.6",
        format!("The header asks for no signature{spelled}: anyone can forge this token, so a server must never accept it."),
    )
}

fn alg_confusion(f: &Facts<'_>) -> Option<Finding> {
    let h = f.hmac.filter(|_| f.cx.secret_is_public_key)?;
    finding(
        LintId::AlgConfusion,
        Severity::Danger,
        "Public key used as an HMAC secret",
        "RFC 8725 §2.1, §3.1",
        format!(
            "This {} token is checked with a public key as its shared secret. That is the key-confusion attack: a server that verifies with 'the key' whatever 'alg' says lets anyone who has its public key forge tokens. A server must fix the algorithm per key and never accept HS tokens for an RSA or EC key.",
            h.name()
        ),
    )
}

fn token_supplied_key(f: &Facts<'_>) -> Option<Finding> {
    let key = f.cx.key.filter(|k| k.from_token)?;
    let which = if key.form == crate::keys::KeyForm::TokenX5c {
        "'x5c' certificate"
    } else {
        "'jwk'"
    };
    finding(
        LintId::TokenSuppliedKey,
        Severity::Danger,
        "Checked with the token's own key",
        "RFC 8725 §3.10, RFC 7515 §4.1.3, §4.1.6",
        format!(
            "The signature was checked with the token's own {which}. Anyone can sign a token with a fresh key and embed its public half, so this shows only that the token is self-consistent, never who made it. A verifier must take keys from its own configuration{}.",
            if which.starts_with("'x5c'") {
                ", or validate the certificate chain to a trusted root"
            } else {
                ""
            }
        ),
    )
}

fn short_secret(f: &Facts<'_>) -> Option<Finding> {
    let (h, len) = (f.hmac?, f.cx.secret_len?);
    if len >= h.output_len() {
        return None;
    }
    finding(
        LintId::ShortSecret,
        Severity::Warning,
        "Secret shorter than the hash",
        "RFC 7518 §3.2, RFC 8725 §3.5",
        format!(
            "The secret is {len} bytes; {} needs at least {} bytes of key, and short secrets can be brute-forced offline from any token.",
            h.name(),
            h.output_len()
        ),
    )
}

fn weak_secret(f: &Facts<'_>) -> Option<Finding> {
    let secret = f.cx.weak_secret?;
    finding(
        LintId::WeakSecret,
        Severity::Danger,
        "Signed with a well-known secret",
        "RFC 8725 §3.5, OWASP JWT Cheat Sheet",
        format!(
            "This token verifies with {}, a secret from tutorials and defaults: anyone can forge tokens this server accepts. Rotate to a random secret of at least {} bytes.",
            if secret.is_empty() { "an empty key".to_string() } else { format!("'{secret}'") },
            f.hmac.map_or(32, HmacAlg::output_len)
        ),
    )
}

fn weak_rsa_key(f: &Facts<'_>) -> Option<Finding> {
    let key =
        f.cx.key
            .filter(|k| k.key_type == KeyType::Rsa && k.bits < 2048)?;
    finding(
        LintId::WeakRsaKey,
        Severity::Warning,
        "RSA key shorter than 2048 bits",
        "RFC 7518 §3.3, RFC 8725 §3.5",
        format!(
            "The RSA key has {} bits; JWS requires at least 2048, and keys this short can be factored by a determined attacker. The signature was still checked.",
            key.bits
        ),
    )
}

fn key_use_mismatch(f: &Facts<'_>) -> Option<Finding> {
    let key = f.cx.key?;
    let mut problems = Vec::new();
    if let Some(u) = key.jwk_use.as_deref().filter(|u| *u != "sig") {
        problems.push(format!(
            "its 'use' is '{u}', so it is meant for {}, not for signatures",
            if u == "enc" {
                "encryption"
            } else {
                "something else"
            }
        ));
    }
    if let Some(ops) = key
        .key_ops
        .as_ref()
        .filter(|ops| !ops.iter().any(|o| o == "verify"))
    {
        let listed: Vec<String> = ops.iter().map(|o| format!("'{o}'")).collect();
        problems.push(format!(
            "its 'key_ops' [{}] do not include 'verify'",
            listed.join(", ")
        ));
    }
    if let (Some(a), Some(t)) = (key.jwk_alg.as_deref(), f.alg) {
        if a != t {
            problems.push(format!("its 'alg' is {a}, but the token says {t}"));
        }
    }
    if problems.is_empty() {
        return None;
    }
    finding(
        LintId::KeyUseMismatch,
        Severity::Warning,
        "Key not meant for this use",
        "RFC 7517 §4.2–4.4, RFC 8725 §3.1",
        format!(
            "The key's own metadata says it should not verify this token: {}. A careful library refuses it; the signature was still checked here.",
            problems.join("; ")
        ),
    )
}

fn missing_exp(f: &Facts<'_>) -> Option<Finding> {
    if f.claims?.contains_key("exp") {
        return None;
    }
    finding(
        LintId::MissingExp,
        Severity::Warning,
        "No expiry (exp)",
        "RFC 7519 §4.1.4, OWASP JWT Cheat Sheet",
        "Without 'exp' this token never expires: if it leaks it stays usable until the signing key changes.".into(),
    )
}

fn long_lifetime(f: &Facts<'_>) -> Option<Finding> {
    let life = f.timing()?.lifetime.filter(|&l| l > LONG_LIFETIME)?;
    finding(
        LintId::LongLifetime,
        Severity::Warning,
        "Long lifetime",
        "RFC 8725 §3.10, OWASP JWT Cheat Sheet",
        format!(
            "This token is valid for {}. A stolen JWT cannot be revoked without extra server state, so access tokens usually live minutes, with a refresh token for longer sessions.",
            crate::clock_text::compact(life.unsigned_abs())
        ),
    )
}

fn iat_in_future(f: &Facts<'_>) -> Option<Finding> {
    let t = f.timing()?;
    let iat = f
        .at("iat")
        .filter(|&i| i > t.now.saturating_add(i64::from(t.skew)))?;
    finding(
        LintId::IatInFuture,
        Severity::Warning,
        "Issued in the future",
        "RFC 7519 §4.1.6",
        format!(
            "'iat' is {} ahead of the evaluation time, beyond the {}-second skew: the issuer's clock is wrong or the token was forged.",
            crate::clock_text::compact(iat.saturating_sub(t.now).unsigned_abs()),
            t.skew
        ),
    )
}

fn nbf_in_future(f: &Facts<'_>) -> Option<Finding> {
    let t = f.timing()?;
    let nbf = f
        .at("nbf")
        .filter(|&n| n > t.now.saturating_add(i64::from(t.skew)))?;
    finding(
        LintId::NbfInFuture,
        Severity::Info,
        "Not valid yet",
        "RFC 7519 §4.1.5",
        format!(
            "'nbf' is {} ahead: servers must reject this token until then.",
            crate::clock_text::compact(nbf.saturating_sub(t.now).unsigned_abs())
        ),
    )
}

fn nbf_after_exp(f: &Facts<'_>) -> Option<Finding> {
    let (nbf, exp) = (f.at("nbf")?, f.at("exp")?);
    if nbf < exp {
        return None;
    }
    finding(
        LintId::NbfAfterExp,
        Severity::Warning,
        "Never valid",
        "RFC 7519 §4.1.4–4.1.5",
        "'nbf' is not before 'exp', so there is no moment at which this token is valid.".into(),
    )
}

fn exp_before_iat(f: &Facts<'_>) -> Option<Finding> {
    let (iat, exp) = (f.at("iat")?, f.at("exp")?);
    if exp >= iat {
        return None;
    }
    finding(
        LintId::ExpBeforeIat,
        Severity::Warning,
        "Expired before it was issued",
        "RFC 7519 §4.1.4, §4.1.6",
        "'exp' is earlier than 'iat': the issuer computed the expiry wrongly (often seconds mixed with milliseconds).".into(),
    )
}

fn crit_present(f: &Facts<'_>) -> Option<Finding> {
    f.header?.get("crit")?;
    finding(
        LintId::CritPresent,
        Severity::Info,
        "Critical extensions (crit)",
        "RFC 7515 §4.1.11",
        "The header lists extensions every recipient must understand; a library that ignores 'crit' may accept a token it should refuse.".into(),
    )
}

fn header_kid(f: &Facts<'_>) -> Option<Finding> {
    let kid = f.header?.get("kid")?;
    let suspicious = suspicious_kid(kid.as_str().unwrap_or_default());
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
    finding(
        LintId::HeaderKid,
        severity,
        "Key id (kid)",
        "RFC 7515 §4.1.4, RFC 8725 §3.10",
        explanation,
    )
}

/// True for a `kid` holding `../`, `..\`, `'`, `"`, `;`, `|`, `` ` ``, `$(`, NUL or `/dev/`: read in
/// one pass.
fn suspicious_kid(kid: &str) -> bool {
    let kid = kid.as_bytes();
    (0..kid.len()).any(|i| {
        matches!(
            &kid[i..],
            [b'\'' | b'"' | b';' | b'|' | b'`' | 0, ..]
                | [b'.', b'.', b'/' | b'\\', ..]
                | [b'$', b'(', ..]
                | [b'/', b'd', b'e', b'v', b'/', ..]
        )
    })
}

fn key_location(f: &Facts<'_>, name: &str, id: LintId, title: &str, what: &str) -> Option<Finding> {
    let v = f.header?.get(name)?;
    finding(
        id,
        Severity::Warning,
        title,
        "RFC 7515 §4.1.2, §4.1.5, RFC 8725 §3.10",
        format!("'{name}' gives {what} ({v}). A verifier that fetches keys from where the token says lets an attacker supply the key; only allow-listed URLs may be used."),
    )
}

fn header_jku(f: &Facts<'_>) -> Option<Finding> {
    key_location(
        f,
        "jku",
        LintId::HeaderJku,
        "Key location in the token (jku)",
        "a URL of a key set",
    )
}

fn header_x5u(f: &Facts<'_>) -> Option<Finding> {
    key_location(
        f,
        "x5u",
        LintId::HeaderX5u,
        "Key location in the token (x5u)",
        "a URL of a certificate",
    )
}

fn header_jwk(f: &Facts<'_>) -> Option<Finding> {
    f.header?.get("jwk")?;
    finding(
        LintId::HeaderJwk,
        Severity::Danger,
        "Embedded key (jwk)",
        "RFC 7515 §4.1.3, RFC 8725 §3.10",
        "The header carries its own public key. If a verifier trusts it, anyone can sign with a key of their own; the key must come from the verifier's configuration.".into(),
    )
}

fn unexpected_typ(f: &Facts<'_>) -> Option<Finding> {
    let typ = f.header?.get("typ")?;
    let ok = typ.as_str().is_some_and(|t| {
        let t = t.as_bytes();
        let t = match t.split_at_checked(12) {
            Some((media, rest)) if media.eq_ignore_ascii_case(b"application/") => rest,
            _ => t,
        };
        let plus_jwt = t.len() >= 4 && t[t.len() - 4..].eq_ignore_ascii_case(b"+jwt");
        t.eq_ignore_ascii_case(b"jwt") || t.eq_ignore_ascii_case(b"jose") || plus_jwt
    });
    if ok {
        return None;
    }
    finding(
        LintId::UnexpectedTyp,
        Severity::Info,
        "Unusual type (typ)",
        "RFC 7519 §5.1, RFC 8725 §3.11",
        format!("'typ' is {typ}, not JWT or an explicit '+jwt' type: check that this token is meant to be used where it is presented."),
    )
}

fn duplicate_keys(f: &Facts<'_>) -> Option<Finding> {
    let duplicates: Vec<String> = super::json_parts(f.decoded)
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
                    super::list(&dup.values, " then "),
                    dup.values.last().map(String::as_str).unwrap_or_default()
                )
            })
        })
        .collect();
    if duplicates.is_empty() {
        return None;
    }
    finding(
        LintId::DuplicateKeys,
        Severity::Danger,
        "Repeated member names",
        "RFC 7515 §5.2, RFC 8259 §4",
        format!(
            "Parsers disagree on which value wins, so two systems can read different tokens from the same bytes: {}.",
            super::list(&duplicates, "; ")
        ),
    )
}

fn noncanonical_base64url(f: &Facts<'_>) -> Option<Finding> {
    let noncanonical = &f.decoded.noncanonical;
    if noncanonical.is_empty() {
        return None;
    }
    let parts: Vec<String> = noncanonical
        .iter()
        .map(|(seg, n)| format!("the {} segment {}", seg.code(), n.message()))
        .collect();
    let severity = if noncanonical
        .iter()
        .any(|(_, n)| *n == Noncanonical::TrailingBits)
    {
        Severity::Warning
    } else {
        Severity::Info
    };
    finding(
        LintId::NoncanonicalBase64url,
        severity,
        "Non-canonical base64url",
        "RFC 7515 §2, RFC 4648 §3.5",
        format!(
            "{}. Strict libraries reject this, and a token with several spellings defeats blocklists and caches keyed on its text.",
            super::capitalize(&parts.join("; "))
        ),
    )
}

fn hidden_characters(f: &Facts<'_>) -> Option<Finding> {
    let found: Vec<(&str, crate::visible::HiddenIn)> = super::json_parts(f.decoded)
        .flat_map(|(part, d)| {
            crate::visible::find_in_json(&d.value)
                .into_iter()
                .map(move |h| (part, h))
        })
        .collect();
    if found.is_empty() {
        return None;
    }
    let total: usize = found.iter().map(|(_, h)| h.count).sum();
    let hidden: Vec<String> = found
        .iter()
        .map(|(part, h)| format!("{part} '{}': {}", h.path, h.characters.join(", ")))
        .collect();
    finding(
        LintId::HiddenCharacters,
        Severity::Warning,
        "Hidden characters",
        "Unicode TR #36 §2, CVE-2021-42574 (Trojan Source)",
        format!(
            "Text contains {total} hidden {} (invisible, or reordering what is displayed), so a value can read differently from what software compares: {}. They are marked in the decoded JSON.",
            if total == 1 { "character" } else { "characters" },
            super::list(&hidden, "; ")
        ),
    )
}

/// Raised for every token over the cookie limit, including those also too large for a header:
/// one finding never hides another.
fn too_large_for_cookie(f: &Facts<'_>) -> Option<Finding> {
    let size = f.decoded.token.len();
    if size <= COOKIE_LIMIT {
        return None;
    }
    finding(
        LintId::TooLargeForCookie,
        Severity::Warning,
        "Too large for a cookie",
        "RFC 6265 §6.1",
        format!("{size} bytes: browsers keep at most about 4096 bytes per cookie, so this token cannot be stored in one."),
    )
}

fn too_large_for_header(f: &Facts<'_>) -> Option<Finding> {
    let size = f.decoded.token.len();
    if size <= HEADER_LIMIT {
        return None;
    }
    finding(
        LintId::TooLargeForHeader,
        Severity::Warning,
        "Too large for an HTTP header",
        "RFC 9110 §5.4 (server limits)",
        format!("{size} bytes: many servers and proxies refuse request headers over 8 KB, so this token may be rejected before it is read."),
    )
}

fn pii_claims(f: &Facts<'_>) -> Option<Finding> {
    let pii = pii_names(f.claims?);
    if pii.is_empty() {
        return None;
    }
    finding(
        LintId::PiiClaims,
        Severity::Warning,
        "Personal or secret data in the payload",
        "RFC 8725 §3.6, OWASP JWT Cheat Sheet",
        format!(
            "{} {} readable by anyone who holds the token: a JWS payload is only encoded, not encrypted.",
            super::list(&pii, ", "),
            if pii.len() == 1 { "is" } else { "are" }
        ),
    )
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

fn pii_names(claims: &Map) -> Vec<String> {
    claims
        .iter()
        .filter(|(name, value)| {
            is_pii_name(name) || value.as_str().is_some_and(looks_like_email_or_card)
        })
        .map(|(name, _)| format!("'{name}'"))
        .collect()
}

/// A name that holds one of [`PII_NAMES`], in any ASCII case, and does not end in `_verified`.
/// Compared in place: a payload's names are short, and this runs on every inspection.
fn is_pii_name(name: &str) -> bool {
    let name = name.as_bytes();
    let verified = name.len() >= 9 && name[name.len() - 9..].eq_ignore_ascii_case(b"_verified");
    // The first byte decides most windows without a call.
    let holds = |word: &[u8]| {
        name.windows(word.len())
            .any(|w| w[0].to_ascii_lowercase() == word[0] && w.eq_ignore_ascii_case(word))
    };
    !verified && PII_NAMES.iter().any(|w| holds(w.as_bytes()))
}

fn looks_like_email_or_card(s: &str) -> bool {
    let email = s.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty() && domain.contains('.') && !s.contains(char::is_whitespace)
    });
    email || looks_like_card(s)
}

/// 13 to 19 digits, spaces and dashes aside, that pass the Luhn check: read in one pass.
fn looks_like_card(s: &str) -> bool {
    // Luhn doubles every second digit from the right. Reading from the left, the digits are
    // summed both ways by the parity of their position, and the total digit count then says
    // which sum is the Luhn sum.
    let mut count = 0;
    let mut sums = [[0u32; 2]; 2]; // [position parity][as is, doubled]
    for b in s.bytes().filter(|b| !matches!(b, b' ' | b'-')) {
        if !b.is_ascii_digit() || count == 19 {
            return false;
        }
        let d = u32::from(b - b'0');
        let doubled = if d * 2 > 9 { d * 2 - 9 } else { d * 2 };
        sums[count % 2][0] += d;
        sums[count % 2][1] += doubled;
        count += 1;
    }
    // The last digit (position count - 1) is the first from the right: it is not doubled.
    let last = (count + 1) % 2;
    count >= 13 && (sums[last][0] + sums[1 - last][1]).is_multiple_of(10)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rules as first written (with allocations): the in-place versions must agree.
    fn pii_name_reference(name: &str) -> bool {
        let lower = name.to_ascii_lowercase();
        PII_NAMES.iter().any(|p| lower.contains(p)) && !lower.ends_with("_verified")
    }

    fn card_reference(s: &str) -> bool {
        let digits: String = s.chars().filter(|c| !matches!(c, ' ' | '-')).collect();
        (13..=19).contains(&digits.len())
            && digits.bytes().all(|b| b.is_ascii_digit())
            && luhn(&digits)
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

    #[test]
    fn suspicious_kid_matches_the_reference() {
        let reference = |t: &str| {
            ["../", "..\\", "'", "\"", ";", "|", "`", "$(", "\0", "/dev/"]
                .iter()
                .any(|s| t.contains(s))
        };
        for kid in [
            "",
            "k1",
            "..",
            "../x",
            "a..\\b",
            "it's",
            "a\"b",
            "a;b",
            "a|b",
            "`id`",
            "$(id)",
            "$x",
            "a\0",
            "/dev",
            "x/dev/null",
            "/de/v/",
            ". ./",
            "é../",
            "dev/",
        ] {
            assert_eq!(suspicious_kid(kid), reference(kid), "{kid:?}");
        }
    }

    #[test]
    fn pii_names_match_the_reference_in_every_case() {
        let names = [
            "email",
            "EMAIL",
            "user_Email",
            "email_verified",
            "EMAIL_VERIFIED",
            "phone_number",
            "sub",
            "",
            "e",
            "_verified",
            "x_verified",
            "secretive",
            "Pwd",
            "é-mail",
            "emailé",
            "cardholder",
            "api_KEY",
            "privatekey",
            "private_key_verified",
            "credit_verified2",
        ];
        for name in names {
            assert_eq!(is_pii_name(name), pii_name_reference(name), "{name:?}");
        }
    }

    #[test]
    fn card_check_matches_the_reference_for_every_length_and_separator() {
        // Valid and invalid Luhn numbers of 1 to 23 digits, spaced, dashed and damaged.
        let base = "4111111111111111111111";
        for len in 0..=22 {
            for tail in 0..10 {
                let digits = format!("{}{tail}", &base[..len]);
                for candidate in [
                    digits.clone(),
                    digits.chars().flat_map(|c| [c, ' ']).collect::<String>(),
                    digits.replace('1', "1-"),
                    format!("{digits}x"),
                    format!("{digits}\u{0661}"),
                ] {
                    assert_eq!(
                        looks_like_card(&candidate),
                        card_reference(&candidate),
                        "{candidate:?}"
                    );
                }
            }
        }
        assert!(looks_like_card("4111 1111 1111 1111"));
        assert!(!looks_like_card("4111 1111 1111 1112"));
    }
}
