//! `json::parse` on arbitrary bytes: the layout for display and the duplicate-name pass.
//!
//! Invariants: never panics; accepts exactly what serde_json accepts; `raw` is the input; the
//! pieces concatenate to `pretty`; `pretty` parses (serde_json, arbitrary_precision) to a value
//! equal to `value` — numbers compare by their spelling, and duplicate names collapse identically
//! on both sides — and laying out `pretty` again is a fixed point with the same duplicate names.
#![no_main]

use jwt_core::json::{self, JsonError};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

fuzz_target!(|data: &[u8]| {
    let reference = serde_json::from_slice::<Value>(data);
    match json::parse(data) {
        Ok(doc) => {
            let reference = reference.expect("core accepts what serde_json refuses");
            assert_eq!(doc.value, reference);
            assert_eq!(doc.raw.as_bytes(), data);
            let joined: String = doc.pieces().iter().map(|p| p.text.as_str()).collect();
            assert_eq!(joined, doc.pretty());
            let again: Value = serde_json::from_str(&doc.pretty()).expect("pretty is JSON");
            assert_eq!(again, doc.value, "pretty:\n{}", doc.pretty());
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
