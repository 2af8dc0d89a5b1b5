//! Running the command, temporary files, and expected files that a variable can update.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};

/// What one run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit status.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// Runs `jwt-inspector` with `args`, no standard input and a neutral environment.
pub fn jwt(args: &[&str]) -> Run {
    jwt_with(args, None, &[])
}

/// Runs `jwt-inspector` with `args`, `stdin` (none when `None`) and extra variables.
///
/// Colour variables are removed and `TZ=UTC` is set, so output does not depend on the caller.
pub fn jwt_with(args: &[&str], stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    run(
        Command::new(env!("CARGO_BIN_EXE_jwt-inspector")).args(args),
        stdin,
        env,
    )
}

/// Runs `jwt-inspector` with `args` in the repository's root, so that paths such as
/// `fixtures/keys/RS256.jwks.json` are the same on every machine (for expected files).
pub fn jwt_in_repository(args: &[&str]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_jwt-inspector"));
    command.args(args).current_dir(repository());
    run(&mut command, None, &[])
}

/// The repository's root.
pub fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn run(command: &mut Command, stdin: Option<&str>, env: &[(&str, &str)]) -> Run {
    command
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE")
        .env("TZ", "UTC")
        .envs(env.iter().copied())
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("the binary runs");
    if let Some(text) = stdin {
        let mut pipe = child.stdin.take().expect("stdin is piped");
        pipe.write_all(text.as_bytes())
            .expect("stdin accepts the input");
    }
    let output = child.wait_with_output().expect("the binary finishes");
    Run {
        code: output.status.code().expect("the binary exits, not killed"),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// A new file in Cargo's temporary directory for integration tests.
pub fn temp_file(name: &str, contents: &[u8]) -> PathBuf {
    static COUNT: AtomicUsize = AtomicUsize::new(0);
    let n = COUNT.fetch_add(1, Ordering::Relaxed);
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("jwt-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary directory");
    let path = dir.join(format!("{n}-{name}"));
    std::fs::write(&path, contents).expect("temporary file");
    path
}

/// A path as a string argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().expect("temporary paths are UTF-8")
}

/// Compares `actual` with the committed file at `path`; with `UPDATE_SNAPSHOTS=1` in the
/// environment, writes `actual` there instead.
pub fn assert_matches_file(path: &Path, actual: &str) {
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, actual).expect("expected file is writable");
        return;
    }
    let expected = std::fs::read_to_string(path).unwrap_or_else(|e| {
        panic!(
            "cannot read {} ({e}); create it with UPDATE_SNAPSHOTS=1 cargo test -p jwt-cli",
            path.display()
        )
    });
    assert!(
        expected == actual,
        "{} differs from the output (UPDATE_SNAPSHOTS=1 cargo test -p jwt-cli rewrites it after an intended change)\n--- expected\n{expected}\n--- actual\n{actual}",
        path.display()
    );
}
