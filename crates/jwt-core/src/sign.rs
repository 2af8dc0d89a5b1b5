//! Signing with a private key, all but the arithmetic: the header's `alg` and `kid` set in place,
//! the exact signing input, what WebCrypto needs to import the key and sign, and the token put
//! together from the signature it returns. (HMAC tokens are signed whole by [`sign`](fn@crate::sign)
//! (the function), since HMAC is computed in the core.)
//!
//! The page's order:
//! 1. [`crate::keys::read_private`] the pasted key; [`PrivateKey::fits_alg_name`] the chosen `alg`.
//! 2. [`prepare`] the header and payload text → a [`SignRequest`].
//! 3. `crypto.subtle.importKey('pkcs8', request.pkcs8, JSON.parse(request.import_params), false, ['sign'])`.
//! 4. `crypto.subtle.sign(JSON.parse(request.sign_params), key, utf8(request.signing_input))`.
//!    ECDSA signatures come back as r ‖ s, which is already the JWS form (RFC 7518 §3.4); PSS
//!    uses a salt as long as the hash (RFC 7518 §3.5), which `sign_params` says.
//! 5. [`assemble`] the signing input and the signature bytes into the token.
//!
//! ```
//! use jwt_core::{keys, sign, PublicAlg};
//!
//! let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
//! let key = keys::read_private(pem).unwrap();
//! let request = sign::prepare(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"sub":"1"}"#, &key, PublicAlg::EdDSA, Some("k1")).unwrap();
//! assert_eq!(request.header, r#"{"alg":"EdDSA","typ":"JWT","kid":"k1"}"#);
//! assert_eq!(request.import_params, r#"{"name":"Ed25519"}"#);
//! let token = sign::assemble(&request.signing_input, &[0; 64]);
//! assert!(token.starts_with(&request.signing_input));
//! ```

use crate::b64url;
use crate::edit::{self, EditError};
use crate::keys::PrivateKey;
use crate::verify::{Family, PublicAlg};

/// The text a JWS signature covers: base64url of the header and of the payload, each encoded
/// exactly as given (spacing and member order kept), joined by a dot.
pub fn signing_input(header_json: &str, payload: &str) -> String {
    format!(
        "{}.{}",
        b64url::encode(header_json.as_bytes()),
        b64url::encode(payload.as_bytes())
    )
}

/// The compact token: the signing input, a dot, and the base64url signature.
pub fn assemble(signing_input: &str, signature: &[u8]) -> String {
    format!("{signing_input}.{}", b64url::encode(signature))
}

/// Sets the header's `alg` to `alg`, keeping every other byte as written.
pub fn set_alg(header_json: &str, alg: &str) -> Result<String, SignError> {
    edit::set_string_claim(header_json, "alg", alg).map_err(SignError::Header)
}

/// Sets the header's `kid` to `kid`, keeping every other byte as written.
pub fn set_kid(header_json: &str, kid: &str) -> Result<String, SignError> {
    edit::set_string_claim(header_json, "kid", kid).map_err(SignError::Header)
}

