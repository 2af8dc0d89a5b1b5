//! `--key` and `--token-key`: verification with a public key in every form the core reads, the
//! key chosen from a JWKS, and the verdicts that exit 3.

use serde_json::Value;

use crate::support::{arg, jwt, temp_file, Run};
use crate::tokens::keys::{algs, path, text};
use crate::tokens::{self, AT_ARG, SECRET};

/// Inspects the fixture token `token` with `--key` set to the fixture `key`.
fn verify(token: &str, key: &str) -> Run {
    jwt(&[&text(token), "--key", &path(key), "--at", AT_ARG])
}

/// The same, as the report JSON.
fn verify_json(token: &str, key: &str) -> (i32, Value) {
    let run = jwt(&[&text(token), "--key", &path(key), "--at", AT_ARG, "--json"]);
    (run.code, serde_json::from_str(&run.stdout).expect("JSON"))
}

fn assert_has(run: &Run, needles: &[&str]) {
    for needle in needles {
        assert!(
            run.stdout.contains(needle),
            "no {needle:?} in:\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_pem_public_key_verifies() {
    let run = verify("RS256.token", "RS256.public.pem");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  Signature verified (valid)\n",
            "  key      RSA 2048-bit, PEM, SPKI\n",
            "  chosen   the only key given\n",
            &format!("  file     {}\n", path("RS256.public.pem")),
            "Result: OK: decoded, signature verified, active at 2023-11-14T22:13:20Z (exit 0)",
        ],
    );
}

#[test]
fn a_certificate_verifies_and_shows_its_names_and_dates() {
    for alg in ["RS256", "ES256"] {
        let run = verify(&format!("{alg}.token"), &format!("{alg}.cert.pem"));
        assert_eq!(run.code, 0, "{}", run.stdout);
        assert_has(
            &run,
            &[
                ", PEM certificate\n",
                "  subject  CN=login.example.com, O=Example Login\n",
                "  issuer   CN=login.example.com, O=Example Login\n",
                "  valid    2024-01-01T00:00:00Z to 2099-12-31T23:59:59Z (no chain or trust checked)\n",
            ],
        );
    }
}

#[test]
fn a_jwk_verifies_and_shows_its_metadata() {
    let run = verify("EdDSA.token", "EdDSA.public.jwk");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  key      Ed25519, JWK (kid 'eddsa-key-1', alg EdDSA, use sig)\n",
            "  chosen   the only key given; its kid 'eddsa-key-1' matches the token's\n",
        ],
    );
}

#[test]
fn every_alg_verifies_with_its_pem_jwk_and_jwks() {
    for (alg, kid) in algs() {
        let token = format!("{alg}.token");
        for key in ["public.pem", "public.jwk", "jwks.json"] {
            let (code, report) = verify_json(&token, &format!("{alg}.{key}"));
            assert_eq!(code, 0, "{alg} {key}: {report}");
            assert_eq!(report["signature"]["verdict"], "valid", "{alg} {key}");
            if key != "public.pem" {
                assert_eq!(
                    report["signature"]["key"]["kid"],
                    kid.as_str(),
                    "{alg} {key}"
                );
            }
        }
    }
}

#[test]
fn a_jwks_picks_the_tokens_kid_among_decoys() {
    let run = verify("RS256.token", "RS256.jwks.json");
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  key      RSA 2048-bit, key 2 of 3 in the JWKS (kid 'rs256-key-1', alg RS256, use sig)\n",
            "  chosen   its kid 'rs256-key-1' matches the token's\n",
        ],
    );
    let (_, report) = verify_json("RS256.token", "RS256.jwks.json");
    let key = &report["signature"]["key"];
    assert_eq!(key["position"], 2);
    assert_eq!(key["set_size"], 3);
}

#[test]
fn a_token_without_kid_tries_the_keys_that_fit() {
    let signed = jwt(&[
        "sign",
        "--key",
        &path("ES256.private.pem"),
        "--payload",
        r#"{"sub":"alice"}"#,
    ]);
    assert_eq!(signed.code, 0, "{}", signed.stderr);
    let run = jwt(&[
        signed.stdout.trim_end(),
        "--key",
        &path("ES256.jwks.json"),
        "--at",
        AT_ARG,
    ]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "(2 keys fit; this one verified.)",
            "  key      EC P-256, key 2 of 3 in the JWKS (kid 'es256-key-1', alg ES256, use sig)\n",
            "  chosen   the token has no kid, and 2 keys in the JWKS fit ES256; each is tried in\n           order\n",
        ],
    );
}

#[test]
fn a_kid_the_jwks_lacks_exits_three() {
    let run = verify("RS256.token", "RS384.jwks.json");
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  No key with the token's kid (kid-not-found)\n",
            "The token's kid is 'rs256-key-1', and the JWKS has no key with that kid",
            "Result: Signature not verified: kid-not-found (exit 3)",
        ],
    );
}

#[test]
fn a_key_of_another_type_exits_three() {
    let run = verify("RS256.token", "ES256.public.pem");
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "(key-mismatch)",
            "RS256, which needs an RSA key, but the",
            "Result: Signature not verified: key-mismatch (exit 3)",
        ],
    );
}

#[test]
fn another_key_of_the_right_type_is_invalid() {
    let run = verify("RS256.token", "RS384.public.pem");
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  Invalid signature (invalid)\n",
            "  key      RSA 2048-bit, PEM, SPKI\n",
            "Result: Signature not verified: invalid (exit 3)",
        ],
    );
}

