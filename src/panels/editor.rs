//! Edit header and payload, then sign them with any algorithm: an HMAC secret, a pasted private
//! key or a key pair generated here with WebCrypto. The new token goes into the inspector, with
//! the matching public key in the key field, so its verdict shows at once.

use jwt_core::token::Payload;
use jwt_core::verify::PublicAlg;
use jwt_core::{edit, sign, SecretInput};
use leptos::prelude::*;

use super::inspector;
use super::CopyButton;
use crate::on_demand::{self, load, Unloaded};
use crate::signing::{self, Generated};

/// The algorithms the editor signs with, in the order of its menu; `none` only by explicit choice.
pub const SIGN_ALGS: [&str; 14] = [
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
    "ES384", "ES512", "EdDSA", "none",
];

/// Lifetimes offered by the `exp` presets: (test id suffix, label, seconds).
const LIFETIMES: [(&str, &str, i64); 3] = [
    ("5m", "exp = now + 5 min", 300),
    ("1h", "exp = now + 1 h", 3600),
    ("1d", "exp = now + 1 day", 86_400),
];

/// Signs edited text with the secret from the signature panel, or says why not.
pub fn re_sign(header: &str, payload: &str, secret: &SecretInput) -> Result<String, String> {
    if secret.is_empty() {
        return Err("Enter a secret in the Signature panel first.".into());
    }
    let key = secret.decode().map_err(|e| {
        format!(
            "The secret is not valid {}: {}.",
            e.encoding.label(),
            e.message
        )
    })?;
    sign(header, payload, &key).map_err(|e| capitalized(&e.to_string()))
}

/// An unsecured token (`alg: none`), exactly as edited.
pub fn unsigned(header: &str, payload: &str) -> String {
    format!("{}.", signing::signing_input(header, payload))
}

fn capitalized(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text + "."
}

/// The `alg` named by header text, if it parses.
fn header_alg(header: &str) -> Option<String> {
    let value: jwt_core::json::Value = header.parse().ok()?;
    value.get("alg")?.as_str().map(str::to_string)
}

/// The editor, folded away until opened. Its body is built on the first opening, and in the split
/// build its code is fetched then (`on_demand::editor`): a page that never edits never loads it.
#[component]
pub fn Editor() -> impl IntoView {
    let owner = Owner::current();
    // The body, once built, waits here until the view below takes it; `arrived` counts bodies.
    let body = StoredValue::new_local(None::<AnyView>);
    let arrived = RwSignal::new(0u32);
    // True from the first opening on; false again after a failed load, so the next opening retries.
    let asked = StoredValue::new(false);
    let on_toggle = move |ev: leptos::ev::Event| {
        let open = event_target::<web_sys::HtmlDetailsElement>(&ev).open();
        if !open || asked.get_value() {
            return;
        }
        let Some(owner) = owner.clone() else {
            return;
        };
        asked.set_value(true);
        wasm_bindgen_futures::spawn_local(async move {
            let made = load!(on_demand::editor(owner)).unwrap_or_else(|Unloaded| {
                asked.try_set_value(false);
                view! {
                    <p class="field-error" role="alert" data-testid="sign-error">{capitalized(Unloaded::MESSAGE)}</p>
                }
                .into_any()
            });
            body.try_set_value(Some(made));
            arrived.try_update(|n| *n += 1);
        });
    };
    view! {
        <details class="card editor" on:toggle=on_toggle>
            <summary class="card-title" data-testid="editor-toggle">"Edit and sign"</summary>
            {move || (arrived.get() > 0).then(|| body.try_update_value(Option::take).flatten())}
        </details>
    }
}

