//! `jwt-inspector sign`: exact text, date helpers, files, and its failures.

use base64::Engine as _;
use jwt_core::token::{decode, Payload};

use crate::support::{arg, jwt, jwt_with, temp_file, Run};
use crate::tokens::{keys, AT, AT_ARG, SECRET};

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
        "error: cannot sign with alg 'RS256' using a secret: it is made with a private key; give one with --key\n"
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

/// Signs `payload` with the private key fixture of `alg`, plus `extra` arguments.
fn sign_with_key(alg: &str, extra: &[&str]) -> Run {
    let key = keys::path(&format!("{alg}.private.pem"));
    let mut args = vec!["sign", "--key", &key, "--payload", r#"{"sub":"alice"}"#];
    args.extend(extra);
    jwt(&args)
}

#[test]
fn every_alg_signs_with_a_private_key_and_verifies_with_the_public_key() {
    for (alg, kid) in keys::algs() {
        let run = sign_with_key(
            &alg,
            &["--alg", &alg, "--kid", &kid, "--exp", "1h", "--at", AT_ARG],
        );
        assert_eq!(run.code, 0, "{alg}: {}", run.stderr);
        let token = run.stdout.strip_suffix('\n').expect("one line");
        assert_eq!(
            header_text(token),
            format!(r#"{{"alg":"{alg}","typ":"JWT","kid":"{kid}"}}"#)
        );
        for public in ["public.pem", "jwks.json"] {
            let check = jwt(&[
                token,
                "--key",
                &keys::path(&format!("{alg}.{public}")),
                "--at",
                AT_ARG,
            ]);
            assert_eq!(check.code, 0, "{alg} with {public}: {}", check.stdout);
            assert!(
                check.stdout.contains("Signature verified (valid)"),
                "{}",
                check.stdout
            );
        }
    }
}

#[test]
fn rsa_keys_sign_pss_and_eddsa_keys_sign_ed25519_too() {
    for (key, alg) in [("RS256", "PS512"), ("PS256", "RS384"), ("EdDSA", "Ed25519")] {
        let run = sign_with_key(key, &["--alg", alg]);
        assert_eq!(run.code, 0, "{key} as {alg}: {}", run.stderr);
        let check = jwt(&[
            run.stdout.trim_end(),
            "--key",
            &keys::path(&format!("{key}.public.jwk")),
            "--at",
            AT_ARG,
        ]);
        assert_eq!(check.code, 0, "{key} as {alg}: {}", check.stdout);
    }
}

#[test]
fn without_a_header_the_key_picks_the_alg() {
    for (key, alg) in [
        ("RS512", "RS256"),
        ("PS384", "RS256"),
        ("ES256", "ES256"),
        ("ES384", "ES384"),
        ("ES512", "ES512"),
        ("EdDSA", "EdDSA"),
    ] {
        let run = sign_with_key(key, &[]);
        assert_eq!(run.code, 0, "{key}: {}", run.stderr);
        assert_eq!(
            header_text(run.stdout.trim_end()),
            format!(r#"{{"alg":"{alg}","typ":"JWT"}}"#)
        );
    }
}

#[test]
fn alg_and_kid_edit_the_header_text_in_place() {
    let header = "{ \"typ\" : \"JWT\",\n  \"alg\": \"HS256\" }";
    let run = sign_with_key(
        "ES256",
        &["--header", header, "--alg", "ES256", "--kid", "k\"1"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        header_text(run.stdout.trim_end()),
        "{ \"typ\" : \"JWT\",\n  \"alg\": \"ES256\",\n  \"kid\" : \"k\\\"1\" }"
    );
    let hs = jwt(&[
        "sign",
        "--payload",
        "{}",
        "--alg",
        "HS512",
        "--secret",
        SECRET,
    ]);
    assert_eq!(
        header_text(hs.stdout.trim_end()),
        r#"{"alg":"HS512","typ":"JWT"}"#
    );
    let unknown = jwt(&[
        "sign",
        "--payload",
        "{}",
        "--alg",
        "XS1",
        "--secret",
        SECRET,
    ]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
}

#[test]
fn a_key_that_does_not_fit_the_alg_exits_one() {
    let run = sign_with_key("RS256", &["--alg", "ES256"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stderr,
        format!(
            "error: cannot sign with alg 'ES256': it needs an EC P-256 key, but {} holds an RSA 2048-bit key; use a matching key, or --alg RS256 for this one\n",
            keys::path("RS256.private.pem")
        )
    );
    let curve = sign_with_key("ES384", &["--alg", "ES256"]);
    assert_eq!(curve.code, 1);
    assert!(
        curve.stderr.contains("it needs an EC P-256 key, but")
            && curve
                .stderr
                .contains("holds an EC P-384 key; use a matching key, or --alg ES384"),
        "{}",
        curve.stderr
    );
    let hmac = sign_with_key("EdDSA", &["--header", r#"{"alg":"HS256"}"#]);
    assert_eq!(hmac.code, 1);
    assert!(
        hmac.stderr.contains("HS256 is an HMAC, made with a secret"),
        "{}",
        hmac.stderr
    );
    for header in [r#"{"alg":"none"}"#, "{}", "[1]", "{"] {
        let run = sign_with_key("EdDSA", &["--header", header]);
        assert_eq!(run.code, 1, "{header}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
}

#[test]
fn what_is_not_a_readable_private_key_is_bad_usage() {
    let block = |label: &str| format!("-----BEGIN {label}-----\nAAAA\n-----END {label}-----\n");
    for (name, contents, says) in [
        (
            "public.pem",
            keys::text("RS256.public.pem"),
            "this is a public key (PEM PUBLIC KEY): signing needs the private key",
        ),
        (
            "rsa.pem",
            block("RSA PRIVATE KEY"),
            "PEM block at line 1, DER byte 0: expected the RSA private key (SEQUENCE)",
        ),
        (
            "ec.pem",
            block("EC PRIVATE KEY"),
            "expected the EC private key (SEQUENCE)",
        ),
        (
            "enc.pem",
            block("ENCRYPTED PRIVATE KEY"),
            "is encrypted (PKCS#8 ENCRYPTED PRIVATE KEY): decrypt it first",
        ),
        (
            "enc1.pem",
            keys::text("RS256.pkcs1-encrypted.pem"),
            "block is encrypted (4,ENCRYPTED): decrypt it first",
        ),
        (
            "ssh.pem",
            block("OPENSSH PRIVATE KEY"),
            "this is an OpenSSH private key",
        ),
        (
            "private.jwk",
            r#"{"kty":"OKP","crv":"Ed25519","x":"AA","d":"AA"}"#.into(),
            "JWK: member 'd' has 1 bytes, but an Ed25519 key has exactly 32",
        ),
        (
            "junk.pem",
            block("PRIVATE KEY"),
            "expected the PKCS#8 private key (SEQUENCE)",
        ),
        (
            "words.txt",
            "hello".into(),
            "this is not a private key this inspector reads",
        ),
    ] {
        let file = temp_file(name, contents.as_bytes());
        let run = jwt(&["sign", "--key", arg(&file), "--payload", "{}"]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!(
                "--key {}: the private key cannot be read",
                arg(&file)
            )),
            "{name}: {}",
            run.stderr
        );
        assert!(run.stderr.contains(says), "{name}: {}", run.stderr);
        assert!(run.stdout.is_empty());
    }
    let der = temp_file("key.der", &[0x30, 0x82, 0x04, 0xbe, 0x02]);
    let run = jwt(&["sign", "--key", arg(&der), "--payload", "{}"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the private key cannot be read"),
        "{}",
        run.stderr
    );
    let missing = jwt(&["sign", "--key", "/nonexistent/key.pem", "--payload", "{}"]);
    assert_eq!(missing.code, 2);
}

/// Every private-key form of `fixtures/keys/private-forms.json` (PKCS#8, PKCS#1, SEC 1, JWK, a
/// one-key JWKS, base64 DER and a binary DER file) signs a token that verifies with the public key.
#[test]
fn every_private_key_form_signs() {
    let index: serde_json::Value =
        serde_json::from_str(&keys::text("private-forms.json")).expect("JSON");
    let mut signed = 0;
    for entry in index["algs"].as_array().expect("algs") {
        let alg = entry["alg"].as_str().expect("alg");
        let mut forms: Vec<(String, Vec<u8>)> = ["pkcs8", "pkcs1", "sec1", "jwk"]
            .iter()
            .filter_map(|f| entry[*f].as_str())
            .map(|file| (file.to_string(), keys::text(file).into_bytes()))
            .collect();
        let jwk = keys::text(entry["jwk"].as_str().expect("jwk"));
        forms.push((
            format!("{alg}.one-key.jwks"),
            format!(r#"{{"keys":[{jwk}]}}"#).into_bytes(),
        ));
        let pem = keys::text(entry["pkcs8"].as_str().expect("pkcs8"));
        let base64: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        let der = base64::engine::general_purpose::STANDARD
            .decode(&base64)
            .expect("the PEM's base64");
        forms.push((format!("{alg}.b64.der"), base64.into_bytes()));
        forms.push((format!("{alg}.der"), der));
        for (name, contents) in forms {
            let file = temp_file(&name, &contents);
            let run = jwt(&[
                "sign",
                "--key",
                arg(&file),
                "--alg",
                alg,
                "--payload",
                r#"{"sub":"alice"}"#,
            ]);
            assert_eq!(run.code, 0, "{name}: {}", run.stderr);
            let public = keys::path(entry["public_pem"].as_str().expect("public_pem"));
            let check = jwt(&[run.stdout.trim_end(), "--key", &public, "--json"]);
            assert_eq!(check.code, 0, "{name}: {}{}", check.stdout, check.stderr);
            let report: serde_json::Value = serde_json::from_str(&check.stdout).expect("JSON");
            assert_eq!(report["signature"]["verdict"], "valid", "{name}");
            signed += 1;
        }
    }
    // 10 algorithms × (PKCS#8, JWK, JWKS, base64 DER, DER) + 6 PKCS#1 + 3 SEC 1.
    assert_eq!(signed, 59);
}

#[test]
fn a_key_among_other_pem_blocks_is_found() {
    let bundle = format!(
        "{}\nsome comment\n{}\n",
        keys::text("ES256.cert.pem"),
        keys::text("ES256.private.pem")
    );
    let file = temp_file("bundle.pem", bundle.as_bytes());
    let run = jwt(&["sign", "--key", arg(&file), "--payload", "{}"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let check = jwt(&[
        run.stdout.trim_end(),
        "--key",
        &keys::path("ES256.cert.pem"),
    ]);
    assert_eq!(check.code, 0, "{}", check.stdout);
}

#[test]
fn a_key_excludes_secrets_and_auto_cannot_sign() {
    let key = keys::path("ES256.private.pem");
    let both = jwt(&["sign", "--key", &key, "--secret", SECRET, "--payload", "{}"]);
    assert_eq!(both.code, 2);
    assert!(
        both.stderr.contains("cannot be used with"),
        "{}",
        both.stderr
    );
    let auto = jwt(&[
        "sign",
        "--payload",
        "{}",
        "--secret",
        SECRET,
        "--encoding",
        "auto",
    ]);
    assert_eq!(auto.code, 2);
    assert!(auto.stderr.contains("--encoding auto"), "{}", auto.stderr);
}
