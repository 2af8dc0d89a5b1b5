//! Signing with private keys read by the core, cross-checked natively: every algorithm signs
//! from every private-key form (`fixtures/keys`, see `private-forms.json`) and verifies; the
//! forms are one key; the core's PKCS#8 is what RustCrypto (and so the page's WebCrypto) imports;
//! RustCrypto's PKCS#1, SEC 1 and PKCS#8 output reads in the core; thumbprints and exported JWKS
//! agree with an independent computation and verify the fixture tokens.

use std::collections::BTreeMap;

use jwt_core::keys::{self, export, PrivateNumbers};
use jwt_core::{sign, KeyInput, PublicAlg, Verdict};
use jwt_crypto::PrivateKey;
use rsa::pkcs1::EncodeRsaPrivateKey;
use rsa::pkcs8::{EncodePrivateKey, LineEnding};
use serde_json::Value;
use sha2::Digest;

use crate::fixtures::fixture;
use crate::two_phase;

/// `private-forms.json`'s entries.
fn private_forms() -> Vec<Value> {
    let index: Value = serde_json::from_str(&fixture("private-forms.json")).expect("JSON");
    index["algs"].as_array().expect("algs").clone()
}

/// Every text of one fixture key, named: PEM forms, bare DER, the JWK and a one-key JWKS.
fn texts(entry: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for form in ["pkcs8", "pkcs1", "sec1", "jwk"] {
        if let Some(name) = entry[form].as_str() {
            out.push((form.to_string(), fixture(name)));
        }
    }
    let pkcs8 = fixture(entry["pkcs8"].as_str().unwrap());
    let bare: String = pkcs8.lines().filter(|l| !l.starts_with("-----")).collect();
    out.push(("bare DER".into(), bare));
    let jwk = fixture(entry["jwk"].as_str().unwrap());
    out.push(("JWKS".into(), format!("{{\"keys\":[{jwk}]}}")));
    out
}

/// The algorithms a fixture key signs: its own, and Ed25519 (RFC 9864) for the EdDSA key.
fn algs_of(alg: &str) -> Vec<PublicAlg> {
    let own = PublicAlg::from_name(alg).expect("a public alg");
    if own == PublicAlg::EdDSA {
        vec![own, PublicAlg::Ed25519]
    } else {
        vec![own]
    }
}

