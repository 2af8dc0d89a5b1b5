//! The inspection core of jwt-inspector: everything it knows about a token, with no UI, no clock and
//! no I/O.
//!
//! One entry point, [`inspect`], takes the pasted text, an optional secret and [`Options`] (which
//! carry the evaluation instant) and returns a [`Report`]. It never panics and never fails: every
//! problem is described inside the report.
//!
//! ```
//! use jwt_core::{inspect, Options, SecretInput, Verdict};
//!
//! let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.M11_c_Mkz5wKz70TPIkcPwzBTd5M-3ZW69WFmxuEnHk";
//! let report = inspect(token, Some(&SecretInput::utf8("secret")), &Options::recommended(1_700_000_000));
//! assert_eq!(report.signature.verdict, Verdict::Valid);
//! assert!(report.findings.iter().any(|f| f.id.code() == "weak-secret"));
//! ```

pub mod advice;
pub mod b64url;
mod byte_set;
pub mod clock_text;
pub mod describe;
pub mod edit;
pub mod input;
pub mod json;
pub mod json_writer;
pub mod keys;
pub mod lints;
pub mod secret;
pub mod sign;
pub mod timing;
pub mod token;
pub mod verify;
pub mod visible;
pub mod weak_secrets;

mod report;

pub use keys::{read_private, KeyError, KeyType, PrivateKey, PublicKey};
pub use lints::{Finding, LintId, Severity};
pub use report::{
    inspect, inspect_reading, inspect_with, report_json, Options, Report, REPORT_SCHEMA,
};
pub use secret::{SecretEncoding, SecretInput};
pub use timing::{ClaimTime, TimeState, Timing};
pub use token::{Decoded, Form, Payload, SegmentName, StructureError, StructureKind};
pub use verify::{
    check_with, conclude, plan, sign, Backend, HmacAlg, KeyInput, KeySummary, Plan, PublicAlg,
    SignatureCheck, Verdict, VerifyRequest,
};
