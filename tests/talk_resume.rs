//! A single talk's crash-resume: a show keeps its place on disk on each new slide; a talk that
//! died (the app dropped mid-talk, as by `kill -9`) asks, when its deck is opened again, whether
//! to go on at that slide. Driven headlessly by `egui_kittest`, time from a manual clock.
#![allow(clippy::unwrap_used)]
mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::app::{
    MAX_WAIT, has_label_containing, launch_with, notice_texts, press, secs, wait_for_notice,
    wait_until,
};
use common::fixtures::good_deck;
use egui::Key;
use egui_kittest::Harness;
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::Clock as _;
use pecha::clock::ManualClock;
use pecha::monitors::ProjectorRequest;
use pecha::resume::{PlaceStore, TalkPlace};
use pecha::timing::{TalkState, Timing};

const TALK: Timing = Timing::new(20, Duration::from_secs(20));

fn options(dir: &Path) -> LaunchOptions {
    LaunchOptions {
        projector: Some(ProjectorRequest::Off),
        talk_place_dir: Some(dir.to_path_buf()),
        ..Default::default()
    }
}

fn store(dir: &Path) -> PlaceStore {
    PlaceStore::new(dir, &good_deck().source)
}

fn at_time(harness: &mut Harness<'_, PechaApp>, clock: &ManualClock, at: Duration) {
    clock.set(at);
    harness.step();
}

/// The app on the good deck with its place kept in `dir`, after a few frames (the place is read
/// on the file thread).
fn open(dir: &Path) -> (Harness<'static, PechaApp>, ManualClock) {
    let (mut harness, clock) = launch_with(good_deck(), options(dir));
    for _ in 0..20 {
        harness.step();
    }
    harness.run_ok();
    (harness, clock)
}

/// [`open`], once the question where to go on is up.
fn open_asking(dir: &Path) -> (Harness<'static, PechaApp>, ManualClock) {
    let (mut harness, clock) = open(dir);
    let since = Instant::now();
    while !has_label_containing(&harness, "Go on with this talk?") {
        assert!(since.elapsed() < MAX_WAIT, "the question never came");
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    harness.run_ok();
    (harness, clock)
}

#[test]
fn a_show_keeps_its_place_on_each_slide_and_a_crash_offers_to_go_on_there() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = open(dir.path());
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
    press(&mut harness, Key::Space);
    // Slide 7 began 120 s into the talk; 5 s later Pecha dies.
    at_time(&mut harness, &clock, secs(125.0));
    let expected = |place: Option<TalkPlace>| {
        place.is_some_and(|place| place.slide == 7 && place.talk_ms == 120_000)
    };
    wait_until(&mut harness, "slide 7's place is on disk", |_| {
        expected(store(dir.path()).load(TALK).ok().flatten())
    });
    // The crash: no quit, no end; the app is gone.
    drop(harness);

    let (mut harness, clock) = open_asking(dir.path());
    assert!(has_label_containing(&harness, "Go on with this talk?"));
    assert!(has_label_containing(
        &harness,
        "at slide 7 of 20, 2:00 into the talk"
    ));
    // Space is a clicker's key: it neither answers nor starts the talk behind the question.
    press(&mut harness, Key::Space);
    assert!(has_label_containing(&harness, "Go on with this talk?"));
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Ready);
    // Enter takes the focused choice, the first: resume at slide 7, paused.
    press(&mut harness, Key::Enter);
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
    let now = clock.now();
    let talk = harness.state().talk();
    assert_eq!(talk.state(now), TalkState::Paused);
    assert_eq!(talk.current_slide(now), 7);
    assert_eq!(talk.slide_remaining(now), secs(20.0));
    // P goes on: slide 7 in full, then 8.
    press(&mut harness, Key::P);
    let went_on = clock.now();
    at_time(&mut harness, &clock, went_on + secs(20.0));
    assert_eq!(harness.state().talk().current_slide(clock.now()), 8);
    // Slide 8's place counts the time before the crash: 120 s + slide 7's 20 s.
    wait_until(&mut harness, "slide 8's place is on disk", |_| {
        store(dir.path())
            .load(TALK)
            .ok()
            .flatten()
            .is_some_and(|place| place.slide == 8 && place.talk_ms == 140_000)
    });
}

