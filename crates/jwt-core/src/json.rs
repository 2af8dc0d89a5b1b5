//! JSON handling that keeps what the token says: member order, number spelling and duplicate names.
//!
//! Values are parsed with `serde_json` (`preserve_order`, `arbitrary_precision`), whose recursion limit
//! stops deep nesting before it can overflow the stack. A second pass over the already-validated text
//! finds duplicate member names, which `serde_json` would silently collapse, and lays the text out
//! for display without rewriting a single number or string.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;

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

/// The deepest nesting accepted (`serde_json`'s recursion limit).
pub const MAX_DEPTH: usize = 128;

/// Parses bytes as one JSON document.
pub fn parse(bytes: &[u8]) -> Result<Document, JsonError> {
    let text = std::str::from_utf8(bytes).map_err(|e| JsonError::NotUtf8 {
        position: e.valid_up_to(),
    })?;
    let value: Value = serde_json::from_str(text).map_err(|e| syntax_error(text, &e))?;
    let layout = Layout::run(text, Emit::Nothing);
    Ok(Document {
        value,
        raw: text.to_string(),
        duplicates: layout.duplicates,
        members: layout.members,
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
        Layout::run(&self.raw, Emit::Pretty).pretty
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
        s.serialize_field("pretty", &self.pretty())?;
        s.serialize_field("duplicates", &self.duplicates)?;
        s.end()
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

/// What a layout pass produces besides the duplicate names.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Emit {
    /// Nothing: only find duplicates.
    Nothing,
    /// The pretty text.
    Pretty,
    /// The pretty text and its pieces.
    Pieces,
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

fn syntax_error(text: &str, error: &serde_json::Error) -> JsonError {
    let position = offset_of(text, error.line(), error.column());
    let full = error.to_string();
    if full.starts_with("recursion limit exceeded") {
        return JsonError::TooDeep { position };
    }
    let reason = match full.rfind(" at line ") {
        Some(cut) => full[..cut].to_string(),
        None => full,
    };
    JsonError::Syntax { position, reason }
}

/// Converts serde_json's 1-based line and column into a byte offset.
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line - 1)
        .map(str::len)
        .sum();
    (line_start + column.saturating_sub(1)).min(text.len())
}

/// Walks validated JSON text once, laying it out and collecting duplicate names.
///
/// The text has already been accepted by `serde_json`, so nesting is at most [`MAX_DEPTH`] and
/// recursion here is bounded. Pieces for colouring are only built when asked for.
struct Layout<'a> {
    text: &'a str,
    pos: usize,
    emit: Emit,
    pretty: String,
    pieces: Option<Vec<Piece>>,
    duplicates: Vec<Duplicate>,
    members: Vec<MemberSpan>,
    /// Where the value being laid out sits: member names (as written) and array indexes. Only
    /// turned into a JSON Pointer when a duplicate is found.
    path: Vec<Step<'a>>,
}

/// One step of a path inside a document.
#[derive(Clone, Copy)]
enum Step<'a> {
    /// A member name literal, quotes and escapes included.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

/// A byte span in the text: start and end.
type Span = (usize, usize);

/// Names of one object seen so far; a linear scan for small objects, a hash map for large ones.
/// Names without escapes are borrowed from the text, and only repeated names store more than
/// their first value's span, so an object without duplicates costs no allocation per member.
#[derive(Default)]
struct Seen<'a> {
    /// (name, span of its first value), in order of first appearance.
    names: Vec<(Cow<'a, str>, Span)>,
    /// (index in `names`, span of a later value) for every repeat, in order.
    repeats: Vec<(usize, Span)>,
    index: Option<HashMap<Cow<'a, str>, usize>>,
}

impl<'a> Seen<'a> {
    const SCAN_LIMIT: usize = 32;

    fn add(&mut self, name: Cow<'a, str>, span: Span) {
        let found = match &self.index {
            Some(index) => index.get(&name).copied(),
            None => self.names.iter().position(|(n, _)| *n == name),
        };
        if let Some(i) = found {
            self.repeats.push((i, span));
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), self.names.len());
        } else if self.names.len() == Self::SCAN_LIMIT {
            let mut index: HashMap<Cow<'a, str>, usize> = self
                .names
                .iter()
                .enumerate()
                .map(|(i, (n, _))| (n.clone(), i))
                .collect();
            index.insert(name.clone(), self.names.len());
            self.index = Some(index);
        }
        self.names.push((name, span));
    }

    /// Every repeated name with the spans of all its values, in order of first appearance; one
    /// pass over the repeats, so many repeated names cost no quadratic time.
    fn repeated(self) -> Vec<(Cow<'a, str>, Vec<Span>)> {
        if self.repeats.is_empty() {
            return Vec::new();
        }
        let mut spans: Vec<Vec<Span>> = self.names.iter().map(|(_, first)| vec![*first]).collect();
        for (i, span) in self.repeats {
            spans[i].push(span);
        }
        self.names
            .into_iter()
            .zip(spans)
            .filter(|(_, spans)| spans.len() > 1)
            .map(|((name, _), spans)| (name, spans))
            .collect()
    }
}

