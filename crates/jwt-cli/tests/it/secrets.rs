//! The secret given in each of the three ways.

use crate::support::{arg, jwt, jwt_with, temp_file};
use crate::tokens::{self, AT_ARG, SECRET};

#[test]
fn secret_as_an_argument() {
    let run = jwt(&[&tokens::valid(), "--secret", SECRET, "--at", AT_ARG]);
    assert_eq!(run.code, 0);
    assert!(
        run.stdout.contains("Signature verified (valid)"),
        "{}",
        run.stdout
    );
}

#[test]
fn secret_from_a_file_without_its_final_line_break() {
    let file = temp_file("secret", format!("{SECRET}\n").as_bytes());
    let run = jwt(&[
        &tokens::valid(),
        "--secret-file",
        arg(&file),
        "--at",
        AT_ARG,
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let two_breaks = temp_file("secret", format!("{SECRET}\n\n").as_bytes());
    let run = jwt(&[
        &tokens::valid(),
        "--secret-file",
        arg(&two_breaks),
        "--at",
        AT_ARG,
    ]);
    assert_eq!(run.code, 3, "only one final line break is dropped");
}

#[test]
fn secret_from_standard_input_with_the_token_as_argument() {
    let run = jwt_with(
        &[&tokens::valid(), "--secret-file", "-", "--at", AT_ARG],
        Some(SECRET),
        &[],
    );
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn secret_from_an_environment_variable() {
    let run = jwt_with(
        &[
            &tokens::valid(),
            "--secret-env",
            "JWT_SECRET",
            "--at",
            AT_ARG,
        ],
        None,
        &[("JWT_SECRET", SECRET)],
    );
    assert_eq!(run.code, 0, "{}", run.stdout);
    let wrong = jwt_with(
        &[
            &tokens::valid(),
            "--secret-env",
            "JWT_SECRET",
            "--at",
            AT_ARG,
        ],
        None,
        &[("JWT_SECRET", "not-it")],
    );
    assert_eq!(wrong.code, 3);
    assert!(
        wrong
            .stdout
            .contains("With this secret the signature would be:"),
        "{}",
        wrong.stdout
    );
}

#[test]
fn an_empty_secret_is_a_usage_error() {
    let run = jwt_with(
        &[&tokens::valid(), "--secret-env", "EMPTY"],
        None,
        &[("EMPTY", "")],
    );
    assert_eq!(run.code, 2);
    assert_eq!(
        run.stderr,
        "error: the secret from the variable EMPTY is empty\n"
    );
}

#[test]
fn a_secret_file_that_is_not_text_is_refused() {
    let file = temp_file("binary-secret", b"\xff\xfe");
    let run = jwt(&[&tokens::valid(), "--secret-file", arg(&file)]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("is not UTF-8 text"), "{}", run.stderr);
}
