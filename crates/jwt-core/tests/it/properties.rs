//! Properties of the whole inspector, checked on generated input with proptest.

use std::collections::BTreeMap;

use base64::Engine as _;
use jwt_core::{
    inspect, sign, HmacAlg, Options, Payload, Report, SecretEncoding, SecretInput, Verdict,
};
use proptest::prelude::*;
use proptest::sample::Index;

use crate::{b64url_decode, b64url_encode, hex_encode, NOW};

/// Cases per property: enough to explore, few enough to keep the suite fast in debug builds.
/// Set `PROPTEST_CASES` for a longer local run.
const CASES: u32 = 256;

fn config() -> ProptestConfig {
    let default = ProptestConfig::default();
    if std::env::var_os("PROPTEST_CASES").is_some() {
        return default;
    }
    ProptestConfig {
        cases: CASES,
        ..default
    }
}

fn hs_alg() -> impl Strategy<Value = HmacAlg> {
    prop::sample::select(HmacAlg::ALL.to_vec())
}

/// Header or payload member names: short, never `alg` or `crit` (which change the verdict).
fn member_name() -> impl Strategy<Value = String> {
    "[a-z_]{1,6}".prop_filter("alg and crit are set by the test", |n| {
        n != "alg" && n != "crit"
    })
}

/// A JSON scalar, as text.
fn json_scalar() -> BoxedStrategy<String> {
    prop_oneof![
        any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        any::<i64>().prop_map(|n| n.to_string()),
        (-1e12f64..1e12).prop_map(|f| format!("{f:e}")),
        any::<bool>().prop_map(|b| b.to_string()),
        Just("null".to_string()),
    ]
    .boxed()
}

/// JSON whitespace between tokens (including the CRLFs the RFC examples use).
fn json_space() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec!["", "", " ", "\r\n ", "\n\t", "  "])
}

/// An object text with the `fixed` members, in order, among random extra members, spelled with
/// random whitespace.
///
/// The larger strategies here are boxed: unboxed, their nested value trees overflowed the 2 MiB
/// test-thread stack of debug builds (in proptest, not in the core).
fn json_object(fixed: Vec<(String, String)>) -> BoxedStrategy<String> {
    (
        prop::collection::btree_map(member_name(), json_scalar(), 0..5),
        prop::collection::vec(json_space(), 8),
        any::<Index>(),
    )
        .prop_map(
            move |(extra, spaces, at): (BTreeMap<String, String>, _, Index)| {
                let mut members: Vec<(String, String)> = extra
                    .into_iter()
                    .filter(|(k, _)| !fixed.iter().any(|(f, _)| f == k))
                    .collect();
                let pos = at.index(members.len() + 1);
                for (i, m) in fixed.iter().enumerate() {
                    members.insert((pos + i).min(members.len()), m.clone());
                }
                let sp = |i: usize| spaces[i % spaces.len()];
                let body: Vec<String> = members
                    .iter()
                    .enumerate()
                    .map(|(i, (k, v))| {
                        format!(
                            "{}{}{}:{}{}",
                            sp(i),
                            serde_json::to_string(k).unwrap(),
                            sp(i + 1),
                            sp(i + 2),
                            v
                        )
                    })
                    .collect();
                format!("{{{}{}}}", body.join(","), sp(7))
            },
        )
        .boxed()
}

/// A header text naming `alg`, with extra members and spacing.
fn header_for(alg: HmacAlg) -> BoxedStrategy<String> {
    json_object(vec![("alg".into(), format!("\"{}\"", alg.name()))])
}

/// A NumericDate-ish value, as text: near `NOW`, near the ends of the supported range, huge,
/// fractional, negative, or not a number at all.
fn date_value() -> BoxedStrategy<String> {
    use jwt_core::clock_text::{MAX_INSTANT, MIN_INSTANT};
    prop_oneof![
        (NOW - 200_000..NOW + 200_000).prop_map(|n| n.to_string()),
        (MAX_INSTANT - 5..MAX_INSTANT + 5).prop_map(|n| n.to_string()),
        (MIN_INSTANT - 5..MIN_INSTANT + 5).prop_map(|n| n.to_string()),
        any::<i64>().prop_map(|n| n.to_string()),
        any::<f64>()
            .prop_filter("JSON has no NaN or infinity", |f| f.is_finite())
            .prop_map(|f| format!("{f:e}")),
        Just("1e400".to_string()),
        Just("-0".to_string()),
        Just("123456789012345678901234567890".to_string()),
        json_scalar(),
    ]
    .boxed()
}

