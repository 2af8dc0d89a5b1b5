//! Choosing the key: JWKS with decoys, a missing kid, several keys that fit, keys that do not
//! fit, and what the verdict says about each.

use jwt_core::{inspect_with, KeyInput, LintId, Options, Verdict};
use jwt_crypto::{PrivateKey, RustCrypto};
use serde_json::{json, Value};

use crate::fixtures::{entries, fixture};
use crate::{two_phase, NOW};

fn entry(alg: &str) -> Value {
    entries()
        .into_iter()
        .find(|e| e["alg"] == alg)
        .unwrap_or_else(|| panic!("{alg}"))
}

fn jwk(alg: &str) -> Value {
    serde_json::from_str(&fixture(entry(alg)["public_jwk"].as_str().unwrap())).unwrap()
}

fn private(alg: &str) -> PrivateKey {
    PrivateKey::from_pkcs8_pem(&fixture(entry(alg)["private_pem"].as_str().unwrap())).unwrap()
}

fn without(mut v: Value, member: &str) -> Value {
    v.as_object_mut().unwrap().remove(member);
    v
}

fn with(mut v: Value, member: &str, value: Value) -> Value {
    v.as_object_mut().unwrap().insert(member.into(), value);
    v
}

/// A token signed with `alg`'s fixture key, with or without a kid.
fn token(alg: &str, kid: Option<&str>) -> String {
    let header = match kid {
        Some(k) => format!(r#"{{"alg":"{alg}","kid":"{k}"}}"#),
        None => format!(r#"{{"alg":"{alg}"}}"#),
    };
    jwt_crypto::sign_token(&header, r#"{"sub":"1","exp":4102444800}"#, &private(alg)).unwrap()
}

fn jwks(keys: &[Value]) -> String {
    json!({ "keys": keys }).to_string()
}

#[test]
fn by_kid_among_decoys() {
    let set = jwks(&[
        with(jwk("RS384"), "kid", json!("a")),
        with(jwk("ES256"), "kid", json!("b")),
        with(jwk("RS256"), "kid", json!("k2")),
    ]);
    let check = two_phase(&token("RS256", Some("k2")), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::Valid, "{}", check.message);
    let key = check.key.unwrap();
    assert_eq!(key.kid.as_deref(), Some("k2"));
    assert_eq!(key.position, Some(3));
    assert_eq!(
        key.description,
        "JWKS with 3 keys: chose kid 'k2' (RS256, use sig)"
    );
    assert!(key.reason.contains("matches the token's"), "{}", key.reason);
}

#[test]
fn kid_not_found_lists_the_kids() {
    let set = jwks(&[
        with(jwk("RS256"), "kid", json!("old")),
        without(jwk("RS384"), "kid"),
    ]);
    let check = two_phase(
        &token("RS256", Some("new")),
        Some(KeyInput::PublicKey(&set)),
    );
    assert_eq!(check.verdict, Verdict::KidNotFound);
    assert!(
        check.message.contains("'new'") && check.message.contains("'old'"),
        "{}",
        check.message
    );
    assert!(
        check.message.contains("1 key without a kid"),
        "{}",
        check.message
    );
}

#[test]
fn several_keys_fit_and_the_verifying_one_is_named() {
    // No kid in the token; two RSA keys fit, the second verifies.
    let set = jwks(&[
        without(without(jwk("RS384"), "kid"), "alg"),
        without(jwk("ES256"), "kid"),
        without(without(jwk("RS256"), "kid"), "alg"),
    ]);
    let check = two_phase(&token("RS256", None), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::Valid, "{}", check.message);
    let key = check.key.as_ref().unwrap();
    assert_eq!(key.position, Some(3));
    assert!(check.message.contains("2 keys fit"), "{}", check.message);
    // With neither RSA key being the signer: none verifies, and the message says how many.
    let set = jwks(&[
        without(without(jwk("RS384"), "kid"), "alg"),
        without(without(jwk("PS256"), "kid"), "alg"),
    ]);
    let check = two_phase(&token("RS256", None), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::Invalid);
    assert!(
        check.message.contains("None of the 2 keys"),
        "{}",
        check.message
    );
}

#[test]
fn metadata_narrows_the_choice_without_a_kid() {
    // Two RSA keys; only one says alg RS256, so it alone is tried.
    let set = jwks(&[without(jwk("RS384"), "kid"), without(jwk("RS256"), "kid")]);
    let check = two_phase(&token("RS256", None), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::Valid);
    let key = check.key.unwrap();
    assert!(
        key.reason
            .contains("the only key in the JWKS that fits RS256"),
        "{}",
        key.reason
    );
    // A key whose use is 'enc' is used only when nothing else fits, and then flagged.
    let set = jwks(&[with(without(jwk("RS256"), "kid"), "use", json!("enc"))]);
    let t = token("RS256", None);
    let report = inspect_with(
        &t,
        Some(KeyInput::PublicKey(&set)),
        &Options::recommended(NOW),
        &RustCrypto,
    );
    assert_eq!(report.signature.verdict, Verdict::Valid);
    assert!(report
        .signature
        .key
        .as_ref()
        .unwrap()
        .reason
        .contains("'use'"));
    assert!(report
        .findings
        .iter()
        .any(|f| f.id == LintId::KeyUseMismatch));
}

#[test]
fn keys_that_do_not_fit() {
    for (token_alg, key_alg, words) in [
        ("ES256", "RS256", ["ES256", "P-256", "RSA"]),
        ("ES384", "ES256", ["ES384", "P-384", "P-256"]),
        ("RS256", "ES256", ["RS256", "an RSA key", "EC P-256"]),
        ("EdDSA", "ES256", ["EdDSA", "Ed25519", "EC P-256"]),
        ("PS256", "EdDSA", ["PS256", "RSA", "Ed25519"]),
    ] {
        let key = fixture(entry(key_alg)["public_pem"].as_str().unwrap());
        let check = two_phase(&token(token_alg, None), Some(KeyInput::PublicKey(&key)));
        assert_eq!(
            check.verdict,
            Verdict::KeyMismatch,
            "{token_alg} with {key_alg}"
        );
        for w in words {
            assert!(
                check.message.contains(w),
                "{token_alg}/{key_alg}: {w} in {}",
                check.message
            );
        }
    }
    // In a JWKS: the kid matches, but the key is of another type.
    let set = jwks(&[with(jwk("ES256"), "kid", json!("k"))]);
    let check = two_phase(&token("RS256", Some("k")), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::KeyMismatch);
    assert!(check.message.contains("kid 'k'"), "{}", check.message);
    // No key of the JWKS fits.
    let set = jwks(&[without(jwk("ES256"), "kid"), without(jwk("EdDSA"), "kid")]);
    let check = two_phase(&token("RS256", None), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::KeyMismatch);
    assert!(
        check
            .message
            .contains("None of the JWKS's 2 keys fits RS256"),
        "{}",
        check.message
    );
}

#[test]
fn single_key_with_another_kid_is_used_and_said() {
    let key = with(jwk("ES256"), "kid", json!("other"));
    let check = two_phase(
        &token("ES256", Some("mine")),
        Some(KeyInput::PublicKey(&key.to_string())),
    );
    assert_eq!(check.verdict, Verdict::Valid);
    let summary = check.key.unwrap();
    assert!(
        summary.reason.contains("differs from the token's 'mine'"),
        "{}",
        summary.reason
    );
}

#[test]
fn unreadable_and_unsupported_keys() {
    // The kid matches an entry that cannot be read: bad-key, naming the member.
    let set = jwks(&[with(without(jwk("RS256"), "n"), "kid", json!("k"))]);
    let check = two_phase(&token("RS256", Some("k")), Some(KeyInput::PublicKey(&set)));
    assert_eq!(check.verdict, Verdict::BadKey);
    assert!(
        check.message.contains("JWKS key 1: member 'n' is missing"),
        "{}",
        check.message
    );
    // EdDSA with an Ed448 key: recognised, not checked here.
    let ed448 = json!({"kty": "OKP", "crv": "Ed448", "x": jwt_core::b64url::encode(&[7u8; 57])});
    let check = two_phase(
        &token("EdDSA", None),
        Some(KeyInput::PublicKey(&ed448.to_string())),
    );
    assert_eq!(check.verdict, Verdict::UnsupportedAlg);
    assert!(check.message.contains("Ed448"), "{}", check.message);
    // A wrong-length RSA signature names the modulus length.
    let t = token("RS256", None);
    let (input, _) = t.rsplit_once('.').unwrap();
    let short = format!("{input}.{}", jwt_core::b64url::encode(&[1u8; 128]));
    let key = fixture(entry("RS256")["public_pem"].as_str().unwrap());
    let check = two_phase(&short, Some(KeyInput::PublicKey(&key)));
    assert_eq!(check.verdict, Verdict::WrongLength);
    assert!(
        check.message.contains("128 bytes") && check.message.contains("256 bytes"),
        "{}",
        check.message
    );
    // ES256 signatures are 64 bytes: a DER-encoded one is the wrong length.
    let t = token("ES256", None);
    let (input, _) = t.rsplit_once('.').unwrap();
    let der_like = format!("{input}.{}", jwt_core::b64url::encode(&[0x30u8; 70]));
    let check = two_phase(
        &der_like,
        Some(KeyInput::PublicKey(&jwk("ES256").to_string())),
    );
    assert_eq!(check.verdict, Verdict::WrongLength);
    assert!(check.message.contains("64 bytes"), "{}", check.message);
}
