//! The built `pecha` binary, run as a user runs it in a terminal.

use std::ffi::OsStr;
use std::process::{Command, Output};

use serde_json::Value;

use super::fixtures::manifest_dir;

/// What one run of the binary printed and how it ended.
#[derive(Debug)]
pub struct Run {
    /// The exit status; `None` if a signal ended it.
    pub status: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Both streams, for assertions that do not care where a message went, and for failures.
    pub fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }

    /// stdout parsed as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.all()))
    }
}

/// Runs `pecha` with `args`: see [`pecha_with_env`], with no variables set.
pub fn pecha<A, S>(args: A) -> Run
where
    A: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    pecha_with_env(args, std::iter::empty::<(&str, &str)>())
}

/// Runs `pecha` with `args` and the variables `env` (such as `XDG_DATA_HOME`, where history and
/// nights' logs are kept, or `TZ`) set on top of the test's own environment, from the crate's
/// folder (so relative paths such as `examples/night/night.ron` name the crate's files), with
/// logging at its default level whatever the caller's `RUST_LOG`, and in English whatever the
/// caller's locale (`env` may set `LANG` and the like). Both streams must be UTF-8.
pub fn pecha_with_env<A, S, E, K, V>(args: A, env: E) -> Run
where
    A: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
    E: IntoIterator<Item = (K, V)>,
    K: AsRef<OsStr>,
    V: AsRef<OsStr>,
{
    let Output {
        status,
        stdout,
        stderr,
    } = Command::new(env!("CARGO_BIN_EXE_pecha"))
        .args(args)
        .current_dir(manifest_dir())
        .env_remove("RUST_LOG")
        .env_remove("LANGUAGE")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .envs(env)
        .output()
        .unwrap();
    Run {
        status: status.code(),
        stdout: String::from_utf8(stdout).unwrap(),
        stderr: String::from_utf8(stderr).unwrap(),
    }
}

/// Runs `pecha` with `args` and the user's data folder in `data_home` (`XDG_DATA_HOME`): see
/// [`pecha_with_env`].
pub fn pecha_with_data_home<A, S>(data_home: &std::path::Path, args: A) -> Run
where
    A: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    pecha_with_env(args, [("XDG_DATA_HOME", data_home)])
}

/// Runs `pecha` with `args` as [`pecha`] does, but gives up after `limit`: a run still going
/// then is killed and reported with `status: None` and `timed_out` set, so a case that makes
/// Pecha hang fails its test instead of stalling the suite.
pub fn pecha_within<A, S>(args: A, limit: std::time::Duration) -> (Run, bool)
where
    A: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    use std::io::Read as _;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_pecha"))
        .args(args)
        .current_dir(manifest_dir())
        .env_remove("RUST_LOG")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Read both pipes while waiting, so a child that writes much never blocks on a full pipe.
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(child.stdout.take().map(|pipe| Box::new(pipe) as _));
    let stderr = drain(child.stderr.take().map(|pipe| Box::new(pipe) as _));
    let started = std::time::Instant::now();
    let (status, timed_out) = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break (status.code(), false);
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            break (None, true);
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    };
    let text = |bytes: Vec<u8>| String::from_utf8(bytes).unwrap();
    let run = Run {
        status,
        stdout: text(stdout.join().unwrap()),
        stderr: text(stderr.join().unwrap()),
    };
    (run, timed_out)
}
