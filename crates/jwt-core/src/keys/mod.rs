//! Keys as people paste them. Public keys: PEM (SPKI, PKCS#1, X.509 certificates), base64 DER, a
//! JWK or a JWKS. Every key is turned into one canonical form, [`PublicKey`] (its public numbers as
//! bytes), with where it came from ([`Key`]). Private keys are recognised by [`read`] and refused
//! with [`KeyErrorKind::PrivateKey`]: verification needs only the public key.
//!
//! Private keys for signing are read by [`read_private`] (PKCS#8, PKCS#1, SEC 1, a private JWK)
//! into a [`PrivateKey`], which the page hands to WebCrypto as PKCS#8 DER; [`export`] formats
//! public keys (SPKI, JWK, JWKS, the RFC 7638 thumbprint) and [`pem::encode`] wraps DER in PEM.
//!
//! ```
//! use jwt_core::keys::{self, KeyType};
//!
//! let jwk = r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#;
//! let set = keys::read(jwk).unwrap();
//! let key = set.entries[0].key.as_ref().unwrap();
//! assert_eq!(key.public.key_type(), KeyType::Okp);
//! assert_eq!(key.description(), "Ed25519 public key (JWK)");
//! ```

pub mod cert;
pub mod der;
pub mod der_write;
pub mod export;
pub mod jwk;
pub mod pem;
pub mod private;
pub mod reader;
pub mod select;
pub mod spki;

pub use private::{read_private, PrivateForm, PrivateKey, PrivateNumbers, RsaPrivate};
pub use reader::{header_key, header_text_key, token_key, AllForms, Reader, SecretsOnly};

use serde::Serialize;

use crate::b64url;

/// The family of a public key, as JWK `kty` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum KeyType {
    /// RSA (`kty` RSA).
    Rsa,
    /// An elliptic curve in Weierstrass form (`kty` EC).
    Ec,
    /// An octet key pair: Edwards or Montgomery curves (`kty` OKP).
    Okp,
}

impl KeyType {
    /// The stable code (`data-key-type`): `rsa`, `ec`, `okp`.
    pub fn code(self) -> &'static str {
        match self {
            KeyType::Rsa => "rsa",
            KeyType::Ec => "ec",
            KeyType::Okp => "okp",
        }
    }
}

/// A Weierstrass curve of an EC key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum EcCurve {
    /// NIST P-256 (secp256r1), for ES256.
    P256,
    /// NIST P-384 (secp384r1), for ES384.
    P384,
    /// NIST P-521 (secp521r1), for ES512.
    P521,
    /// secp256k1, for ES256K (RFC 8812): recognised, not verified here.
    Secp256k1,
}

impl EcCurve {
    /// Every curve.
    pub const ALL: [EcCurve; 4] = [
        EcCurve::P256,
        EcCurve::P384,
        EcCurve::P521,
        EcCurve::Secp256k1,
    ];

    /// The JWK `crv` name.
    pub fn name(self) -> &'static str {
        match self {
            EcCurve::P256 => "P-256",
            EcCurve::P384 => "P-384",
            EcCurve::P521 => "P-521",
            EcCurve::Secp256k1 => "secp256k1",
        }
    }

    /// Length in bytes of one coordinate (RFC 7518 §6.2.1.2).
    pub fn coordinate_len(self) -> usize {
        match self {
            EcCurve::P256 | EcCurve::Secp256k1 => 32,
            EcCurve::P384 => 48,
            EcCurve::P521 => 66,
        }
    }

    /// Size of the curve in bits.
    pub fn bits(self) -> u32 {
        match self {
            EcCurve::P256 | EcCurve::Secp256k1 => 256,
            EcCurve::P384 => 384,
            EcCurve::P521 => 521,
        }
    }

    /// The curve with this JWK `crv` name (exact, as RFC 7518 registers it).
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A curve of an OKP key (RFC 8037).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum OkpCurve {
    /// Ed25519 signatures (EdDSA).
    Ed25519,
    /// Ed448 signatures: recognised, not verified here.
    Ed448,
    /// X25519 key agreement: not a signature key.
    X25519,
    /// X448 key agreement: not a signature key.
    X448,
}

impl OkpCurve {
    /// Every curve.
    pub const ALL: [OkpCurve; 4] = [
        OkpCurve::Ed25519,
        OkpCurve::Ed448,
        OkpCurve::X25519,
        OkpCurve::X448,
    ];

