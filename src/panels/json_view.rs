//! Pretty JSON with syntax colours, claim descriptions on hover and focus, and dates spelled out.
//!
//! Descriptions and date notes are shown with CSS generated content and linked with
//! `aria-describedby`, so the element's text stays exactly the decoded JSON.

use jwt_core::describe::{self, Description};
use jwt_core::json::{Document, PieceKind};
use jwt_core::timing;
use leptos::prelude::*;

/// Which part of the token a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The JOSE header: describe header parameters.
    Header,
    /// The payload: describe claims and spell out dates.
    Payload,
}

impl Part {
    fn code(self) -> &'static str {
        match self {
            Part::Header => "header",
            Part::Payload => "payload",
        }
    }

    fn describe(self, name: &str) -> Option<&'static Description> {
        match self {
            Part::Header => describe::header_parameter(name),
            Part::Payload => describe::claim(name),
        }
    }
}

pub use super::text::reveal;

/// The note shown after a top-level NumericDate value.
fn date_note(value: &str) -> Option<String> {
    let value: jwt_core::json::Value = value.parse().ok()?;
    let seconds = timing::read_numeric_date(&value).0.ok()?;
    let utc = jwt_core::clock_text::rfc3339(seconds)?;
    // Local time is in the timing panel; a short note keeps the JSON lines from wrapping.
    Some(format!("  ⟵ {utc}"))
}

/// Above this many pieces, JSON is shown as plain text.
pub const MAX_COLOURED_PIECES: usize = 4000;
/// Above this many bytes, JSON is shown as plain text without laying out pieces at all.
pub const MAX_COLOURED_BYTES: usize = 256 * 1024;

/// Renders a JSON document.
#[component]
pub fn JsonView(
    /// The document.
    doc: std::sync::Arc<Document>,
    /// Header or payload.
    part: Part,
    /// The `data-testid` of the `<pre>`.
    testid: &'static str,
) -> impl IntoView {
    let pieces = if doc.raw.len() > MAX_COLOURED_BYTES {
        Vec::new()
    } else {
        doc.pieces()
    };
    if doc.raw.len() > MAX_COLOURED_BYTES || pieces.len() > MAX_COLOURED_PIECES {
        // Thousands of spans cost the browser far more than the decoding; show plain text.
        return view! {
            <p class="note" data-testid="plain-json-note">
                {format!("Large {}: syntax colouring and descriptions are off for speed.", part.code())}
            </p>
            <pre class="json" role="region" data-testid=testid tabindex="0" aria-label=format!("Decoded {}", part.code())>
                {super::text::reveal_long(doc.pretty())}
            </pre>
        }
        .into_any();
    }
    let mut described: Vec<&'static Description> = Vec::new();
    let mut last_key: Option<String> = None;
    let mut spans = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let class = match piece.kind {
            PieceKind::Key => "j-key",
            PieceKind::String => "j-str",
            PieceKind::Number => "j-num",
            PieceKind::Literal => "j-lit",
            PieceKind::Punctuation => "j-punct",
            PieceKind::Space => {
                spans.push(piece.text.into_any());
                continue;
            }
        };
        if piece.depth == 1 && piece.kind == PieceKind::Key {
            let name = jwt_core::json::string_literal_text(&piece.text).unwrap_or_default();
            if let Some(d) = part.describe(&name) {
                if !described.iter().any(|x| x.name == d.name) {
                    described.push(d);
                }
                let id = format!("desc-{}-{}", part.code(), d.name);
                let tip = format!("{} — {} ({})", d.title, d.text, d.reference);
                spans.push(
                    view! {
                        <span class="j-key described" tabindex="0" data-tip=tip aria-describedby=id>
                            {reveal(piece.text)}
                        </span>
                    }
                    .into_any(),
                );
            } else {
                spans.push(view! { <span class=class>{reveal(piece.text)}</span> }.into_any());
            }
            last_key = Some(name);
            continue;
        }
        let note = (piece.depth == 1 && piece.kind == PieceKind::Number && part == Part::Payload)
            .then_some(last_key.as_deref())
            .flatten()
            .filter(|k| timing::DATE_CLAIMS.contains(k) || k.ends_with("_at"))
            .and_then(|_| date_note(&piece.text));
        match note {
            Some(note) => spans.push(
                view! { <span class=format!("{class} dated") data-note=note>{piece.text}</span> }
                    .into_any(),
            ),
            None => spans.push(view! { <span class=class>{reveal(piece.text)}</span> }.into_any()),
        }
    }
    let descriptions = described
        .into_iter()
        .map(|d| {
            view! {
                <span id=format!("desc-{}-{}", part.code(), d.name)>
                    {format!("{}: {} {}", d.title, d.text, d.reference)}
                </span>
            }
        })
        .collect_view();
    view! {
        <pre class="json" role="region" data-testid=testid tabindex="0" aria-label=format!("Decoded {}", part.code())>
            {spans}
        </pre>
        <div hidden>{descriptions}</div>
    }
    .into_any()
}
