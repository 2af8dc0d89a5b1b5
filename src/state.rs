//! The inspector's reactive state: inputs as signals, everything else derived from them once.
//!
//! The token is decoded only when its text changes; the clock ticking re-judges dates only.

use jwt_core::keys::{self, KeyError, KeyErrorKind, KeySet};
use jwt_core::lints::{self, Finding, LintContext};
use jwt_core::timing::{self, DateClaim, Timing};
use jwt_core::token::{self, Decoded};
use jwt_core::verify::{self, KeyInput, Plan, PublicAlg, SignatureCheck, Verdict, VerifyRequest};
use jwt_core::{clock_text, Options, SecretEncoding, SecretInput};
use leptos::prelude::*;

use crate::on_demand::{self, load, Pasted, Unloaded};
use crate::webcrypto::Unavailable;
use std::sync::{Arc, Mutex};

/// Inputs longer than this (bytes) are decoded after a pause in typing rather than on every key.
pub const LARGE_INPUT: usize = 256 * 1024;
/// The pause, in milliseconds, before large input is decoded.
pub const LARGE_INPUT_PAUSE_MS: u64 = 150;
/// A change of more than this many bytes in one input event is a paste, a drop or a replacement,
/// not typing: it is decoded at once, even in large input.
pub const PASTE_BYTES: usize = 64;

/// How many bytes differ between `before` and `after`: the longer text's length less the prefix
/// and the suffix they share. A keystroke changes one or two; a paste changes what it brings.
pub fn changed_bytes(before: &str, after: &str) -> usize {
    let (a, b) = (before.as_bytes(), after.as_bytes());
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let room = a.len().min(b.len()) - prefix;
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(room)
        .take_while(|(x, y)| x == y)
        .count();
    a.len().max(b.len()) - prefix - suffix
}

/// The pause, in milliseconds, before the weak-secret scan runs on a new token.
pub const WEAK_SECRET_PAUSE_MS: u64 = 200;

/// A restartable timeout: work that waits for a pause in input. It belongs to the reactive owner
/// that creates it and is cancelled when that owner is disposed (a widget removed from its page).
#[derive(Clone)]
struct Pending(Arc<Mutex<Option<TimeoutHandle>>>);

impl Pending {
    fn new() -> Self {
        let pending = Pending(Arc::default());
        let owned = pending.clone();
        on_cleanup(move || owned.cancel());
        pending
    }

    /// Drops the work scheduled earlier, if it has not run.
    fn cancel(&self) {
        if let Some(handle) = self.0.lock().ok().and_then(|mut h| h.take()) {
            handle.clear();
        }
    }

    /// Runs `work` after `ms` milliseconds unless cancelled first; replaces earlier work.
    fn after(&self, ms: u64, work: impl FnOnce() + 'static) {
        self.cancel();
        let handle = set_timeout_with_handle(work, std::time::Duration::from_millis(ms)).ok();
        if let Ok(mut slot) = self.0.lock() {
            *slot = handle;
        }
    }
}

/// WebCrypto's answer to one verification request.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer {
    /// What was asked.
    pub request: Arc<VerifyRequest>,
    /// Which candidate key verified, or why WebCrypto could not be asked.
    pub result: Result<Option<usize>, Unavailable>,
}

impl Answer {
    /// The verdict the core draws from the answer.
    pub fn check(&self) -> SignatureCheck {
        match &self.result {
            Ok(verified) => verify::conclude(&self.request, *verified),
            Err(Unavailable(why)) => {
                let mut check = verify::conclude(&self.request, None);
                check.verdict = Verdict::UnsupportedAlg;
                check.message = format!(
                    "{} cannot be checked in this page: {why}. Nothing was decided about the signature.",
                    self.request.alg.name()
                );
                check
            }
        }
    }
}

/// Asks WebCrypto, through the on-demand part, which candidate verifies.
pub async fn ask(request: VerifyRequest) -> Answer {
    // Shared with the on-demand part, not copied: a request holds the keys and the signed text.
    let request = Arc::new(request);
    let result = match load!(on_demand::verify(Arc::clone(&request))) {
        Ok(job) => job.await,
        Err(Unloaded) => Err(Unavailable(Unloaded::MESSAGE.to_string())),
    };
    Answer { request, result }
}

