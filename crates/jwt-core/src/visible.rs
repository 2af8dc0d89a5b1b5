//! Characters that change how text reads without being seen: bidirectional overrides, zero-width
//! characters, invisible tags and control characters. A reviewer must see them.

use crate::json::Value;
use serde::Serialize;

/// The name of a character that is invisible, reorders text or is a control character.
pub fn hidden_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{2060}' => "WORD JOINER",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        '\u{00AD}' => "SOFT HYPHEN",
        '\u{180E}' => "MONGOLIAN VOWEL SEPARATOR",
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{E0000}'..='\u{E007F}' => "TAG CHARACTER",
        // Line breaks and tabs lay text out visibly; every other control character is hidden.
        '\n' | '\r' | '\t' => return None,
        c if c.is_control() => "CONTROL CHARACTER",
        _ => return None,
    })
}

/// A run of text: ordinary characters, or the same hidden character repeated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run<'a> {
    /// Ordinary text.
    Plain(&'a str),
    /// One hidden character, `count` times in a row.
    Hidden {
        /// The characters themselves.
        text: &'a str,
        /// The character.
        char: char,
        /// How many times it repeats.
        count: usize,
        /// Its Unicode name.
        name: &'static str,
    },
}

impl Run<'_> {
    /// The code point label of a hidden run, as `U+202E`.
    pub fn code_point(&self) -> Option<String> {
        match self {
            Run::Hidden { char, .. } => Some(format!("U+{:04X}", *char as u32)),
            Run::Plain(_) => None,
        }
    }
}

/// Splits text into ordinary runs and runs of one repeated hidden character, lazily, in one pass.
pub fn runs(text: &str) -> Runs<'_> {
    Runs { text, pos: 0 }
}

/// The runs of a text, in order; see [`runs`].
#[derive(Debug, Clone)]
pub struct Runs<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Runs<'a> {
    /// The text not yet returned as runs.
    pub fn rest(&self) -> &'a str {
        &self.text[self.pos..]
    }
}

impl<'a> Iterator for Runs<'a> {
    type Item = Run<'a>;

    fn next(&mut self) -> Option<Run<'a>> {
        let rest = self.rest();
        let mut chars = rest.char_indices();
        let (_, first) = chars.next()?;
        let Some(name) = hidden_char_name(first) else {
            let end = rest
                .char_indices()
                .find(|&(_, c)| hidden_char_name(c).is_some())
                .map_or(rest.len(), |(i, _)| i);
            self.pos += end;
            return Some(Run::Plain(&rest[..end]));
        };
        let end = chars
            .find(|&(_, c)| c != first)
            .map_or(rest.len(), |(i, _)| i);
        self.pos += end;
        Some(Run::Hidden {
            text: &rest[..end],
            char: first,
            count: end / first.len_utf8(),
            name,
        })
    }
}

/// True when `text` holds any hidden character.
pub fn has_hidden(text: &str) -> bool {
    // Printable ASCII is never hidden: most text is decided by this scan, without decoding a
    // single character.
    !printable_ascii(text.as_bytes()) && text.chars().any(|c| hidden_char_name(c).is_some())
}

/// True when every byte is printable ASCII (space to `~`); eight bytes at a time.
fn printable_ascii(bytes: &[u8]) -> bool {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    let mut words = bytes.chunks_exact(8);
    // A byte below 0x20 sets its high bit in the difference, 0x7F in the sum, 0x80 up in the
    // word itself; a borrow or carry between bytes only follows a byte already found.
    let all_words = words.by_ref().all(|word| {
        let w = u64::from_le_bytes(word.try_into().unwrap_or_default());
        (w.wrapping_sub(ONES * 0x20) | w.wrapping_add(ONES) | w) & (ONES * 0x80) == 0
    });
    all_words && words.remainder().iter().all(|b| matches!(b, b' '..=b'~'))
}

/// How many hidden characters `text` holds.
pub fn count_hidden(text: &str) -> usize {
    text.chars()
        .filter(|&c| hidden_char_name(c).is_some())
        .count()
}

/// Where hidden characters sit in a JSON value's names and strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HiddenIn {
    /// JSON Pointer of the member name or string value.
    pub path: String,
    /// The hidden characters found, as `U+202E RIGHT-TO-LEFT OVERRIDE`, without repeats.
    pub characters: Vec<String>,
    /// How many hidden characters there are in all, repeats included.
    pub count: usize,
}

/// Lists every member name and string in `value` that holds hidden characters.
pub fn find_in_json(value: &Value) -> Vec<HiddenIn> {
    let mut out = Vec::new();
    walk(value, None, &mut out);
    out
}

/// One step from a document's root: a member name or an array index.
enum Step<'a> {
    Name(&'a str),
    Index(usize),
}

/// Where a value sits: the last step to it, after its parent's path (the root has none). Held on
/// the stack of [`walk`], so following a path costs nothing until a pointer is needed.
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    step: Step<'a>,
}

/// The JSON Pointer (RFC 6901) of `path`, built only for a value that holds hidden characters.
fn pointer(path: Option<&Path<'_>>) -> String {
    let Some(path) = path else {
        return String::new();
    };
    let mut out = pointer(path.parent);
    out.push('/');
    match path.step {
        Step::Name(name) => out.push_str(&crate::json::escape_pointer(name)),
        Step::Index(i) => out.push_str(&i.to_string()),
    }
    out
}

