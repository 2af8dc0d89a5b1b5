//! `keys::read` (PEM, certificates, base64 DER, JWK, JWKS) on arbitrary text, and the key choice
//! and planning that follow; `keys::read_private` (PKCS#8, PKCS#1, SEC 1, private JWK) on the
//! same text, and what is written from a private key.
//!
//! Input: arbitrary bytes. When the first byte is 0, the rest is DER, fed as bare base64 and
//! inside `PUBLIC KEY`, `CERTIFICATE`, `RSA PUBLIC KEY`, `PRIVATE KEY`, `RSA PRIVATE KEY` and
//! `EC PRIVATE KEY` PEM blocks; otherwise the bytes are text (lossy UTF-8).
//!
//! Invariants: never panics; an error has words, and a PEM line inside the text; a key read is
//! canonical (RSA numbers without leading zeros, EC coordinates of the curve's length, OKP keys
//! of the curve's length), its minimal JWK reads back to the same key, and it has a description;
//! `plan` with the text for a token of every public-key algorithm never panics, and only asks to
//! verify with keys that fit the algorithm. A private key read is canonical too (RSA numbers
//! without leading zeros, EC and Ed25519 scalars of their exact length); its PKCS#8 reads back to
//! the same secret and is a fixed point; its JWK exists exactly when its public half does, and
//! reads back to the same key; that public half's SPKI reads back to it; its default algorithm
//! fits and can be prepared for signing.
#![no_main]

use std::sync::OnceLock;

use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use jwt_core::keys::{self, export, KeyLocation, PrivateNumbers, PublicKey};
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

/// The error has words, and its PEM line is one of the text's.
fn check_error(e: &keys::KeyError, lines: usize) {
    assert!(!e.message.is_empty());
    assert!(!e.to_string().is_empty());
    if let Some(KeyLocation::PemLine { line }) = e.location {
        assert!(line >= 1 && line <= lines, "line {line} of {lines}: {e}");
    }
}

/// A number without leading zero bytes (zero itself is one zero byte).
fn canonical(n: &[u8]) -> bool {
    n.first().is_some_and(|&b| b != 0) || n == [0]
}

fn check_private(text: &str) {
    let lines = text.lines().count().max(1);
    let key = match keys::read_private(text) {
        Err(e) => return check_error(&e, lines),
        Ok(key) => key,
    };
    match &key.numbers {
        PrivateNumbers::Rsa(k) => {
            for n in [&k.n, &k.e, &k.d, &k.p, &k.q] {
                assert!(n.first().is_some_and(|&b| b != 0), "nonzero, canonical");
            }
            for n in [&k.dp, &k.dq, &k.qi] {
                assert!(canonical(n));
            }
        }
        PrivateNumbers::Ec { curve, d, point } => {
            assert_eq!(d.len(), curve.coordinate_len());
            if let Some((x, y)) = point {
                assert_eq!((x.len(), y.len()), (d.len(), d.len()));
            }
        }
        PrivateNumbers::Ed25519 { d, x } => {
            assert_eq!(d.len(), 32);
            assert!(x.as_ref().is_none_or(|x| x.len() == 32));
        }
    }
    assert!(!key.description().is_empty());
    let der = key.to_pkcs8_der();
    let again = keys::read_private(&keys::pem::encode("PRIVATE KEY", &der))
        .expect("the PKCS#8 written reads back");
    assert!(again.numbers.same_secret(&key.numbers));
    assert_eq!(again.to_pkcs8_der(), der, "PKCS#8 is a fixed point");
    match key.public_key() {
        Ok(public) => {
            let jwk = key.to_jwk().expect("a JWK when the public half is known");
            let back = keys::read_private(&jwk).expect("the JWK reads back");
            assert_eq!(back.numbers, key.numbers);
            let spki = keys::read(&keys::pem::encode("PUBLIC KEY", &public.to_spki_der()))
                .expect("the SPKI reads back");
            assert_eq!(spki.keys().next().map(|k| &k.public), Some(&public));
            assert_eq!(export::thumbprint(&public).len(), 43);
        }
        Err(e) => {
            assert!(!e.message.is_empty());
            assert!(key.to_jwk().is_err());
        }
    }
    let alg = key.default_alg();
    assert!(key.fits(alg).is_ok());
    let request = jwt_core::sign::prepare(r#"{"typ":"JWT"}"#, "{}", &key, alg, key.kid.as_deref())
        .expect("the default algorithm can be prepared");
    assert_eq!(request.pkcs8, der);
    // Signing material is never where verification looks for a public key.
    assert!(keys::read(text).is_err() || key.form.code().starts_with("jwk"));
}

fn check_text(text: &str) {
    check_private(text);
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
            for label in [
                "PUBLIC KEY",
                "CERTIFICATE",
                "RSA PUBLIC KEY",
                "PRIVATE KEY",
                "RSA PRIVATE KEY",
                "EC PRIVATE KEY",
            ] {
                check_text(&format!("-----BEGIN {label}-----\n{b64}\n-----END {label}-----\n"));
            }
        }
        _ => check_text(&String::from_utf8_lossy(data)),
    }
});
