//! The exit status: one number per outcome, and which one wins when several apply.

use jwt_core::{Report, Severity, Verdict};

/// The outcome of a run, as the exit status scripts rely on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// 0: decoded, the signature verified (or nothing given to check it) and the token active.
    Ok,
    /// 1: the token cannot be decoded (for `sign`: the header or payload cannot be signed).
    Undecodable,
    /// 2: bad usage: arguments, unreadable files, unset variables, invalid secret or instant.
    Usage,
    /// 3: a secret or key was given and the signature is not verified with it.
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

/// What the signature is checked with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Against {
    /// Nothing: the signature is described, not required to verify.
    Nothing,
    /// An HMAC secret.
    Secret,
    /// A public key from `--key`.
    PublicKey,
    /// The token's own `jwk` or `x5c` (`--token-key`).
    TokenKey,
}

/// What was asked of an inspection beyond decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// What the signature must verify with, if anything.
    pub against: Against,
    /// Findings at or above this severity fail the run.
    pub fail_on: Option<Severity>,
}

/// The status of an inspection: the first check that fails, in the order decoding, signature,
/// time, findings. A token that cannot be decoded has no trustworthy signature or dates, and a
/// forged token's dates mean nothing, so the earlier check is the one worth acting on.
pub fn of(report: &Report, asked: &Asked) -> Status {
    if !report.decoded.is_well_formed() {
        Status::Undecodable
    } else if asked.against != Against::Nothing && !verified(report, asked.against) {
        Status::BadSignature
    } else if report.timing.as_ref().is_some_and(|t| !t.usable) {
        Status::NotActive
    } else if failing_findings(report, asked.fail_on) > 0 {
        Status::Findings
    } else {
        Status::Ok
    }
}

/// True when the signature verifies with what was given.
///
/// With a public key, the key itself must have verified: an HMAC token whose MAC is made with
/// the key's text as the secret gets the core's `valid` (the MAC does match), but it is the
/// key-confusion attack (RFC 8725 §2.1), which anyone holding the public key can mount.
pub fn verified(report: &Report, against: Against) -> bool {
    let check = &report.signature;
    match against {
        Against::Nothing => false,
        Against::Secret | Against::TokenKey => check.verdict == Verdict::Valid,
        Against::PublicKey => check.verdict == Verdict::Valid && check.key.is_some(),
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
