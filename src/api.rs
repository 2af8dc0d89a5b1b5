//! A small JavaScript API over the core, for scripts and the benchmark: `inspectToken`,
//! `verifyToken` and `findWeakSecret`. The page exposes the module as `window.jwtInspector`.

use jwt_core::keys::{self, KeyError, KeySet};
use jwt_core::token::Decoded;
use jwt_core::verify::SignatureCheck;
use jwt_core::{lints, token, verify, Options, SecretEncoding, SecretInput};
use wasm_bindgen::prelude::*;

fn secret_input(secret: Option<String>, encoding: Option<String>) -> Option<SecretInput> {
    let encoding = encoding
        .as_deref()
        .and_then(SecretEncoding::from_code)
        .unwrap_or_default();
    secret.map(|s| SecretInput::new(s, encoding))
}

/// Inspects `input` at `now` (Unix seconds; the browser clock when omitted) and returns the
/// report as JSON, the same text as the page's "Copy report". `encoding` is `utf8` (default), `base64`, `base64url` or `hex`;
/// `scanWeakSecrets: false` skips the built-in weak-secret scan (one HMAC per list entry).
#[wasm_bindgen(js_name = inspectToken)]
pub fn inspect_token(
    input: &str,
    secret: Option<String>,
    encoding: Option<String>,
    now: Option<f64>,
    scan_weak_secrets: Option<bool>,
) -> String {
    let now = now.map_or_else(crate::browser::now_seconds, |n| n as i64);
    let mut options = Options::recommended(now);
    if scan_weak_secrets == Some(false) {
        options.weak_secret_scan_limit = 0;
    }
    let secret = secret_input(secret, encoding);
    let report = jwt_core::inspect_reading(
        input,
        secret.as_ref().map(verify::KeyInput::Secret),
        &options,
        &verify::NoBackend,
        &SecretShape,
    );
    // The same text as the page's "Copy report" (one JSON serializer in the module, not two).
    jwt_core::report_json(&report)
}

/// The synchronous calls' key reader: they take HMAC secrets only, and judge whether a secret
/// is a public key (the alg-confusion finding) by its form, without the on-demand key parsers.
struct SecretShape;

impl keys::Reader for SecretShape {
    fn public_keys(&self, text: &str) -> Result<KeySet, KeyError> {
        keys::SecretsOnly.public_keys(text)
    }

    fn token_key(&self, _: &Decoded) -> Option<Result<KeySet, KeyError>> {
        None
    }

    fn is_public_key(&self, text: &str) -> bool {
        keys::has_public_key_shape(text)
    }
}

/// Checks `input`'s signature only, without reading its payload (`token::decode_signed`);
/// returns the verdict code (`valid`, `invalid`, …).
#[wasm_bindgen(js_name = verifyToken)]
pub fn verify_token(input: &str, secret: String, encoding: Option<String>) -> String {
    let decoded = token::decode_signed(input);
    verify::check(&decoded, secret_input(Some(secret), encoding).as_ref())
        .verdict
        .code()
        .to_string()
}

/// The built-in weak secret (or a line of `candidates`, newline-separated, when given) that
/// verifies `input`, if any. Each candidate costs one HMAC over the signed text, so texts over
/// `maxBytes` (default 64 KiB, as `inspectToken` uses) are refused with an error that says so.
#[wasm_bindgen(js_name = findWeakSecret)]
pub fn find_weak_secret(
    input: &str,
    candidates: Option<String>,
    max_bytes: Option<f64>,
) -> Result<Option<String>, JsError> {
    let decoded = token::decode(input);
    let limit = max_bytes.map_or(Options::recommended(0).weak_secret_scan_limit, |m| {
        m.max(0.0) as usize
    });
    let signed = decoded.signing_input().map_or(0, str::len);
    if signed > limit {
        return Err(JsError::new(&format!(
            "findWeakSecret: the signed text is {signed} bytes, over the {limit}-byte limit (each candidate costs one HMAC over all of it); pass a larger maxBytes to scan anyway"
        )));
    }
    Ok(match candidates {
        Some(list) => verify::find_secret(&decoded, list.lines()).map(str::to_string),
        None => lints::weak_secret(&decoded).map(str::to_string),
    })
}

/// How many secrets the built-in list holds (the empty key included).
#[wasm_bindgen(js_name = weakSecretCount)]
pub fn weak_secret_count() -> usize {
    jwt_core::weak_secrets::count() + 1
}

