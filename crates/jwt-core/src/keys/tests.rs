//! Unit tests of the key reader: each form, and the words and places of its errors. The
//! cross-check against RustCrypto's parsers is in `crates/jwt-crypto/tests`.

use super::*;

/// RFC 8037 §A.2: an Ed25519 public key.
const ED25519_JWK: &str =
    r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;

/// The same key as SPKI PEM (RFC 8410 §10.1 layout).
const ED25519_PEM: &str = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";

/// RFC 7515 §A.3: the ES256 example key.
const P256_JWK: &str = r#"{"kty":"EC","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}"#;

fn one(text: &str) -> Key {
    let set = read(text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(set.entries.len(), 1);
    set.entries[0].key.clone().unwrap()
}

fn error(text: &str) -> KeyError {
    read(text).expect_err("an error")
}

#[test]
fn the_same_key_from_jwk_pem_and_bare_der() {
    let from_jwk = one(ED25519_JWK);
    let from_pem = one(ED25519_PEM);
    let bare = one("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    assert_eq!(from_jwk.public, from_pem.public);
    assert_eq!(from_jwk.public, bare.public);
    assert_eq!(from_pem.form, KeyForm::PemSpki);
    assert_eq!(bare.form, KeyForm::DerSpki);
    assert_eq!(from_pem.description(), "Ed25519 public key (PEM, SPKI)");
    assert_eq!(from_jwk.public.to_jwk(), ED25519_JWK);
}

#[test]
fn ec_keys_and_their_minimal_jwk() {
    let key = one(P256_JWK);
    assert_eq!(key.public.key_type().code(), "ec");
    assert_eq!(key.public.curve(), Some("P-256"));
    assert_eq!(key.public.bits(), 256);
    assert_eq!(key.public.to_jwk(), P256_JWK);
    assert_eq!(key.public.sec1_point().map(|p| p.len()), Some(65));
    assert_eq!(key.description(), "EC P-256 public key (JWK)");
}

#[test]
fn rsa_bits_and_metadata() {
    let n = crate::b64url::encode(&{
        let mut n = vec![0xc5u8; 256];
        n[255] |= 1;
        n
    });
    let jwk = format!(
        r#"{{"kty":"RSA","n":"{n}","e":"AQAB","kid":"k1","alg":"RS256","use":"sig","key_ops":["verify"]}}"#
    );
    let key = one(&jwk);
    assert_eq!(key.public.bits(), 2048);
    assert_eq!(key.public.modulus_len(), Some(256));
    assert_eq!(key.kid.as_deref(), Some("k1"));
    assert_eq!(key.alg.as_deref(), Some("RS256"));
    assert_eq!(key.key_use.as_deref(), Some("sig"));
    assert_eq!(key.key_ops, Some(vec!["verify".to_string()]));
    assert_eq!(key.description(), "RSA 2048-bit public key (JWK)");
    // A modulus with a leading zero byte (not canonical) is read as the same number.
    let padded = format!(
        r#"{{"kty":"RSA","n":"{}","e":"AQAB"}}"#,
        crate::b64url::encode(&[&[0u8][..], &[0xc5u8; 256][..]].concat())
    );
    assert_eq!(one(&padded).public.bits(), 2048);
}

#[test]
fn jwk_errors_name_the_member() {
    let e = error(r#"{"kty":"RSA","e":"AQAB"}"#);
    assert_eq!(e.to_string(), "JWK: member 'n' is missing");
    assert_eq!(e.kind, KeyErrorKind::Jwk);
    let e = error(r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#);
    assert!(
        e.to_string().starts_with("JWK: member 'x' has 3 bytes"),
        "{e}"
    );
    let e = error(r#"{"kty":"EC","crv":"P-257","x":"AA","y":"AA"}"#);
    assert_eq!(e.kind, KeyErrorKind::Unsupported);
    let e = error(r#"{"kty":"RSA","n":"a*b","e":"AQAB"}"#);
    assert!(
        e.to_string()
            .contains("member 'n' is not base64url: character 2"),
        "{e}"
    );
    let e = error(r#"{"n":"x"}"#);
    assert_eq!(e.to_string(), "JWK: member 'kty' is missing");
    let e = error(r#"{"kty":"oct","k":"c2VjcmV0"}"#);
    assert_eq!(e.kind, KeyErrorKind::SymmetricKey);
    let e = error(r#"{"kty":"RSA","kid":7,"n":"AQAB","e":"AQAB"}"#);
    assert!(
        e.to_string().contains("member 'kid' must be a string"),
        "{e}"
    );
    let e = error("{\"kty\":\"RSA\",\n\"n\":}");
    assert_eq!(e.kind, KeyErrorKind::Json);
    assert!(e.to_string().starts_with("JSON line 2, column"), "{e}");
}

#[test]
fn private_keys_are_recognised_and_refused() {
    let e = error(
        r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"}"#,
    );
    assert_eq!(e.kind, KeyErrorKind::PrivateKey);
    assert!(e.message.contains("this is a private key"), "{e}");
    assert!(
        e.message.contains("verification needs the public key"),
        "{e}"
    );
    for label in ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"] {
        let text =
            format!("-----BEGIN {label}-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END {label}-----\n");
        let e = error(&text);
        assert_eq!(e.kind, KeyErrorKind::PrivateKey, "{label}");
        assert_eq!(e.location, Some(KeyLocation::PemLine { line: 1 }));
    }
    let e =
        error("-----BEGIN ENCRYPTED PRIVATE KEY-----\nMC4=\n-----END ENCRYPTED PRIVATE KEY-----");
    assert_eq!(e.kind, KeyErrorKind::Encrypted);
    // A PKCS#8 private key as bare DER (RFC 8410 §10.3).
    let e = error("MC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC");
    assert_eq!(e.kind, KeyErrorKind::PrivateKey, "{e}");
}

#[test]
fn pem_errors_name_the_line() {
    let e = error(
        "\n-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n11qYAYKx*rfVS\n-----END PUBLIC KEY-----",
    );
    assert_eq!(e.to_string(), "PEM line 4: character 9 ('*') is not base64");
    let e = error("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qY\n");
    assert!(
        e.to_string()
            .starts_with("PEM line 1: 'PUBLIC KEY' has no END line"),
        "{e}"
    );
    let e = error("-----BEGIN PUBLIC KEY-----\nMCow\n-----END CERTIFICATE-----");
    assert!(
        e.to_string().contains("does not match BEGIN 'PUBLIC KEY'"),
        "{e}"
    );
    let e = error("-----BEGIN PUBLIC KEY-----\nMC=w\n-----END PUBLIC KEY-----");
    assert_eq!(e.location, Some(KeyLocation::PemLine { line: 2 }));
    let e = error("-----BEGIN PUBLIC KEY-----\nMCowBQ_-K2VwAyEA\n-----END PUBLIC KEY-----");
    assert!(e.message.contains("base64url"), "{e}");
    let e = error("-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nMCow\n-----END RSA PRIVATE KEY-----");
    assert_eq!(e.kind, KeyErrorKind::Encrypted);
}

#[test]
fn der_errors_name_the_byte() {
    // The Ed25519 SPKI cut short: the outer length runs past the end.
    let e = error("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qY\n-----END PUBLIC KEY-----");
    assert_eq!(e.kind, KeyErrorKind::Der);
    assert!(
        e.to_string()
            .starts_with("PEM block at line 1, DER byte 1: length 42 runs past the end"),
        "{e}"
    );
}

#[test]
fn other_things_people_paste() {
    assert_eq!(error("   ").kind, KeyErrorKind::Empty);
    assert_eq!(error("hello world").kind, KeyErrorKind::Unrecognized);
    let e = error("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIA user@host");
    assert!(e.message.contains("ssh-keygen"), "{e}");
    let e = error(r#"{"keys":[]}"#);
    assert!(e.message.contains("no keys"), "{e}");
    let set = read("[1]").unwrap();
    assert!(set.jwks && set.notes[0].contains("JSON array"));
    assert_eq!(
        set.entries[0].key.clone().unwrap_err().to_string(),
        "JWKS key 1: a JWK is a JSON object, but this is a number"
    );
}

#[test]
fn jwks_keeps_unreadable_entries_with_their_kid() {
    let text = format!(
        r#"{{"keys":[{{"kid":"bad","kty":"RSA"}},{}]}}"#,
        ED25519_JWK
    );
    let set = read(&text).unwrap();
    assert!(set.jwks);
    assert_eq!(set.entries.len(), 2);
    assert_eq!(set.entries[0].kid.as_deref(), Some("bad"));
    let e = set.entries[0].key.clone().unwrap_err();
    assert_eq!(e.to_string(), "JWKS key 1: member 'n' is missing");
    assert_eq!(set.keys().count(), 1);
}

#[test]
fn looks_like_public_key_only_for_keys() {
    assert!(looks_like_public_key(ED25519_PEM));
    assert!(looks_like_public_key(P256_JWK));
    assert!(!looks_like_public_key("my secret"));
    assert!(!looks_like_public_key(r#"{"kty":"oct","k":"c2VjcmV0"}"#));
    assert!(!looks_like_public_key(
        "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo="
    ));
}

/// The quick shape test holds every key the full reader accepts, and no secret or private key.
#[test]
fn public_key_shape_covers_what_reads_as_a_public_key() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fixtures/keys");
    let mut public = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if ["private", "sec1", "encrypted"]
            .iter()
            .any(|p| name.contains(p))
        {
            assert!(!super::has_public_key_shape(&text), "{name}");
        }
        if looks_like_public_key(&text) {
            public += 1;
            assert!(super::has_public_key_shape(&text), "{text}");
        }
    }
    assert!(public >= 20, "only {public} public-key fixtures");
    assert!(super::has_public_key_shape(ED25519_PEM) && super::has_public_key_shape(P256_JWK));
    for not_public in [
        "my secret",
        r#"{"kty":"oct","k":"c2VjcmV0"}"#,
        "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIA==\n-----END PRIVATE KEY-----\n",
        "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=",
    ] {
        assert!(!super::has_public_key_shape(not_public), "{not_public}");
    }
}

#[test]
fn bit_lengths() {
    assert_eq!(bit_length(&[]), 0);
    assert_eq!(bit_length(&[0, 0]), 0);
    assert_eq!(bit_length(&[1]), 1);
    assert_eq!(bit_length(&[0, 0x80, 0]), 16);
}

#[test]
fn pem_pasted_on_one_line() {
    let escaped = ED25519_PEM.replace('\n', "\\n");
    let set = read(&escaped).unwrap();
    assert_eq!(set.keys().next().unwrap().public, one(ED25519_JWK).public);
    assert!(set.notes[0].contains("escapes"), "{:?}", set.notes);
    let spaced = ED25519_PEM.replace('\n', " ");
    let set = read(&spaced).unwrap();
    assert_eq!(set.keys().next().unwrap().public, one(ED25519_JWK).public);
    assert!(set.notes[0].contains("one line"), "{:?}", set.notes);
    let e = read("\n-----BEGIN PUBLIC KEY----- MCow*BQYD -----END PUBLIC KEY-----").unwrap_err();
    assert_eq!(e.location, Some(KeyLocation::PemLine { line: 2 }), "{e}");
}
