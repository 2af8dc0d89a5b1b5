//! JSON handling that keeps what the token says: member order, number spelling and duplicate names.
//!
//! [`parse`] checks the text, builds the core's own [`Value`] and finds repeated member names in
//! one pass ([`parse`](self::parse) module), refusing other text with `serde_json`'s reason at
//! `serde_json`'s place; a second walk over the accepted text lays it out for display without
//! rewriting a single number or string.

mod parse;
mod value;

pub use value::{Map, Number, Value};

use std::borrow::Cow;

use serde::Serialize;

use crate::json_writer;

/// A JSON text that parsed, with its layout for display and its duplicate member names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The value; for a duplicated name it holds the last occurrence, like most JSON libraries.
    pub value: Value,
    /// The text as it was decoded.
    pub raw: String,
    /// Every member name that occurs more than once in the same object.
    pub duplicates: Vec<Duplicate>,
    /// Top-level members of an object document: byte spans in `raw` of each name literal and
    /// its value.
    members: Vec<MemberSpan>,
}

/// A member name repeated inside one object.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Duplicate {
    /// JSON Pointer (RFC 6901) of the object holding the repeated name; empty for the top level.
    pub path: String,
    /// The repeated name, unescaped.
    pub name: String,
    /// Each occurrence's value as written, in order. Most libraries keep the last one.
    pub values: Vec<String>,
}

/// What a piece of pretty JSON is, for colouring.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PieceKind {
    /// A member name, quotes included.
    Key,
    /// A string value, quotes included.
    String,
    /// A number, exactly as written.
    Number,
    /// `true`, `false` or `null`.
    Literal,
    /// Brackets, braces, commas and colons.
    Punctuation,
    /// Line breaks and indentation.
    Space,
}

/// One run of pretty JSON text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    /// What the text is.
    pub kind: PieceKind,
    /// The text.
    pub text: String,
    /// Nesting depth: 1 for members of the top-level object.
    pub depth: u32,
}

/// Why bytes are not a JSON document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "problem", rename_all = "kebab-case")]
pub enum JsonError {
    /// The bytes are not UTF-8; `position` is the first bad byte.
    NotUtf8 {
        /// Byte offset of the first invalid byte.
        position: usize,
    },
    /// UTF-8, but not JSON.
    Syntax {
        /// Byte offset where the parser stopped.
        position: usize,
        /// The parser's reason, without its line and column.
        reason: String,
    },
    /// Nested deeper than the parser allows.
    TooDeep {
        /// Byte offset where the limit was hit.
        position: usize,
    },
}

impl JsonError {
    /// Byte offset the error points at.
    pub fn position(&self) -> usize {
        match self {
            JsonError::NotUtf8 { position }
            | JsonError::Syntax { position, .. }
            | JsonError::TooDeep { position } => *position,
        }
    }

    /// The reason in words.
    pub fn message(&self) -> String {
        match self {
            JsonError::NotUtf8 { .. } => "the bytes are not valid UTF-8".to_string(),
            JsonError::Syntax { reason, .. } => format!("not valid JSON: {reason}"),
            JsonError::TooDeep { .. } => {
                format!("JSON nested more than {MAX_DEPTH} levels deep; refusing to go further")
            }
        }
    }
}

/// Arrays and objects may nest one level less deep than this (`serde_json`'s recursion limit).
pub const MAX_DEPTH: usize = 128;

/// Parses bytes as one JSON document.
pub fn parse(bytes: &[u8]) -> Result<Document, JsonError> {
    parse_owned(bytes.to_vec()).map_err(|(e, _)| e)
}

/// [`parse`], keeping `bytes` as the document's text without a copy; a refusal hands them back.
pub fn parse_owned(bytes: Vec<u8>) -> Result<Document, (JsonError, Vec<u8>)> {
    let raw = match String::from_utf8(bytes) {
        Ok(raw) => raw,
        Err(e) => {
            let position = e.utf8_error().valid_up_to();
            return Err((JsonError::NotUtf8 { position }, e.into_bytes()));
        }
    };
    let parsed = match parse::parse(&raw) {
        Ok(parsed) => parsed,
        Err(refusal) => {
            let position = refusal.offset(&raw);
            let error = if refusal.too_deep() {
                JsonError::TooDeep { position }
            } else {
                JsonError::Syntax {
                    position,
                    reason: refusal.reason.to_string(),
                }
            };
            return Err((error, raw.into_bytes()));
        }
    };
    Ok(Document {
        value: parsed.value,
        raw,
        duplicates: parsed.duplicates,
        members: parsed.members,
    })
}

