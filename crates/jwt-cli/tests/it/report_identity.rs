//! The page's "Copy report" and `--json` write the same bytes: both are `jwt_core::report_json`
//! of the same inputs, and `fixtures/report/` holds the expected file (the browser tests compare
//! the page's copied report with the same file).

use std::path::PathBuf;

use jwt_core::{Options, SecretEncoding, SecretInput, REPORT_SCHEMA};
use serde_json::Value;

use crate::support::{assert_matches_file, jwt_with};

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/report")
}

struct Inputs {
    token: String,
    secret: String,
    encoding: String,
    at: String,
    skew: u32,
}

fn inputs(name: &str) -> Inputs {
    let path = fixtures().join(format!("{name}.input.json"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let v: Value = serde_json::from_str(&text).expect("the manifest is JSON");
    let field = |k: &str| {
        v[k].as_str()
            .unwrap_or_else(|| panic!("manifest field {k}"))
            .to_string()
    };
    Inputs {
        token: field("token"),
        secret: field("secret"),
        encoding: field("encoding"),
        at: field("at"),
        skew: v["skew"]
            .as_u64()
            .and_then(|s| u32::try_from(s).ok())
            .expect("manifest field skew"),
    }
}

/// What the page's `report_json` computes (src/state.rs): the secret as typed, the recommended
/// options at the evaluation instant with the chosen skew.
fn page_report(i: &Inputs) -> String {
    let encoding = SecretEncoding::from_code(&i.encoding).expect("a known encoding");
    let secret = SecretInput::new(i.secret.clone(), encoding);
    let mut options =
        Options::recommended(jwt_core::clock_text::parse_instant(&i.at).expect("an instant"));
    options.clock_skew = i.skew;
    jwt_core::report_json(&jwt_core::inspect(&i.token, Some(&secret), &options))
}

fn cli_report(i: &Inputs) -> (i32, String) {
    let skew = i.skew.to_string();
    let args = [
        "--json",
        &i.token,
        "--secret-env",
        "FIXTURE_SECRET",
        "--encoding",
        &i.encoding,
        "--at",
        &i.at,
        "--skew",
        &skew,
    ];
    let run = jwt_with(&args, None, &[("FIXTURE_SECRET", &i.secret)]);
    (run.code, run.stdout)
}

#[test]
fn the_core_writes_the_committed_report() {
    let i = inputs("hs256-expired");
    assert_matches_file(&fixtures().join("hs256-expired.json"), &page_report(&i));
}

#[test]
fn the_command_line_writes_the_same_bytes() {
    let i = inputs("hs256-expired");
    let (code, stdout) = cli_report(&i);
    assert_eq!(code, 4, "the fixture is expired at its instant");
    let expected =
        std::fs::read_to_string(fixtures().join("hs256-expired.json")).expect("the fixture");
    assert!(
        stdout == expected,
        "--json differs from the fixture:\n{stdout}"
    );
    assert_eq!(stdout, page_report(&i));
}

#[test]
fn the_report_names_its_schema_first() {
    let text = std::fs::read_to_string(fixtures().join("hs256-expired.json")).expect("the fixture");
    assert!(
        text.starts_with(&format!("{{\n  \"schema\": \"{REPORT_SCHEMA}\",\n")),
        "{text}"
    );
    let v: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(v["signature"]["verdict"], "valid");
    assert_eq!(v["timing"]["claims"][1]["state"], "expired");
}
