//! Private keys for signing, as people paste them: PEM `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY`
//! (PKCS#1), `EC PRIVATE KEY` (SEC 1), the same as bare base64 DER, a private JWK, or a JWKS with
//! one private key. Each is read into a [`PrivateKey`]: its numbers ([`PrivateNumbers`]), where it
//! came from, and its JWK labels.
//!
//! Nothing here computes with the key. The page imports [`PrivateKey::to_pkcs8_der`] into
//! WebCrypto (`importKey('pkcs8', …)` takes RSA, ECDSA and Ed25519 keys alike) and signs there;
//! the native backend (`jwt-crypto`) signs from the same numbers. The public half is given when
//! the text holds it ([`PrivateKey::public_key`]); when only arithmetic can recover it (an Ed25519
//! seed, an EC key without its point), WebCrypto's export of the imported key fills it in
//! ([`PrivateKey::complete_from`]).
//!
//! ```
//! use jwt_core::keys::{self, PrivateForm};
//! use jwt_core::PublicAlg;
//!
//! // RFC 8410 §10.3: an Ed25519 private key.
//! let pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEINTuctv5E1hK1bbY8fdp+K06/nwoy/HU++CXqI9EdVhC\n-----END PRIVATE KEY-----\n";
//! let key = keys::read_private(pem).unwrap();
//! assert_eq!(key.form, PrivateForm::PemPkcs8);
//! assert_eq!(key.description(), "Ed25519 private key (PEM, PKCS#8)");
//! assert!(key.fits(PublicAlg::EdDSA).is_ok());
//! assert_eq!(key.fits(PublicAlg::RS256).unwrap_err(), "RS256 needs an RSA key; this is an Ed25519 key");
//! assert!(key.public_key().is_err(), "the seed alone needs arithmetic to give the public key");
//! assert_eq!(keys::read_private(&keys::pem::encode("PRIVATE KEY", &key.to_pkcs8_der())).unwrap().numbers, key.numbers);
//! ```

pub mod der;
pub mod jwk;

use super::{
    pem, spki, EcCurve, KeyError, KeyErrorKind, KeyLocation, KeyType, OkpCurve, PublicKey,
};
use crate::b64url;
use crate::verify::{HmacAlg, PublicAlg};

/// The numbers of an RSA private key (RFC 8017 §A.1.2), big-endian without leading zeros. All
/// the CRT members are kept: WebCrypto needs them, and recovering them needs arithmetic.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaPrivate {
    /// Modulus.
    pub n: Vec<u8>,
    /// Public exponent.
    pub e: Vec<u8>,
    /// Private exponent.
    pub d: Vec<u8>,
    /// First prime factor.
    pub p: Vec<u8>,
    /// Second prime factor.
    pub q: Vec<u8>,
    /// d mod (p − 1).
    pub dp: Vec<u8>,
    /// d mod (q − 1).
    pub dq: Vec<u8>,
    /// q⁻¹ mod p.
    pub qi: Vec<u8>,
}

/// The numbers of a private key that signs here.
#[derive(Clone, PartialEq, Eq)]
pub enum PrivateNumbers {
    /// RSA, for RS* and PS*.
    Rsa(RsaPrivate),
    /// ECDSA on P-256, P-384 or P-521.
    Ec {
        /// The curve.
        curve: EcCurve,
        /// The private scalar, exactly the curve's coordinate length.
        d: Vec<u8>,
        /// The public point (x, y), when the text includes it.
        point: Option<(Vec<u8>, Vec<u8>)>,
    },
    /// Ed25519, for EdDSA.
    Ed25519 {
        /// The 32-byte seed (RFC 8032 §5.1.5's private key).
        d: Vec<u8>,
        /// The 32-byte public key, when the text includes it.
        x: Option<Vec<u8>>,
    },
}

impl std::fmt::Debug for RsaPrivate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "RsaPrivate {{ {} bits, [redacted] }}",
            super::bit_length(&self.n)
        )
    }
}

