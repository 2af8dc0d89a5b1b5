//! Requests copied as cURL commands ("Copy as cURL" in browser developer tools, for a POSIX
//! shell or for Windows cmd): the token in a header, a cookie, the URL or the data.

use super::shape::strip_prefix_ignore_case;
use super::{http, url, Cleanup, Collector, Origin};

/// True when the text is a `curl` command (after an optional `$ ` prompt).
pub(super) fn is_command(text: &str) -> bool {
    let text = text.strip_prefix("$ ").unwrap_or(text);
    ["curl.exe", "curl"].iter().any(|name| {
        strip_prefix_ignore_case(text, name)
            .is_some_and(|rest| rest.starts_with(char::is_whitespace))
    })
}

/// What an option's argument holds.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Argument {
    /// `-H`: a header line.
    Header,
    /// `-b`: cookies (or a file name).
    Cookie,
    /// `--oauth2-bearer`: the token itself.
    Bearer,
    /// `-d` and friends: a request body.
    Data,
    /// `--url`, `-e`: a URL.
    Url,
    /// Any other option that takes an argument.
    Other,
}

/// The options whose argument can hold a token, or must be skipped so that it is not read as
/// the URL. Options not listed take no argument.
fn argument_of(option: &str) -> Option<Argument> {
    Some(match option {
        "-H" | "--header" | "--proxy-header" => Argument::Header,
        "-b" | "--cookie" => Argument::Cookie,
        "--oauth2-bearer" => Argument::Bearer,
        "-d" | "--data" | "--data-raw" | "--data-binary" | "--data-ascii" | "--data-urlencode"
        | "--json" | "-F" | "--form" | "--form-string" => Argument::Data,
        "--url" | "-e" | "--referer" => Argument::Url,
        "-X" | "--request" | "-u" | "--user" | "-A" | "--user-agent" | "-o" | "--output" | "-x"
        | "--proxy" | "-U" | "--proxy-user" | "-m" | "--max-time" | "--connect-timeout" | "-c"
        | "--cookie-jar" | "-T" | "--upload-file" | "-w" | "--write-out" | "-r" | "--range"
        | "-K" | "--config" | "-E" | "--cert" | "--key" | "--cacert" | "-D" | "--dump-header"
        | "--resolve" | "--connect-to" | "--retry" | "--limit-rate" | "--interface" | "--trace"
        | "--trace-ascii" | "-Y" | "-y" | "-z" | "-t" | "-C" | "-P" | "-Q" | "--variable"
        | "--aws-sigv4" | "--max-redirs" | "--noproxy" => Argument::Other,
        _ => return None,
    })
}

/// Offers the tokens in a cURL command, in the order they appear.
pub(super) fn collect(text: &str, out: &mut Collector) {
    out.context.push(Cleanup::CurlCommand);
    let words = words(text);
    let mut words = words
        .iter()
        .map(String::as_str)
        .skip_while(|w| *w == "$")
        .skip(1);
    while let Some(word) = words.next() {
        if out.is_full() {
            return;
        }
        let (argument, attached) = split_option(word);
        match argument {
            Some(argument) => {
                let Some(value) = attached.or_else(|| words.next()) else {
                    return;
                };
                argument_value(argument, value, out);
            }
            None if !word.starts_with('-') => url::collect(word, out),
            None => {}
        }
    }
}

/// The argument kind of an option word, and its value when it is attached (`--header=…`,
/// `-HAuthorization: …`).
fn split_option(word: &str) -> (Option<Argument>, Option<&str>) {
    if let Some(argument) = argument_of(word) {
        return (Some(argument), None);
    }
    if let Some((option, value)) = word.split_once('=').filter(|_| word.starts_with("--")) {
        return (argument_of(option), argument_of(option).map(|_| value));
    }
    if word.len() > 2
        && word.starts_with('-')
        && !word.starts_with("--")
        && word.is_char_boundary(2)
    {
        if let Some(argument) = argument_of(&word[..2]) {
            return (Some(argument), Some(&word[2..]));
        }
    }
    (None, None)
}

fn argument_value(argument: Argument, value: &str, out: &mut Collector) {
    match argument {
        Argument::Header => {
            if let Some((name, value)) = http::header_line(value) {
                http::header(name, value, &[], out);
            }
        }
        Argument::Cookie if value.contains('=') => {
            http::cookies(value, Origin::Cookie, false, out);
        }
        Argument::Bearer => out.offer(
            value.trim().to_string(),
            &[],
            Some("--oauth2-bearer".to_string()),
            Origin::Authorization,
        ),
        Argument::Data if !value.starts_with('@') => http::body_of(value.trim(), out),
        Argument::Url => url::collect(value, out),
        _ => {}
    }
}