    /// The JWK `crv` name.
    pub fn name(self) -> &'static str {
        match self {
            OkpCurve::Ed25519 => "Ed25519",
            OkpCurve::Ed448 => "Ed448",
            OkpCurve::X25519 => "X25519",
            OkpCurve::X448 => "X448",
        }
    }

    /// Length in bytes of the public key.
    pub fn key_len(self) -> usize {
        match self {
            OkpCurve::Ed25519 | OkpCurve::X25519 => 32,
            OkpCurve::Ed448 => 57,
            OkpCurve::X448 => 56,
        }
    }

    /// The curve with this JWK `crv` name.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// A public key in canonical form: its public numbers as big-endian bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// RSA modulus and public exponent, without leading zero bytes.
    Rsa {
        /// Modulus.
        n: Vec<u8>,
        /// Public exponent.
        e: Vec<u8>,
    },
    /// A point on a Weierstrass curve; each coordinate is exactly the curve's length.
    Ec {
        /// The curve.
        curve: EcCurve,
        /// x coordinate.
        x: Vec<u8>,
        /// y coordinate.
        y: Vec<u8>,
    },
    /// An Edwards or Montgomery public key.
    Okp {
        /// The curve.
        curve: OkpCurve,
        /// The encoded public key.
        x: Vec<u8>,
    },
}

impl PublicKey {
    /// RSA, EC or OKP.
    pub fn key_type(&self) -> KeyType {
        match self {
            PublicKey::Rsa { .. } => KeyType::Rsa,
            PublicKey::Ec { .. } => KeyType::Ec,
            PublicKey::Okp { .. } => KeyType::Okp,
        }
    }

    /// The size in bits: the RSA modulus length, or the curve size.
    pub fn bits(&self) -> u32 {
        match self {
            PublicKey::Rsa { n, .. } => bit_length(n),
            PublicKey::Ec { curve, .. } => curve.bits(),
            PublicKey::Okp { curve, .. } => match curve {
                OkpCurve::Ed25519 | OkpCurve::X25519 => 255,
                OkpCurve::Ed448 | OkpCurve::X448 => 448,
            },
        }
    }

    /// The JWK `crv` name of EC and OKP keys.
    pub fn curve(&self) -> Option<&'static str> {
        match self {
            PublicKey::Rsa { .. } => None,
            PublicKey::Ec { curve, .. } => Some(curve.name()),
            PublicKey::Okp { curve, .. } => Some(curve.name()),
        }
    }

    /// The RSA modulus length in bytes, which is also the length of its signatures.
    pub fn modulus_len(&self) -> Option<usize> {
        match self {
            PublicKey::Rsa { n, .. } => Some(n.len()),
            _ => None,
        }
    }

    /// A few words naming the key: "RSA 2048-bit", "EC P-256", "Ed25519".
    pub fn kind_words(&self) -> String {
        match self {
            PublicKey::Rsa { .. } => format!("RSA {}-bit", self.bits()),
            PublicKey::Ec { curve, .. } => format!("EC {}", curve.name()),
            PublicKey::Okp { curve, .. } => curve.name().to_string(),
        }
    }

    /// The SEC 1 uncompressed point `04 ‖ x ‖ y` of an EC key.
    pub fn sec1_point(&self) -> Option<Vec<u8>> {
        match self {
            PublicKey::Ec { x, y, .. } => {
                let mut point = Vec::with_capacity(1 + x.len() + y.len());
                point.push(0x04);
                point.extend_from_slice(x);
                point.extend_from_slice(y);
                Some(point)
            }
            _ => None,
        }
    }

    /// A minimal public JWK (only `kty`, `crv` and the public numbers), as WebCrypto's
    /// `importKey('jwk', …)` takes it.
    pub fn to_jwk(&self) -> String {
        match self {
            PublicKey::Rsa { n, e } => format!(
                r#"{{"kty":"RSA","n":"{}","e":"{}"}}"#,
                b64url::encode(n),
                b64url::encode(e)
            ),
            PublicKey::Ec { curve, x, y } => format!(
                r#"{{"kty":"EC","crv":"{}","x":"{}","y":"{}"}}"#,
                curve.name(),
                b64url::encode(x),
                b64url::encode(y)
            ),
            PublicKey::Okp { curve, x } => format!(
                r#"{{"kty":"OKP","crv":"{}","x":"{}"}}"#,
                curve.name(),
                b64url::encode(x)
            ),
        }
    }
}

