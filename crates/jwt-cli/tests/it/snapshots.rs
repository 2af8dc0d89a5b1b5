//! The report for a person, compared with committed expected files in `tests/snapshots/`
//! (`UPDATE_SNAPSHOTS=1 cargo test -p jwt-cli` rewrites them after an intended change).

use std::path::PathBuf;

use crate::support::{assert_matches_file, jwt, jwt_in_repository, Run};
use crate::tokens::{self, AT_ARG, SECRET};

fn check(name: &str, args: &[&str], code: i32) {
    compare(name, &jwt(args), code);
}

fn compare(name: &str, run: &Run, code: i32) {
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

/// A public-key verification: the key chosen from a JWKS by the token's kid, among two decoys.
/// Run in the repository, so that the key file's path shows the same everywhere.
#[test]
fn rs256_with_a_jwks() {
    let token = tokens::keys::text("RS256.token");
    let args = [
        token.as_str(),
        "--key",
        "fixtures/keys/RS256.jwks.json",
        "--at",
        AT_ARG,
    ];
    compare("rs256-jwks", &jwt_in_repository(&args), 0);
}

/// A certificate's subject, issuer and dates, and a failed check: the wrong certificate.
#[test]
fn es256_with_another_certificate() {
    let token = tokens::keys::text("ES256.token-with-jwk");
    let args = [
        token.as_str(),
        "--key",
        "fixtures/keys/ES256.cert.pem",
        "--at",
        AT_ARG,
    ];
    compare("es256-wrong-certificate", &jwt_in_repository(&args), 3);
}