/// Why [`parse_value`] refused a text: `serde_json`'s reason, at its 1-based line and its column
/// (bytes before the place on that line), as `serde_json` counts them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    /// The line, from 1.
    pub line: usize,
    /// Bytes on that line before the place.
    pub column: usize,
    /// The reason in words.
    pub reason: &'static str,
}

/// The value of one JSON text, without the layout and duplicate report of [`parse`] (key text).
pub fn parse_value(text: &str) -> Result<Value, Refused> {
    parse::parse(text).map(|p| p.value).map_err(|r| {
        let (line, column) = r.line_column(text);
        Refused {
            line,
            column,
            reason: r.reason,
        }
    })
}

impl Document {
    /// A top-level member's value exactly as written (the last occurrence, as `value` holds).
    pub fn raw_member(&self, name: &str) -> Option<&str> {
        self.members
            .iter()
            .rev()
            .find(|m| {
                #[cfg(test)]
                work::count();
                self.raw
                    .get(m.name.0..m.name.1)
                    .is_some_and(|literal| unescape(literal) == name)
            })
            .and_then(|m| self.raw.get(m.value.0..m.value.1))
    }

    /// Every top-level member as (unescaped name, value as written), in order, duplicates included.
    /// One pass; names without escapes are borrowed.
    pub fn raw_members(&self) -> impl Iterator<Item = (std::borrow::Cow<'_, str>, &str)> + '_ {
        self.members.iter().filter_map(|m| {
            #[cfg(test)]
            work::count();
            let literal = self.raw.get(m.name.0..m.name.1)?;
            let name = if literal.contains('\\') {
                std::borrow::Cow::Owned(unescape(literal))
            } else {
                std::borrow::Cow::Borrowed(literal.get(1..literal.len().saturating_sub(1))?)
            };
            Some((name, self.raw.get(m.value.0..m.value.1)?))
        })
    }

    /// The text re-indented for display, built on demand; numbers and strings are spelled
    /// exactly as in `raw`.
    pub fn pretty(&self) -> String {
        Layout::run(&self.raw, Emit::Pretty).text()
    }

    /// The pretty text split into pieces for syntax colouring, built on demand.
    pub fn pieces(&self) -> Vec<Piece> {
        Layout::run(&self.raw, Emit::Pieces)
            .pieces
            .unwrap_or_default()
    }
}

impl Serialize for Document {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("Document", 3)?;
        s.serialize_field("raw", &self.raw)?;
        s.serialize_field("pretty", &PrettyField(&self.raw))?;
        s.serialize_field("duplicates", &self.duplicates)?;
        s.end()
    }
}

/// The `pretty` member of a serialized [`Document`], laid out as it is written: `json_writer`
/// asks for it already escaped (see [`json_writer::DISPLAY_ESCAPED`]), other serializers get the
/// text.
struct PrettyField<'a>(&'a str);

impl Serialize for PrettyField<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(json_writer::DISPLAY_ESCAPED, &Pretty(self.0))
    }
}

/// The pretty text of accepted JSON text; `{:#}` writes it escaped as a JSON string's content.
struct Pretty<'a>(&'a str);

impl std::fmt::Display for Pretty<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let emit = if f.alternate() {
            Emit::Escaped
        } else {
            Emit::Pretty
        };
        f.write_str(&Layout::run(self.0, emit).text())
    }
}

impl Serialize for Pretty<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Counts member visits in tests, so that tests can check an algorithm's shape without timing it.
#[cfg(test)]
pub(crate) mod work {
    use std::cell::Cell;

    thread_local!(static VISITS: Cell<usize> = const { Cell::new(0) });

    /// Records one member visit.
    pub fn count() {
        VISITS.with(|v| v.set(v.get() + 1));
    }

