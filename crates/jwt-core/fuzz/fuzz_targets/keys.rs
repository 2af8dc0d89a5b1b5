//! `keys::read` (PEM, certificates, base64 DER, JWK, JWKS) on arbitrary text, and the key choice
//! and planning that follow.
//!
//! Input: arbitrary bytes. When the first byte is 0, the rest is DER, fed as bare base64 and
//! inside `PUBLIC KEY`, `CERTIFICATE` and `RSA PUBLIC KEY` PEM blocks; otherwise the bytes are
//! text (lossy UTF-8).
//!
//! Invariants: never panics; an error has words, and a PEM line inside the text; a key read is
//! canonical (RSA numbers without leading zeros, EC coordinates of the curve's length, OKP keys
//! of the curve's length), its minimal JWK reads back to the same key, and it has a description;
//! `plan` with the text for a token of every public-key algorithm never panics, and only asks to
//! verify with keys that fit the algorithm.
#![no_main]

use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use jwt_core::keys::{self, KeyLocation, PublicKey};
use jwt_core::token::{self, Decoded};
use jwt_core::{plan, KeyInput, Plan, PublicAlg};
use libfuzzer_sys::fuzz_target;

/// One token per algorithm, with a kid and a signature of a plausible length.
fn tokens() -> &'static Vec<(PublicAlg, Decoded)> {
    static TOKENS: OnceLock<Vec<(PublicAlg, Decoded)>> = OnceLock::new();
    TOKENS.get_or_init(|| {
        PublicAlg::ALL
            .into_iter()
            .map(|alg| {
                let header = format!(r#"{{"alg":"{}","kid":"k2"}}"#, alg.name());
                let len = alg.fixed_signature_len().unwrap_or(256);
                let t = format!(
                    "{}.e30.{}",
                    jwt_core::b64url::encode(header.as_bytes()),
                    jwt_core::b64url::encode(&vec![1u8; len])
                );
                (alg, token::decode(&t))
            })
            .collect()
    })
}

fn check_text(text: &str) {
    let lines = text.lines().count().max(1);
    match keys::read(text) {
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(!e.to_string().is_empty());
            if let Some(KeyLocation::PemLine { line }) = e.location {
                assert!(line >= 1 && line <= lines, "line {line} of {lines}: {e}");
            }
        }
        Ok(set) => {
            assert!(!set.entries.is_empty());
            for key in set.keys() {
                match &key.public {
                    PublicKey::Rsa { n, e } => {
                        assert!(n.first().is_some_and(|&b| b != 0), "n is canonical");
                        assert!(e.first().is_some_and(|&b| b != 0), "e is canonical");
                    }
                    PublicKey::Ec { curve, x, y } => {
                        assert_eq!(x.len(), curve.coordinate_len());
                        assert_eq!(y.len(), curve.coordinate_len());
                    }
                    PublicKey::Okp { curve, x } => assert_eq!(x.len(), curve.key_len()),
                }
                let again = keys::read(&key.public.to_jwk()).expect("to_jwk reads back");
                assert_eq!(again.keys().next().map(|k| &k.public), Some(&key.public));
                assert!(!key.description().is_empty());
            }
        }
    }
    for (alg, decoded) in tokens() {
        if let Plan::Verify(request) = plan(decoded, Some(KeyInput::PublicKey(text))) {
            assert!(!request.candidates.is_empty());
            for c in &request.candidates {
                assert!(alg.fits(&c.key.public).is_ok(), "{alg:?} with {:?}", c.key.public);
            }
        }
    }
}

fuzz_target!(|data: &[u8]| {
    match data.split_first() {
        Some((0, der)) => {
            let b64 = STANDARD.encode(der);
            check_text(&b64);
            for label in ["PUBLIC KEY", "CERTIFICATE", "RSA PUBLIC KEY"] {
                check_text(&format!("-----BEGIN {label}-----\n{b64}\n-----END {label}-----\n"));
            }
        }
        _ => check_text(&String::from_utf8_lossy(data)),
    }
});
