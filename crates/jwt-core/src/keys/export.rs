//! Public keys written out for people and servers: SubjectPublicKeyInfo DER (for PEM
//! `PUBLIC KEY`), a labelled JWK, a one-key JWKS, and the RFC 7638 JWK thumbprint.
//!
//! The page generates keys with WebCrypto and gets bytes or JWKs back; these functions only
//! format. Nothing here computes with the key.
//!
//! ```
//! use jwt_core::keys::{self, export};
//!
//! let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
//! let key = keys::read(jwk).unwrap().keys().next().unwrap().public.clone();
//! let kid = export::thumbprint(&key);
//! let jwks = export::jwks(&key, Some(&kid), Some("EdDSA"));
//! assert_eq!(keys::read(&jwks).unwrap().keys().next().unwrap().kid.as_deref(), Some(kid.as_str()));
//! let pem = keys::pem::encode("PUBLIC KEY", &key.to_spki_der());
//! assert_eq!(keys::read(&pem).unwrap().keys().next().unwrap().public, key);
//! ```

use sha2::{Digest, Sha256};

use super::der_write::{bit_string, null, oid, sequence, unsigned_integer};
use super::{spki, PublicKey};
use crate::b64url;

impl PublicKey {
    /// The DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): `rsaEncryption` with a PKCS#1
    /// `RSAPublicKey`, `id-ecPublicKey` with the named curve and the uncompressed point, or the
    /// RFC 8410 identifier with the raw key. Wrap it with [`super::pem::encode`] and the label
    /// `PUBLIC KEY`.
    pub fn to_spki_der(&self) -> Vec<u8> {
        let (algorithm, key) = match self {
            PublicKey::Rsa { n, e } => (
                sequence(&[&oid(spki::RSA_ENCRYPTION), &null()]),
                sequence(&[&unsigned_integer(n), &unsigned_integer(e)]),
            ),
            PublicKey::Ec { curve, .. } => (
                sequence(&[&oid(spki::EC_PUBLIC_KEY), &oid(spki::curve_oid(*curve))]),
                self.sec1_point().unwrap_or_default(),
            ),
            PublicKey::Okp { curve, x } => (sequence(&[&oid(spki::okp_oid(*curve))]), x.clone()),
        };
        sequence(&[&algorithm, &bit_string(&key)])
    }

    /// The members that make the key (`kty`, `crv`, the public numbers), in the order JWKs
    /// usually list them, as (name, string value).
    pub(super) fn jwk_members(&self) -> Vec<(&'static str, String)> {
        match self {
            PublicKey::Rsa { n, e } => vec![
                ("kty", "RSA".into()),
                ("n", b64url::encode(n)),
                ("e", b64url::encode(e)),
            ],
            PublicKey::Ec { curve, x, y } => vec![
                ("kty", "EC".into()),
                ("crv", curve.name().into()),
                ("x", b64url::encode(x)),
                ("y", b64url::encode(y)),
            ],
            PublicKey::Okp { curve, x } => vec![
                ("kty", "OKP".into()),
                ("crv", curve.name().into()),
                ("x", b64url::encode(x)),
            ],
        }
    }
}

/// The RFC 7638 JWK thumbprint: base64url of the SHA-256 of the key's required members (RSA
/// `e`, `kty`, `n`; EC `crv`, `kty`, `x`, `y`; OKP `crv`, `kty`, `x` as RFC 8037 §2 says) in
/// lexicographic order, without spaces. Metadata such as `kid` does not change it.
pub fn thumbprint(key: &PublicKey) -> String {
    let mut members = key.jwk_members();
    members.sort_by_key(|(name, _)| *name);
    let canonical = json_object(&members, None);
    b64url::encode(&Sha256::digest(canonical.as_bytes()))
}

/// A public JWK to publish: the key's members, then `kid` and `alg` when given, and
/// `use: "sig"`; laid out with two-space indentation.
pub fn public_jwk(key: &PublicKey, kid: Option<&str>, alg: Option<&str>) -> String {
    json_object(&labelled(key.jwk_members(), kid, alg), Some(0))
}

/// A JWKS of one key (`{"keys": [...]}`), as a server's `jwks_uri` returns it, with the labels of
/// [`public_jwk`].
pub fn jwks(key: &PublicKey, kid: Option<&str>, alg: Option<&str>) -> String {
    let jwk = json_object(&labelled(key.jwk_members(), kid, alg), Some(2));
    format!("{{\n  \"keys\": [\n    {jwk}\n  ]\n}}\n")
}

