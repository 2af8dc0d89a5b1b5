//! The inspection command: read the token, secret or key and instant, let the core judge (public
//! keys verified by the native backend), print the report (for a person, or as the page's report
//! JSON) and pick the exit status.

use jwt_core::{KeyInput, Options};

use crate::cli::InspectArgs;
use crate::status::{self, Against, Asked, Failure, Status};
use crate::{clock, human, keys, read, secrets};

/// Runs an inspection and returns its exit status.
pub fn run(args: &InspectArgs) -> Result<Status, Failure> {
    let input = match args.token.as_deref() {
        Some(token) if token != "-" => token.to_string(),
        _ => read::stdin("the token")?,
    };
    let secret = secrets::from_args(&args.secret)?;
    let key = args.key.as_deref().map(keys::read).transpose()?;
    let mut options = Options::recommended(args.at.unwrap_or_else(clock::now));
    options.clock_skew = args.skew;
    // The arguments allow at most one of the three (clap refuses the others together).
    let (with, against) = match (&secret, &key) {
        (Some(s), _) => (Some(KeyInput::Secret(s)), Against::Secret),
        (None, Some(k)) => (Some(KeyInput::PublicKey(&k.text)), Against::PublicKey),
        (None, None) if args.token_key => (Some(KeyInput::TokenKey), Against::TokenKey),
        (None, None) => (None, Against::Nothing),
    };
    let report = jwt_core::inspect_with(&input, with, &options, &jwt_crypto::RustCrypto);
    let asked = Asked {
        against,
        fail_on: args.fail_on.map(|f| f.severity()),
    };
    let status = status::of(&report, &asked);
    if args.json {
        // Written as is, never through the colour filter: the bytes are the page's report.
        write_ignoring_closed_pipe(&mut std::io::stdout(), &jwt_core::report_json(&report));
    } else {
        let view = human::View {
            asked,
            status,
            key_file: key.as_ref().map(|k| k.path.as_path()),
            local: &clock::local,
        };
        write_ignoring_closed_pipe(&mut anstream::stdout(), &human::render(&report, &view));
    }
    Ok(status)
}

/// Writes the report; a reader that went away (`| head`) is not an error worth reporting, and
/// the exit status still says what the report would have.
fn write_ignoring_closed_pipe(out: &mut impl std::io::Write, text: &str) {
    let _ = out.write_all(text.as_bytes()).and_then(|()| out.flush());
}
