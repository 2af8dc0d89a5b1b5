//! The core's character checks as the browser runs them. `scripts/test.sh` builds the wasm tests
//! with WebAssembly SIMD, as the release build is, so these run the checks' vector path (16 bytes
//! per step) that native tests never reach: every length around a block, a bad byte anywhere.
#![cfg(target_arch = "wasm32")]

use jwt_core::b64url::{self, DecodeError};
use jwt_core::input::{self, Found};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Base64url text of `len` characters, cycling through every kind of character it may hold.
fn base64url_text(len: usize) -> String {
    const CHARS: &[u8] = b"azAZ09-_mN5q";
    (0..len)
        .map(|i| char::from(CHARS[i % CHARS.len()]))
        .collect()
}

/// Bytes just outside the base64url ranges and the punctuation a token is pasted with.
const OUTSIDE: [char; 9] = ['@', '[', '`', '{', '/', ':', '.', ' ', 'é'];

#[wasm_bindgen_test]
fn a_segment_with_a_bad_character_anywhere_is_refused_there() {
    for len in [0, 1, 2, 3, 15, 16, 17, 31, 32, 33, 48, 63, 64, 65, 100] {
        let good = base64url_text(len);
        // 4k + 1 characters is an impossible length, whatever the characters.
        if len % 4 != 1 {
            assert!(b64url::decode(&good).is_ok(), "length {len}");
        }
        for at in 0..len {
            for bad in OUTSIDE {
                let mut text = good.clone();
                text.replace_range(at..at + 1, bad.encode_utf8(&mut [0; 4]));
                match b64url::decode(&text) {
                    Err(DecodeError::InvalidCharacter {
                        position,
                        character,
                    }) => assert_eq!((position, character), (at, bad), "length {len}"),
                    Err(DecodeError::ImpossibleLength { .. }) if bad == '/' => {}
                    Ok(d) if bad == '/' => assert!(!d.noncanonical.is_empty()),
                    other => panic!("length {len}, {bad:?} at {at}: {other:?}"),
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn a_bare_token_is_known_base64url_only_when_every_byte_is() {
    for len in [8, 15, 16, 17, 40, 47, 48, 49, 130] {
        let token = format!(
            "eyJ{}.{}.{}",
            base64url_text(len),
            base64url_text(len),
            "sig"
        );
        let Found::Token(found) = input::find(&token) else {
            panic!("length {len}: not found as a token");
        };
        assert!(found.url_only, "length {len}");
        assert_eq!(found.token, token);
        // A standard-alphabet character anywhere: still the token, but not known base64url.
        for at in 3..token.len() {
            if token.as_bytes()[at] == b'.' {
                continue;
            }
            let mut standard = token.clone();
            standard.replace_range(at..at + 1, "+");
            let Found::Token(found) = input::find(&standard) else {
                panic!("length {len}, '+' at {at}: not found as a token");
            };
            assert!(!found.url_only, "length {len}, '+' at {at}");
        }
    }
}

#[wasm_bindgen_test]
fn the_segments_end_at_their_dots_wherever_the_dots_fall() {
    for first in [3, 14, 15, 16, 17, 31, 32, 33] {
        for second in [0, 1, 15, 16, 17, 40] {
            let header = format!("eyJ{}", base64url_text(first - 3));
            let payload = base64url_text(second);
            for parts in [
                vec![&header[..], &payload, "sig"],
                vec![&header, &payload, "a", "b", "c"],
            ] {
                let token = parts.join(".");
                let decoded = jwt_core::token::decode_signed(&token);
                let mut start = 0;
                let spans: Vec<(usize, usize)> = parts
                    .iter()
                    .map(|p| {
                        let span = (start, start + p.len());
                        start += p.len() + 1;
                        span
                    })
                    .collect();
                let found: Vec<(usize, usize)> =
                    decoded.segments.iter().map(|s| (s.start, s.end)).collect();
                assert_eq!(found, spans, "{token}");
            }
        }
    }
}