/// What the on-demand part must read for the current token and fields.
#[derive(Debug, Clone, PartialEq)]
pub enum Wanted {
    /// Pasted public-key text.
    Pasted(String),
    /// The key carried by the token's header (the user chose it): the header's JSON text.
    HeaderKey(String),
    /// An HMAC secret in the shape of a public key (the alg-confusion finding).
    Secret(String),
}

/// What the on-demand part read for one [`Wanted`].
#[derive(Debug, Clone, PartialEq)]
pub struct Read {
    /// What was asked.
    pub wanted: Wanted,
    /// What came back; `Err` when the part could not be loaded.
    pub found: Result<Found, Unloaded>,
}

/// The result of one read.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    /// Pasted key text, read.
    Pasted(Pasted),
    /// The header's key, if it carries one.
    HeaderKey(Option<Result<KeySet, KeyError>>),
    /// Whether the secret reads as a public key.
    Secret(bool),
}

/// Reads what is wanted, in the on-demand part.
pub async fn read(wanted: Wanted) -> Read {
    let found = match &wanted {
        Wanted::Pasted(text) => load!(on_demand::read_pasted(text.clone())).map(Found::Pasted),
        Wanted::HeaderKey(header) => {
            load!(on_demand::read_header_key(header.clone())).map(Found::HeaderKey)
        }
        Wanted::Secret(text) => load!(on_demand::is_public_key(text.clone())).map(Found::Secret),
    };
    Read { wanted, found }
}

/// `read`, if it answers what is wanted now (a read for other input counts for nothing).
fn answering<'a>(read: Option<&'a Read>, wanted: Option<&Wanted>) -> Option<&'a Read> {
    read.filter(|r| Some(&r.wanted) == wanted)
}

/// What the on-demand part has read, as the core's key reader: the page's own path reads no key.
pub struct Known<'a>(pub Option<&'a Read>);

impl Known<'_> {
    fn unread(&self) -> KeyError {
        let why = match self.0 {
            Some(Read { found: Err(_), .. }) => Unloaded::MESSAGE,
            _ => "the key is still being read",
        };
        KeyError::new(KeyErrorKind::Unsupported, None, why)
    }
}

impl keys::Reader for Known<'_> {
    fn public_keys(&self, text: &str) -> Result<KeySet, KeyError> {
        match self.0 {
            Some(Read {
                wanted: Wanted::Pasted(t),
                found: Ok(Found::Pasted(p)),
            }) if t == text => p.keys.clone(),
            _ => Err(self.unread()),
        }
    }

    fn token_key(&self, decoded: &Decoded) -> Option<Result<KeySet, KeyError>> {
        let header = &decoded.header.as_ref()?.raw;
        match self.0 {
            Some(Read {
                wanted: Wanted::HeaderKey(h),
                found: Ok(Found::HeaderKey(k)),
            }) if h == header => k.clone(),
            _ => Some(Err(self.unread())),
        }
    }

    fn is_public_key(&self, text: &str) -> bool {
        matches!(self.0, Some(Read {
            wanted: Wanted::Secret(s),
            found: Ok(Found::Secret(true)),
        }) if s == text)
    }
}

/// What the on-demand part must read for `decoded` and the fields, if anything.
fn wanted_for(
    decoded: &Decoded,
    secret: &str,
    public_key: &str,
    use_token_key: bool,
) -> Option<Wanted> {
    if public_alg_of(decoded).is_none() {
        let hmac = verify::hmac_alg_of(decoded).is_some();
        return (hmac && keys::has_public_key_shape(secret))
            .then(|| Wanted::Secret(secret.to_string()));
    }
    if use_token_key {
        return decoded
            .header
            .as_ref()
            .map(|h| Wanted::HeaderKey(h.raw.clone()));
    }
    (!public_key.trim().is_empty()).then(|| Wanted::Pasted(public_key.to_string()))
}

/// The verdict when the on-demand part could not be loaded: nothing decided, and why.
pub fn unloaded(decoded: &Decoded) -> SignatureCheck {
    let mut check = reading(decoded);
    if check.verdict == Verdict::NotEvaluated {
        check.verdict = Verdict::UnsupportedAlg;
        let alg = public_alg_of(decoded).map_or("This algorithm", PublicAlg::name);
        check.message = format!(
            "{alg} cannot be checked in this page: {}. Nothing was decided about the signature.",
            Unloaded::MESSAGE
        );
    }
    check
}

