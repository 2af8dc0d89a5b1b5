//! The committed key fixtures (`fixtures/keys`, made by `scripts/make-key-fixtures.py` with
//! Python's `cryptography`): every token verifies with its key as PEM, JWK, JWKS and (RS256,
//! ES256) certificate; native signing with each private key verifies; the findings fixtures
//! raise their findings.

use std::path::PathBuf;

use jwt_core::keys::KeyType;
use jwt_core::{inspect_with, KeyInput, LintId, Options, PublicAlg, SecretInput, Verdict};
use jwt_crypto::{PrivateKey, RustCrypto};
use serde_json::Value;

use crate::{two_phase, NOW};

/// `fixtures/keys` in the repository.
pub fn fixture(name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../fixtures/keys")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `index.json`.
pub fn index() -> Value {
    serde_json::from_str(&fixture("index.json")).expect("index.json is JSON")
}

/// Each algorithm's entry of `index.json`.
pub fn entries() -> Vec<Value> {
    index()["algs"].as_array().expect("algs").clone()
}

fn field(entry: &Value, name: &str) -> String {
    fixture(
        entry[name]
            .as_str()
            .unwrap_or_else(|| panic!("{name} in {entry}")),
    )
}

#[test]
fn every_fixture_token_verifies_in_every_key_form() {
    let entries = entries();
    assert_eq!(entries.len(), 10, "RS/PS 256/384/512, ES256/384/512, EdDSA");
    for entry in &entries {
        let alg = entry["alg"].as_str().expect("alg");
        let kid = entry["kid"].as_str().expect("kid");
        let token = field(entry, "token");
        let mut forms = vec![
            ("PEM", field(entry, "public_pem")),
            ("JWK", field(entry, "public_jwk")),
            ("JWKS", field(entry, "jwks")),
        ];
        if entry.get("certificate").is_some() {
            forms.push(("certificate", field(entry, "certificate")));
        }
        for (form, key) in &forms {
            let check = two_phase(token.trim(), Some(KeyInput::PublicKey(key)));
            assert_eq!(
                check.verdict,
                Verdict::Valid,
                "{alg} {form}: {}",
                check.message
            );
            let summary = check.key.as_ref().expect("key summary");
            let expected_type = match &alg[..2] {
                "RS" | "PS" => KeyType::Rsa,
                "ES" => KeyType::Ec,
                _ => KeyType::Okp,
            };
            assert_eq!(summary.key_type, expected_type, "{alg} {form}");
            match *form {
                "JWKS" => {
                    assert_eq!(summary.kid.as_deref(), Some(kid), "{alg}: chose the kid");
                    assert_eq!(summary.set_size, Some(3), "{alg}");
                    assert_eq!(summary.position, Some(2), "{alg}: the middle key");
                    assert!(
                        summary.description.starts_with(&format!(
                            "JWKS with 3 keys: chose kid '{kid}' ({alg}, use sig)"
                        )),
                        "{alg}: {}",
                        summary.description
                    );
                }
                "certificate" => {
                    let cert = summary.certificate.as_ref().expect("certificate");
                    assert_eq!(cert.common_name.as_deref(), Some("login.example.com"));
                    assert!(
                        summary
                            .description
                            .ends_with("key from a certificate for CN=login.example.com, valid until 2099-12-31"),
                        "{}",
                        summary.description
                    );
                }
                "PEM" => assert!(
                    summary.description.ends_with("public key (PEM, SPKI)"),
                    "{}",
                    summary.description
                ),
                _ => {}
            }
        }
    }
}

#[test]
fn native_signing_with_every_fixture_key_verifies() {
    for entry in entries() {
        let alg_name = entry["alg"].as_str().expect("alg");
        let alg = PublicAlg::from_name(alg_name).expect("a public alg");
        let private = PrivateKey::from_pkcs8_pem(&field(&entry, "private_pem"))
            .unwrap_or_else(|e| panic!("{alg_name}: {e}"));
        let public = field(&entry, "public_pem");
        // The private key's public half is the published key.
        let read = jwt_core::keys::read(&public).expect("public PEM");
        assert_eq!(
            read.keys().next().map(|k| &k.public),
            Some(&private.public_key())
        );
        let header = format!(
            r#"{{"alg":"{alg_name}","kid":"{}"}}"#,
            entry["kid"].as_str().unwrap()
        );
        let token = jwt_crypto::sign_token(&header, r#"{"sub":"native"}"#, &private)
            .unwrap_or_else(|e| panic!("{alg_name}: {e}"));
        let check = two_phase(&token, Some(KeyInput::PublicKey(&public)));
        assert_eq!(
            check.verdict,
            Verdict::Valid,
            "{alg_name}: {}",
            check.message
        );
        // Signing with the wrong algorithm for the key is refused with words.
        let wrong = if alg.family() == jwt_core::verify::Family::Ecdsa {
            PublicAlg::RS256
        } else {
            PublicAlg::ES256
        };
        let e = jwt_crypto::sign(wrong, &private, b"x").unwrap_err();
        assert!(e.to_string().contains("cannot sign"), "{e}");
    }
}

#[test]
fn wrong_keys_and_misfits() {
    let by_alg = |alg: &str| {
        entries()
            .into_iter()
            .find(|e| e["alg"] == alg)
            .unwrap_or_else(|| panic!("{alg}"))
    };
    let rs256 = by_alg("RS256");
    let rs384 = by_alg("RS384");
    let es256 = by_alg("ES256");
    let es384 = by_alg("ES384");
    // Another RSA key: invalid.
    let check = two_phase(
        field(&rs256, "token").trim(),
        Some(KeyInput::PublicKey(&field(&rs384, "public_pem"))),
    );
    assert_eq!(check.verdict, Verdict::Invalid, "{}", check.message);
    // A P-256 key for an ES384 token: key-mismatch, in words.
    let check = two_phase(
        field(&es384, "token").trim(),
        Some(KeyInput::PublicKey(&field(&es256, "public_pem"))),
    );
    assert_eq!(check.verdict, Verdict::KeyMismatch);
    assert!(
        check.message.contains("ES384")
            && check.message.contains("P-384")
            && check.message.contains("P-256"),
        "{}",
        check.message
    );
    // The JWKS of another algorithm has no key with this kid.
    let check = two_phase(
        field(&rs256, "token").trim(),
        Some(KeyInput::PublicKey(&field(&rs384, "jwks"))),
    );
    assert_eq!(check.verdict, Verdict::KidNotFound);
    assert!(check.message.contains("'rs256-key-1'"), "{}", check.message);
    assert!(
        check.message.contains("'rs384-key-1'"),
        "lists the kids: {}",
        check.message
    );
    // A private key where the public key belongs is refused.
    let check = two_phase(
        field(&rs256, "token").trim(),
        Some(KeyInput::PublicKey(&field(&rs256, "private_pem"))),
    );
    assert_eq!(check.verdict, Verdict::BadKey);
    assert!(check.message.contains("private key"), "{}", check.message);
}

#[test]
fn findings_fixtures() {
    let index = index();
    let options = Options::recommended(NOW);
    let report = |token: &str, key: Option<KeyInput<'_>>| {
        inspect_with(token.trim(), key, &options, &RustCrypto)
    };
    let ids = |r: &jwt_core::Report| r.findings.iter().map(|f| f.id).collect::<Vec<_>>();

    // weak-rsa-key: a 1024-bit key; the signature is still checked.
    let weak = &index["weak_rsa_1024"];
    let r = report(
        &field(weak, "token"),
        Some(KeyInput::PublicKey(&field(weak, "public_pem"))),
    );
    assert_eq!(r.signature.verdict, Verdict::Valid);
    assert!(ids(&r).contains(&LintId::WeakRsaKey), "{:?}", ids(&r));
    // ...and not for a 2048-bit key.
    let rs256 = &entries()[0];
    let r = report(
        &field(rs256, "token"),
        Some(KeyInput::PublicKey(&field(rs256, "public_pem"))),
    );
    assert_eq!(r.signature.verdict, Verdict::Valid);
    assert!(!ids(&r).contains(&LintId::WeakRsaKey));
    assert!(!ids(&r).contains(&LintId::KeyUseMismatch));

    // token-supplied-key: never used unless asked; then it verifies, with words and a finding.
    let own = &index["token_with_own_jwk"];
    let token = field(own, "token");
    let r = report(&token, None);
    assert_eq!(r.signature.verdict, Verdict::NoKey);
    assert!(ids(&r).contains(&LintId::HeaderJwk));
    assert!(!ids(&r).contains(&LintId::TokenSuppliedKey));
    let r = report(&token, Some(KeyInput::TokenKey));
    assert_eq!(
        r.signature.verdict,
        Verdict::Valid,
        "{}",
        r.signature.message
    );
    assert!(
        r.signature.message.contains("self-consistent"),
        "{}",
        r.signature.message
    );
    assert!(ids(&r).contains(&LintId::TokenSuppliedKey), "{:?}", ids(&r));
    assert_eq!(r.findings[0].severity, jwt_core::Severity::Danger);
    // Another key does not verify it.
    let r = report(
        &token,
        Some(KeyInput::PublicKey(&field(&entries()[6], "public_pem"))),
    );
    assert_eq!(r.signature.verdict, Verdict::Invalid);
    assert!(!ids(&r).contains(&LintId::TokenSuppliedKey));

    // alg-confusion: an HS256 token whose secret is the RS256 public key's PEM text.
    let confusion = &index["alg_confusion"];
    let token = field(confusion, "token");
    let pem = fixture(confusion["secret"].as_str().unwrap());
    let secret = SecretInput::utf8(pem.clone());
    let r = report(&token, Some(KeyInput::Secret(&secret)));
    assert_eq!(r.signature.verdict, Verdict::Valid);
    assert!(ids(&r).contains(&LintId::AlgConfusion), "{:?}", ids(&r));
    let r = report(&token, Some(KeyInput::PublicKey(&pem)));
    assert_eq!(r.signature.verdict, Verdict::Valid);
    assert!(
        r.signature.message.contains("key-confusion"),
        "{}",
        r.signature.message
    );
    assert!(ids(&r).contains(&LintId::AlgConfusion));
    // A random secret raises no alg-confusion.
    let r = report(
        &token,
        Some(KeyInput::Secret(&SecretInput::utf8(
            "k3J8s9dQ2mX7vB4nL1pZ6wR0tY5uH8eG",
        ))),
    );
    assert_eq!(r.signature.verdict, Verdict::Invalid);
    assert!(!ids(&r).contains(&LintId::AlgConfusion));
}
