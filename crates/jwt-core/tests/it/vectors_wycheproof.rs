//! Project Wycheproof vectors (`shared/vectors/wycheproof/testvectors_v1`): the raw HMAC
//! `MacTest` files through [`HmacAlg`], and the HMAC cases of the JWS file through
//! [`jwt_core::inspect`].

use jwt_core::b64url::Noncanonical;
use jwt_core::input::Cleanup;
use jwt_core::{
    inspect, HmacAlg, LintId, Options, SecretEncoding, SecretInput, SegmentName, StructureKind,
    Verdict,
};
use serde_json::Value;

use crate::{hex_decode, load_json, NOW};

const DIR: &str = "wycheproof/testvectors_v1";

fn result_is_valid(test: &Value, context: &str) -> bool {
    match test["result"].as_str() {
        Some("valid") => true,
        Some("invalid") => false,
        other => panic!("{context}: unexpected result {other:?} (only valid/invalid are handled)"),
    }
}

/// Counts from one `hmac_sha*_test.json` file.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct MacCounts {
    full: usize,
    full_valid: usize,
    truncated: usize,
    truncated_valid: usize,
}

/// Runs every case of one MacTest file.
///
/// Full-length tags go through [`HmacAlg::verify`]. Truncated tags (groups whose `tagSize` is
/// half the hash) are checked by comparing a prefix of [`HmacAlg::mac`], and `verify` must
/// reject them all, valid or not: a JWS HS256/384/512 signature is always the whole MAC
/// (RFC 7518 §3.2), and accepting a prefix would let a forger succeed against a shorter tag
/// (a 1-byte "signature" would verify one time in 256). The core relies on this twice: `check`
/// answers WrongLength before verifying, and `verify` itself refuses any other length.
fn run_mac_file(file: &str, alg: HmacAlg, algorithm_name: &str) -> MacCounts {
    let doc = load_json(&format!("{DIR}/{file}"));
    assert_eq!(doc["algorithm"], algorithm_name, "{file}: algorithm");
    let full_bits = alg.output_len() * 8;
    let mut counts = MacCounts::default();
    let groups = doc["testGroups"].as_array().expect("testGroups");
    for group in groups {
        let tag_bits = group["tagSize"].as_u64().expect("tagSize") as usize;
        let key_bits = group["keySize"].as_u64().expect("keySize") as usize;
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let context = format!("{file} tcId {id} ({})", test["comment"]);
            let key = hex_decode(test["key"].as_str().expect("key"));
            let msg = hex_decode(test["msg"].as_str().expect("msg"));
            let tag = hex_decode(test["tag"].as_str().expect("tag"));
            let valid = result_is_valid(test, &context);
            assert_eq!(key.len() * 8, key_bits, "{context}: key size");
            assert_eq!(tag.len() * 8, tag_bits, "{context}: tag size");
            let mac = alg.mac(&key, &msg);
            assert_eq!(mac.len(), alg.output_len(), "{context}: MAC length");
            if tag_bits == full_bits {
                assert_eq!(alg.verify(&key, &msg, &tag), valid, "{context}: verify");
                assert_eq!(mac == tag, valid, "{context}: mac equals tag");
                counts.full += 1;
                counts.full_valid += usize::from(valid);
            } else {
                assert!(tag_bits < full_bits, "{context}: tag longer than the hash");
                assert_eq!(
                    mac[..tag.len()] == tag[..],
                    valid,
                    "{context}: truncated mac"
                );
                assert!(
                    !alg.verify(&key, &msg, &tag),
                    "{context}: verify must refuse a truncated tag (JWS MACs are full length)"
                );
                counts.truncated += 1;
                counts.truncated_valid += usize::from(valid);
            }
        }
    }
    let declared = doc["numberOfTests"].as_u64().expect("numberOfTests") as usize;
    assert_eq!(
        counts.full + counts.truncated,
        declared,
        "{file}: every declared test was run"
    );
    println!("{file}: {counts:?}");
    counts
}

#[test]
fn wycheproof_hmac_sha256() {
    let c = run_mac_file("hmac_sha256_test.json", HmacAlg::HS256, "HMACSHA256");
    assert!(c.full >= 87 && c.truncated >= 87, "{c:?}");
    assert!(c.full_valid >= 33 && c.truncated_valid >= 33, "{c:?}");
}

