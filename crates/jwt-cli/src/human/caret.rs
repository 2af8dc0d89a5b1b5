//! Structural errors shown like a compiler's: the message, where it is, the offending text and a
//! caret under the character at fault.

use jwt_core::token::{Decoded, StructureError};

use super::out::{self, Out};

/// Characters of context shown before and after the caret.
const BEFORE: usize = 40;
const AFTER: usize = 30;

/// Where an error points: a label and one line of text with the caret's character index.
struct Excerpt {
    label: String,
    line_number: Option<usize>,
    line: String,
    at: usize,
}

/// Writes one structural error.
pub fn error(out: &mut Out, decoded: &Decoded, e: &StructureError) {
    out.styled(out::BAD, &format!("error[{}]", e.kind.code()))
        .text(": ")
        .text(&e.message)
        .newline();
    let Some(excerpt) = excerpt(decoded, e) else {
        return;
    };
    let number = excerpt
        .line_number
        .map(|n| n.to_string())
        .unwrap_or_default();
    let gutter = number.len().max(1);
    out.pad(gutter)
        .styled(out::DIM, "--> ")
        .text(&excerpt.label)
        .newline();
    out.pad(gutter + 1).styled(out::DIM, "|").newline();
    let (shown, caret) = window(&excerpt.line, excerpt.at);
    out.styled(out::DIM, &format!("{number:>gutter$} | "))
        .one_line(&shown)
        .newline();
    out.pad(gutter + 1)
        .styled(out::DIM, "| ")
        .pad(caret)
        .styled(out::BAD, "^")
        .newline();
}

fn excerpt(decoded: &Decoded, e: &StructureError) -> Option<Excerpt> {
    if e.decoded {
        let segment = e.segment?;
        let bytes = jwt_core::b64url::decode(decoded.segment_text(segment)?)
            .ok()?
            .bytes;
        let text = String::from_utf8_lossy(&bytes);
        let position = floor_char_boundary(&text, e.position?);
        let line_start = text[..position].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[position..]
            .find('\n')
            .map_or(text.len(), |i| position + i);
        let line_number = text[..position].matches('\n').count() + 1;
        let at = text[line_start..position].chars().count();
        return Some(Excerpt {
            label: format!(
                "decoded {}, line {line_number}, column {}",
                segment.code(),
                at + 1
            ),
            line_number: Some(line_number),
            line: text[line_start..line_end].to_string(),
            at,
        });
    }
    let offset = floor_char_boundary(&decoded.token, e.offset?);
    Some(Excerpt {
        label: format!("token, byte {offset}"),
        line_number: None,
        line: decoded.token.clone(),
        at: decoded.token[..offset].chars().count(),
    })
}

/// The part of `line` around character `at`, elided with `…`, and the caret's column in it.
fn window(line: &str, at: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    let start = at.saturating_sub(BEFORE);
    let end = (at + AFTER).min(chars.len());
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    let before: String = chars[start..at.min(chars.len())].iter().collect();
    let caret = usize::from(start > 0) + out::width(&before, true);
    shown.push_str(&before);
    shown.extend(&chars[at.min(chars.len())..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, caret)
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lines_are_shown_whole() {
        assert_eq!(window("abc*def", 3), ("abc*def".to_string(), 3));
        assert_eq!(window("abc", 3), ("abc".to_string(), 3));
    }

    #[test]
    fn long_lines_are_elided_around_the_caret() {
        let line = "x".repeat(100) + "*" + &"y".repeat(100);
        let (shown, caret) = window(&line, 100);
        assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
        assert_eq!(shown.chars().nth(caret), Some('*'));
    }

    #[test]
    fn markers_move_the_caret() {
        let (shown, caret) = window("a\u{202E}b*", 3);
        assert_eq!(shown, "a\u{202E}b*");
        assert_eq!(caret, 1 + "<U+202E>".len() + 1);
    }
}
