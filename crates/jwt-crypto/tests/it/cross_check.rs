//! The core's hand-written DER reader checked against RustCrypto's own parsers (`spki`, `pkcs1`,
//! `x509-cert`, `sec1`): every Wycheproof key and every fixture reads to the same numbers, and
//! every private-key form RustCrypto writes is recognised and refused.

use der::Decode;
use jwt_core::keys::{self, KeyErrorKind, KeyForm, PublicKey};
use rsa::pkcs1::{EncodeRsaPrivateKey, EncodeRsaPublicKey};
use rsa::pkcs8::{DecodePrivateKey, LineEnding};

use crate::fixtures::{entries, fixture};
use crate::{base64, hex, load_json, WYCHEPROOF};

/// The key RustCrypto's `spki` and `pkcs1` read from SPKI DER, in the core's form.
fn rustcrypto_key(spki_der: &[u8]) -> PublicKey {
    let info = spki::SubjectPublicKeyInfoRef::from_der(spki_der).expect("spki reads it");
    let bits = info.subject_public_key.raw_bytes();
    match info.algorithm.oid.to_string().as_str() {
        "1.2.840.113549.1.1.1" => {
            let rsa = pkcs1::RsaPublicKey::from_der(bits).expect("pkcs1 reads it");
            PublicKey::Rsa {
                n: rsa.modulus.as_bytes().to_vec(),
                e: rsa.public_exponent.as_bytes().to_vec(),
            }
        }
        "1.2.840.10045.2.1" => {
            let curve = info
                .algorithm
                .parameters_oid()
                .expect("a named curve")
                .to_string();
            let curve = match curve.as_str() {
                "1.2.840.10045.3.1.7" => keys::EcCurve::P256,
                "1.3.132.0.34" => keys::EcCurve::P384,
                "1.3.132.0.35" => keys::EcCurve::P521,
                other => panic!("curve {other}"),
            };
            assert_eq!(bits[0], 4, "an uncompressed point");
            let n = curve.coordinate_len();
            PublicKey::Ec {
                curve,
                x: bits[1..=n].to_vec(),
                y: bits[1 + n..].to_vec(),
            }
        }
        "1.3.101.112" => PublicKey::Okp {
            curve: keys::OkpCurve::Ed25519,
            x: bits.to_vec(),
        },
        other => panic!("algorithm {other}"),
    }
}

fn core_key(text: &str) -> keys::Key {
    let set = keys::read(text).unwrap_or_else(|e| panic!("core: {e}"));
    set.entries[0]
        .key
        .clone()
        .unwrap_or_else(|e| panic!("core: {e}"))
}

#[test]
fn wycheproof_keys_read_like_rustcrypto() {
    let mut checked = 0;
    for file in [
        "rsa_signature_2048_sha256_test.json",
        "rsa_signature_3072_sha384_test.json",
        "rsa_signature_4096_sha512_test.json",
        "rsa_pss_2048_sha256_mgf1_32_test.json",
        "rsa_pss_4096_sha512_mgf1_64_test.json",
        "ecdsa_secp256r1_sha256_p1363_test.json",
        "ecdsa_secp384r1_sha384_p1363_test.json",
        "ecdsa_secp521r1_sha512_p1363_test.json",
        "ed25519_test.json",
    ] {
        let doc = load_json(&format!("{WYCHEPROOF}/{file}"));
        for group in doc["testGroups"].as_array().expect("testGroups") {
            let der = hex(group["publicKeyDer"].as_str().expect("der"));
            let ours = core_key(&base64(&der));
            assert_eq!(ours.public, rustcrypto_key(&der), "{file}");
            if let Some(asn) = group["publicKeyAsn"].as_str() {
                // RSA groups also give the PKCS#1 RSAPublicKey: as bare DER and as PEM.
                let pkcs1_der = hex(asn);
                let bare = core_key(&base64(&pkcs1_der));
                assert_eq!(bare.form, KeyForm::DerPkcs1, "{file}");
                assert_eq!(bare.public, ours.public, "{file}: PKCS#1 = SPKI");
                let rsa = pkcs1::RsaPublicKey::from_der(&pkcs1_der).expect("pkcs1");
                let pem = rsa::RsaPublicKey::new(
                    rsa::BigUint::from_bytes_be(rsa.modulus.as_bytes()),
                    rsa::BigUint::from_bytes_be(rsa.public_exponent.as_bytes()),
                )
                .expect("rsa key")
                .to_pkcs1_pem(LineEnding::LF)
                .expect("pem");
                let from_pem = core_key(&pem);
                assert_eq!(from_pem.form, KeyForm::PemPkcs1);
                assert_eq!(from_pem.public, ours.public, "{file}: PKCS#1 PEM");
            }
            checked += 1;
        }
    }
    println!("keys cross-checked against spki/pkcs1: {checked}");
    assert!(checked >= 300, "{checked}");
}