#[test]
fn wycheproof_hmac_sha384() {
    let c = run_mac_file("hmac_sha384_test.json", HmacAlg::HS384, "HMACSHA384");
    assert!(c.full >= 87 && c.truncated >= 87, "{c:?}");
    assert!(c.full_valid >= 33 && c.truncated_valid >= 33, "{c:?}");
}

#[test]
fn wycheproof_hmac_sha512() {
    let c = run_mac_file("hmac_sha512_test.json", HmacAlg::HS512, "HMACSHA512");
    assert!(c.full >= 87 && c.truncated >= 87, "{c:?}");
    assert!(c.full_valid >= 33 && c.truncated_valid >= 33, "{c:?}");
}

/// How a listed JWS case is handled instead of by its `result`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Listed {
    /// Known data problem (wycheproof README): labelled `invalid`, but the token is byte for
    /// byte the `valid` tcId 357 (C2SP/wycheproof issue #236). A correct verifier says Valid.
    SameAsValid357,
    /// Known data problem: labelled `valid`, but a `?` was inserted into a segment; under strict
    /// base64url it cannot verify. The core reports a base64url structure error.
    LenientDecoderOnly(SegmentName),
    /// Not a compact token (JWS JSON serialization); the compact-only core must reject it cleanly.
    JsonSerialization,
    /// The core deliberately differs from Wycheproof's `invalid`; see the reason in the table.
    CoreDivergence,
}

/// Every JWS HMAC case not judged by its `result` alone, with the reason.
const LISTED: &[(u64, Listed, &str)] = &[
    (
        17,
        Listed::JsonSerialization,
        "jws holds a JWS JSON serialization ({\"payload\":...}); the core reads compact tokens \
         only and reports a wrong segment count (never Valid)",
    ),
    (
        360,
        Listed::CoreDivergence,
        "rejectsSpacesInMac: the core's paste clean-up removes whitespace inside a token (for \
         wrapped tokens) and records Cleanup::InnerWhitespace, so the signature verifies: Valid. \
         Wycheproof expects a verifier to reject the spaces",
    ),
    (
        367,
        Listed::SameAsValid357,
        "invalidBase64Padding: known data problem, the padding was lost and the token equals \
         tcId 357 (valid); C2SP/wycheproof#236",
    ),
    (
        370,
        Listed::SameAsValid357,
        "invalidBase64PaddingInPayload: known data problem, the token equals tcId 357 (valid); \
         C2SP/wycheproof#236",
    ),
    (
        372,
        Listed::LenientDecoderOnly(SegmentName::Header),
        "InvalidCharacterInsertedInHeader: known data problem, labelled valid only for a lenient \
         decoder that skips '?'; strictly it is not base64url (and the MAC of the text with '?' \
         differs)",
    ),
    (
        373,
        Listed::LenientDecoderOnly(SegmentName::Payload),
        "InvalidCharacterInsertedInPayload: known data problem, as tcId 372 but in the payload",
    ),
    (
        375,
        Listed::CoreDivergence,
        "MacOfIncorrectlyEncodedMessage: the payload 'AB' has non-zero unused bits; the core \
         accepts non-canonical base64url, verifies the MAC over the exact ASCII signing input \
         (which matches) and warns with the noncanonical-base64url finding: Valid. Wycheproof \
         expects strict decoding to reject it",
    ),
];

/// The HMAC algorithm and base64url key of a test group, when its key is an `oct` JWK.
fn hmac_key(group: &Value) -> Option<(HmacAlg, String)> {
    let key = group.get("private").or_else(|| group.get("public"))?;
    if key["kty"] != "oct" {
        return None;
    }
    let alg = key["alg"].as_str().and_then(HmacAlg::from_name)?;
    Some((alg, key["k"].as_str()?.to_string()))
}

