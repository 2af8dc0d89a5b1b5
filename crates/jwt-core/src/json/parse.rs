//! One pass over JSON text that checks it, builds its [`Value`], and finds what `serde_json`
//! would not say: repeated member names and where each top-level member is written.
//!
//! It accepts what `serde_json` accepts (RFC 8259; unpaired surrogate escapes and nesting past
//! [`MAX_DEPTH`] refused), and refuses the rest with `serde_json`'s reason at `serde_json`'s
//! place, so the messages are the ones users saw before; the tests check both against
//! `serde_json` on many texts. One difference is deliberate: `serde_json` reserves the member
//! name `$serde_json::private::Number` for its exact numbers, and this reader takes it as the
//! ordinary name it is.

use std::collections::HashMap;

use super::value::{Map, Number, Value};
use super::{escape_pointer, unescape, Duplicate, MemberSpan, Span, MAX_DEPTH};

/// What a successful pass found.
pub(super) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<Duplicate>,
    pub members: Vec<MemberSpan>,
}

/// Why a text is not JSON: `serde_json`'s reason, and the byte index its position is counted
/// from (see [`Refusal::offset`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Refusal {
    index: usize,
    pub reason: &'static str,
}

impl Refusal {
    /// The byte offset `serde_json`'s line and column come to: the byte before `index`, or
    /// `index` itself at the start of a line.
    pub fn offset(&self, text: &str) -> usize {
        let line_start = self.line_start(text);
        line_start + (self.index - line_start).saturating_sub(1)
    }

    /// `serde_json`'s line (from 1) and column (bytes before the place on its line).
    pub fn line_column(&self, text: &str) -> (usize, usize) {
        let line_start = self.line_start(text);
        let line = 1 + text.as_bytes()[..line_start]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        (line, self.index - line_start)
    }

    /// Where the line of the place begins.
    fn line_start(&self, text: &str) -> usize {
        text.as_bytes()[..self.index]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |p| p + 1)
    }

    /// True when the text nests too deeply.
    pub fn too_deep(&self) -> bool {
        self.reason == RECURSION
    }
}

const EOF_LIST: &str = "EOF while parsing a list";
const EOF_OBJECT: &str = "EOF while parsing an object";
const EOF_STRING: &str = "EOF while parsing a string";
const EOF_VALUE: &str = "EOF while parsing a value";
const COLON: &str = "expected `:`";
const LIST_COMMA: &str = "expected `,` or `]`";
const OBJECT_COMMA: &str = "expected `,` or `}`";
const IDENT: &str = "expected ident";
const VALUE: &str = "expected value";
const ESCAPE: &str = "invalid escape";
const NUMBER: &str = "invalid number";
const CONTROL: &str = "control character (\\u0000-\\u001F) found while parsing a string";
const KEY: &str = "key must be a string";
const SURROGATE: &str = "lone leading surrogate in hex escape";
const HEX_END: &str = "unexpected end of hex escape";
const TRAILING_COMMA: &str = "trailing comma";
const TRAILING: &str = "trailing characters";
const RECURSION: &str = "recursion limit exceeded";

type Read<T> = Result<T, Refusal>;

/// Parses `text` as one JSON document.
pub(super) fn parse(text: &str) -> Result<Parsed, Refusal> {
    let mut parser = Parser::new(text);
    let value = parser.value()?;
    parser.skip_space();
    if parser.pos < parser.bytes.len() {
        return parser.peek_refusal(TRAILING);
    }
    Ok(Parsed {
        value,
        duplicates: parser.duplicates,
        members: parser.members,
    })
}

/// The text of one string literal (quotes included); `None` when `literal` is not exactly one.
pub(super) fn string_literal(literal: &str) -> Option<String> {
    let mut parser = Parser::new(literal);
    if parser.peek() != Some(b'"') {
        return None;
    }
    parser.pos = 1;
    let text = parser.string().ok()?;
    (parser.pos == literal.len()).then_some(text)
}

