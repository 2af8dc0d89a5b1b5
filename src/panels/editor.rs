//! Edit header and payload, then sign them with the secret: a new HS token to experiment with.

use jwt_core::token::Payload;
use jwt_core::{sign, SecretInput};
use leptos::prelude::*;

use super::inspector;

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
    sign(header, payload, &key).map_err(|e| {
        let mut text = e.to_string();
        if let Some(first) = text.get_mut(0..1) {
            first.make_ascii_uppercase();
        }
        text + "."
    })
}

/// The editor, folded away until opened.
#[component]
pub fn Editor() -> impl IntoView {
    let state = inspector();
    let header = RwSignal::new(String::new());
    let payload = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
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
    let on_sign = move |_| {
        let secret = SecretInput::new(state.secret.get_untracked(), state.encoding.get_untracked());
        match re_sign(&header.get_untracked(), &payload.get_untracked(), &secret) {
            Ok(token) => {
                // The secret signed this token, so it stays with it, even the sample's.
                state.sample_secret_for.set(None);
                state.set_token(token);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    view! {
        <details class="card editor">
            <summary class="card-title">"Edit and re-sign"</summary>
            <p class="help">"Change the header or payload, then sign them with the secret above (HS256, HS384 or HS512, as the header's alg says). The new token replaces the one in the token field."</p>
            <label for="edit-header">"Header JSON"</label>
            <textarea id="edit-header" data-testid="edit-header" class="edit" spellcheck="false" rows="3"
                prop:value=move || header.get() on:input=move |ev| header.set(event_target_value(&ev))></textarea>
            <label for="edit-payload">"Payload"</label>
            <textarea id="edit-payload" data-testid="edit-payload" class="edit" spellcheck="false" rows="6"
                prop:value=move || payload.get() on:input=move |ev| payload.set(event_target_value(&ev))></textarea>
            <button type="button" data-testid="sign-button" on:click=on_sign>"Sign with the secret"</button>
            {move || error.get().map(|e| view! { <p class="field-error" role="alert" data-testid="sign-error">{e}</p> })}
        </details>
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
}
