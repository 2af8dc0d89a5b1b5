//! Text from files and standard input, with the one rule every input shares: a single line break
//! at the very end (what `echo` and editors add) is not part of the value.

use std::io::{IsTerminal as _, Read as _};
use std::path::Path;

use jwt_core::token::MAX_INPUT_BYTES;

use crate::status::Failure;

/// Reads standard input, at most a little over the core's input limit (the core then says the
/// input is too large), as UTF-8 text without its final line break.
pub fn stdin(what: &str) -> Result<String, Failure> {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        eprintln!("Reading {what} from standard input; end with Ctrl-D.");
    }
    let mut bytes = Vec::new();
    // Two bytes beyond the limit, so that removing a final "\r\n" cannot bring it under.
    let cap = MAX_INPUT_BYTES as u64 + 3;
    stdin
        .lock()
        .take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| Failure::usage(format!("cannot read standard input: {e}")))?;
    if bytes.len() > MAX_INPUT_BYTES {
        return Ok(String::from_utf8_lossy(&bytes).into_owned());
    }
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::content(format!(
            "standard input is not UTF-8 text (byte {} is not)",
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(without_final_line_break(text))
}

/// Reads a file (`-`: standard input) as UTF-8 text without its final line break; `what` names it
/// in messages.
pub fn file(path: &Path, what: &str) -> Result<String, Failure> {
    if path == Path::new("-") {
        return stdin(what);
    }
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("cannot read {what} from {}: {e}", path.display())))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        Failure::usage(format!(
            "{what} in {} is not UTF-8 text (byte {} is not)",
            path.display(),
            e.utf8_error().valid_up_to()
        ))
    })?;
    Ok(without_final_line_break(text))
}

/// Removes one final `\n` or `\r\n`.
pub fn without_final_line_break(mut text: String) -> String {
    if text.ends_with('\n') {
        text.pop();
        if text.ends_with('\r') {
            text.pop();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_final_line_break_goes() {
        assert_eq!(without_final_line_break("a\n".into()), "a");
        assert_eq!(without_final_line_break("a\r\n".into()), "a");
        assert_eq!(without_final_line_break("a\n\n".into()), "a\n");
        assert_eq!(without_final_line_break(" a ".into()), " a ");
        assert_eq!(without_final_line_break("a\r".into()), "a\r");
    }
}