/// What the editor shows once opened: the header and payload, the algorithm, keys, and signing.
#[component]
pub fn EditorBody() -> impl IntoView {
    let state = inspector();
    let header = RwSignal::new(String::new());
    let payload = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let private_key = RwSignal::new(String::new());
    let rsa_bits = RwSignal::new(2048u32);
    let generated = RwSignal::new(None::<Generated>);
    let busy = RwSignal::new(false);
    // Follow the token: the editor starts from what is decoded.
    Effect::new(move |_| {
        state.decoded.with(|d| {
            header.set(d.header.as_ref().map(|h| h.raw.clone()).unwrap_or_default());
            payload.set(match &d.payload {
                Payload::Json(doc) => doc.raw.clone(),
                Payload::Text { text, .. } => text.clone(),
                _ => String::new(),
            });
        });
        error.set(None);
    });
    let alg = Memo::new(move |_| header.with(|h| header_alg(h)).unwrap_or_default());
    let public_alg = Memo::new(move |_| alg.with(|a| PublicAlg::from_name(a)));

    // -- actions -- //
    let choose_alg =
        move |name: String| match jwt_core::sign::set_alg(&header.get_untracked(), &name) {
            Ok(h) => {
                header.set(h);
                error.set(None);
            }
            Err(e) => error.set(Some(format!("Cannot set alg: {e}."))),
        };
    let edit_payload = move |result: Result<String, edit::EditError>| match result {
        Ok(p) => {
            payload.set(p);
            error.set(None);
        }
        Err(e) => error.set(Some(capitalized(&e.to_string()))),
    };
    let now = move || crate::browser::now_seconds();
    let on_generate =
        move |_| {
            let Some(alg) = public_alg.get_untracked() else {
                error.set(Some(
                    "Choose an RS, PS, ES or EdDSA algorithm to generate a key pair for.".into(),
                ));
                return;
            };
            busy.set(true);
            let bits = rsa_bits.get_untracked();
            wasm_bindgen_futures::spawn_local(async move {
                let made = match load!(on_demand::generate(alg, bits)) {
                    Ok(job) => job.await,
                    Err(_) => Err(capitalized(Unloaded::MESSAGE)),
                };
                busy.try_set(false);
                match made {
                    Ok(g) => {
                        private_key.try_set(g.private_pem.clone());
                        if let Some(h) = g.kid.as_ref().and_then(|kid| {
                            jwt_core::sign::set_kid(&header.get_untracked(), kid).ok()
                        }) {
                            header.try_set(h);
                        }
                        generated.try_set(Some(g));
                        error.try_set(None);
                    }
                    Err(e) => _ = error.try_set(Some(e)),
                }
            });
        };
    let on_sign = move |_| {
        let (h, p) = (header.get_untracked(), payload.get_untracked());
        let name = alg.get_untracked();
        if name == "none" {
            state.sample_secret_for.set(None);
            state.set_token(unsigned(&h, &p));
            return;
        }
        let Some(alg) = PublicAlg::from_name(&name) else {
            let secret =
                SecretInput::new(state.secret.get_untracked(), state.encoding.get_untracked());
            match re_sign(&h, &p, &secret) {
                Ok(token) => {
                    // The secret signed this token, so it stays with it, even the sample's.
                    state.sample_secret_for.set(None);
                    state.set_token(token);
                }
                Err(e) => error.set(Some(e)),
            }
            return;
        };
        let key_text = private_key.get_untracked();
        busy.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let prepared = match load!(on_demand::prepare(alg, key_text)) {
                Ok(job) => job.await,
                Err(_) => Err(capitalized(Unloaded::MESSAGE)),
            };
            let prepared = match prepared {
                Ok(p) => p,
                Err(e) => {
                    busy.try_set(false);
                    error.try_set(Some(e));
                    return;
                }
            };
            let signed = match load!(on_demand::sign(alg, prepared.clone(), h, p)) {
                Ok(job) => job.await,
                Err(_) => Err(capitalized(Unloaded::MESSAGE)),
            };
            busy.try_set(false);
            match signed {
                Ok(token) => {
                    // Close the loop: the matching public key goes into the key field.
                    state.use_token_key.try_set(false);
                    state.public_key.try_set(prepared.public_text.clone());
                    state.set_token(token);
                }
                Err(e) => _ = error.try_set(Some(e)),
            }
        });
    };

    view! {
            <p class="help">"Change the header or payload, pick an algorithm, and sign: with the secret above (HS), a private key you paste, or a key pair made here. The new token replaces the one in the token field. Keys stay in this tab and are gone on reload."</p>
            <label for="sign-alg">"Algorithm"</label>
            <select
                id="sign-alg"
                data-testid="sign-alg"
                prop:value=move || alg.get()
                on:change=move |ev| choose_alg(event_target_value(&ev))
            >
                {SIGN_ALGS.iter().map(|&a| view! {
                    <option value=a>{if a == "none" { "none (unsigned: anyone can forge it)" } else { a }}</option>
                }).collect_view()}
            </select>
            <label for="edit-header">"Header JSON"</label>
            <textarea id="edit-header" data-testid="edit-header" class="edit" spellcheck="false" rows="3"
                prop:value=move || header.get() on:input=move |ev| header.set(event_target_value(&ev))></textarea>
            <label for="edit-payload">"Payload"</label>
            <textarea id="edit-payload" data-testid="edit-payload" class="edit" spellcheck="false" rows="6"
                prop:value=move || payload.get() on:input=move |ev| payload.set(event_target_value(&ev))></textarea>
            <div class="presets" role="group" aria-label="Claim helpers">
                <button type="button" class="small" data-testid="claim-preset-iat"
                    on:click=move |_| edit_payload(edit::set_date_claim(&payload.get_untracked(), "iat", now()))>"iat = now"</button>
                <button type="button" class="small" data-testid="claim-preset-nbf"
                    on:click=move |_| edit_payload(edit::set_date_claim(&payload.get_untracked(), "nbf", now()))>"nbf = now"</button>
                {LIFETIMES.iter().map(|&(id, label, seconds)| view! {
                    <button type="button" class="small" data-testid=format!("claim-preset-exp-{id}")
                        on:click=move |_| edit_payload(edit::set_date_claim(&payload.get_untracked(), "exp", now() + seconds))>{label}</button>
                }).collect_view()}
                <ExpCustom on_set=move |seconds| edit_payload(edit::set_date_claim(&payload.get_untracked(), "exp", now() + seconds)) />
                <button type="button" class="small" data-testid="claim-preset-jti"
                    on:click=move |_| match signing::random_id() {
                        Some(id) => edit_payload(edit::set_claim(&payload.get_untracked(), "jti", &jwt_core::json_writer::string_literal(&id))),
                        None => error.set(Some("This browser offers no random generator for a jti.".into())),
                    }>"jti = random"</button>
            </div>
            {move || public_alg.get().map(|a| {
                let rsa = a.name().starts_with('R') || a.name().starts_with('P');
                view! {
                    <label for="private-key-input">"Private key"</label>
                    <textarea id="private-key-input" data-testid="private-key-input" class="edit key-input" spellcheck="false" rows="4" autocomplete="off"
                        placeholder="PEM PRIVATE KEY (PKCS#8), RSA PRIVATE KEY, EC PRIVATE KEY, or a private JWK. It stays in this tab."
                        prop:value=move || private_key.get() on:input=move |ev| private_key.set(event_target_value(&ev))></textarea>
                    <div class="generate">
                        {rsa.then(|| view! {
                            <label>"RSA size "
                                <select data-testid="rsa-size" on:change=move |ev| rsa_bits.set(event_target_value(&ev).parse().unwrap_or(2048))>
                                    <option value="2048">"2048"</option>
                                    <option value="3072">"3072"</option>
                                    <option value="4096">"4096"</option>
                                </select>
                            </label>
                        })}
                        <button type="button" class="small" data-testid="generate-key" disabled=move || busy.get() on:click=on_generate>
                            {format!("Generate a key pair for {}", a.name())}
                        </button>
                    </div>
                }
            })}
            {move || generated.get().map(|g| view! { <GeneratedKeys generated=g /> })}
            <button type="button" data-testid="sign-button" disabled=move || busy.get() on:click=on_sign>
                {move || match (alg.get().as_str(), public_alg.get()) {
                    ("none", _) => "Make the unsigned token".to_string(),
                    (_, Some(a)) => format!("Sign with the private key ({})", a.name()),
                    _ => "Sign with the secret".to_string(),
                }}
            </button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="sign-error">{e}</p> })}
    }
}

