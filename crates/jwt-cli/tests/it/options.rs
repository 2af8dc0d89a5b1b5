//! Each inspection option, the token argument and standard input.

use crate::support::{jwt, jwt_with};
use crate::tokens::{self, AT, AT_ARG, SECRET};

#[test]
fn the_token_comes_from_standard_input_when_absent_or_dash() {
    let token = tokens::valid();
    let from_arg = jwt(&[&token, "--at", AT_ARG]);
    let absent = jwt_with(&["--at", AT_ARG], Some(&format!("{token}\n")), &[]);
    let dash = jwt_with(&["-", "--at", AT_ARG], Some(&token), &[]);
    assert_eq!(from_arg.code, 0);
    assert_eq!(
        absent.stdout, from_arg.stdout,
        "the final line break of a pipe is not the token's"
    );
    assert_eq!(dash.stdout, from_arg.stdout);
}

#[test]
fn paste_forms_are_cleaned_and_named() {
    let run = jwt_with(
        &["--at", AT_ARG],
        Some(&format!("Bearer {}\n", tokens::valid())),
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(
        run.stdout
            .starts_with("note: Removed the 'Bearer ' prefix.\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn at_takes_unix_seconds_or_rfc3339() {
    let token = tokens::valid();
    let unix = jwt(&[&token, "--at", AT_ARG]);
    let rfc = jwt(&[&token, "--at", "2023-11-14T23:13:20+01:00"]);
    assert_eq!(unix.stdout, rfc.stdout);
    assert!(
        unix.stdout
            .contains("Timing at 2023-11-14T22:13:20Z, skew 60 s"),
        "{}",
        unix.stdout
    );
    let later = jwt(&[&token, "--at", &(AT + 3600).to_string()]);
    assert_eq!(later.code, 4);
    assert!(
        later.stdout.contains("Expired: expired 46 minutes ago"),
        "{}",
        later.stdout
    );
}

#[test]
fn skew_tolerates_a_recent_expiry() {
    let token = tokens::just_expired();
    assert_eq!(jwt(&[&token, "--at", AT_ARG]).code, 0, "60 s by default");
    let strict = jwt(&[&token, "--at", AT_ARG, "--skew", "0"]);
    assert_eq!(strict.code, 4);
    assert!(strict.stdout.contains("skew 0 s"), "{}", strict.stdout);
}

#[test]
fn json_is_the_report_with_its_schema_and_no_secret() {
    let run = jwt(&[
        &tokens::valid(),
        "--secret",
        SECRET,
        "--at",
        AT_ARG,
        "--json",
    ]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout
            .starts_with("{\n  \"schema\": \"jwt-inspector/report/1\",\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.ends_with("}\n"));
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["signature"]["verdict"], "valid");
    assert_eq!(report["timing"]["now"], AT);
    assert!(!run.stdout.contains(SECRET));
}

#[test]
fn json_keeps_the_exit_status() {
    let run = jwt(&[&tokens::expired(), "--at", AT_ARG, "--json"]);
    assert_eq!(run.code, 4);
    let report: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(report["timing"]["usable"], false);
}

#[test]
fn encodings_read_the_secret_text() {
    let token = tokens::valid();
    let hex: String = SECRET.bytes().map(|b| format!("{b:02x}")).collect();
    let b64url = jwt_core::b64url::encode(SECRET.as_bytes());
    let b64 = b64url.replace('-', "+").replace('_', "/");
    for (text, encoding) in [
        (SECRET, "utf8"),
        (b64.as_str(), "base64"),
        (b64url.as_str(), "base64url"),
        (hex.as_str(), "hex"),
    ] {
        let run = jwt(&[
            &token,
            "--secret",
            text,
            "--encoding",
            encoding,
            "--at",
            AT_ARG,
        ]);
        assert_eq!(run.code, 0, "{encoding}: {}", run.stdout);
    }
    let as_text = jwt(&[&token, "--secret", &hex, "--at", AT_ARG]);
    assert_eq!(as_text.code, 3, "hex digits read as UTF-8 are another key");
    let bad = jwt(&[&token, "--secret", "ab-_", "--encoding", "base64"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("not valid base64"), "{}", bad.stderr);
}

#[test]
fn local_time_follows_tz() {
    let token = tokens::valid();
    let utc = jwt(&[&token, "--at", AT_ARG]);
    assert!(
        utc.stdout
            .contains("2023-11-14T22:27:20Z  2023-11-14 22:27:20 +00:00"),
        "{}",
        utc.stdout
    );
    let tokyo = jwt_with(&[&token, "--at", AT_ARG], None, &[("TZ", "JST-9")]);
    assert!(
        tokyo
            .stdout
            .contains("2023-11-14T22:27:20Z  2023-11-15 07:27:20 +09:00"),
        "{}",
        tokyo.stdout
    );
}

#[test]
fn help_documents_exit_status_and_secret_advice() {
    let run = jwt(&["--help"]);
    assert_eq!(run.code, 0);
    for needle in [
        "Exit status:",
        "3  a secret, --key or --token-key was given and the signature is not verified with it",
        "--key <PATH>",
        "--token-key",
        "key-confusion attack",
        "proves only that the\n  token is self-consistent",
        "When several apply, the first in the order 2, 1, 3, 4, 5 wins.",
        "other users of the machine can read a process's arguments",
        "prefer --secret-file or --secret-env",
        "--encoding <ENCODING>",
        "--fail-on <SEVERITY>",
    ] {
        assert!(
            run.stdout.contains(needle),
            "help lacks {needle:?}:\n{}",
            run.stdout
        );
    }
    assert_eq!(jwt(&["--version"]).code, 0);
}

#[test]
fn usage_errors_say_what_is_wrong() {
    let run = jwt(&[&tokens::valid(), "--at", "tomorrow"]);
    assert!(
        run.stderr
            .contains("neither Unix seconds nor an RFC 3339 instant"),
        "{}",
        run.stderr
    );
    let run = jwt(&[
        &tokens::valid(),
        "--secret-env",
        "JWT_CLI_TEST_UNSET_VARIABLE",
    ]);
    assert_eq!(
        run.stderr,
        "error: the environment variable JWT_CLI_TEST_UNSET_VARIABLE is not set\n"
    );
}

#[test]
fn structural_errors_point_at_the_byte() {
    let run = jwt(&[&tokens::malformed(), "--at", AT_ARG]);
    let dot = tokens::malformed().find('.').unwrap_or_default();
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines[0],
        "error[invalid-base64url]: payload segment, byte 3: '*' is not base64url"
    );
    assert_eq!(lines[1], format!(" --> token, byte {}", dot + 4));
    let caret_line = lines[4];
    let text_line = lines[3];
    let caret = caret_line.find('^').expect("a caret");
    assert_eq!(
        text_line.chars().nth(caret),
        Some('*'),
        "{text_line}\n{caret_line}"
    );
}
