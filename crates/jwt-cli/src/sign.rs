//! `jwt-inspector sign`: a token from header and payload text, kept exactly as written, with the
//! editor's helpers for `iat`, `nbf` and `exp`, signed with a secret or a private key.

use jwt_core::edit::{self, EditError};
use jwt_core::verify::SignError;
use jwt_core::SecretEncoding;

use crate::cli::SignArgs;
use crate::signing_key;
use crate::status::{Failure, Status};
use crate::{clock, read, secrets};

/// The header used when none is given and the token is signed with a secret.
pub const DEFAULT_HEADER: &str = r#"{"alg":"HS256","typ":"JWT"}"#;

/// Makes the token and prints it on its own line.
pub fn run(args: &SignArgs) -> Result<Status, Failure> {
    let stdin = std::path::Path::new("-");
    if args.header_file.as_deref() == Some(stdin) && args.payload_file.as_deref() == Some(stdin) {
        return Err(Failure::usage(
            "only one of --header-file and --payload-file can read standard input",
        ));
    }
    if args.secret.encoding == SecretEncoding::Auto {
        return Err(Failure::usage(
            "--encoding auto tries every reading when verifying; to sign, say which one the secret is in",
        ));
    }
    // The key or secret first: a usage problem wins over what cannot be signed (status 2 over 1).
    let signer = match &args.key {
        Some(path) => Signer::Key(Box::new(signing_key::read(path)?)),
        None => Signer::Secret(secret_bytes(args)?),
    };
    let mut header = match (&args.header, &args.header_file, &signer) {
        (Some(text), _, _) => text.clone(),
        (None, Some(path), _) => read::file(path, "the header")?,
        (None, None, Signer::Key(key)) => {
            format!(r#"{{"alg":"{}","typ":"JWT"}}"#, key.default_alg().name())
        }
        (None, None, Signer::Secret(_)) => DEFAULT_HEADER.to_string(),
    };
    for (name, value) in [("alg", &args.alg), ("kid", &args.kid)] {
        if let Some(value) = value {
            header = set_header_member(&header, name, value)?;
        }
    }
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
    let token = match &signer {
        Signer::Key(key) => signing_key::sign(&header, &payload, key)?,
        Signer::Secret(secret) => sign_with_secret(&header, &payload, secret)?,
    };
    println!("{token}");
    Ok(Status::Ok)
}

/// What signs the token.
enum Signer {
    /// A private key, for RS/PS/ES/EdDSA (boxed: an EC signing key is a few hundred bytes).
    Key(Box<signing_key::SigningKey>),
    /// HMAC key bytes, for HS256/384/512.
    Secret(Vec<u8>),
}

/// The HMAC key bytes of the secret the arguments name.
fn secret_bytes(args: &SignArgs) -> Result<Vec<u8>, Failure> {
    let secret = secrets::from_args(&args.secret)?.ok_or_else(|| {
        Failure::usage(
            "give the secret with --secret-file, --secret-env or --secret, or a private key with --key",
        )
    })?;
    secret
        .decode()
        .map_err(|e| Failure::usage(format!("the secret is not valid: {}", e.message)))
}

/// Signs with an HMAC secret; a public-key `alg` is told to use `--key`.
fn sign_with_secret(header: &str, payload: &str, secret: &[u8]) -> Result<String, Failure> {
    jwt_core::sign(header, payload, secret).map_err(|e| match e {
        SignError::UnsupportedAlg(alg) if jwt_core::PublicAlg::from_name(&alg).is_some() => {
            Failure::content(format!(
                "cannot sign with alg '{alg}' using a secret: it is made with a private key; give one with --key"
            ))
        }
        other => Failure::content(other.to_string()),
    })
}

/// Sets a header member to a string, editing the text in place.
fn set_header_member(header: &str, name: &str, value: &str) -> Result<String, Failure> {
    let literal = jwt_core::json_writer::string_literal(value);
    edit::set_claim(header, name, &literal).map_err(|e| {
        Failure::content(match e {
            EditError::NotJson(why) => {
                format!("cannot set the header's {name}: the header is not JSON ({why})")
            }
            EditError::NotObject(what) => {
                format!("cannot set the header's {name}: the header is {what}, not a JSON object")
            }
            other => format!("cannot set the header's {name}: {other}"),
        })
    })
}