impl std::fmt::Debug for PrivateNumbers {
    /// Names the key, never its secret numbers.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PrivateNumbers({}, [redacted])", self.kind_words())
    }
}

impl PrivateNumbers {
    /// RSA, EC or OKP.
    pub fn key_type(&self) -> KeyType {
        match self {
            PrivateNumbers::Rsa(_) => KeyType::Rsa,
            PrivateNumbers::Ec { .. } => KeyType::Ec,
            PrivateNumbers::Ed25519 { .. } => KeyType::Okp,
        }
    }

    /// The JWK `crv` name of EC and Ed25519 keys.
    pub fn curve(&self) -> Option<&'static str> {
        match self {
            PrivateNumbers::Rsa(_) => None,
            PrivateNumbers::Ec { curve, .. } => Some(curve.name()),
            PrivateNumbers::Ed25519 { .. } => Some(OkpCurve::Ed25519.name()),
        }
    }

    /// The size in bits: the RSA modulus length, or the curve size.
    pub fn bits(&self) -> u32 {
        match self {
            PrivateNumbers::Rsa(k) => super::bit_length(&k.n),
            PrivateNumbers::Ec { curve, .. } => curve.bits(),
            PrivateNumbers::Ed25519 { .. } => 255,
        }
    }

    /// A few words naming the key: "RSA 2048-bit", "EC P-256", "Ed25519".
    pub fn kind_words(&self) -> String {
        match self {
            PrivateNumbers::Rsa(_) => format!("RSA {}-bit", self.bits()),
            PrivateNumbers::Ec { curve, .. } => format!("EC {}", curve.name()),
            PrivateNumbers::Ed25519 { .. } => "Ed25519".into(),
        }
    }

    /// The public half, when it is in the numbers.
    pub fn public_key(&self) -> Option<PublicKey> {
        match self {
            PrivateNumbers::Rsa(k) => Some(PublicKey::Rsa {
                n: k.n.clone(),
                e: k.e.clone(),
            }),
            PrivateNumbers::Ec {
                curve,
                point: Some((x, y)),
                ..
            } => Some(PublicKey::Ec {
                curve: *curve,
                x: x.clone(),
                y: y.clone(),
            }),
            PrivateNumbers::Ed25519 { x: Some(x), .. } => Some(PublicKey::Okp {
                curve: OkpCurve::Ed25519,
                x: x.clone(),
            }),
            _ => None,
        }
    }

    /// The same secret numbers, ignoring whether the public half is included.
    pub fn same_secret(&self, other: &PrivateNumbers) -> bool {
        match (self, other) {
            (PrivateNumbers::Rsa(a), PrivateNumbers::Rsa(b)) => a == b,
            (
                PrivateNumbers::Ec { curve, d, .. },
                PrivateNumbers::Ec {
                    curve: c2, d: d2, ..
                },
            ) => curve == c2 && d == d2,
            (PrivateNumbers::Ed25519 { d, .. }, PrivateNumbers::Ed25519 { d: d2, .. }) => d == d2,
            _ => false,
        }
    }
}

/// Where a private key was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PrivateForm {
    /// PEM `PRIVATE KEY` (PKCS#8 PrivateKeyInfo or OneAsymmetricKey).
    PemPkcs8,
    /// PEM `RSA PRIVATE KEY` (PKCS#1 RSAPrivateKey).
    PemPkcs1,
    /// PEM `EC PRIVATE KEY` (SEC 1 ECPrivateKey).
    PemSec1,
    /// Base64 DER PKCS#8 without PEM lines.
    DerPkcs8,
    /// Base64 DER PKCS#1 without PEM lines.
    DerPkcs1,
    /// Base64 DER SEC 1 without PEM lines.
    DerSec1,
    /// A private JWK.
    Jwk,
    /// The private key of a JWKS.
    Jwks,
}

