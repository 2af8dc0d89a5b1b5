//! The browser's WebCrypto as the public-key backend: the core plans (which keys, which bytes),
//! WebCrypto does the arithmetic, the core concludes. Nothing here decides a verdict.

use jwt_core::keys::PublicKey;
use jwt_core::verify::{Family, PublicAlg, VerifyRequest};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why WebCrypto could not be asked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// The page's SubtleCrypto, present only in a secure context (HTTPS, localhost, `file://`).
fn subtle() -> Result<web_sys::SubtleCrypto, Unavailable> {
    let crypto = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .ok_or_else(|| Unavailable("this browser offers no WebCrypto".into()))?;
    let subtle = crypto.subtle();
    if subtle.is_undefined() || subtle.is_null() {
        return Err(Unavailable(
            "the browser offers WebCrypto only to pages served over HTTPS (or from localhost or a file), and this page is not"
                .into(),
        ));
    }
    Ok(subtle)
}

/// A plain object with string members.
fn object(members: &[(&str, JsValue)]) -> js_sys::Object {
    let o = js_sys::Object::new();
    for (k, v) in members {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// The `importKey` and `verify` algorithm parameters of `alg` (RFC 7518 §3 in WebCrypto terms).
fn params(alg: PublicAlg) -> (js_sys::Object, js_sys::Object) {
    let hash = || JsValue::from_str(alg.hash().map_or("SHA-256", |h| h.name()));
    match alg.family() {
        Family::RsaPkcs1 => (
            object(&[("name", "RSASSA-PKCS1-v1_5".into()), ("hash", hash())]),
            object(&[("name", "RSASSA-PKCS1-v1_5".into())]),
        ),
        Family::RsaPss => {
            // PS256/384/512 use a salt as long as the hash (RFC 7518 §3.5).
            let salt = alg.hash().map_or(32, |h| h.output_len());
            (
                object(&[("name", "RSA-PSS".into()), ("hash", hash())]),
                object(&[
                    ("name", "RSA-PSS".into()),
                    ("saltLength", (salt as u32).into()),
                ]),
            )
        }
        Family::Ecdsa => (
            object(&[
                ("name", "ECDSA".into()),
                (
                    "namedCurve",
                    alg.curve().map_or("P-256", |c| c.name()).into(),
                ),
            ]),
            object(&[("name", "ECDSA".into()), ("hash", hash())]),
        ),
        Family::Ed25519 => (
            object(&[("name", "Ed25519".into())]),
            object(&[("name", "Ed25519".into())]),
        ),
    }
}

/// The `name` of a rejected promise's error (`NotSupportedError`, `DataError`, …).
fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Whether `signature` is a valid `alg` signature of `message` under `key`. A key WebCrypto
/// refuses to import (say, a point off its curve) verifies nothing; an algorithm this browser does
/// not implement is [`Unavailable`].
pub async fn verify_one(
    subtle: &web_sys::SubtleCrypto,
    alg: PublicAlg,
    key: &PublicKey,
    message: &[u8],
    signature: &[u8],
) -> Result<bool, Unavailable> {
    let (import, check) = params(alg);
    let Ok(jwk) = js_sys::JSON::parse(&key.to_jwk()) else {
        return Ok(false);
    };
    let usages = js_sys::Array::of1(&"verify".into());
    let imported = subtle
        .import_key_with_object("jwk", jwk.unchecked_ref(), &import, false, &usages)
        .map_err(|e| error_name(&e));
    let crypto_key = match imported {
        Ok(promise) => JsFuture::from(promise).await.map_err(|e| error_name(&e)),
        Err(name) => Err(name),
    };
    let crypto_key = match crypto_key {
        Ok(k) => k,
        Err(name) if name == "NotSupportedError" => {
            return Err(Unavailable(format!(
                "this browser's WebCrypto does not implement {}",
                alg.name()
            )))
        }
        Err(_) => return Ok(false),
    };
    let Ok(verifying) = subtle.verify_with_object_and_u8_array_and_u8_array(
        &check,
        crypto_key.unchecked_ref(),
        signature,
        message,
    ) else {
        return Ok(false);
    };
    Ok(JsFuture::from(verifying)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false))
}

/// Tries the request's candidate keys in order; the index of the first that verifies.
pub async fn verify(request: &VerifyRequest) -> Result<Option<usize>, Unavailable> {
    let subtle = subtle()?;
    for (i, candidate) in request.candidates.iter().enumerate() {
        let ok = verify_one(
            &subtle,
            request.alg,
            &candidate.key.public,
            request.signing_input.as_bytes(),
            &request.signature,
        )
        .await?;
        if ok {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

/// A backend that replays an answer WebCrypto already gave, so the synchronous core can build the
/// same report (the copied report) without asking again.
pub struct Replay<'a> {
    /// The request that was answered.
    pub request: &'a VerifyRequest,
    /// Which candidate verified.
    pub verified: Option<usize>,
}

impl jwt_core::verify::Backend for Replay<'_> {
    fn verify(&self, _: PublicAlg, key: &PublicKey, _: &[u8], _: &[u8]) -> bool {
        self.verified
            .and_then(|i| self.request.candidates.get(i))
            .is_some_and(|c| &c.key.public == key)
    }
}
