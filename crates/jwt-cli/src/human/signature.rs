//! The signature verdict in words, and what it was checked with: the secret's length and
//! encoding, or the public key, why it was chosen, and its certificate.

use std::path::Path;

use anstyle::Style;
use jwt_core::keys::KeyType;
use jwt_core::{clock_text, KeySummary, SignatureCheck, Verdict};

use super::out::{self, Out};
use crate::status::Against;

/// Column where a key row's value starts.
const VALUE: usize = 11;

/// Writes the signature section; `key_file` is the `--key` file, if any.
pub fn section(out: &mut Out, check: &SignatureCheck, against: Against, key_file: Option<&Path>) {
    out.styled(out::HEADING, "Signature");
    if let Some(alg) = &check.alg {
        out.text("  ").one_line(alg);
    }
    out.newline();
    let (headline, style) = headline(check, against);
    out.text("  ")
        .styled(style, headline)
        .styled(out::DIM, &format!(" ({})", check.verdict.code()))
        .newline();
    out.prose(2, Style::new(), &check.message);
    if let Some(expected) = &check.expected_signature {
        out.text("  With this secret the signature would be:")
            .newline();
        out.text("    ").one_line(expected).newline();
    }
    if let Some(len) = check.key_len {
        let unit = if len == 1 { "byte" } else { "bytes" };
        let read_as = check
            .secret_encoding
            .map(|e| format!(", read as {}", e.label()))
            .unwrap_or_default();
        out.styled(out::DIM, &format!("  The secret is {len} {unit}{read_as}."))
            .newline();
    }
    let mut rows = check.key.as_deref().map(key_rows).unwrap_or_default();
    if let Some(path) = key_file {
        rows.push(("file", path.display().to_string()));
    }
    for (label, value) in rows {
        out.text("  ")
            .styled(out::DIM, label)
            .pad(VALUE - 2 - label.len())
            .hanging(VALUE, Style::new(), &value);
    }
}

/// The key used or considered, one labelled row per fact.
fn key_rows(key: &KeySummary) -> Vec<(&'static str, String)> {
    let mut rows = vec![("key", what(key)), ("chosen", key.reason.clone())];
    if let Some(c) = &key.certificate {
        rows.push(("subject", c.subject.clone()));
        rows.push(("issuer", c.issuer.clone()));
        let instant = |t: Option<i64>| {
            t.and_then(clock_text::rfc3339)
                .unwrap_or_else(|| "?".to_string())
        };
        rows.push((
            "valid",
            format!(
                "{} to {} (no chain or trust checked)",
                instant(c.not_before),
                instant(c.not_after)
            ),
        ));
    }
    rows
}

/// "RSA 2048-bit, key 2 of 3 in the JWKS (kid 'k2', alg RS256, use sig)".
fn what(key: &KeySummary) -> String {
    let curve = key.curve.unwrap_or("?");
    let kind = match key.key_type {
        KeyType::Rsa => format!("RSA {}-bit", key.bits),
        KeyType::Ec => format!("EC {curve}"),
        KeyType::Okp => curve.to_string(),
    };
    let origin = match (key.position, key.set_size) {
        (Some(p), Some(n)) => format!("key {p} of {n} in the JWKS"),
        _ => key.form.label().to_string(),
    };
    let mut about = Vec::new();
    if let Some(kid) = &key.kid {
        about.push(format!("kid '{kid}'"));
    }
    if let Some(alg) = &key.jwk_alg {
        about.push(format!("alg {alg}"));
    }
    if let Some(u) = &key.jwk_use {
        about.push(format!("use {u}"));
    }
    if let Some(ops) = &key.key_ops {
        about.push(format!("key_ops {}", ops.join(",")));
    }
    if about.is_empty() {
        format!("{kind}, {origin}")
    } else {
        format!("{kind}, {origin} ({})", about.join(", "))
    }
}

/// The verdict's headline, except where what was given changes its meaning: a `valid` MAC made
/// with the `--key` text is the key-confusion attack, and the token's own key proves only that
/// the token is self-consistent.
fn headline(check: &SignatureCheck, against: Against) -> (&'static str, Style) {
    match (check.verdict, against) {
        (Verdict::Valid, Against::PublicKey) if check.key.is_none() => (
            "Key confusion: the MAC is made with the public key's text",
            out::BAD,
        ),
        (Verdict::Valid, Against::TokenKey) => {
            ("Self-consistent: matches the token's own key", out::WARN)
        }
        (verdict, _) => (verdict.headline(), verdict_style(verdict)),
    }
}

fn verdict_style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Valid => out::GOOD,
        Verdict::NoSecret
        | Verdict::NoKey
        | Verdict::UnsupportedAlg
        | Verdict::NotEvaluated
        | Verdict::NotApplicable => out::WARN,
        Verdict::Invalid
        | Verdict::WrongLength
        | Verdict::Unsigned
        | Verdict::BadSecret
        | Verdict::BadKey
        | Verdict::KeyMismatch
        | Verdict::KidNotFound
        | Verdict::AlgMissing
        | Verdict::AmbiguousAlg
        | Verdict::UnsupportedCrit => out::BAD,
    }
}
