//! The browser backend held to the native backend's answers: a sample of Wycheproof's RSA PKCS#1,
//! RSA-PSS, ECDSA (P1363) and Ed25519 vectors, valid and invalid, through the core's key reader
//! and the page's WebCrypto calls (`crates/jwt-crypto/tests` runs every vector natively).
#![cfg(target_arch = "wasm32")]

use jwt_core::verify::PublicAlg;
use jwt_inspector::webcrypto;
use serde_json::Value;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// At least this many valid and this many invalid tests per file.
const PER_KIND: usize = 12;

fn hex(text: &str) -> Vec<u8> {
    (0..text.len() / 2)
        .map(|i| u8::from_str_radix(&text[2 * i..2 * i + 2], 16).unwrap())
        .collect()
}

/// Runs a sample of one Wycheproof signature file through WebCrypto; returns how many valid and
/// invalid tests it ran.
async fn sample(file: &str, alg: PublicAlg) -> (usize, usize) {
    let subtle = web_sys::window().unwrap().crypto().unwrap().subtle();
    let vectors: Value = serde_json::from_str(file).unwrap();
    let (mut valid, mut invalid) = (0, 0);
    for group in vectors["testGroups"].as_array().unwrap() {
        let pem = group["publicKeyPem"].as_str().unwrap();
        let key = jwt_core::keys::read(pem).unwrap();
        let public = &key.entries[0].key.as_ref().unwrap().public;
        for test in group["tests"].as_array().unwrap() {
            let expected = match test["result"].as_str().unwrap() {
                "valid" if valid < PER_KIND => true,
                "invalid" if invalid < PER_KIND => false,
                _ => continue,
            };
            let got = webcrypto::verify_one(
                &subtle,
                alg,
                public,
                &hex(test["msg"].as_str().unwrap()),
                &hex(test["sig"].as_str().unwrap()),
            )
            .await
            .unwrap();
            assert_eq!(
                got,
                expected,
                "{} tcId {}: {}",
                alg.name(),
                test["tcId"],
                test["comment"]
            );
            if expected {
                valid += 1;
            } else {
                invalid += 1;
            }
        }
    }
    (valid, invalid)
}

/// Runs every file of one family and checks that at least ten valid and ten invalid tests ran.
async fn family(name: &str, files: &[(&str, PublicAlg)]) {
    let (mut valid, mut invalid) = (0, 0);
    for (file, alg) in files {
        let (v, i) = sample(file, *alg).await;
        valid += v;
        invalid += i;
    }
    assert!(
        valid >= 10 && invalid >= 10,
        "{name}: {valid} valid, {invalid} invalid"
    );
}

macro_rules! vectors {
    ($file:literal) => {
        include_str!(concat!(
            "../../shared/vectors/wycheproof/testvectors_v1/",
            $file
        ))
    };
}

#[wasm_bindgen_test]
async fn rsa_pkcs1_wycheproof_sample() {
    family(
        "RSASSA-PKCS1-v1_5",
        &[
            (
                vectors!("rsa_signature_2048_sha256_test.json"),
                PublicAlg::RS256,
            ),
            (
                vectors!("rsa_signature_3072_sha384_test.json"),
                PublicAlg::RS384,
            ),
            (
                vectors!("rsa_signature_4096_sha512_test.json"),
                PublicAlg::RS512,
            ),
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn rsa_pss_wycheproof_sample() {
    family(
        "RSA-PSS",
        &[
            (
                vectors!("rsa_pss_2048_sha256_mgf1_32_test.json"),
                PublicAlg::PS256,
            ),
            (
                vectors!("rsa_pss_2048_sha384_mgf1_48_test.json"),
                PublicAlg::PS384,
            ),
            (
                vectors!("rsa_pss_4096_sha512_mgf1_64_test.json"),
                PublicAlg::PS512,
            ),
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn ecdsa_wycheproof_sample() {
    family(
        "ECDSA",
        &[
            (
                vectors!("ecdsa_secp256r1_sha256_p1363_test.json"),
                PublicAlg::ES256,
            ),
            (
                vectors!("ecdsa_secp384r1_sha384_p1363_test.json"),
                PublicAlg::ES384,
            ),
            (
                vectors!("ecdsa_secp521r1_sha512_p1363_test.json"),
                PublicAlg::ES512,
            ),
        ],
    )
    .await;
}

#[wasm_bindgen_test]
async fn ed25519_wycheproof_sample() {
    family(
        "Ed25519",
        &[(vectors!("ed25519_test.json"), PublicAlg::EdDSA)],
    )
    .await;
}

/// A token signed natively (the committed fixtures, made with Python's `cryptography`) verifies
/// through the page's plan → WebCrypto → conclude, for every algorithm.
#[wasm_bindgen_test]
async fn fixture_tokens_verify_through_webcrypto() {
    for (alg, token, jwks) in [
        (
            "RS256",
            include_str!("../fixtures/keys/RS256.token"),
            include_str!("../fixtures/keys/RS256.jwks.json"),
        ),
        (
            "PS384",
            include_str!("../fixtures/keys/PS384.token"),
            include_str!("../fixtures/keys/PS384.jwks.json"),
        ),
        (
            "ES512",
            include_str!("../fixtures/keys/ES512.token"),
            include_str!("../fixtures/keys/ES512.jwks.json"),
        ),
        (
            "EdDSA",
            include_str!("../fixtures/keys/EdDSA.token"),
            include_str!("../fixtures/keys/EdDSA.jwks.json"),
        ),
    ] {
        let decoded = jwt_core::token::decode(token.trim());
        let jwt_core::verify::Plan::Verify(request) =
            jwt_core::verify::plan(&decoded, Some(jwt_core::verify::KeyInput::PublicKey(jwks)))
        else {
            panic!("{alg}: expected a verification request");
        };
        let verified = webcrypto::verify(&request).await.unwrap();
        assert_eq!(
            jwt_core::verify::conclude(&request, verified)
                .verdict
                .code(),
            "valid",
            "{alg}"
        );
        // One flipped bit in the signature never verifies.
        let mut bad = request.clone();
        bad.signature[0] ^= 1;
        assert_eq!(
            webcrypto::verify(&bad).await.unwrap(),
            None,
            "{alg} with a flipped bit"
        );
    }
}