/// Adds `kid`, `alg` and `use: "sig"` after the key's own members.
pub(super) fn labelled(
    mut members: Vec<(&'static str, String)>,
    kid: Option<&str>,
    alg: Option<&str>,
) -> Vec<(&'static str, String)> {
    if let Some(kid) = kid {
        members.push(("kid", kid.to_string()));
    }
    if let Some(alg) = alg {
        members.push(("alg", alg.to_string()));
    }
    members.push(("use", "sig".into()));
    members
}

/// A JSON object of string members: compact (`None`), or one member per line indented two
/// spaces past `Some(indent)` with the closing brace at `indent`.
pub(super) fn json_object(members: &[(&str, String)], indent: Option<usize>) -> String {
    let quote = crate::json_writer::string_literal;
    let pairs = members.iter().map(|(name, value)| match indent {
        None => format!("{}:{}", quote(name), quote(value)),
        Some(_) => format!("{}: {}", quote(name), quote(value)),
    });
    match indent {
        None => format!("{{{}}}", pairs.collect::<Vec<_>>().join(",")),
        Some(n) => {
            let inner = " ".repeat(n + 2);
            let lines: Vec<String> = pairs.map(|p| format!("{inner}{p}")).collect();
            format!("{{\n{}\n{}}}", lines.join(",\n"), " ".repeat(n))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{self, EcCurve, OkpCurve};

    /// RFC 7638 §3.1: the example RSA key and its thumbprint.
    const RFC7638_N: &str = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";
    const RFC7638_THUMBPRINT: &str = "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs";

    fn read_one(text: &str) -> keys::Key {
        keys::read(text)
            .unwrap_or_else(|e| panic!("{e}"))
            .keys()
            .next()
            .expect("a key")
            .clone()
    }

    #[test]
    fn thumbprint_of_rfc7638_example() {
        let jwk = format!(
            r#"{{"kty":"RSA","n":"{RFC7638_N}","e":"AQAB","alg":"RS256","kid":"2011-04-29"}}"#
        );
        let key = read_one(&jwk);
        assert_eq!(thumbprint(&key.public), RFC7638_THUMBPRINT);
    }

    #[test]
    fn thumbprint_members_are_sorted_and_compact() {
        let key = PublicKey::Okp {
            curve: OkpCurve::Ed25519,
            x: vec![0; 32],
        };
        let mut members = key.jwk_members();
        members.sort_by_key(|(n, _)| *n);
        assert_eq!(
            json_object(&members, None),
            r#"{"crv":"Ed25519","kty":"OKP","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}"#
        );
        let ec = PublicKey::Ec {
            curve: EcCurve::P256,
            x: vec![1; 32],
            y: vec![2; 32],
        };
        let mut members = ec.jwk_members();
        members.sort_by_key(|(n, _)| *n);
        let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["crv", "kty", "x", "y"]);
        assert_eq!(thumbprint(&ec).len(), 43);
    }

    #[test]
    fn spki_der_reads_back_for_every_kind() {
        let keys = [
            read_one(&format!(r#"{{"kty":"RSA","n":"{RFC7638_N}","e":"AQAB"}}"#)).public,
            PublicKey::Ec {
                curve: EcCurve::P384,
                x: vec![3; 48],
                y: vec![4; 48],
            },
            PublicKey::Okp {
                curve: OkpCurve::Ed25519,
                x: vec![5; 32],
            },
        ];
        for key in keys {
            let der = key.to_spki_der();
            assert_eq!(keys::spki::read_spki(&der).unwrap(), key);
            let pem = keys::pem::encode("PUBLIC KEY", &der);
            assert_eq!(read_one(&pem).public, key);
        }
    }

    #[test]
    fn ed25519_spki_has_the_rfc8410_layout() {
        // RFC 8410 §10.1.
        let key = read_one(
            r#"{"kty":"OKP","crv":"Ed25519","x":"Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE"}"#,
        );
        assert_eq!(
            keys::pem::encode("PUBLIC KEY", &key.public.to_spki_der()),
            "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=\n-----END PUBLIC KEY-----\n"
        );
    }

    #[test]
    fn a_webcrypto_exported_public_jwk_is_read_and_formatted() {
        // WebCrypto's exportKey('jwk', publicKey) adds 'ext' and 'key_ops' and sorts members.
        let exported = r#"{"crv":"Ed25519","ext":true,"key_ops":["verify"],"kty":"OKP","x":"Gb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE"}"#;
        let key = read_one(exported).public;
        let jwks = jwks(&key, Some(&thumbprint(&key)), Some("EdDSA"));
        assert!(!jwks.contains("ext") && !jwks.contains("key_ops"), "{jwks}");
        assert_eq!(read_one(&jwks).public, key);
        assert!(keys::pem::encode("PUBLIC KEY", &key.to_spki_der())
            .contains("MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE="));
    }

    #[test]
    fn jwk_and_jwks_texts_carry_the_labels() {
        let key = PublicKey::Okp {
            curve: OkpCurve::Ed25519,
            x: vec![0; 32],
        };
        let jwk = public_jwk(&key, Some("k\"1"), Some("EdDSA"));
        assert_eq!(
            jwk,
            "{\n  \"kty\": \"OKP\",\n  \"crv\": \"Ed25519\",\n  \"x\": \"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\",\n  \"kid\": \"k\\\"1\",\n  \"alg\": \"EdDSA\",\n  \"use\": \"sig\"\n}"
        );
        let read = read_one(&jwk);
        assert_eq!(read.kid.as_deref(), Some("k\"1"));
        assert_eq!(read.key_use.as_deref(), Some("sig"));
        let set = keys::read(&jwks(&key, Some("t"), None)).unwrap();
        assert!(set.jwks);
        assert_eq!(set.entries.len(), 1);
        let only = set.keys().next().unwrap();
        assert_eq!(
            (only.kid.as_deref(), only.alg.as_deref()),
            (Some("t"), None)
        );
        assert_eq!(only.public, key);
    }
}
