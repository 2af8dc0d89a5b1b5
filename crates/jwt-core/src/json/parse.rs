//! One pass over JSON text that checks it, builds its [`Value`], and finds what `serde_json`
//! would not say: repeated member names and where each top-level member is written.
//!
//! It accepts exactly what `serde_json` accepts (RFC 8259; unpaired surrogate escapes and
//! nesting past [`MAX_DEPTH`] refused), which the tests check against `serde_json` on many texts.
//! It does not explain a refusal: the caller asks `serde_json` for the reason and the place, so
//! messages stay as they were.

use std::collections::HashMap;

use super::value::{Map, Number, Value};
use super::{escape_pointer, unescape, Duplicate, MemberSpan, Span, MAX_DEPTH};

/// What a successful pass found.
pub(super) struct Parsed {
    pub value: Value,
    pub duplicates: Vec<Duplicate>,
    pub members: Vec<MemberSpan>,
}

/// Parses `text` as one JSON document; `None` when it is not one.
pub(super) fn parse(text: &str) -> Option<Parsed> {
    let mut parser = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        depth: 0,
        path: Vec::new(),
        duplicates: Vec::new(),
        members: Vec::new(),
    };
    let value = parser.value()?;
    parser.skip_space();
    (parser.pos == parser.bytes.len()).then_some(Parsed {
        value,
        duplicates: parser.duplicates,
        members: parser.members,
    })
}

/// The text of one string literal (quotes included); `None` when `literal` is not exactly one.
pub(super) fn string_literal(literal: &str) -> Option<String> {
    let mut parser = Parser {
        text: literal,
        bytes: literal.as_bytes(),
        pos: 0,
        depth: 0,
        path: Vec::new(),
        duplicates: Vec::new(),
        members: Vec::new(),
    };
    if parser.peek() != Some(b'"') {
        return None;
    }
    let text = parser.string()?;
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
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// Consumes `byte` after optional space; false when something else comes.
    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.peek() == Some(byte);
        self.pos += usize::from(found);
        found
    }

    fn value(&mut self) -> Option<Value> {
        self.skip_space();
        match self.peek()? {
            b'{' => self.nested(Self::object),
            b'[' => self.nested(Self::array),
            b'"' => self.string().map(Value::String),
            b't' => self.word("true", Value::Bool(true)),
            b'f' => self.word("false", Value::Bool(false)),
            b'n' => self.word("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    /// Reads an array or object one level deeper, refusing the level `serde_json` refuses.
    fn nested(&mut self, read: fn(&mut Self) -> Option<Value>) -> Option<Value> {
        self.depth += 1;
        if self.depth >= MAX_DEPTH {
            return None;
        }
        let value = read(self);
        self.depth -= 1;
        value
    }

    fn word(&mut self, word: &str, value: Value) -> Option<Value> {
        let end = self.pos + word.len();
        (self.bytes.get(self.pos..end)? == word.as_bytes()).then(|| {
            self.pos = end;
            value
        })
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, kept as written.
    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        self.pos += usize::from(self.peek() == Some(b'-'));
        match self.peek()? {
            b'0' => self.pos += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            self.some_digits()?;
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            self.some_digits()?;
        }
        Some(Value::Number(Number(
            self.text[start..self.pos].to_string(),
        )))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.peek() {
            self.pos += 1;
        }
    }

    /// At least one digit.
    fn some_digits(&mut self) -> Option<()> {
        let start = self.pos;
        self.digits();
        (self.pos > start).then_some(())
    }

    /// A string literal at `pos` (its opening quote), escapes decoded.
    fn string(&mut self) -> Option<String> {
        self.pos += 1;
        let start = self.pos;
        // Most strings have no escape: one scan, one copy.
        let plain = self.bytes[start..]
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
        let stop = start + plain;
        if self.bytes[stop] == b'"' {
            self.pos = stop + 1;
            return Some(self.text[start..stop].to_string());
        }
        let mut out = String::with_capacity(plain + 16);
        out.push_str(&self.text[start..stop]);
        self.pos = stop;
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)?;
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.bytes[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                _ => return None, // a control character
            }
        }
    }

    /// The character an escape after its backslash stands for.
    fn escape(&mut self) -> Option<char> {
        let b = self.peek()?;
        self.pos += 1;
        Some(match b {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.unicode_escape(),
            _ => return None,
        })
    }

    /// `\uXXXX`, or a surrogate pair of two; an unpaired surrogate is refused.
    fn unicode_escape(&mut self) -> Option<char> {
        let first = self.hex4()?;
        match first {
            0xDC00..=0xDFFF => None,
            0xD800..=0xDBFF => {
                if self.bytes.get(self.pos..self.pos + 2)? != b"\\u" {
                    return None;
                }
                self.pos += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return None;
                }
                char::from_u32(0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            }
            n => char::from_u32(n),
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let mut n = 0;
        for &d in digits {
            n = n * 16 + char::from(d).to_digit(16)?;
        }
        self.pos += 4;
        Some(n)
    }

    fn array(&mut self) -> Option<Value> {
        self.pos += 1;
        let mut items = Vec::new();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            self.path.push(Step::Index(items.len()));
            let item = self.value();
            self.path.pop();
            items.push(item?);
            if self.eat(b',') {
                continue;
            }
            return self.eat(b']').then_some(Value::Array(items));
        }
    }

    fn object(&mut self) -> Option<Value> {
        let top = self.depth == 1;
        self.pos += 1;
        let mut seen = Seen::default();
        if self.eat(b'}') {
            return Some(Value::Object(Map::default()));
        }
        loop {
            self.skip_space();
            if self.peek() != Some(b'"') {
                return None;
            }
            let name_start = self.pos;
            let name = self.string()?;
            let literal = &self.text[name_start..self.pos];
            if !self.eat(b':') {
                return None;
            }
            self.skip_space();
            let value_start = self.pos;
            self.path.push(Step::Key(literal));
            let value = self.value();
            self.path.pop();
            let span = (value_start, self.pos);
            if top {
                self.members.push(MemberSpan {
                    name: (name_start, name_start + literal.len()),
                    value: span,
                });
            }
            seen.add(name, value?, span);
            if self.eat(b',') {
                continue;
            }
            if !self.eat(b'}') {
                return None;
            }
            let (map, repeated) = seen.finish();
            self.report(repeated);
            return Some(Value::Object(map));
        }
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
    use super::super::parse as parse_document;

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
            (Err(_), Err(_)) => {}
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
