//! The secret field and the verdict.

use jwt_core::{SecretEncoding, Verdict};
use leptos::prelude::*;

use super::inspector;
use super::text::TokenText;

/// Marks the icon that is drawn as SVG (a key), so it renders without an emoji font.
const KEY_ICON: &str = "key";

/// A key, drawn, because an emoji key renders as an empty box where no emoji font is installed.
fn key_icon() -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" width="1em" height="1em" aria-hidden="true" focusable="false">
            <circle cx="7.5" cy="12" r="4.5" fill="none" stroke="currentColor" stroke-width="2.2" />
            <path d="M12 12h10M18 12v4M21 12v3" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />
        </svg>
    }
}

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
        Verdict::NoSecret | Verdict::NoKey => ("neutral", KEY_ICON),
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
                        on:input=move |ev| state.type_secret(event_target_value(&ev))
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
                let alg = check.alg.clone().map(|a| view! { " · alg " <TokenText text=a /> });
                view! {
                    <div
                        class=format!("verdict {tone}")
                        data-testid="signature-status"
                        data-status=check.verdict.code()
                        role="status"
                        aria-live="polite"
                    >
                        <span class="verdict-icon" aria-hidden="true">{if icon == KEY_ICON { key_icon().into_any() } else { icon.into_any() }}</span>
                        <div>
                            <p class="verdict-headline">{check.verdict.headline()}<span class="verdict-alg">{alg}</span></p>
                            <p class="verdict-text"><TokenText text=check.message /></p>
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
