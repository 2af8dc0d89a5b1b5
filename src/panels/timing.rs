//! Date claims at the evaluation instant: states, a lifetime bar, a live countdown, skew and "evaluate at".

use jwt_core::clock_text;
use jwt_core::timing::{ClaimTime, DateClaim, TimeState, Timing};
use leptos::prelude::*;

use super::inspector;
use super::text::TokenText;
use crate::browser;

/// The largest clock skew accepted, in seconds (one day).
pub const MAX_SKEW: u32 = 86_400;

/// Reads the clock-skew field: whole seconds from 0 to [`MAX_SKEW`]; empty means 0.
pub fn parse_skew(text: &str) -> Result<u32, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(0);
    }
    match text.parse::<u32>() {
        Ok(v) if v <= MAX_SKEW => Ok(v),
        _ => Err(format!(
            "Clock skew must be a whole number of seconds from 0 to {MAX_SKEW}; '{text}' is not."
        )),
    }
}

/// Where `now` falls on the bar from start to end, in hundredths of a percent (0 to 10 000),
/// clamped. Integers, so the module needs no float formatting.
pub fn bar_position(start: i64, end: i64, now: i64) -> u32 {
    if end <= start {
        return 10_000;
    }
    let part =
        (i128::from(now) - i128::from(start)) * 10_000 / (i128::from(end) - i128::from(start));
    part.clamp(0, 10_000) as u32
}

/// Hundredths of a percent as a CSS length: `25.00%`.
fn css_percent(hundredths: u32) -> String {
    format!("{}.{:02}%", hundredths / 100, hundredths % 100)
}

/// The headline of the timing panel.
fn summary(t: &Timing) -> (String, &'static str) {
    let exp = t.claims.iter().find(|c| c.name == "exp");
    let nbf = t.claims.iter().find(|c| c.name == "nbf");
    if let Some(nbf) = nbf.filter(|c| c.state == TimeState::NotYetValid) {
        return (format!("Not valid yet: {}", nbf.relative), "warn");
    }
    match exp {
        Some(e) if e.state == TimeState::Expired => (format!("Expired: {}", e.relative), "bad"),
        Some(e) if e.state == TimeState::Active => {
            let left = t.remaining.unwrap_or(0).max(0).unsigned_abs();
            (
                format!("Valid for another {}", clock_text::compact(left)),
                "good",
            )
        }
        Some(e) => (format!("Expiry unusable: {}", e.relative), "bad"),
        None => ("No expiry: valid until the key changes".to_string(), "warn"),
    }
}

/// At most this many date claims get a row; the rest are counted below the list.
pub const MAX_TIMING_ROWS: usize = 50;

/// One date claim's row. Its name, value and dates are fixed; its state and relative phrase follow
/// the clock, so a tick updates two texts and never rebuilds the row.
fn claim_row(index: usize, claim: &DateClaim) -> impl IntoView {
    let state = inspector();
    let judged = move |f: fn(&ClaimTime) -> String| {
        state
            .timing
            .with(|t| t.as_ref().and_then(|t| t.claims.get(index)).map(f))
            .unwrap_or_default()
    };
    let code = move || judged(|c| c.state.code().to_string());
    let utc = claim
        .value
        .as_ref()
        .ok()
        .and_then(|&s| clock_text::rfc3339_exact(s, claim.nanos));
    let local = claim
        .value
        .as_ref()
        .ok()
        .map(|&s| browser::local_time(s))
        .unwrap_or_default();
    let notes = (!claim.notes.is_empty()).then(|| {
        view! {
            <span class="time-notes"><TokenText text=claim.name.clone() />{format!(" {}", claim.notes.join("; "))}</span>
        }
    });
    let utc_attr = utc.clone().unwrap_or_default();
    view! {
        <li class=move || format!("claim-time {}", code()) data-testid="claim-time" data-claim=claim.name.clone() data-state=code data-utc=utc_attr>
            <span class="claim-name"><TokenText text=claim.name.clone() /></span>
            <span class="state-badge">{move || judged(|c| c.state.label().to_string())}</span>
            <span class="relative">{move || view! { <TokenText text=judged(|c| c.relative.clone()) /> }}</span>
            <span class="utc"><TokenText text=utc.unwrap_or_else(|| claim.raw.clone()) /></span>
            <span class="local">{local}</span>
            {notes}
        </li>
    }
}

