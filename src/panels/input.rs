//! The token field: paste, type or drop; sample, clear and share actions.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::inspector;
use crate::browser;

/// The token textarea and its actions.
#[component]
pub fn TokenInput() -> impl IntoView {
    let state = inspector();
    let link_copied = RwSignal::new(false);
    // Write the token into the field only when it differs: re-assigning a long value that the
    // user just typed would make the browser lay the whole text out again.
    let field = NodeRef::<leptos::html::Textarea>::new();
    Effect::new(move |_| {
        let token = state.token.get();
        if let Some(el) = field.get() {
            if el.value() != token {
                el.set_value(&token);
            }
        }
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        let file = ev
            .data_transfer()
            .and_then(|dt| dt.files())
            .and_then(|files| files.get(0));
        if let Some(file) = file {
            ev.prevent_default();
            let promise = file.text();
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await {
                    if let Some(text) = text.as_string() {
                        state.set_token(text);
                    }
                }
            });
        }
    };
    view! {
        <div class="card">
            <div class="card-head">
                <label for="token-input" class="card-title">"Encoded token"</label>
                <div class="actions">
                    <button
                        type="button"
                        class="small"
                        data-testid="sample-token"
                        on:click=move |_| {
                            state.load_sample(browser::now_seconds());
                        }
                    >
                        "Sample"
                    </button>
                    <button
                        type="button"
                        class="small"
                        data-testid="clear-token"
                        on:click=move |_| {
                            state.set_token(String::new());
                            state.type_secret(String::new());
                            focus_token_field();
                        }
                    >
                        "Clear"
                    </button>
                    <button
                        type="button"
                        class="small"
                        data-testid="copy-link"
                        title="Copies a link with the token in the #fragment, which browsers never send to servers. The secret is never included."
                        on:click=move |_| {
                            let token = state.decoded.with(|d| d.token.clone());
                            if let Some(link) = browser::share_link(&token) {
                                link_copied.set(browser::copy_text(&link));
                                set_timeout(
                                    move || _ = link_copied.try_set(false),
                                    std::time::Duration::from_millis(1500),
                                );
                            }
                        }
                    >
                        {move || if link_copied.get() { "Link copied ✓" } else { "Copy link" }}
                    </button>
                </div>
            </div>
            <textarea
                id="token-input"
                data-testid="token-input"
                class="token-input"
                spellcheck="false"
                autocomplete="off"
                autocapitalize="off"
                placeholder="Paste a JWT (eyJ…), an Authorization header, or drop a file"
                aria-describedby="token-help"
                node_ref=field
                on:input=move |ev| state.set_token(event_target_value(&ev))
                on:dragover=move |ev: leptos::ev::DragEvent| ev.prevent_default()
                on:drop=on_drop
            ></textarea>
            <p id="token-help" class="help">
                "Decodes as you type. Bearer prefixes, quotes, line breaks and %2E escapes are cleaned up for you."
            </p>
        </div>
    }
}

/// Moves keyboard focus to the token field.
pub fn focus_token_field() {
    let field = document()
        .get_element_by_id("token-input")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(field) = field {
        let _ = field.focus();
    }
}
