//! One Pecha per night file: a second Pecha on a night already open is refused, from the command
//! line (exit status 2, before any window) and in the app (a notice, nothing opened); a lock whose
//! holder was killed is taken over.
//!
//! The other holder is this test process (a [`NightLock`] taken here) or, for the kill, a child
//! process: this very test binary run again on the ignored test [`holds_the_lock_until_killed`],
//! which takes the lock, says so on stdout and sleeps until it is killed with SIGKILL.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::{launch_night, launch_with, notice_texts, wait_for_notice};
use common::cli::pecha_with_data_home;
use common::fixtures::{example_night, good_deck};

use std::io::{BufRead as _, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};
use std::time::Duration;

use pecha::app::LaunchOptions;
use pecha::clock::ManualClock;
use pecha::monitors::ProjectorRequest;
use pecha::night::lock::{LockError, NightLock};
use pecha::ui::Command;

const REFUSAL: &str = "This night is already open in another Pecha";

/// Where `pecha` with `XDG_DATA_HOME=data_home` keeps nights (see `pecha::night::user_data_dir`).
fn nights_dir(data_home: &Path) -> PathBuf {
    data_home.join("pecha").join("nights")
}

#[test]
fn a_second_pecha_on_the_command_line_is_refused_before_any_window() {
    let data_home = tempfile::tempdir().unwrap();
    let _held = NightLock::acquire(&nights_dir(data_home.path()), &example_night()).unwrap();
    let run = pecha_with_data_home(data_home.path(), ["examples/night/night.ron"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains(&format!(
            "{REFUSAL} (pid {}) on this computer: close that one first",
            std::process::id()
        )),
        "{}",
        run.all()
    );
}

#[test]
fn a_night_dropped_on_a_window_while_open_elsewhere_opens_nothing() {
    let data_dir = tempfile::tempdir().unwrap();
    let _held = NightLock::acquire(data_dir.path(), &example_night()).unwrap();
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            night_dir: Some(data_dir.path().to_path_buf()),
            ..Default::default()
        },
    );
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::OpenDeck(example_night()));
    wait_for_notice(&mut harness, REFUSAL);
    let app = harness.state();
    assert!(app.night_progress().is_none(), "the night was opened");
    assert_eq!(
        app.deck().title,
        good_deck().title,
        "the deck on show changed"
    );
    // Launched on the night directly (as `PechaApp::new_night`): the same refusal, no console.
    let clock = ManualClock::new();
    let second = launch_night(&example_night(), data_dir.path(), &clock);
    assert!(second.state().night_progress().is_none());
    assert!(
        notice_texts(second.state())
            .iter()
            .any(|notice| notice.contains(REFUSAL)),
        "{:?}",
        notice_texts(second.state())
    );
}

#[test]
fn a_night_closed_in_the_first_pecha_opens_in_the_next() {
    let data_dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let first = launch_night(&example_night(), data_dir.path(), &clock);
    assert!(first.state().night_progress().is_some());
    assert!(matches!(
        NightLock::acquire(data_dir.path(), &example_night()),
        Err(LockError::Held { .. })
    ));
    drop(first);
    let next = launch_night(&example_night(), data_dir.path(), &clock);
    assert!(next.state().night_progress().is_some());
}

/// The child side of [`a_lock_whose_holder_was_killed_is_taken_over`]: not a test of its own.
#[test]
#[ignore = "run by a_lock_whose_holder_was_killed_is_taken_over in a child process"]
fn holds_the_lock_until_killed() {
    let (Some(dir), Some(night)) = (
        std::env::var_os("PECHA_TEST_LOCK_DIR"),
        std::env::var_os("PECHA_TEST_LOCK_NIGHT"),
    ) else {
        return;
    };
    let _lock = NightLock::acquire(Path::new(&dir), Path::new(&night)).unwrap();
    println!("locked by {}", std::process::id());
    std::thread::sleep(Duration::from_mins(2));
}

#[test]
fn a_lock_whose_holder_was_killed_is_taken_over() {
    let data_home = tempfile::tempdir().unwrap();
    let dir = nights_dir(data_home.path());
    let mut holder = Process::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "holds_the_lock_until_killed",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("PECHA_TEST_LOCK_DIR", &dir)
        .env("PECHA_TEST_LOCK_NIGHT", example_night())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = holder.stdout.take().unwrap();
    let said = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        // libtest prints its "test ... " on the same line first.
        .find_map(|line| Some(line.split_once("locked by ")?.1.trim().to_owned()));
    assert_eq!(
        said,
        Some(holder.id().to_string()),
        "the child took no lock"
    );

    // While it lives, the night is its: here and on the command line, naming its pid.
    match NightLock::acquire(&dir, &example_night()) {
        Err(LockError::Held { holder: pid, .. }) => {
            if cfg!(unix) {
                assert_eq!(pid, Some(holder.id()));
            }
        }
        other => panic!("not refused while the holder lives: {other:?}"),
    }
    let run = pecha_with_data_home(data_home.path(), ["examples/night/night.ron"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr
            .contains(&format!("{REFUSAL} (pid {}) on", holder.id())),
        "{}",
        run.all()
    );

    // kill -9: no destructor runs, the lock file stays behind with the dead pid in it.
    holder.kill().unwrap();
    holder.wait().unwrap();
    let lock_file = NightLock::path_for(&dir, &example_night());
    if cfg!(unix) {
        let left = std::fs::read_to_string(&lock_file).unwrap();
        assert_eq!(left.trim(), holder.id().to_string(), "the stale lock file");
    }
    let taken = NightLock::acquire(&dir, &example_night()).unwrap();
    assert_eq!(taken.path(), lock_file);
    assert_eq!(
        std::fs::read_to_string(&lock_file).unwrap().trim(),
        std::process::id().to_string()
    );
}