#[test]
fn wycheproof_jws_hmac_cases() {
    let doc = load_json(&format!("{DIR}/json_web_signature_test.json"));
    let options = Options::recommended(NOW);
    let groups = doc["testGroups"].as_array().expect("testGroups");
    let mut token_357 = None;
    let (mut by_result, mut listed_seen) = ((0, 0), Vec::new());
    let mut others = 0;
    for group in groups {
        let tests = group["tests"].as_array().expect("tests");
        let Some((alg, k)) = hmac_key(group) else {
            // RS/PS/ES groups: no key the inspector can use. Without a secret they must still
            // decode without panicking and never be reported Valid.
            for test in tests {
                let jws = test["jws"].as_str().expect("jws");
                let report = inspect(jws, None, &options);
                assert_ne!(
                    report.signature.verdict,
                    Verdict::Valid,
                    "tcId {}: no secret, never Valid",
                    test["tcId"]
                );
                others += 1;
            }
            continue;
        };
        let secret = SecretInput::new(k, SecretEncoding::Base64url);
        for test in tests {
            let id = test["tcId"].as_u64().expect("tcId");
            let jws = test["jws"].as_str().expect("jws");
            let context = format!(
                "json_web_signature_test.json tcId {id} ({})",
                test["comment"]
            );
            let valid = result_is_valid(test, &context);
            let report = inspect(jws, Some(&secret), &options);
            let verdict = report.signature.verdict;
            if id == 357 {
                token_357 = Some(jws.to_string());
            }
            let Some(&(_, listed, reason)) = LISTED.iter().find(|l| l.0 == id) else {
                if valid {
                    assert_eq!(
                        verdict,
                        Verdict::Valid,
                        "{context}: {}",
                        report.signature.message
                    );
                    assert_eq!(
                        report.signature.alg.as_deref(),
                        Some(alg.name()),
                        "{context}"
                    );
                    by_result.0 += 1;
                } else {
                    assert_ne!(verdict, Verdict::Valid, "{context}: invalid is never Valid");
                    by_result.1 += 1;
                }
                continue;
            };
            listed_seen.push(id);
            match listed {
                Listed::SameAsValid357 => {
                    assert!(!valid, "{context}: listed as mislabelled invalid");
                    assert_eq!(verdict, Verdict::Valid, "{context}: {reason}");
                    assert_eq!(
                        Some(jws),
                        token_357.as_deref(),
                        "{context}: the token is tcId 357's"
                    );
                }
                Listed::LenientDecoderOnly(segment) => {
                    assert!(valid, "{context}: listed as mislabelled valid");
                    assert_eq!(verdict, Verdict::NotEvaluated, "{context}: {reason}");
                    let kinds: Vec<_> = report
                        .decoded
                        .errors
                        .iter()
                        .map(|e| (e.kind, e.segment))
                        .collect();
                    assert_eq!(
                        kinds,
                        [(StructureKind::InvalidBase64url, Some(segment))],
                        "{context}"
                    );
                    assert!(
                        report.decoded.errors[0].message.contains("'?'"),
                        "{context}"
                    );
                }
                Listed::JsonSerialization => {
                    assert!(!valid, "{context}");
                    assert!(jws.trim_start().starts_with('{'), "{context}: JSON form");
                    assert_eq!(verdict, Verdict::NotEvaluated, "{context}: {reason}");
                    assert_eq!(
                        report.decoded.errors[0].kind,
                        StructureKind::WrongSegmentCount,
                        "{context}"
                    );
                }
                Listed::CoreDivergence => {
                    assert!(!valid, "{context}");
                    // Current, deliberate behaviour (see the reason): the MAC matches the text
                    // the core verifies, and the report says what it accepted.
                    assert_eq!(verdict, Verdict::Valid, "{context}: {reason}");
                    match id {
                        360 => assert!(
                            report.decoded.cleanups.contains(&Cleanup::InnerWhitespace),
                            "{context}: the clean-up is reported"
                        ),
                        375 => {
                            assert!(
                                report
                                    .decoded
                                    .noncanonical
                                    .contains(&(SegmentName::Payload, Noncanonical::TrailingBits)),
                                "{context}: the trailing bits are recorded"
                            );
                            assert!(
                                report
                                    .findings
                                    .iter()
                                    .any(|f| f.id == LintId::NoncanonicalBase64url),
                                "{context}: and flagged"
                            );
                        }
                        _ => unreachable!("{context}: divergence without a specific check"),
                    }
                }
            }
        }
    }
    println!(
        "json_web_signature_test.json: HMAC cases {} valid + {} invalid judged by result, \
         {} listed {listed_seen:?}; {others} RS/PS/ES cases never Valid without a key",
        by_result.0,
        by_result.1,
        listed_seen.len()
    );
    let mut expected_listed: Vec<u64> = LISTED.iter().map(|l| l.0).collect();
    expected_listed.sort_unstable();
    listed_seen.sort_unstable();
    assert_eq!(listed_seen, expected_listed, "every listed tcId was met");
    // 40 HMAC cases (README): 17 + 1 + 1 + 21.
    assert_eq!(
        by_result.0 + by_result.1 + listed_seen.len(),
        40,
        "HMAC cases"
    );
    assert!(
        by_result.0 >= 8,
        "valid HMAC cases verified: {}",
        by_result.0
    );
    assert!(
        by_result.1 >= 25,
        "invalid HMAC cases rejected: {}",
        by_result.1
    );
    assert_eq!(others, 361, "non-HMAC cases");
    let declared = doc["numberOfTests"].as_u64().expect("numberOfTests") as usize;
    assert_eq!(40 + others, declared, "every declared test was run");
}

