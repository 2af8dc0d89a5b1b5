//! The parts of the module that load on demand: reading keys, public-key verification, signing
//! and key generation (the key parsers, their messages and the WebCrypto calls), and the editor. A
//! page that only ever shows HMAC tokens, and is never edited, needs neither.
//!
//! In the release build (`--cfg jwt_split`, see scripts/release-build.sh) each function here is a
//! split point of one of two modules, `keys` and `editor`: `wasm-split` moves the code that only
//! a module's functions reach into a WebAssembly file of its own, fetched (with its integrity
//! checked) by the first call and reused by every later one. In every other build (tests, `trunk serve`, the plain fallback) they
//! are ordinary functions. Callers go through [`load!`] either way, and a part that could not be
//! loaded is an [`Unloaded`] error, never a crash.
//!
//! Arguments and results are owned values: each call crosses a module boundary.

use std::future::Future;
use std::pin::Pin;

use jwt_core::keys::{self, KeyError, KeySet};
use jwt_core::verify::{PublicAlg, VerifyRequest};

use crate::signing::{self, Generated, Prepared};
use crate::webcrypto::{self, Unavailable};

/// Calls an entry point of this module: in the split build, once its code has loaded.
macro_rules! load {
    ($call:expr) => {{
        #[cfg(jwt_split)]
        let result = $call.await;
        #[cfg(not(jwt_split))]
        let result = $call;
        result
    }};
}
pub(crate) use load;

/// Asynchronous work handed back by an entry point.
pub type Job<T> = Pin<Box<dyn Future<Output = T>>>;

/// The on-demand part could not be loaded (the page went offline after it opened, or its file
/// failed the integrity check). Nothing was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unloaded;

impl Unloaded {
    /// Why, in words.
    pub const MESSAGE: &'static str =
        "the part of this page that reads keys could not be loaded; reload the page to try again";
}

#[cfg(jwt_split)]
impl From<leptos::wasm_split::SplitLoaderError> for Unloaded {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        Unloaded
    }
}

/// Pasted public-key text, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pasted {
    /// The keys, or why the text cannot be read.
    pub keys: Result<KeySet, KeyError>,
    /// True when the text is a readable private key (its public half can be derived).
    pub private: bool,
}

/// Reads pasted public-key text: PEM, certificate, JWK, JWKS or base64 DER.
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn read_pasted(text: String) -> Result<Pasted, Unloaded> {
    let keys = keys::read(&text);
    let private = matches!(&keys, Err(e) if e.kind == keys::KeyErrorKind::PrivateKey)
        && keys::read_private(&text).is_ok();
    Ok(Pasted { keys, private })
}

/// Reads the key a token header carries (`jwk` or `x5c`); `None` when it carries none.
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn read_header_key(header: String) -> Result<Option<Result<KeySet, KeyError>>, Unloaded> {
    Ok(keys::header_text_key(&header))
}

/// True when text given as an HMAC secret reads as a public key (the alg-confusion finding).
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn is_public_key(text: String) -> Result<bool, Unloaded> {
    Ok(keys::looks_like_public_key(&text))
}

/// Asks WebCrypto which of the request's candidate keys verifies the signature.
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn verify(
    request: std::sync::Arc<VerifyRequest>,
) -> Result<Job<Result<Option<usize>, Unavailable>>, Unloaded> {
    Ok(Box::pin(async move { webcrypto::verify(&request).await }))
}

/// Generates a key pair for `alg` ([`signing::generate`]).
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn generate(alg: PublicAlg, rsa_bits: u32) -> Result<Job<Result<Generated, String>>, Unloaded> {
    Ok(Box::pin(signing::generate(alg, rsa_bits)))
}

/// Reads a pasted private key for `alg` ([`signing::prepare`]).
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn prepare(
    alg: PublicAlg,
    key_text: String,
) -> Result<Job<Result<Prepared, String>>, Unloaded> {
    Ok(Box::pin(
        async move { signing::prepare(alg, &key_text).await },
    ))
}

/// Signs the edited header and payload ([`signing::sign`]).
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn sign(
    alg: PublicAlg,
    key: Prepared,
    header: String,
    payload: String,
) -> Result<Job<Result<String, String>>, Unloaded> {
    Ok(Box::pin(async move {
        signing::sign(alg, &key, &header, &payload).await
    }))
}

/// The SPKI PEM of pasted private-key text ([`signing::derive_public`]).
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(keys, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn derive_public(text: String) -> Result<Job<Option<String>>, Unloaded> {
    Ok(Box::pin(async move { signing::derive_public(&text).await }))
}

/// The editor's body, built under `owner` (the editor's), so that its signals and effects live
/// and end with the editor. A split module of its own: opening the editor loads it, and signing
/// with a private key loads `keys` as well.
#[cfg_attr(
    jwt_split,
    leptos::wasm_split::wasm_split(editor, wasm_split_path = ::leptos::wasm_split, fallible)
)]
pub fn editor(owner: leptos::prelude::Owner) -> Result<leptos::prelude::AnyView, Unloaded> {
    use leptos::prelude::*;
    Ok(owner.with(|| view! { <crate::panels::editor::EditorBody /> }.into_any()))
}