/// A payload text: a claims object, or short text that is not JSON.
fn payload_text() -> BoxedStrategy<String> {
    prop_oneof![
        json_object(vec![]),
        json_object(vec![("exp".into(), (NOW + 600).to_string())]),
        (date_value(), date_value(), date_value()).prop_flat_map(|(iat, nbf, exp)| {
            json_object(vec![
                ("iat".into(), iat),
                ("nbf".into(), nbf),
                ("exp".into(), exp),
            ])
        }),
        // Short enough that it can never nest past the JSON depth limit.
        any::<String>().prop_map(|s| s.chars().take(40).collect()),
    ]
    .boxed()
}

/// A signed token: (alg, header text, payload text, key bytes, token).
fn signed_token() -> BoxedStrategy<(HmacAlg, String, String, Vec<u8>, String)> {
    hs_alg()
        .prop_flat_map(|alg| {
            (
                Just(alg),
                header_for(alg),
                payload_text(),
                prop::collection::vec(any::<u8>(), 1..80),
            )
        })
        .prop_map(|(alg, header, payload, key)| {
            let token = sign(&header, &payload, &key)
                .unwrap_or_else(|e| panic!("sign({header:?}) failed: {e}"));
            (alg, header, payload, key, token)
        })
        .boxed()
}

/// The key bytes as a secret in one of the byte encodings, spelled in one of its accepted forms.
fn encode_secret(key: &[u8], encoding: SecretEncoding, variant: u8) -> SecretInput {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD, URL_SAFE, URL_SAFE_NO_PAD};
    let text = match (encoding, variant % 2) {
        (SecretEncoding::Base64, 0) => STANDARD.encode(key),
        (SecretEncoding::Base64, _) => STANDARD_NO_PAD.encode(key),
        (SecretEncoding::Base64url, 0) => URL_SAFE_NO_PAD.encode(key),
        (SecretEncoding::Base64url, _) => URL_SAFE.encode(key),
        (SecretEncoding::Hex, 0) => hex_encode(key),
        (SecretEncoding::Hex, _) => hex_encode(key).to_uppercase(),
        (SecretEncoding::Utf8 | SecretEncoding::Auto, _) => {
            unreachable!("UTF-8 (and 'try all') secrets are text, not encoded bytes")
        }
    };
    SecretInput::new(text, encoding)
}

/// Options for properties about the signature: the weak-secret scan (484 HMACs per token) is
/// switched off, as it is irrelevant there and slow in debug builds.
fn no_scan(now: i64) -> Options {
    Options {
        weak_secret_scan_limit: 0,
        ..Options::recommended(now)
    }
}

/// Input that looks like a token: 1 to 6 segments, each base64url of bytes or of JSON, raw
/// alphabet characters, or empty.
fn token_like() -> BoxedStrategy<String> {
    let alg = prop::sample::select(vec![
        "\"HS256\"",
        "\"HS384\"",
        "\"HS512\"",
        "\"none\"",
        "\"RS256\"",
        "\"hs256\"",
        "7",
        "null",
    ]);
    let header =
        (alg, prop::option::of(json_scalar()), any::<bool>()).prop_map(|(alg, extra, enc)| {
            let mut h = format!("{{\"alg\":{alg}");
            if let Some(v) = extra {
                h.push_str(&format!(",\"x\":{v}"));
            }
            if enc {
                h.push_str(",\"enc\":\"A128GCM\"");
            }
            h.push('}');
            b64url_encode(h.as_bytes())
        });
    let segment = prop_oneof![
        header,
        prop::collection::vec(any::<u8>(), 0..70).prop_map(|b| b64url_encode(&b)),
        payload_text().prop_map(|p| b64url_encode(p.as_bytes())),
        "[A-Za-z0-9_=+/-]{0,12}",
        Just(String::new()),
    ];
    prop::collection::vec(segment.boxed(), 1..=6)
        .prop_map(|s| s.join("."))
        .boxed()
}