/// Number of significant bits of a big-endian unsigned integer.
fn bit_length(bytes: &[u8]) -> u32 {
    let Some(first) = bytes.iter().position(|&b| b != 0) else {
        return 0;
    };
    let rest = u32::try_from(bytes.len() - first - 1).unwrap_or(u32::MAX / 16);
    rest * 8 + (8 - bytes[first].leading_zeros())
}

/// Where a key was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyForm {
    /// PEM `PUBLIC KEY` (SubjectPublicKeyInfo).
    PemSpki,
    /// PEM `RSA PUBLIC KEY` (PKCS#1).
    PemPkcs1,
    /// PEM `CERTIFICATE` (X.509).
    PemCertificate,
    /// Base64 DER SubjectPublicKeyInfo without PEM lines.
    DerSpki,
    /// Base64 DER PKCS#1 RSAPublicKey without PEM lines.
    DerPkcs1,
    /// Base64 DER X.509 certificate without PEM lines.
    DerCertificate,
    /// A JWK.
    Jwk,
    /// One key of a JWKS.
    Jwks,
    /// The token header's own `jwk`.
    TokenJwk,
    /// The first certificate of the token header's own `x5c`.
    TokenX5c,
}

impl KeyForm {
    /// The stable code, e.g. `pem-spki`.
    pub fn code(self) -> &'static str {
        match self {
            KeyForm::PemSpki => "pem-spki",
            KeyForm::PemPkcs1 => "pem-pkcs1",
            KeyForm::PemCertificate => "pem-certificate",
            KeyForm::DerSpki => "der-spki",
            KeyForm::DerPkcs1 => "der-pkcs1",
            KeyForm::DerCertificate => "der-certificate",
            KeyForm::Jwk => "jwk",
            KeyForm::Jwks => "jwks",
            KeyForm::TokenJwk => "token-jwk",
            KeyForm::TokenX5c => "token-x5c",
        }
    }

    /// Words for the description, e.g. "PEM, SPKI".
    pub fn label(self) -> &'static str {
        match self {
            KeyForm::PemSpki => "PEM, SPKI",
            KeyForm::PemPkcs1 => "PEM, PKCS#1",
            KeyForm::PemCertificate => "PEM certificate",
            KeyForm::DerSpki => "base64 DER, SPKI",
            KeyForm::DerPkcs1 => "base64 DER, PKCS#1",
            KeyForm::DerCertificate => "base64 DER certificate",
            KeyForm::Jwk => "JWK",
            KeyForm::Jwks => "JWKS",
            KeyForm::TokenJwk => "the token's own 'jwk' header",
            KeyForm::TokenX5c => "the token's own 'x5c' header",
        }
    }

    /// True for the key the token carries itself.
    pub fn from_token(self) -> bool {
        matches!(self, KeyForm::TokenJwk | KeyForm::TokenX5c)
    }

    /// True for a certificate.
    pub fn is_certificate(self) -> bool {
        matches!(
            self,
            KeyForm::PemCertificate | KeyForm::DerCertificate | KeyForm::TokenX5c
        )
    }
}

/// What an X.509 certificate says about itself (nothing here is checked: no chain, no trust).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Certificate {
    /// The subject name, e.g. `CN=login.example.com, O=Example`.
    pub subject: String,
    /// The issuer name.
    pub issuer: String,
    /// The subject's common name (CN), when it has one.
    pub common_name: Option<String>,
    /// Start of validity, Unix seconds.
    pub not_before: Option<i64>,
    /// End of validity, Unix seconds.
    pub not_after: Option<i64>,
}

/// One key as read, with the metadata that came with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    /// The public numbers.
    pub public: PublicKey,
    /// Where it was read from.
    pub form: KeyForm,
    /// JWK `kid`.
    pub kid: Option<String>,
    /// JWK `alg`.
    pub alg: Option<String>,
    /// JWK `use`.
    pub key_use: Option<String>,
    /// JWK `key_ops`.
    pub key_ops: Option<Vec<String>>,
    /// The certificate, for keys read from one.
    pub certificate: Option<Certificate>,
}

impl Key {
    /// A key with no metadata.
    pub fn bare(public: PublicKey, form: KeyForm) -> Self {
        Key {
            public,
            form,
            kid: None,
            alg: None,
            key_use: None,
            key_ops: None,
            certificate: None,
        }
    }

