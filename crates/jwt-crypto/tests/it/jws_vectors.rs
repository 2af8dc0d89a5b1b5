//! Every RS/PS/ES case of Wycheproof's `json_web_signature_test.json`, through plan → RustCrypto →
//! conclude, with the group's public JWK pasted as the key.

use std::collections::BTreeMap;

use jwt_core::{inspect_with, KeyInput, LintId, Options, Verdict};
use jwt_crypto::RustCrypto;

use crate::{load_json, public_jwk, two_phase, NOW, WYCHEPROOF};

/// Cases the inspector deliberately reports differently from a validating library: the signature
/// is mathematically valid for the key, so the verdict is `valid`, and the `key-use-mismatch`
/// finding says that the key's own metadata forbids this use (a library refuses the token).
const LISTED: &[(u64, &str)] = &[
    (
        332,
        "RS256 token, key's JWK alg is PS512: valid + key-use-mismatch ('alg')",
    ),
    (
        334,
        "RS384 token, key's JWK alg is PS512: valid + key-use-mismatch ('alg')",
    ),
    (
        336,
        "RS512 token, key's JWK alg is PS512: valid + key-use-mismatch ('alg')",
    ),
    (
        338,
        "PS256 token, key's JWK alg is PS512: valid + key-use-mismatch ('alg')",
    ),
    (
        340,
        "PS384 token, key's JWK alg is PS512: valid + key-use-mismatch ('alg')",
    ),
    (
        353,
        "RSA key with use 'enc': valid + key-use-mismatch ('use')",
    ),
    (
        354,
        "EC key with use 'enc': valid + key-use-mismatch ('use')",
    ),
    (
        355,
        "RSA key with key_ops ['encrypt']: valid + key-use-mismatch ('key_ops')",
    ),
    (
        356,
        "EC key with key_ops ['encrypt']: valid + key-use-mismatch ('key_ops')",
    ),
];

/// Passed and listed cases of one family (the token's `alg` family: RS, PS, ES, or other).
#[derive(Debug, Default, Clone, Copy)]
struct Count {
    passed: usize,
    listed: usize,
}

fn family(alg: Option<&str>) -> &'static str {
    match alg.map(|a| a.get(..2).unwrap_or(a)) {
        Some("RS") => "RS",
        Some("PS") => "PS",
        Some("ES") => "ES",
        _ => "other (alg none, malformed)",
    }
}

#[test]
fn wycheproof_jws_public_key_cases() {
    let doc = load_json(&format!("{WYCHEPROOF}/json_web_signature_test.json"));
    let options = Options::recommended(NOW);
    let mut counts = BTreeMap::<&str, Count>::new();
    let mut listed_seen = Vec::new();
    let mut failures = Vec::new();
    let mut by_verdict = BTreeMap::<&str, usize>::new();
    for group in doc["testGroups"].as_array().expect("testGroups") {
        let Some(jwk) = group.get("public").or_else(|| group.get("private")) else {
            continue;
        };
        if jwk["kty"] == "oct" {
            // HMAC groups are jwt-core's own tests (vectors_wycheproof.rs).
            continue;
        }
        let key_text = public_jwk(jwk);
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let jws = test["jws"].as_str().expect("jws");
            let valid = test["result"] == "valid";
            let context = format!(
                "tcId {id} ({}, group {})",
                test["comment"], group["comment"]
            );
            let check = two_phase(jws, Some(KeyInput::PublicKey(&key_text)));
            *by_verdict.entry(check.verdict.code()).or_default() += 1;
            let count = counts.entry(family(check.alg.as_deref())).or_default();
            if let Some((_, reason)) = LISTED.iter().find(|l| l.0 == id) {
                listed_seen.push(id);
                count.listed += 1;
                assert!(!valid, "{context}: listed cases are labelled invalid");
                assert_eq!(check.verdict, Verdict::Valid, "{context}: {reason}");
                let report = inspect_with(
                    jws,
                    Some(KeyInput::PublicKey(&key_text)),
                    &options,
                    &RustCrypto,
                );
                assert!(
                    report
                        .findings
                        .iter()
                        .any(|f| f.id == LintId::KeyUseMismatch),
                    "{context}: {reason}"
                );
                continue;
            }
            let ok = if valid {
                check.verdict == Verdict::Valid
                    && check.key.as_ref().is_some_and(|k| k.form.code() == "jwk")
            } else {
                check.verdict != Verdict::Valid
            };
            if ok {
                count.passed += 1;
            } else {
                failures.push(format!(
                    "{context}: expected {}, got {}: {}",
                    test["result"],
                    check.verdict.code(),
                    check.message
                ));
            }
        }
    }
    println!("json_web_signature_test.json RS/PS/ES cases (passed/listed): {counts:?}; verdicts {by_verdict:?}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    let mut expected: Vec<u64> = LISTED.iter().map(|l| l.0).collect();
    expected.sort_unstable();
    listed_seen.sort_unstable();
    assert_eq!(listed_seen, expected, "every listed tcId was met");
    let total: usize = counts.values().map(|c| c.passed + c.listed).sum();
    assert_eq!(total, 361, "the README's 361 RS/PS/ES cases");
    for (fam, at_least) in [("RS", 230), ("PS", 60), ("ES", 35)] {
        let c = counts.get(fam).copied().unwrap_or_default();
        assert!(c.passed >= at_least, "{fam}: {c:?}");
    }
    assert!(
        by_verdict.get("valid").copied().unwrap_or(0) >= 40,
        "{by_verdict:?}"
    );
    assert!(
        by_verdict.get("invalid").copied().unwrap_or(0) >= 100,
        "{by_verdict:?}"
    );
}