thread_local! {
    /// The key text `verifyWithKey` read last, and what it held: a script that checks many tokens
    /// with one key has it read once. Memory only, like the imported `CryptoKey`s it leads to.
    static LAST_READ: std::cell::RefCell<Option<crate::state::Read>> =
        const { std::cell::RefCell::new(None) };
}

/// Plans the check of `decoded` with public-key `text` when it is the text read last, with the
/// keys kept then (planned inside the borrow, so they are not copied out first).
fn kept_plan(decoded: &Decoded, text: &str) -> Option<verify::Plan> {
    use crate::state::{Known, Wanted};
    LAST_READ.with_borrow(|last| {
        let read = last
            .as_ref()
            .filter(|r| matches!(&r.wanted, Wanted::Pasted(t) if t == text))?;
        let key = verify::KeyInput::PublicKey(text);
        Some(verify::plan_reading(decoded, Some(key), &Known(Some(read))))
    })
}

/// Reads public-key `text` (through the on-demand part), keeps what it holds for the next call
/// (a load failure is not kept), and checks `decoded` with it.
async fn read_and_check(decoded: &Decoded, text: String) -> SignatureCheck {
    use crate::state::{self, Known, Wanted};
    let read = state::read(Wanted::Pasted(text.clone())).await;
    if read.found.is_err() {
        return state::unloaded(decoded);
    }
    let key = verify::KeyInput::PublicKey(&text);
    let plan = verify::plan_reading(decoded, Some(key), &Known(Some(&read)));
    LAST_READ.set(Some(read));
    match plan {
        verify::Plan::Done(check) => check,
        verify::Plan::Verify(request) => state::ask(request).await.check(),
    }
}

/// The check as the JSON text `verifyWithKey` resolves to: pretty, like the report, with the
/// core's writer (the module holds one JSON writer).
fn check_json(check: &SignatureCheck) -> JsValue {
    jwt_core::json_writer::to_pretty(check)
        .unwrap_or_default()
        .into()
}

/// A promise of `work`'s check as JSON.
fn later(work: impl std::future::Future<Output = SignatureCheck> + 'static) -> js_sys::Promise {
    wasm_bindgen_futures::future_to_promise(async move { Ok(check_json(&work.await)) })
}

#[wasm_bindgen]
extern "C" {
    /// A promise, seen only for its `then`.
    type Settling;
    /// `promise.then(on_settled, on_settled)`: one function for either outcome.
    #[wasm_bindgen(method, js_name = then)]
    fn settled(this: &Settling, on_ok: &JsValue, on_err: &JsValue) -> js_sys::Promise;
}

/// Draws the verdict when `verifying` (WebCrypto's boolean for the request's one key) settles,
/// without a Rust task in between; a rejection verifies nothing, as in [`webcrypto::verify`].
fn conclude_when(verifying: js_sys::Promise, request: verify::VerifyRequest) -> js_sys::Promise {
    let request = std::sync::Arc::new(request);
    let done = Closure::<dyn FnMut(JsValue) -> JsValue>::once_into_js(move |result: JsValue| {
        let verified = (result.as_bool() == Some(true)).then_some(0);
        let answer = crate::state::Answer {
            request,
            result: Ok(verified),
        };
        check_json(&answer.check())
    });
    verifying.unchecked_ref::<Settling>().settled(&done, &done)
}

/// Checks `input`'s signature with `key` (public-key text: PEM, certificate, JWK or JWKS; for an
/// HS token, the secret as UTF-8) through the browser's WebCrypto, and resolves to the check as
/// JSON: `verdict`, `message` and, for public keys, `key` (what was chosen and why).
#[wasm_bindgen(js_name = verifyWithKey)]
pub fn verify_with_key(input: String, key: String) -> js_sys::Promise {
    use crate::state;
    let decoded = token::decode_signed(&input);
    if state::public_alg_of(&decoded).is_none() {
        let secret = SecretInput::utf8(key);
        let check = verify::check_reading(
            &decoded,
            Some(verify::KeyInput::Secret(&secret)),
            &verify::NoBackend,
            &keys::SecretsOnly,
        );
        return js_sys::Promise::resolve(&check_json(&check));
    }
    // A script checking many tokens with one key: the text was read and the key imported on the
    // first call, so WebCrypto's verify is the only step that waits.
    match kept_plan(&decoded, &key) {
        Some(verify::Plan::Done(check)) => js_sys::Promise::resolve(&check_json(&check)),
        Some(verify::Plan::Verify(request)) => match crate::webcrypto::verify_imported(&request) {
            Some(verifying) => conclude_when(verifying, request),
            None => later(async move { state::ask(request).await.check() }),
        },
        None => later(async move { read_and_check(&decoded, key).await }),
    }
}
