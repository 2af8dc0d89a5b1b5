//! The exit status: one number per outcome, and which one wins when several apply.

use jwt_core::{Report, Severity, Verdict};

/// The outcome of a run, as the exit status scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: decoded, the signature valid (or none asked for) and the token active.
    Ok,
    /// 1: the token cannot be decoded (for `sign`: the header or payload cannot be signed).
    Undecodable,
    /// 2: bad usage: arguments, unreadable files, unset variables, invalid secret or instant.
    Usage,
    /// 3: a secret or key was given and the signature is not valid.
    BadSignature,
    /// 4: expired or not yet valid at the evaluation instant, skew applied.
    NotActive,
    /// 5: a finding at or above the `--fail-on` severity.
    Findings,
}

impl Status {
    /// The exit status number.
    pub fn code(self) -> u8 {
        match self {
            Status::Ok => 0,
            Status::Undecodable => 1,
            Status::Usage => 2,
            Status::BadSignature => 3,
            Status::NotActive => 4,
            Status::Findings => 5,
        }
    }
}

/// Why a command stopped before it could report on a token or make one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The exit status to end with.
    pub status: Status,
    /// What went wrong, in words, without the `error:` prefix.
    pub message: String,
}

impl Failure {
    /// A usage failure (status 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Failure {
            status: Status::Usage,
            message: message.into(),
        }
    }

    /// Content that cannot be decoded or signed (status 1).
    pub fn content(message: impl Into<String>) -> Self {
        Failure {
            status: Status::Undecodable,
            message: message.into(),
        }
    }
}

/// What was asked of an inspection beyond decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// A secret or a key was given, so the signature must be valid.
    pub signature: bool,
    /// Findings at or above this severity fail the run.
    pub fail_on: Option<Severity>,
}

/// The status of an inspection: the first check that fails, in the order decoding, signature,
/// time, findings. A token that cannot be decoded has no trustworthy signature or dates, and a
/// forged token's dates mean nothing, so the earlier check is the one worth acting on.
pub fn of(report: &Report, asked: &Asked) -> Status {
    if !report.decoded.is_well_formed() {
        Status::Undecodable
    } else if asked.signature && report.signature.verdict != Verdict::Valid {
        Status::BadSignature
    } else if report.timing.as_ref().is_some_and(|t| !t.usable) {
        Status::NotActive
    } else if failing_findings(report, asked.fail_on) > 0 {
        Status::Findings
    } else {
        Status::Ok
    }
}

/// How many findings are at or above `fail_on`.
pub fn failing_findings(report: &Report, fail_on: Option<Severity>) -> usize {
    fail_on.map_or(0, |level| {
        report
            .findings
            .iter()
            .filter(|f| f.severity >= level)
            .count()
    })
}
