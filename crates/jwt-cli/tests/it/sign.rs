//! `jwt-inspector sign`: exact text, date helpers, files, and its failures.

use jwt_core::token::{decode, Payload};

use crate::support::{arg, jwt, jwt_with, temp_file};
use crate::tokens::{AT, AT_ARG, SECRET};

fn payload_text(token: &str) -> String {
    match decode(token).payload {
        Payload::Json(doc) => doc.raw.clone(),
        Payload::Text { text, .. } => text,
        other => panic!("unexpected payload {other:?}"),
    }
}

fn header_text(token: &str) -> String {
    decode(token)
        .header
        .map(|h| h.raw.clone())
        .unwrap_or_default()
}

#[test]
fn signs_text_exactly_as_written_and_verifies() {
    let payload = "{ \"sub\" : \"alice\",\n  \"n\": 1.50e3 }";
    let run = jwt(&["sign", "--payload", payload, "--secret", SECRET]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let token = run.stdout.strip_suffix('\n').expect("one line");
    assert_eq!(payload_text(token), payload);
    assert_eq!(header_text(token), r#"{"alg":"HS256","typ":"JWT"}"#);
    assert_eq!(
        token,
        jwt_core::sign(r#"{"alg":"HS256","typ":"JWT"}"#, payload, SECRET.as_bytes()).unwrap()
    );
    let check = jwt(&[token, "--secret", SECRET, "--at", AT_ARG]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn date_helpers_edit_the_text_in_place() {
    let run = jwt(&[
        "sign",
        "--payload",
        r#"{"sub":"alice", "exp":1}"#,
        "--iat",
        "now",
        "--nbf",
        "-5m",
        "--exp",
        "1h",
        "--at",
        AT_ARG,
        "--secret",
        SECRET,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let expected = format!(
        r#"{{"sub":"alice", "exp":{}, "iat":{AT}, "nbf":{}}}"#,
        AT + 3600,
        AT - 300
    );
    assert_eq!(payload_text(run.stdout.trim_end()), expected);
}

#[test]
fn date_helpers_take_instants_too() {
    let run = jwt(&[
        "sign",
        "--payload",
        "{}",
        "--exp",
        "2023-11-14T22:13:20Z",
        "--secret",
        SECRET,
    ]);
    assert_eq!(
        payload_text(run.stdout.trim_end()),
        format!(r#"{{"exp":{AT}}}"#)
    );
}

#[test]
fn header_and_payload_from_files() {
    let header = temp_file("header.json", b"{\"alg\":\"HS384\"}\n");
    let payload = temp_file("payload.json", b"{\"sub\":\"alice\"}\n");
    let run = jwt(&[
        "sign",
        "--header-file",
        arg(&header),
        "--payload-file",
        arg(&payload),
        "--secret",
        SECRET,
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let token = run.stdout.trim_end();
    assert_eq!(header_text(token), r#"{"alg":"HS384"}"#);
    assert_eq!(payload_text(token), r#"{"sub":"alice"}"#);
    let check = jwt(&[token, "--secret", SECRET, "--at", AT_ARG]);
    assert!(
        check.stdout.contains("The HS384 signature matches"),
        "{}",
        check.stdout
    );
}

#[test]
fn payload_from_standard_input() {
    let run = jwt_with(
        &["sign", "--payload-file", "-", "--secret", SECRET],
        Some("{\"a\":1}\n"),
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(payload_text(run.stdout.trim_end()), r#"{"a":1}"#);
}

#[test]
fn secrets_come_the_same_three_ways() {
    let file = temp_file("secret", SECRET.as_bytes());
    let by_file = jwt(&["sign", "--payload", "{}", "--secret-file", arg(&file)]);
    let by_env = jwt_with(
        &["sign", "--payload", "{}", "--secret-env", "S"],
        None,
        &[("S", SECRET)],
    );
    let by_arg = jwt(&["sign", "--payload", "{}", "--secret", SECRET]);
    assert_eq!(by_file.stdout, by_arg.stdout);
    assert_eq!(by_env.stdout, by_arg.stdout);
    let hex: String = SECRET.bytes().map(|b| format!("{b:02x}")).collect();
    let by_hex = jwt(&[
        "sign",
        "--payload",
        "{}",
        "--secret",
        &hex,
        "--encoding",
        "hex",
    ]);
    assert_eq!(by_hex.stdout, by_arg.stdout);
}

#[test]
fn what_cannot_be_signed_exits_one() {
    let rs = jwt(&[
        "sign",
        "--header",
        r#"{"alg":"RS256"}"#,
        "--payload",
        "{}",
        "--secret",
        SECRET,
    ]);
    assert_eq!(rs.code, 1);
    assert_eq!(
        rs.stderr,
        "error: cannot sign with alg 'RS256': only HS256, HS384 and HS512 are supported\n"
    );
    let array = jwt(&[
        "sign",
        "--payload",
        "[1]",
        "--exp",
        "1h",
        "--secret",
        SECRET,
    ]);
    assert_eq!(array.code, 1);
    assert!(
        array
            .stderr
            .contains("cannot set exp: the payload is an array"),
        "{}",
        array.stderr
    );
    let header = jwt(&[
        "sign",
        "--header",
        "{",
        "--payload",
        "{}",
        "--secret",
        SECRET,
    ]);
    assert_eq!(header.code, 1);
    assert!(
        header.stderr.contains("the header must be a JSON object"),
        "{}",
        header.stderr
    );
}

#[test]
fn sign_usage_errors_exit_two() {
    for args in [
        vec!["sign", "--secret", SECRET],
        vec!["sign", "--payload", "{}"],
        vec![
            "sign",
            "--payload",
            "{}",
            "--exp",
            "soon",
            "--secret",
            SECRET,
        ],
        vec![
            "sign",
            "--header-file",
            "-",
            "--payload-file",
            "-",
            "--secret",
            SECRET,
        ],
        vec![
            "sign",
            "--payload",
            "{}",
            "--payload-file",
            "x",
            "--secret",
            SECRET,
        ],
    ] {
        let run = jwt(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{args:?}");
    }
}

/// FIXME(lead): signing with a private key arrives with the key reader; this asserts today's
/// refusal and becomes an RS256/ES256 round trip then.
#[test]
fn signing_with_a_key_is_not_there_yet() {
    let key = temp_file(
        "key.pem",
        b"-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
    );
    let run = jwt(&["sign", "--payload", "{}", "--key", arg(&key)]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("arrives with the key reader"),
        "{}",
        run.stderr
    );
}
