//! Unit tests of the private-key reader and writer: every form of the committed fixture keys
//! (made by Python's `cryptography`), RFC 8410's examples, and the words and places of errors.
//! Signing with these keys is checked natively in `crates/jwt-crypto/tests`.

use super::*;
use crate::keys::der_write::{explicit, octet_string, oid, sequence, small_integer};
use crate::keys::{self, KeyErrorKind};

/// RFC 8410 §10.3: an Ed25519 private key, PKCS#8 v1 (the seed only).
const RFC8410_V1: &str = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";

/// RFC 8410 §10.3: the same key as PKCS#8 v2, with an attribute and its public key.
const RFC8410_V2: &str = "-----BEGIN PRIVATE KEY-----\nMHICAQEwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\noB8wHQYKKoZIhvcNAQkJFDEPDA1DdXJkbGUgQ2hhaXJzgSEAGb9ECWmEzf6FQbrB\nZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PRIVATE KEY-----\n";

/// RFC 8410 §10.1: its public key.
const RFC8410_PUBLIC: &str =
    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n";

/// One committed key in every form the fixtures have.
struct Forms {
    alg: &'static str,
    pkcs8: &'static str,
    /// PKCS#1 (RSA) or SEC 1 (EC).
    traditional: Option<&'static str>,
    jwk: &'static str,
    public_pem: &'static str,
}

macro_rules! forms {
    ($alg:literal, $traditional:expr) => {
        Forms {
            alg: $alg,
            pkcs8: include_str!(concat!(
                "../../../../../fixtures/keys/",
                $alg,
                ".private.pem"
            )),
            traditional: $traditional,
            jwk: include_str!(concat!(
                "../../../../../fixtures/keys/",
                $alg,
                ".private.jwk"
            )),
            public_pem: include_str!(concat!(
                "../../../../../fixtures/keys/",
                $alg,
                ".public.pem"
            )),
        }
    };
}

fn fixtures() -> Vec<Forms> {
    vec![
        forms!(
            "RS256",
            Some(include_str!("../../../../../fixtures/keys/RS256.pkcs1.pem"))
        ),
        forms!(
            "RS384",
            Some(include_str!("../../../../../fixtures/keys/RS384.pkcs1.pem"))
        ),
        forms!(
            "RS512",
            Some(include_str!("../../../../../fixtures/keys/RS512.pkcs1.pem"))
        ),
        forms!(
            "PS256",
            Some(include_str!("../../../../../fixtures/keys/PS256.pkcs1.pem"))
        ),
        forms!(
            "PS384",
            Some(include_str!("../../../../../fixtures/keys/PS384.pkcs1.pem"))
        ),
        forms!(
            "PS512",
            Some(include_str!("../../../../../fixtures/keys/PS512.pkcs1.pem"))
        ),
        forms!(
            "ES256",
            Some(include_str!("../../../../../fixtures/keys/ES256.sec1.pem"))
        ),
        forms!(
            "ES384",
            Some(include_str!("../../../../../fixtures/keys/ES384.sec1.pem"))
        ),
        forms!(
            "ES512",
            Some(include_str!("../../../../../fixtures/keys/ES512.sec1.pem"))
        ),
        forms!("EdDSA", None),
    ]
}

fn read(text: &str) -> PrivateKey {
    read_private(text).unwrap_or_else(|e| panic!("{e}"))
}

fn error(text: &str) -> KeyError {
    read_private(text).expect_err("an error")
}

/// The base64 body of a PEM text, as bare DER is pasted.
fn body(pem: &str) -> String {
    pem.lines().filter(|l| !l.starts_with("-----")).collect()
}

fn public_of(pem: &str) -> PublicKey {
    keys::read(pem)
        .unwrap()
        .keys()
        .next()
        .unwrap()
        .public
        .clone()
}