impl<'a> Layout<'a> {
    fn run(text: &'a str, emit: Emit) -> Self {
        let mut layout = Layout {
            text,
            pos: 0,
            emit,
            pretty: if emit == Emit::Nothing {
                String::new()
            } else {
                String::with_capacity(text.len() + text.len() / 4)
            },
            pieces: (emit == Emit::Pieces).then(Vec::new),
            duplicates: Vec::new(),
            members: Vec::new(),
            path: Vec::new(),
        };
        layout.value(0);
        layout
    }

    fn skip_space(&mut self) {
        let rest = &self.text.as_bytes()[self.pos..];
        self.pos += rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .count();
    }

    fn peek(&self) -> u8 {
        self.text.as_bytes().get(self.pos).copied().unwrap_or(0)
    }

    fn push(&mut self, kind: PieceKind, text: &str, depth: u32) {
        if self.emit == Emit::Nothing {
            return;
        }
        self.pretty.push_str(text);
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
        if self.emit == Emit::Nothing {
            return;
        }
        let start = self.pretty.len();
        self.pretty.push('\n');
        for _ in 0..depth {
            self.pretty.push_str("  ");
        }
        if let Some(pieces) = &mut self.pieces {
            pieces.push(Piece {
                kind: PieceKind::Space,
                text: self.pretty[start..].to_string(),
                depth,
            });
        }
    }

    /// Lays out one value at `depth`; returns the byte span it occupies in the source.
    fn value(&mut self, depth: u32) -> (usize, usize) {
        self.skip_space();
        let start = self.pos;
        match self.peek() {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
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

    fn object(&mut self, depth: u32) {
        self.pos += 1;
        self.push(PieceKind::Punctuation, "{", depth);
        self.skip_space();
        if self.peek() == b'}' {
            self.pos += 1;
            self.push(PieceKind::Punctuation, "}", depth);
            return;
        }
        let inner = depth + 1;
        // Names, spans and duplicates are found once, by the pass that parses (which emits
        // nothing); the display passes only lay the text out.
        let track = self.emit == Emit::Nothing;
        let mut seen = Seen::default();
        loop {
            self.newline(inner);
            self.skip_space();
            let name_start = self.pos;
            let literal = self.string_literal();
            let name_span = (name_start, self.pos);
            self.push(PieceKind::Key, literal, inner);
            self.skip_space();
            self.pos += 1; // ':'
            self.push(PieceKind::Punctuation, ": ", inner);
            self.path.push(Step::Key(literal));
            let span = self.value(inner);
            self.path.pop();
            if track {
                if depth == 0 {
                    self.members.push(MemberSpan {
                        name: name_span,
                        value: span,
                    });
                }
                seen.add(unescape_cow(literal), span);
            }
            self.skip_space();
            if self.peek() == b',' {
                self.pos += 1;
                self.push(PieceKind::Punctuation, ",", inner);
            } else {
                self.pos += 1; // '}'
                break;
            }
        }
        self.newline(depth);
        self.push(PieceKind::Punctuation, "}", depth);
        for (name, spans) in seen.repeated() {
            let path = self
                .path
                .iter()
                .map(|step| match step {
                    Step::Key(literal) => format!("/{}", escape_pointer(&unescape(literal))),
                    Step::Index(i) => format!("/{i}"),
                })
                .collect();
            self.duplicates.push(Duplicate {
                path,
                name: name.into_owned(),
                values: spans
                    .iter()
                    .map(|&(s, e)| self.text[s..e].to_string())
                    .collect(),
            });
        }
    }

    fn array(&mut self, depth: u32) {
        self.pos += 1;
        self.push(PieceKind::Punctuation, "[", depth);
        self.skip_space();
        if self.peek() == b']' {
            self.pos += 1;
            self.push(PieceKind::Punctuation, "]", depth);
            return;
        }
        let inner = depth + 1;
        let mut index = 0usize;
        loop {
            self.newline(inner);
            self.path.push(Step::Index(index));
            self.value(inner);
            self.path.pop();
            index += 1;
            self.skip_space();
            if self.peek() == b',' {
                self.pos += 1;
                self.push(PieceKind::Punctuation, ",", inner);
            } else {
                self.pos += 1; // ']'
                break;
            }
        }
        self.newline(depth);
        self.push(PieceKind::Punctuation, "]", depth);
    }
}

/// The text of a validated string literal, escapes decoded.
fn unescape(literal: &str) -> String {
    unescape_cow(literal).into_owned()
}

/// [`unescape`], borrowing the text when the literal has no escapes.
fn unescape_cow(literal: &str) -> Cow<'_, str> {
    if literal.contains('\\') {
        Cow::Owned(serde_json::from_str(literal).unwrap_or_default())
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
