//! What a token looks like: the characters it is made of, the shape of a JWT, the names that
//! usually hold one, and the wrappings (quotes, scheme words, percent-encoding) around it.

use super::{CandidateKind, Cleanup};
use crate::byte_set::ByteSet;

/// True for the bytes a compact token is made of: base64url, the standard alphabet's `+` and
/// `/`, `=` padding and dots.
pub(super) fn is_token_byte(b: u8) -> bool {
    TOKEN_BYTES.contains(b)
}

/// True when every byte of `bytes` is a token byte ([`is_token_byte`]).
pub(super) fn all_token_bytes(bytes: &[u8]) -> bool {
    TOKEN_BYTES.contains_all(bytes)
}

/// True when every byte of `bytes` is a base64url character or a dot: a token with no padding
/// and no standard-alphabet character, whose segments need no second look at their characters.
pub(super) fn all_url_bytes(bytes: &[u8]) -> bool {
    URL_BYTES.contains_all(bytes)
}

/// The bytes of [`all_url_bytes`]: the token bytes without padding and the standard alphabet.
const URL_BYTES: ByteSet = ByteSet::alphanumeric_and(b"-_.");

/// [`is_token_byte`]'s set.
const TOKEN_BYTES: ByteSet = ByteSet::alphanumeric_and(b"-_=+/.");

/// True for a visible ASCII character that is no part of a token: the punctuation of the text a
/// token is pasted in (`"`, `,`, `:`, `&`, `{`…). Whitespace, control characters and non-ASCII
/// characters are not among them: whitespace may be wrapping, and the others inside a token are
/// damage to be shown, not text to be removed.
pub(super) fn is_text_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !is_token_byte(b) && b != b'%'
}

/// Whether `text` has the shape of a compact JWT: 3 (JWS) or 5 (JWE) dot-separated parts of
/// token characters whose first part can be base64url of a JSON object (base64 of `{` starts
/// with `e`). Strict enough to tell a token from a version number or a host name in free text.
pub(super) fn looks_like_jwt(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.len() < 8 || bytes[0] != b'e' {
        return false;
    }
    let mut dots = 0;
    let mut header_len = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'.' {
            if dots == 0 {
                header_len = i;
            }
            dots += 1;
            if dots > 4 {
                return false;
            }
        } else if !is_token_byte(b) {
            return false;
        }
    }
    (dots == 2 || dots == 4) && header_len >= 3
}

/// JWS, JWE or opaque, from the number of dots alone (the decoder says the rest).
pub(super) fn kind_of(token: &str) -> CandidateKind {
    match token.bytes().filter(|&b| b == b'.').count() {
        2 => CandidateKind::Jws,
        4 => CandidateKind::Jwe,
        _ => CandidateKind::Opaque,
    }
}

fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// Whether a parameter or member name says that its value is a token even when the value is not
/// a JWT: `access_token`, `id_token`, `refresh_token`, `token`, `code`, `client_assertion`, `jwt`…
pub(super) fn names_a_token(name: &str) -> bool {
    ends_with_ignore_case(name, "token")
        || ends_with_ignore_case(name, "jwt")
        || ends_with_ignore_case(name, "assertion")
        || name.eq_ignore_ascii_case("code")
        || name.eq_ignore_ascii_case("id_token_hint")
}

/// `text` without `prefix` when it starts with it, whatever the case.
pub(super) fn strip_prefix_ignore_case<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// The scheme words of an `Authorization` header that come before a token, and what removing
/// each is called.
const SCHEMES: [(&str, Cleanup); 4] = [
    ("bearer", Cleanup::BearerPrefix),
    ("jwt", Cleanup::JwtPrefix),
    ("token", Cleanup::TokenPrefix),
    ("dpop", Cleanup::DpopPrefix),
];

/// Removes one scheme word (`Bearer`, `JWT`, `Token`, `DPoP`, whatever the case) followed by a
/// space or tab. A token that merely starts with those letters is left alone.
pub(super) fn strip_scheme(text: &str) -> Option<(&str, Cleanup)> {
    SCHEMES.iter().find_map(|&(word, cleanup)| {
        let rest = strip_prefix_ignore_case(text, word)?;
        rest.starts_with([' ', '\t'])
            .then(|| (rest.trim_start(), cleanup))
    })
}

