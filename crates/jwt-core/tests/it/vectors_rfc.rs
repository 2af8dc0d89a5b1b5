//! `shared/vectors/rfc.json`: compact tokens from RFC 7515, 7519, 7520 and 7797 (plus two
//! golang-jwt HS384/HS512 tokens), each checked end to end through [`jwt_core::inspect`].

use jwt_core::{
    inspect, Form, HmacAlg, LintId, Options, Payload, Report, SecretEncoding, SecretInput, Verdict,
};
use serde_json::Value;

use crate::{b64url_decode, json_eq, load_json, serde_of, NOW};

/// Entries the core cannot fully handle, with the verdict it gives instead of the one
/// `expected_signature` maps to, and why. Each is still checked (header, payload, segments, and
/// the HMAC with the detached payload put back, computed with [`HmacAlg::verify`] directly).
const CORE_LIMITS: &[(&str, Verdict, &str)] = &[
    (
        "rfc7520-4.5-hs256-detached",
        Verdict::Invalid,
        "detached content (RFC 7515 Appendix F): the inspector has no field for the detached \
         payload; it checks the MAC over the token as pasted ('header.', an empty payload), which \
         does not match, so it reports Invalid with the expected signature and says that the \
         payload may be detached; the signature is checked here with the payload re-attached",
    ),
    (
        "rfc7797-4.2-b64-false-detached",
        Verdict::UnsupportedCrit,
        "RFC 7797 unencoded payload (b64:false, crit:[\"b64\"]) with detached content: the core \
         implements no critical extension and, as RFC 7515 §4.1.11 requires, refuses to verify \
         (UnsupportedCrit, which the vector's notes accept in place of 'invalid'); the signature \
         is checked here over ASCII(header_b64 + '.' + payload) with HmacAlg::verify",
    ),
];

/// The verdict an entry's `expected_signature` stands for.
fn mapped_verdict(expected_signature: &str) -> Verdict {
    match expected_signature {
        "valid" => Verdict::Valid,
        "invalid" => Verdict::Invalid,
        "none_alg" => Verdict::Unsigned,
        // RS/PS/ES without a key: the core asks for the public key (jwt-crypto's tests verify
        // these entries with their `public_key_jwk`).
        "unsupported_alg" => Verdict::NoKey,
        "jwe" => Verdict::NotApplicable,
        other => panic!("rfc.json: unknown expected_signature {other:?}"),
    }
}

fn str_field<'a>(entry: &'a Value, field: &str) -> Option<&'a str> {
    match entry.get(field) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => panic!("rfc.json: field {field} is not a string: {other}"),
    }
}

/// The decoded payload as text, when the report has one: JSON raw text, plain text, or "" for
/// detached content.
fn payload_text(report: &Report) -> Option<&str> {
    match &report.decoded.payload {
        Payload::Json(doc) => Some(&doc.raw),
        Payload::Text { text, .. } => Some(text),
        Payload::Detached => Some(""),
        Payload::Binary { .. } | Payload::Encrypted | Payload::Absent | Payload::Unread => None,
    }
}

/// What one entry contributed, for the counts asserted at the end.
#[derive(Default)]
struct Tally {
    checked: usize,
    by_verdict: std::collections::BTreeMap<&'static str, usize>,
    reattached: usize,
    limited: Vec<&'static str>,
}

