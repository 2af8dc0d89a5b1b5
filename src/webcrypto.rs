//! The browser's WebCrypto as the public-key backend: the core plans (which keys, which bytes),
//! WebCrypto does the arithmetic, the core concludes. Nothing here decides a verdict.

use jwt_core::keys::PublicKey;
use jwt_core::verify::{Family, PublicAlg, VerifyRequest};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Why WebCrypto could not be asked at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unavailable(pub String);

/// The page's SubtleCrypto, present only in a secure context (HTTPS, localhost, `file://`). The
/// handle is looked up once and kept: a script verifying many tokens asks for it on every call.
fn subtle() -> Result<web_sys::SubtleCrypto, Unavailable> {
    thread_local! {
        static SUBTLE: std::cell::OnceCell<web_sys::SubtleCrypto> = const { std::cell::OnceCell::new() };
    }
    if let Some(subtle) = SUBTLE.with(|s| s.get().cloned()) {
        return Ok(subtle);
    }
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
    SUBTLE.with(|s| s.set(subtle.clone()).ok());
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

/// The `importKey` (and `generateKey`) algorithm parameters of `alg` (RFC 7518 §3 in WebCrypto
/// terms).
fn key_params(alg: PublicAlg) -> js_sys::Object {
    match alg.family() {
        Family::RsaPkcs1 => object(&[("name", "RSASSA-PKCS1-v1_5".into()), ("hash", hash(alg))]),
        Family::RsaPss => object(&[("name", "RSA-PSS".into()), ("hash", hash(alg))]),
        Family::Ecdsa => object(&[
            ("name", "ECDSA".into()),
            (
                "namedCurve",
                alg.curve().map_or("P-256", |c| c.name()).into(),
            ),
        ]),
        Family::Ed25519 => object(&[("name", "Ed25519".into())]),
    }
}

/// The `sign` and `verify` algorithm parameters of `alg`.
fn operation_params(alg: PublicAlg) -> js_sys::Object {
    match alg.family() {
        Family::RsaPkcs1 => object(&[("name", "RSASSA-PKCS1-v1_5".into())]),
        Family::RsaPss => {
            // PS256/384/512 use a salt as long as the hash (RFC 7518 §3.5).
            let salt = alg.hash().map_or(32, |h| h.output_len());
            object(&[
                ("name", "RSA-PSS".into()),
                ("saltLength", (salt as u32).into()),
            ])
        }
        Family::Ecdsa => object(&[("name", "ECDSA".into()), ("hash", hash(alg))]),
        Family::Ed25519 => object(&[("name", "Ed25519".into())]),
    }
}

/// The WebCrypto name of `alg`'s hash.
fn hash(alg: PublicAlg) -> JsValue {
    JsValue::from_str(alg.hash().map_or("SHA-256", |h| h.name()))
}

/// The `name` of a rejected promise's error (`NotSupportedError`, `DataError`, …).
fn error_name(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default()
}

/// Public keys WebCrypto has imported, most recent last: checking the same key again (each
/// keystroke in the token field, or a script verifying many tokens) skips the import. Public keys
/// only, held in this tab's memory and never written anywhere. A key is found by its numbers, so
/// a hit costs a comparison and no JWK text.
const KEY_CACHE_SIZE: usize = 8;

thread_local! {
    static IMPORTED: std::cell::RefCell<Vec<(PublicAlg, PublicKey, JsValue)>> =
        const { std::cell::RefCell::new(Vec::new()) };
    /// The `verify` parameters of each algorithm used so far: the same object serves every call.
    static VERIFY_PARAMS: std::cell::RefCell<Vec<(PublicAlg, js_sys::Object)>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

fn imported_key(alg: PublicAlg, key: &PublicKey) -> Option<JsValue> {
    IMPORTED.with_borrow(|keys| {
        keys.iter()
            .find(|(a, k, _)| *a == alg && k == key)
            .map(|(_, _, imported)| imported.clone())
    })
}

fn remember_key(alg: PublicAlg, key: &PublicKey, imported: &JsValue) {
    IMPORTED.with_borrow_mut(|keys| {
        if keys.len() == KEY_CACHE_SIZE {
            keys.remove(0);
        }
        keys.push((alg, key.clone(), imported.clone()));
    });
}

/// `operation_params(alg)`, made once per algorithm.
fn verify_params(alg: PublicAlg) -> js_sys::Object {
    VERIFY_PARAMS.with_borrow_mut(|params| {
        if let Some((_, p)) = params.iter().find(|(a, _)| *a == alg) {
            return p.clone();
        }
        let p = operation_params(alg);
        params.push((alg, p.clone()));
        p
    })
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
    let crypto_key = match imported_key(alg, key) {
        Some(k) => k,
        None => {
            let Ok(jwk) = js_sys::JSON::parse(&key.to_jwk()) else {
                return Ok(false);
            };
            let usages = js_sys::Array::of1(&"verify".into());
            let imported = subtle
                .import_key_with_object(
                    "jwk",
                    jwk.unchecked_ref(),
                    &key_params(alg),
                    false,
                    &usages,
                )
                .map_err(|e| error_name(&e));
            let crypto_key = match imported {
                Ok(promise) => JsFuture::from(promise).await.map_err(|e| error_name(&e)),
                Err(name) => Err(name),
            };
            match crypto_key {
                Ok(k) => {
                    remember_key(alg, key, &k);
                    k
                }
                Err(name) if name == "NotSupportedError" => {
                    return Err(Unavailable(format!(
                        "this browser's WebCrypto does not implement {}",
                        alg.name()
                    )))
                }
                Err(_) => return Ok(false),
            }
        }
    };
    let Some(verifying) = start_verify(subtle, alg, &crypto_key, message, signature) else {
        return Ok(false);
    };
    Ok(JsFuture::from(verifying)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false))
}

/// Starts the check of a request whose one key WebCrypto has imported before: the promise of
/// `verify`'s boolean. `None` when there is more to do first (several keys, a key not imported
/// yet, no WebCrypto), which [`verify`] does.
pub fn verify_imported(request: &VerifyRequest) -> Option<js_sys::Promise> {
    let [candidate] = request.candidates.as_slice() else {
        return None;
    };
    let key = imported_key(request.alg, &candidate.key.public)?;
    let message = request.signing_input.as_bytes();
    start_verify(
        &subtle().ok()?,
        request.alg,
        &key,
        message,
        &request.signature,
    )
}

/// WebCrypto's `verify` of `signature` over `message` with an imported key: the promise of its
/// boolean, or `None` when WebCrypto refuses to start.
fn start_verify(
    subtle: &web_sys::SubtleCrypto,
    alg: PublicAlg,
    key: &JsValue,
    message: &[u8],
    signature: &[u8],
) -> Option<js_sys::Promise> {
    subtle
        .verify_with_object_and_u8_array_and_u8_array(
            &verify_params(alg),
            key.unchecked_ref(),
            signature,
            message,
        )
        .ok()
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

/// Why WebCrypto could not make a key or a signature, in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failed(pub String);

impl From<Unavailable> for Failed {
    fn from(u: Unavailable) -> Self {
        Failed(u.0)
    }
}

/// Awaits a WebCrypto promise, turning a rejection into words.
async fn settle(promise: Result<js_sys::Promise, JsValue>, what: &str) -> Result<JsValue, Failed> {
    let rejected = |e: JsValue| {
        let message = js_sys::Reflect::get(&e, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_default();
        Failed(
            format!("{what} failed: {} {message}", error_name(&e))
                .trim_end()
                .to_string(),
        )
    };
    JsFuture::from(promise.map_err(rejected)?)
        .await
        .map_err(rejected)
}

/// The bytes of an `ArrayBuffer`.
fn bytes(buffer: &JsValue) -> Vec<u8> {
    js_sys::Uint8Array::new(buffer).to_vec()
}

/// A generated key pair, exported: PKCS#8 and SPKI DER, and both halves as JWK text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedPair {
    /// The private key, PKCS#8 DER.
    pub pkcs8: Vec<u8>,
    /// The private key as a JWK.
    pub private_jwk: String,
    /// The public key, SPKI DER.
    pub spki: Vec<u8>,
    /// The public key as a JWK.
    pub public_jwk: String,
}

/// Generates a key pair for `alg` in this tab (`rsa_bits` for RS/PS) and exports it. The key is
/// extractable only so it can be shown; nothing keeps it.
pub async fn generate(alg: PublicAlg, rsa_bits: u32) -> Result<GeneratedPair, Failed> {
    let subtle = subtle()?;
    let import = key_params(alg);
    if matches!(alg.family(), Family::RsaPkcs1 | Family::RsaPss) {
        let _ = js_sys::Reflect::set(&import, &"modulusLength".into(), &rsa_bits.into());
        let exponent = js_sys::Uint8Array::from(&[1u8, 0, 1][..]);
        let _ = js_sys::Reflect::set(&import, &"publicExponent".into(), &exponent);
    }
    let usages = js_sys::Array::of2(&"sign".into(), &"verify".into());
    let pair = settle(
        subtle.generate_key_with_object(&import, true, &usages),
        "generating the key",
    )
    .await?;
    let half = |name: &str| {
        js_sys::Reflect::get(&pair, &name.into())
            .ok()
            .map(|k| k.unchecked_into::<web_sys::CryptoKey>())
    };
    let (Some(private), Some(public)) = (half("privateKey"), half("publicKey")) else {
        return Err(Failed("the browser returned no key pair".into()));
    };
    let export = |format: &str, key: &web_sys::CryptoKey| subtle.export_key(format, key);
    let pkcs8 = bytes(&settle(export("pkcs8", &private), "exporting the private key").await?);
    let spki = bytes(&settle(export("spki", &public), "exporting the public key").await?);
    let json = |v: JsValue| {
        js_sys::JSON::stringify(&v)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default()
    };
    let private_jwk = json(settle(export("jwk", &private), "exporting the private key").await?);
    let public_jwk = json(settle(export("jwk", &public), "exporting the public key").await?);
    Ok(GeneratedPair {
        pkcs8,
        private_jwk,
        spki,
        public_jwk,
    })
}

/// Imports a PKCS#8 DER private key for signing with `alg`; `extractable` lets it be exported.
async fn import_private(
    subtle: &web_sys::SubtleCrypto,
    alg: PublicAlg,
    pkcs8: &[u8],
    extractable: bool,
) -> Result<JsValue, Failed> {
    let usages = js_sys::Array::of1(&"sign".into());
    let der = js_sys::Uint8Array::from(pkcs8);
    settle(
        subtle.import_key_with_object(
            "pkcs8",
            der.unchecked_ref(),
            &key_params(alg),
            extractable,
            &usages,
        ),
        "reading the private key",
    )
    .await
}

/// Signs `message` with `alg` and a PKCS#8 DER private key; ECDSA signatures come out as r‖s,
/// which is what JWS wants (RFC 7518 §3.4).
pub async fn sign(alg: PublicAlg, pkcs8: &[u8], message: &[u8]) -> Result<Vec<u8>, Failed> {
    let subtle = subtle()?;
    let sign_params = operation_params(alg);
    let key = import_private(&subtle, alg, pkcs8, false).await?;
    let signature = settle(
        subtle.sign_with_object_and_u8_array(&sign_params, key.unchecked_ref(), message),
        "signing",
    )
    .await?;
    Ok(bytes(&signature))
}

/// The private JWK WebCrypto exports for a PKCS#8 key, public half included: how an Ed25519 seed
/// (or an EC key without its point) gets its public key, by the browser's arithmetic.
pub async fn private_jwk(alg: PublicAlg, pkcs8: &[u8]) -> Result<String, Failed> {
    let subtle = subtle()?;
    let key = import_private(&subtle, alg, pkcs8, true).await?;
    let jwk = settle(
        subtle.export_key("jwk", key.unchecked_ref()),
        "exporting the public key",
    )
    .await?;
    Ok(js_sys::JSON::stringify(&jwk)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_default())
}
