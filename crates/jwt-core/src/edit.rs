//! Editing claims in JSON text without rewriting the rest of it: the rules shared by the command
//! line's `sign` and the page's editor.
//!
//! [`set_claim`] changes or adds one top-level member and keeps every other byte as written:
//! member order, spacing and number spelling. [`resolve_instant`] reads what people type for a
//! date claim (`now`, `1h`, `-5m`, Unix seconds, RFC 3339) against an instant the caller supplies.

use crate::clock_text;

/// Why a claim could not be set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The text to edit is not JSON; the reason names the byte.
    NotJson(String),
    /// The text is JSON, but not an object (its type is named).
    NotObject(&'static str),
    /// The new value is not a JSON value.
    BadValue(String),
    /// A typed instant or duration could not be read.
    BadInstant(String),
}

impl EditError {
    /// The message for the edited `part` ("payload", "header").
    pub fn describe(&self, part: &str) -> String {
        match self {
            EditError::NotJson(why) => format!("the {part} is not JSON ({why})"),
            EditError::NotObject(what) => {
                format!("the {part} is {what}; its members need a JSON object")
            }
            EditError::BadValue(why) => format!("the new value is not JSON ({why})"),
            EditError::BadInstant(why) => why.clone(),
        }
    }
}

impl std::fmt::Display for EditError {
    /// The message for the payload, the part claims are edited in.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EditError::NotObject(what) => {
                write!(f, "the payload is {what}; claims need a JSON object")
            }
            other => f.write_str(&other.describe("payload")),
        }
    }
}

/// Sets the top-level member `name` of the JSON object `json` to `value` (JSON text, such as
/// `1700000000` or `"alice"`), keeping every other byte as written.
///
/// An existing member has its value replaced in place; when the name repeats, the last
/// occurrence (the one parsers use) is replaced. A new member goes after the last one, spaced
/// like the members already there.
///
/// ```
/// use jwt_core::edit::set_claim;
///
/// assert_eq!(set_claim(r#"{"sub":"1", "exp":1}"#, "exp", "2").unwrap(), r#"{"sub":"1", "exp":2}"#);
/// assert_eq!(set_claim("{\n  \"sub\": 1.50\n}", "iat", "7").unwrap(), "{\n  \"sub\": 1.50,\n  \"iat\": 7\n}");
/// ```
pub fn set_claim(json: &str, name: &str, value: &str) -> Result<String, EditError> {
    crate::json::parse(value.as_bytes())
        .map_err(|e| EditError::BadValue(format!("byte {}: {}", e.position(), e.message())))?;
    let doc = crate::json::parse(json.as_bytes()).map_err(|e| {
        EditError::NotJson(format!("decoded byte {}: {}", e.position(), e.message()))
    })?;
    if !doc.value.is_object() {
        return Err(EditError::NotObject(crate::json::type_name(&doc.value)));
    }
    let object = top_level(json);
    let value = value.trim();
    if let Some(member) = object.members.iter().rev().find(|m| m.is_named(json, name)) {
        return Ok(splice(json, member.value, value));
    }
    let literal = crate::json_writer::string_literal(name);
    let Some((first, last)) = object.members.first().zip(object.members.last()) else {
        let at = object.open + 1;
        return Ok(splice(json, (at, at), &format!("{literal}:{value}")));
    };
    // Separate like the first two members, or like the opening brace and the first member.
    let separator = match object.members.get(1) {
        Some(second) => json[first.value.1..second.name.0].to_string(),
        None => format!(",{}", &json[object.open + 1..first.name.0]),
    };
    let colon = &json[first.name.1..first.value.0];
    let at = last.value.1;
    Ok(splice(
        json,
        (at, at),
        &format!("{separator}{literal}{colon}{value}"),
    ))
}

/// Sets the NumericDate claim `name` to `seconds`.
pub fn set_date_claim(json: &str, name: &str, seconds: i64) -> Result<String, EditError> {
    set_claim(json, name, &seconds.to_string())
}