impl PrivateForm {
    /// The stable code, e.g. `pem-pkcs8`.
    pub fn code(self) -> &'static str {
        match self {
            PrivateForm::PemPkcs8 => "pem-pkcs8",
            PrivateForm::PemPkcs1 => "pem-pkcs1",
            PrivateForm::PemSec1 => "pem-sec1",
            PrivateForm::DerPkcs8 => "der-pkcs8",
            PrivateForm::DerPkcs1 => "der-pkcs1",
            PrivateForm::DerSec1 => "der-sec1",
            PrivateForm::Jwk => "jwk",
            PrivateForm::Jwks => "jwks",
        }
    }

    /// Words for the description, e.g. "PEM, SEC 1".
    pub fn label(self) -> &'static str {
        match self {
            PrivateForm::PemPkcs8 => "PEM, PKCS#8",
            PrivateForm::PemPkcs1 => "PEM, PKCS#1",
            PrivateForm::PemSec1 => "PEM, SEC 1",
            PrivateForm::DerPkcs8 => "base64 DER, PKCS#8",
            PrivateForm::DerPkcs1 => "base64 DER, PKCS#1",
            PrivateForm::DerSec1 => "base64 DER, SEC 1",
            PrivateForm::Jwk => "JWK",
            PrivateForm::Jwks => "JWKS",
        }
    }
}

/// A private key as read, with the labels that came with it. Its `Debug` never shows the
/// secret numbers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrivateKey {
    /// The numbers.
    pub numbers: PrivateNumbers,
    /// Where it was read from.
    pub form: PrivateForm,
    /// JWK `kid`.
    pub kid: Option<String>,
    /// JWK `alg`.
    pub alg: Option<String>,
    /// JWK `use`.
    pub key_use: Option<String>,
    /// Remarks about how the text was read, e.g. PEM rewrapped from one line.
    pub notes: Vec<String>,
}

impl PrivateKey {
    /// A key with no labels or notes.
    pub fn bare(numbers: PrivateNumbers, form: PrivateForm) -> Self {
        PrivateKey {
            numbers,
            form,
            kid: None,
            alg: None,
            key_use: None,
            notes: Vec::new(),
        }
    }

    /// RSA, EC or OKP.
    pub fn key_type(&self) -> KeyType {
        self.numbers.key_type()
    }

