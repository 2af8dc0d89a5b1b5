//! The inspection command: read the token, secret or key and instant, let the core judge, print
//! the report (for a person, or as the page's report JSON) and pick the exit status.

use jwt_core::Options;

use crate::cli::InspectArgs;
use crate::status::{self, Asked, Failure, Status};
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
    let (report, key_notice) = match &key {
        Some(key) => {
            let keyed = keys::inspect_with_key(&input, key, &options);
            (keyed.report, keyed.notice)
        }
        None => (jwt_core::inspect(&input, secret.as_ref(), &options), None),
    };
    let asked = Asked {
        signature: secret.is_some() || key.is_some(),
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
            key_notice: key_notice.as_deref(),
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