/// Sets the top-level member `name` to the JSON string `text` (quoted and escaped here), keeping
/// every other byte as written, like [`set_claim`].
///
/// ```
/// use jwt_core::edit::set_string_claim;
///
/// assert_eq!(set_string_claim(r#"{"alg":"HS256"}"#, "kid", "k\"1").unwrap(), r#"{"alg":"HS256","kid":"k\"1"}"#);
/// ```
pub fn set_string_claim(json: &str, name: &str, text: &str) -> Result<String, EditError> {
    set_claim(json, name, &crate::json_writer::string_literal(text))
}

/// A `jti` (RFC 7519 §4.1.7) made from random bytes the caller supplies (the core has no random
/// source; the page passes 16 bytes of `crypto.getRandomValues`): their base64url text, 22
/// characters for 16 bytes. Set it with [`set_string_claim`].
///
/// ```
/// assert_eq!(jwt_core::edit::jti_from(&[0xfb; 16]), "-_v7-_v7-_v7-_v7-_v7-w");
/// ```
pub fn jti_from(bytes: &[u8]) -> String {
    crate::b64url::encode(bytes)
}

/// Reads the instant a date claim should hold: `now`, a signed duration from `now` (`1h`,
/// `+90m`, `-5m`, `1h30m`, `2d`; units `s`, `m`, `h`, `d`, `w`), Unix seconds or RFC 3339.
///
/// ```
/// use jwt_core::edit::resolve_instant;
///
/// assert_eq!(resolve_instant("1h", 1000), Ok(4600));
/// assert_eq!(resolve_instant("now", 1000), Ok(1000));
/// assert_eq!(resolve_instant("1970-01-01T00:01:00Z", 1000), Ok(60));
/// ```
pub fn resolve_instant(text: &str, now: i64) -> Result<i64, EditError> {
    let text = text.trim();
    if text.eq_ignore_ascii_case("now") {
        return Ok(now);
    }
    if let Some(delta) = parse_duration(text) {
        return now
            .checked_add(delta)
            .ok_or_else(|| EditError::BadInstant(format!("'{text}' from now is beyond any date")));
    }
    clock_text::parse_instant(text).map_err(|_| {
        EditError::BadInstant(format!(
            "'{text}' is not 'now', a duration such as 1h or -5m, Unix seconds or an RFC 3339 instant"
        ))
    })
}

/// Reads a signed duration such as `1h`, `+90m`, `-5m` or `1h30m` as seconds; `None` when the
/// text is not one (a bare number is not: it is Unix seconds).
pub fn parse_duration(text: &str) -> Option<i64> {
    let (sign, body) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let mut total: i64 = 0;
    let mut digits = String::new();
    let mut units = 0;
    for c in body.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        let unit: i64 = match c {
            's' => 1,
            'm' => 60,
            'h' => 3600,
            'd' => 86_400,
            'w' => 7 * 86_400,
            _ => return None,
        };
        let n: i64 = digits.parse().ok()?;
        total = total.checked_add(n.checked_mul(unit)?)?;
        digits.clear();
        units += 1;
    }
    (units > 0 && digits.is_empty()).then_some(sign * total)
}

/// Replaces the byte range `span` of `text` with `with`.
fn splice(text: &str, span: (usize, usize), with: &str) -> String {
    let mut out = String::with_capacity(text.len() + with.len());
    out.push_str(&text[..span.0]);
    out.push_str(with);
    out.push_str(&text[span.1..]);
    out
}

/// A top-level member: byte spans of its name literal (quotes included) and of its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Member {
    name: (usize, usize),
    value: (usize, usize),
}

impl Member {
    fn is_named(&self, text: &str, name: &str) -> bool {
        crate::json::string_literal_text(&text[self.name.0..self.name.1]).is_some_and(|n| n == name)
    }
}

/// The top-level object of a JSON text: where its brace opens and where each member is.
struct Object {
    open: usize,
    members: Vec<Member>,
}