    /// The JWK `crv` name of EC and Ed25519 keys.
    pub fn curve(&self) -> Option<&'static str> {
        self.numbers.curve()
    }

    /// RSA modulus bits, or the curve size.
    pub fn bits(&self) -> u32 {
        self.numbers.bits()
    }

    /// What the key is, in words: "RSA 2048-bit private key (PEM, PKCS#1)".
    pub fn description(&self) -> String {
        format!(
            "{} private key ({})",
            self.numbers.kind_words(),
            self.form.label()
        )
    }

    /// The algorithm a header gets when the user has not chosen one: RS256, ES256/384/512 by
    /// curve, EdDSA; a JWK's own `alg` when it is one this key can make.
    pub fn default_alg(&self) -> PublicAlg {
        if let Some(alg) = self.alg.as_deref().and_then(PublicAlg::from_name) {
            if self.fits(alg).is_ok() {
                return alg;
            }
        }
        match &self.numbers {
            PrivateNumbers::Rsa(_) => PublicAlg::RS256,
            PrivateNumbers::Ec { curve, .. } => [PublicAlg::ES384, PublicAlg::ES512]
                .into_iter()
                .find(|a| a.curve() == Some(*curve))
                .unwrap_or(PublicAlg::ES256),
            PrivateNumbers::Ed25519 { .. } => PublicAlg::EdDSA,
        }
    }

    /// Whether this key can sign `alg`: `Ok`, or why not in words, e.g. "RS256 needs an RSA
    /// key; this is an EC P-256 key".
    pub fn fits(&self, alg: PublicAlg) -> Result<(), String> {
        use crate::verify::Family;
        let fits = match (alg.family(), &self.numbers) {
            (Family::RsaPkcs1 | Family::RsaPss, PrivateNumbers::Rsa(_)) => true,
            (Family::Ecdsa, PrivateNumbers::Ec { curve, .. }) => alg.curve() == Some(*curve),
            (Family::Ed25519, PrivateNumbers::Ed25519 { .. }) => true,
            _ => false,
        };
        if fits {
            return Ok(());
        }
        let wanted = alg.wanted_key().trim_end_matches(" (OKP)");
        Err(format!(
            "{} needs {wanted}; this is an {} key",
            alg.name(),
            self.numbers.kind_words()
        ))
    }

    /// Whether this key can sign the algorithm named `alg` (the header's or the selector's
    /// text): the algorithm, or why not in words, including for HMAC, `none` and names that
    /// are not signed here.
    pub fn fits_alg_name(&self, alg: &str) -> Result<PublicAlg, String> {
        if let Some(public) = PublicAlg::from_name(alg) {
            return self.fits(public).map(|()| public);
        }
        let suggestion = self.default_alg().name();
        Err(if HmacAlg::from_name(alg).is_some() {
            format!("{alg} is an HMAC, made with a shared secret, not a private key; {suggestion} fits this key")
        } else if alg == "none" {
            "alg 'none' makes an unsigned token, with no key at all: choose it explicitly, not with a private key".to_string()
        } else if alg == "ES256K" || alg == "Ed448" {
            format!(
                "{alg} is not signed here (browsers cannot sign it); {suggestion} fits this key"
            )
        } else {
            format!("'{alg}' is not an algorithm this inspector signs with (RS256/384/512, PS256/384/512, ES256/384/512, EdDSA); {suggestion} fits this key")
        })
    }

    /// The public half, when the text includes it: always for RSA; for EC when the SEC 1 or JWK
    /// form has the point; for Ed25519 when the JWK has `x` or the PKCS#8 key is version 2 with
    /// its public key. Otherwise only arithmetic can recover it: import the key into WebCrypto
    /// as extractable, export it as a JWK, and pass that to [`PrivateKey::complete_from`].
    pub fn public_key(&self) -> Result<PublicKey, KeyError> {
        self.numbers.public_key().ok_or_else(|| {
            let how = match self.numbers {
                PrivateNumbers::Ec { .. } => "this EC private key does not include its public point; paste the PKCS#8 form from `openssl pkcs8 -topk8 -nocrypt -in key.pem`, or a JWK with x and y",
                _ => "this Ed25519 private key holds only its 32-byte seed; the public key is computed from it, which the browser does after import",
            };
            KeyError::new(KeyErrorKind::PublicPartMissing, None, how)
        })
    }

    /// This key with its public half taken from `jwk_text`: the private JWK WebCrypto exports
    /// after importing [`PrivateKey::to_pkcs8_der`]. Fails unless it holds the same secret.
    pub fn complete_from(&self, jwk_text: &str) -> Result<PrivateKey, KeyError> {
        let exported = jwk::read(jwk_text)?;
        if !exported.numbers.same_secret(&self.numbers) {
            return Err(KeyError::new(
                KeyErrorKind::Jwk,
                None,
                "the exported JWK is not this private key",
            ));
        }
        let mut key = self.clone();
        key.numbers = match (&self.numbers, exported.numbers) {
            (PrivateNumbers::Rsa(_), numbers) => numbers,
            (PrivateNumbers::Ec { point: Some(_), .. }, _) => self.numbers.clone(),
            (_, numbers) => numbers,
        };
        if key.numbers.public_key().is_none() {
            return Err(self.public_key().unwrap_err());
        }
        Ok(key)
    }

    /// PKCS#8 PrivateKeyInfo DER (RFC 5208, version 0, no attributes), the form WebCrypto's
    /// `importKey('pkcs8', …)` takes for every algorithm: `rsaEncryption` with the PKCS#1 key,
    /// `id-ecPublicKey` with the named curve and the SEC 1 key (its point when known), or
    /// `id-Ed25519` with the seed. Written afresh, so a PKCS#1 or SEC 1 key, a JWK, or a PKCS#8
    /// key with attributes all give the same bytes.
    pub fn to_pkcs8_der(&self) -> Vec<u8> {
        der::pkcs8(&self.numbers)
    }

    /// [`PrivateKey::to_pkcs8_der`] as PEM `PRIVATE KEY`.
    pub fn to_pkcs8_pem(&self) -> String {
        pem::encode("PRIVATE KEY", &self.to_pkcs8_der())
    }

    /// A compact private JWK with only the key's members (`kty`, `crv`, public numbers, private
    /// numbers), as `importKey('jwk', …, ['sign'])` takes it. Fails when the public half is not
    /// in the text (see [`PrivateKey::public_key`]): a JWK must have it.
    pub fn to_jwk(&self) -> Result<String, KeyError> {
        Ok(super::export::json_object(&self.jwk_members()?, None))
    }

    /// A private JWK to show: the key's members, then `kid` and `alg` when given, and
    /// `use: "sig"`; laid out with two-space indentation.
    pub fn to_jwk_labelled(
        &self,
        kid: Option<&str>,
        alg: Option<&str>,
    ) -> Result<String, KeyError> {
        let members = super::export::labelled(self.jwk_members()?, kid, alg);
        Ok(super::export::json_object(&members, Some(0)))
    }

    fn jwk_members(&self) -> Result<Vec<(&'static str, String)>, KeyError> {
        let mut members = self.public_key()?.jwk_members();
        match &self.numbers {
            PrivateNumbers::Rsa(k) => {
                for (name, value) in [
                    ("d", &k.d),
                    ("p", &k.p),
                    ("q", &k.q),
                    ("dp", &k.dp),
                    ("dq", &k.dq),
                    ("qi", &k.qi),
                ] {
                    members.push((name, b64url::encode(value)));
                }
            }
            PrivateNumbers::Ec { d, .. } | PrivateNumbers::Ed25519 { d, .. } => {
                members.push(("d", b64url::encode(d)));
            }
        }
        Ok(members)
    }
}