/// `json_web_key_test.json` cases whose `result` is about key metadata or key policy, which a
/// secret-only inspector does not see (wycheproof README), with what the inspector reports.
const KEY_FILE_LISTED: &[(u64, &str)] = &[
    (
        1,
        "mixed key set (HS256 + ES256): a key-set rule; the HS256 key's MAC matches: Valid",
    ),
    (
        4,
        "duplicate kid in the key set: a key-set rule; the first key's MAC matches: Valid",
    ),
    (
        10,
        "key_too_short (HS256, 31 bytes): the MAC matches (Valid) and short-secret is raised",
    ),
    (
        11,
        "key_too_short (HS384, 47 bytes): the MAC matches (Valid) and short-secret is raised",
    ),
    (
        12,
        "key_too_short (HS512, 63 bytes): the MAC matches (Valid) and short-secret is raised",
    ),
    (
        16,
        "empty_key (HS256): an empty secret field means 'no secret' (NoSecret); the scan flags the empty key",
    ),
    (17, "empty_key (HS384): as tcId 16"),
    (18, "empty_key (HS512): as tcId 16"),
    (
        25,
        "an A256GCM key used for HS256: key metadata; the MAC matches: Valid",
    ),
    (
        26,
        "an A256KW key used for HS256: key metadata; the MAC matches: Valid",
    ),
];

#[test]
fn wycheproof_jwk_hmac_cases() {
    let doc = load_json(&format!("{DIR}/json_web_key_test.json"));
    let options = Options::recommended(NOW);
    let (mut judged, mut listed, mut others) = (0, Vec::new(), 0);
    for group in doc["testGroups"].as_array().expect("testGroups") {
        let keys: Vec<String> = group
            .pointer("/private/keys")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter(|k| k["kty"] == "oct")
            .filter_map(|k| k["k"].as_str().map(str::to_string))
            .collect();
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let jws = test["jws"].as_str().expect("jws");
            let context = format!("json_web_key_test.json tcId {id} ({})", test["comment"]);
            let valid = result_is_valid(test, &context);
            let Some(first) = keys.first() else {
                let report = inspect(jws, None, &options);
                assert_ne!(report.signature.verdict, Verdict::Valid, "{context}");
                others += 1;
                continue;
            };
            let secret = SecretInput::new(first.clone(), SecretEncoding::Base64url);
            let report = inspect(jws, Some(&secret), &options);
            let verdict = report.signature.verdict;
            let short = report.findings.iter().any(|f| f.id == LintId::ShortSecret);
            let Some(&(_, reason)) = KEY_FILE_LISTED.iter().find(|l| l.0 == id) else {
                if valid {
                    assert_eq!(verdict, Verdict::Valid, "{context}");
                    assert!(!short, "{context}: a long key is not short");
                } else {
                    for k in &keys {
                        let s = SecretInput::new(k.clone(), SecretEncoding::Base64url);
                        let r = inspect(jws, Some(&s), &options);
                        assert_ne!(r.signature.verdict, Verdict::Valid, "{context}");
                    }
                }
                judged += 1;
                continue;
            };
            assert!(!valid, "{context}: listed cases are all labelled invalid");
            listed.push(id);
            match id {
                16..=18 => {
                    assert_eq!(first, "", "{context}: the key is empty");
                    // An empty secret field means "no secret", but the weak-secret scan tries the
                    // empty key, so the token is flagged; a blank byte encoding verifies it.
                    assert_eq!(verdict, Verdict::NoSecret, "{context}: {reason}");
                    assert_eq!(report.weak_secret, Some(""), "{context}: found by the scan");
                    let blank = SecretInput::new(" ", SecretEncoding::Base64url);
                    let r = inspect(jws, Some(&blank), &options);
                    assert_eq!(r.signature.verdict, Verdict::Valid, "{context}");
                    assert_eq!(r.signature.key_len, Some(0), "{context}");
                    assert!(
                        r.findings.iter().any(|f| f.id == LintId::ShortSecret),
                        "{context}: a zero-byte key is short"
                    );
                }
                10..=12 => {
                    assert_eq!(verdict, Verdict::Valid, "{context}: {reason}");
                    assert!(short, "{context}: {reason}");
                }
                _ => assert_eq!(verdict, Verdict::Valid, "{context}: {reason}"),
            }
        }
    }
    println!(
        "json_web_key_test.json: {judged} HMAC cases judged by result, listed {listed:?}, \
         {others} RS/ES cases never Valid without a key"
    );
    let mut expected: Vec<u64> = KEY_FILE_LISTED.iter().map(|l| l.0).collect();
    expected.sort_unstable();
    listed.sort_unstable();
    assert_eq!(listed, expected, "every listed tcId was met");
    assert_eq!(judged, 5, "tcId 2, 3, 13, 14, 15");
    let declared = doc["numberOfTests"].as_u64().expect("numberOfTests") as usize;
    assert_eq!(
        judged + listed.len() + others,
        declared,
        "every declared test was run"
    );
}

