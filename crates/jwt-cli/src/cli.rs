//! The arguments, their help, and the exit-status table printed by `--help`.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jwt_core::{SecretEncoding, Severity};

/// The exit-status table, shown after the options in `--help` (and in the README).
pub const EXIT_STATUS: &str = "\
Exit status:
  0  decoded; the signature is valid (or no secret or key was given); active at --at or now
  1  the token cannot be decoded (sign: the header or payload cannot be signed)
  2  bad usage: an unknown option, an unreadable file, an unset variable, an invalid secret or instant
  3  a secret or key was given and the signature is not valid
  4  expired or not yet valid at --at or now, skew applied
  5  --fail-on: a finding at or above that severity
When several apply, the first in the order 2, 1, 3, 4, 5 wins.";

/// The exit-status table of `sign`.
pub const SIGN_EXIT_STATUS: &str = "\
Exit status:
  0  signed; the token is on standard output
  1  the header or payload cannot be signed (not JSON, not an object, an unsupported alg)
  2  bad usage: an unknown option, an unreadable file, an unset variable, an invalid secret or instant";

/// The encodings `--encoding` offers, in the order the core lists them.
///
/// The core's `auto` joins through `SecretEncoding::ALL`; if it stays out of that list, add it here.
const ENCODINGS: &[SecretEncoding] = &SecretEncoding::ALL;

/// Inspect a JSON Web Token: header and payload as written, timing, signature verdict and
/// findings, the same report as the jwt-inspector page.
#[derive(Debug, Parser)]
#[command(
    name = "jwt-inspector",
    version,
    after_help = EXIT_STATUS,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    // Without a subcommand, the token is inspected.
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub inspect: InspectArgs,
}

/// Subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Make a token from a header and payload, signed with a secret (text kept exactly as written)
    #[command(after_help = SIGN_EXIT_STATUS)]
    Sign(SignArgs),
}

/// What to inspect and how.
#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The token, in any form the page accepts (Bearer prefix, quotes, line breaks are removed and
    /// named); read from standard input when absent or `-`
    #[arg(value_name = "TOKEN")]
    pub token: Option<String>,
    #[command(flatten)]
    pub secret: SecretArgs,
    /// Public key to verify with: a PEM public key, a certificate, a JWK or a JWKS
    #[arg(long, value_name = "PATH", conflicts_with_all = ["secret", "secret_file", "secret_env"])]
    pub key: Option<PathBuf>,
    /// Judge the dates at this instant: Unix seconds or RFC 3339 (2026-11-24T21:43:07Z)
    /// [default: now]
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant, allow_hyphen_values = true)]
    pub at: Option<i64>,
    /// Clock-skew tolerance for exp, nbf and iat, in seconds (0 to 86400)
    #[arg(long, value_name = "SECONDS", default_value_t = 60,
          value_parser = clap::value_parser!(u32).range(0..=86_400))]
    pub skew: u32,
    /// Print the report as JSON: the page's "Copy report", byte for byte (schema
    /// jwt-inspector/report/1)
    #[arg(long)]
    pub json: bool,
    /// Also fail (exit 5) when a finding is at least this severe
    #[arg(long, value_name = "SEVERITY", value_enum)]
    pub fail_on: Option<FailOn>,
}

/// Where the HMAC secret comes from, and how its text is read.
#[derive(Debug, Args)]
pub struct SecretArgs {
    /// The secret as an argument. Avoid it: other users of the machine can read a process's
    /// arguments (ps, /proc), and it stays in shell history; prefer --secret-file or --secret-env
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["secret_file", "secret_env"])]
    pub secret: Option<String>,
    /// Read the secret from a file, one final line break ignored (`-`: standard input).
    /// Preferred: nothing shows in the process list or history
    #[arg(long, value_name = "PATH", conflicts_with = "secret_env")]
    pub secret_file: Option<PathBuf>,
    /// Read the secret from this environment variable. Preferred: nothing shows in the process
    /// list or history
    #[arg(long, value_name = "NAME")]
    pub secret_env: Option<String>,
    /// How the secret text becomes key bytes
    #[arg(long, value_name = "ENCODING", default_value = "utf8", value_parser = encoding_parser())]
    pub encoding: SecretEncoding,
}

