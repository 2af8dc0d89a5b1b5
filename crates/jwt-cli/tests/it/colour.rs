//! Colour only on request or on a terminal, never with NO_COLOR; token text never reaches the
//! terminal as control characters.

use crate::support::jwt_with;
use crate::tokens::{self, AT_ARG, SECRET};

const ESC: char = '\u{1b}';

#[test]
fn output_that_is_not_a_terminal_has_no_escape_codes() {
    let run = jwt_with(
        &[&tokens::valid(), "--secret", SECRET, "--at", AT_ARG],
        None,
        &[],
    );
    assert_eq!(run.code, 0);
    assert!(!run.stdout.contains(ESC), "{:?}", run.stdout);
}

#[test]
fn forced_colour_has_escape_codes() {
    let run = jwt_with(
        &[&tokens::valid(), "--at", AT_ARG],
        None,
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(
        run.stdout.contains(&format!("{ESC}[1mHeader{ESC}[0m")),
        "{:?}",
        run.stdout
    );
}

#[test]
fn no_color_wins_over_forced_colour() {
    let env = [("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")];
    let run = jwt_with(&[&tokens::valid(), "--at", AT_ARG], None, &env);
    assert!(!run.stdout.contains(ESC), "{:?}", run.stdout);
    let plain = jwt_with(&[&tokens::valid(), "--at", AT_ARG], None, &[]);
    assert_eq!(run.stdout, plain.stdout);
}

#[test]
fn json_is_never_coloured() {
    let run = jwt_with(
        &[&tokens::valid(), "--at", AT_ARG, "--json"],
        None,
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!run.stdout.contains(ESC));
}

#[test]
fn usage_errors_are_not_coloured_in_a_pipe() {
    let run = jwt_with(&["--at", "x"], None, &[]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains(ESC), "{:?}", run.stderr);
}

#[test]
fn hidden_and_control_characters_from_the_token_are_marked() {
    let payload = "{\"sub\":\"ad\u{202E}nim\u{9B}2J\",\"exp\":1700000600}";
    let token = tokens::signed(payload);
    for env in [&[][..], &[("CLICOLOR_FORCE", "1")][..]] {
        let run = jwt_with(&[&token, "--at", AT_ARG], None, env);
        assert!(
            !run.stdout.contains('\u{202E}') && !run.stdout.contains('\u{9B}'),
            "{:?}",
            run.stdout
        );
        let plain = anstream::adapter::strip_str(&run.stdout).to_string();
        assert!(plain.contains("\"ad<U+202E>nim<U+009B>2J\""), "{plain}");
        assert!(plain.contains("[hidden-characters]"), "{plain}");
    }
    let text = format!(
        "{}.{}.",
        jwt_core::b64url::encode(b"{\"alg\":\"none\"}"),
        jwt_core::b64url::encode(b"a\x1b[2Jb\rc")
    );
    let run = jwt_with(&[&text, "--at", AT_ARG], None, &[]);
    assert!(
        run.stdout
            .contains("a<U+001B>[2Jb<U+000D>c\n(text: The payload is not JSON"),
        "{}",
        run.stdout
    );
}
