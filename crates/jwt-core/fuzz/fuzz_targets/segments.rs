//! `token::decode` alone: cleaning the pasted text, splitting segments, base64url and JSON per part.
//!
//! Invariants: never panics; segments lie inside the cleaned token, in order, on character
//! boundaries; error offsets stay inside the token; a JWS signing input is exactly the first two
//! segments; the form matches the segment count; oversized input is refused before any work;
//! the signature-only decode (`decode_signed`) finds the same segments, errors and signature.
#![no_main]

use jwt_core::token::{self, Form, StructureKind, MAX_INPUT_BYTES};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let d = token::decode(&text);
    assert_eq!(d.input_len, text.len());
    let signed = token::decode_signed(&text);
    assert_eq!(signed.segments, d.segments);
    assert_eq!(signed.errors, d.errors);
    assert_eq!(signed.noncanonical, d.noncanonical);
    assert_eq!(signed.signature, d.signature);
    assert_eq!(signed.header, d.header);
    if text.len() > MAX_INPUT_BYTES {
        assert_eq!(d.errors[0].kind, StructureKind::InputTooLarge);
        return;
    }
    assert!(d.token.len() <= text.len(), "cleaning only removes");
    let mut previous_end = 0;
    for (i, s) in d.segments.iter().enumerate() {
        assert!(s.start <= s.end && s.end <= d.token.len(), "{s:?}");
        assert!(
            i == 0 || s.start == previous_end + 1,
            "segments are dot-separated"
        );
        assert!(d.token.is_char_boundary(s.start) && d.token.is_char_boundary(s.end));
        assert!(!d.token[s.start..s.end].contains('.'));
        previous_end = s.end;
    }
    for e in &d.errors {
        assert!(!e.message.is_empty());
        if let Some(offset) = e.offset {
            assert!(offset <= d.token.len(), "{e:?}");
        }
    }
    let dots = d.token.matches('.').count();
    match d.form {
        Form::Jws => assert_eq!((dots, d.segments.len()), (2, 3)),
        Form::Jwe => assert_eq!((dots, d.segments.len()), (4, 5)),
        Form::Unknown => assert!(!d.errors.is_empty()),
    }
    match d.signing_input() {
        Some(si) => {
            assert_eq!(d.form, Form::Jws);
            assert_eq!(si.matches('.').count(), 1);
            assert!(d.token.starts_with(si));
        }
        None => assert!(d.form != Form::Jws),
    }
    if d.is_well_formed() && d.form == Form::Jws {
        assert!(d.header.as_ref().is_some_and(|h| h.value.is_object()));
        assert!(d.signature.is_some());
    }
    // Decoding is a pure function of the text.
    assert_eq!(token::decode(&text), d);
});