fn any_secret() -> impl Strategy<Value = Option<SecretInput>> {
    prop::option::of(
        (
            any::<String>(),
            prop::sample::select(SecretEncoding::ALL.to_vec()),
        )
            .prop_map(|(text, encoding)| SecretInput::new(text, encoding)),
    )
}

/// Checks what must hold for any report, whatever the input.
fn report_invariants(report: &Report) -> Result<(), TestCaseError> {
    if report.signature.verdict == Verdict::Valid {
        prop_assert!(report.decoded.is_well_formed());
        prop_assert!(report.decoded.signing_input().is_some());
        prop_assert!(report.signature.key_len.is_some());
    }
    if !report.decoded.is_well_formed() {
        prop_assert!(matches!(report.signature.verdict, Verdict::NotEvaluated));
    }
    // The report's text (what the UI copies and scripts consume) is serde_json's pretty text,
    // byte for byte, though the core writes it with its own faster writer.
    let expected = serde_json::to_string_pretty(report).map(|t| t + "\n");
    prop_assert_eq!(
        Ok(jwt_core::report_json(report)),
        expected.map_err(|e| e.to_string())
    );
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn inspecting_any_string_never_panics(input in any::<String>(), secret in any_secret()) {
        let report = inspect(&input, secret.as_ref(), &Options::recommended(NOW));
        report_invariants(&report)?;
    }

    #[test]
    fn inspecting_base64url_alphabet_and_dots_never_panics(
        input in "[A-Za-z0-9_=+/. -]{0,120}",
        secret in any_secret(),
    ) {
        let report = inspect(&input, secret.as_ref(), &Options::recommended(NOW));
        report_invariants(&report)?;
    }

    #[test]
    fn inspecting_token_like_input_never_panics(
        input in token_like(),
        secret in any_secret(),
        now in any::<i64>(),
    ) {
        let report = inspect(&input, secret.as_ref(), &Options::recommended(now));
        report_invariants(&report)?;
    }

    #[test]
    fn the_signature_only_decode_reaches_the_same_verdict(
        input in prop_oneof![token_like(), any::<String>()],
        secret in any_secret(),
    ) {
        let whole = jwt_core::token::decode(&input);
        let signed = jwt_core::token::decode_signed(&input);
        prop_assert_eq!(&signed.errors, &whole.errors);
        prop_assert_eq!(&signed.noncanonical, &whole.noncanonical);
        prop_assert_eq!(&signed.header, &whole.header);
        prop_assert_eq!(&signed.signature, &whole.signature);
        prop_assert_eq!(signed.signing_input(), whole.signing_input());
        let no_content = !matches!(whole.payload, Payload::Json(_) | Payload::Text { .. } | Payload::Binary { .. });
        prop_assert!(no_content || signed.payload == Payload::Unread, "{:?}", signed.payload);
        let (a, b) = (
            jwt_core::verify::check(&signed, secret.as_ref()),
            jwt_core::verify::check(&whole, secret.as_ref()),
        );
        prop_assert_eq!(a.verdict, b.verdict);
        prop_assert_eq!(a.message, b.message);
    }

    #[test]
    fn sign_then_verify_with_every_byte_encoding(
        (alg, header, payload, key, token) in signed_token(),
        encoding in prop::sample::select(vec![
            SecretEncoding::Base64,
            SecretEncoding::Base64url,
            SecretEncoding::Hex,
        ]),
        variant in any::<u8>(),
    ) {
        let secret = encode_secret(&key, encoding, variant);
        let report = inspect(&token, Some(&secret), &no_scan(NOW));
        prop_assert_eq!(
            report.signature.verdict,
            Verdict::Valid,
            "{} {:?} {:?}: {}",
            alg.name(),
            encoding,
            secret.text,
            report.signature.message
        );
        prop_assert_eq!(report.signature.alg.as_deref(), Some(alg.name()));
        prop_assert_eq!(report.signature.key_len, Some(key.len()));
        let parts: Vec<&str> = token.split('.').collect();
        prop_assert_eq!(parts.len(), 3);
        prop_assert_eq!(b64url_decode(parts[0]), header.as_bytes());
        prop_assert_eq!(b64url_decode(parts[1]), payload.as_bytes());
        prop_assert_eq!(b64url_decode(parts[2]).len(), alg.output_len());
        // A different key never verifies.
        let mut other = key.clone();
        other[0] ^= 1;
        let wrong = inspect(&token, Some(&encode_secret(&other, encoding, variant)), &no_scan(NOW));
        // Empty payloads too: the MAC over `header.` is checked like any other (issue 12).
        prop_assert_eq!(wrong.signature.verdict, Verdict::Invalid);
        let resigned = sign(&header, &payload, &other).unwrap();
        prop_assert_eq!(
            wrong.signature.expected_signature.as_deref(),
            resigned.rsplit('.').next()
        );
    }

    #[test]
    fn sign_then_verify_with_utf8_text_keys(
        alg in hs_alg(),
        key in any::<String>().prop_filter("an empty secret means no secret", |k| !k.is_empty()),
        payload in payload_text(),
    ) {
        let header = format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.name());
        let token = sign(&header, &payload, key.as_bytes()).unwrap();
        let report = inspect(&token, Some(&SecretInput::utf8(key.clone())), &no_scan(NOW));
        prop_assert_eq!(report.signature.verdict, Verdict::Valid, "{}", report.signature.message);
        prop_assert_eq!(report.signature.key_len, Some(key.len()));
    }

    #[test]
    fn flipping_any_bit_never_verifies(
        (_alg, _header, _payload, key, token) in signed_token(),
        segment in 0usize..3,
        byte in any::<Index>(),
        bit in 0u8..8,
    ) {
        let mut parts: Vec<String> = token.split('.').map(str::to_string).collect();
        let mut bytes = b64url_decode(&parts[segment]);
        prop_assume!(!bytes.is_empty());
        let i = byte.index(bytes.len());
        bytes[i] ^= 1 << bit;
        parts[segment] = b64url_encode(&bytes);
        let forged = parts.join(".");
        prop_assert_ne!(&forged, &token);
        let secret = SecretInput::new(hex_encode(&key), SecretEncoding::Hex);
        let report = inspect(&forged, Some(&secret), &no_scan(NOW));
        prop_assert_ne!(
            report.signature.verdict,
            Verdict::Valid,
            "segment {} byte {} bit {}: {}",
            segment,
            i,
            bit,
            forged
        );
    }

    #[test]
    fn changing_one_character_verifies_only_as_a_flagged_noncanonical_spelling(
        (_alg, _header, _payload, key, token) in signed_token(),
        at in any::<Index>(),
        replacement in prop::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/"
                .chars()
                .collect::<Vec<_>>(),
        ),
    ) {
        let i = at.index(token.len());
        let original = token.as_bytes()[i] as char;
        prop_assume!(original != replacement);
        let mut changed = token.clone();
        changed.replace_range(i..=i, replacement.encode_utf8(&mut [0; 4]));
        let secret = SecretInput::new(hex_encode(&key), SecretEncoding::Hex);
        let report = inspect(&changed, Some(&secret), &no_scan(NOW));
        if report.signature.verdict == Verdict::Valid {
            // Only another spelling of the same signature bytes can still verify (the MAC
            // covers the header and payload text exactly), and it must be reported.
            let signature_start = token.rfind('.').unwrap() + 1;
            prop_assert!(i >= signature_start, "{} -> {}", token, changed);
            prop_assert!(
                !report.decoded.noncanonical.is_empty(),
                "a changed spelling is recorded: {}",
                changed
            );
            prop_assert!(report
                .findings
                .iter()
                .any(|f| f.id == jwt_core::LintId::NoncanonicalBase64url));
        }
    }

    #[test]
    fn report_is_deterministic(
        input in prop_oneof![
            any::<String>(),
            token_like(),
            signed_token().prop_map(|t| t.4),
        ],
        secret in any_secret(),
        now in any::<i64>(),
    ) {
        let options = Options::recommended(now);
        let first = inspect(&input, secret.as_ref(), &options);
        let second = inspect(&input, secret.as_ref(), &options);
        prop_assert_eq!(&first, &second);
        prop_assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&second).unwrap()
        );
    }

    #[test]
    fn decoded_header_and_payload_keep_the_signed_text(
        (_alg, header, payload, key, token) in signed_token(),
    ) {
        let report = inspect(&token, Some(&SecretInput::new(hex_encode(&key), SecretEncoding::Hex)), &no_scan(NOW));
        let doc = report.decoded.header.as_ref().expect("header decodes");
        prop_assert_eq!(&doc.raw, &header);
        match &report.decoded.payload {
            Payload::Json(doc) => prop_assert_eq!(&doc.raw, &payload),
            Payload::Text { text, .. } => prop_assert_eq!(text, &payload),
            Payload::Detached => prop_assert!(payload.is_empty()),
            other => prop_assert!(false, "unexpected payload {:?} for {:?}", other, payload),
        }
        prop_assert_eq!(report.decoded.signing_input(), token.rsplit_once('.').map(|(s, _)| s));
    }

    #[test]
    fn re_encoding_the_decoded_parts_of_a_canonical_token_reproduces_it(
        (_alg, _header, _payload, _key, token) in signed_token(),
    ) {
        let decoded = jwt_core::token::decode(&token);
        prop_assert!(decoded.noncanonical.is_empty());
        let header = decoded.header.as_ref().expect("header decodes").raw.as_bytes().to_vec();
        let payload = match &decoded.payload {
            Payload::Json(doc) => doc.raw.as_bytes().to_vec(),
            Payload::Text { text, .. } => text.as_bytes().to_vec(),
            Payload::Detached => Vec::new(),
            other => return Err(TestCaseError::fail(format!("unexpected payload {other:?}"))),
        };
        let signature = decoded.signature.clone().expect("signature decodes");
        let again = format!(
            "{}.{}.{}",
            b64url_encode(&header),
            b64url_encode(&payload),
            b64url_encode(&signature)
        );
        prop_assert_eq!(again, token);
    }
}

