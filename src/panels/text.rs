//! Token-derived text on the page: isolated from the page's own words and with hidden characters
//! marked, the same way everywhere.
//!
//! Every place that shows text taken from a token (JSON, claim names and values, `alg`, findings,
//! error messages) goes through [`TokenText`] or [`reveal`], so a bidi override or a zero-width
//! character in a token can neither reorder the page's sentences nor hide in them.

use jwt_core::visible::{self, Run};
use leptos::prelude::*;

/// At most this many hidden-character runs are marked in one text; the rest of the text is shown
/// isolated and unmarked, with a count, so that a display limit never costs the page its life.
pub const MAX_MARKED_RUNS: usize = 500;

/// The label of a hidden run: `U+202E`, or `U+200B ×2000000` when it repeats.
fn label(run: &Run<'_>) -> String {
    let cp = run.code_point().unwrap_or_default();
    match run {
        Run::Hidden { count, .. } if *count > 1 => format!("{cp} ×{count}"),
        _ => cp,
    }
}

/// Text with each run of hidden characters (bidi controls, zero-width, control characters) in a
/// marked, bidi-isolated span. The text content is unchanged.
pub fn reveal(text: String) -> AnyView {
    if !visible::has_hidden(&text) {
        return text.into_any();
    }
    let mut runs = visible::runs(&text);
    let mut views = Vec::new();
    let mut marked = 0;
    while marked < MAX_MARKED_RUNS {
        let Some(run) = runs.next() else { break };
        match run {
            Run::Plain(t) => views.push(t.to_string().into_any()),
            Run::Hidden { text, name, .. } => {
                marked += 1;
                let cp = label(&run);
                views.push(
                    view! {
                        <span class="hidden-char" data-cp=cp.clone() title=format!("{cp} {name}")>{text.to_string()}</span>
                    }
                    .into_any(),
                );
            }
        }
    }
    let rest = runs.rest();
    if !rest.is_empty() {
        let more = visible::count_hidden(rest);
        views.push(
            view! {
                <span class="hidden-rest" data-more=format!(" ⟨{more} more hidden characters, not marked⟩")>{rest.to_string()}</span>
            }
            .into_any(),
        );
    }
    views.into_any()
}

/// Text taken from a token, shown inside the page's own sentences.
#[component]
pub fn TokenText(
    /// The text.
    #[prop(into)]
    text: String,
) -> impl IntoView {
    view! { <bdi class="token-text">{reveal(text)}</bdi> }
}