/// The verdict while the key is read: what the token alone decides (a wrong signature length,
/// say), else not-evaluated.
fn reading(decoded: &Decoded) -> SignatureCheck {
    match verify::plan_reading(decoded, None, &keys::SecretsOnly) {
        Plan::Done(mut check) => {
            if check.verdict == Verdict::NoKey {
                check.verdict = Verdict::NotEvaluated;
                check.message = "Reading the key…".to_string();
            }
            check
        }
        Plan::Verify(request) => checking(&request),
    }
}

/// The header's public-key algorithm (RS/PS/ES/EdDSA), when it names one exactly.
pub fn public_alg_of(decoded: &Decoded) -> Option<PublicAlg> {
    let alg = decoded.header.as_ref()?.value.get("alg")?.as_str()?;
    PublicAlg::from_name(alg)
}

/// The verdict shown while WebCrypto works: not-evaluated, with the key already described.
fn checking(request: &VerifyRequest) -> SignatureCheck {
    let mut check = verify::conclude(request, None);
    check.verdict = Verdict::NotEvaluated;
    check.message = "Checking the signature…".to_string();
    check
}

/// Signals and memos shared by every panel, provided as context.
#[derive(Clone, Copy)]
pub struct Inspector {
    /// The text in the token field.
    pub token: RwSignal<String>,
    /// Which of the tokens found in the pasted text is shown (`Decoded::candidates`).
    pub candidate: RwSignal<usize>,
    /// The text in the secret field. Never persisted, never put in a URL.
    pub secret: RwSignal<String>,
    /// The sample token while the secret is the sample's own (not typed by the user); replacing
    /// that token clears that secret.
    pub sample_secret_for: RwSignal<Option<String>>,
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
    /// Public-key text (PEM, certificate, JWK or JWKS) for RS/PS/ES/EdDSA tokens. Never stored.
    pub public_key: RwSignal<String>,
    /// The user chose to check against the key inside the token (header `jwk`/`x5c`).
    pub use_token_key: RwSignal<bool>,
    /// What verification needs: a verdict already, or a request for WebCrypto.
    pub plan: Memo<Plan>,
    /// What the on-demand part must read for the current inputs.
    pub wanted: Memo<Option<Wanted>>,
    /// What it read last.
    pub read: RwSignal<Option<Read>>,
    /// WebCrypto's latest answer.
    pub answer: RwSignal<Option<Answer>>,
    /// The signature verdict.
    pub signature: Memo<SignatureCheck>,
    /// True while WebCrypto is checking the current request.
    pub checking: Memo<bool>,
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
        let sample_secret_for = RwSignal::new(None::<String>);
        // The sample's secret belongs to the sample: a different token must not be judged with it.
        Effect::new(move |_| {
            let replaced = token
                .with(|t| sample_secret_for.with_untracked(|s| s.as_ref().is_some_and(|s| s != t)));
            if replaced {
                sample_secret_for.set(None);
                secret.set(String::new());
            }
        });
        let encoding = RwSignal::new(SecretEncoding::Utf8);
        let skew = RwSignal::new(Options::recommended(0).clock_skew);
        let evaluate_at = RwSignal::new(String::new());
        let clock = RwSignal::new(now);