/// A step of the path from the document to the value being read.
enum Step<'a> {
    /// A member name literal, as written.
    Key(&'a str),
    /// An array index.
    Index(usize),
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Arrays and objects open around the current position.
    depth: usize,
    path: Vec<Step<'a>>,
    duplicates: Vec<Duplicate>,
    members: Vec<MemberSpan>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            pos: 0,
            depth: 0,
            path: Vec::new(),
            duplicates: Vec::new(),
            members: Vec::new(),
        }
    }

    /// A refusal about the byte just read (`serde_json`'s `error`).
    fn refusal<T>(&self, reason: &'static str) -> Read<T> {
        Err(Refusal {
            index: self.pos,
            reason,
        })
    }

    /// A refusal about the byte about to be read (`serde_json`'s `peek_error`).
    fn peek_refusal<T>(&self, reason: &'static str) -> Read<T> {
        Err(Refusal {
            index: (self.pos + 1).min(self.bytes.len()),
            reason,
        })
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// The next byte, consumed.
    fn next(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.pos += 1;
        Some(b)
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The next byte after optional space, not consumed.
    fn peek_past_space(&mut self) -> Option<u8> {
        self.skip_space();
        self.peek()
    }

    fn value(&mut self) -> Read<Value> {
        let Some(b) = self.peek_past_space() else {
            return self.peek_refusal(EOF_VALUE);
        };
        match b {
            b'n' => self.word(b"ull", Value::Null),
            b't' => self.word(b"rue", Value::Bool(true)),
            b'f' => self.word(b"alse", Value::Bool(false)),
            b'-' | b'0'..=b'9' => self.number(),
            b'"' => {
                self.pos += 1;
                self.string().map(Value::String)
            }
            b'[' => self.nested(Self::array),
            b'{' => self.nested(Self::object),
            _ => self.peek_refusal(VALUE),
        }
    }

    /// Reads an array or object one level deeper, refusing the level `serde_json` refuses.
    fn nested(&mut self, read: fn(&mut Self) -> Read<Value>) -> Read<Value> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return self.peek_refusal(RECURSION);
        }
        self.pos += 1;
        let value = read(self);
        self.depth -= 1;
        value
    }

    /// The rest of `null`, `true` or `false` after its first letter.
    fn word(&mut self, rest: &[u8], value: Value) -> Read<Value> {
        self.pos += 1;
        for &expected in rest {
            match self.next() {
                None => return self.refusal(EOF_VALUE),
                Some(b) if b != expected => return self.refusal(IDENT),
                Some(_) => {}
            }
        }
        Ok(value)
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Read<Value> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.next() {
            None => return self.refusal(EOF_VALUE),
            Some(b'0') => {
                if let Some(b'0'..=b'9') = self.peek() {
                    return self.peek_refusal(NUMBER);
                }
            }
            Some(b'1'..=b'9') => _ = self.digits(),
            Some(_) => return self.refusal(NUMBER),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !self.digits() {
                let reason = if self.peek().is_some() {
                    NUMBER
                } else {
                    EOF_VALUE
                };
                return self.peek_refusal(reason);
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            match self.next() {
                None => return self.refusal(EOF_VALUE),
                Some(b'0'..=b'9') => _ = self.digits(),
                Some(_) => return self.refusal(NUMBER),
            }
        }
        Ok(Value::Number(Number(
            self.text[start..self.pos].to_string(),
        )))
    }

    /// Consumes digits; true when there was at least one.
    fn digits(&mut self) -> bool {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
        self.pos > start
    }

    /// The bytes up to the next quote, backslash or control character.
    fn plain_run(&mut self) -> &'a str {
        let start = self.pos;
        let run = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(self.bytes.len() - start);
        self.pos += run;
        // The run ends at an ASCII byte or at the end, so it is whole characters.
        &self.text[start..self.pos]
    }

    /// A string after its opening quote, escapes decoded.
    fn string(&mut self) -> Read<String> {
        // Most strings have no escape: one scan, one copy.
        let first = self.plain_run();
        if self.peek() == Some(b'"') {
            self.pos += 1;
            return Ok(first.to_string());
        }
        let mut out = String::from(first);
        loop {
            match self.next() {
                None => return self.refusal(EOF_STRING),
                Some(b'"') => return Ok(out),
                Some(b'\\') => out.push(self.escape()?),
                Some(_) => return self.refusal(CONTROL),
            }
            out.push_str(self.plain_run());
        }
    }

    /// The character an escape stands for, after its backslash.
    fn escape(&mut self) -> Read<char> {
        let Some(b) = self.next() else {
            return self.refusal(EOF_STRING);
        };
        Ok(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return self.refusal(ESCAPE),
        })
    }

    /// `\uXXXX`, or a surrogate pair of two; an unpaired surrogate is refused.
    fn unicode_escape(&mut self) -> Read<char> {
        let first = self.hex4()?;
        if (0xDC00..=0xDFFF).contains(&first) {
            return self.refusal(SURROGATE);
        }
        if !(0xD800..=0xDBFF).contains(&first) {
            // Outside the surrogates every code unit is a character.
            return Ok(char::from_u32(first).unwrap_or(char::REPLACEMENT_CHARACTER));
        }
        for expected in [b'\\', b'u'] {
            match self.next() {
                None => return self.refusal(EOF_STRING),
                Some(b) if b != expected => return self.refusal(HEX_END),
                Some(_) => {}
            }
        }
        let second = self.hex4()?;
        if !(0xDC00..=0xDFFF).contains(&second) {
            return self.refusal(SURROGATE);
        }
        let code = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
        Ok(char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER))
    }

    fn hex4(&mut self) -> Read<u32> {
        let Some(digits) = self.bytes.get(self.pos..self.pos + 4) else {
            self.pos = self.bytes.len();
            return self.refusal(EOF_STRING);
        };
        self.pos += 4;
        let mut n = 0;
        for &d in digits {
            match char::from(d).to_digit(16) {
                Some(v) => n = n * 16 + v,
                None => return self.refusal(ESCAPE),
            }
        }
        Ok(n)
    }

    /// Whether another element follows (consuming its comma), as `serde_json` decides.
    fn next_element(&mut self, first: bool) -> Read<bool> {
        match self.peek_past_space() {
            None => self.peek_refusal(EOF_LIST),
            Some(b']') => Ok(false),
            Some(_) if first => Ok(true),
            Some(b',') => {
                self.pos += 1;
                match self.peek_past_space() {
                    Some(b']') => self.peek_refusal(TRAILING_COMMA),
                    Some(_) => Ok(true),
                    None => self.peek_refusal(EOF_VALUE),
                }
            }
            Some(_) => self.peek_refusal(LIST_COMMA),
        }
    }

    /// Whether another member follows (consuming its comma), as `serde_json` decides.
    fn next_member(&mut self, first: bool) -> Read<bool> {
        match self.peek_past_space() {
            None => self.peek_refusal(EOF_OBJECT),
            Some(b'}') => Ok(false),
            Some(b'"') if first => Ok(true),
            Some(_) if first => self.peek_refusal(KEY),
            Some(b',') => {
                self.pos += 1;
                match self.peek_past_space() {
                    Some(b'"') => Ok(true),
                    Some(b'}') => self.peek_refusal(TRAILING_COMMA),
                    Some(_) => self.peek_refusal(KEY),
                    None => self.peek_refusal(EOF_VALUE),
                }
            }
            Some(_) => self.peek_refusal(OBJECT_COMMA),
        }
    }

    /// An array after its `[`.
    fn array(&mut self) -> Read<Value> {
        let mut items = Vec::new();
        while self.next_element(items.is_empty())? {
            self.path.push(Step::Index(items.len()));
            let item = self.value();
            self.path.pop();
            items.push(item?);
        }
        self.pos += 1; // ']'
        Ok(Value::Array(items))
    }

    /// An object after its `{`.
    fn object(&mut self) -> Read<Value> {
        let top = self.depth == 1;
        let mut seen = Seen::default();
        let mut first = true;
        while self.next_member(first)? {
            first = false;
            let name_start = self.pos;
            self.pos += 1;
            let name = self.string()?;
            let literal = &self.text[name_start..self.pos];
            match self.peek_past_space() {
                Some(b':') => self.pos += 1,
                Some(_) => return self.peek_refusal(COLON),
                None => return self.peek_refusal(EOF_OBJECT),
            }
            self.skip_space();
            let value_start = self.pos;
            self.path.push(Step::Key(literal));
            let value = self.value();
            self.path.pop();
            let value = value?;
            let span = (value_start, self.pos);
            if top {
                self.members.push(MemberSpan {
                    name: (name_start, name_start + literal.len()),
                    value: span,
                });
            }
            seen.add(name, value, span);
        }
        self.pos += 1; // '}'
        let (map, repeated) = seen.finish();
        self.report(repeated);
        Ok(Value::Object(map))
    }

    /// Records the repeated names of the object just read, at the current path.
    fn report(&mut self, repeated: Vec<(String, Vec<Span>)>) {
        for (name, spans) in repeated {
            let path = self
                .path
                .iter()
                .map(|step| match step {
                    Step::Key(literal) => format!("/{}", escape_pointer(&unescape(literal))),
                    Step::Index(i) => format!("/{i}"),
                })
                .collect();
            let values = spans
                .iter()
                .map(|&(s, e)| self.text[s..e].to_string())
                .collect();
            self.duplicates.push(Duplicate { path, name, values });
        }
    }
}

