//! `json::parse` on arbitrary bytes: the layout for display and the duplicate-name pass.
//!
//! Invariants: never panics; accepts exactly what serde_json accepts; `raw` is the input; the
//! pieces concatenate to `pretty`; the core's value, written compactly and read by serde_json, is
//! serde_json's value in the same order (arbitrary_precision, preserve_order: a repeated name at
//! its first place with its last value), and so is `pretty` read by serde_json; laying out
//! `pretty` again is a fixed point with the same duplicate names.
#![no_main]

use jwt_core::json::{self, JsonError};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let reference = serde_json::from_slice::<Value>(data);
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
            assert!(
                reference.is_err(),
                "core refuses what serde_json accepts: {e:?}"
            );
            assert!(e.position() <= data.len(), "{e:?}");
            assert!(!e.message().is_empty());
            if let JsonError::NotUtf8 { position } = e {
                assert!(std::str::from_utf8(&data[..position]).is_ok());
                assert!(std::str::from_utf8(data).is_err());
            }
        }
    }
});
