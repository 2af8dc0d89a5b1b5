//! Signing with any algorithm: the core reads keys and assembles tokens, WebCrypto generates key
//! pairs and does the arithmetic. No key is stored; everything lives in the editor's signals.

use jwt_core::b64url;
use jwt_core::keys::{self, export};
use jwt_core::verify::PublicAlg;

use crate::webcrypto;

/// A key pair made in this tab, in every form a user copies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    /// The private key, PKCS#8 PEM.
    pub private_pem: String,
    /// The private key as a JWK (with `kid` and `alg`).
    pub private_jwk: String,
    /// The public key, SPKI PEM.
    pub public_pem: String,
    /// The public key as a JWK (with `kid`, `alg` and `use`).
    pub public_jwk: String,
    /// A one-key JWKS holding the public JWK.
    pub jwks: String,
    /// The RFC 7638 thumbprint, used as `kid`.
    pub kid: Option<String>,
}

/// A private key ready for WebCrypto, and the public key text that verifies its signatures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prepared {
    /// PKCS#8 DER, the form WebCrypto imports for every key type.
    pub pkcs8: Vec<u8>,
    /// What goes into the verification field after signing: a public PEM or JWK.
    pub public_text: String,
}

/// `header.payload` in base64url, exactly as edited.
pub use jwt_core::sign::signing_input;

/// Generates a key pair for `alg` with WebCrypto and formats it with the core: PKCS#8 and SPKI
/// PEM, labelled JWKs, and a one-key JWKS whose `kid` is the RFC 7638 thumbprint.
pub async fn generate(alg: PublicAlg, rsa_bits: u32) -> Result<Generated, String> {
    let pair = webcrypto::generate(alg, rsa_bits).await.map_err(|e| e.0)?;
    let unreadable = |e: keys::KeyError| format!("The generated key could not be read back: {e}.");
    let private = keys::read_private(&keys::pem::encode("PRIVATE KEY", &pair.pkcs8))
        .and_then(|k| k.complete_from(&pair.private_jwk))
        .map_err(unreadable)?;
    let public = private.public_key().map_err(unreadable)?;
    let kid = export::thumbprint(&public);
    let (kid_ref, alg_ref) = (Some(kid.as_str()), Some(alg.name()));
    Ok(Generated {
        private_pem: private.to_pkcs8_pem(),
        private_jwk: private
            .to_jwk_labelled(kid_ref, alg_ref)
            .map_err(unreadable)?,
        public_pem: keys::pem::encode("PUBLIC KEY", &pair.spki),
        public_jwk: export::public_jwk(&public, kid_ref, alg_ref),
        jwks: export::jwks(&public, kid_ref, alg_ref),
        kid: Some(kid),
    })
}

/// Reads the pasted private key and checks it fits `alg`, before anything is signed; the public
/// key comes from the text, or from WebCrypto when only arithmetic can recover it (an Ed25519
/// seed).
pub async fn prepare(alg: PublicAlg, key_text: &str) -> Result<Prepared, String> {
    if key_text.trim().is_empty() {
        return Err(format!(
            "Paste a private key for {}, or generate a key pair.",
            alg.name()
        ));
    }
    let key = keys::read_private(key_text)
        .map_err(|e| format!("The private key cannot be read: {e}."))?;
    key.fits(alg).map_err(|why| format!("{why}."))?;
    let pkcs8 = key.to_pkcs8_der();
    let public = match key.public_key() {
        Ok(public) => public,
        Err(_) => {
            let jwk = webcrypto::private_jwk(alg, &pkcs8).await.map_err(|e| e.0)?;
            key.complete_from(&jwk)
                .and_then(|k| k.public_key())
                .map_err(|e| format!("The public key could not be derived: {e}."))?
        }
    };
    Ok(Prepared {
        pkcs8,
        public_text: keys::pem::encode("PUBLIC KEY", &public.to_spki_der()),
    })
}

/// Signs the edited header and payload with WebCrypto; the compact token.
pub async fn sign(
    alg: PublicAlg,
    key: &Prepared,
    header: &str,
    payload: &str,
) -> Result<String, String> {
    let input = signing_input(header, payload);
    let signature = webcrypto::sign(alg, &key.pkcs8, input.as_bytes())
        .await
        .map_err(|e| e.0)?;
    Ok(jwt_core::sign::assemble(&input, &signature))
}

/// A random `jti`: 16 bytes from the browser's generator, base64url; `None` without one.
pub fn random_id() -> Option<String> {
    let mut bytes = [0u8; 16];
    web_sys::window()?
        .crypto()
        .ok()?
        .get_random_values_with_u8_array(&mut bytes)
        .ok()?;
    Some(b64url::encode(&bytes))
}

/// The public key of pasted private-key text, as SPKI PEM: from the text when it holds it, else
/// from WebCrypto's export. `None` when the text is not a readable private key.
pub async fn derive_public(text: &str) -> Option<String> {
    let key = keys::read_private(text).ok()?;
    let public = match key.public_key() {
        Ok(p) => p,
        Err(_) => {
            let jwk = webcrypto::private_jwk(key.default_alg(), &key.to_pkcs8_der())
                .await
                .ok()?;
            key.complete_from(&jwk).ok()?.public_key().ok()?
        }
    };
    Some(keys::pem::encode("PUBLIC KEY", &public.to_spki_der()))
}
