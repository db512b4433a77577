//! Opening from the window: a deck or a night file dropped on it (or chosen with Open…, which
//! sends the same command) is told apart by what it is, and a night opens its host console, as
//! `pecha night.ron` does. Driven headlessly by `egui_kittest`, time from a manual clock.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use common::app::{MAX_WAIT, launch_with, wait_until};
use common::fixtures::{good_deck, good_deck_path};
use egui::{Key, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pecha::app::notices::{NightRefusal, NoticeKind, OpeningNotice};
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::Clock as _;
use pecha::clock::ManualClock;
use pecha::monitors::ProjectorRequest;
use pecha::night::progress::Stage;
use pecha::timing::TalkState;

/// A two-talk night in `dir` on the stored good deck.
fn night_file(dir: &Path) -> PathBuf {
    let good = good_deck_path().display().to_string();
    let text = format!(
        r#"(
    title: "Ночь из окна",
    running_order: [
        Talk(deck: "{good}", presenter: "Әйгерім", title: "Арықтар"),
        Talk(deck: "{good}", presenter: "Меруерт"),
    ],
)"#
    );
    let path = dir.join("night.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// A file as the window system hands a drop to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|error| error.to_string())
    }
}

/// The app showing the good deck, projector off, a night's files kept in `data_dir`.
fn launch_deck(data_dir: &Path) -> (Harness<'static, PechaApp>, ManualClock) {
    launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            night_dir: Some(data_dir.to_path_buf()),
            ..Default::default()
        },
    )
}

fn drop_file(harness: &mut Harness<'_, PechaApp>, path: &Path) {
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(path.to_path_buf())));
    harness.step();
}

fn has_notice(app: &PechaApp, kind: NoticeKind) -> bool {
    app.notices().iter().any(|notice| notice.kind() == kind)
}

fn titles_sent(harness: &Harness<'_, PechaApp>) -> Vec<String> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|output| {
            output
                .commands
                .iter()
                .filter_map(|command| match command {
                    ViewportCommand::Title(title) => Some(title.clone()),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_night_file_dropped_on_the_window_opens_its_host_console() {
    let dir = tempfile::tempdir().unwrap();
    let night = night_file(dir.path());
    let (mut harness, _clock) = launch_deck(dir.path());
    assert!(harness.state().night_progress().is_none());
    drop_file(&mut harness, &night);
    let mut titles = Vec::new();
    let started = Instant::now();
    while harness.state().night_progress().is_none() {
        assert!(started.elapsed() < MAX_WAIT, "the night never opened");
        std::thread::sleep(Duration::from_millis(5));
        harness.step();
        titles.extend(titles_sent(&harness));
    }
    let progress = harness.state().night_progress().unwrap();
    assert_eq!(progress.stage, Stage::Card { item: 0 });
    // The window is named after the night, and the first card is the first talk's.
    assert!(
        titles.iter().any(|title| title == "Ночь из окна — Pecha"),
        "{titles:?}"
    );
    assert_eq!(harness.state().night_card().unwrap().headline, "Әйгерім");
    // Its deck loads for the card, and the console offers to start the talk.
    wait_until(
        &mut harness,
        "the first talk armed",
        PechaApp::night_card_armed,
    );
    assert!(
        harness
            .query_by_label_contains("Start talk 1: Әйгерім")
            .is_some()
    );
    // The night's log says it opened, in the data folder the app was given (written by the file
    // thread).
    let logged = |dir: &Path| {
        std::fs::read_dir(dir).unwrap().flatten().any(|entry| {
            entry.path().extension().is_some_and(|ext| ext == "log")
                && std::fs::read_to_string(entry.path()).is_ok_and(|text| !text.is_empty())
        })
    };
    let started = Instant::now();
    while !logged(dir.path()) {
        assert!(started.elapsed() < MAX_WAIT, "nothing logged for the night");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_night_dropped_during_a_talk_is_refused_and_the_talk_keeps_its_time() {
    let dir = tempfile::tempdir().unwrap();
    let night = night_file(dir.path());
    let (mut harness, clock) = launch_deck(dir.path());
    harness.key_press(Key::Space);
    harness.run_ok();
    clock.advance(Duration::from_secs(30));
    harness.run_ok();
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
    drop_file(&mut harness, &night);
    harness.run_ok();
    assert!(has_notice(
        harness.state(),
        NoticeKind::Opening(OpeningNotice::RefusedWhileRunning)
    ));
    assert!(harness.state().night_progress().is_none());
    assert_eq!(harness.state().talk().current_slide(clock.now()), 2);
}

#[test]
fn a_deck_dropped_on_a_night_console_is_refused_with_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let night = night_file(dir.path());
    let (mut harness, _clock) = launch_deck(dir.path());
    drop_file(&mut harness, &night);
    wait_until(&mut harness, "the night", |app| {
        app.night_progress().is_some()
    });
    drop_file(&mut harness, &good_deck_path());
    harness.run_ok();
    assert!(has_notice(
        harness.state(),
        NoticeKind::NotDuringNight(NightRefusal::OpenAnother)
    ));
    assert!(harness.state().night_progress().is_some());
}

#[test]
fn a_dropped_file_that_is_neither_says_so_and_the_deck_stays() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.ron");
    std::fs::write(&broken, "(title: \"x\", slides: [").unwrap();
    let (mut harness, _clock) = launch_deck(dir.path());
    let title = harness.state().deck().title.clone();
    drop_file(&mut harness, &broken);
    wait_until(&mut harness, "the notice", |app| {
        has_notice(app, NoticeKind::Opening(OpeningNotice::Failed))
    });
    let notice = harness
        .state()
        .notices()
        .iter()
        .find(|notice| notice.kind() == NoticeKind::Opening(OpeningNotice::Failed))
        .map(|notice| notice.text().to_owned())
        .unwrap();
    assert!(notice.contains("broken.ron"), "{notice}");
    assert_eq!(harness.state().deck().title, title);
    assert!(harness.state().night_progress().is_none());
}
