//! The HMAC secret from `--secret`, `--secret-file` or `--secret-env`, checked before use.

use jwt_core::SecretInput;

use crate::cli::SecretArgs;
use crate::read;
use crate::status::Failure;

/// The secret the arguments name, if any, read and checked against its encoding.
///
/// An empty secret is refused: from a file or a variable it usually means a misconfigured job,
/// and the core would treat it as no secret at all.
pub fn from_args(args: &SecretArgs) -> Result<Option<SecretInput>, Failure> {
    let (text, source) = if let Some(text) = &args.secret {
        (text.clone(), "--secret".to_string())
    } else if let Some(path) = &args.secret_file {
        (
            read::file(path, "the secret")?,
            format!("the secret file {}", path.display()),
        )
    } else if let Some(name) = &args.secret_env {
        (env(name)?, format!("the variable {name}"))
    } else {
        return Ok(None);
    };
    if text.is_empty() {
        return Err(Failure::usage(format!("the secret from {source} is empty")));
    }
    let secret = SecretInput::new(text, args.encoding);
    secret.decode().map_err(|e| {
        Failure::usage(format!(
            "the secret from {source} is not valid {}: {} (choose another --encoding?)",
            e.encoding.label(),
            e.message
        ))
    })?;
    Ok(Some(secret))
}

fn env(name: &str) -> Result<String, Failure> {
    match std::env::var(name) {
        Ok(value) => Ok(value),
        Err(std::env::VarError::NotPresent) => Err(Failure::usage(format!(
            "the environment variable {name} is not set"
        ))),
        Err(std::env::VarError::NotUnicode(_)) => Err(Failure::usage(format!(
            "the environment variable {name} is not UTF-8 text"
        ))),
    }
}
