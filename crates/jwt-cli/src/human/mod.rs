//! The report for a person: what the page shows, as text, in the page's order, ending with the
//! outcome that the exit status encodes.

mod caret;
mod findings;
mod out;
mod parts;
mod signature;
mod timing;

use std::path::Path;

use jwt_core::{clock_text, Report, TimeState, Verdict};

use crate::status::{self, Against, Asked, Status};
use out::Out;

/// What the report needs besides the core's `Report`.
pub struct View<'a> {
    /// What was asked (a signature check, a findings threshold).
    pub asked: Asked,
    /// The outcome, already decided.
    pub status: Status,
    /// The `--key` file, if any.
    pub key_file: Option<&'a Path>,
    /// Local time of an instant, with its offset.
    pub local: &'a dyn Fn(i64) -> Option<String>,
}

/// The whole report, with styles (removed later when the output is not a terminal).
pub fn render(report: &Report, view: &View<'_>) -> String {
    let mut out = Out::new();
    let decoded = &report.decoded;
    for cleanup in &decoded.cleanups {
        out.styled(out::DIM, "note: ")
            .text(cleanup.message())
            .newline();
    }
    for error in &decoded.errors {
        caret::error(&mut out, decoded, error);
        out.newline();
    }
    if !decoded.segments.is_empty() {
        parts::header(&mut out, decoded.header.as_deref());
        out.newline();
        parts::payload(&mut out, &decoded.payload);
        out.newline();
    }
    if let Some(t) = &report.timing {
        timing::section(&mut out, t, view.local);
        out.newline();
    }
    signature::section(
        &mut out,
        &report.signature,
        view.asked.against,
        view.key_file,
    );
    out.newline();
    findings::section(&mut out, &report.findings);
    out.newline();
    result(&mut out, report, view);
    out.finish()
}

/// The last line: the outcome in words and its exit status.
fn result(out: &mut Out, report: &Report, view: &View<'_>) {
    let at = report
        .timing
        .as_ref()
        .and_then(|t| clock_text::rfc3339(t.now))
        .unwrap_or_default();
    let (words, style) = match view.status {
        Status::Ok => {
            let mut parts = vec!["decoded".to_string()];
            parts.push(match view.asked.against {
                Against::Nothing => format!(
                    "signature not checked ({})",
                    report.signature.verdict.code()
                ),
                Against::Secret | Against::PublicKey => "signature verified".into(),
                Against::TokenKey => {
                    "signature matches the token's own key (self-consistency only)".into()
                }
            });
            if report.timing.is_some() {
                parts.push(format!("active at {at}"));
            }
            (format!("OK: {}", parts.join(", ")), out::GOOD)
        }
        Status::Undecodable => ("Cannot decode the token".to_string(), out::BAD),
        Status::Usage => ("Bad usage".to_string(), out::BAD),
        Status::BadSignature => {
            let why = match report.signature.verdict {
                // With --key, a matching HMAC is the key-confusion attack (status::verified).
                Verdict::Valid => {
                    "the MAC is made with the public key's text as the secret (key confusion)"
                }
                other => other.code(),
            };
            (format!("Signature not verified: {why}"), out::BAD)
        }
        Status::NotActive => {
            let why = report
                .timing
                .as_ref()
                .and_then(|t| {
                    t.claims
                        .iter()
                        .find(|c| matches!(c.state, TimeState::Expired | TimeState::NotYetValid))
                })
                .map(|c| c.relative.clone())
                .unwrap_or_default();
            (format!("Not active at {at}: {why}"), out::BAD)
        }
        Status::Findings => {
            let n = status::failing_findings(report, view.asked.fail_on);
            let level = view.asked.fail_on.map(|s| s.code()).unwrap_or_default();
            (
                format!(
                    "{n} finding{} at or above {level}",
                    if n == 1 { "" } else { "s" }
                ),
                out::BAD,
            )
        }
    };
    out.styled(out::HEADING, "Result: ")
        .styled(style, &words)
        .styled(out::DIM, &format!(" (exit {})", view.status.code()))
        .newline();
}