/// `json_web_encryption_test.json`: the inspector cannot decrypt, but it must recognise every
/// compact JWE, show its protected header, and never report a signature verdict for it.
#[test]
fn wycheproof_jwe_cases_are_recognised() {
    let doc = load_json(&format!("{DIR}/json_web_encryption_test.json"));
    let options = Options::recommended(NOW);
    let (mut recognised, mut malformed, mut not_compact) = (0, 0, 0);
    for group in doc["testGroups"].as_array().expect("testGroups") {
        for test in group["tests"].as_array().expect("tests") {
            let id = test["tcId"].as_u64().expect("tcId");
            let jwe = test["jwe"].as_str().expect("jwe");
            let context = format!(
                "json_web_encryption_test.json tcId {id} ({})",
                test["comment"]
            );
            let report = inspect(jwe, None, &options);
            let verdict = report.signature.verdict;
            assert_ne!(verdict, Verdict::Valid, "{context}");
            if jwe.split('.').count() != 5 {
                // Parts removed, or the JSON serialization: a segment-count error.
                assert_eq!(verdict, Verdict::NotEvaluated, "{context}");
                assert_eq!(
                    report.decoded.errors[0].kind,
                    StructureKind::WrongSegmentCount,
                    "{context}"
                );
                not_compact += 1;
                continue;
            }
            assert_eq!(report.decoded.form, jwt_core::Form::Jwe, "{context}");
            if report.decoded.is_well_formed() {
                assert_eq!(verdict, Verdict::NotApplicable, "{context}");
                assert_eq!(
                    report.decoded.payload,
                    jwt_core::Payload::Encrypted,
                    "{context}"
                );
                let header = report.decoded.header.as_ref().expect("header");
                assert!(header.value["enc"].is_string(), "{context}: enc shown");
                recognised += 1;
            } else {
                assert_eq!(verdict, Verdict::NotEvaluated, "{context}");
                malformed += 1;
            }
        }
    }
    println!(
        "json_web_encryption_test.json: {recognised} JWEs recognised, {malformed} malformed \
         five-part tokens, {not_compact} not five parts"
    );
    assert!(recognised >= 120, "recognised {recognised}");
    assert_eq!(
        not_compact, 11,
        "10 four-part tokens and one JSON serialization"
    );
    let declared = doc["numberOfTests"].as_u64().expect("numberOfTests") as usize;
    assert_eq!(recognised + malformed + not_compact, declared);
}
