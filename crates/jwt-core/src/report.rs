//! The single entry point and the report it returns.

use serde::Serialize;

use crate::keys;
use crate::lints::{self, Finding, LintContext};
use crate::secret::SecretInput;
use crate::timing::{self, DateClaim, Timing};
use crate::token::{self, Decoded};
use crate::verify::{self, Backend, KeyInput, NoBackend, SignatureCheck};

/// How to inspect. There is no `Default`: the caller must say what "now" is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The evaluation instant, Unix seconds. The core never reads a clock.
    pub now: i64,
    /// Clock-skew tolerance for `exp`, `nbf` and `iat`, in seconds. Recommended: 60.
    pub clock_skew: u32,
    /// Scan the built-in weak-secret list only when the signed text is at most this many bytes,
    /// so that a megabyte token does not cost hundreds of megabytes of hashing. Recommended: 64 KiB.
    pub weak_secret_scan_limit: usize,
    /// Which of the tokens found in the pasted text to inspect (`Decoded::candidates`); 0, the
    /// first JWT, unless the user chose another.
    pub candidate: usize,
}

impl Options {
    /// The recommended options at instant `now`: 60 s of skew, weak-secret scan up to 64 KiB.
    pub fn recommended(now: i64) -> Self {
        Options {
            now,
            clock_skew: 60,
            weak_secret_scan_limit: 64 * 1024,
            candidate: 0,
        }
    }
}

/// The version of the report JSON, written first as its `schema` member (docs/report-schema.md).
pub const REPORT_SCHEMA: &str = "jwt-inspector/report/1";

/// Everything the inspector has to say about one input.
///
/// Serialized, it starts with `"schema": REPORT_SCHEMA` (serde writes the struct's name there;
/// a test keeps that name equal to [`REPORT_SCHEMA`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "schema", rename = "jwt-inspector/report/1")]
pub struct Report {
    /// Structure, header and payload.
    #[serde(flatten)]
    pub decoded: Decoded,
    /// The signature verdict.
    pub signature: SignatureCheck,
    /// Date claims read from the payload, ready to be judged again at another instant.
    #[serde(skip)]
    pub date_claims: Vec<DateClaim>,
    /// Date claims judged at `options.now`.
    pub timing: Option<Timing>,
    /// The built-in weak secret that verifies the token, if the scan found one.
    pub weak_secret: Option<&'static str>,
    /// Findings, most severe first.
    pub findings: Vec<Finding>,
}

/// The report as pretty JSON ending in a line break: what the page's "Copy report" writes and what
/// the command line's `--json` prints, byte for byte.
///
/// ```
/// let report = jwt_core::inspect("e30.e30.", None, &jwt_core::Options::recommended(0));
/// let json = jwt_core::report_json(&report);
/// assert!(json.starts_with("{\n  \"schema\": \"jwt-inspector/report/1\","));
/// assert!(json.ends_with("}\n"));
/// ```
pub fn report_json(report: &Report) -> String {
    // Writing a report cannot fail: every map key is a string and it holds no float.
    let mut text = crate::json_writer::to_pretty_sized(report, 2048 + 4 * report.decoded.input_len)
        .unwrap_or_default();
    text.push('\n');
    text
}

/// Inspects pasted text: decodes it, checks the signature with `secret`, judges the dates at
/// `options.now` and lists findings. Never panics; problems are described in the report.
/// Public-key tokens get `no-key`; use [`inspect_with`] to verify them.
pub fn inspect(input: &str, secret: Option<&SecretInput>, options: &Options) -> Report {
    inspect_with(input, secret.map(KeyInput::Secret), options, &NoBackend)
}

/// [`inspect`] with any kind of key, verifying public-key signatures with `backend` (for native
/// front ends; the browser plans and concludes around WebCrypto instead).
pub fn inspect_with(
    input: &str,
    key: Option<KeyInput<'_>>,
    options: &Options,
    backend: &dyn Backend,
) -> Report {
    inspect_reading(input, key, options, backend, &keys::AllForms)
}

/// [`inspect_with`], with keys read by `reader` (a front end that loads the key parsers on
/// demand passes the keys it has read).
pub fn inspect_reading(
    input: &str,
    key: Option<KeyInput<'_>>,
    options: &Options,
    backend: &dyn Backend,
    reader: &dyn keys::Reader,
) -> Report {
    let decoded = token::decode_choice(input, options.candidate);
    let signature = verify::check_reading(&decoded, key, backend, reader);
    let date_claims = decoded
        .payload
        .document()
        .map(timing::date_claims_of)
        .unwrap_or_default();
    let timing = decoded
        .payload
        .claims()
        .map(|_| timing::assess(&date_claims, options.now, options.clock_skew));
    let weak_secret = lints::weak_secret_within(&decoded, options.weak_secret_scan_limit);
    let (secret_len, secret_is_public_key) = match key {
        Some(KeyInput::Secret(s)) if !s.is_empty() => (
            signature
                .secret_encoding
                .and(signature.key_len)
                .or_else(|| s.decode().ok().map(|k| k.len())),
            reader.is_public_key(&s.text),
        ),
        Some(KeyInput::PublicKey(text)) => (
            None,
            verify::hmac_alg_of(&decoded).is_some() && reader.is_public_key(text),
        ),
        _ => (None, false),
    };
    let findings = lints::lint(
        &decoded,
        &LintContext {
            timing: timing.as_ref(),
            secret_len,
            weak_secret,
            key: signature.key.as_deref(),
            secret_is_public_key,
        },
    );
    Report {
        decoded,
        signature,
        date_claims,
        timing,
        weak_secret,
        findings,
    }
}
