//! Base64url decoding of arbitrary segments, and encode→decode round trips of arbitrary bytes.
//!
//! Invariants: never panics; any bytes encode to text that decodes back to them with no
//! non-canonical notes; a decoded segment agrees with an independent lenient decoder (the
//! `base64` crate on the same text with padding stripped and `+`/`/` mapped), and its notes are
//! exactly what differs from the canonical spelling; a failure points inside the segment and is
//! also a failure for the independent decoder; `check` says exactly what `decode` says.
#![no_main]

use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use jwt_core::b64url::{self, Noncanonical};
use libfuzzer_sys::fuzz_target;

const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::RequireNone),
);

fuzz_target!(|data: &[u8]| {
    // Round trip of arbitrary bytes.
    let encoded = b64url::encode(data);
    let back = b64url::decode(&encoded).expect("encoded bytes decode");
    assert_eq!(back.bytes, data);
    assert!(back.noncanonical.is_empty(), "{:?}", back.noncanonical);

    // Decoding arbitrary text.
    let text = String::from_utf8_lossy(data);
    let body = text.trim_end_matches('=');
    let normalized = body.replace('+', "-").replace('/', "_");
    let oracle = if body.contains('=') {
        Err(())
    } else {
        LENIENT.decode(&normalized).map_err(|_| ())
    };
    let decoded = b64url::decode(&text);
    assert_eq!(
        b64url::check(&text),
        decoded.clone().map(|d| d.noncanonical),
        "{text:?}"
    );
    match decoded {
        Ok(d) => {
            assert_eq!(Ok(&d.bytes), oracle.as_ref(), "{text:?}");
            assert_eq!(
                d.noncanonical.contains(&Noncanonical::Padding),
                body.len() != text.len()
            );
            assert_eq!(
                d.noncanonical.contains(&Noncanonical::StandardAlphabet),
                body.contains(['+', '/'])
            );
            let canonical = b64url::encode(&d.bytes);
            assert_eq!(
                d.noncanonical.contains(&Noncanonical::TrailingBits),
                canonical != normalized,
                "{text:?}"
            );
            let mut sorted = d.noncanonical.clone();
            sorted.dedup();
            assert_eq!(sorted, d.noncanonical, "no repeats");
        }
        Err(e) => {
            assert!(
                oracle.is_err(),
                "core refuses {text:?} ({e:?}) that base64 accepts"
            );
            assert!(e.position() <= text.len());
            assert!(!e.message().is_empty());
        }
    }
});