#[test]
fn certificates_read_like_x509_cert() {
    for entry in entries().iter().filter(|e| e.get("certificate").is_some()) {
        let pem = fixture(entry["certificate"].as_str().unwrap());
        let ours = core_key(&pem);
        let cert = x509_cert::Certificate::from_der(&pem_body(&pem)).expect("x509-cert reads it");
        let tbs = &cert.tbs_certificate;
        let spki_der = der::Encode::to_der(&tbs.subject_public_key_info).expect("spki der");
        assert_eq!(ours.public, rustcrypto_key(&spki_der));
        let info = ours.certificate.expect("certificate info");
        let unix = |t: x509_cert::time::Time| t.to_unix_duration().as_secs() as i64;
        assert_eq!(info.not_before, Some(unix(tbs.validity.not_before)));
        assert_eq!(info.not_after, Some(unix(tbs.validity.not_after)));
        // x509-cert prints RFC 4514 order (last component first); the core prints encoded order.
        let theirs = tbs.subject.to_string();
        let mut parts: Vec<&str> = info.subject.split(", ").collect();
        parts.reverse();
        assert_eq!(parts.join(","), theirs, "subject");
        assert_eq!(info.issuer, info.subject, "self-signed");
        // The bare base64 DER of the certificate reads the same.
        let der = der::Encode::to_der(&cert).expect("der");
        let bare = core_key(&base64(&der));
        assert_eq!(bare.form, KeyForm::DerCertificate);
        assert_eq!(bare.public, ours.public);
    }
}

#[test]
fn every_private_key_form_is_refused() {
    let refused = |text: &str, what: &str| {
        let e = keys::read(text).expect_err(what);
        assert!(
            matches!(e.kind, KeyErrorKind::PrivateKey),
            "{what}: {:?} {e}",
            e.kind
        );
        assert!(
            e.to_string().contains("this is a private key")
                && e.to_string().contains("verification needs the public key"),
            "{what}: {e}"
        );
    };
    for entry in entries() {
        let alg = entry["alg"].as_str().unwrap();
        let pem = fixture(entry["private_pem"].as_str().unwrap());
        refused(&pem, &format!("{alg} PKCS#8 PEM"));
        let der = pem_body(&pem);
        refused(&base64(&der), &format!("{alg} PKCS#8 DER"));
        match &alg[..2] {
            "RS" | "PS" => {
                let k = rsa::RsaPrivateKey::from_pkcs8_pem(&pem).unwrap();
                refused(&k.to_pkcs1_pem(LineEnding::LF).unwrap(), "RSA PRIVATE KEY");
                refused(&base64(k.to_pkcs1_der().unwrap().as_bytes()), "PKCS#1 DER");
            }
            "ES" if alg == "ES256" => {
                let k = p256::SecretKey::from_pkcs8_pem(&pem).unwrap();
                let sec1 = k.to_sec1_pem(LineEnding::LF).unwrap();
                refused(&sec1, "EC PRIVATE KEY");
                let der = k.to_sec1_der().unwrap();
                // sec1's own parser agrees that it is an EC private key.
                sec1::EcPrivateKey::from_der(&der).expect("sec1 reads it");
                refused(&base64(&der), "SEC 1 DER");
            }
            _ => {}
        }
    }
    refused(
        r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA","d":"AAAA"}"#,
        "a JWK with d",
    );
}

/// The DER inside a one-block PEM text.
fn pem_body(pem: &str) -> Vec<u8> {
    use base64::Engine as _;
    let body: String = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    base64::engine::general_purpose::STANDARD
        .decode(body)
        .expect("PEM body")
}

#[test]
fn a_certificate_time_that_is_not_ascii_is_an_error_not_a_panic() {
    let pem = fixture("RS256.cert.pem");
    let mut der = pem_body(&pem);
    let at = der
        .windows(13)
        .position(|w| w == b"240101000000Z")
        .expect("notBefore as UTCTime");
    // "€" is three bytes of UTF-8: the time keeps its length but is no longer ASCII.
    der[at..at + 3].copy_from_slice("€".as_bytes());
    let e = keys::read(&base64(&der)).expect_err("a bad time");
    assert_eq!(e.kind, KeyErrorKind::Der);
    assert!(
        e.to_string().contains("not in the form RFC 5280 requires"),
        "{e}"
    );
}