#[test]
fn every_form_of_a_key_reads_to_the_same_numbers() {
    for f in fixtures() {
        let pkcs8 = read(f.pkcs8);
        let jwk = read(f.jwk);
        let jwks = read(&format!("{{\"keys\":[{}]}}", f.jwk));
        let bare = read(&body(f.pkcs8));
        assert_eq!(jwks.numbers, jwk.numbers, "{}", f.alg);
        let mut all = vec![&bare];
        let traditional = f.traditional.map(read);
        let bare_traditional = f.traditional.map(|t| read(&body(t)));
        all.extend(traditional.iter());
        all.extend(bare_traditional.iter());
        for other in all {
            assert_eq!(other.numbers, pkcs8.numbers, "{} {:?}", f.alg, other.form);
        }
        // Ed25519's PKCS#8 v1 holds only the seed; the JWK also has x.
        assert!(jwk.numbers.same_secret(&pkcs8.numbers), "{}", f.alg);
        assert_eq!(jwk.to_pkcs8_der(), pkcs8.to_pkcs8_der(), "{}", f.alg);
        assert_eq!(pkcs8.form, PrivateForm::PemPkcs8);
        assert_eq!(bare.form, PrivateForm::DerPkcs8);
        assert_eq!(jwks.form, PrivateForm::Jwks);
        assert_eq!(
            jwk.kid.as_deref(),
            Some(f.alg.to_lowercase() + "-key-1").as_deref()
        );
        assert_eq!(jwk.alg.as_deref(), Some(f.alg));
        assert_eq!(jwk.key_use.as_deref(), Some("sig"));
    }
}

#[test]
fn pkcs8_is_written_as_openssl_and_cryptography_write_it() {
    // The fixtures' PKCS#8 is Python cryptography's (OpenSSL's) output: the same bytes come out
    // of every other form.
    for f in fixtures() {
        for text in [Some(f.pkcs8), f.traditional, Some(f.jwk)]
            .into_iter()
            .flatten()
        {
            assert_eq!(read(text).to_pkcs8_pem(), f.pkcs8, "{}", f.alg);
        }
    }
}

#[test]
fn the_public_half_and_its_spki() {
    for f in fixtures() {
        let from_jwk = read(f.jwk);
        let public = from_jwk.public_key().unwrap();
        assert_eq!(public, public_of(f.public_pem), "{}", f.alg);
        assert_eq!(
            keys::pem::encode("PUBLIC KEY", &public.to_spki_der()),
            f.public_pem,
            "{}: SPKI written as cryptography writes it",
            f.alg
        );
        match f.alg {
            "EdDSA" => assert_eq!(
                read(f.pkcs8).public_key().unwrap_err().kind,
                KeyErrorKind::PublicPartMissing
            ),
            _ => assert_eq!(read(f.pkcs8).public_key().unwrap(), public, "{}", f.alg),
        }
    }
}

#[test]
fn jwks_round_trip_and_the_labelled_form_is_the_fixture() {
    for f in fixtures() {
        let key = read(f.jwk);
        let compact = key.to_jwk().unwrap();
        assert!(
            !compact.contains("kid") && !compact.contains(' '),
            "{compact}"
        );
        assert_eq!(read(&compact).numbers, key.numbers, "{}", f.alg);
        let kid = f.alg.to_lowercase() + "-key-1";
        let labelled = key.to_jwk_labelled(Some(&kid), Some(f.alg)).unwrap();
        assert_eq!(labelled + "\n", f.jwk, "{}", f.alg);
    }
}

#[test]
fn descriptions_defaults_and_fit() {
    let [rs, .., es256, es384, es512, ed]: [Forms; 10] = fixtures().try_into().ok().unwrap();
    let rsa = read(rs.traditional.unwrap());
    assert_eq!(rsa.description(), "RSA 2048-bit private key (PEM, PKCS#1)");
    assert_eq!(rsa.default_alg(), PublicAlg::RS256);
    assert_eq!(
        read(es256.traditional.unwrap()).description(),
        "EC P-256 private key (PEM, SEC 1)"
    );
    assert_eq!(read(es384.pkcs8).default_alg(), PublicAlg::ES384);
    let p521 = read(es512.jwk);
    assert_eq!(p521.description(), "EC P-521 private key (JWK)");
    assert_eq!(p521.bits(), 521);
    assert_eq!(p521.curve(), Some("P-521"));
    assert_eq!(read(ed.pkcs8).default_alg(), PublicAlg::EdDSA);
    // A JWK's own alg is the default when it fits.
    assert_eq!(
        read(&rs.jwk.replace("RS256", "PS512")).default_alg(),
        PublicAlg::PS512
    );

    for alg in PublicAlg::ALL {
        let fits = [
            &rsa,
            &read(es256.pkcs8),
            &read(es384.pkcs8),
            &p521,
            &read(ed.pkcs8),
        ]
        .iter()
        .filter(|k| k.fits(alg).is_ok())
        .count();
        assert_eq!(fits, 1, "{alg:?}: exactly one key type and curve fits");
    }
    assert_eq!(
        rsa.fits(PublicAlg::ES256).unwrap_err(),
        "ES256 needs an EC P-256 key; this is an RSA 2048-bit key"
    );
    assert_eq!(
        p521.fits(PublicAlg::EdDSA).unwrap_err(),
        "EdDSA needs an Ed25519 key; this is an EC P-521 key"
    );
    assert_eq!(rsa.fits_alg_name("PS256"), Ok(PublicAlg::PS256));
    for (name, says) in [
        (
            "HS256",
            "HS256 is an HMAC, made with a shared secret, not a private key; RS256 fits this key",
        ),
        ("none", "alg 'none' makes an unsigned token"),
        ("ES256K", "ES256K is not signed here"),
        (
            "RS1024",
            "'RS1024' is not an algorithm this inspector signs with",
        ),
        ("ES256", "ES256 needs an EC P-256 key"),
    ] {
        let e = rsa.fits_alg_name(name).unwrap_err();
        assert!(e.starts_with(says), "{name}: {e}");
    }
}