/// Checks one rfc.json entry; every failure message starts with the entry's name.
fn check(entry: &Value, tally: &mut Tally) {
    let name = str_field(entry, "name").expect("rfc.json: entry without a name");
    let token = str_field(entry, "token").unwrap_or_else(|| panic!("{name}: no token"));
    let alg = str_field(entry, "alg").unwrap_or_else(|| panic!("{name}: no alg"));
    let expected_signature = str_field(entry, "expected_signature")
        .unwrap_or_else(|| panic!("{name}: no expected_signature"));
    let secret_text = str_field(entry, "secret_b64url");
    let secret = secret_text.map(|s| SecretInput::new(s, SecretEncoding::Base64url));

    let report = inspect(token, secret.as_ref(), &Options::recommended(NOW));
    let decoded = &report.decoded;

    // Signature verdict.
    let limit = CORE_LIMITS.iter().find(|(n, _, _)| *n == name);
    let expected_verdict = match limit {
        Some(&(listed, verdict, _)) => {
            tally.limited.push(listed);
            verdict
        }
        None => mapped_verdict(expected_signature),
    };
    assert_eq!(
        report.signature.verdict, expected_verdict,
        "{name}: verdict (expected_signature {expected_signature:?}); message: {}",
        report.signature.message
    );
    *tally
        .by_verdict
        .entry(report.signature.verdict.code())
        .or_default() += 1;
    match entry.get("expected_valid") {
        Some(Value::Bool(true)) => assert_eq!(
            report.signature.verdict,
            Verdict::Valid,
            "{name}: expected_valid is true"
        ),
        Some(Value::Bool(false)) => assert_ne!(
            report.signature.verdict,
            Verdict::Valid,
            "{name}: expected_valid is false, so the inspector must never say Valid"
        ),
        Some(Value::Null) | None => assert_ne!(
            report.signature.verdict,
            Verdict::Valid,
            "{name}: expected_valid is null (not decidable with an HMAC secret)"
        ),
        Some(other) => panic!("{name}: expected_valid is {other}"),
    }
    assert_eq!(
        report.signature.alg.as_deref(),
        Some(alg),
        "{name}: the signature check names the header's alg"
    );
    if matches!(report.signature.verdict, Verdict::Valid | Verdict::Invalid) {
        let key_len = secret.as_ref().map(|s| s.decode().unwrap().len());
        assert_eq!(report.signature.key_len, key_len, "{name}: key_len");
    }
    if decoded.payload == Payload::Detached && report.signature.verdict == Verdict::Invalid {
        assert!(
            report.signature.message.contains("detached content")
                && report.signature.message.contains("RFC 7515 Appendix F"),
            "{name}: an empty payload's verdict mentions detached content: {}",
            report.signature.message
        );
    }
    if report.signature.verdict == Verdict::Invalid {
        assert!(
            report.signature.expected_signature.is_some(),
            "{name}: an Invalid verdict offers the signature the secret would produce"
        );
    }

    // Structure.
    assert!(
        decoded.is_well_formed(),
        "{name}: unexpected structure errors {:?}",
        decoded.errors
    );
    let segments = entry["segments"]
        .as_u64()
        .unwrap_or_else(|| panic!("{name}: segments is not a number")) as usize;
    assert_eq!(decoded.segments.len(), segments, "{name}: segment count");
    assert_eq!(
        token.split('.').count(),
        segments,
        "{name}: vector's own count"
    );
    let form = if segments == 5 { Form::Jwe } else { Form::Jws };
    assert_eq!(decoded.form, form, "{name}: form");
    assert_eq!(decoded.token, token, "{name}: nothing to clean up");

    // Header: exact text, and the value.
    let header = decoded
        .header
        .as_ref()
        .unwrap_or_else(|| panic!("{name}: no header decoded"));
    let header_raw = str_field(entry, "expected_header_raw")
        .unwrap_or_else(|| panic!("{name}: no expected_header_raw"));
    assert_eq!(header.raw, header_raw, "{name}: header raw text");
    assert!(
        json_eq(&serde_of(&header.value), &entry["expected_header"]),
        "{name}: header value {} != {}",
        header.value,
        entry["expected_header"]
    );
    assert!(header.duplicates.is_empty(), "{name}: header duplicates");

    // Payload.
    if let Some(raw) = str_field(entry, "expected_payload_raw") {
        assert_eq!(payload_text(&report), Some(raw), "{name}: payload raw text");
    }
    if let Some(text) = str_field(entry, "expected_payload_text") {
        match &decoded.payload {
            Payload::Text { text: got, .. } => assert_eq!(got, text, "{name}: payload text"),
            Payload::Detached => assert_eq!(text, "", "{name}: detached payload text"),
            other => panic!("{name}: expected a text payload {text:?}, got {other:?}"),
        }
    }
    match &entry["expected_payload"] {
        Value::Null => {
            assert!(
                decoded.payload.claims().is_none(),
                "{name}: expected_payload is null, so the payload is not a JSON object"
            );
            assert!(report.timing.is_none(), "{name}: no claims, so no timing");
        }
        expected => {
            let Payload::Json(doc) = &decoded.payload else {
                panic!("{name}: expected a JSON payload, got {:?}", decoded.payload);
            };
            assert!(
                json_eq(&serde_of(&doc.value), expected),
                "{name}: payload value {} != {expected}",
                doc.value
            );
            assert!(report.timing.is_some(), "{name}: claims are judged in time");
        }
    }
    match expected_signature {
        "jwe" => assert_eq!(decoded.payload, Payload::Encrypted, "{name}: JWE payload"),
        _ if entry.get("detached_payload_b64url").is_some()
            || entry.get("detached_payload_text").is_some() =>
        {
            assert_eq!(
                decoded.payload,
                Payload::Detached,
                "{name}: detached payload"
            );
        }
        _ => {}
    }

    // Header lints that the vectors make certain.
    if header.value.get("crit").is_some() {
        assert!(
            report.findings.iter().any(|f| f.id == LintId::CritPresent),
            "{name}: crit is flagged"
        );
    }
    if alg == "none" {
        assert!(
            report.findings.iter().any(|f| f.id == LintId::AlgNone),
            "{name}: alg none is flagged"
        );
    }

    // Detached content: put the payload back and check the MAC directly.
    let reattached = str_field(entry, "detached_payload_b64url")
        .map(|p| (p.to_string(), true))
        .or_else(|| str_field(entry, "detached_payload_text").map(|p| (p.to_string(), false)));
    if let Some((payload, b64)) = reattached {
        let hmac = HmacAlg::from_name(alg).unwrap_or_else(|| panic!("{name}: {alg} is not HMAC"));
        let key = b64url_decode(secret_text.unwrap_or_else(|| panic!("{name}: no secret")));
        let parts: Vec<&str> = token.split('.').collect();
        assert_eq!(
            parts[1], "",
            "{name}: detached token has an empty payload segment"
        );
        let signature = b64url_decode(parts[2]);
        let message = format!("{}.{payload}", parts[0]);
        assert!(
            hmac.verify(&key, message.as_bytes(), &signature),
            "{name}: the signature must verify once the detached payload is put back"
        );
        assert!(
            !hmac.verify(&key, format!("{}.", parts[0]).as_bytes(), &signature),
            "{name}: and must not verify without it"
        );
        if b64 {
            // An ordinary base64url payload can be pasted back into the token itself.
            let full = format!("{}.{payload}.{}", parts[0], parts[2]);
            let r = inspect(&full, secret.as_ref(), &Options::recommended(NOW));
            assert_eq!(
                r.signature.verdict,
                Verdict::Valid,
                "{name}: re-attached token verifies through inspect"
            );
        } else {
            // b64:false: the payload is signed as is; '$.02' contains a '.', so it cannot go
            // back into a compact token at all (RFC 7797 §5.2), only into the MAC input.
            assert_eq!(
                header.value.get("b64"),
                Some(&jwt_core::json::Value::Bool(false)),
                "{name}: b64 is false"
            );
        }
        tally.reattached += 1;
    }

    // A sanity check of the vector itself: the secret is the JWK's `k`.
    if let (Some(s), Some(k)) = (secret_text, entry.pointer("/key_jwk/k")) {
        assert_eq!(
            Some(s),
            k.as_str(),
            "{name}: secret_b64url equals key_jwk.k"
        );
    }
    tally.checked += 1;
}

