//! Every exit status, and which one wins when several apply.

use crate::support::{jwt, jwt_with};
use crate::tokens::{self, AT_ARG, SECRET};

fn code(args: &[&str]) -> i32 {
    let run = jwt(args);
    assert!(run.code != 101, "the binary panicked: {}", run.stderr);
    run.code
}

#[test]
fn zero_for_a_valid_active_token() {
    assert_eq!(
        code(&[&tokens::valid(), "--secret", SECRET, "--at", AT_ARG]),
        0
    );
}

#[test]
fn zero_without_a_secret_because_none_was_asked_for() {
    assert_eq!(code(&[&tokens::valid(), "--at", AT_ARG]), 0);
}

#[test]
fn one_when_the_token_cannot_be_decoded() {
    assert_eq!(code(&[&tokens::malformed(), "--at", AT_ARG]), 1);
    assert_eq!(code(&["not-a-token"]), 1);
    assert_eq!(jwt_with(&[], Some(""), &[]).code, 1);
}

#[test]
fn two_for_bad_usage() {
    let token = tokens::valid();
    for args in [
        vec![token.as_str(), "--no-such-option"],
        vec![token.as_str(), "--at", "tomorrow"],
        vec![token.as_str(), "--skew", "-1"],
        vec![token.as_str(), "--skew", "86401"],
        vec![token.as_str(), "--encoding", "latin1"],
        vec![token.as_str(), "--fail-on", "info"],
        vec![token.as_str(), "--secret", "a", "--secret-env", "B"],
        vec![
            token.as_str(),
            "--secret-env",
            "JWT_CLI_TEST_UNSET_VARIABLE",
        ],
        vec![token.as_str(), "--secret-file", "/nonexistent/secret"],
        vec![token.as_str(), "--secret", "zz", "--encoding", "hex"],
        vec![token.as_str(), "--secret", ""],
        vec![token.as_str(), "--key", "/nonexistent/key.pem"],
    ] {
        let run = jwt(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?} printed a report");
        assert!(run.stderr.contains("error"), "{args:?}: {}", run.stderr);
    }
}

#[test]
fn three_when_the_signature_is_not_valid() {
    assert_eq!(
        code(&[&tokens::valid(), "--secret", "wrong", "--at", AT_ARG]),
        3
    );
    assert_eq!(
        code(&[&tokens::alg_none(), "--secret", SECRET, "--at", AT_ARG]),
        3
    );
}

#[test]
fn four_when_expired_or_not_yet_valid() {
    assert_eq!(
        code(&[&tokens::expired(), "--secret", SECRET, "--at", AT_ARG]),
        4
    );
    assert_eq!(code(&[&tokens::not_yet_valid(), "--at", AT_ARG]), 4);
}

#[test]
fn five_when_a_finding_reaches_fail_on() {
    let no_exp = tokens::no_exp();
    assert_eq!(code(&[&no_exp, "--at", AT_ARG, "--fail-on", "warning"]), 5);
    assert_eq!(code(&[&no_exp, "--at", AT_ARG, "--fail-on", "danger"]), 0);
    assert_eq!(code(&[&no_exp, "--at", AT_ARG]), 0);
    assert_eq!(
        code(&[&tokens::alg_none(), "--at", AT_ARG, "--fail-on", "danger"]),
        5
    );
    assert_eq!(
        code(&[
            &tokens::duplicate_keys(),
            "--at",
            AT_ARG,
            "--fail-on",
            "danger"
        ]),
        5
    );
}

#[test]
fn usage_wins_over_everything() {
    assert_eq!(code(&[&tokens::malformed(), "--at", "tomorrow"]), 2);
}

#[test]
fn decoding_wins_over_signature_time_and_findings() {
    let args = [
        &tokens::malformed(),
        "--secret",
        "wrong",
        "--fail-on",
        "warning",
    ];
    assert_eq!(code(&args), 1);
}

#[test]
fn signature_wins_over_time_and_findings() {
    let args = [
        &tokens::expired(),
        "--secret",
        "wrong",
        "--at",
        AT_ARG,
        "--fail-on",
        "warning",
    ];
    assert_eq!(code(&args), 3);
}

#[test]
fn time_wins_over_findings() {
    let token = tokens::signed(&format!(
        r#"{{"email":"a@b.c","exp":{}}}"#,
        tokens::AT - 3600
    ));
    assert_eq!(code(&[&token, "--at", AT_ARG, "--fail-on", "warning"]), 4);
}

#[test]
fn the_result_line_names_the_status() {
    let run = jwt(&[&tokens::expired(), "--secret", SECRET, "--at", AT_ARG]);
    let last = run.stdout.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "Result: Not active at 2023-11-14T22:13:20Z: expired 1 hour ago (exit 4)"
    );
}
