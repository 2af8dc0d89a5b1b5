//! The whole inspector on arbitrary text, without a secret and with secrets.
//!
//! Input: arbitrary bytes, read as lossy UTF-8. The whole text is inspected with no secret and with
//! the UTF-8 secret `secret`; when the bytes hold a NUL, the text before it is also inspected with
//! the text after it as the secret, in the encoding picked by the input's length.
//!
//! Invariants: never panics; the report's text equals serde_json's pretty text; error offsets stay inside the token; findings
//! are sorted most severe first; `valid` only for a well-formed HS* JWS whose signature
//! `HmacAlg::verify` really matches under the given key (and the recomputed MAC equals it);
//! `alg: none` is never valid; a well-formed JWE is `not-applicable`; a weak secret the scan
//! reports really verifies the token (and is `valid` unless `crit` or a repeated `alg` forbid it).
#![no_main]

use jwt_core::verify::hmac_alg_of;
use jwt_core::{inspect, Form, Options, Report, SecretEncoding, SecretInput, Verdict};
use libfuzzer_sys::fuzz_target;

const NOW: i64 = 1_700_000_000;

fn check(text: &str, secret: Option<&SecretInput>) -> Report {
    let options = Options::recommended(NOW);
    let r = inspect(text, secret, &options);
    let d = &r.decoded;
    assert_eq!(d.input_len, text.len());
    let json = jwt_core::report_json(&r);
    let expected = serde_json::to_string_pretty(&r).expect("the report serializes") + "\n";
    assert_eq!(json, expected, "the report writer and serde_json differ");
    for e in &d.errors {
        assert!(!e.message.is_empty(), "{e:?}");
        if let Some(offset) = e.offset {
            assert!(offset <= d.token.len(), "{e:?} past {}", d.token.len());
        }
    }
    for s in &d.segments {
        assert!(s.start <= s.end && s.end <= d.token.len(), "{s:?}");
        assert!(d.token.is_char_boundary(s.start) && d.token.is_char_boundary(s.end));
    }
    assert!(
        r.findings
            .windows(2)
            .all(|w| w[0].severity >= w[1].severity),
        "findings not sorted: {:?}",
        r.findings
    );
    assert!(!r.signature.message.is_empty());
    let alg = d
        .header
        .as_ref()
        .and_then(|h| h.value.get("alg"))
        .and_then(|a| a.as_str());
    if alg == Some("none") {
        assert_ne!(
            r.signature.verdict,
            Verdict::Valid,
            "alg none must never be valid"
        );
    }
    if d.form == Form::Jwe && d.is_well_formed() {
        assert_eq!(r.signature.verdict, Verdict::NotApplicable);
    }
    if r.signature.verdict == Verdict::Valid {
        assert!(d.is_well_formed() && d.form == Form::Jws, "{:?}", d.errors);
        let hmac = hmac_alg_of(d).expect("valid implies an HS* alg named exactly");
        let key = secret
            .expect("valid implies a secret")
            .decode()
            .expect("valid implies a decodable secret");
        let message = d
            .signing_input()
            .expect("a JWS has a signing input")
            .as_bytes();
        let tag = d
            .signature
            .as_deref()
            .expect("valid implies signature bytes");
        assert!(
            hmac.verify(&key, message, tag),
            "verdict valid, but HMAC disagrees"
        );
        assert_eq!(hmac.mac(&key, message), tag);
        assert_eq!(r.signature.key_len, Some(key.len()));
        let top_level_alg_dups = d
            .header
            .as_ref()
            .map(|h| {
                h.duplicates
                    .iter()
                    .filter(|x| x.path.is_empty() && x.name == "alg")
                    .count()
            })
            .unwrap_or(0);
        assert_eq!(top_level_alg_dups, 0, "valid despite a duplicated alg");
    }
    if r.signature.verdict == Verdict::Unsigned {
        assert_eq!(alg, Some("none"));
    }
    r
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let plain = check(&text, None);
    check(&text, Some(&SecretInput::utf8("secret")));
    if let Some(weak) = plain.weak_secret {
        // The scan's claim: the HMAC named by alg really verifies with that secret...
        let d = &plain.decoded;
        let hmac = hmac_alg_of(d).expect("a weak secret implies an HS* alg");
        let message = d.signing_input().expect("a JWS").as_bytes();
        let tag = d.signature.as_deref().expect("a signature");
        assert!(
            hmac.verify(weak.as_bytes(), message, tag),
            "weak secret {weak:?} does not verify"
        );
        // ...and through the front door the verdict is valid, unless the header makes the token
        // unacceptable whatever the key (crit, a repeated alg). An empty key cannot be typed as
        // UTF-8 text, but blank hex decodes to it.
        let secret = if weak.is_empty() {
            SecretInput::new(" ", SecretEncoding::Hex)
        } else {
            SecretInput::utf8(weak)
        };
        let r = check(&text, Some(&secret));
        assert!(
            matches!(
                r.signature.verdict,
                Verdict::Valid | Verdict::UnsupportedCrit | Verdict::AmbiguousAlg
            ),
            "weak secret {weak:?} gives {:?}",
            r.signature.verdict
        );
    }
    if let Some(nul) = data.iter().position(|&b| b == 0) {
        let token = String::from_utf8_lossy(&data[..nul]);
        let secret_text = String::from_utf8_lossy(&data[nul + 1..]);
        let encoding = SecretEncoding::ALL[data.len() % SecretEncoding::ALL.len()];
        check(&token, Some(&SecretInput::new(secret_text, encoding)));
    }
});
