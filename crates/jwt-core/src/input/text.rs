//! Tokens in free text: a log line, a sentence, several tokens pasted together.

use super::shape::looks_like_jwt;
use super::{Cleanup, Collector, Origin};

/// Offers every word of `text` that has the shape of a JWT. Words are separated by whitespace,
/// by the punctuation that surrounds values in logs and code (quotes, brackets, `,` `;` `:` `&`
/// `?` `#` `|` `<` `>`), by `=` between a name and a value, and by a `/` before it. A word next to
/// anything else (a control or non-ASCII character, `%`, `+`, `*`, a `/` after it…) is not taken:
/// that is damage inside a token, which the decoder must show, or a piece of a longer token.
///
/// Text without whitespace is not free text: characters stuck to a token there (`eyJ…?`) are
/// damage too, so nothing is taken from it.
pub(super) fn collect(text: &str, out: &mut Collector) {
    if !text.contains(|c: char| c.is_ascii_whitespace()) {
        return;
    }
    let bytes = text.as_bytes();
    let separates = |i: usize| -> bool {
        let b = bytes[i];
        b.is_ascii_whitespace()
            || is_delimiter(b)
            // `name=value`, not the padding that ends a segment.
            || (b == b'=' && bytes.get(i + 1).is_some_and(|&n| is_base64url_letter(n)))
    };
    let mut i = 0;
    while i < bytes.len() && !out.is_full() {
        if !is_run_byte(bytes[i]) || separates(i) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && is_run_byte(bytes[i]) && !separates(i) {
            i += 1;
        }
        // A `/` may come before a token (a URL path: `/verify/eyJ…`), never after one, where it
        // would split a standard-base64 signature.
        let apart_before = start == 0 || separates(start - 1) || bytes[start - 1] == b'/';
        let apart = apart_before && (i == bytes.len() || separates(i));
        if !apart {
            continue;
        }
        let mut word = &text[start..i];
        if !looks_like_jwt(word) {
            // The full stop that ends a sentence.
            word = word.strip_suffix('.').unwrap_or(word);
        }
        if looks_like_jwt(word) {
            out.offer(
                word.to_string(),
                &[Cleanup::SurroundingText],
                None,
                Origin::Text,
            );
        }
    }
}

/// Bytes a token is made of in free text (base64url, padding and dots).
fn is_run_byte(b: u8) -> bool {
    is_base64url_letter(b) || b == b'=' || b == b'.'
}

fn is_base64url_letter(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// Punctuation that surrounds a value in logs, JSON, code and prose.
fn is_delimiter(b: u8) -> bool {
    matches!(
        b,
        b'"' | b'\''
            | b'`'
            | b','
            | b';'
            | b':'
            | b'<'
            | b'>'
            | b'('
            | b')'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'&'
            | b'?'
            | b'#'
            | b'|'
    )
}
