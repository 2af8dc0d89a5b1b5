//! Wycheproof's raw signature files (RSASSA-PKCS1-v1_5, RSASSA-PSS, ECDSA P1363, Ed25519): each
//! group's key is read by the core from DER (as bare base64), PEM and JWK, which must give the
//! same key; then every test's signature is judged by the core's length rule and the backend.

use std::collections::BTreeMap;

use jwt_core::keys::{self, Key, KeyForm};
use jwt_core::PublicAlg;
use serde_json::Value;

use crate::{base64, hex, load_json, WYCHEPROOF};

/// The key of a group in its three forms, read by the core; they must agree.
fn group_key(file: &str, group: &Value, context: &str) -> Key {
    let der = hex(group["publicKeyDer"].as_str().expect("publicKeyDer"));
    let pem = group["publicKeyPem"].as_str().expect("publicKeyPem");
    // A few ECDSA edge-case groups give no JWK; one is built from the group's uncompressed
    // point (`publicKey.uncompressed`), which the file gives separately from the DER.
    let jwk = group
        .get("publicKeyJwk")
        .or_else(|| group.get("keyJwk"))
        .cloned()
        .unwrap_or_else(|| jwk_from_point(group, &format!("{file} {context}")));
    let read = |text: &str, form: &str| -> Key {
        let set = keys::read(text).unwrap_or_else(|e| panic!("{file} {context}: {form}: {e}"));
        assert_eq!(set.entries.len(), 1, "{file} {context}: {form}: one key");
        set.entries[0]
            .key
            .clone()
            .unwrap_or_else(|e| panic!("{file} {context}: {form}: {e}"))
    };
    let from_der = read(&base64(&der), "base64 DER");
    let from_pem = read(pem, "PEM");
    let from_jwk = read(&jwk.to_string(), "JWK");
    assert_eq!(from_der.form, KeyForm::DerSpki, "{file} {context}");
    assert_eq!(from_pem.form, KeyForm::PemSpki, "{file} {context}");
    assert_eq!(from_jwk.form, KeyForm::Jwk, "{file} {context}");
    assert_eq!(
        from_der.public, from_pem.public,
        "{file} {context}: DER = PEM"
    );
    assert_eq!(
        from_der.public, from_jwk.public,
        "{file} {context}: DER = JWK"
    );
    // The minimal JWK the browser imports reads back to the same key.
    assert_eq!(
        read(&from_der.public.to_jwk(), "to_jwk").public,
        from_der.public,
        "{file} {context}: to_jwk round trip"
    );
    from_pem
}

fn jwk_from_point(group: &Value, context: &str) -> Value {
    use base64::Engine as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    let point = hex(group["publicKey"]["uncompressed"]
        .as_str()
        .unwrap_or_else(|| panic!("{context}: no JWK and no uncompressed point")));
    let crv = match group["publicKey"]["curve"].as_str() {
        Some("secp256r1") => "P-256",
        Some("secp384r1") => "P-384",
        Some("secp521r1") => "P-521",
        other => panic!("{context}: curve {other:?}"),
    };
    let n = (point.len() - 1) / 2;
    serde_json::json!({"kty": "EC", "crv": crv, "x": b64(&point[1..=n]), "y": b64(&point[1 + n..])})
}

/// What one file gave: tests judged valid/invalid by result, acceptable ones by either.
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    valid: usize,
    invalid: usize,
    acceptable_accepted: usize,
    acceptable_refused: usize,
}

fn run_file(file: &str, alg: PublicAlg) -> Count {
    let doc = load_json(&format!("{WYCHEPROOF}/{file}"));
    let mut count = Count::default();
    let mut failures = Vec::new();
    for (g, group) in doc["testGroups"]
        .as_array()
        .expect("testGroups")
        .iter()
        .enumerate()
    {
        let key = group_key(file, group, &format!("group {g}"));
        assert!(
            alg.fits(&key.public).is_ok(),
            "{file} group {g}: the key fits {}",
            alg.name()
        );
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let msg = hex(test["msg"].as_str().expect("msg"));
            let sig = hex(test["sig"].as_str().expect("sig"));
            // The core's length rule (wrong-length) comes before the backend.
            let length_ok = match alg.fixed_signature_len() {
                Some(len) => sig.len() == len,
                None => key.public.modulus_len() == Some(sig.len()),
            };
            let verified = length_ok && jwt_crypto::verify(alg, &key.public, &msg, &sig);
            match test["result"].as_str() {
                Some("valid") if verified => count.valid += 1,
                Some("invalid") if !verified => count.invalid += 1,
                Some("acceptable") if verified => count.acceptable_accepted += 1,
                Some("acceptable") => count.acceptable_refused += 1,
                other => failures.push(format!(
                    "{file} tcId {id} ({}, flags {}): expected {other:?}, verified {verified} (length ok {length_ok})",
                    test["comment"], test["flags"]
                )),
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let declared = doc["numberOfTests"].as_u64().expect("numberOfTests") as usize;
    let total = count.valid + count.invalid + count.acceptable_accepted + count.acceptable_refused;
    assert_eq!(total, declared, "{file}: every declared test was run");
    println!("{file} ({}): {count:?}", alg.name());
    count
}

#[test]
fn wycheproof_rsa_pkcs1_v1_5() {
    let mut total = BTreeMap::new();
    for (file, alg) in [
        ("rsa_signature_2048_sha256_test.json", PublicAlg::RS256),
        ("rsa_signature_3072_sha384_test.json", PublicAlg::RS384),
        ("rsa_signature_4096_sha512_test.json", PublicAlg::RS512),
    ] {
        let c = run_file(file, alg);
        assert!(c.valid >= 7 && c.invalid >= 249, "{file}: {c:?}");
        total.insert(file, c);
    }
}

#[test]
fn wycheproof_rsa_pss() {
    for (file, alg, valid) in [
        (
            "rsa_pss_2048_sha256_mgf1_32_test.json",
            PublicAlg::PS256,
            63,
        ),
        (
            "rsa_pss_2048_sha384_mgf1_48_test.json",
            PublicAlg::PS384,
            95,
        ),
        (
            "rsa_pss_4096_sha512_mgf1_64_test.json",
            PublicAlg::PS512,
            132,
        ),
    ] {
        let c = run_file(file, alg);
        assert_eq!(c.valid, valid, "{file}: {c:?}");
    }
}

#[test]
fn wycheproof_ecdsa_p1363() {
    for (file, alg, valid) in [
        (
            "ecdsa_secp256r1_sha256_p1363_test.json",
            PublicAlg::ES256,
            173,
        ),
        (
            "ecdsa_secp384r1_sha384_p1363_test.json",
            PublicAlg::ES384,
            193,
        ),
        (
            "ecdsa_secp521r1_sha512_p1363_test.json",
            PublicAlg::ES512,
            231,
        ),
    ] {
        let c = run_file(file, alg);
        assert_eq!(c.valid, valid, "{file}: {c:?}");
    }
}

#[test]
fn wycheproof_ed25519() {
    let c = run_file("ed25519_test.json", PublicAlg::EdDSA);
    assert_eq!(c.valid, 88, "{c:?}");
    // The fully specified name verifies the same way.
    let c2 = run_file("ed25519_test.json", PublicAlg::Ed25519);
    assert_eq!(c2.valid, 88, "{c2:?}");
}