    /// Visits since the last call.
    pub fn take() -> usize {
        VISITS.with(|v| v.replace(0))
    }
}

/// Where one top-level member sits in the raw text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct MemberSpan {
    /// The name literal, quotes included.
    name: (usize, usize),
    /// The value as written.
    value: (usize, usize),
}

/// What a layout pass produces.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emit {
    /// The pretty text.
    Pretty,
    /// The pretty text and its pieces.
    Pieces,
    /// The pretty text escaped as the content of a JSON string.
    Escaped,
}

/// The name of a JSON value's type, for messages.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Walks accepted JSON text once, laying it out.
///
/// The text has already been accepted by [`parse`], so nesting is below [`MAX_DEPTH`] and
/// recursion here is bounded. Pieces for colouring are only built when asked for.
struct Layout<'a> {
    text: &'a str,
    pos: usize,
    /// Whether keys, strings and line breaks are escaped as a JSON string's content.
    escaped: bool,
    out: json_writer::Gather,
    pieces: Option<Vec<Piece>>,
}

/// A byte span in the text: start and end.
type Span = (usize, usize);

impl<'a> Layout<'a> {
    fn run(text: &'a str, emit: Emit) -> Self {
        let mut layout = Layout {
            text,
            pos: 0,
            escaped: emit == Emit::Escaped,
            out: json_writer::Gather::with_capacity(2 * text.len()),
            pieces: (emit == Emit::Pieces).then(Vec::new),
        };
        layout.value(0);
        layout
    }

    /// The laid-out text (whole pieces of accepted text and ASCII, so always UTF-8).
    fn text(self) -> String {
        String::from_utf8(self.out.finish()).unwrap_or_default()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> u8 {
        self.text.as_bytes().get(self.pos).copied().unwrap_or(0)
    }

    fn push(&mut self, kind: PieceKind, text: &str, depth: u32) {
        if self.escaped && matches!(kind, PieceKind::Key | PieceKind::String) {
            self.out.push_escaped(text.as_bytes());
        } else {
            self.out.push(text.as_bytes());
        }
        let Some(pieces) = &mut self.pieces else {
            return;
        };
        match pieces.last_mut() {
            Some(last) if last.kind == kind && kind == PieceKind::Punctuation => {
                last.text.push_str(text)
            }
            _ => pieces.push(Piece {
                kind,
                text: text.to_string(),
                depth,
            }),
        }
    }

    fn newline(&mut self, depth: u32) {
        self.out.push(if self.escaped { b"\\n" } else { b"\n" });
        self.out.indent(depth as usize);
        if let Some(pieces) = &mut self.pieces {
            pieces.push(Piece {
                kind: PieceKind::Space,
                text: format!("\n{}", "  ".repeat(depth as usize)),
                depth,
            });
        }
    }

    /// Lays out one value at `depth`; returns the byte span it occupies in the source.
    fn value(&mut self, depth: u32) -> (usize, usize) {
        self.skip_space();
        let start = self.pos;
        match self.peek() {
            b'{' => self.container(depth, "{", "}", true),
            b'[' => self.container(depth, "[", "]", false),
            b'"' => {
                let s = self.string_literal();
                self.push(PieceKind::String, s, depth);
            }
            b't' | b'f' | b'n' => {
                let len = if self.peek() == b'f' { 5 } else { 4 };
                let s = &self.text[self.pos..self.pos + len];
                self.pos += len;
                self.push(PieceKind::Literal, s, depth);
            }
            _ => {
                let rest = &self.text.as_bytes()[self.pos..];
                let len = rest
                    .iter()
                    .take_while(|b| matches!(b, b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9'))
                    .count();
                let s = &self.text[self.pos..self.pos + len];
                self.pos += len;
                self.push(PieceKind::Number, s, depth);
            }
        }
        (start, self.pos)
    }

    /// Consumes a string literal and returns it as written, quotes included.
    fn string_literal(&mut self) -> &'a str {
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let mut i = start + 1;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' => i += 2,
                b'"' => {
                    i += 1;
                    break;
                }
                _ => i += 1,
            }
        }
        self.pos = i.min(bytes.len());
        &self.text[start..self.pos]
    }