/// The distinct hidden characters in `text` (labelled) and their total count.
fn describe(text: &str) -> (Vec<String>, usize) {
    let mut found: Vec<char> = Vec::new();
    let mut count = 0;
    for c in text.chars() {
        if hidden_char_name(c).is_some() {
            count += 1;
            if !found.contains(&c) {
                found.push(c);
            }
        }
    }
    let labels = found
        .into_iter()
        .map(|c| {
            format!(
                "U+{:04X} {}",
                c as u32,
                hidden_char_name(c).unwrap_or_default()
            )
        })
        .collect();
    (labels, count)
}

fn hidden_in(path: String, text: &str) -> HiddenIn {
    let (characters, count) = describe(text);
    HiddenIn {
        path,
        characters,
        count,
    }
}

fn walk(value: &Value, path: Option<&Path<'_>>, out: &mut Vec<HiddenIn>) {
    // Values come from the JSON parser, whose recursion limit bounds this depth.
    match value {
        Value::String(s) if has_hidden(s) => out.push(hidden_in(pointer(path), s)),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                let step = Step::Index(i);
                walk(item, Some(&Path { parent: path, step }), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let here = Path {
                    parent: path,
                    step: Step::Name(k),
                };
                if has_hidden(k) {
                    out.push(hidden_in(format!("{} (name)", pointer(Some(&here))), k));
                }
                walk(v, Some(&here), out);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_text_has_no_hidden_characters() {
        assert!(!has_hidden("admin Zoë 東京 \u{1F600}"));
        assert_eq!(runs("abc").collect::<Vec<_>>(), vec![Run::Plain("abc")]);
        let mut r = runs("ab\u{200B}cd");
        r.next();
        assert_eq!(r.rest(), "\u{200B}cd");
    }

    #[test]
    fn bidi_and_zero_width_are_split_out() {
        let r: Vec<_> = runs("ad\u{202E}nim\u{200B}").collect();
        assert_eq!(
            r,
            vec![
                Run::Plain("ad"),
                Run::Hidden {
                    text: "\u{202E}",
                    char: '\u{202E}',
                    count: 1,
                    name: "RIGHT-TO-LEFT OVERRIDE"
                },
                Run::Plain("nim"),
                Run::Hidden {
                    text: "\u{200B}",
                    char: '\u{200B}',
                    count: 1,
                    name: "ZERO WIDTH SPACE"
                },
            ]
        );
        assert_eq!(r[1].code_point().as_deref(), Some("U+202E"));
    }

    #[test]
    fn repeated_hidden_characters_form_one_run() {
        let text = format!("a{}b\u{200B}\u{200C}", "\u{200B}".repeat(100_000));
        let r: Vec<_> = runs(&text).collect();
        assert_eq!(r.len(), 5);
        assert!(matches!(r[1], Run::Hidden { count: 100_000, .. }));
        assert!(matches!(
            r[3],
            Run::Hidden {
                count: 1,
                char: '\u{200B}',
                ..
            }
        ));
        assert!(matches!(
            r[4],
            Run::Hidden {
                count: 1,
                char: '\u{200C}',
                ..
            }
        ));
        assert_eq!(count_hidden(&text), 100_002);
        let joined: String = r
            .iter()
            .map(|run| match run {
                Run::Plain(t) | Run::Hidden { text: t, .. } => *t,
            })
            .collect();
        assert_eq!(joined, text, "runs cover the text exactly");
    }

    #[test]
    fn line_breaks_and_tabs_are_not_hidden() {
        assert!(!has_hidden("line one\nline two\r\n\tindented"));
    }

    #[test]
    fn controls_and_tags_are_hidden() {
        for c in ['\u{0}', '\u{7F}', '\u{85}', '\u{E0041}', '\u{FEFF}'] {
            assert!(hidden_char_name(c).is_some(), "{:04X}", c as u32);
        }
    }

    #[test]
    fn json_names_and_values_are_searched() {
        let v: Value = r#"{"role":"user\u202e","a\u200bdmin":true,"x":["ok","\u2066"]}"#
            .parse()
            .unwrap();
        let found = find_in_json(&v);
        let paths: Vec<_> = found.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(paths, ["/role", "/a\u{200b}dmin (name)", "/x/1"]);
        assert_eq!(found[0].characters, ["U+202E RIGHT-TO-LEFT OVERRIDE"]);
        assert_eq!(found[0].count, 1);
    }

    #[test]
    fn pointers_escape_names_at_any_depth() {
        let v: Value = r#"{"a/b":{"c~d":[1,{"e":"\u0007"}]},"f":"plain"}"#.parse().unwrap();
        let paths: Vec<_> = find_in_json(&v).into_iter().map(|h| h.path).collect();
        assert_eq!(paths, ["/a~1b/c~0d/1/e"]);
    }

    #[test]
    fn printable_ascii_checks_every_byte_at_every_position() {
        for len in [1, 7, 8, 9, 16, 17] {
            for at in 0..len {
                for b in 0..=255u8 {
                    let mut text = vec![b'a'; len];
                    text[at] = b;
                    assert_eq!(
                        printable_ascii(&text),
                        matches!(b, b' '..=b'~'),
                        "{b:#x} at {at} of {len}"
                    );
                }
            }
        }
    }

    #[test]
    fn the_ascii_shortcut_still_sees_controls() {
        for text in ["a\u{7}b", "tab\there\u{1B}", "\u{7F}", "caf\u{E9}\u{200B}"] {
            assert!(has_hidden(text), "{text:?}");
        }
        assert!(!has_hidden("caf\u{E9} ~ !"));
    }
}