    /// What the key is, in words: "RSA 2048-bit public key (PEM, SPKI)", or for a certificate
    /// "EC P-256 key from a certificate for CN=login.example.com, valid until 2027-03-01".
    pub fn description(&self) -> String {
        let kind = self.public.kind_words();
        match &self.certificate {
            Some(c) => {
                let whose = c
                    .common_name
                    .as_ref()
                    .map(|cn| format!("CN={cn}"))
                    .unwrap_or_else(|| c.subject.clone());
                let whose = if whose.is_empty() {
                    "an unnamed subject".to_string()
                } else {
                    whose
                };
                let source = if self.form == KeyForm::TokenX5c {
                    "the token's own 'x5c' certificate"
                } else {
                    "a certificate"
                };
                let until = c
                    .not_after
                    .and_then(crate::clock_text::rfc3339)
                    .map(|t| format!(", valid until {}", &t[..10]))
                    .unwrap_or_default();
                format!("{kind} key from {source} for {whose}{until}")
            }
            None => format!("{kind} public key ({})", self.form.label()),
        }
    }
}

/// One key of what was pasted, readable or not, with its `kid` when it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The `kid` member, read even when the rest of the key is not.
    pub kid: Option<String>,
    /// The key, or why it cannot be used.
    pub key: Result<Key, KeyError>,
}

/// Everything read from one pasted text: one key, or the keys of a JWKS.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeySet {
    /// The keys, in the order given. A PEM or JWK text has exactly one, which is readable.
    pub entries: Vec<Entry>,
    /// True for a JWKS (`{"keys": [...]}`).
    pub jwks: bool,
    /// Remarks about what was left aside, e.g. the other certificates of a chain.
    pub notes: Vec<String>,
}

impl KeySet {
    /// A set of one readable key.
    pub fn single(key: Key) -> Self {
        KeySet {
            entries: vec![Entry {
                kid: key.kid.clone(),
                key: Ok(key),
            }],
            jwks: false,
            notes: Vec::new(),
        }
    }

    /// The readable keys.
    pub fn keys(&self) -> impl Iterator<Item = &Key> {
        self.entries.iter().filter_map(|e| e.key.as_ref().ok())
    }
}

/// What kind of problem a key text has.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum KeyErrorKind {
    /// Nothing was given.
    Empty,
    /// The text is none of the accepted forms.
    Unrecognized,
    /// PEM framing: BEGIN/END lines, labels, headers.
    Pem,
    /// Base64 inside PEM or bare DER.
    Base64,
    /// The DER structure.
    Der,
    /// JSON syntax of a JWK or JWKS.
    Json,
    /// A JWK member is missing or wrong.
    Jwk,
    /// A private key: verification needs only the public key.
    PrivateKey,
    /// An encrypted private key or PEM.
    Encrypted,
    /// A symmetric key (JWK `kty` oct): an HMAC secret, not a public key.
    SymmetricKey,
    /// A well-formed key of a kind this inspector does not read.
    Unsupported,
    /// A public key where a private key is needed (signing).
    NotPrivate,
    /// A private key without its public half, which only the key's arithmetic can recover.
    PublicPartMissing,
}

impl KeyErrorKind {
    /// The stable code, e.g. `private-key`.
    pub fn code(self) -> &'static str {
        match self {
            KeyErrorKind::Empty => "empty",
            KeyErrorKind::Unrecognized => "unrecognized",
            KeyErrorKind::Pem => "pem",
            KeyErrorKind::Base64 => "base64",
            KeyErrorKind::Der => "der",
            KeyErrorKind::Json => "json",
            KeyErrorKind::Jwk => "jwk",
            KeyErrorKind::PrivateKey => "private-key",
            KeyErrorKind::Encrypted => "encrypted",
            KeyErrorKind::SymmetricKey => "symmetric-key",
            KeyErrorKind::Unsupported => "unsupported",
            KeyErrorKind::NotPrivate => "not-private",
            KeyErrorKind::PublicPartMissing => "public-part-missing",
        }
    }
}