/// What to sign, with what, and the date-claim helpers.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// Header JSON, kept exactly as written; its alg picks the algorithm
    /// [default: {"alg":"HS256","typ":"JWT"}]
    #[arg(long, value_name = "JSON", conflicts_with = "header_file")]
    pub header: Option<String>,
    /// Read the header from a file, one final line break ignored (`-`: standard input)
    #[arg(long, value_name = "PATH")]
    pub header_file: Option<PathBuf>,
    /// Payload, kept exactly as written (usually a JSON object of claims)
    #[arg(
        long,
        value_name = "JSON",
        conflicts_with = "payload_file",
        required_unless_present = "payload_file"
    )]
    pub payload: Option<String>,
    /// Read the payload from a file, one final line break ignored (`-`: standard input)
    #[arg(long, value_name = "PATH")]
    pub payload_file: Option<PathBuf>,
    #[command(flatten)]
    pub secret: SecretArgs,
    /// Private key to sign with (PEM or JWK)
    #[arg(long, value_name = "PATH", conflicts_with_all = ["secret", "secret_file", "secret_env"])]
    pub key: Option<PathBuf>,
    /// Set iat: `now`, a duration from now (1h, -5m, 1h30m), Unix seconds or RFC 3339
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub iat: Option<String>,
    /// Set nbf: `now`, a duration from now (1h, -5m, 1h30m), Unix seconds or RFC 3339
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub nbf: Option<String>,
    /// Set exp: `now`, a duration from now (1h, -5m, 1h30m), Unix seconds or RFC 3339
    #[arg(long, value_name = "WHEN", allow_hyphen_values = true)]
    pub exp: Option<String>,
    /// The instant `now` stands for and durations count from: Unix seconds or RFC 3339
    /// [default: now]
    #[arg(long, value_name = "INSTANT", value_parser = parse_instant, allow_hyphen_values = true)]
    pub at: Option<i64>,
}

/// The severity `--fail-on` starts failing at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// Warnings and dangers
    Warning,
    /// Dangers only
    Danger,
}

impl FailOn {
    /// The core severity this threshold stands for.
    pub fn severity(self) -> Severity {
        match self {
            FailOn::Warning => Severity::Warning,
            FailOn::Danger => Severity::Danger,
        }
    }
}

/// Reads `--at` with the core's parser (the page's "evaluate at" field uses the same one).
fn parse_instant(text: &str) -> Result<i64, String> {
    jwt_core::clock_text::parse_instant(text).map_err(|e| e.0)
}

/// Accepts the codes of [`ENCODINGS`], each with its label as help.
fn encoding_parser() -> impl TypedValueParser<Value = SecretEncoding> {
    let values = ENCODINGS
        .iter()
        .map(|e| PossibleValue::new(e.code()).help((e.label() != e.code()).then(|| e.label())));
    PossibleValuesParser::new(values)
        .map(|code| SecretEncoding::from_code(&code).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory as _;

    #[test]
    fn the_command_is_well_formed() {
        Cli::command().debug_assert();
    }

    #[test]
    fn every_core_encoding_is_offered() {
        let cli = Cli::try_parse_from(["jwt-inspector", "--encoding", "base64url", "t"]).unwrap();
        assert_eq!(cli.inspect.secret.encoding, SecretEncoding::Base64url);
        for e in SecretEncoding::ALL {
            let cli = Cli::try_parse_from(["jwt-inspector", "--encoding", e.code()]).unwrap();
            assert_eq!(cli.inspect.secret.encoding, e);
        }
    }
}
