//! Properties: reading keys never panics on any text; a token signed natively verifies; a
//! one-bit change of the signed text or of the signature never verifies.

use std::sync::OnceLock;

use jwt_core::{keys, KeyInput, Verdict};
use jwt_crypto::PrivateKey;
use proptest::prelude::*;

use crate::fixtures::{entries, fixture};
use crate::{base64, two_phase};

/// (alg, private key, public PEM, public JWK, JWKS) of one fixture.
type FixtureKey = (String, PrivateKey, String, String, String);

/// Every fixture's keys, read once.
fn keys_of_fixtures() -> &'static Vec<FixtureKey> {
    static KEYS: OnceLock<Vec<FixtureKey>> = OnceLock::new();
    KEYS.get_or_init(|| {
        entries()
            .iter()
            .map(|e| {
                let get = |f: &str| fixture(e[f].as_str().unwrap());
                (
                    e["alg"].as_str().unwrap().to_string(),
                    PrivateKey::from_pkcs8_pem(&get("private_pem")).unwrap(),
                    get("public_pem"),
                    get("public_jwk"),
                    get("jwks"),
                )
            })
            .collect()
    })
}

/// Key texts to mutate: every fixture's PEM, JWK and JWKS.
fn key_texts() -> Vec<String> {
    keys_of_fixtures()
        .iter()
        .flat_map(|(_, _, pem, jwk, jwks)| [pem.clone(), jwk.clone(), jwks.clone()])
        .collect()
}

/// Reading must answer (a key set or a located error with words) and never panic.
fn read_is_total(text: &str) -> Result<(), TestCaseError> {
    match keys::read(text) {
        Ok(set) => prop_assert!(!set.entries.is_empty()),
        Err(e) => prop_assert!(!e.message.is_empty()),
    }
    prop_assert_eq!(
        keys::looks_like_public_key(text),
        (text.trim().contains("-----BEGIN") || text.trim().starts_with('{'))
            && keys::read(text.trim()).is_ok_and(|s| s.keys().next().is_some())
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn reading_any_text_never_panics(text in ".{0,300}") {
        read_is_total(&text)?;
    }

    #[test]
    fn reading_any_bytes_as_der_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        read_is_total(&base64(&bytes))?;
        read_is_total(&format!("-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n", base64(&bytes)))?;
        read_is_total(&format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", base64(&bytes)))?;
        read_is_total(&format!("-----BEGIN RSA PUBLIC KEY-----\n{}\n-----END RSA PUBLIC KEY-----\n", base64(&bytes)))?;
    }

    #[test]
    fn reading_mutated_keys_never_panics(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        op in 0u8..4,
        c in any::<char>(),
    ) {
        let texts = key_texts();
        let mut text: Vec<char> = texts[which.index(texts.len())].chars().collect();
        let i = at.index(text.len());
        match op {
            0 => { text.remove(i); }
            1 => text.insert(i, c),
            2 => text[i] = c,
            _ => text.truncate(i),
        }
        read_is_total(&text.into_iter().collect::<String>())?;
    }

    #[test]
    fn reading_mutated_der_never_panics(
        which in any::<prop::sample::Index>(),
        at in any::<prop::sample::Index>(),
        byte in any::<u8>(),
        cut in any::<bool>(),
    ) {
        // Mutate the DER inside a fixture's PEM (length bytes, tags, anything).
        let set = keys_of_fixtures();
        let pem = &set[which.index(set.len())].2;
        let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
        use base64::Engine as _;
        let mut der = base64::engine::general_purpose::STANDARD.decode(body).unwrap();
        let i = at.index(der.len());
        if cut { der.truncate(i) } else { der[i] = byte }
        read_is_total(&base64(&der))?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn natively_signed_tokens_verify_and_one_bit_changes_never_do(
        which in any::<prop::sample::Index>(),
        payload in "[ -~]{0,120}",
        form in 0usize..3,
        flip_at in any::<prop::sample::Index>(),
        bit in 0u8..8,
        in_signature in any::<bool>(),
    ) {
        let set = keys_of_fixtures();
        let (alg, private, pem, jwk, jwks) = &set[which.index(set.len())];
        let kid = format!("{}-key-1", alg.to_lowercase());
        let header = format!(r#"{{"alg":"{alg}","kid":"{kid}"}}"#);
        let token = jwt_crypto::sign_token(&header, &payload, private).unwrap();
        let key = [pem, jwk, jwks][form];
        let check = two_phase(&token, Some(KeyInput::PublicKey(key)));
        prop_assert_eq!(check.verdict, Verdict::Valid, "{} {}: {}", alg, form, check.message);

        let (signing_input, signature) = token.rsplit_once('.').unwrap();
        let changed = if in_signature {
            let mut sig = jwt_core::b64url::decode(signature).unwrap().bytes;
            let i = flip_at.index(sig.len());
            sig[i] ^= 1 << bit;
            format!("{signing_input}.{}", jwt_core::b64url::encode(&sig))
        } else {
            let mut bytes = signing_input.as_bytes().to_vec();
            let i = flip_at.index(bytes.len());
            bytes[i] ^= 1 << bit;
            let text = String::from_utf8_lossy(&bytes).into_owned();
            format!("{text}.{signature}")
        };
        let check = two_phase(&changed, Some(KeyInput::PublicKey(key)));
        prop_assert_ne!(check.verdict, Verdict::Valid, "{}: {} verified", alg, changed);
    }
}
