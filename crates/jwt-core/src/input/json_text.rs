//! JSON as people copy it (a token response, a log record, a configuration), read leniently:
//! each string value is seen with the name of the member that holds it, in document order, even
//! when the JSON is cut off or is not quite JSON. One pass, no recursion.

use std::borrow::Cow;

use super::shape::{self, looks_like_jwt, names_a_token};
use super::{Cleanup, Collector, Origin};

/// Containers deeper than this still count, but their names are not remembered.
const NAMED_DEPTH: usize = 128;

/// Offers every string value that is a JWT (or `Bearer` and a JWT), or whose member name names a
/// token (`refresh_token`, `code`…), labelled with that name.
pub(super) fn collect(text: &str, out: &mut Collector) {
    let bytes = text.as_bytes();
    // For each open container: the member name that holds it, when it is an array (whose
    // elements are labelled with that name).
    let mut holders: Vec<Option<&str>> = Vec::new();
    let mut unnamed_depth = 0usize;
    let mut name: Option<&str> = None;
    let mut after_colon = false;
    let mut i = 0;
    while i < bytes.len() && !out.is_full() {
        match bytes[i] {
            b'"' => {
                let (literal, next) = string_at(text, i);
                i = next;
                let mut k = i;
                while k < bytes.len() && bytes[k].is_ascii_whitespace() {
                    k += 1;
                }
                if bytes.get(k) == Some(&b':') {
                    name = Some(literal);
                    after_colon = true;
                    i = k + 1;
                    continue;
                }
                let label = if after_colon {
                    name
                } else {
                    holders.last().copied().flatten()
                };
                value(literal, label, out);
                after_colon = false;
            }
            open @ (b'{' | b'[') => {
                let holder = match (open, after_colon) {
                    (b'[', true) => name,
                    (b'[', false) => holders.last().copied().flatten(),
                    _ => None,
                };
                if holders.len() < NAMED_DEPTH {
                    holders.push(holder);
                } else {
                    unnamed_depth += 1;
                }
                after_colon = false;
                i += 1;
            }
            b'}' | b']' => {
                if unnamed_depth > 0 {
                    unnamed_depth -= 1;
                } else {
                    holders.pop();
                }
                after_colon = false;
                i += 1;
            }
            b if b.is_ascii_whitespace() => i += 1,
            _ => {
                after_colon = false;
                i += 1;
            }
        }
    }
}

/// True for the JSON serialization of a JWS (`payload` with `signature` or `signatures`) or of
/// a JWE (`ciphertext` with `protected` or `iv`).
pub(super) fn is_json_serialization(text: &str) -> bool {
    let has = |name: &str| text.contains(&format!("\"{name}\""));
    (has("payload") && (has("signature") || has("signatures")))
        || (has("ciphertext") && (has("protected") || has("iv")))
}

/// The literal text of the string starting at the quote at `start` (escapes kept), and the index
/// just past its closing quote (or the end, when it is cut off).
fn string_at(text: &str, start: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    let mut j = start + 1;
    let mut escaped = false;
    while j < bytes.len() {
        match bytes[j] {
            _ if escaped => escaped = false,
            b'\\' => escaped = true,
            b'"' => break,
            _ => {}
        }
        j += 1;
    }
    (&text[start + 1..j], (j + 1).min(bytes.len()))
}

/// A string literal's value: escapes undone when it has any and they are valid JSON.
fn unescape(literal: &str) -> Cow<'_, str> {
    if !literal.contains('\\') {
        return Cow::Borrowed(literal);
    }
    crate::json::string_literal_text(&format!("\"{literal}\""))
        .map(Cow::Owned)
        .unwrap_or(Cow::Borrowed(literal))
}

fn value(literal: &str, label: Option<&str>, out: &mut Collector) {
    let text = unescape(literal);
    let (token, scheme) = match shape::strip_scheme(&text) {
        Some((rest, scheme)) if looks_like_jwt(rest) => (rest, Some(scheme)),
        _ => (&*text, None),
    };
    if token.is_empty() || !(looks_like_jwt(token) || label.is_some_and(names_a_token)) {
        return;
    }
    let mut own = vec![Cleanup::JsonMember];
    own.extend(scheme);
    out.offer(
        token.to_string(),
        &own,
        label.map(|l| unescape(l).into_owned()),
        Origin::JsonMember,
    );
}
