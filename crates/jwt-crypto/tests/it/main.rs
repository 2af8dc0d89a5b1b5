//! Integration tests of `jwt-crypto` with `jwt-core`: public vectors through plan → RustCrypto →
//! conclude, the core's key reader checked against RustCrypto's own parsers, key choice, and
//! properties. One binary, so the crates link once.
//!
//! The vectors live outside the repository, in `shared/vectors/` beside the repo root; a missing
//! directory fails the tests with a message instead of skipping them.

mod cross_check;
mod fixtures;
mod jws_vectors;
mod properties;
mod rfc;
mod selection;
mod signatures;

use std::path::PathBuf;

use jwt_core::{plan, token, KeyInput, Plan, SignatureCheck};
use jwt_crypto::RustCrypto;
use serde_json::Value;

/// `shared/vectors`, found relative to this crate (`<repo>/crates/jwt-crypto` → `<repo>/../shared`).
pub const VECTORS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/vectors");

/// The Wycheproof files.
pub const WYCHEPROOF: &str = "wycheproof/testvectors_v1";

/// A fixed evaluation instant (2023-11-14T22:13:20Z).
pub const NOW: i64 = 1_700_000_000;

/// Reads and parses one JSON vector file; fails clearly when the directory is missing.
pub fn load_json(relative: &str) -> Value {
    let dir = PathBuf::from(VECTORS_DIR);
    assert!(
        dir.is_dir(),
        "test vectors not found: expected the directory {} (shared/vectors beside the repository root)",
        dir.display()
    );
    let path = dir.join(relative);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// Decodes hex test data.
pub fn hex(text: &str) -> Vec<u8> {
    assert!(text.len().is_multiple_of(2), "odd-length hex {text:?}");
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap_or_else(|e| panic!("{e}")))
        .collect()
}

/// Standard base64 with an engine independent of the core's.
pub fn base64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The two phases with the native backend, as the browser does them with WebCrypto.
pub fn two_phase(token_text: &str, key: Option<KeyInput<'_>>) -> SignatureCheck {
    let decoded = token::decode(token_text);
    match plan(&decoded, key) {
        Plan::Done(check) => check,
        Plan::Verify(request) => {
            let verified = request.candidates.iter().position(|c| {
                jwt_crypto::verify(
                    request.alg,
                    &c.key.public,
                    request.signing_input.as_bytes(),
                    &request.signature,
                )
            });
            let check = jwt_core::conclude(&request, verified);
            // The one-call form agrees.
            assert_eq!(
                jwt_core::check_with(&decoded, key, &RustCrypto),
                check,
                "check_with agrees with plan + conclude"
            );
            check
        }
    }
}

/// A JWK value without its private members, as JSON text.
pub fn public_jwk(jwk: &Value) -> String {
    let mut jwk = jwk.as_object().expect("a JWK object").clone();
    for m in ["d", "p", "q", "dp", "dq", "qi", "oth"] {
        jwk.remove(m);
    }
    Value::Object(jwk).to_string()
}