#[test]
fn every_algorithm_signs_from_every_private_key_form_and_verifies() {
    let mut per_alg: BTreeMap<&'static str, usize> = BTreeMap::new();
    for entry in private_forms() {
        let alg_name = entry["alg"].as_str().unwrap();
        let public = fixture(entry["public_pem"].as_str().unwrap());
        for alg in algs_of(alg_name) {
            for (form, text) in texts(&entry) {
                let what = format!("{} from {form}", alg.name());
                // 1. The native key from the core's reading.
                let native = PrivateKey::read(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
                let header = format!(r#"{{"alg":"{}","typ":"JWT"}}"#, alg.name());
                let token = jwt_crypto::sign_token(&header, r#"{"sub":"native"}"#, &native)
                    .unwrap_or_else(|e| panic!("{what}: {e}"));
                let check = two_phase(&token, Some(KeyInput::PublicKey(&public)));
                assert_eq!(check.verdict, Verdict::Valid, "{what}: {}", check.message);
                // 2. The page's path: prepare in the core, import its PKCS#8, sign, assemble.
                let core = keys::read_private(&text).unwrap();
                let request = sign::prepare(
                    "{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}",
                    "{\"sub\": \"page\"}",
                    &core,
                    alg,
                    core.kid.as_deref(),
                )
                .unwrap_or_else(|e| panic!("{what}: {e}"));
                let token =
                    jwt_crypto::sign_request(&request).unwrap_or_else(|e| panic!("{what}: {e}"));
                let check = two_phase(&token, Some(KeyInput::PublicKey(&public)));
                assert_eq!(check.verdict, Verdict::Valid, "{what}: {}", check.message);
                let decoded = jwt_core::token::decode(&token);
                let header = decoded.header.expect("header");
                assert_eq!(header.value["alg"], alg.name(), "{what}");
                assert_eq!(
                    header.value.get("kid").is_some(),
                    form == "jwk" || form == "JWKS",
                    "{what}: a JWK's kid goes into the header"
                );
                *per_alg.entry(alg.name()).or_default() += 2;
            }
        }
    }
    println!("signed and verified per algorithm: {per_alg:?}");
    // RSA: PKCS#8, PKCS#1, JWK, bare DER, JWKS; EC: PKCS#8, SEC 1, JWK, bare DER, JWKS;
    // Ed25519: PKCS#8, JWK, bare DER, JWKS; each signed two ways.
    for alg in PublicAlg::ALL {
        let expected = if alg.family() == jwt_core::verify::Family::Ed25519 {
            8
        } else {
            10
        };
        assert_eq!(per_alg.get(alg.name()), Some(&expected), "{alg:?}");
    }
}

#[test]
fn the_forms_are_one_key() {
    for entry in private_forms() {
        let alg_name = entry["alg"].as_str().unwrap();
        let alg = PublicAlg::from_name(alg_name).unwrap();
        let original = PrivateKey::from_pkcs8_pem(&fixture(entry["pkcs8"].as_str().unwrap()))
            .expect("RustCrypto reads the PKCS#8 fixture");
        let deterministic = !matches!(
            alg,
            PublicAlg::PS256 | PublicAlg::PS384 | PublicAlg::PS512 | PublicAlg::ES512
        );
        let reference = jwt_crypto::sign(alg, &original, b"one key").unwrap();
        for (form, text) in texts(&entry) {
            let key = PrivateKey::read(&text).unwrap();
            assert_eq!(key.public_key(), original.public_key(), "{alg_name} {form}");
            if deterministic {
                // PKCS#1 v1.5, RFC 6979 ECDSA and Ed25519 give the same bytes for the same key.
                assert_eq!(
                    jwt_crypto::sign(alg, &key, b"one key").unwrap(),
                    reference,
                    "{alg_name} {form}"
                );
            }
            // The core's public half is RustCrypto's, where the text has it.
            if let Ok(public) = keys::read_private(&text).unwrap().public_key() {
                assert_eq!(public, original.public_key(), "{alg_name} {form}");
            }
        }
    }
}

#[test]
fn the_core_reads_what_rustcrypto_writes_and_the_other_way_round() {
    let mut rng = rand_core::OsRng;
    let rsa = rsa::RsaPrivateKey::new(&mut rng, 1024).expect("an RSA key");
    let p256 = p256::SecretKey::random(&mut rng);
    let p384 = p384::SecretKey::random(&mut rng);
    let p521 = p521::SecretKey::random(&mut rng);
    let mut seed = [0u8; 32];
    rand_core::RngCore::fill_bytes(&mut rng, &mut seed);
    let ed = ed25519_dalek::SigningKey::from_bytes(&seed);
    let texts: Vec<(&str, String)> = vec![
        (
            "RSA PKCS#1",
            rsa.to_pkcs1_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "RSA PKCS#8",
            rsa.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "P-256 SEC 1",
            p256.to_sec1_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "P-256 PKCS#8",
            p256.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "P-384 SEC 1",
            p384.to_sec1_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "P-521 SEC 1",
            p521.to_sec1_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "P-521 PKCS#8",
            p521.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
        ),
        (
            "Ed25519 PKCS#8",
            ed.to_pkcs8_pem(LineEnding::LF).unwrap().to_string(),
        ),
    ];
    for (what, text) in texts {
        let core = keys::read_private(&text).unwrap_or_else(|e| panic!("{what}: {e}"));
        let native = PrivateKey::from_core(&core).unwrap_or_else(|e| panic!("{what}: {e}"));
        // The core's PKCS#8 goes back through RustCrypto's parser to the same key.
        let again = PrivateKey::from_pkcs8_der(&core.to_pkcs8_der())
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert_eq!(again.public_key(), native.public_key(), "{what}");
        // pkcs8's own structure parser agrees on the algorithm and the key bytes.
        let pkcs8 = core.to_pkcs8_der();
        let info = rsa::pkcs8::PrivateKeyInfo::try_from(pkcs8.as_slice())
            .unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(info.public_key.is_none(), "{what}: written as v1");
        // The public half, when it is in the text, is the native one; SPKI of it reads back.
        if let Ok(public) = core.public_key() {
            assert_eq!(public, native.public_key(), "{what}");
            let spki = public.to_spki_der();
            assert_eq!(keys::spki::read_spki(&spki).unwrap(), public, "{what}");
        }
    }
}

#[test]
fn inconsistent_numbers_are_refused_natively() {
    let entries = private_forms();
    let jwk_of = |alg: &str| -> Value {
        let e = entries.iter().find(|e| e["alg"] == alg).unwrap();
        serde_json::from_str(&fixture(e["jwk"].as_str().unwrap())).unwrap()
    };
    // Another key's public point with this private scalar.
    let mut es = jwk_of("ES256");
    let other: Value = serde_json::from_str(&fixture("ES256.public.jwk")).unwrap();
    let decoy = fixture("ES256.jwks.json");
    let decoy: Value = serde_json::from_str(&decoy).unwrap();
    es["x"] = decoy["keys"][0]["x"].clone();
    es["y"] = decoy["keys"][0]["y"].clone();
    assert_ne!(es["x"], other["x"]);
    let e = PrivateKey::read(&es.to_string()).unwrap_err();
    assert!(e.to_string().contains("does not belong"), "{e}");
    // An Ed25519 seed with another x.
    let mut ed = jwk_of("EdDSA");
    ed["x"] = Value::String(jwt_core::b64url::encode(&[9; 32]));
    let e = PrivateKey::read(&ed.to_string()).unwrap_err();
    assert!(e.to_string().contains("does not belong"), "{e}");
    // RSA with a wrong CRT coefficient, and with primes that are not n's.
    let rs = jwk_of("RS256");
    let mut wrong_qi = rs.clone();
    wrong_qi["qi"] = rs["dp"].clone();
    let e = PrivateKey::read(&wrong_qi.to_string()).unwrap_err();
    assert!(e.to_string().contains("CRT members"), "{e}");
    let mut wrong_p = rs.clone();
    wrong_p["p"] = jwk_of("RS384")["p"].clone();
    let e = PrivateKey::read(&wrong_p.to_string()).unwrap_err();
    assert!(e.to_string().contains("do not make a key"), "{e}");
}

#[test]
fn a_key_that_does_not_fit_says_so_before_signing() {
    let rs = keys::read_private(&fixture("RS256.pkcs1.pem")).unwrap();
    let e = sign::prepare(r#"{"alg":"RS256"}"#, "{}", &rs, PublicAlg::ES256, None).unwrap_err();
    assert_eq!(
        e.to_string(),
        "ES256 needs an EC P-256 key; this is an RSA 2048-bit key"
    );
    let es = keys::read_private(&fixture("ES384.sec1.pem")).unwrap();
    assert_eq!(
        es.fits_alg_name("ES256").unwrap_err(),
        "ES256 needs an EC P-256 key; this is an EC P-384 key"
    );
    let native = PrivateKey::from_core(&es).unwrap();
    let e = jwt_crypto::sign(PublicAlg::ES256, &native, b"x").unwrap_err();
    assert!(e.to_string().contains("cannot sign"), "{e}");
}

/// RFC 7638's thumbprint computed independently: the required members sorted by a `BTreeMap`,
/// serialized compactly by serde_json, hashed with sha2.
fn independent_thumbprint(jwk: &Value) -> String {
    let required: &[&str] = match jwk["kty"].as_str().unwrap() {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        _ => &["crv", "kty", "x"],
    };
    let members: BTreeMap<&str, &str> = required
        .iter()
        .map(|m| (*m, jwk[*m].as_str().unwrap()))
        .collect();
    let json = serde_json::to_string(&members).unwrap();
    jwt_core::b64url::encode(&sha2::Sha256::digest(json.as_bytes()))
}

#[test]
fn thumbprints_match_rfc7638_and_an_independent_computation() {
    let rfc = r#"{"kty":"RSA","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw","e":"AQAB","alg":"RS256","kid":"2011-04-29"}"#;
    let key = keys::read(rfc)
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .public
        .clone();
    assert_eq!(
        export::thumbprint(&key),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    assert_eq!(
        independent_thumbprint(&serde_json::from_str(rfc).unwrap()),
        "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"
    );
    for entry in private_forms() {
        let jwk_text = fixture(&format!("{}.public.jwk", entry["alg"].as_str().unwrap()));
        let jwk: Value = serde_json::from_str(&jwk_text).unwrap();
        let key = keys::read(&jwk_text)
            .unwrap()
            .keys()
            .next()
            .unwrap()
            .public
            .clone();
        assert_eq!(
            export::thumbprint(&key),
            independent_thumbprint(&jwk),
            "{jwk}"
        );
        // The private key's public half has the same thumbprint.
        let private = keys::read_private(&fixture(entry["jwk"].as_str().unwrap())).unwrap();
        assert_eq!(
            export::thumbprint(&private.public_key().unwrap()),
            export::thumbprint(&key)
        );
    }
}

#[test]
fn exported_jwks_and_pem_read_back_and_verify() {
    for entry in private_forms() {
        let alg = entry["alg"].as_str().unwrap();
        let kid = entry["kid"].as_str().unwrap();
        let private = keys::read_private(&fixture(entry["jwk"].as_str().unwrap())).unwrap();
        let public = private.public_key().unwrap();
        // The fixture token (kid = the fixture's kid) verifies with the exported JWKS, JWK and PEM.
        let token = fixture(&format!("{alg}.token"));
        let jwks = export::jwks(&public, Some(kid), Some(alg));
        let pem = keys::pem::encode("PUBLIC KEY", &public.to_spki_der());
        assert_eq!(pem, fixture(&format!("{alg}.public.pem")), "{alg}");
        for text in [
            &jwks,
            &export::public_jwk(&public, Some(kid), Some(alg)),
            &pem,
        ] {
            let check = two_phase(token.trim(), Some(KeyInput::PublicKey(text)));
            assert_eq!(check.verdict, Verdict::Valid, "{alg}: {}", check.message);
        }
        let set = keys::read(&jwks).unwrap();
        assert!(set.jwks);
        let only = set.keys().next().unwrap();
        assert_eq!(
            (
                only.kid.as_deref(),
                only.alg.as_deref(),
                only.key_use.as_deref()
            ),
            (Some(kid), Some(alg), Some("sig"))
        );
        // A generated key's loop: thumbprint kid in the header and the JWKS, verified.
        let thumb = export::thumbprint(&public);
        let request = sign::prepare(
            r#"{"typ":"JWT"}"#,
            r#"{"sub":"loop"}"#,
            &private,
            private.default_alg(),
            Some(&thumb),
        )
        .unwrap();
        let token = jwt_crypto::sign_request(&request).unwrap();
        let jwks = export::jwks(&public, Some(&thumb), Some(request.alg.name()));
        let check = two_phase(&token, Some(KeyInput::PublicKey(&jwks)));
        assert_eq!(check.verdict, Verdict::Valid, "{alg}: {}", check.message);
        assert_eq!(check.key.unwrap().kid.as_deref(), Some(thumb.as_str()));
    }
}

#[test]
fn keys_without_their_public_half_are_completed_from_the_export() {
    // The Ed25519 PKCS#8 fixture holds only the seed, as WebCrypto's own export does.
    let seed_only = keys::read_private(&fixture("EdDSA.private.pem")).unwrap();
    assert!(seed_only.public_key().is_err());
    // What WebCrypto's exportKey('jwk') of the imported key gives, made here natively.
    let native = PrivateKey::from_pkcs8_der(&seed_only.to_pkcs8_der()).unwrap();
    let x = match native.public_key() {
        keys::PublicKey::Okp { x, .. } => x,
        other => panic!("{other:?}"),
    };
    let PrivateNumbers::Ed25519 { d, .. } = &seed_only.numbers else {
        panic!("Ed25519")
    };
    let exported = format!(
        r#"{{"crv":"Ed25519","d":"{}","ext":true,"key_ops":["sign"],"kty":"OKP","x":"{}"}}"#,
        jwt_core::b64url::encode(d),
        jwt_core::b64url::encode(&x)
    );
    let complete = seed_only.complete_from(&exported).unwrap();
    let public = complete.public_key().unwrap();
    assert_eq!(
        keys::pem::encode("PUBLIC KEY", &public.to_spki_der()),
        fixture("EdDSA.public.pem")
    );
    assert_eq!(complete.to_jwk().unwrap(), {
        let jwk: Value = serde_json::from_str(&fixture("EdDSA.private.jwk")).unwrap();
        format!(
            r#"{{"kty":"OKP","crv":"Ed25519","x":"{}","d":"{}"}}"#,
            jwk["x"].as_str().unwrap(),
            jwk["d"].as_str().unwrap()
        )
    });
}
