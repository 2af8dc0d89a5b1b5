//! Integration tests of the `jwt-inspector` binary: each runs the built command with
//! `std::process::Command`, a fixed `--at` and `TZ=UTC`, so nothing depends on the clock or the
//! machine's time zone. One test binary, so the crate links once.

mod colour;
mod exit_status;
mod keys;
mod options;
mod report_identity;
mod secrets;
mod sign;
mod snapshots;
mod support;
mod tokens;
