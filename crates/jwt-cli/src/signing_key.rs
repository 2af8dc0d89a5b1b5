//! The private key of `sign --key`: read with the core's key reader (through the native
//! backend), checked against the header's `alg`, and used to sign.
//!
//! Every form the page takes is read: PEM `PRIVATE KEY` (PKCS#8), `RSA PRIVATE KEY` (PKCS#1) and
//! `EC PRIVATE KEY` (SEC 1), a private JWK or a JWKS with one private key, base64 DER, and a
//! binary DER file. The reader's own messages say what else a file holds (a public key, an
//! encrypted key) and what to do.

use std::path::{Path, PathBuf};

use base64::Engine as _;
use jwt_core::keys::PublicKey;
use jwt_core::verify::Family;
use jwt_core::{HmacAlg, PublicAlg};
use jwt_crypto::PrivateKey;

use crate::status::Failure;

/// The PEM labels of the private keys the reader takes.
const PRIVATE_LABELS: [&str; 3] = ["PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"];

/// A private key read from a file.
#[derive(Debug)]
pub struct SigningKey {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// The key.
    pub key: PrivateKey,
}

impl SigningKey {
    /// The public half, in the core's form.
    pub fn public(&self) -> PublicKey {
        self.key.public_key()
    }

    /// The algorithm a header gets when none is named: the usual one for the key's type.
    pub fn default_alg(&self) -> PublicAlg {
        match self.public() {
            PublicKey::Rsa { .. } => PublicAlg::RS256,
            PublicKey::Ec { curve, .. } => [PublicAlg::ES384, PublicAlg::ES512]
                .into_iter()
                .find(|a| a.curve() == Some(curve))
                .unwrap_or(PublicAlg::ES256),
            PublicKey::Okp { .. } => PublicAlg::EdDSA,
        }
    }
}

/// Reads a private key file in any form the core reads. What it cannot use is a usage error that
/// names what the file holds and what to do.
pub fn read(path: &Path) -> Result<SigningKey, Failure> {
    let shown = path.display();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("cannot read the private key {shown}: {e}")))?;
    let text = key_text(bytes);
    let key = PrivateKey::read(private_block(&text).unwrap_or(&text))
        .map_err(|e| Failure::usage(format!("--key {shown}: {e}")))?;
    Ok(SigningKey {
        path: path.to_path_buf(),
        key,
    })
}

/// The file as text for the reader: text files as they are, and a binary (DER) file as base64,
/// which the reader takes as DER.
fn key_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes)
        .unwrap_or_else(|e| base64::engine::general_purpose::STANDARD.encode(e.as_bytes()))
}

/// The first PEM block holding a private key, BEGIN and END lines included, so that a file with
/// a certificate or comments around the key still reads.
fn private_block(text: &str) -> Option<&str> {
    PRIVATE_LABELS
        .iter()
        .filter_map(|label| pem_block(text, label))
        .min_by_key(|block| block.as_ptr() as usize)
}

/// The first PEM block with this label, BEGIN and END lines included.
fn pem_block<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)?;
    let stop = start + text[start..].find(&end)? + end.len();
    Some(&text[start..stop])
}

/// Signs `header.payload` with the key; the header's `alg` must be one the key can make.
pub fn sign(header: &str, payload: &str, key: &SigningKey) -> Result<String, Failure> {
    let alg = header_alg(header)?;
    let Some(public_alg) = PublicAlg::from_name(&alg) else {
        let why = if HmacAlg::from_name(&alg).is_some() {
            format!("{alg} is an HMAC, made with a secret (--secret-file, --secret-env, --secret), not a private key")
        } else {
            format!("with a private key only RS256/384/512, PS256/384/512, ES256/384/512 and EdDSA are made, not '{alg}'")
        };
        return Err(Failure::content(format!(
            "cannot sign with alg '{alg}': {why}; --alg {} fits this key",
            key.default_alg().name()
        )));
    };
    if let Some(wanted) = misfit(public_alg, &key.public()) {
        return Err(Failure::content(format!(
            "cannot sign with alg '{alg}': it needs {wanted}, but {} holds an {} key; use a matching key, or --alg {} for this one",
            key.path.display(),
            key.public().kind_words(),
            key.default_alg().name()
        )));
    }
    jwt_crypto::sign_token(header, payload, &key.key).map_err(|e| Failure::content(e.to_string()))
}

