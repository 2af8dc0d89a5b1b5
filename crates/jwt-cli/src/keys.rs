//! Keys from `--key`: read here; used once the key reader and the native crypto backend land.
//!
//! The two functions below are the only places public-key verification and private-key signing
//! plug in; everything else (arguments, exit status, report) already handles keys.

use std::path::{Path, PathBuf};

use jwt_core::{Options, Report};

use crate::status::Failure;

/// A key file as read: PEM, a certificate, a JWK or a JWKS (DER stays bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyFile {
    /// Where it was read from, for messages.
    pub path: PathBuf,
    /// Its contents.
    pub bytes: Vec<u8>,
}

/// Reads a key file; a missing or unreadable file is a usage error.
pub fn read(path: &Path) -> Result<KeyFile, Failure> {
    let bytes = std::fs::read(path)
        .map_err(|e| Failure::usage(format!("cannot read the key {}: {e}", path.display())))?;
    Ok(KeyFile {
        path: path.to_path_buf(),
        bytes,
    })
}

/// A report made with a key, and what to tell the reader about the key.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyedReport {
    /// The report.
    pub report: Report,
    /// A remark about the key, shown with the signature verdict.
    pub notice: Option<String>,
}

/// Inspects `input`, verifying its signature with the public key in `key`.
///
/// FIXME(lead): plug public-key verification in here. Once the key reader and `jwt-crypto`
/// land, read `key.bytes` with the key reader (a JWKS picks its key by `kid`/`alg`) and return
/// `jwt_core::inspect_with(input, &key, options, &jwt_crypto::Backend)` without a notice.
/// Until then the signature is reported as not checked, so a run with `--key` exits 3.
pub fn inspect_with_key(input: &str, key: &KeyFile, options: &Options) -> KeyedReport {
    KeyedReport {
        report: jwt_core::inspect(input, None, options),
        notice: Some(format!(
            "The key {} was read ({} bytes), but public-key verification arrives with the key reader: the signature is not checked.",
            key.path.display(),
            key.bytes.len()
        )),
    }
}

/// Signs `header.payload` with the private key in `key`.
///
/// FIXME(lead): plug private-key signing in here (the key reader, then `jwt-crypto`'s signer
/// for the header's `alg`), returning the compact token.
pub fn sign_with_key(_header: &str, _payload: &str, key: &KeyFile) -> Result<String, Failure> {
    Err(Failure::usage(format!(
        "signing with a private key ({}) arrives with the key reader; for now sign with --secret-file, --secret-env or --secret (HS256, HS384, HS512)",
        key.path.display()
    )))
}
