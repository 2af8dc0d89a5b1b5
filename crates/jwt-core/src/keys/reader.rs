//! The seam between the checks and the key parsers: where key text becomes keys.
//!
//! [`crate::verify::plan_reading`] and [`crate::inspect_reading`] read keys only through a
//! [`Reader`]. [`AllForms`] reads every form this module knows, and is what [`crate::verify::plan`]
//! and [`crate::inspect`] use. A front end that loads the parsers on demand (the browser page)
//! passes keys it has already read instead, so that its HMAC path links none of them.

use super::{jwk, pem, KeyError, KeyErrorKind, KeyForm, KeySet};
use crate::token::Decoded;

/// Turns key text into keys.
pub trait Reader {
    /// Pasted public-key text, read as [`super::read`] reads it.
    fn public_keys(&self, text: &str) -> Result<KeySet, KeyError>;
    /// The token's own key, read as [`token_key`] reads it.
    fn token_key(&self, decoded: &Decoded) -> Option<Result<KeySet, KeyError>>;
    /// True when text given as an HMAC secret reads as a public key
    /// ([`super::looks_like_public_key`]).
    fn is_public_key(&self, text: &str) -> bool;
}

/// Reads every key form: PEM, certificates, base64 DER, JWK and JWKS.
#[derive(Debug, Clone, Copy, Default)]
pub struct AllForms;

impl Reader for AllForms {
    fn public_keys(&self, text: &str) -> Result<KeySet, KeyError> {
        super::read(text)
    }

    fn token_key(&self, decoded: &Decoded) -> Option<Result<KeySet, KeyError>> {
        token_key(decoded)
    }

    fn is_public_key(&self, text: &str) -> bool {
        super::looks_like_public_key(text)
    }
}

/// Reads no key: for checks that take only an HMAC secret.
#[derive(Debug, Clone, Copy, Default)]
pub struct SecretsOnly;

impl Reader for SecretsOnly {
    fn public_keys(&self, _: &str) -> Result<KeySet, KeyError> {
        Err(KeyError::new(
            KeyErrorKind::Unsupported,
            None,
            "only an HMAC secret can be checked here",
        ))
    }

    fn token_key(&self, _: &Decoded) -> Option<Result<KeySet, KeyError>> {
        None
    }

    fn is_public_key(&self, _: &str) -> bool {
        false
    }
}

/// The token's own key: header `jwk`, or the first certificate of `x5c`. `None` when it carries
/// neither.
pub fn token_key(decoded: &Decoded) -> Option<Result<KeySet, KeyError>> {
    header_key(&decoded.header.as_ref()?.value)
}

/// [`header_key`] of a header's JSON text. The page passes the text into its on-demand key
/// reader: a `String` crosses that boundary with less code in the main module than a parsed value
/// (measured: 0.5 KB brotli), and the header is read again only when the user asks for its key.
pub fn header_text_key(header: &str) -> Option<Result<KeySet, KeyError>> {
    header_key(&header.parse().ok()?)
}

/// The key a JOSE header carries ([`token_key`] of the token with this header).
pub fn header_key(header: &crate::json::Value) -> Option<Result<KeySet, KeyError>> {
    let header = header.as_object()?;
    if let Some(key) = header.get("jwk") {
        return Some(
            jwk::read_jwk(key, None, KeyForm::TokenJwk)
                .map(KeySet::single)
                .map_err(|e| e.within("the header's jwk")),
        );
    }
    let x5c = header.get("x5c")?;
    let first = x5c
        .as_array()
        .and_then(|a| a.first())
        .and_then(|c| c.as_str());
    let Some(first) = first else {
        return Some(Err(KeyError::new(
            KeyErrorKind::Jwk,
            None,
            "the header's 'x5c' must be an array of base64 certificates",
        )));
    };
    Some(pem::certificate_from_base64(first, KeyForm::TokenX5c).map(KeySet::single))
}
