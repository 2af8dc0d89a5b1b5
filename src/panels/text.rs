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
    reveal_marking(&text, MAX_MARKED_RUNS)
}

/// [`reveal`] with at most `limit` runs marked; the rest is one isolated span with its count.
fn reveal_marking(text: &str, limit: usize) -> AnyView {
    let mut runs = visible::runs(text);
    let mut views = Vec::new();
    let mut marked = 0;
    while marked < limit {
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

/// Texts longer than this are shown in blocks (see [`reveal_long`]).
pub const LONG_TEXT: usize = 64 * 1024;
/// A block ends at the first line break after this many bytes.
const BLOCK_BYTES: usize = 8 * 1024;

/// `text` cut into blocks of whole lines, each at least [`BLOCK_BYTES`] long except the last;
/// together they are exactly `text`. A line is never cut, so neither is a run of hidden
/// characters (no hidden character is a line break).
pub fn blocks(text: &str) -> Vec<&str> {
    let mut out = Vec::with_capacity(text.len() / BLOCK_BYTES + 1);
    let mut rest = text;
    while !rest.is_empty() {
        // '\n' is one byte that never occurs inside a UTF-8 sequence, so the cut after it is a
        // character boundary.
        let cut = rest
            .as_bytes()
            .get(BLOCK_BYTES..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
            .map_or(rest.len(), |i| BLOCK_BYTES + i + 1);
        let (block, after) = rest.split_at(cut);
        out.push(block);
        rest = after;
    }
    out
}

/// Like [`reveal`], for text that may be megabytes long (a large payload). Over [`LONG_TEXT`],
/// the text is a series of blocks of whole lines that the browser lays out only when they come
/// near the view (`content-visibility: auto`): laying out 1.7 MB of pretty JSON at once took
/// 850 ms of the frame after a 1 MB paste. The blocks stay in the document, so the element's text,
/// selection and the browser's find are unchanged, and hidden characters are marked as in
/// [`reveal`], [`MAX_MARKED_RUNS`] in all.
pub fn reveal_long(text: String) -> AnyView {
    if text.len() <= LONG_TEXT {
        return reveal(text);
    }
    let mut budget = MAX_MARKED_RUNS;
    let mut views = Vec::new();
    let mut start = 0;
    for block in blocks(&text) {
        // Most blocks hold no hidden character, which the byte scan of `has_hidden` decides.
        let hidden_runs = if visible::has_hidden(block) {
            visible::runs(block)
                .filter(|r| matches!(r, Run::Hidden { .. }))
                .count()
        } else {
            0
        };
        if hidden_runs > budget {
            // The marks run out here: what is left is marked and counted as one, as `reveal` does.
            views.push(block_view(
                &text[start..],
                reveal_marking(&text[start..], budget),
            ));
            break;
        }
        budget -= hidden_runs;
        let content = if hidden_runs == 0 {
            block.to_string().into_any()
        } else {
            reveal_marking(block, hidden_runs)
        };
        views.push(block_view(block, content));
        start += block.len();
    }
    views.into_any()
}

/// The classes of a block of `lines` lines: its line count rounded up to a multiple of 64 (up to
/// 1024), which the style sheet turns into the block's estimated height until it is laid out.
fn block_class(lines: usize) -> &'static str {
    const CLASSES: [&str; 16] = [
        "text-block l64",
        "text-block l128",
        "text-block l192",
        "text-block l256",
        "text-block l320",
        "text-block l384",
        "text-block l448",
        "text-block l512",
        "text-block l576",
        "text-block l640",
        "text-block l704",
        "text-block l768",
        "text-block l832",
        "text-block l896",
        "text-block l960",
        "text-block l1024",
    ];
    CLASSES[lines.div_ceil(64).clamp(1, 16) - 1]
}

/// One block of a long text, sized for the browser's estimate by its line count until laid out.
fn block_view(text: &str, content: AnyView) -> AnyView {
    let lines = text.bytes().filter(|&b| b == b'\n').count();
    view! { <span class=block_class(lines)>{content}</span> }.into_any()
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_are_whole_lines_that_add_up_to_the_text() {
        let line = "  \"claim\": \"value with \u{200B} inside\",\n";
        let text = line.repeat(2_000) + "}";
        let parts = blocks(&text);
        assert!(parts.len() > 5, "{} blocks", parts.len());
        assert_eq!(parts.concat(), text);
        for part in &parts[..parts.len() - 1] {
            assert!(part.len() >= BLOCK_BYTES && part.ends_with('\n'));
            assert!(part.len() < BLOCK_BYTES + line.len());
        }
    }

    #[test]
    fn block_classes_round_the_line_count_up_to_64() {
        assert_eq!(block_class(0), "text-block l64");
        assert_eq!(block_class(64), "text-block l64");
        assert_eq!(block_class(65), "text-block l128");
        assert_eq!(block_class(300), "text-block l320");
        assert_eq!(block_class(1024), "text-block l1024");
        assert_eq!(block_class(50_000), "text-block l1024");
    }

    #[test]
    fn a_text_without_line_breaks_is_one_block() {
        let text = "\u{200B}".repeat(100_000);
        assert_eq!(blocks(&text), [text.as_str()]);
        assert!(blocks("").is_empty());
    }
}