        // Large input is decoded once typing pauses, so keystrokes stay responsive. A paste is one
        // event that changes more than `PASTE_BYTES` of the text just before it: decoded at once.
        let settled = RwSignal::new(token.get_untracked());
        let pending = Pending::new();
        Effect::new(move |before: Option<String>| {
            let text = token.get();
            pending.cancel();
            let pasted = || {
                before
                    .as_deref()
                    .is_none_or(|b| changed_bytes(b, &text) > PASTE_BYTES)
            };
            if text.len() <= LARGE_INPUT || pasted() {
                settled.set(text.clone());
            } else {
                // A late call after the owner is gone does nothing.
                pending.after(LARGE_INPUT_PAUSE_MS, move || {
                    if let Some(t) = token.try_get_untracked() {
                        settled.try_set(t);
                    }
                });
            }
            text
        });
        let candidate = RwSignal::new(0usize);
        let decoded =
            Memo::new(move |_| settled.with(|t| token::decode_choice(t, candidate.get())));
        let public_key = RwSignal::new(String::new());
        let use_token_key = RwSignal::new(false);
        // Keys are read by the on-demand part; a read counts only for what is still wanted.
        let wanted = Memo::new(move |_| {
            decoded.with(|d| {
                secret.with(|s| public_key.with(|k| wanted_for(d, s, k, use_token_key.get())))
            })
        });
        let read = RwSignal::new(None::<Read>);
        Effect::new(move |_| {
            let Some(w) = wanted.get() else {
                return;
            };
            if read.with_untracked(|r| answering(r.as_ref(), Some(&w)).is_some()) {
                return;
            }
            wasm_bindgen_futures::spawn_local(async move {
                let done = self::read(w).await;
                let current = wanted
                    .try_with_untracked(|now| answering(Some(&done), now.as_ref()).is_some())
                    .unwrap_or(false);
                if current {
                    read.try_set(Some(done));
                }
            });
        });
        let plan = Memo::new(move |_| {
            decoded.with(|d| {
                if public_alg_of(d).is_none() {
                    let input = SecretInput::new(secret.get(), encoding.get());
                    return verify::plan_reading(
                        d,
                        Some(KeyInput::Secret(&input)),
                        &keys::SecretsOnly,
                    );
                }
                let key_text = public_key.get();
                let key = if use_token_key.get() {
                    KeyInput::TokenKey
                } else if key_text.trim().is_empty() {
                    return verify::plan_reading(d, None, &keys::SecretsOnly);
                } else {
                    KeyInput::PublicKey(&key_text)
                };
                wanted.with(|w| {
                    read.with(|r| match answering(r.as_ref(), w.as_ref()) {
                        Some(r @ Read { found: Ok(_), .. }) => {
                            verify::plan_reading(d, Some(key), &Known(Some(r)))
                        }
                        Some(Read {
                            found: Err(Unloaded),
                            ..
                        }) => Plan::Done(unloaded(d)),
                        None => Plan::Done(reading(d)),
                    })
                })
            })
        });
        // True while the on-demand part reads the key of a public-key token.
        let reading_key = Memo::new(move |_| {
            wanted.with(|w| match w {
                Some(w @ (Wanted::Pasted(_) | Wanted::HeaderKey(_))) => {
                    read.with(|r| answering(r.as_ref(), Some(w)).is_none())
                }
                _ => false,
            })
        });
        // WebCrypto answers asynchronously; an answer counts only for the plan that asked.
        let answer = RwSignal::new(None::<Answer>);
        Effect::new(move |_| {
            let Plan::Verify(request) = plan.get() else {
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let asked = ask(request).await;
                let current = plan
                    .try_with_untracked(|p| matches!(p, Plan::Verify(r) if *r == *asked.request))
                    .unwrap_or(false);
                if current {
                    answer.try_set(Some(asked));
                }
            });
        });
        let signature = Memo::new(move |_| {
            plan.with(|p| match p {
                Plan::Done(check) => check.clone(),
                Plan::Verify(request) => answer.with(|a| match a {
                    Some(a) if *a.request == *request => a.check(),
                    _ => checking(request),
                }),
            })
        });
        let checking = Memo::new(move |_| {
            plan.with(|p| match p {
                Plan::Verify(request) => {
                    answer.with(|a| a.as_ref().is_none_or(|a| *a.request != *request))
                }
                Plan::Done(c) => c.verdict == Verdict::NotEvaluated && reading_key.get(),
            })
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
                if let Some(found) =
                    decoded.try_with_untracked(|d| lints::weak_secret_within(d, limit))
                {
                    weak_secret.try_set(found);
                }
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
            // Only the claims the panel shows are judged on each tick; `iat`, `nbf` and `exp` come
            // first, so the findings that depend on time see them.
            has_claims.then(|| {
                date_claims.with(|c| {
                    let shown = &c[..c.len().min(crate::panels::timing::MAX_TIMING_ROWS)];
                    timing::assess(shown, now, skew.get())
                })
            })
        });
        // Findings about the token and the key change with them; only the few that depend on
        // the instant are recomputed on each clock tick.
        let token_findings = Memo::new(move |_| {
            let check = signature.get();
            let hmac_token = decoded.with(|d| verify::hmac_alg_of(d).is_some());
            let secret_len = (hmac_token && !secret.with(String::is_empty))
                .then(|| {
                    check.key_len.or_else(|| {
                        SecretInput::new(secret.get(), encoding.get())
                            .decode()
                            .ok()
                            .map(|k| k.len())
                    })
                })
                .flatten();
            let secret_is_public_key = hmac_token
                && secret
                    .with(|s| read.with(|r| keys::Reader::is_public_key(&Known(r.as_ref()), s)));
            let weak = weak_secret.get();
            decoded.with(|d| {
                lints::lint(
                    d,
                    &LintContext {
                        timing: None,
                        secret_len,
                        weak_secret: weak,
                        key: check.key.as_deref(),
                        secret_is_public_key,
                    },
                )
            })
        });
        let time_findings = Memo::new(move |_| {
            timing.with(|t| {
                t.as_ref()
                    .map(|t| decoded.with(|d| lints::timing_findings(d, t)))
                    .unwrap_or_default()
            })
        });
        let findings = Memo::new(move |_| {
            let mut all = token_findings.get();
            all.extend(time_findings.get());
            all.sort_by_key(|f| std::cmp::Reverse(f.severity));
            all
        });
        Inspector {
            token,
            candidate,
            secret,
            sample_secret_for,
            encoding,
            skew,
            evaluate_at,
            clock,
            decoded,
            public_key,
            use_token_key,
            wanted,
            read,
            plan,
            answer,
            signature,
            checking,
            weak_secret,
            date_claims,
            evaluation,
            timing,
            findings,
        }
    }

    /// Replaces the token text; the first token found in it is shown.
    pub fn set_token(&self, text: String) {
        self.candidate.set(0);
        self.token.set(text);
    }

    /// Shows a fresh sample token with its own secret.
    pub fn load_sample(&self, now: i64) {
        let token = crate::sample::token(now);
        self.sample_secret_for.set(Some(token.clone()));
        self.set_token(token);
        self.secret.set(crate::sample::SECRET.to_string());
        self.encoding.set(SecretEncoding::Utf8);
    }

    /// Sets the secret the user typed: from now on it stays when the token changes.
    pub fn type_secret(&self, text: String) {
        self.sample_secret_for.set(None);
        self.secret.set(text);
    }

    /// Ticks the clock every second while the current owner lives: dates are re-judged, the token
    /// is not re-parsed.
    pub fn run_clock(&self) {
        let clock = self.clock;
        if let Ok(handle) = set_interval_with_handle(
            move || _ = clock.try_set(crate::browser::now_seconds()),
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

    /// The full report as pretty JSON (no secret or key in it), for the "copy report" action: the
    /// same bytes as `jwt-inspector --json`. A public-key verdict is replayed from WebCrypto's answer.
    pub fn report_json(&self) -> String {
        let input = SecretInput::new(self.secret.get_untracked(), self.encoding.get_untracked());
        let key_text = self.public_key.get_untracked();
        let token = self.token.get_untracked();
        let public = self.decoded.with_untracked(|d| public_alg_of(d).is_some());
        let key = match (public, self.use_token_key.get_untracked()) {
            (false, _) => Some(KeyInput::Secret(&input)),
            (true, true) => Some(KeyInput::TokenKey),
            (true, false) if key_text.trim().is_empty() => None,
            (true, false) => Some(KeyInput::PublicKey(&key_text)),
        };
        let mut options = Options::recommended(self.evaluation_instant());
        options.clock_skew = self.skew.get_untracked();
        options.candidate = self.candidate.get_untracked();
        // Only an answer to the current request may be replayed.
        let answer = self.answer.get_untracked().filter(|a| {
            self.plan
                .with_untracked(|p| matches!(p, Plan::Verify(r) if *r == *a.request))
        });
        let read = self.read.get_untracked();
        let known = Known(read.as_ref());
        let report = match answer
            .as_ref()
            .and_then(|a| Some((a, *a.result.as_ref().ok()?)))
        {
            Some((a, verified)) => jwt_core::inspect_reading(
                &token,
                key,
                &options,
                &crate::webcrypto::Replay {
                    request: &a.request,
                    verified,
                },
                &known,
            ),
            None => jwt_core::inspect_reading(&token, key, &options, &verify::NoBackend, &known),
        };
        jwt_core::report_json(&report)
    }

    /// True when the verification field holds a readable private key (its public half can be
    /// derived and used instead).
    pub fn pasted_private_key(&self) -> bool {
        self.read
            .with(|r| matches!(r, Some(Read { found: Ok(Found::Pasted(p)), .. }) if p.private))
    }
}

#[cfg(test)]
mod tests {
    use super::{changed_bytes, wanted_for, Found, Known, Read, Wanted};
    use crate::on_demand::{Pasted, Unloaded};
    use jwt_core::keys::{self, Reader};
    use jwt_core::token;

    const RS256: &str = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.e30.c2ln";
    const HS256: &str = "eyJhbGciOiJIUzI1NiJ9.e30.c2ln";
    const KEY: &str =
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

    #[test]
    fn only_what_the_token_needs_is_read() {
        let rs = token::decode(RS256);
        let hs = token::decode(HS256);
        assert_eq!(wanted_for(&rs, "", "", false), None);
        assert_eq!(wanted_for(&rs, "", " \n", false), None);
        assert_eq!(
            wanted_for(&rs, "s3cret", KEY, false),
            Some(Wanted::Pasted(KEY.into()))
        );
        assert!(matches!(
            wanted_for(&rs, "", KEY, true),
            Some(Wanted::HeaderKey(_))
        ));
        // An HMAC token: only a secret in the shape of a public key, for alg-confusion.
        assert_eq!(wanted_for(&hs, "s3cret", KEY, false), None);
        assert_eq!(
            wanted_for(&hs, KEY, "", false),
            Some(Wanted::Secret(KEY.into()))
        );
    }

    #[test]
    fn a_read_answers_only_for_the_text_it_was_read_from() {
        let read = Read {
            wanted: Wanted::Pasted(KEY.into()),
            found: Ok(Found::Pasted(Pasted {
                keys: keys::read(KEY),
                private: false,
            })),
        };
        let known = Known(Some(&read));
        assert_eq!(known.public_keys(KEY), keys::read(KEY));
        let other = known.public_keys("another key").unwrap_err();
        assert!(other.to_string().contains("still being read"), "{other}");
        assert!(!known.is_public_key(KEY));
        assert!(Known(None).public_keys(KEY).is_err());

        let secret = Read {
            wanted: Wanted::Secret(KEY.into()),
            found: Ok(Found::Secret(true)),
        };
        assert!(Known(Some(&secret)).is_public_key(KEY));
        assert!(!Known(Some(&secret)).is_public_key("s3cret"));

        let failed = Read {
            wanted: Wanted::Pasted(KEY.into()),
            found: Err(Unloaded),
        };
        let why = Known(Some(&failed)).public_keys(KEY).unwrap_err();
        assert!(why.to_string().contains(Unloaded::MESSAGE), "{why}");
    }

    #[test]
    fn a_part_that_failed_to_load_decides_nothing() {
        let check = super::unloaded(&token::decode(RS256));
        assert_eq!(check.verdict, jwt_core::Verdict::UnsupportedAlg);
        assert!(
            check.message.contains(Unloaded::MESSAGE),
            "{}",
            check.message
        );
        // What the token alone decides still stands: a 3-byte signature is never ES256's.
        let short = token::decode("eyJhbGciOiJFUzI1NiJ9.e30.c2ln");
        assert_eq!(
            super::unloaded(&short).verdict,
            jwt_core::Verdict::WrongLength
        );
    }

    #[test]
    fn a_keystroke_changes_a_byte_and_a_paste_what_it_brings() {
        let big = "a".repeat(1000);
        assert_eq!(changed_bytes(&big, &format!("{big}x")), 1);
        assert_eq!(changed_bytes(&format!("{big}x"), &big), 1);
        assert_eq!(changed_bytes("abcdef", "abXdef"), 1);
        assert_eq!(changed_bytes("", &big), 1000);
        assert_eq!(changed_bytes(&big, ""), 1000);
        assert_eq!(changed_bytes("aaaa", "aaaa"), 0);
        // Repeats: prefix and suffix never count a byte twice.
        assert_eq!(changed_bytes("aa", "aaa"), 1);
        assert_eq!(changed_bytes(&"ab".repeat(500), &"ba".repeat(500)), 1000);
    }
}
