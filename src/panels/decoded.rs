//! The decoded header and payload, or what stands in for them.

use jwt_core::token::{hex, Form, Payload};
use leptos::prelude::*;

use super::json_view::{JsonView, Part};
use super::{inspector, CopyButton};

/// Shows at most this many bytes of a non-JSON payload's hex.
const HEX_PREVIEW: usize = 64 * 1024;

/// Header and payload cards.
#[component]
pub fn DecodedParts() -> impl IntoView {
    let state = inspector();
    let header = Memo::new(move |_| state.decoded.with(|d| d.header.clone()));
    let payload = Memo::new(move |_| state.decoded.with(|d| d.payload.clone()));
    let header_text = move || header.with(|h| h.as_ref().map(|d| d.pretty()).unwrap_or_default());
    let payload_text = move || {
        payload.with(|p| match p {
            Payload::Json(d) => d.pretty(),
            Payload::Text { text, .. } => text.clone(),
            Payload::Binary { bytes } => hex(bytes),
            _ => String::new(),
        })
    };
    view! {
        <div class="card part-card header-card">
            <div class="card-head">
                <h2 class="card-title"><span class="swatch header"></span>"Header"</h2>
                <div class="actions">
                    <CopyButton label="Copy" testid="copy-header" text=header_text />
                </div>
            </div>
            {move || match header.get() {
                Some(doc) => view! { <JsonView doc part=Part::Header testid="header-json" /> }.into_any(),
                None => view! { <p class="muted" data-testid="header-json-missing">"No header could be decoded."</p> }.into_any(),
            }}
        </div>
        <div class="card part-card payload-card">
            <div class="card-head">
                <h2 class="card-title"><span class="swatch payload"></span>"Payload"</h2>
                <div class="actions">
                    <CopyButton label="Copy" testid="copy-payload" text=payload_text />
                    <CopyButton label="Copy report" testid="copy-report" text=move || state.report_json() />
                </div>
            </div>
            {move || {
                let jwe = state.decoded.with(|d| d.form == Form::Jwe);
                match payload.get() {
                    Payload::Json(doc) => {
                        let note = (!doc.value.is_object())
                            .then(|| view! { <p class="note">"The payload is JSON but not an object, so it has no claims."</p> });
                        view! { {note} <JsonView doc part=Part::Payload testid="payload-json" /> }.into_any()
                    }
                    ref note @ Payload::Text { ref text, .. } => view! {
                        <p class="note">{note.text_note()}</p>
                        <pre class="json text-payload" data-testid="payload-json" data-payload-kind="text">{super::text::reveal_long(text.clone())}</pre>
                    }.into_any(),
                    Payload::Binary { bytes } => {
                        let shown = hex(&bytes[..bytes.len().min(HEX_PREVIEW)]);
                        let note = if bytes.len() > HEX_PREVIEW {
                            format!("The payload is {} bytes of binary data (not UTF-8); the first {} bytes are shown as hex.", bytes.len(), HEX_PREVIEW)
                        } else {
                            format!("The payload is {} bytes of binary data (not UTF-8), shown as hex.", bytes.len())
                        };
                        view! {
                            <p class="note">{note}</p>
                            <pre class="json hex-payload" data-testid="payload-json" data-payload-kind="hex">{shown}</pre>
                        }.into_any()
                    }
                    Payload::Detached => view! {
                        <p class="note" data-testid="payload-detached">"The payload segment is empty: the content is detached (RFC 7515 Appendix F) and was sent separately."</p>
                    }.into_any(),
                    Payload::Encrypted => view! {
                        <p class="note" data-testid="payload-encrypted">"This is an encrypted JWE: the payload can only be read with the recipient's private or shared key. Its protected header is shown above."</p>
                    }.into_any(),
                    Payload::Absent | Payload::Unread => view! {
                        <p class="muted">{if jwe { "" } else { "No payload could be decoded." }}</p>
                    }.into_any(),
                }
            }}
        </div>
    }
}