#[test]
fn starting_from_the_top_is_a_fresh_talk_and_a_finished_talk_leaves_no_place() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path())
        .save(&TalkPlace::new(TALK, 4, 60_000, 1_700_000_000))
        .unwrap();
    let (mut harness, clock) = open_asking(dir.path());
    assert!(has_label_containing(&harness, "at slide 4 of 20"));
    // Esc: from the top. Nothing moved, and the place is still there until the new talk runs.
    press(&mut harness, Key::Escape);
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Ready);
    assert!(store(dir.path()).load(TALK).unwrap().is_some());

    press(&mut harness, Key::Space);
    wait_until(&mut harness, "slide 1's place replaces the old one", |_| {
        store(dir.path())
            .load(TALK)
            .ok()
            .flatten()
            .is_some_and(|place| place.slide == 1)
    });
    at_time(&mut harness, &clock, secs(400.0));
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Finished
    );
    wait_until(&mut harness, "the finished talk's place is gone", |_| {
        !store(dir.path()).path().exists()
    });
}

#[test]
fn resetting_the_talk_forgets_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = open(dir.path());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(45.0));
    wait_until(&mut harness, "slide 3's place is on disk", |_| {
        store(dir.path()).path().exists()
    });
    common::app::apply(&mut harness, pecha::ui::Command::ResetTalk);
    wait_until(&mut harness, "the reset talk's place is gone", |_| {
        !store(dir.path()).path().exists()
    });
}

#[test]
fn start_on_the_command_line_never_waits_for_the_question() {
    let dir = tempfile::tempdir().unwrap();
    store(dir.path())
        .save(&TalkPlace::new(TALK, 9, 160_000, 0))
        .unwrap();
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            start: true,
            ..options(dir.path())
        },
    );
    wait_for_notice(&mut harness, "stopped at slide 9 of 20; --start began it");
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
}

#[test]
fn a_damaged_or_impossible_place_is_refused_with_a_notice_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = store(dir.path());
    std::fs::create_dir_all(dir.path()).unwrap();
    std::fs::write(
        store.path(),
        "(version: 1, slides: 20, slide_ms: 20000, slide: 999999",
    )
    .unwrap();
    let (mut harness, _clock) = open(dir.path());
    wait_for_notice(&mut harness, "is damaged");
    let name = store
        .path()
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        notice_texts(harness.state())
            .iter()
            .any(|notice| notice.contains(&name) && notice.contains("starts from the top")),
        "{:?}",
        notice_texts(harness.state())
    );
    assert!(!has_label_containing(&harness, "Go on with this talk?"));

    let mut impossible = TalkPlace::new(TALK, 21, 0, 0);
    impossible.slide = 21;
    store.save(&impossible).unwrap();
    let (mut harness, _clock) = open(dir.path());
    wait_for_notice(&mut harness, "says what cannot be (slide 21");
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
}

#[test]
fn a_rehearsal_keeps_no_place_and_asks_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let history = tempfile::tempdir().unwrap();
    store(dir.path())
        .save(&TalkPlace::new(TALK, 4, 60_000, 0))
        .unwrap();
    let (mut harness, clock) = launch_with(
        good_deck(),
        LaunchOptions {
            rehearse: true,
            history_dir: Some(history.path().to_path_buf()),
            ..options(dir.path())
        },
    );
    for _ in 0..20 {
        harness.step();
    }
    assert!(!has_label_containing(&harness, "Go on with this talk?"));
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(125.0));
    harness.run_ok();
    // The old place is untouched: a rehearsal neither writes nor clears it.
    let place = store(dir.path()).load(TALK).unwrap().unwrap();
    assert_eq!(place.slide, 4);
}
