//! Styled text for the terminal, with token text made safe to print.
//!
//! Token text can hold characters that a terminal acts on or that change how a line reads:
//! bidirectional overrides, zero-width characters, C1 controls (U+009B starts an escape
//! sequence on some terminals), carriage returns. Every piece of text goes through [`Out`], which
//! shows each such character as a marked `<U+XXXX>` instead, using the core's list
//! (`jwt_core::visible`). Styles are always written; `anstream` removes them when the output is
//! not a terminal or `NO_COLOR` is set.

use anstyle::{AnsiColor, Color, Effects, Style};
use jwt_core::visible;

/// Prose is wrapped to this many columns.
pub const WIDTH: usize = 88;

const fn fg(color: AnsiColor) -> Style {
    Style::new().fg_color(Some(Color::Ansi(color)))
}

/// Section titles.
pub const HEADING: Style = Style::new().bold();
/// Secondary text: references, column titles, the evaluation instant.
pub const DIM: Style = Style::new().effects(Effects::DIMMED);
/// JSON member names.
pub const KEY: Style = fg(AnsiColor::Blue);
/// JSON strings.
pub const STRING: Style = fg(AnsiColor::Green);
/// JSON numbers.
pub const NUMBER: Style = fg(AnsiColor::Cyan);
/// `true`, `false`, `null`.
pub const LITERAL: Style = fg(AnsiColor::Magenta);
/// Good news: a valid signature, an active token.
pub const GOOD: Style = fg(AnsiColor::Green).bold();
/// Something to look at.
pub const WARN: Style = fg(AnsiColor::Yellow).bold();
/// Something wrong.
pub const BAD: Style = fg(AnsiColor::Red).bold();
/// A marked hidden character.
pub const MARK: Style = Style::new().effects(Effects::INVERT);

/// How a character is shown when it must not be printed as itself.
///
/// `layout` also marks tabs and line breaks, for one-line excerpts under a caret.
pub fn marker(c: char, layout: bool) -> Option<String> {
    let hidden = visible::hidden_char_name(c).is_some() || c == '\r';
    (hidden || (layout && matches!(c, '\t' | '\n'))).then(|| format!("<U+{:04X}>", c as u32))
}

/// The number of columns `text` takes once markers replace hidden characters.
pub fn width(text: &str, layout: bool) -> usize {
    text.chars()
        .map(|c| marker(c, layout).map_or(1, |m| m.len()))
        .sum()
}

/// A report being written.
#[derive(Debug, Default)]
pub struct Out {
    buf: String,
}

impl Out {
    /// An empty report.
    pub fn new() -> Self {
        Out::default()
    }

    /// The text written, styles included.
    pub fn finish(self) -> String {
        self.buf
    }

    /// Plain text.
    pub fn text(&mut self, text: &str) -> &mut Self {
        self.write(Style::new(), text, false)
    }

    /// Text in a style.
    pub fn styled(&mut self, style: Style, text: &str) -> &mut Self {
        self.write(style, text, false)
    }

    /// Text on one line: tabs and line breaks are marked too.
    pub fn one_line(&mut self, text: &str) -> &mut Self {
        self.write(Style::new(), text, true)
    }

    /// A line break.
    pub fn newline(&mut self) -> &mut Self {
        self.buf.push('\n');
        self
    }

    /// Spaces.
    pub fn pad(&mut self, n: usize) -> &mut Self {
        self.buf.extend(std::iter::repeat_n(' ', n));
        self
    }

    /// Prose wrapped to [`WIDTH`] columns, every line indented by `indent` spaces, ending with a
    /// line break. Words longer than a line (a signature, say) are kept whole.
    pub fn prose(&mut self, indent: usize, style: Style, text: &str) -> &mut Self {
        if text.split(' ').all(str::is_empty) {
            return self;
        }
        self.pad(indent).hanging(indent, style, text)
    }

    /// Prose that goes on from column `column` of the current line, wrapped to [`WIDTH`] with
    /// its later lines indented to that column, ending with a line break.
    pub fn hanging(&mut self, column: usize, style: Style, text: &str) -> &mut Self {
        let mut at = column;
        for word in text.split(' ').filter(|w| !w.is_empty()) {
            let w = width(word, true);
            if at > column {
                if at + 1 + w > WIDTH {
                    self.newline().pad(column);
                    at = column;
                } else {
                    self.pad(1);
                    at += 1;
                }
            }
            self.write(style, word, true);
            at += w;
        }
        self.newline()
    }

    fn write(&mut self, style: Style, text: &str, layout: bool) -> &mut Self {
        if text.is_empty() {
            return self;
        }
        let mut plain = String::new();
        for c in text.chars() {
            match marker(c, layout) {
                Some(m) => {
                    self.flush(style, &mut plain);
                    self.flush(MARK, &mut m.clone());
                }
                None => plain.push(c),
            }
        }
        self.flush(style, &mut plain);
        self
    }

    fn flush(&mut self, style: Style, text: &mut String) {
        if text.is_empty() {
            return;
        }
        if style == Style::new() {
            self.buf.push_str(text);
        } else {
            self.buf.push_str(&format!("{style}{text}{style:#}"));
        }
        text.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(f: impl FnOnce(&mut Out)) -> String {
        let mut out = Out::new();
        f(&mut out);
        anstream::adapter::strip_str(&out.finish()).to_string()
    }

    #[test]
    fn hidden_and_terminal_control_characters_are_marked() {
        let text = plain(|o| {
            o.text("a\u{202E}b\u{9B}c\u{1B}[31md\re\tf\ng");
        });
        assert_eq!(text, "a<U+202E>b<U+009B>c<U+001B>[31md<U+000D>e\tf\ng");
    }

    #[test]
    fn one_line_marks_layout_characters() {
        assert_eq!(
            plain(|o| {
                o.one_line("a\tb\nc");
            }),
            "a<U+0009>b<U+000A>c"
        );
        assert_eq!(width("a\tb", true), 10);
        assert_eq!(width("a\tb", false), 3);
    }

    #[test]
    fn prose_wraps_with_a_hanging_indent() {
        let words = "word ".repeat(30);
        let text = plain(|o| {
            o.prose(4, Style::new(), &words);
        });
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.len() > 1, "{text}");
        assert!(lines
            .iter()
            .all(|l| l.starts_with("    word") && l.len() <= WIDTH));
    }

    #[test]
    fn hanging_prose_goes_on_from_its_column() {
        let words = "word ".repeat(30);
        let text = plain(|o| {
            o.text("label  ").hanging(7, Style::new(), &words);
        });
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines[0].starts_with("label  word "), "{text}");
        assert!(lines[1..]
            .iter()
            .all(|l| l.starts_with("       word") && l.len() <= WIDTH));
        assert_eq!(
            plain(|o| {
                o.prose(2, Style::new(), " ");
            }),
            ""
        );
    }

    #[test]
    fn styles_wrap_text_and_reset() {
        let mut out = Out::new();
        out.styled(BAD, "x");
        assert_eq!(out.finish(), format!("{BAD}x{BAD:#}"));
    }
}