/// `exp` = now + a lifetime the user types (`90m`, `2h`, `7d`, or seconds).
#[component]
fn ExpCustom(on_set: impl Fn(i64) + Copy + 'static) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let bad = RwSignal::new(false);
    view! {
        <span class="custom-exp">
            <input type="text" size="6" placeholder="90m" aria-label="Custom lifetime" data-testid="claim-preset-lifetime"
                aria-invalid=move || bad.get().to_string()
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev)) />
            <button type="button" class="small" data-testid="claim-preset-exp-custom"
                on:click=move |_| match edit::parse_duration(text.get_untracked().trim()) {
                    Some(s) => { bad.set(false); on_set(s) }
                    None => bad.set(true),
                }>"exp = now + …"</button>
        </span>
    }
}

/// The key pair made in this tab: both halves in every form, each with a copy button.
#[component]
fn GeneratedKeys(generated: Generated) -> impl IntoView {
    let rows = [
        (
            "generated-private-pem",
            "Private key (PKCS#8 PEM)",
            generated.private_pem,
        ),
        (
            "generated-private-jwk",
            "Private key (JWK)",
            generated.private_jwk,
        ),
        (
            "generated-public-pem",
            "Public key (SPKI PEM)",
            generated.public_pem,
        ),
        (
            "generated-public-jwk",
            "Public key (JWK)",
            generated.public_jwk,
        ),
        (
            "generated-jwks",
            "JWKS for your server (kid = RFC 7638 thumbprint)",
            generated.jwks,
        ),
    ];
    view! {
        <div class="generated">
            <p class="note">"This key pair exists only in this tab: nothing stores it, and it is gone when you reload. Copy what you need."</p>
            {rows.into_iter().map(|(testid, label, text)| {
                let copy = text.clone();
                view! {
                    <div class="generated-row">
                        <span class="generated-label">{label}</span>
                        <CopyButton label="Copy" testid=copy_id(testid) text=move || copy.clone() />
                        <pre class="generated-text" data-testid=testid>{text}</pre>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

/// The copy button's test id for a generated field.
fn copy_id(testid: &'static str) -> &'static str {
    match testid {
        "generated-private-pem" => "copy-generated-private-pem",
        "generated-private-jwk" => "copy-generated-private-jwk",
        "generated-public-pem" => "copy-generated-public-pem",
        "generated-public-jwk" => "copy-generated-public-jwk",
        _ => "copy-generated-jwks",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_with_the_secret_or_explains() {
        let s = SecretInput::utf8("k");
        let t = re_sign(r#"{"alg":"HS256"}"#, "{}", &s).unwrap();
        assert_eq!(t, sign(r#"{"alg":"HS256"}"#, "{}", b"k").unwrap());
        assert!(re_sign(r#"{"alg":"HS256"}"#, "{}", &SecretInput::default())
            .unwrap_err()
            .contains("Enter a secret"));
        assert!(re_sign(r#"{"alg":"RS256"}"#, "{}", &s)
            .unwrap_err()
            .starts_with("Cannot sign"));
    }

    #[test]
    fn unsigned_tokens_keep_the_text() {
        assert_eq!(
            unsigned(r#"{"alg":"none"}"#, "{}"),
            "eyJhbGciOiJub25lIn0.e30."
        );
    }
}