/// Walks the top level of JSON text already known to be an object.
fn top_level(text: &str) -> Object {
    let b = text.as_bytes();
    let mut pos = skip_space(b, 0);
    let open = pos;
    pos += 1;
    let mut members = Vec::new();
    loop {
        pos = skip_space(b, pos);
        match b.get(pos) {
            Some(b'"') => {}
            Some(b',') => {
                pos += 1;
                continue;
            }
            _ => break,
        }
        let name_end = skip_string(b, pos);
        let name = (pos, name_end);
        pos = skip_space(b, name_end) + 1; // the colon
        pos = skip_space(b, pos);
        let value_end = skip_value(b, pos);
        members.push(Member {
            name,
            value: (pos, value_end),
        });
        pos = value_end;
    }
    Object { open, members }
}

fn skip_space(b: &[u8], mut pos: usize) -> usize {
    while matches!(b.get(pos), Some(b' ' | b'\t' | b'\n' | b'\r')) {
        pos += 1;
    }
    pos
}

/// The end of the string literal starting at `pos` (just past its closing quote).
fn skip_string(b: &[u8], pos: usize) -> usize {
    let mut i = pos + 1;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    b.len()
}

/// The end of the value starting at `pos`: a string, a nested array or object, or a scalar.
fn skip_value(b: &[u8], pos: usize) -> usize {
    match b.get(pos) {
        Some(b'"') => skip_string(b, pos),
        Some(b'{' | b'[') => {
            let mut depth = 0usize;
            let mut i = pos;
            while let Some(&c) = b.get(i) {
                match c {
                    b'"' => {
                        i = skip_string(b, i);
                        continue;
                    }
                    b'{' | b'[' => depth += 1,
                    b'}' | b']' => {
                        depth -= 1;
                        if depth == 0 {
                            return i + 1;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
            b.len()
        }
        _ => {
            let mut i = pos;
            while b
                .get(i)
                .is_some_and(|c| !matches!(c, b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'))
            {
                i += 1;
            }
            i
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replacing_keeps_every_other_byte() {
        let text = "{ \"iss\" : \"a\\\"b\",\n\t\"exp\" : 1.0e3 , \"x\":[1,{\"exp\":2}] }";
        let out = set_claim(text, "exp", "1700000000").unwrap();
        assert_eq!(
            out,
            "{ \"iss\" : \"a\\\"b\",\n\t\"exp\" : 1700000000 , \"x\":[1,{\"exp\":2}] }"
        );
    }

    #[test]
    fn nested_members_of_the_same_name_are_not_touched() {
        let out = set_claim(r#"{"a":{"exp":1}}"#, "exp", "5").unwrap();
        assert_eq!(out, r#"{"a":{"exp":1},"exp":5}"#);
    }

    #[test]
    fn adding_follows_the_spacing_of_existing_members() {
        assert_eq!(
            set_claim(r#"{"a":1, "b":2}"#, "exp", "9").unwrap(),
            r#"{"a":1, "b":2, "exp":9}"#
        );
        assert_eq!(
            set_claim("{\n  \"a\": 1\n}", "exp", "9").unwrap(),
            "{\n  \"a\": 1,\n  \"exp\": 9\n}"
        );
        assert_eq!(
            set_claim(r#"{ "a" : 1 }"#, "exp", "9").unwrap(),
            r#"{ "a" : 1, "exp" : 9 }"#
        );
    }

    #[test]
    fn an_empty_object_gets_a_compact_member() {
        assert_eq!(set_claim("{}", "iat", "1").unwrap(), r#"{"iat":1}"#);
        assert_eq!(set_claim(" { } ", "iat", "1").unwrap(), r#" {"iat":1 } "#);
    }

    #[test]
    fn the_last_of_repeated_names_is_replaced() {
        assert_eq!(
            set_claim(r#"{"exp":1,"exp":2}"#, "exp", "3").unwrap(),
            r#"{"exp":1,"exp":3}"#
        );
    }

    #[test]
    fn escaped_names_match_their_meaning() {
        assert_eq!(
            set_claim(r#"{"\u0065xp":1}"#, "exp", "3").unwrap(),
            r#"{"\u0065xp":3}"#
        );
        assert_eq!(
            set_claim(r#"{}"#, "a\"b", "true").unwrap(),
            r#"{"a\"b":true}"#
        );
    }

    #[test]
    fn numbers_elsewhere_keep_their_spelling() {
        let out = set_claim(
            r#"{"big":123456789012345678901234567890,"f":1.50}"#,
            "exp",
            "1",
        )
        .unwrap();
        assert!(out.starts_with(r#"{"big":123456789012345678901234567890,"f":1.50,"#));
    }

    #[test]
    fn refuses_what_is_not_an_object_or_not_json() {
        assert_eq!(
            set_claim("[1]", "exp", "1"),
            Err(EditError::NotObject("an array"))
        );
        let e = set_claim("{\"a\":", "exp", "1").unwrap_err();
        assert!(matches!(e, EditError::NotJson(_)), "{e:?}");
        assert!(e.to_string().contains("not JSON"), "{e}");
        let e = set_claim("{}", "exp", "soon").unwrap_err();
        assert!(matches!(e, EditError::BadValue(_)), "{e:?}");
    }

    #[test]
    fn durations_are_signed_sums_of_units() {
        assert_eq!(parse_duration("1h"), Some(3600));
        assert_eq!(parse_duration("+90m"), Some(5400));
        assert_eq!(parse_duration("-5m"), Some(-300));
        assert_eq!(parse_duration("1h30m15s"), Some(5415));
        assert_eq!(parse_duration("2w1d"), Some(15 * 86_400));
        for not in [
            "",
            "3600",
            "h",
            "1x",
            "1h30",
            "--1h",
            "99999999999999999999s",
        ] {
            assert_eq!(parse_duration(not), None, "{not}");
        }
    }

    #[test]
    fn instants_are_now_durations_seconds_or_rfc3339() {
        let now = 1_700_000_000;
        assert_eq!(resolve_instant(" NOW ", now), Ok(now));
        assert_eq!(resolve_instant("-1d", now), Ok(now - 86_400));
        assert_eq!(resolve_instant("1500000000", now), Ok(1_500_000_000));
        assert_eq!(resolve_instant("2023-11-14T22:13:20Z", 0), Ok(now));
        let e = resolve_instant("tomorrow", now).unwrap_err();
        assert!(e.to_string().contains("duration such as 1h"), "{e}");
        assert!(resolve_instant("9223372036854775807s", now).is_err());
    }

    #[test]
    fn string_claims_are_quoted_and_escaped() {
        assert_eq!(
            set_string_claim(r#"{"sub":"x"}"#, "jti", "a\u{7}\"b").unwrap(),
            r#"{"sub":"x","jti":"a\u0007\"b"}"#
        );
        assert_eq!(
            set_string_claim(r#"{"alg":"HS256"}"#, "alg", "ES256").unwrap(),
            r#"{"alg":"ES256"}"#
        );
    }

    #[test]
    fn jti_is_the_base64url_of_the_given_bytes() {
        let jti = jti_from(&[0u8, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
        assert_eq!(jti, "AAECAwQFBgcICQoLDA0ODw");
        assert_ne!(jti_from(&[1; 16]), jti_from(&[2; 16]));
        assert_eq!(jti_from(&[]), "");
    }

    #[test]
    fn errors_name_the_part_edited() {
        let e = set_claim("[1]", "exp", "1").unwrap_err();
        assert_eq!(
            e.describe("header"),
            "the header is an array; its members need a JSON object"
        );
        assert_eq!(
            e.to_string(),
            "the payload is an array; claims need a JSON object"
        );
        let e = set_claim("{", "exp", "1").unwrap_err();
        assert!(
            e.describe("header").starts_with("the header is not JSON"),
            "{e}"
        );
    }

    #[test]
    fn set_date_claim_writes_plain_seconds() {
        assert_eq!(
            set_date_claim(r#"{"sub":"x"}"#, "exp", -5).unwrap(),
            r#"{"sub":"x","exp":-5}"#
        );
    }
}
