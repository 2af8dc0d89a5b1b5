//! `jwt-inspector sign`: a token from header and payload text, kept exactly as written, with the
//! editor's helpers for `iat`, `nbf` and `exp`.

use jwt_core::edit;

use crate::cli::SignArgs;
use crate::status::{Failure, Status};
use crate::{clock, keys, read, secrets};

/// The header used when none is given.
pub const DEFAULT_HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// Makes the token and prints it on its own line.
pub fn run(args: &SignArgs) -> Result<Status, Failure> {
    let stdin = std::path::Path::new("-");
    if args.header_file.as_deref() == Some(stdin) && args.payload_file.as_deref() == Some(stdin) {
        return Err(Failure::usage(
            "only one of --header-file and --payload-file can read standard input",
        ));
    }
    let header = match (&args.header, &args.header_file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => read::file(path, "the header")?,
        (None, None) => DEFAULT_HEADER.to_string(),
    };
    let mut payload = match (&args.payload, &args.payload_file) {
        (Some(text), _) => text.clone(),
        (None, Some(path)) => read::file(path, "the payload")?,
        (None, None) => return Err(Failure::usage("give --payload or --payload-file")),
    };
    let now = args.at.unwrap_or_else(clock::now);
    for (name, when) in [("iat", &args.iat), ("nbf", &args.nbf), ("exp", &args.exp)] {
        let Some(when) = when else { continue };
        let seconds = edit::resolve_instant(when, now)
            .map_err(|e| Failure::usage(format!("--{name}: {e}")))?;
        payload = edit::set_date_claim(&payload, name, seconds)
            .map_err(|e| Failure::content(format!("cannot set {name}: {e}")))?;
    }
    let token = match &args.key {
        Some(path) => keys::sign_with_key(&header, &payload, &keys::read(path)?)?,
        None => {
            let secret = secrets::from_args(&args.secret)?.ok_or_else(|| {
                Failure::usage("give the secret with --secret-file, --secret-env or --secret")
            })?;
            let key = secret
                .decode()
                .map_err(|e| Failure::usage(format!("the secret is not valid: {}", e.message)))?;
            jwt_core::sign(&header, &payload, &key).map_err(|e| Failure::content(e.to_string()))?
        }
    };
    println!("{token}");
    Ok(Status::Ok)
}
