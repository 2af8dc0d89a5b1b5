//! Turning pasted text into a compact token: what people paste around a JWT, removed and explained.

use serde::Serialize;

/// Something removed or undone in the pasted text before decoding, so the user knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Cleanup {
    /// Spaces or line breaks before or after the token.
    SurroundingWhitespace,
    /// Quotes around the token, as in a JSON log line.
    SurroundingQuotes,
    /// An `Authorization:` header name.
    AuthorizationHeader,
    /// A `Bearer ` scheme prefix.
    BearerPrefix,
    /// Spaces or line breaks inside the token, as when it was wrapped.
    InnerWhitespace,
    /// Percent-encoding such as `%2E` for dots.
    PercentEncoding,
}

impl Cleanup {
    /// What was done, in words.
    pub fn message(self) -> &'static str {
        match self {
            Cleanup::SurroundingWhitespace => "Removed spaces or line breaks around the token.",
            Cleanup::SurroundingQuotes => "Removed quotes around the token.",
            Cleanup::AuthorizationHeader => "Removed the 'Authorization:' header name.",
            Cleanup::BearerPrefix => "Removed the 'Bearer ' prefix.",
            Cleanup::InnerWhitespace => {
                "Removed spaces or line breaks inside the token (it looked wrapped)."
            }
            Cleanup::PercentEncoding => "Decoded URL percent-encoding (such as %2E for a dot).",
        }
    }
}

/// The token text to decode, and what was removed to get it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The compact token.
    pub token: String,
    /// What was done, in order.
    pub cleanups: Vec<Cleanup>,
    /// How many whitespace-separated words each looked like a whole token (two dots or more);
    /// two or more means several tokens were pasted, not one wrapped token.
    pub token_like_words: usize,
}

fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Removes what people commonly paste around a token.
pub fn clean(input: &str) -> Cleaned {
    // The usual case, a bare token, needs one pass over its bytes.
    let mut dots = 0;
    let bare = !input.is_empty()
        && input.bytes().all(|b| match b {
            b'.' => {
                dots += 1;
                true
            }
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'=' | b'+' | b'/' => true,
            _ => false,
        });
    if bare {
        return Cleaned {
            token: input.to_string(),
            cleanups: Vec::new(),
            token_like_words: usize::from(dots >= 2),
        };
    }
    let mut cleanups = Vec::new();
    let mut text = input.trim();
    if text.len() != input.len() {
        cleanups.push(Cleanup::SurroundingWhitespace);
    }
    // Header name first, then quotes or scheme in either order, as logs vary.
    if let Some(rest) = strip_prefix_ignore_case(text, "authorization:") {
        text = rest.trim_start();
        cleanups.push(Cleanup::AuthorizationHeader);
    }
    for _ in 0..2 {
        if let Some(rest) = strip_prefix_ignore_case(text, "bearer") {
            if rest.starts_with([' ', '\t']) {
                text = rest.trim_start();
                cleanups.push(Cleanup::BearerPrefix);
            }
        }
        for quote in ['"', '\'', '`'] {
            if text.len() >= 2 && text.starts_with(quote) && text.ends_with(quote) {
                text = text[1..text.len() - 1].trim();
                cleanups.push(Cleanup::SurroundingQuotes);
            }
        }
    }
    let token_like_words = text
        .split_whitespace()
        .filter(|w| w.matches('.').count() >= 2)
        .count();
    let mut token: String = text.to_string();
    if token.contains(|c: char| c.is_whitespace()) {
        token.retain(|c| !c.is_whitespace());
        cleanups.push(Cleanup::InnerWhitespace);
    }
    if let Some(decoded) = percent_decode(&token) {
        token = decoded;
        cleanups.push(Cleanup::PercentEncoding);
    }
    Cleaned {
        token,
        cleanups,
        token_like_words,
    }
}

/// Decodes `%XX` escapes when every `%` starts one and the result is text; `None` when there is nothing
/// to decode or it would not be valid.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(input: &str, token: &str, cleanups: &[Cleanup]) {
        let c = clean(input);
        assert_eq!(c.token, token, "{input:?}");
        assert_eq!(c.cleanups, cleanups, "{input:?}");
    }

    #[test]
    fn plain_token_is_untouched() {
        check("a.b.c", "a.b.c", &[]);
    }

    #[test]
    fn whitespace_and_wrapping_are_removed() {
        check(
            "  a.b\n.c\r\n",
            "a.b.c",
            &[Cleanup::SurroundingWhitespace, Cleanup::InnerWhitespace],
        );
    }

    #[test]
    fn bearer_and_authorization_prefixes_are_removed() {
        check("Bearer a.b.c", "a.b.c", &[Cleanup::BearerPrefix]);
        check("bearer  a.b.c", "a.b.c", &[Cleanup::BearerPrefix]);
        check(
            "Authorization: Bearer a.b.c",
            "a.b.c",
            &[Cleanup::AuthorizationHeader, Cleanup::BearerPrefix],
        );
        // A token that merely starts with the letters is not changed.
        check("bearera.b.c", "bearera.b.c", &[]);
    }

    #[test]
    fn quotes_from_logs_are_removed() {
        check("\"a.b.c\"", "a.b.c", &[Cleanup::SurroundingQuotes]);
        check(
            "'Bearer a.b.c'",
            "a.b.c",
            &[Cleanup::SurroundingQuotes, Cleanup::BearerPrefix],
        );
        check("\"", "\"", &[]);
    }

    #[test]
    fn percent_encoding_is_decoded() {
        check("a%2Eb%2ec", "a.b.c", &[Cleanup::PercentEncoding]);
        // A stray '%' is left for the decoder to point at.
        check("a.b%.c", "a.b%.c", &[]);
        check("a.b%zz.c", "a.b%zz.c", &[]);
    }
}