/// Splits the command into words. Copies for Windows cmd (which escape with `^`) are read with
/// cmd's rules, others with a POSIX shell's.
fn words(text: &str) -> Vec<String> {
    if text.contains("^\n") || text.contains("^\r\n") || text.contains("^\"") {
        windows_words(&without_carets(text))
    } else {
        shell_words(text)
    }
}

/// Splits a command line as a POSIX shell does, for what "Copy as cURL" produces: `'…'`, `"…"`
/// and `$'…'` quoting, backslash escapes and line continuations.
fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                // A line continuation.
                Some('\n') => {}
                Some('\r') if chars.peek() == Some(&'\n') => {
                    chars.next();
                }
                Some(other) => {
                    word.push(other);
                    in_word = true;
                }
                None => {}
            },
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => match chars.peek() {
                            Some(&e @ ('"' | '\\' | '$' | '`')) => {
                                word.push(e);
                                chars.next();
                            }
                            Some('\n') => {
                                chars.next();
                            }
                            _ => word.push('\\'),
                        },
                        c => word.push(c),
                    }
                }
            }
            '$' if chars.peek() == Some(&'\'') => {
                chars.next();
                in_word = true;
                ansi_c_quoted(&mut chars, &mut word);
            }
            c if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

/// Reads a `$'…'` string after its opening quote: `\n`, `\t`, `\r`, `\\`, `\'`, `\"`, `\xHH`,
/// `\uHHHH` and `\UHHHHHHHH`; any other escape is kept as written.
fn ansi_c_quoted(chars: &mut std::iter::Peekable<std::str::Chars<'_>>, word: &mut String) {
    while let Some(c) = chars.next() {
        match c {
            '\'' => return,
            '\\' => {
                let Some(e) = chars.next() else { return };
                match e {
                    'n' => word.push('\n'),
                    't' => word.push('\t'),
                    'r' => word.push('\r'),
                    '\\' | '\'' | '"' | '?' => word.push(e),
                    'x' | 'u' | 'U' => {
                        let max = match e {
                            'x' => 2,
                            'u' => 4,
                            _ => 8,
                        };
                        let mut code = 0u32;
                        let mut digits = 0;
                        while digits < max {
                            match chars.peek().and_then(|c| c.to_digit(16)) {
                                Some(d) => {
                                    code = code * 16 + d;
                                    digits += 1;
                                    chars.next();
                                }
                                None => break,
                            }
                        }
                        match char::from_u32(code).filter(|_| digits > 0) {
                            Some(c) => word.push(c),
                            None => {
                                word.push('\\');
                                word.push(e);
                            }
                        }
                    }
                    other => {
                        word.push('\\');
                        word.push(other);
                    }
                }
            }
            c => word.push(c),
        }
    }
}

/// Undoes cmd's `^` escapes: `^x` is `x`, and `^` before a line break continues the line.
fn without_carets(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '^' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\n') | None => {}
            Some('\r') if chars.peek() == Some(&'\n') => {
                chars.next();
            }
            Some(other) => out.push(other),
        }
    }
    out
}

/// Splits a command line as a Windows program reads its arguments: `"` groups, `\"` is a
/// quote.
fn windows_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let (mut in_word, mut quoted) = (false, false);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'"') => {
                word.push('"');
                chars.next();
                in_word = true;
            }
            '"' => {
                quoted = !quoted;
                in_word = true;
            }
            c if c.is_whitespace() && !quoted => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            c => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_words() {
        let words = shell_words("curl 'a b' \"c\\\"d\" e\\ f \\\n  $'g\\'h\\x41' \"x\\ny\"");
        assert_eq!(words, ["curl", "a b", "c\"d", "e f", "g'hA", "x\\ny"]);
    }

    #[test]
    fn cmd_words() {
        let words = words("curl ^\"https://x/^\" ^\r\n  -H ^\"a: b^\"");
        assert_eq!(words, ["curl", "https://x/", "-H", "a: b"]);
    }

    #[test]
    fn options_with_attached_values() {
        assert!(matches!(
            split_option("-HX: y"),
            (Some(Argument::Header), Some("X: y"))
        ));
        assert!(matches!(
            split_option("--cookie=a=b"),
            (Some(Argument::Cookie), Some("a=b"))
        ));
        assert!(matches!(split_option("-sSL"), (None, None)));
    }
}