#[test]
fn every_rfc_vector() {
    let entries = load_json("rfc.json");
    let entries = entries.as_array().expect("rfc.json is an array");
    let mut tally = Tally::default();
    for entry in entries {
        check(entry, &mut tally);
    }
    println!(
        "rfc.json: {} entries checked; verdicts {:?}; {} detached payloads re-attached; \
         core limits: {:?}",
        tally.checked, tally.by_verdict, tally.reattached, tally.limited
    );
    assert_eq!(tally.checked, 20, "rfc.json holds 20 entries");
    assert_eq!(tally.reattached, 2, "two detached-content entries");
    // Every limit listed applies to an entry that exists, so the table cannot go stale.
    let mut listed: Vec<&str> = CORE_LIMITS.iter().map(|l| l.0).collect();
    listed.sort_unstable();
    tally.limited.sort_unstable();
    assert_eq!(
        tally.limited, listed,
        "CORE_LIMITS names entries of rfc.json"
    );
    for (verdict, at_least) in [
        ("valid", 6),
        ("invalid", 3),
        ("unsigned", 2),
        ("no-key", 6),
        ("not-applicable", 2),
        ("unsupported-crit", 1),
    ] {
        assert!(
            tally.by_verdict.get(verdict).copied().unwrap_or(0) >= at_least,
            "at least {at_least} entries reported {verdict}: {:?}",
            tally.by_verdict
        );
    }
}

#[test]
fn wrong_encoding_of_the_rfc_key_does_not_verify() {
    // The A.1 key typed as UTF-8 text instead of base64url is a different key.
    let entries = load_json("rfc.json");
    let entry = entries
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["name"] == "rfc7515-a1-hs256")
        .expect("rfc7515-a1-hs256 is in rfc.json");
    let token = entry["token"].as_str().unwrap();
    let k = entry["secret_b64url"].as_str().unwrap();
    let options = Options::recommended(NOW);
    let as_text = inspect(token, Some(&SecretInput::utf8(k)), &options);
    assert_eq!(as_text.signature.verdict, Verdict::Invalid);
    let as_hex = inspect(
        token,
        Some(&SecretInput::new(k, SecretEncoding::Hex)),
        &options,
    );
    assert_eq!(as_hex.signature.verdict, Verdict::BadSecret);
    let none = inspect(token, None, &options);
    assert_eq!(none.signature.verdict, Verdict::NoSecret);
    // The same bytes in standard base64 verify.
    let std_b64 = k.replace('-', "+").replace('_', "/");
    let as_b64 = inspect(
        token,
        Some(&SecretInput::new(std_b64, SecretEncoding::Base64)),
        &options,
    );
    assert_eq!(as_b64.signature.verdict, Verdict::Valid);
}