/// The deliberate leniency that the property above allows, shown once: a signature whose last
/// character carries non-zero unused bits decodes to the same bytes, so the MAC matches (Valid),
/// and the report flags the non-canonical spelling as a warning.
#[test]
fn noncanonical_signature_spelling_is_valid_but_flagged() {
    let token = sign(
        r#"{"alg":"HS256"}"#,
        r#"{"sub":"1"}"#,
        b"0123456789abcdef0123456789abcdef",
    )
    .unwrap();
    let (signing_input, signature) = token.rsplit_once('.').unwrap();
    // 32 bytes are 43 characters; the last carries 4 bits of data and 2 unused (zero) bits.
    assert_eq!(signature.len(), 43);
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let last = alphabet
        .iter()
        .position(|&c| c == *signature.as_bytes().last().unwrap())
        .unwrap();
    assert_eq!(last & 0b11, 0, "canonical: the unused bits are zero");
    let respelled = format!(
        "{signing_input}.{}{}",
        &signature[..42],
        alphabet[last | 1] as char
    );
    let secret = SecretInput::utf8("0123456789abcdef0123456789abcdef");
    let report = inspect(&respelled, Some(&secret), &no_scan(NOW));
    assert_eq!(report.signature.verdict, Verdict::Valid);
    assert_eq!(
        report.decoded.noncanonical,
        [(
            jwt_core::SegmentName::Signature,
            jwt_core::b64url::Noncanonical::TrailingBits
        )]
    );
    let finding = report
        .findings
        .iter()
        .find(|f| f.id == jwt_core::LintId::NoncanonicalBase64url)
        .expect("the spelling is flagged");
    assert_eq!(finding.severity, jwt_core::Severity::Warning);
}
