//! Date claims at the evaluation instant: states, a lifetime bar, a live countdown, skew and "evaluate at".

use jwt_core::clock_text;
use jwt_core::timing::{TimeState, Timing};
use leptos::prelude::*;

use super::inspector;
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

/// Where `now` falls on the bar from start to end, in percent, clamped.
pub fn bar_position(start: i64, end: i64, now: i64) -> f64 {
    if end <= start {
        return 100.0;
    }
    ((now - start) as f64 / (end - start) as f64 * 100.0).clamp(0.0, 100.0)
}

fn state_label(state: TimeState) -> &'static str {
    match state {
        TimeState::Expired => "Expired",
        TimeState::NotYetValid => "Not yet valid",
        TimeState::Active => "OK",
        TimeState::Past => "Past",
        TimeState::Future => "In the future",
        TimeState::Invalid => "Invalid value",
    }
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
    view! {
        <div class="card timing-card">
            <div class="card-head">
                <h2 class="card-title">"Timing"</h2>
            </div>
            {move || {
                state
                    .timing
                    .get()
                    .map(|t| {
                        let (headline, tone) = summary(&t);
                        let bar = t
                            .claims
                            .iter()
                            .find(|c| c.name == "exp")
                            .and_then(|e| e.seconds)
                            .and_then(|end| {
                                let start = t
                                    .claims
                                    .iter()
                                    .filter(|c| c.name == "iat" || c.name == "nbf")
                                    .filter_map(|c| c.seconds)
                                    .min()?;
                                Some((start, end))
                            })
                            .map(|(start, end)| {
                                let pos = bar_position(start, end, t.now);
                                view! {
                                    <div class="lifetime" data-testid="lifetime-bar" role="img"
                                        aria-label=format!("Lifetime {} from {} to {}; now at {:.0}%", clock_text::compact((end - start).unsigned_abs()), clock_text::rfc3339(start).unwrap_or_default(), clock_text::rfc3339(end).unwrap_or_default(), pos)>
                                        <div class="lifetime-fill" style:width=format!("{pos:.2}%")></div>
                                        <div class="lifetime-now" style:left=format!("{pos:.2}%")></div>
                                    </div>
                                    <p class="lifetime-legend">
                                        <span>"issued"</span>
                                        <span>{format!("lifetime {}", clock_text::compact((end - start).unsigned_abs()))}</span>
                                        <span>"expires"</span>
                                    </p>
                                }
                            });
                        view! {
                            <p class=format!("timing-summary {tone}") data-testid="countdown" aria-live="off">{headline}</p>
                            {bar}
                            <ul class="claim-times">
                                {t.claims.into_iter().map(|c| {
                                    let local = c.seconds.map(browser::local_time).unwrap_or_default();
                                    view! {
                                        <li class=format!("claim-time {}", c.state.code()) data-testid="claim-time" data-claim=c.name.clone() data-state=c.state.code() data-utc=c.utc.clone().unwrap_or_default()>
                                            <span class="claim-name">{c.name.clone()}</span>
                                            <span class="state-badge">{state_label(c.state)}</span>
                                            <span class="relative">{c.relative.clone()}</span>
                                            <span class="utc">{c.utc.clone().unwrap_or_else(|| c.raw.clone())}</span>
                                            <span class="local">{local}</span>
                                            {(!c.notes.is_empty()).then(|| view! { <span class="time-notes">{format!("{} {}", c.name, c.notes.join("; "))}</span> })}
                                        </li>
                                    }
                                }).collect_view()}
                            </ul>
                        }.into_any()
                    })
                    .unwrap_or_else(|| view! { <p class="muted">"No claims to time: the payload is not a JSON object."</p> }.into_any())
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
