//! The arguments, their help, and the exit-status table printed by `--help`.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use jwt_core::{SecretEncoding, Severity};

/// The exit-status table, shown after the options in `--help` (and in the README).
pub const EXIT_STATUS: &str = "\
Exit status:
  0  decoded; the signature is verified (or nothing was given to check it with); active at --at
     or now
  1  the token cannot be decoded (sign: the header or payload cannot be signed)
  2  bad usage: an unknown option, an unreadable file, an unset variable, an invalid secret or instant
  3  a secret, --key or --token-key was given and the signature is not verified with it: invalid,
     no-key, bad-key, key-mismatch, kid-not-found, wrong-length, unsigned, ...
  4  expired or not yet valid at --at or now, skew applied
  5  --fail-on: a finding at or above that severity
When several apply, the first in the order 2, 1, 3, 4, 5 wins.

Signature checks:
  Without a secret or key nothing is asked of the signature: an HMAC token reports no-secret and a
  public-key token no-key, and both can still exit 0.
  With --key, an HMAC token whose MAC is made with the key's text as the secret is the
  key-confusion attack (RFC 8725 §2.1): it exits 3, not 0.
  --token-key checks the token against its own header jwk or x5c. A match proves only that the
  token is self-consistent, since anyone can sign with a key pair of their own: it exits 0, and
  its token-supplied-key finding is a danger, which --fail-on turns into exit 5.";

/// The exit-status table of `sign`.
pub const SIGN_EXIT_STATUS: &str = "\
Exit status:
  0  signed; the token is on standard output
  1  the header or payload cannot be signed: not JSON, not an object, or an alg that the secret or
     key cannot sign with (ES256 with an RSA key, RS256 with a secret, ...)
  2  bad usage: an unknown option, an unreadable file, an unset variable, an invalid secret,
     private key or instant";

/// The encodings `--encoding` offers, in the order the core lists them, "try all" last.
const ENCODINGS: &[SecretEncoding] = &SecretEncoding::CHOICES;

/// The algorithms `sign --alg` can set: those `sign` can make with a secret or a private key.
const SIGN_ALGS: &[&str] = &[
    "HS256", "HS384", "HS512", "RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256",
    "ES384", "ES512", "EdDSA", "Ed25519",
];

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
    /// Make a token from a header and payload, signed with a secret or a private key (text kept
    /// exactly as written)
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
    /// Verify with this public key: PEM (PUBLIC KEY, RSA PUBLIC KEY), a certificate, a JWK, a
    /// JWKS (the token's kid picks the key) or DER. A private key is refused: verifying needs only
    /// the public half
    #[arg(long, value_name = "PATH",
          conflicts_with_all = ["secret", "secret_file", "secret_env", "encoding", "token_key"])]
    pub key: Option<PathBuf>,
    /// Verify with the key inside the token (header jwk or x5c). A match proves only that the
    /// token is self-consistent, not who made it: anyone can sign with a key pair of their own
    #[arg(long, conflicts_with_all = ["secret", "secret_file", "secret_env", "encoding"])]
    pub token_key: bool,
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
    /// How the secret text becomes key bytes; `auto` (inspection only) tries all four and the
    /// report names the one that matches
    #[arg(long, value_name = "ENCODING", default_value = "utf8", value_parser = encoding_parser())]
    pub encoding: SecretEncoding,
}

/// What to sign, with what, and the date-claim helpers.
#[derive(Debug, Args)]
pub struct SignArgs {
    /// Header JSON, kept exactly as written; its alg picks the algorithm [default:
    /// {"alg":"HS256","typ":"JWT"}; with --key, the key's usual alg instead of HS256: RS256,
    /// ES256, ES384, ES512 or EdDSA]
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
    /// Private key to sign with: PEM PRIVATE KEY (PKCS#8), RSA PRIVATE KEY (PKCS#1) or EC PRIVATE
    /// KEY (SEC 1), a private JWK or one-key JWKS, or DER (binary or base64). RSA for RS*/PS*,
    /// P-256, P-384 or P-521 for ES256/384/512, Ed25519 for EdDSA: its type must fit the alg
    #[arg(long, value_name = "PATH",
          conflicts_with_all = ["secret", "secret_file", "secret_env", "encoding"])]
    pub key: Option<PathBuf>,
    /// Set the header's alg (edited in place; the rest of the header stays as written)
    #[arg(long, value_name = "ALG", value_parser = PossibleValuesParser::new(SIGN_ALGS))]
    pub alg: Option<String>,
    /// Set the header's kid (edited in place), so that a JWKS can pick the key
    #[arg(long, value_name = "KID")]
    pub kid: Option<String>,
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
    fn a_key_excludes_secrets_and_their_encoding() {
        for extra in [
            ["--secret", "s"],
            ["--encoding", "hex"],
            ["--token-key", "--at=0"],
        ] {
            let args = ["jwt-inspector", "t", "--key", "k.pem", extra[0], extra[1]];
            assert!(Cli::try_parse_from(args).is_err(), "{extra:?}");
        }
        let args = ["jwt-inspector", "t", "--token-key", "--secret", "s"];
        assert!(Cli::try_parse_from(args).is_err());
        let cli = Cli::try_parse_from(["jwt-inspector", "t", "--key", "k.pem"]).unwrap();
        assert_eq!(cli.inspect.secret.encoding, SecretEncoding::Utf8);
    }

    #[test]
    fn every_core_encoding_is_offered() {
        let cli = Cli::try_parse_from(["jwt-inspector", "--encoding", "base64url", "t"]).unwrap();
        assert_eq!(cli.inspect.secret.encoding, SecretEncoding::Base64url);
        for e in SecretEncoding::CHOICES {
            let cli = Cli::try_parse_from(["jwt-inspector", "--encoding", e.code()]).unwrap();
            assert_eq!(cli.inspect.secret.encoding, e);
        }
    }
}