    /// An object (`keyed`) or an array, one member or element per line.
    fn container(&mut self, depth: u32, open: &'static str, close: &'static str, keyed: bool) {
        self.pos += 1;
        self.push(PieceKind::Punctuation, open, depth);
        self.skip_space();
        if self.peek() == close.as_bytes()[0] {
            self.pos += 1;
            self.push(PieceKind::Punctuation, close, depth);
            return;
        }
        let inner = depth + 1;
        loop {
            self.newline(inner);
            if keyed {
                self.member_name(inner);
            }
            self.value(inner);
            self.skip_space();
            if self.peek() == b',' {
                self.pos += 1;
                self.push(PieceKind::Punctuation, ",", inner);
            } else {
                self.pos += 1; // the closing bracket
                break;
            }
        }
        self.newline(depth);
        self.push(PieceKind::Punctuation, close, depth);
    }

    /// A member's name and its colon.
    fn member_name(&mut self, depth: u32) {
        self.skip_space();
        let literal = self.string_literal();
        self.push(PieceKind::Key, literal, depth);
        self.skip_space();
        self.pos += 1; // ':'
        self.push(PieceKind::Punctuation, ": ", depth);
    }
}

/// The text of a validated string literal, escapes decoded.
fn unescape(literal: &str) -> String {
    unescape_cow(literal).into_owned()
}

/// The text of JSON string literal `literal` (quotes included), escapes decoded; `None` when it is
/// not exactly one string literal.
pub fn string_literal_text(literal: &str) -> Option<String> {
    parse::string_literal(literal)
}

/// [`unescape`], borrowing the text when the literal has no escapes.
fn unescape_cow(literal: &str) -> Cow<'_, str> {
    if literal.contains('\\') {
        Cow::Owned(string_literal_text(literal).unwrap_or_default())
    } else {
        Cow::Borrowed(
            literal
                .get(1..literal.len().saturating_sub(1))
                .unwrap_or_default(),
        )
    }
}