#[test]
fn a_bad_key_file_is_named_with_the_place_at_fault() {
    let pem = temp_file(
        "broken.pem",
        b"-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAyCp9\nWn46BF1M!!bJlCs\n-----END PUBLIC KEY-----\n",
    );
    let jwks = temp_file(
        "broken.jwks.json",
        br#"{"keys":[{"kty":"RSA","kid":"rs256-key-1","n":"AQAB"}]}"#,
    );
    for (file, place) in [
        (
            pem,
            "The key cannot be read: PEM line 3: character 9 ('!') is not base64.",
        ),
        (
            jwks,
            "The key cannot be read: JWKS key 1: member 'e' is missing.",
        ),
    ] {
        let run = jwt(&[&text("RS256.token"), "--key", arg(&file), "--at", AT_ARG]);
        assert_eq!(run.code, 3, "{}", run.stdout);
        assert_has(
            &run,
            &[
                "  The key cannot be read (bad-key)\n",
                place,
                &format!("  file     {}\n", arg(&file)),
                "Result: Signature not verified: bad-key (exit 3)",
            ],
        );
    }
}

#[test]
fn a_private_key_is_refused_for_verifying() {
    let run = verify("ES256.token", "ES256.private.pem");
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(&run, &["(bad-key)", "PEM line 1: this is a private key"]);
    assert!(!run.stdout.contains("BEGIN PRIVATE KEY"), "{}", run.stdout);
}

#[test]
fn a_der_file_is_read() {
    let pem = text("ES384.public.pem");
    let body: String = pem
        .lines()
        .filter(|l| !l.starts_with("-----"))
        .collect::<String>()
        .replace('+', "-")
        .replace('/', "_")
        .replace('=', "");
    let der = jwt_core::b64url::decode(&body).expect("base64").bytes;
    let file = temp_file("ES384.public.der", &der);
    let run = jwt(&[&text("ES384.token"), "--key", arg(&file), "--at", AT_ARG]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(&run, &["  key      EC P-384, base64 DER, SPKI\n"]);
}

#[test]
fn without_a_key_a_public_key_token_is_described_not_failed() {
    let run = jwt(&[&text("ES512.token"), "--at", AT_ARG]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "(no-key)",
            "OK: decoded, signature not checked (no-key), active at",
        ],
    );
    let secret = jwt(&[&text("ES512.token"), "--secret", SECRET, "--at", AT_ARG]);
    assert_eq!(
        secret.code, 3,
        "a secret cannot verify ES512: {}",
        secret.stdout
    );
}

#[test]
fn the_tokens_own_key_proves_only_self_consistency() {
    let token = text("ES256.token-with-jwk");
    let run = jwt(&[&token, "--token-key", "--at", AT_ARG]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  Self-consistent: matches the token's own key (valid)\n",
            "This proves only that the token is self-consistent",
            "  key      EC P-256, the token's own 'jwk' header (use sig)\n",
            "[token-supplied-key]",
            "signature matches the token's own key (self-consistency only)",
        ],
    );
    let json = jwt(&[&token, "--token-key", "--at", AT_ARG, "--json"]);
    let report: Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(report["signature"]["key"]["from_token"], true);
    let ids: Vec<&str> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(ids.contains(&"token-supplied-key"), "{ids:?}");
    let strict = jwt(&[&token, "--token-key", "--at", AT_ARG, "--fail-on", "danger"]);
    assert_eq!(strict.code, 5, "the finding is a danger");
    let without = jwt(&[&token, "--at", AT_ARG]);
    assert_eq!(without.code, 0, "not asked: {}", without.stdout);
    assert!(!without.stdout.contains("Self-consistent"));
}

#[test]
fn a_token_without_its_own_key_fails_token_key() {
    let run = jwt(&[&text("RS256.token"), "--token-key", "--at", AT_ARG]);
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(&run, &["(no-key)", "The token carries no key of its own"]);
}

#[test]
fn key_confusion_is_not_a_verification() {
    let run = verify("alg-confusion.HS256.token", "RS256.public.pem");
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "  Key confusion: the MAC is made with the public key's text (valid)\n",
            "[alg-confusion]",
            "Result: Signature not verified: the MAC is made with the public key's text as the secret (key confusion) (exit 3)",
        ],
    );
    let (code, report) = verify_json("alg-confusion.HS256.token", "RS256.public.pem");
    assert_eq!(code, 3);
    assert_eq!(
        report["signature"]["verdict"], "valid",
        "the core's verdict is kept"
    );
}

#[test]
fn an_hmac_token_with_a_public_key_is_a_mismatch() {
    let run = jwt(&[
        &tokens::valid(),
        "--key",
        &path("RS256.public.pem"),
        "--at",
        AT_ARG,
    ]);
    assert_eq!(run.code, 3, "{}", run.stdout);
    assert_has(
        &run,
        &[
            "(key-mismatch)",
            "HS256, a shared-secret HMAC, and a public key",
        ],
    );
}

#[test]
fn keys_and_secrets_exclude_each_other() {
    let key = path("RS256.public.pem");
    let token = tokens::valid();
    for extra in [
        vec!["--secret", SECRET],
        vec!["--secret-env", "S"],
        vec!["--encoding", "hex"],
        vec!["--token-key"],
    ] {
        let mut args = vec![token.as_str(), "--key", &key];
        args.extend(&extra);
        let run = jwt(&args);
        assert_eq!(run.code, 2, "{extra:?}: {}", run.stdout);
        assert!(run.stderr.contains("cannot be used with"), "{}", run.stderr);
    }
    let run = jwt(&[&token, "--token-key", "--secret", SECRET]);
    assert_eq!(run.code, 2);
}

#[test]
fn a_missing_key_file_is_bad_usage() {
    let run = jwt(&[&text("RS256.token"), "--key", "/nonexistent/key.pem"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .starts_with("error: cannot read the key /nonexistent/key.pem: "),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}
