//! Integration tests of `jwt-core`: public test vectors (RFC examples, Project Wycheproof) and
//! property tests. One binary (`cargo test -p jwt-core --test it`) so the crate links once.
//!
//! The vectors live outside the repository, in `shared/vectors/` beside the repo root. They are
//! required: a missing directory fails the tests with a message instead of skipping them.

mod differential;
mod hostile;
mod paste;
mod properties;
mod vectors_rfc;
mod vectors_wycheproof;

use std::path::PathBuf;

use serde_json::Value;

/// `shared/vectors`, found relative to this crate (`<repo>/crates/jwt-core` → `<repo>/../shared`).
pub const VECTORS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/vectors");

/// A fixed evaluation instant (2023-11-14T22:13:20Z) so that reports never depend on the clock.
pub const NOW: i64 = 1_700_000_000;

/// The path of a file under the vectors directory; fails clearly when the directory is missing.
pub fn vector_path(relative: &str) -> PathBuf {
    let dir = PathBuf::from(VECTORS_DIR);
    assert!(
        dir.is_dir(),
        "test vectors not found: expected the directory {} (shared/vectors beside the repository root). \
         CI always provides it; locally, make sure ../shared/vectors exists next to the repo.",
        dir.display()
    );
    let path = dir.join(relative);
    assert!(
        path.is_file(),
        "test vector file missing: {} (the vectors directory exists, but this file does not)",
        path.display()
    );
    path
}

/// Reads and parses one JSON vector file.
pub fn load_json(relative: &str) -> Value {
    let path = vector_path(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Decodes hex text (either case) into bytes; panics on malformed test data.
pub fn hex_decode(text: &str) -> Vec<u8> {
    assert!(
        text.len().is_multiple_of(2),
        "odd-length hex in test data: {text:?}"
    );
    (0..text.len())
        .step_by(2)
        .map(|i| {
            u8::from_str_radix(&text[i..i + 2], 16)
                .unwrap_or_else(|e| panic!("bad hex {text:?} at {i}: {e}"))
        })
        .collect()
}

/// Encodes bytes as lower-case hex.
pub fn hex_encode(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes unpadded base64url test data with an engine independent of the core's decoder.
pub fn b64url_decode(text: &str) -> Vec<u8> {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .unwrap_or_else(|e| panic!("bad base64url in test data {text:?}: {e}"))
}

/// Encodes bytes as unpadded base64url with an engine independent of the core's encoder.
pub fn b64url_encode(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// The core's value as `serde_json` reads its compact text (which checks that text as well).
pub fn serde_of(value: &jwt_core::json::Value) -> Value {
    serde_json::from_str(&value.to_string()).expect("the compact text of a value is JSON")
}

/// JSON equality where numbers are compared by value: `1.30081938e+09 == 1300819380.0 == 1300819380`.
/// Object member order is ignored (the raw text comparisons check spelling and order).
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_i64(), y.as_i64()) {
            (Some(i), Some(j)) => i == j,
            _ => match (x.as_f64(), y.as_f64()) {
                (Some(f), Some(g)) => f == g,
                _ => x.to_string() == y.to_string(),
            },
        },
        (Value::Array(xs), Value::Array(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| json_eq(x, y))
        }
        (Value::Object(xs), Value::Object(ys)) => {
            xs.len() == ys.len()
                && xs
                    .iter()
                    .all(|(k, x)| ys.get(k).is_some_and(|y| json_eq(x, y)))
        }
        _ => a == b,
    }
}

#[test]
fn vectors_directory_is_present() {
    for file in [
        "README.md",
        "rfc.json",
        "wycheproof/README.md",
        "wycheproof/testvectors_v1/json_web_signature_test.json",
        "wycheproof/testvectors_v1/hmac_sha256_test.json",
        "wycheproof/testvectors_v1/hmac_sha384_test.json",
        "wycheproof/testvectors_v1/hmac_sha512_test.json",
    ] {
        vector_path(file);
    }
}

#[test]
fn helpers_behave() {
    assert_eq!(hex_decode("00fFa0"), [0x00, 0xff, 0xa0]);
    assert_eq!(hex_encode(&[0x00, 0xff, 0xa0]), "00ffa0");
    assert_eq!(b64url_decode(&b64url_encode(b"\xfb\xff")), b"\xfb\xff");
    let a: Value = serde_json::from_str(r#"{"exp":1.30081938e+09,"x":[1,2.0]}"#).unwrap();
    let b: Value = serde_json::from_str(r#"{"x":[1.0,2],"exp":1300819380}"#).unwrap();
    assert!(json_eq(&a, &b));
    let c: Value = serde_json::from_str(r#"{"x":[1.0,2],"exp":1300819381}"#).unwrap();
    assert!(!json_eq(&a, &c));
}
