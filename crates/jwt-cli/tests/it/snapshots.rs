//! The report for a person, compared with committed expected files in `tests/snapshots/`
//! (`UPDATE_SNAPSHOTS=1 cargo test -p jwt-cli` rewrites them after an intended change).

use std::path::PathBuf;

use crate::support::{assert_matches_file, jwt};
use crate::tokens::{self, AT_ARG, SECRET};

fn check(name: &str, args: &[&str], code: i32) {
    let run = jwt(args);
    assert_eq!(run.code, code, "{name}: {}{}", run.stdout, run.stderr);
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(format!("tests/snapshots/{name}.txt"));
    assert_matches_file(&path, &run.stdout);
}

#[test]
fn valid() {
    check(
        "valid",
        &[&tokens::valid(), "--secret", SECRET, "--at", AT_ARG],
        0,
    );
}

#[test]
fn expired() {
    check(
        "expired",
        &[&tokens::expired(), "--secret", SECRET, "--at", AT_ARG],
        4,
    );
}

#[test]
fn malformed() {
    check("malformed", &[&tokens::malformed(), "--at", AT_ARG], 1);
}

#[test]
fn alg_none() {
    check("alg-none", &[&tokens::alg_none(), "--at", AT_ARG], 0);
}

#[test]
fn duplicate_keys() {
    check(
        "duplicate-keys",
        &[
            &tokens::duplicate_keys(),
            "--secret",
            "wrong",
            "--at",
            AT_ARG,
        ],
        3,
    );
}
