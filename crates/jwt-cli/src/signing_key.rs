//! The private key of `sign --key`: read with the native backend's reader, checked against the
//! header's `alg`, and used to sign.
//!
//! The backend reads PKCS#8 PEM (`BEGIN PRIVATE KEY`). Other forms are recognised here only to
//! say what they are and how to convert them.

use std::path::{Path, PathBuf};

use jwt_core::keys::PublicKey;
use jwt_core::verify::Family;
use jwt_core::{HmacAlg, PublicAlg};
use jwt_crypto::PrivateKey;

use crate::status::Failure;

/// The PEM label of a PKCS#8 private key.
const PKCS8_LABEL: &str = "PRIVATE KEY";

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

/// Reads a private key. Anything but a readable PKCS#8 key is a usage error that names what the
/// file holds and what to do.
pub fn read(path: &Path) -> Result<SigningKey, Failure> {
    let shown = path.display();
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("cannot read the private key {shown}: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|_| {
        Failure::usage(format!(
            "--key {shown} is not PEM text (DER?); give the private key as PKCS#8 PEM, e.g. `openssl pkcs8 -topk8 -nocrypt -inform DER -in {shown}`"
        ))
    })?;
    let Some(block) = pem_block(&text, PKCS8_LABEL) else {
        return Err(Failure::usage(format!(
            "--key {shown} {}",
            not_pkcs8(&text, &shown.to_string())
        )));
    };
    let key = PrivateKey::from_pkcs8_pem(block).map_err(|e| {
        Failure::usage(format!(
            "the private key {shown} cannot be used: {e} (RSA, P-256, P-384, P-521 and Ed25519 keys sign here)"
        ))
    })?;
    Ok(SigningKey {
        path: path.to_path_buf(),
        key,
    })
}

/// The first PEM block with this label, BEGIN and END lines included, so that a file with a
/// certificate or comments around the key still reads.
fn pem_block<'a>(text: &'a str, label: &str) -> Option<&'a str> {
    let begin = format!("-----BEGIN {label}-----");
    let end = format!("-----END {label}-----");
    let start = text.find(&begin)?;
    let stop = start + text[start..].find(&end)? + end.len();
    Some(&text[start..stop])
}

/// What a file without a PKCS#8 block holds, and what to do about it, after "the private key
/// PATH".
fn not_pkcs8(text: &str, shown: &str) -> String {
    let convert = format!("convert it with `openssl pkcs8 -topk8 -nocrypt -in {shown}`");
    let labelled = |label: &str| text.contains(&format!("-----BEGIN {label}-----"));
    if labelled("RSA PRIVATE KEY") {
        format!("is a PKCS#1 RSA key (BEGIN RSA PRIVATE KEY); only PKCS#8 is read: {convert}")
    } else if labelled("EC PRIVATE KEY") {
        format!("is a SEC 1 EC key (BEGIN EC PRIVATE KEY); only PKCS#8 is read: {convert}")
    } else if labelled("ENCRYPTED PRIVATE KEY") {
        format!("is encrypted; decrypt it first: `openssl pkcs8 -in {shown}`")
    } else if labelled("OPENSSH PRIVATE KEY") {
        format!("is an OpenSSH key; convert it to PKCS#8 with `ssh-keygen -p -m PKCS8 -f {shown}` (on a copy: it rewrites the file)")
    } else if ["PUBLIC KEY", "RSA PUBLIC KEY", "CERTIFICATE"]
        .iter()
        .any(|l| labelled(l))
    {
        "holds a public key or certificate: signing needs the private key".to_string()
    } else if text.trim_start().starts_with('{') {
        let private = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .is_some_and(|v| v.get("d").is_some());
        if private {
            "is a private JWK, which is not read yet: give the key as PKCS#8 PEM (BEGIN PRIVATE KEY)".to_string()
        } else {
            "is JSON but not a private key: signing needs the private key, as PKCS#8 PEM (BEGIN PRIVATE KEY)".to_string()
        }
    } else {
        "has no PEM private key (-----BEGIN PRIVATE KEY-----): give a PKCS#8 PEM file".to_string()
    }
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
    let value: serde_json::Value = serde_json::from_str(header)
        .map_err(|e| Failure::content(format!("the header must be a JSON object: {e}")))?;
    let object = value.as_object().ok_or_else(|| {
        Failure::content(format!(
            "the header must be a JSON object: it is {}",
            jwt_core::json::type_name(&value)
        ))
    })?;
    match object.get("alg") {
        Some(serde_json::Value::String(alg)) => Ok(alg.clone()),
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
    fn the_pkcs8_block_is_found_among_others() {
        let text = "subject=CN=x\n-----BEGIN CERTIFICATE-----\nAA\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\nBB\n-----END PRIVATE KEY-----\n";
        assert_eq!(
            pem_block(text, PKCS8_LABEL),
            Some("-----BEGIN PRIVATE KEY-----\nBB\n-----END PRIVATE KEY-----")
        );
        assert_eq!(
            pem_block("-----BEGIN PRIVATE KEY-----\nBB", PKCS8_LABEL),
            None
        );
        // The label of an encrypted key ends in "PRIVATE KEY" too, but is not this one.
        let encrypted =
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nCC\n-----END ENCRYPTED PRIVATE KEY-----\n";
        assert_eq!(pem_block(encrypted, PKCS8_LABEL), None);
    }

    #[test]
    fn other_forms_are_named() {
        let block = |l: &str| format!("-----BEGIN {l}-----\nAA\n-----END {l}-----\n");
        for (text, says) in [
            (block("RSA PRIVATE KEY"), "PKCS#1"),
            (block("EC PRIVATE KEY"), "SEC 1"),
            (block("ENCRYPTED PRIVATE KEY"), "encrypted"),
            (block("OPENSSH PRIVATE KEY"), "OpenSSH"),
            (block("PUBLIC KEY"), "public key"),
            (r#"{"kty":"EC","d":"x"}"#.to_string(), "private JWK"),
            (r#"{"kty":"EC"}"#.to_string(), "not a private key"),
            ("secret".to_string(), "no PEM private key"),
        ] {
            let message = not_pkcs8(&text, "k.pem");
            assert!(message.contains(says), "{text}: {message}");
        }
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
