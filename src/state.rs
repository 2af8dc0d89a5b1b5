//! The inspector's reactive state: inputs as signals, everything else derived from them once.
//!
//! The token is decoded only when its text changes; the clock ticking re-judges dates only.

use jwt_core::lints::{self, Finding, LintContext};
use jwt_core::timing::{self, DateClaim, Timing};
use jwt_core::token::{self, Decoded};
use jwt_core::verify::{self, SignatureCheck};
use jwt_core::{clock_text, Options, SecretEncoding, SecretInput};
use leptos::prelude::*;

/// Inputs longer than this (bytes) are decoded after a pause in typing rather than on every key.
pub const LARGE_INPUT: usize = 256 * 1024;
/// The pause, in milliseconds, before large input is decoded.
pub const LARGE_INPUT_PAUSE_MS: u64 = 150;

/// The pause, in milliseconds, before the weak-secret scan runs on a new token.
pub const WEAK_SECRET_PAUSE_MS: u64 = 200;

/// A restartable timeout: work that waits for a pause in input.
#[derive(Clone, Copy)]
struct Pending(StoredValue<Option<TimeoutHandle>>);

impl Pending {
    fn new() -> Self {
        Pending(StoredValue::new(None))
    }

    /// Drops the work scheduled earlier, if it has not run.
    fn cancel(self) {
        if let Some(handle) = self.0.get_value() {
            handle.clear();
        }
    }

    /// Runs `work` after `ms` milliseconds unless cancelled first.
    fn after(self, ms: u64, work: impl FnOnce() + 'static) {
        let handle = set_timeout_with_handle(work, std::time::Duration::from_millis(ms));
        self.0.set_value(handle.ok());
    }
}

/// Signals and memos shared by every panel, provided as context.
#[derive(Clone, Copy)]
pub struct Inspector {
    /// The text in the token field.
    pub token: RwSignal<String>,
    /// The text in the secret field. Never persisted, never put in a URL.
    pub secret: RwSignal<String>,
    /// How the secret text is read.
    pub encoding: RwSignal<SecretEncoding>,
    /// Clock-skew tolerance in seconds.
    pub skew: RwSignal<u32>,
    /// The "evaluate at" text; empty means now, live.
    pub evaluate_at: RwSignal<String>,
    /// The browser clock, Unix seconds, ticking once a second.
    pub clock: RwSignal<i64>,
    /// The decoded token.
    pub decoded: Memo<Decoded>,
    /// The signature verdict.
    pub signature: Memo<SignatureCheck>,
    /// A built-in weak secret that verifies the token (found after a short pause).
    pub weak_secret: RwSignal<Option<&'static str>>,
    /// Date claims read from the payload.
    pub date_claims: Memo<Vec<DateClaim>>,
    /// The evaluation instant typed by the user: `Ok(None)` for "now".
    pub evaluation: Memo<Result<Option<i64>, String>>,
    /// Date claims judged at the evaluation instant.
    pub timing: Memo<Option<Timing>>,
    /// Findings, most severe first.
    pub findings: Memo<Vec<Finding>>,
}

impl Inspector {
    /// Creates the state with an initial token and clock reading.
    pub fn new(initial_token: String, now: i64) -> Self {
        let token = RwSignal::new(initial_token);
        let secret = RwSignal::new(String::new());
        let encoding = RwSignal::new(SecretEncoding::Utf8);
        let skew = RwSignal::new(Options::recommended(0).clock_skew);
        let evaluate_at = RwSignal::new(String::new());
        let clock = RwSignal::new(now);

        // Large input is decoded once typing pauses, so keystrokes stay responsive.
        let settled = RwSignal::new(token.get_untracked());
        let pending = Pending::new();
        Effect::new(move |_| {
            let len = token.with(String::len);
            pending.cancel();
            if len <= LARGE_INPUT {
                settled.set(token.get());
            } else {
                pending.after(LARGE_INPUT_PAUSE_MS, move || {
                    settled.set(token.get_untracked())
                });
            }
        });
        let decoded = Memo::new(move |_| settled.with(|t| token::decode(t)));
        let signature = Memo::new(move |_| {
            let input = SecretInput::new(secret.get(), encoding.get());
            decoded.with(|d| verify::check(d, Some(&input)))
        });
        // The weak-secret scan costs one HMAC per list entry, so it runs once typing pauses.
        let weak_secret = RwSignal::new(None::<&'static str>);
        let scan_pending = Pending::new();
        Effect::new(move |_| {
            decoded.track();
            scan_pending.cancel();
            weak_secret.set(None);
            scan_pending.after(WEAK_SECRET_PAUSE_MS, move || {
                let limit = Options::recommended(0).weak_secret_scan_limit;
                weak_secret.set(decoded.with_untracked(|d| lints::weak_secret_within(d, limit)));
            });
        });
        let date_claims = Memo::new(move |_| {
            decoded.with(|d| {
                d.payload
                    .document()
                    .map(timing::date_claims_of)
                    .unwrap_or_default()
            })
        });
        let evaluation = Memo::new(move |_| {
            evaluate_at.with(|t| {
                if t.trim().is_empty() {
                    Ok(None)
                } else {
                    clock_text::parse_instant(t).map(Some).map_err(|e| e.0)
                }
            })
        });
        let timing = Memo::new(move |_| {
            let now = evaluation
                .get()
                .ok()
                .flatten()
                .unwrap_or_else(|| clock.get());
            let has_claims = decoded.with(|d| d.payload.claims().is_some());
            has_claims.then(|| date_claims.with(|c| timing::assess(c, now, skew.get())))
        });
        let findings = Memo::new(move |_| {
            let secret_len = (!secret.with(String::is_empty))
                .then(|| SecretInput::new(secret.get(), encoding.get()).decode().ok())
                .flatten()
                .map(|k| k.len());
            let weak = weak_secret.get();
            timing.with(|t| {
                decoded.with(|d| {
                    lints::lint(
                        d,
                        &LintContext {
                            timing: t.as_ref(),
                            secret_len,
                            weak_secret: weak,
                            ..LintContext::default()
                        },
                    )
                })
            })
        });
        Inspector {
            token,
            secret,
            encoding,
            skew,
            evaluate_at,
            clock,
            decoded,
            signature,
            weak_secret,
            date_claims,
            evaluation,
            timing,
            findings,
        }
    }

    /// Ticks the clock every second while the current owner lives: dates are re-judged, the token
    /// is not re-parsed.
    pub fn run_clock(&self) {
        let clock = self.clock;
        if let Ok(handle) = set_interval_with_handle(
            move || clock.set(crate::browser::now_seconds()),
            std::time::Duration::from_secs(1),
        ) {
            on_cleanup(move || handle.clear());
        }
    }

    /// The instant dates are judged at.
    pub fn evaluation_instant(&self) -> i64 {
        self.evaluation
            .get()
            .ok()
            .flatten()
            .unwrap_or_else(|| self.clock.get())
    }

    /// The full report as pretty JSON (no secret in it), for the "copy report" action.
    pub fn report_json(&self) -> String {
        let input = SecretInput::new(self.secret.get_untracked(), self.encoding.get_untracked());
        let mut options = Options::recommended(self.evaluation_instant());
        options.clock_skew = self.skew.get_untracked();
        let report = jwt_core::inspect(&self.token.get_untracked(), Some(&input), &options);
        serde_json::to_string_pretty(&report).unwrap_or_default()
    }
}