/// `json_web_key_test.json` cases whose key set is public (RS/ES): the group's JWKS is pasted
/// and the key is chosen by the token's kid. Every case labelled `invalid` is either not `valid`
/// here, or listed: the signature is mathematically valid for the key, so the inspector says
/// `valid` and (where it has one) raises the finding that tells why a library refuses it.
const KEY_SET_LISTED: &[(u64, Option<LintId>, &str)] = &[
    (
        6,
        Some(LintId::KeyUseMismatch),
        "the key's use is 'enc' and its alg RSA1_5",
    ),
    (
        7,
        None,
        "the RSA key has the ROCA weakness (CVE-2017-15361), a property of how it was generated \
         that the inspector does not test for; the signature itself matches",
    ),
    (
        8,
        Some(LintId::WeakRsaKey),
        "a 1024-bit RSA key: the signature is still checked",
    ),
    (
        19,
        Some(LintId::KeyUseMismatch),
        "a P-256 key whose JWK alg says ES521",
    ),
    (
        20,
        Some(LintId::KeyUseMismatch),
        "a P-256 key whose JWK alg says ES224",
    ),
    (21, Some(LintId::KeyUseMismatch), "the key's use is 'enc'"),
];

#[test]
fn wycheproof_jwk_public_key_sets() {
    let doc = load_json(&format!("{WYCHEPROOF}/json_web_key_test.json"));
    let options = Options::recommended(NOW);
    let (mut judged, mut listed) = (0, Vec::new());
    for group in doc["testGroups"].as_array().expect("testGroups") {
        let Some(set) = group.get("public") else {
            // Secret key sets: jwt-core's own tests (vectors_wycheproof.rs).
            continue;
        };
        let set = set.to_string();
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let jws = test["jws"].as_str().expect("jws");
            let context = format!("json_web_key_test.json tcId {id} ({})", test["comment"]);
            let report = inspect_with(jws, Some(KeyInput::PublicKey(&set)), &options, &RustCrypto);
            let verdict = report.signature.verdict;
            if let Some((_, finding, reason)) = KEY_SET_LISTED.iter().find(|l| l.0 == id) {
                assert_eq!(test["result"], "invalid", "{context}");
                assert_eq!(verdict, Verdict::Valid, "{context}: {reason}");
                if let Some(f) = finding {
                    assert!(
                        report.findings.iter().any(|x| x.id == *f),
                        "{context}: {reason}"
                    );
                }
                listed.push(id);
                continue;
            }
            if test["result"] == "valid" {
                assert_eq!(
                    verdict,
                    Verdict::Valid,
                    "{context}: {}",
                    report.signature.message
                );
                let key = report.signature.key.as_ref().expect("key summary");
                assert_eq!(key.kid.as_deref(), Some("kid-rsa-sign"), "{context}");
            } else {
                assert_ne!(
                    verdict,
                    Verdict::Valid,
                    "{context}: {}",
                    report.signature.message
                );
            }
            judged += 1;
        }
    }
    println!(
        "json_web_key_test.json public key sets: {judged} judged by result, listed {listed:?}"
    );
    let mut expected: Vec<u64> = KEY_SET_LISTED.iter().map(|l| l.0).collect();
    expected.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, expected, "every listed tcId was met");
    assert_eq!(judged, 5, "tcId 5, 9, 22, 23, 24");
}