/// One object's members as they are read: each name once, at its first place with its last
/// value. A linear search for small objects, a hash map for large ones; the spans of every
/// value of a repeated name are kept for its report.
#[derive(Default)]
struct Seen {
    map: Map,
    /// Span of each member's first value, by member index.
    first: Vec<Span>,
    /// (member index, span of a later value), in order.
    repeats: Vec<(usize, Span)>,
    index: Option<HashMap<String, usize>>,
}

impl Seen {
    const SCAN_LIMIT: usize = 32;

    fn add(&mut self, name: String, value: Value, span: Span) {
        let members = &mut self.map.members;
        let found = match &self.index {
            Some(index) => index.get(&name).copied(),
            None => members.iter().position(|(n, _)| *n == name),
        };
        if let Some(i) = found {
            members[i].1 = value;
            self.repeats.push((i, span));
            return;
        }
        if let Some(index) = &mut self.index {
            index.insert(name.clone(), members.len());
        } else if members.len() == Self::SCAN_LIMIT {
            let mut index: HashMap<String, usize> = members
                .iter()
                .enumerate()
                .map(|(i, (n, _))| (n.clone(), i))
                .collect();
            index.insert(name.clone(), members.len());
            self.index = Some(index);
        }
        members.push((name, value));
        self.first.push(span);
    }

