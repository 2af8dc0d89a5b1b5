//! The signature verdict in words.

use anstyle::Style;
use jwt_core::{SignatureCheck, Verdict};

use super::out::{self, Out};

/// Writes the signature section; `key_notice` is a remark about a `--key` file.
pub fn section(out: &mut Out, check: &SignatureCheck, key_notice: Option<&str>) {
    out.styled(out::HEADING, "Signature");
    if let Some(alg) = &check.alg {
        out.text("  ").one_line(alg);
    }
    out.newline();
    out.text("  ")
        .styled(verdict_style(check.verdict), check.verdict.headline())
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
        out.styled(out::DIM, &format!("  The secret is {len} {unit}."))
            .newline();
    }
    if let Some(notice) = key_notice {
        out.prose(2, out::WARN, notice);
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
