//! The secret field and the verdict.

use jwt_core::{SecretEncoding, Verdict};
use leptos::prelude::*;

use super::inspector;
use super::text::TokenText;
use crate::on_demand::{self, load};
use crate::state::public_alg_of;

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
    let painted = super::after_first_frame();
    // The secret's value is set from here, a frame after the first one, and only when it differs
    // from what the field holds: Chromium spends milliseconds on each value given to a password
    // field (autofill; two sets took 30.9 ms in a load profile), so the field is built without one.
    let secret_field = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if !painted.get() {
            return;
        }
        let secret = state.secret.get();
        if let Some(field) = secret_field.get() {
            if field.value() != secret {
                field.set_value(&secret);
            }
        }
    });
    let is_public = Memo::new(move |_| state.decoded.with(|d| public_alg_of(d).is_some()));
    view! {
        <div class="card signature-card">
            <div class="card-head">
                <h2 class="card-title"><span class="swatch signature"></span>"Signature"</h2>
            </div>
            <div class="secret-row" hidden=move || is_public.get()>
                <label for="secret-input">"Secret"</label>
                <div class="secret-field">
                    <input
                        id="secret-input"
                        data-testid="secret-input"
                        autocomplete="off"
                        spellcheck="false"
                        placeholder="HMAC secret (stays in this tab)"
                        type=move || if shown.get() { "text" } else { "password" }
                        node_ref=secret_field
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
                    {SecretEncoding::CHOICES.into_iter().map(|e| view! {
                        <option value=e.code()>{e.label()}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || is_public.get().then(|| view! { <PublicKeyField /> })}
            {move || {
                let check = state.signature.get();
                let (tone, icon) = tone(check.verdict);
                let alg = check.alg.clone().map(|a| view! { " · alg " <TokenText text=a /> });
                view! {
                    <div
                        class=format!("verdict {tone}")
                        data-testid="signature-status"
                        data-status=move || if state.checking.get() { "checking" } else { check.verdict.code() }
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

/// The key field of RS/PS/ES/EdDSA tokens: pasted or dropped key text, what was understood, and
/// the choice to check against the token's own key.
#[component]
fn PublicKeyField() -> impl IntoView {
    let state = inspector();
    let token_key = Memo::new(move |_| {
        state.decoded.with(|d| {
            d.header
                .as_ref()
                .and_then(|h| h.value.as_object())
                .is_some_and(|h| h.contains_key("jwk") || h.contains_key("x5c"))
        })
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        if let Some(file) = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|f| f.get(0))
        {
            ev.prevent_default();
            let promise = file.text();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    if let Some(text) = text.as_string() {
                        state.public_key.try_set(text);
                    }
                }
            });
        }
    };
    view! {
        <div class="key-row">
            <label for="public-key-input">"Public key"</label>
            <textarea
                id="public-key-input"
                data-testid="public-key-input"
                class="key-input"
                rows="5"
                spellcheck="false"
                autocomplete="off"
                placeholder="The issuer's public key: PEM (PUBLIC KEY, RSA PUBLIC KEY or CERTIFICATE), a JWK, or a JWKS ({\"keys\": […]} from its jwks_uri). Paste or drop a file; it stays in this tab."
                prop:value=move || state.public_key.get()
                on:input=move |ev| state.public_key.set(event_target_value(&ev))
                on:drop=on_drop
                disabled=move || state.use_token_key.get()
            ></textarea>
            {move || token_key.get().then(|| view! {
                <label class="token-key">
                    <input
                        type="checkbox"
                        data-testid="use-token-key"
                        prop:checked=move || state.use_token_key.get()
                        on:change=move |ev| state.use_token_key.set(event_target_checked(&ev))
                    />
                    " Check against the key inside the token (proves only that the token is self-consistent, not who made it)"
                </label>
            })}
            {move || {
                let check = state.signature.get();
                let private = check.verdict == Verdict::BadKey && state.pasted_private_key();
                let error = (check.verdict == Verdict::BadKey).then(|| view! {
                    <p class="field-error" role="alert" data-testid="key-error"><TokenText text=check.message.clone() /></p>
                    {private.then(|| view! {
                        <button type="button" class="small" data-testid="derive-public-key"
                            on:click=move |_| {
                                let text = state.public_key.get_untracked();
                                wasm_bindgen_futures::spawn_local(async move {
                                    let derived = match load!(on_demand::derive_public(text)) {
                                        Ok(job) => job.await,
                                        Err(_) => None,
                                    };
                                    if let Some(pem) = derived {
                                        state.public_key.try_set(pem);
                                    }
                                });
                            }>
                            "Use its public key instead (the private key is not kept)"
                        </button>
                    })}
                });
                let summary = check.key.map(|k| key_summary(&k));
                view! { {error} {summary} }
            }}
        </div>
    }
}

/// What the chosen key is: type and size, where it came from, why it was chosen, its certificate.
fn key_summary(k: &jwt_core::verify::KeySummary) -> impl IntoView {
    let certificate = k.certificate.as_ref().map(|c| {
        let day = |t: Option<i64>| {
            t.and_then(jwt_core::clock_text::rfc3339)
                .map(|d| d[..10].to_string())
                .unwrap_or_else(|| "?".into())
        };
        view! {
            <p class="key-cert">
                "Certificate for " <TokenText text=c.subject.clone() />
                ", issued by " <TokenText text=c.issuer.clone() />
                {format!(", valid from {} until {}", day(c.not_before), day(c.not_after))}
            </p>
        }
    });
    view! {
        <div class="key-summary" data-testid="key-summary" data-key-type=k.key_type.code() data-kid=k.kid.clone().unwrap_or_default()>
            <p class="key-what"><TokenText text=k.description.clone() /></p>
            <p class="key-why"><TokenText text=k.reason.clone() /></p>
            {certificate}
        </div>
    }
}