#[test]
fn ed25519_pkcs8_v1_and_v2_from_rfc8410() {
    let v1 = read(RFC8410_V1);
    let v2 = read(RFC8410_V2);
    assert!(v1.numbers.same_secret(&v2.numbers));
    assert_eq!(v2.public_key().unwrap(), public_of(RFC8410_PUBLIC));
    assert!(
        v2.notes.iter().any(|n| n.contains("attributes")),
        "{:?}",
        v2.notes
    );
    // Both are written as v1 without attributes: the form browsers import.
    assert_eq!(v2.to_pkcs8_pem(), RFC8410_V1);
    assert_eq!(v1.to_pkcs8_pem(), RFC8410_V1);
    let e = v1.public_key().unwrap_err();
    assert!(e.message.contains("only its 32-byte seed"), "{e}");
    assert!(v1.to_jwk().is_err());
    assert!(v2
        .to_jwk()
        .unwrap()
        .contains(r#""x":"Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE""#));
}

#[test]
fn webcrypto_export_completes_the_public_half() {
    let v1 = read(RFC8410_V1);
    // What WebCrypto's exportKey('jwk') gives for the imported key.
    let exported = r#"{"crv":"Ed25519","d":"1O5y2_kTWErVttjx92n4rTr-fCjL8dT74Jeoj0R1WEI","ext":true,"key_ops":["sign"],"kty":"OKP","x":"Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE"}"#;
    let complete = v1.complete_from(exported).unwrap();
    assert_eq!(complete.public_key().unwrap(), public_of(RFC8410_PUBLIC));
    assert_eq!(
        complete.form,
        PrivateForm::PemPkcs8,
        "the form stays the pasted one"
    );
    let other = exported.replace("1O5y", "2O5y");
    assert_eq!(
        v1.complete_from(&other).unwrap_err().message,
        "the exported JWK is not this private key"
    );
}

/// A SEC 1 ECPrivateKey with the given parts.
fn sec1(d: &[u8], curve: Option<&[u8]>, point: Option<&[u8]>) -> Vec<u8> {
    let mut parts = vec![small_integer(1), octet_string(d)];
    if let Some(c) = curve {
        parts.push(explicit(0, &oid(c)));
    }
    if let Some(p) = point {
        parts.push(explicit(1, &crate::keys::der_write::bit_string(p)));
    }
    let parts: Vec<&[u8]> = parts.iter().map(Vec::as_slice).collect();
    sequence(&parts)
}

fn pem_of(label: &str, der: &[u8]) -> String {
    keys::pem::encode(label, der)
}

#[test]
fn sec1_without_its_point_or_curve() {
    let p256 = crate::keys::spki::curve_oid(EcCurve::P256);
    let key = read(&pem_of("EC PRIVATE KEY", &sec1(&[7; 32], Some(p256), None)));
    assert_eq!(key.curve(), Some("P-256"));
    let e = key.public_key().unwrap_err();
    assert_eq!(e.kind, KeyErrorKind::PublicPartMissing);
    assert!(
        e.message.contains("does not include its public point"),
        "{e}"
    );
    assert!(e.message.contains("openssl pkcs8 -topk8"), "{e}");
    assert_eq!(key.to_jwk().unwrap_err(), e);
    // PKCS#8 is still written, for WebCrypto to import (it computes the point).
    assert_eq!(read(&key.to_pkcs8_pem()).numbers, key.numbers);

    let e = error(&pem_of("EC PRIVATE KEY", &sec1(&[7; 32], None, None)));
    assert!(e.message.contains("does not name its curve"), "{e}");
    assert!(
        e.to_string().starts_with("PEM block at line 1, DER byte 0"),
        "{e}"
    );

    // A scalar with its leading zero dropped is padded back.
    let short = read(&pem_of("EC PRIVATE KEY", &sec1(&[7; 31], Some(p256), None)));
    let PrivateNumbers::Ec { d, .. } = &short.numbers else {
        panic!("EC")
    };
    assert_eq!((d.len(), d[0]), (32, 0));
    let e = error(&pem_of("EC PRIVATE KEY", &sec1(&[7; 33], Some(p256), None)));
    assert!(e.message.contains("at most 32 bytes"), "{e}");

    // A compressed point is left aside with a note.
    let mut compressed = vec![0x02];
    compressed.extend([1; 32]);
    let key = read(&pem_of(
        "EC PRIVATE KEY",
        &sec1(&[7; 32], Some(p256), Some(&compressed)),
    ));
    assert!(key.public_key().is_err());
    assert!(key.notes[0].contains("compressed"), "{:?}", key.notes);
}

#[test]
fn pkcs8_and_sec1_curves_must_agree() {
    let p256 = crate::keys::spki::curve_oid(EcCurve::P256);
    let p384 = crate::keys::spki::curve_oid(EcCurve::P384);
    let algorithm = sequence(&[&oid(crate::keys::spki::EC_PUBLIC_KEY), &oid(p384)]);
    let der = sequence(&[
        &small_integer(0),
        &algorithm,
        &octet_string(&sec1(&[7; 32], Some(p256), None)),
    ]);
    let e = error(&pem_of("PRIVATE KEY", &der));
    assert!(
        e.message
            .contains("names curve P-256 inside, but P-384 outside"),
        "{e}"
    );
}

#[test]
fn refusals_say_what_the_text_is() {
    let cases: [(&str, KeyErrorKind, &str); 12] = [
        ("  ", KeyErrorKind::Empty, "no private key"),
        (
            fixtures()[0].public_pem,
            KeyErrorKind::NotPrivate,
            "this is a public key (PEM PUBLIC KEY)",
        ),
        (
            include_str!("../../../../../fixtures/keys/ES256.public.jwk"),
            KeyErrorKind::NotPrivate,
            "this is a public JWK",
        ),
        (
            include_str!("../../../../../fixtures/keys/ES256.encrypted.pem"),
            KeyErrorKind::Encrypted,
            "this private key is encrypted",
        ),
        (
            include_str!("../../../../../fixtures/keys/RS256.pkcs1-encrypted.pem"),
            KeyErrorKind::Encrypted,
            "the 'RSA PRIVATE KEY' block is encrypted",
        ),
        (
            r#"{"kty":"oct","k":"c2VjcmV0"}"#,
            KeyErrorKind::SymmetricKey,
            "this is a symmetric key",
        ),
        (
            r#"{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}"#,
            KeyErrorKind::Jwk,
            "member 'p' is missing: signing needs p, q, dp, dq and qi",
        ),
        (
            r#"{"kty":"EC","crv":"P-256","d":"AAAA"}"#,
            KeyErrorKind::Jwk,
            "member 'd' has 3 bytes, but a P-256 value has exactly 32",
        ),
        (
            r#"{"kty":"OKP","crv":"Ed448","d":"AAAA"}"#,
            KeyErrorKind::Unsupported,
            "this is an Ed448 key",
        ),
        (
            "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
            KeyErrorKind::Unsupported,
            "this is an OpenSSH private key",
        ),
        (
            "hello",
            KeyErrorKind::Unrecognized,
            "this is not a private key",
        ),
        (
            &body(fixtures()[6].public_pem),
            KeyErrorKind::NotPrivate,
            "this is a public key or certificate",
        ),
    ];
    for (text, kind, says) in cases {
        let e = error(text);
        assert_eq!(e.kind, kind, "{text}: {e}");
        assert!(e.message.starts_with(says), "{text}: {e}");
    }
    let e = error(include_str!(
        "../../../../../fixtures/keys/ES256.encrypted.pem"
    ));
    assert!(e.message.contains("openssl pkey"), "{e}");
    assert_eq!(e.location, Some(KeyLocation::PemLine { line: 1 }));
    let e = error(include_str!(
        "../../../../../fixtures/keys/RS256.pkcs1-encrypted.pem"
    ));
    assert!(e.message.contains("openssl pkey"), "{e}");
    assert_eq!(e.location, Some(KeyLocation::PemLine { line: 2 }));
    let e = error(r#"{"kty":"RSA","n":"AQAB","e":"AQAB","d":"AQAB"}"#);
    assert_eq!(e.to_string().split(':').next(), Some("JWK"));
}

#[test]
fn jwks_with_one_private_key_among_others() {
    let es = &fixtures()[6];
    let public = include_str!("../../../../../fixtures/keys/ES256.public.jwk");
    let key = read(&format!("{{\"keys\":[{public},{}]}}", es.jwk));
    assert_eq!(key.form, PrivateForm::Jwks);
    assert!(
        key.notes[0].contains("key 2, the only private one"),
        "{:?}",
        key.notes
    );
    let e = error(&format!("{{\"keys\":[{0},{0}]}}", es.jwk));
    assert!(e.message.contains("2 private keys"), "{e}");
    let e = error(&format!("[{public},{public}]"));
    assert_eq!(e.kind, KeyErrorKind::NotPrivate, "{e}");
    let e = error(r#"{"keys":[{"kty":"EC","crv":"P-256","d":"AA","x":7}]}"#);
    assert_eq!(
        e.to_string(),
        "JWKS key 1: member 'd' has 1 bytes, but a P-256 value has exactly 32"
    );
}

#[test]
fn der_errors_name_the_byte_and_the_block() {
    let rs = fixtures()[0].traditional.unwrap();
    // Cut the PKCS#1 key short: the outer length runs past the end.
    let cut: String = rs
        .lines()
        .take(5)
        .chain(["-----END RSA PRIVATE KEY-----"])
        .collect::<Vec<_>>()
        .join("\n");
    let e = error(&cut);
    assert_eq!(e.kind, KeyErrorKind::Der);
    assert!(
        e.to_string()
            .starts_with("PEM block at line 1, DER byte 1: length"),
        "{e}"
    );
    // Another algorithm's PKCS#8 key.
    let dsa = sequence(&[
        &small_integer(0),
        &sequence(&[&oid(&[0x2a, 0x86, 0x48, 0xce, 0x38, 0x04, 0x01])]),
        &octet_string(&small_integer(5)),
    ]);
    let e = error(&pem_of("PRIVATE KEY", &dsa));
    assert_eq!(e.kind, KeyErrorKind::Unsupported);
    assert!(e.message.contains("1.2.840.10040.4.1"), "{e}");
    // A multi-prime RSA key.
    let multi = sequence(&[&small_integer(1), &small_integer(3)]);
    let e = error(&pem_of("RSA PRIVATE KEY", &multi));
    assert!(e.message.contains("multi-prime"), "{e}");
}

#[test]
fn pem_on_one_line_and_notes() {
    let es = fixtures()[6].pkcs8;
    let key = read(&es.replace('\n', "\\n"));
    assert_eq!(key.numbers, read(es).numbers);
    assert!(key.notes[0].contains("escapes"), "{:?}", key.notes);
    let two = format!("{es}{}", fixtures()[0].pkcs8);
    let key = read(&two);
    assert_eq!(key.curve(), Some("P-256"));
    assert!(key.notes[0].contains("2 private keys"), "{:?}", key.notes);
}

#[test]
fn debug_never_shows_the_secret() {
    for f in fixtures() {
        let key = read(f.jwk);
        let shown = format!("{key:?}");
        assert!(shown.contains("[redacted]"), "{shown}");
        let d = match &key.numbers {
            PrivateNumbers::Rsa(k) => k.d.clone(),
            PrivateNumbers::Ec { d, .. } | PrivateNumbers::Ed25519 { d, .. } => d.clone(),
        };
        assert!(
            !shown.contains(&format!("{:?}", &d[..4]).trim_end_matches(']').to_string()),
            "{shown}"
        );
        assert!(!shown.contains(&crate::b64url::encode(&d)), "{shown}");
    }
}
