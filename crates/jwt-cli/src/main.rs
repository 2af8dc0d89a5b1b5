//! `jwt-inspector`: the page's inspection of one token, in the terminal, with exit codes for
//! scripts. Everything it knows about tokens comes from `jwt-core`; this crate reads the
//! arguments, files, environment and clock, and lays the report out as text.

mod cli;
mod clock;
mod human;
mod inspect;
mod keys;
mod read;
mod secrets;
mod sign;
mod signing_key;
mod status;

use std::io::Write as _;
use std::process::ExitCode;

use clap::Parser as _;

use crate::status::Failure;

fn main() -> ExitCode {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output with status 0; usage errors exit 2.
            let _ = e.print();
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
    };
    let result = match cli.command {
        Some(cli::Command::Sign(args)) => sign::run(&args),
        None => inspect::run(&cli.inspect),
    };
    let status = result.unwrap_or_else(|failure| {
        report_failure(&failure);
        failure.status
    });
    ExitCode::from(status.code())
}

/// Prints why nothing could be inspected or signed, as `error: …` on standard error.
fn report_failure(failure: &Failure) {
    let red = anstyle::AnsiColor::Red.on_default().bold();
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{red}error{red:#}: {}", failure.message);
}
