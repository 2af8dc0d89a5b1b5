//! Findings, most severe first (the core's order), each with its reference.

use anstyle::Style;
use jwt_core::{Finding, Severity};

use super::out::{self, Out};

/// Column where a finding's text starts.
const INDENT: usize = 11;

/// Writes the findings section.
pub fn section(out: &mut Out, findings: &[Finding]) {
    out.styled(out::HEADING, "Findings");
    if findings.is_empty() {
        out.text("  none").newline();
        return;
    }
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let tally: Vec<String> = [Severity::Danger, Severity::Warning, Severity::Info]
        .into_iter()
        .filter(|&s| count(s) > 0)
        .map(|s| match (count(s), s) {
            (1, _) | (_, Severity::Info) => format!("{} {}", count(s), s.code()),
            (n, _) => format!("{n} {}s", s.code()),
        })
        .collect();
    out.styled(out::DIM, &format!("  {}", tally.join(", ")))
        .newline();
    for f in findings {
        let label = f.severity.code();
        out.text("  ")
            .styled(severity_style(f.severity), label)
            .pad(INDENT - 2 - label.len())
            .styled(out::HEADING, &f.title)
            .styled(out::DIM, &format!("  [{}]", f.id.code()))
            .newline();
        out.prose(INDENT, Style::new(), &f.explanation);
        out.prose(INDENT, out::DIM, f.reference);
    }
}

fn severity_style(severity: Severity) -> Style {
    match severity {
        Severity::Danger => out::BAD,
        Severity::Warning => out::WARN,
        Severity::Info => anstyle::AnsiColor::Blue.on_default().bold(),
    }
}