/// WebCrypto's `importKey` algorithm for `alg`, as JSON text: `{"name":"RSASSA-PKCS1-v1_5",
/// "hash":"SHA-256"}`, `{"name":"RSA-PSS","hash":…}`, `{"name":"ECDSA","namedCurve":"P-256"}`
/// or `{"name":"Ed25519"}`.
pub fn import_params(alg: PublicAlg) -> String {
    let name = alg.webcrypto_name();
    match (alg.family(), alg.hash(), alg.curve()) {
        (Family::RsaPkcs1 | Family::RsaPss, Some(hash), _) => {
            format!(r#"{{"name":"{name}","hash":"{}"}}"#, hash.name())
        }
        (Family::Ecdsa, _, Some(curve)) => {
            format!(r#"{{"name":"{name}","namedCurve":"{}"}}"#, curve.name())
        }
        _ => format!(r#"{{"name":"{name}"}}"#),
    }
}

/// WebCrypto's `sign` algorithm for `alg`, as JSON text: `{"name":"RSASSA-PKCS1-v1_5"}`,
/// `{"name":"RSA-PSS","saltLength":32}` (the hash length), `{"name":"ECDSA","hash":"SHA-256"}`
/// or `{"name":"Ed25519"}`.
pub fn sign_params(alg: PublicAlg) -> String {
    let name = alg.webcrypto_name();
    match (alg.family(), alg.hash()) {
        (Family::RsaPss, Some(hash)) => {
            format!(r#"{{"name":"{name}","saltLength":{}}}"#, hash.output_len())
        }
        (Family::Ecdsa, Some(hash)) => format!(r#"{{"name":"{name}","hash":"{}"}}"#, hash.name()),
        _ => format!(r#"{{"name":"{name}"}}"#),
    }
}

/// Everything needed to sign, but the signature.
#[derive(Clone, PartialEq, Eq)]
pub struct SignRequest {
    /// The algorithm.
    pub alg: PublicAlg,
    /// The header text with `alg` (and `kid`, when given) set in place.
    pub header: String,
    /// The ASCII text to sign: [`signing_input`] of the header and the payload.
    pub signing_input: String,
    /// The key as PKCS#8 DER, for `importKey('pkcs8', …)`.
    pub pkcs8: Vec<u8>,
    /// [`import_params`] for `alg`.
    pub import_params: String,
    /// [`sign_params`] for `alg`.
    pub sign_params: String,
    /// The length the signature must have: the modulus length for RSA, 2 × the coordinate
    /// length for ECDSA, 64 for Ed25519.
    pub signature_len: usize,
}

impl std::fmt::Debug for SignRequest {
    /// Everything but the key bytes.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SignRequest")
            .field("alg", &self.alg)
            .field("header", &self.header)
            .field("signing_input", &self.signing_input)
            .field("pkcs8", &"[redacted]")
            .field("import_params", &self.import_params)
            .field("sign_params", &self.sign_params)
            .field("signature_len", &self.signature_len)
            .finish()
    }
}

/// Why a token cannot be signed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// The key cannot make this algorithm; the words say which key it needs.
    KeyMismatch(String),
    /// The header is not a JSON object.
    Header(EditError),
}

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SignError::KeyMismatch(why) => f.write_str(why),
            SignError::Header(e) => f.write_str(&e.describe("header")),
        }
    }
}

/// Checks that `key` fits `alg`, sets the header's `alg` (and `kid` when given), and gives the
/// request to sign `header_json` and `payload` with WebCrypto (or any backend).
pub fn prepare(
    header_json: &str,
    payload: &str,
    key: &PrivateKey,
    alg: PublicAlg,
    kid: Option<&str>,
) -> Result<SignRequest, SignError> {
    key.fits(alg).map_err(SignError::KeyMismatch)?;
    let mut header = set_alg(header_json, alg.name())?;
    if let Some(kid) = kid {
        header = set_kid(&header, kid)?;
    }
    let signature_len = alg
        .fixed_signature_len()
        .unwrap_or_else(|| (key.bits() as usize).div_ceil(8));
    Ok(SignRequest {
        alg,
        signing_input: signing_input(&header, payload),
        header,
        pkcs8: key.to_pkcs8_der(),
        import_params: import_params(alg),
        sign_params: sign_params(alg),
        signature_len,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{self, EcCurve, PrivateForm, PrivateNumbers};

    fn p256() -> PrivateKey {
        PrivateKey::bare(
            PrivateNumbers::Ec {
                curve: EcCurve::P256,
                d: vec![1; 32],
                point: None,
            },
            PrivateForm::Jwk,
        )
    }

    #[test]
    fn the_signing_input_keeps_the_text() {
        let header = "{ \"alg\": \"ES256\" }";
        let input = signing_input(header, "not json");
        let (h, p) = input.split_once('.').unwrap();
        assert_eq!(b64url::decode(h).unwrap().bytes, header.as_bytes());
        assert_eq!(b64url::decode(p).unwrap().bytes, b"not json");
        assert_eq!(assemble("a.b", &[0xff, 0xfe]), "a.b.__4");
        // The same input as the HMAC signer uses.
        let token = crate::sign(r#"{"alg":"HS256"}"#, "{}", b"k").unwrap();
        assert!(token.starts_with(&signing_input(r#"{"alg":"HS256"}"#, "{}")));
    }

    #[test]
    fn alg_and_kid_are_set_in_place() {
        assert_eq!(
            set_alg("{\n  \"alg\": \"HS256\",\n  \"typ\": \"JWT\"\n}", "PS384").unwrap(),
            "{\n  \"alg\": \"PS384\",\n  \"typ\": \"JWT\"\n}"
        );
        assert_eq!(set_kid("{}", "a").unwrap(), r#"{"kid":"a"}"#);
        let e = set_alg("[1]", "RS256").unwrap_err();
        assert_eq!(
            e.to_string(),
            "the header is an array; its members need a JSON object"
        );
        assert!(set_alg("{", "RS256")
            .unwrap_err()
            .to_string()
            .starts_with("the header is not JSON"));
    }

    #[test]
    fn webcrypto_parameters_per_algorithm() {
        let cases = [
            (
                PublicAlg::RS384,
                r#"{"name":"RSASSA-PKCS1-v1_5","hash":"SHA-384"}"#,
                r#"{"name":"RSASSA-PKCS1-v1_5"}"#,
            ),
            (
                PublicAlg::PS512,
                r#"{"name":"RSA-PSS","hash":"SHA-512"}"#,
                r#"{"name":"RSA-PSS","saltLength":64}"#,
            ),
            (
                PublicAlg::ES256,
                r#"{"name":"ECDSA","namedCurve":"P-256"}"#,
                r#"{"name":"ECDSA","hash":"SHA-256"}"#,
            ),
            (
                PublicAlg::ES512,
                r#"{"name":"ECDSA","namedCurve":"P-521"}"#,
                r#"{"name":"ECDSA","hash":"SHA-512"}"#,
            ),
            (
                PublicAlg::EdDSA,
                r#"{"name":"Ed25519"}"#,
                r#"{"name":"Ed25519"}"#,
            ),
        ];
        for (alg, import, sign) in cases {
            assert_eq!(import_params(alg), import, "{alg:?}");
            assert_eq!(sign_params(alg), sign, "{alg:?}");
            assert!(serde_json::from_str::<serde_json::Value>(&import_params(alg)).is_ok());
        }
    }

    #[test]
    fn prepare_checks_the_key_first() {
        let key = p256();
        let e = prepare("{}", "{}", &key, PublicAlg::RS256, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "RS256 needs an RSA key; this is an EC P-256 key"
        );
        let e = prepare("{}", "{}", &key, PublicAlg::ES384, None).unwrap_err();
        assert_eq!(
            e.to_string(),
            "ES384 needs an EC P-384 key; this is an EC P-256 key"
        );
        let r = prepare(r#"{"typ":"JWT"}"#, "{}", &key, PublicAlg::ES256, None).unwrap();
        assert_eq!(r.header, r#"{"typ":"JWT","alg":"ES256"}"#);
        assert_eq!(r.signature_len, 64);
        assert_eq!(r.pkcs8, key.to_pkcs8_der());
        assert!(!format!("{r:?}").contains(&format!("{:?}", r.pkcs8)));
        assert!(keys::read_private(&keys::pem::encode("PRIVATE KEY", &r.pkcs8)).is_ok());
    }
}