    /// The object, and each repeated name with the spans of all its values, in order of first
    /// appearance (one pass over the repeats).
    fn finish(self) -> (Map, Vec<(String, Vec<Span>)>) {
        if self.repeats.is_empty() {
            return (self.map, Vec::new());
        }
        let mut spans: Vec<Vec<Span>> = self.first.iter().map(|&s| vec![s]).collect();
        for (i, span) in self.repeats {
            spans[i].push(span);
        }
        let repeated = self
            .map
            .members
            .iter()
            .zip(spans)
            .filter(|(_, spans)| spans.len() > 1)
            .map(|((name, _), spans)| (name.clone(), spans))
            .collect();
        (self.map, repeated)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse as parse_document, JsonError};

    /// `serde_json`'s refusal of `text`, as the core reported it before it had its own reader:
    /// the reason without "at line …", at the byte its line and column come to.
    fn serde_refusal(text: &str, error: &serde_json::Error) -> JsonError {
        let line_start: usize = text
            .split_inclusive('\n')
            .take(error.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let position = (line_start + error.column().saturating_sub(1)).min(text.len());
        let full = error.to_string();
        if full.starts_with("recursion limit exceeded") {
            return JsonError::TooDeep { position };
        }
        let cut = full.rfind(" at line ").unwrap_or(full.len());
        JsonError::Syntax {
            position,
            reason: full[..cut].to_string(),
        }
    }

    /// The core and `serde_json` agree on `text`: both refuse it, or both accept it with the same
    /// value in the same order (the last value of a repeated name at its first place). The
    /// core's compact text is read by `serde_json` to compare: it writes an exponent's `E` as `e`,
    /// where the core keeps the number as written.
    fn agree(text: &[u8]) {
        let ours = parse_document(text);
        let reference = serde_json::from_slice::<serde_json::Value>(text);
        match (&ours, &reference) {
            (Ok(doc), Ok(value)) => assert_eq!(
                serde_json::from_str::<serde_json::Value>(&doc.value.to_string())
                    .unwrap()
                    .to_string(),
                value.to_string(),
                "{:?}",
                String::from_utf8_lossy(text)
            ),
            (Err(ours), Err(theirs)) => {
                if let Ok(text) = std::str::from_utf8(text) {
                    assert_eq!(*ours, serde_refusal(text, theirs), "{text:?}");
                }
            }
            _ => panic!(
                "disagree on {:?}: core {:?}, serde_json {:?}",
                String::from_utf8_lossy(text),
                ours.map(|d| d.value),
                reference
            ),
        }
    }

    const CASES: &[&str] = &[
        "",
        " ",
        "null",
        "true",
        "false",
        "nul",
        "tru",
        "falsey",
        "0",
        "-0",
        "01",
        "-",
        "-a",
        "1.",
        ".5",
        "1.5",
        "1e",
        "1e+",
        "1e-3",
        "1E+30",
        "2.50e007",
        "-1.0E-0",
        "123456789012345678901234567890",
        "1e400",
        "0.0000000000000000000000001",
        "+1",
        "0x10",
        "1 2",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[]",
        "[ ]",
        "{}",
        "{ }",
        "{\"a\":1,}",
        "{,}",
        "{\"a\"}",
        "{\"a\":}",
        "{a:1}",
        "{\"a\" : 1 , \"b\":[true,null]}",
        "{1:2}",
        "\"\"",
        "\"abc",
        "\"a\\\"b\"",
        "\"\\/\\b\\f\\n\\r\\t\\\\\"",
        "\"\\x\"",
        "\"\\u00e9\"",
        "\"\\u00E9\"",
        "\"\\u12\"",
        "\"\\uZZZZ\"",
        "\"\\ud83e\\udd80\"",
        "\"\\ud800\"",
        "\"\\udfff\"",
        "\"\\ud800\\u0041\"",
        "\"\\ud800x\"",
        "\"\\ud800\\\"",
        "\"\\u0000\"",
        "\"tab\there\"",
        "\"nl\nhere\"",
        "\"é 漢字 🦀\"",
        "\u{feff}{}",
        " \t\r\n{} \t\r\n",
        "{}x",
        "[1]]",
        "{\"a\":1,\"a\":2}",
        "{\"a\":1,\"b\":2,\"a\":3}",
        "{\"a\":{\"b\":1,\"b\":[1,{\"c\":0,\"c\":1}]},\"a\":null}",
        "{\"\\u0061\":1,\"a\":2}",
        "[\"\\u2028\\u2029\"]",
        "{\"k\":\"\\u007f\"}",
        "\"\u{7f}\"",
    ];

    #[test]
    fn agrees_with_serde_json_on_edge_cases() {
        for case in CASES {
            agree(case.as_bytes());
        }
    }

    #[test]
    fn agrees_on_the_nesting_limit() {
        for depth in [1, 64, 126, 127, 128, 129, 200] {
            agree(format!("{}{}", "[".repeat(depth), "]".repeat(depth)).as_bytes());
            agree(format!("{}1{}", "{\"a\":".repeat(depth), "}".repeat(depth)).as_bytes());
            agree(
                format!(
                    "{}[{{}}]{}",
                    "[{\"k\":".repeat(depth / 2),
                    "}]".repeat(depth / 2)
                )
                .as_bytes(),
            );
        }
    }

    #[test]
    fn agrees_on_large_objects_with_repeats() {
        let mut members: Vec<String> = (0..100).map(|i| format!("\"k{}\":{i}", i % 70)).collect();
        members.push("\"k3\":\"last\"".to_string());
        agree(format!("{{{}}}", members.join(",")).as_bytes());
    }

    /// Every one-byte change of a JSON text that exercises the grammar: replaced by each of a set
    /// of bytes that matter to it, deleted, or doubled.
    #[test]
    fn agrees_on_every_one_byte_change() {
        let seed = br#"{"a":[1,-0.5e+3,"x\"\\\u00e9\ud83e\udd80",true,false,null,{}],"b":{"c":[]},"a":2E-1}"#;
        let bytes: &[u8] = b"{}[]\":,\\u0123456789abcdefABCDEF-+.eE tnrfals\n\x00\x1f\x7f\xc3\xa9";
        for i in 0..seed.len() {
            for &b in bytes {
                let mut text = seed.to_vec();
                text[i] = b;
                agree(&text);
            }
            let mut deleted = seed.to_vec();
            deleted.remove(i);
            agree(&deleted);
            let mut doubled = seed.to_vec();
            doubled.insert(i, seed[i]);
            agree(&doubled);
        }
    }

    /// `serde_json` reserves one member name for its exact numbers and reads such an object as a
    /// number (or refuses it); the core reads the object that the text is.
    #[test]
    fn serde_json_s_private_number_name_is_an_ordinary_member() {
        let doc = parse_document(br#"{"$serde_json::private::Number":"12"}"#).unwrap();
        assert_eq!(doc.value["$serde_json::private::Number"], "12");
        assert!(parse_document(br#"{"$serde_json::private::Number":null}"#).is_ok());
    }

    #[test]
    fn duplicates_report_each_value_as_written() {
        let doc = parse_document(br#"{"a":1,"b":{"x":[1, 2],"x":{}},"a": "two" }"#).unwrap();
        let found: Vec<_> = doc
            .duplicates
            .iter()
            .map(|d| (d.path.as_str(), d.name.as_str(), d.values.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("/b", "x", vec!["[1, 2]".to_string(), "{}".to_string()]),
                ("", "a", vec!["1".to_string(), "\"two\"".to_string()]),
            ]
        );
        assert_eq!(doc.value["a"], "two");
        assert_eq!(doc.raw_member("a"), Some("\"two\""));
    }

    #[test]
    fn string_literals_decode_alone() {
        assert_eq!(
            super::string_literal(r#""a\nb\u00e9""#).as_deref(),
            Some("a\nbé")
        );
        assert_eq!(super::string_literal(r#""a" "#), None);
        assert_eq!(super::string_literal(r#""\ud800""#), None);
        assert_eq!(super::string_literal("x"), None);
    }
}