/// The header's `alg`: the header must be a JSON object that names one.
pub fn header_alg(header: &str) -> Result<String, Failure> {
    let value = jwt_core::json::parse(header.as_bytes())
        .map_err(|e| {
            Failure::content(format!(
                "the header must be a JSON object: byte {}: {}",
                e.position(),
                e.message()
            ))
        })?
        .value;
    let object = value.as_object().ok_or_else(|| {
        Failure::content(format!(
            "the header must be a JSON object: it is {}",
            jwt_core::json::type_name(&value)
        ))
    })?;
    match object.get("alg") {
        Some(jwt_core::json::Value::String(alg)) => Ok(alg.clone()),
        Some(_) => Err(Failure::content(
            "the header's alg must be a string; set it with --alg",
        )),
        None => Err(Failure::content("the header has no alg; set it with --alg")),
    }
}

/// What kind of key `alg` needs, when `key` is not one.
fn misfit(alg: PublicAlg, key: &PublicKey) -> Option<String> {
    let fits = match (alg.family(), key) {
        (Family::RsaPkcs1 | Family::RsaPss, PublicKey::Rsa { .. }) => true,
        (Family::Ecdsa, PublicKey::Ec { curve, .. }) => alg.curve() == Some(*curve),
        (Family::Ed25519, PublicKey::Okp { .. }) => true,
        _ => false,
    };
    (!fits).then(|| match (alg.family(), alg.curve()) {
        (Family::RsaPkcs1 | Family::RsaPss, _) => "an RSA key".to_string(),
        (Family::Ecdsa, Some(curve)) => format!("an EC {} key", curve.name()),
        (Family::Ecdsa, None) => "an EC key".to_string(),
        (Family::Ed25519, _) => "an Ed25519 key".to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use jwt_core::keys::{EcCurve, OkpCurve};

    #[test]
    fn the_private_key_block_is_found_among_others() {
        let text = "subject=CN=x\n-----BEGIN CERTIFICATE-----\nAA\n-----END CERTIFICATE-----\n-----BEGIN EC PRIVATE KEY-----\nBB\n-----END EC PRIVATE KEY-----\n-----BEGIN PRIVATE KEY-----\nCC\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            private_block(text),
            Some("-----BEGIN EC PRIVATE KEY-----\nBB\n-----END EC PRIVATE KEY-----")
        );
        assert_eq!(private_block("-----BEGIN PRIVATE KEY-----\nBB"), None);
        // The label of an encrypted key ends in "PRIVATE KEY" too, but is none of these.
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nCC\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert_eq!(private_block(encrypted), None);
    }

    #[test]
    fn a_binary_file_is_read_as_base64_der() {
        assert_eq!(key_text(b"-----BEGIN".to_vec()), "-----BEGIN");
        assert_eq!(key_text(vec![0x30, 0x82, 0xff]), "MIL/");
    }

    #[test]
    fn each_alg_names_the_key_it_needs() {
        let rsa = PublicKey::Rsa {
            n: vec![1],
            e: vec![3],
        };
        let p384 = PublicKey::Ec {
            curve: EcCurve::P384,
            x: vec![],
            y: vec![],
        };
        let ed = PublicKey::Okp {
            curve: OkpCurve::Ed25519,
            x: vec![],
        };
        assert_eq!(misfit(PublicAlg::PS512, &rsa), None);
        assert_eq!(misfit(PublicAlg::ES384, &p384), None);
        assert_eq!(misfit(PublicAlg::EdDSA, &ed), None);
        assert_eq!(
            misfit(PublicAlg::ES256, &p384).as_deref(),
            Some("an EC P-256 key")
        );
        assert_eq!(misfit(PublicAlg::RS256, &ed).as_deref(), Some("an RSA key"));
        assert_eq!(
            misfit(PublicAlg::Ed25519, &rsa).as_deref(),
            Some("an Ed25519 key")
        );
    }

    #[test]
    fn the_header_must_name_a_string_alg() {
        assert_eq!(header_alg(r#"{"alg":"ES256"}"#).unwrap(), "ES256");
        for header in ["{", "[1]", "{}", r#"{"alg":1}"#] {
            let e = header_alg(header).unwrap_err();
            assert_eq!(e.status, crate::status::Status::Undecodable, "{header}");
        }
    }
}
