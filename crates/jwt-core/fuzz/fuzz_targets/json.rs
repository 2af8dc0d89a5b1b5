//! `json::parse` on arbitrary bytes: the layout for display and the duplicate-name pass.
//!
//! Invariants: never panics; accepts what serde_json accepts and refuses the rest with
//! serde_json's reason at serde_json's place; `raw` is the input; the
//! pieces concatenate to `pretty`; the core's value, written compactly and read by serde_json, is
//! serde_json's value in the same order (arbitrary_precision, preserve_order: a repeated name at
//! its first place with its last value), and so is `pretty` read by serde_json; laying out
//! `pretty` again is a fixed point with the same duplicate names.
#![no_main]

use jwt_core::json::{self, JsonError};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// The member name serde_json (`arbitrary_precision`) reserves for itself: it reads an object
/// named so as a number, or refuses it; the core reads it as the object it is.
const SERDE_MARKER: &[u8] = b"$serde_json::private::Number";

/// serde_json's refusal as the core reported it before it had its own reader: the reason without
/// "at line …", at the byte its line and column come to.
fn serde_refusal(text: &str, error: &serde_json::Error) -> JsonError {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(error.line().saturating_sub(1))
        .map(str::len)
        .sum();
    let position = (line_start + error.column().saturating_sub(1)).min(text.len());
    let full = error.to_string();
    if full.starts_with("recursion limit exceeded") {
        return JsonError::TooDeep { position };
    }
    let cut = full.rfind(" at line ").unwrap_or(full.len());
    JsonError::Syntax { position, reason: full[..cut].to_string() }
}

fuzz_target!(|data: &[u8]| {
    let reference = serde_json::from_slice::<Value>(data);
    if data.windows(SERDE_MARKER.len()).any(|w| w == SERDE_MARKER) {
        if let Ok(doc) = json::parse(data) {
            assert_eq!(doc.raw.as_bytes(), data);
        }
        return;
    }
    match json::parse(data) {
        Ok(doc) => {
            let reference = reference.expect("core accepts what serde_json refuses");
            // Read back by serde_json, which writes an exponent's `E` as `e`.
            let ours: Value = serde_json::from_str(&doc.value.to_string()).expect("compact text is JSON");
            assert_eq!(ours.to_string(), reference.to_string());
            assert_eq!(doc.raw.as_bytes(), data);
            let joined: String = doc.pieces().iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, doc.pretty());
            let again: Value = serde_json::from_str(&doc.pretty()).expect("pretty is JSON");
            assert_eq!(again.to_string(), ours.to_string(), "pretty:\n{}", doc.pretty());
            for dup in &doc.duplicates {
                assert!(dup.values.len() >= 2, "{dup:?}");
            }
            let relaid = json::parse(doc.pretty().as_bytes()).expect("pretty parses");
            assert_eq!(relaid.pretty(), doc.pretty(), "layout is a fixed point");
            let names = |d: &json::Document| {
                d.duplicates
                    .iter()
                    .map(|x| (x.path.clone(), x.name.clone(), x.values.len()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(names(&relaid), names(&doc));
        }
        Err(e) => {
            let Err(theirs) = &reference else {
                panic!("core refuses what serde_json accepts: {e:?}");
            };
            if let Ok(text) = std::str::from_utf8(data) {
                assert_eq!(e, serde_refusal(text, theirs), "the same reason at the same place");
            }
            assert!(e.position() <= data.len(), "{e:?}");
            assert!(!e.message().is_empty());
            if let JsonError::NotUtf8 { position } = e {
                assert!(std::str::from_utf8(&data[..position]).is_ok());
                assert!(std::str::from_utf8(data).is_err());
            }
        }
    }
});
