//! `secret::decode` in every encoding on arbitrary text.
//!
//! Invariants: never panics; UTF-8 always succeeds with the text's bytes; decoded hex re-encodes
//! to the trimmed text (lower-cased); decoded base64/base64url re-encodes to the trimmed text
//! without its padding, except possibly the last character (unused bits are tolerated), and that
//! re-encoding decodes to the same key; errors name the encoding, point inside the text and say
//! something; `SecretInput::decode` agrees with `secret::decode`.
#![no_main]

use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use jwt_core::secret::{self, SecretEncoding, SecretInput};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for encoding in SecretEncoding::ALL {
        let result = secret::decode(&text, encoding);
        assert_eq!(SecretInput::new(text.as_ref(), encoding).decode(), result);
        match (encoding, result) {
            (SecretEncoding::Utf8, Ok(key)) => assert_eq!(key, text.as_bytes()),
            (SecretEncoding::Utf8, Err(e)) => panic!("UTF-8 text cannot fail: {e:?}"),
            (SecretEncoding::Auto, _) => unreachable!("ALL lists concrete encodings only"),
            (SecretEncoding::Hex, Ok(key)) => {
                let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
                assert_eq!(hex, text.trim().to_ascii_lowercase());
            }
            (SecretEncoding::Base64 | SecretEncoding::Base64url, Ok(key)) => {
                let engine = if encoding == SecretEncoding::Base64 {
                    &STANDARD_NO_PAD
                } else {
                    &URL_SAFE_NO_PAD
                };
                let body = text.trim().trim_end_matches('=');
                let again = engine.encode(&key);
                assert_eq!(again.len(), body.len(), "{text:?}");
                let keep = body.len().saturating_sub(1);
                assert_eq!(again[..keep], body[..keep], "{text:?}");
                assert_eq!(secret::decode(&again, encoding), Ok(key));
            }
            (_, Err(e)) => {
                assert_eq!(e.encoding, encoding);
                assert!(!e.message.is_empty());
                if let Some(p) = e.position {
                    assert!(p < text.trim().chars().count(), "{e:?} in {text:?}");
                }
            }
        }
    }
});