/// Reads pasted private-key text: PEM (`PRIVATE KEY`, `RSA PRIVATE KEY`, `EC PRIVATE KEY`), a
/// private JWK or a JWKS with one private key, or base64 DER. Never panics. A public key, an
/// encrypted key, an HMAC secret or another kind of key is refused with words saying what it is
/// and what to paste instead.
pub fn read_private(text: &str) -> Result<PrivateKey, KeyError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(KeyError::new(
            KeyErrorKind::Empty,
            None,
            "no private key was given",
        ));
    }
    if trimmed.contains("-----BEGIN") {
        return read_pem(text);
    }
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        return jwk::read(text);
    }
    if trimmed.starts_with("ssh-") || trimmed.starts_with("ecdsa-sha2-") {
        return Err(KeyError::new(
            KeyErrorKind::NotPrivate,
            None,
            "this is an OpenSSH public key: signing needs the private key",
        ));
    }
    read_bare_der(trimmed)
}

/// How to decrypt an encrypted private key.
const DECRYPT: &str =
    "decrypt it first, e.g. `openssl pkey -in encrypted.pem -out key.pem` (this page never asks for passwords)";

fn read_pem(text: &str) -> Result<PrivateKey, KeyError> {
    let (blocks, notes) = pem::blocks_as_pasted(text).map_err(|mut e| {
        if e.kind == KeyErrorKind::Encrypted {
            e.message = format!("{}: {DECRYPT}", e.message);
        }
        e
    })?;
    let at = |line: usize| Some(KeyLocation::PemLine { line });
    let Some(block) = blocks.iter().find(|b| b.label.contains("PRIVATE KEY")) else {
        return Err(match blocks.first() {
            None => KeyError::new(
                KeyErrorKind::Pem,
                None,
                "no complete PEM block (BEGIN … END) was found",
            ),
            Some(b) if ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"].contains(&b.label.as_str()) => KeyError::new(
                KeyErrorKind::NotPrivate,
                at(b.line),
                format!("this is a public key (PEM {}): signing needs the private key, which starts with -----BEGIN PRIVATE KEY-----", b.label),
            ),
            Some(b) => KeyError::new(
                KeyErrorKind::Unsupported,
                at(b.line),
                format!("a PEM '{}' block holds no private key this inspector reads (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY)", b.label),
            ),
        });
    };
    let within = format!("PEM block at line {}", block.line);
    let (numbers, form, mut notes_read) = match block.label.as_str() {
        "PRIVATE KEY" => der::read_pkcs8(&block.der).map(|(k, n)| (k, PrivateForm::PemPkcs8, n)),
        "RSA PRIVATE KEY" => der::read_pkcs1(&block.der)
            .map(|k| (PrivateNumbers::Rsa(k), PrivateForm::PemPkcs1, Vec::new())),
        "EC PRIVATE KEY" => {
            der::read_sec1(&block.der, None).map(|(k, n)| (k, PrivateForm::PemSec1, n))
        }
        "ENCRYPTED PRIVATE KEY" => Err(KeyError::new(
            KeyErrorKind::Encrypted,
            at(block.line),
            format!("this private key is encrypted (PKCS#8 ENCRYPTED PRIVATE KEY): {DECRYPT}"),
        )),
        "OPENSSH PRIVATE KEY" => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            at(block.line),
            "this is an OpenSSH private key; convert a copy to PKCS#8 with `ssh-keygen -p -m PKCS8 -f copy-of-key` (it rewrites the file)",
        )),
        other => Err(KeyError::new(
            KeyErrorKind::Unsupported,
            at(block.line),
            format!("a PEM '{other}' key is not one that signs JWS tokens (RSA, EC P-256/384/521 or Ed25519)"),
        )),
    }
    .map_err(|e| e.within(&within))?;
    let private_blocks = blocks
        .iter()
        .filter(|b| b.label.contains("PRIVATE KEY"))
        .count();
    if private_blocks > 1 {
        notes_read.push(format!(
            "the text holds {private_blocks} private keys; the first, at line {}, is used",
            block.line
        ));
    }
    notes_read.extend(notes);
    Ok(PrivateKey {
        notes: notes_read,
        ..PrivateKey::bare(numbers, form)
    })
}

