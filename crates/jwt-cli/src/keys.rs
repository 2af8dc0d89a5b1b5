//! The public key of `--key`, read from its file as the text the core's key reader takes.

use std::path::{Path, PathBuf};

use crate::status::Failure;

/// A key file as read: PEM, a certificate, a JWK or a JWKS as written, or DER as base64url text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFile {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// What the core's key reader is given.
    pub text: String,
}

/// Reads a key file; a missing or unreadable file is a usage error.
///
/// Everything else about the contents (a private key, a broken PEM line, a JWK member) is for
/// the core to judge: it reports `bad-key` with the place at fault, and the run exits 3.
pub fn read(path: &Path) -> Result<KeyFile, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("cannot read the key {}: {e}", path.display())))?;
    Ok(KeyFile {
        path: path.to_path_buf(),
        text: as_key_text(bytes),
    })
}

/// The file's text, or for a binary file (DER, as `openssl … -outform DER` writes it) the bytes
/// as base64url, which the key reader reads as bare DER.
fn as_key_text(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) if !is_binary(&text) => text,
        Ok(text) => jwt_core::b64url::encode(text.as_bytes()),
        Err(e) => jwt_core::b64url::encode(e.as_bytes()),
    }
}

/// True for text that no PEM, JWK or base64 file holds: control characters other than layout.
fn is_binary(text: &str) -> bool {
    text.chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_are_kept_as_written() {
        let pem = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
        assert_eq!(as_key_text(pem.as_bytes().to_vec()), pem);
        assert_eq!(
            as_key_text(b"{\"kty\":\"EC\"}\r\n".to_vec()),
            "{\"kty\":\"EC\"}\r\n"
        );
    }

    #[test]
    fn binary_files_become_base64url() {
        // DER: a SEQUENCE with a long length, not UTF-8; and one that is UTF-8 but holds NULs.
        assert_eq!(as_key_text(vec![0x30, 0x82, 0x01, 0x22]), "MIIBIg");
        assert_eq!(as_key_text(vec![0x30, 0x2a, 0x30, 0x05, 0x00]), "MCowBQA");
    }
}
