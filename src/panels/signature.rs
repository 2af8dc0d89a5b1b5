//! The secret field and the verdict.

use jwt_core::{SecretEncoding, Verdict};
use leptos::prelude::*;

use super::inspector;

/// How a verdict looks: tone class and icon.
pub fn tone(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Valid => ("good", "✔"),
        Verdict::Invalid
        | Verdict::WrongLength
        | Verdict::BadSecret
        | Verdict::BadKey
        | Verdict::KeyMismatch
        | Verdict::AmbiguousAlg => ("bad", "✘"),
        Verdict::Unsigned => ("bad", "⚠"),
        Verdict::NoSecret | Verdict::NoKey => ("neutral", "🔑"),
        Verdict::UnsupportedAlg
        | Verdict::AlgMissing
        | Verdict::UnsupportedCrit
        | Verdict::KidNotFound
        | Verdict::NotEvaluated
        | Verdict::NotApplicable => ("warn", "?"),
    }
}

/// The signature panel.
#[component]
pub fn SignaturePanel() -> impl IntoView {
    let state = inspector();
    let shown = RwSignal::new(false);
    view! {
        <div class="card signature-card">
            <div class="card-head">
                <h2 class="card-title"><span class="swatch signature"></span>"Signature"</h2>
            </div>
            <div class="secret-row">
                <label for="secret-input">"Secret"</label>
                <div class="secret-field">
                    <input
                        id="secret-input"
                        data-testid="secret-input"
                        type=move || if shown.get() { "text" } else { "password" }
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="HMAC secret (stays in this tab)"
                        prop:value=move || state.secret.get()
                        on:input=move |ev| state.secret.set(event_target_value(&ev))
                    />
                    <button
                        type="button"
                        class="small"
                        data-testid="secret-toggle"
                        aria-pressed=move || shown.get().to_string()
                        aria-controls="secret-input"
                        on:click=move |_| shown.update(|s| *s = !*s)
                    >
                        {move || if shown.get() { "Hide" } else { "Show" }}
                    </button>
                </div>
                <label for="secret-encoding">"Encoding"</label>
                <select
                    id="secret-encoding"
                    data-testid="secret-encoding"
                    on:change=move |ev| {
                        if let Some(e) = SecretEncoding::from_code(&event_target_value(&ev)) {
                            state.encoding.set(e);
                        }
                    }
                    prop:value=move || state.encoding.get().code()
                >
                    {SecretEncoding::ALL.into_iter().map(|e| view! {
                        <option value=e.code()>{e.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || {
                let check = state.signature.get();
                let (tone, icon) = tone(check.verdict);
                let alg = check.alg.clone().map(|a| format!(" · alg {a}")).unwrap_or_default();
                view! {
                    <div
                        class=format!("verdict {tone}")
                        data-testid="signature-status"
                        data-status=check.verdict.code()
                        role="status"
                        aria-live="polite"
                    >
                        <span class="verdict-icon" aria-hidden="true">{icon}</span>
                        <div>
                            <p class="verdict-headline">{check.verdict.headline()}<span class="verdict-alg">{alg}</span></p>
                            <p class="verdict-text">{check.message}</p>
                        </div>
                    </div>
                    {check.expected_signature.map(|sig| view! {
                        <div class="expected">
                            <p>"This secret would produce the signature:"</p>
                            <code class="sig" data-testid="expected-signature">{sig}</code>
                        </div>
                    })}
                }
            }}
        </div>
    }
}