fn read_bare_der(text: &str) -> Result<PrivateKey, KeyError> {
    let unrecognized = || {
        KeyError::new(
            KeyErrorKind::Unrecognized,
            None,
            "this is not a private key this inspector reads: paste a PEM private key (-----BEGIN PRIVATE KEY-----, RSA PRIVATE KEY or EC PRIVATE KEY), a private JWK ({…} with 'd'), or base64 DER",
        )
    };
    let der = pem::bare_base64(text).ok_or_else(unrecognized)?;
    let (numbers, form, notes) = match spki::shape(&der) {
        spki::Shape::Pkcs8Private => {
            der::read_pkcs8(&der).map(|(k, n)| (k, PrivateForm::DerPkcs8, n))
        }
        spki::Shape::Pkcs1Private => der::read_pkcs1(&der)
            .map(|k| (PrivateNumbers::Rsa(k), PrivateForm::DerPkcs1, Vec::new())),
        spki::Shape::Sec1Private => {
            der::read_sec1(&der, None).map(|(k, n)| (k, PrivateForm::DerSec1, n))
        }
        spki::Shape::EncryptedPrivate => Err(KeyError::new(
            KeyErrorKind::Encrypted,
            None,
            format!("this private key is encrypted (PKCS#8 EncryptedPrivateKeyInfo): {DECRYPT}"),
        )),
        spki::Shape::Spki | spki::Shape::Pkcs1Public | spki::Shape::Certificate => {
            Err(KeyError::new(
                KeyErrorKind::NotPrivate,
                None,
                "this is a public key or certificate: signing needs the private key",
            ))
        }
        spki::Shape::Unknown => return Err(unrecognized()),
    }
    .map_err(|e| e.within("base64 DER"))?;
    Ok(PrivateKey {
        notes,
        ..PrivateKey::bare(numbers, form)
    })
}

#[cfg(test)]
mod tests;