/// True when an `Authorization` value uses a scheme that carries no token (a password or a
/// Kerberos ticket), so there is nothing to inspect.
pub(super) fn is_password_scheme(value: &str) -> bool {
    ["basic ", "digest ", "negotiate ", "ntlm "]
        .iter()
        .any(|s| strip_prefix_ignore_case(value, s).is_some())
}

/// The text inside one pair of matching quotes (`"`, `'` or a backtick) that hold no other quote
/// of the same kind.
pub(super) fn unquote(text: &str) -> Option<&str> {
    let quote = *text.as_bytes().first()?;
    if !matches!(quote, b'"' | b'\'' | b'`') || text.len() < 2 || !text.ends_with(quote as char) {
        return None;
    }
    let inner = &text[1..text.len() - 1];
    (!inner.contains(quote as char)).then_some(inner)
}

/// Decodes `%XX` escapes when every `%` starts one and the result is text; `None` when there is
/// nothing to decode or it would not be valid. Used on a whole pasted token, where a stray `%`
/// is damage for the decoder to point at.
pub(super) fn percent_decode(text: &str) -> Option<String> {
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

/// Decodes the `%XX` escapes that are valid and keeps anything else as written, as browsers do
/// with URL parameters and cookies; `None` when nothing was decoded or the result is not text.
pub(super) fn percent_decode_lenient(text: &str) -> Option<String> {
    if !text.contains('%') {
        return None;
    }
    let bytes = text.as_bytes();
    let hex = |b: u8| (b as char).to_digit(16);
    let mut out = Vec::with_capacity(bytes.len());
    let mut changed = false;
    let mut i = 0;
    while i < bytes.len() {
        let escape = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? * 16 + hex(bytes[i + 2])?))
            .flatten();
        match escape {
            Some(byte) => {
                out.push(byte as u8);
                changed = true;
                i += 3;
            }
            None => {
                out.push(bytes[i]);
                i += 1;
            }
        }
    }
    if !changed {
        return None;
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jwt_shape() {
        assert!(looks_like_jwt("e30.e30.AAAA"));
        assert!(looks_like_jwt("e30.e30."));
        assert!(looks_like_jwt("eyJhbGciOiJkaXIifQ..AAAA.AAAA.AAAA"));
        for not in [
            "1.2.3",
            "www.example.com",
            "e.g.x",
            "e30.e30",
            "e30.e30.e30.e30",
            "e30.e30.AA*A",
            "e30.e30.AAAA.e30.e30.AAAA",
        ] {
            assert!(!looks_like_jwt(not), "{not}");
        }
    }

    #[test]
    fn token_names() {
        for name in [
            "access_token",
            "ID_TOKEN",
            "token",
            "code",
            "client_assertion",
            "jwt",
        ] {
            assert!(names_a_token(name), "{name}");
        }
        for name in [
            "token_type",
            "expires_in",
            "state",
            "session_state",
            "scope",
        ] {
            assert!(!names_a_token(name), "{name}");
        }
    }

    #[test]
    fn scheme_words() {
        assert_eq!(strip_scheme("Bearer a"), Some(("a", Cleanup::BearerPrefix)));
        assert_eq!(strip_scheme("JWT  a"), Some(("a", Cleanup::JwtPrefix)));
        assert_eq!(strip_scheme("token\ta"), Some(("a", Cleanup::TokenPrefix)));
        assert_eq!(strip_scheme("dPoP a"), Some(("a", Cleanup::DpopPrefix)));
        assert_eq!(strip_scheme("tokena"), None);
        assert!(is_password_scheme("Basic dXNlcjpwYXNz"));
    }

    #[test]
    fn quotes() {
        assert_eq!(unquote("'a'"), Some("a"));
        assert_eq!(unquote("\"a\", \"b\""), None);
        assert_eq!(unquote("\""), None);
    }

    #[test]
    fn lenient_percent_decoding_keeps_what_is_not_an_escape() {
        assert_eq!(percent_decode_lenient("a%2Eb%zz%"), Some("a.b%zz%".into()));
        assert_eq!(percent_decode_lenient("a%2"), None);
        assert_eq!(percent_decode_lenient("abc"), None);
        assert_eq!(percent_decode_lenient("%ff"), None);
    }
}