/// Escapes a member name for a JSON Pointer (RFC 6901 §3).
pub(crate) fn escape_pointer(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pretty(text: &str) -> String {
        parse(text.as_bytes()).unwrap().pretty()
    }

    #[test]
    fn member_order_is_kept() {
        let doc = parse(br#"{"z":1,"a":2,"m":3}"#).unwrap();
        let keys: Vec<_> = doc.value.as_object().unwrap().keys().cloned().collect();
        assert_eq!(keys, ["z", "a", "m"]);
        assert_eq!(doc.pretty(), "{\n  \"z\": 1,\n  \"a\": 2,\n  \"m\": 3\n}");
    }

    #[test]
    fn numbers_are_spelled_as_written() {
        let text = r#"{"big":18446744073709551617,"huge":1e400,"tenth":0.1,"neg":-0,"e":1E+2}"#;
        let doc = parse(text.as_bytes()).unwrap();
        for n in ["18446744073709551617", "1e400", "0.1", "-0", "1E+2"] {
            assert!(
                doc.pretty().contains(&format!(": {n}")),
                "{n} in {}",
                doc.pretty()
            );
        }
        assert_eq!(doc.value["big"].to_string(), "18446744073709551617");
    }

    #[test]
    fn strings_keep_their_escapes() {
        assert_eq!(
            pretty(r#"{"a":"\u003c\/x\""}"#),
            "{\n  \"a\": \"\\u003c\\/x\\\"\"\n}"
        );
    }

    #[test]
    fn nested_layout_and_empty_containers() {
        assert_eq!(
            pretty(r#"{"a":[1,{"b":null}],"c":{},"d":[]}"#),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": null\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}"
        );
    }

    #[test]
    fn duplicates_are_found_at_any_depth() {
        let doc = parse(br#"{"alg":"HS256","x":{"k":1,"k":[2],"k":3},"alg":"none"}"#).unwrap();
        assert_eq!(
            doc.duplicates,
            vec![
                Duplicate {
                    path: "/x".into(),
                    name: "k".into(),
                    values: vec!["1".into(), "[2]".into(), "3".into()],
                },
                Duplicate {
                    path: "".into(),
                    name: "alg".into(),
                    values: vec!["\"HS256\"".into(), "\"none\"".into()],
                },
            ]
        );
        // serde_json keeps the last value, as most libraries do.
        assert_eq!(doc.value["alg"], "none");
    }

    #[test]
    fn escaped_names_count_as_duplicates() {
        let doc = parse(br#"{"alg":1,"\u0061lg":2}"#).unwrap();
        assert_eq!(doc.duplicates.len(), 1);
        assert_eq!(doc.duplicates[0].name, "alg");
    }

    #[test]
    fn duplicates_in_arrays_have_index_paths() {
        let doc = parse(br#"[{"a":1,"a":2}]"#).unwrap();
        assert_eq!(doc.duplicates[0].path, "/0");
    }

    #[test]
    fn syntax_error_has_position_and_reason() {
        let e = parse(b"{\"a\":\n  tru}").unwrap_err();
        match &e {
            JsonError::Syntax { position, .. } => assert_eq!(*position, 11),
            other => panic!("unexpected {other:?}"),
        }
        assert!(
            e.message().starts_with("not valid JSON: "),
            "{}",
            e.message()
        );
    }

    #[test]
    fn invalid_utf8_names_the_byte() {
        assert_eq!(
            parse(b"{\"a\":\"\xff\"}").unwrap_err(),
            JsonError::NotUtf8 { position: 6 }
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(100_000) + &"]".repeat(100_000);
        assert!(matches!(
            parse(deep.as_bytes()).unwrap_err(),
            JsonError::TooDeep { .. }
        ));
        let ok = "[".repeat(100) + &"]".repeat(100);
        assert!(parse(ok.as_bytes()).is_ok());
    }

    #[test]
    fn top_level_members_keep_their_spelling() {
        let doc = parse(br#"{"exp": 1E+2 ,"n":{"exp":3},"exp":-0.0}"#).unwrap();
        assert_eq!(doc.raw_member("exp"), Some("-0.0"));
        assert_eq!(doc.raw_member("n"), Some(r#"{"exp":3}"#));
        assert_eq!(doc.raw_member("missing"), None);
    }

    #[test]
    fn pieces_carry_depth_and_kind() {
        let doc = parse(br#"{"exp":1,"n":{"x":true}}"#).unwrap();
        let pieces = doc.pieces();
        let exp = pieces.iter().find(|p| p.text == "\"exp\"").unwrap();
        assert_eq!((exp.kind, exp.depth), (PieceKind::Key, 1));
        let x = pieces.iter().find(|p| p.text == "\"x\"").unwrap();
        assert_eq!(x.depth, 2);
        let t = pieces.iter().find(|p| p.text == "true").unwrap();
        assert_eq!(t.kind, PieceKind::Literal);
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;

    #[test]
    fn interleaved_repeats_keep_each_names_values_in_order() {
        let doc = parse(br#"{"a":1,"b":2,"a":3,"c":0,"b":4,"a":5,"\u0063":6}"#).unwrap();
        let got: Vec<(&str, Vec<&str>)> = doc
            .duplicates
            .iter()
            .map(|d| {
                (
                    d.name.as_str(),
                    d.values.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                ("a", vec!["1", "3", "5"]),
                ("b", vec!["2", "4"]),
                ("c", vec!["0", "6"])
            ]
        );
    }

    #[test]
    fn duplicates_in_large_objects_and_escaped_paths() {
        let mut members: Vec<String> = (0..40).map(|i| format!("\"k{i}\":{i}")).collect();
        members.push("\"k3\":99".into());
        let text = format!("{{\"a/b~\":{{{}}}}}", members.join(","));
        let doc = parse(text.as_bytes()).unwrap();
        assert_eq!(
            doc.duplicates,
            vec![Duplicate {
                path: "/a~1b~0".into(),
                name: "k3".into(),
                values: vec!["3".into(), "99".into()],
            }]
        );
    }

    #[test]
    fn pieces_concatenate_to_the_pretty_text() {
        let doc = parse(br#"{"a":[1,{"b":"x\"y"}],"c":{},"d":[true,null]}"#).unwrap();
        let joined: String = doc.pieces().iter().map(|p| p.text.as_str()).collect();
        assert_eq!(joined, doc.pretty());
    }
}