/// The lifetime bar from `iat` (or `nbf`) to `exp`, with "now" following the clock.
fn lifetime_bar(start: i64, end: i64) -> impl IntoView {
    let state = inspector();
    let pos = move || {
        let now = state
            .timing
            .with(|t| t.as_ref().map(|t| t.now))
            .unwrap_or(start);
        bar_position(start, end, now)
    };
    let life = clock_text::compact((end - start).unsigned_abs());
    let label = {
        let life = life.clone();
        move || {
            format!(
                "Lifetime {life} from {} to {}; now at {}%",
                clock_text::rfc3339(start).unwrap_or_default(),
                clock_text::rfc3339(end).unwrap_or_default(),
                (pos() + 50) / 100
            )
        }
    };
    view! {
        <div class="lifetime" data-testid="lifetime-bar" role="img" aria-label=label>
            <div class="lifetime-fill" style:width=move || css_percent(pos())></div>
            <div class="lifetime-now" style:left=move || css_percent(pos())></div>
        </div>
        <p class="lifetime-legend">
            <span>"issued"</span>
            <span>{format!("lifetime {life}")}</span>
            <span>"expires"</span>
        </p>
    }
}

/// The span of the lifetime bar: the earliest of `iat`/`nbf` to `exp`.
fn bar_span(claims: &[DateClaim]) -> Option<(i64, i64)> {
    let at = |name: &str| claims.iter().find(|c| c.name == name)?.value.clone().ok();
    let end = at("exp")?;
    let start = [at("iat"), at("nbf")].into_iter().flatten().min()?;
    Some((start, end))
}

/// The timing panel.
#[component]
pub fn TimingPanel(
    /// Hide the skew and "evaluate at" controls (the embedded widget).
    #[prop(optional)]
    compact: bool,
) -> impl IntoView {
    let state = inspector();
    let evaluation_error = move || state.evaluation.get().err();
    let skew_error = RwSignal::new(None::<String>);
    let has_claims = Memo::new(move |_| state.timing.with(Option::is_some));
    let headline = Memo::new(move |_| state.timing.with(|t| t.as_ref().map(summary)));
    let rows = move || {
        state.date_claims.with(|claims| {
            let rows = claims
                .iter()
                .take(MAX_TIMING_ROWS)
                .enumerate()
                .map(|(i, c)| claim_row(i, c))
                .collect_view();
            let more = claims.len().saturating_sub(MAX_TIMING_ROWS);
            let bar = bar_span(claims).map(|(start, end)| lifetime_bar(start, end));
            view! {
                {bar}
                <ul class="claim-times">{rows}</ul>
                {(more > 0).then(|| view! {
                    <p class="muted" data-testid="more-date-claims">{format!("… and {more} more date claims (all of them are in the copied report).")}</p>
                })}
            }
        })
    };
    view! {
        <div class="card timing-card">
            <div class="card-head">
                <h2 class="card-title">"Timing"</h2>
            </div>
            {move || if has_claims.get() {
                view! {
                    <p class=move || format!("timing-summary {}", headline.with(|h| h.as_ref().map_or("", |h| h.1))) data-testid="countdown" aria-live="off">
                        {move || headline.with(|h| h.as_ref().map(|h| h.0.clone()).unwrap_or_default())}
                    </p>
                    {rows}
                }.into_any()
            } else {
                view! { <p class="muted">"No claims to time: the payload is not a JSON object."</p> }.into_any()
            }}
            {(!compact).then(|| view! {
            <div class="timing-controls">
                <label>
                    "Clock skew (seconds)"
                    <input
                        type="number"
                        min="0"
                        max="86400"
                        step="1"
                        data-testid="clock-skew"
                        aria-invalid=move || skew_error.get().is_some().to_string()
                        aria-describedby="clock-skew-error"
                        prop:value=move || state.skew.get_untracked().to_string()
                        on:input=move |ev| match parse_skew(&event_target_value(&ev)) {
                            Ok(v) => {
                                skew_error.set(None);
                                state.skew.set(v);
                            }
                            Err(e) => skew_error.set(Some(e)),
                        }
                    />
                </label>
                <label>
                    "Evaluate at (Unix seconds or RFC 3339; empty = now)"
                    <input
                        type="text"
                        data-testid="evaluate-at"
                        placeholder="now (live)"
                        spellcheck="false"
                        aria-invalid=move || evaluation_error().is_some().to_string()
                        prop:value=move || state.evaluate_at.get()
                        on:input=move |ev| state.evaluate_at.set(event_target_value(&ev))
                    />
                </label>
                <p class="field-error" id="clock-skew-error" data-testid="clock-skew-error" aria-live="polite">
                    {move || skew_error.get().map(|e| format!("{e} Still using {} s.", state.skew.get()))}
                </p>
                {move || evaluation_error().map(|e| view! { <p class="field-error" data-testid="evaluate-at-error">{e}</p> })}
                <p class="help" data-testid="evaluation-instant">
                    {move || {
                        let at = state.evaluation_instant();
                        let live = state.evaluation.get().ok().flatten().is_none();
                        format!(
                            "{} {}",
                            if live { "Now (live):" } else { "Evaluated at:" },
                            clock_text::rfc3339(at).unwrap_or_default()
                        )
                    }}
                </p>
            </div>
            })}
        </div>
    }
}