/// Where in the pasted text a key problem is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "at", rename_all = "kebab-case")]
pub enum KeyLocation {
    /// A line of PEM text (1-based, counted in the whole pasted text).
    PemLine {
        /// The line.
        line: usize,
    },
    /// A byte of DER (0-based), inside `within` when the DER came from somewhere named.
    DerByte {
        /// The byte offset.
        byte: usize,
        /// E.g. "PEM block at line 3", "x5c certificate 1".
        within: Option<String>,
    },
    /// A JWK, or one key of a JWKS, and the member at fault.
    Jwk {
        /// The key's position in a JWKS (1-based), `None` for a single JWK.
        key: Option<usize>,
        /// The member, when one is at fault.
        member: Option<String>,
    },
    /// JSON syntax, at a line and column of the pasted text.
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl std::fmt::Display for KeyLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyLocation::PemLine { line } => write!(f, "PEM line {line}"),
            KeyLocation::DerByte { byte, within: None } => write!(f, "DER byte {byte}"),
            KeyLocation::DerByte {
                byte,
                within: Some(w),
            } => write!(f, "{w}, DER byte {byte}"),
            KeyLocation::Jwk { key: None, .. } => f.write_str("JWK"),
            KeyLocation::Jwk { key: Some(i), .. } => write!(f, "JWKS key {i}"),
            KeyLocation::Json { line, column } => write!(f, "JSON line {line}, column {column}"),
        }
    }
}

/// Why a key text cannot be used, where, and in words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyError {
    /// The kind of problem.
    pub kind: KeyErrorKind,
    /// Where it is, when one place is at fault.
    pub location: Option<KeyLocation>,
    /// The reason, e.g. "member 'n' is missing".
    pub message: String,
}

impl KeyError {
    /// An error with a kind, a place and a reason.
    pub fn new(
        kind: KeyErrorKind,
        location: Option<KeyLocation>,
        message: impl Into<String>,
    ) -> Self {
        KeyError {
            kind,
            location,
            message: message.into(),
        }
    }

    /// A DER error, located at its byte.
    pub fn der(e: der::DerError) -> Self {
        KeyError::new(
            KeyErrorKind::Der,
            Some(KeyLocation::DerByte {
                byte: e.offset,
                within: None,
            }),
            e.message,
        )
    }

    /// Names where the DER came from (e.g. "PEM block at line 3"), when the error is in DER.
    pub fn within(mut self, what: &str) -> Self {
        if let Some(KeyLocation::DerByte { within, .. }) = &mut self.location {
            if within.is_none() {
                *within = Some(what.to_string());
            }
        }
        self
    }

    /// The refusal of a private key, whatever its form.
    pub fn private_key(form: &str) -> Self {
        KeyError::new(
            KeyErrorKind::PrivateKey,
            None,
            format!("this is a private key ({form}): verification needs the public key. Paste the public key (or certificate) instead, and keep the private key where it belongs"),
        )
    }
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.location {
            Some(at) => write!(f, "{at}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// Reads pasted key text: PEM, a JWK or JWKS, or base64 DER. Never panics.
pub fn read(text: &str) -> Result<KeySet, KeyError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(KeyError::new(KeyErrorKind::Empty, None, "no key was given"));
    }
    if trimmed.contains("-----BEGIN") {
        return pem::read(text);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return jwk::read(text);
    }
    if let Some(kind) = ["ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-", "ssh-dss "]
        .iter()
        .find(|p| trimmed.starts_with(*p))
    {
        return Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            format!(
                "this is an OpenSSH public key ('{}'); convert it to PEM first, e.g. `ssh-keygen -e -m PKCS8 -f key.pub`",
                kind.trim()
            ),
        ));
    }
    pem::read_bare_der(trimmed)
}

/// True when `text` has the outward form of a public key: a PEM block labelled `PUBLIC KEY`,
/// `RSA PUBLIC KEY` or `CERTIFICATE`, or JSON naming an asymmetric `kty` without a private `d` (a JWK or a JWKS). A
/// quick test that reads no key; [`looks_like_public_key`] reads it.
pub fn has_public_key_shape(text: &str) -> bool {
    let t = text.trim();
    let pem = ["PUBLIC KEY-----", "CERTIFICATE-----"]
        .iter()
        .any(|label| t.contains("-----BEGIN") && t.contains(label));
    let json = t.starts_with('{')
        && ["\"RSA\"", "\"EC\"", "\"OKP\""]
            .iter()
            .any(|kty| t.contains(kty))
        && t.contains("\"kty\"")
        && !t.contains("\"d\"");
    pem || json
}

/// True when `text` reads as a public key (PEM, certificate, JWK or JWKS): pasted as an HMAC
/// secret, it is the classic key-confusion attack (RFC 8725 §2.1).
pub fn looks_like_public_key(text: &str) -> bool {
    let t = text.trim();
    (t.contains("-----BEGIN") || t.starts_with('{'))
        && read(t).is_ok_and(|set| set.keys().next().is_some())
}

#[cfg(test)]
mod tests;
