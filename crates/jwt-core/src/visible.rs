//! Characters that change how text reads without being seen: bidirectional overrides, zero-width
//! characters, invisible tags and control characters. A reviewer must see them.

use serde::Serialize;
use serde_json::Value;

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

/// A run of text: ordinary characters, or one hidden character.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Run<'a> {
    /// Ordinary text.
    Plain(&'a str),
    /// One hidden character, with its code point label (`U+202E`) and name.
    Hidden(&'a str, String, &'static str),
}

/// Splits text so that each hidden character stands alone.
pub fn runs(text: &str) -> Vec<Run<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices() {
        if let Some(name) = hidden_char_name(c) {
            if start < i {
                out.push(Run::Plain(&text[start..i]));
            }
            let end = i + c.len_utf8();
            out.push(Run::Hidden(
                &text[i..end],
                format!("U+{:04X}", c as u32),
                name,
            ));
            start = end;
        }
    }
    if start < text.len() {
        out.push(Run::Plain(&text[start..]));
    }
    out
}

/// True when `text` holds any hidden character.
pub fn has_hidden(text: &str) -> bool {
    text.chars().any(|c| hidden_char_name(c).is_some())
}

/// Where hidden characters sit in a JSON value's names and strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HiddenIn {
    /// JSON Pointer of the member name or string value.
    pub path: String,
    /// The hidden characters found, as `U+202E RIGHT-TO-LEFT OVERRIDE`, without repeats.
    pub characters: Vec<String>,
}

/// Lists every member name and string in `value` that holds hidden characters.
pub fn find_in_json(value: &Value) -> Vec<HiddenIn> {
    let mut out = Vec::new();
    walk(value, String::new(), &mut out);
    out
}

fn describe(text: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    for run in runs(text) {
        if let Run::Hidden(_, cp, name) = run {
            let label = format!("{cp} {name}");
            if !found.contains(&label) {
                found.push(label);
            }
        }
    }
    found
}

fn walk(value: &Value, path: String, out: &mut Vec<HiddenIn>) {
    // Values come from the JSON parser, whose recursion limit bounds this depth.
    match value {
        Value::String(s) if has_hidden(s) => out.push(HiddenIn {
            path,
            characters: describe(s),
        }),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, format!("{path}/{i}"), out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = format!("{path}/{}", k.replace('~', "~0").replace('/', "~1"));
                if has_hidden(k) {
                    out.push(HiddenIn {
                        path: format!("{child} (name)"),
                        characters: describe(k),
                    });
                }
                walk(v, child, out);
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
        assert_eq!(runs("abc"), vec![Run::Plain("abc")]);
    }

    #[test]
    fn bidi_and_zero_width_are_split_out() {
        let r = runs("ad\u{202E}nim\u{200B}");
        assert_eq!(
            r,
            vec![
                Run::Plain("ad"),
                Run::Hidden("\u{202E}", "U+202E".into(), "RIGHT-TO-LEFT OVERRIDE"),
                Run::Plain("nim"),
                Run::Hidden("\u{200B}", "U+200B".into(), "ZERO WIDTH SPACE"),
            ]
        );
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
        let v: Value =
            serde_json::from_str(r#"{"role":"user\u202e","a\u200bdmin":true,"x":["ok","\u2066"]}"#)
                .unwrap();
        let found = find_in_json(&v);
        let paths: Vec<_> = found.iter().map(|h| h.path.as_str()).collect();
        assert_eq!(paths, ["/role", "/a\u{200b}dmin (name)", "/x/1"]);
        assert_eq!(found[0].characters, ["U+202E RIGHT-TO-LEFT OVERRIDE"]);
    }
}
