//! Night files: the running order read from one file, and `pecha check night.ron` checking every
//! talk's deck under its talk's name.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::{Run, pecha};
use common::fixtures::{copy_good_deck, copy_good_images, example_night, manifest_dir};

use std::fs;
use std::path::{Path, PathBuf};

use pecha::check::check_night;
use pecha::night::Night;
use tempfile::TempDir;

/// A night folder with a ready talk in `talks/ready/`, a break whose music is missing, a talk
/// whose deck is missing, and a ready folder deck; returns the folder and the night file.
fn night_with_a_missing_deck() -> (TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let ready = dir.path().join("talks/ready");
    let folder = dir.path().join("talks/Менің суреттерім");
    fs::create_dir_all(&ready).unwrap();
    copy_good_deck(&ready);
    copy_good_images(&folder);
    let night = dir.path().join("night.ron");
    fs::write(
        &night,
        r#"(
    title: "PechaKucha Night Шымкент",
    format: PechaKucha,
    running_order: [
        Talk(deck: "talks/ready/deck.ron", presenter: "Тохтар Алимбеков", bio: "инженер"),
        Break(minutes: 15, message: "Үзіліс · Перерыв", music: ["music/dombra.ogg"]),
        Talk(deck: "talks/gone.pdf", presenter: "Әйгерім Құрманғалиқызы", title: "Арыктар"),
        Talk(deck: "talks/Менің суреттерім", presenter: "Қанат Өмірбек"),
    ],
)"#,
    )
    .unwrap();
    (dir, night)
}

#[test]
fn check_reports_each_talk_under_its_name_and_the_nights_length() {
    let (_dir, path) = night_with_a_missing_deck();
    let night = Night::load(&path).unwrap();
    let report = check_night(&night);
    assert!(!report.ready);
    assert_eq!(report.talks.len(), 3);
    assert_eq!(report.breaks, 1);
    // Three talks of 6:40 and a 15-minute break.
    assert_eq!(report.total_seconds, 3 * 400 + 900);
    let readiness: Vec<(usize, &str, bool)> = report
        .talks
        .iter()
        .map(|talk| (talk.position, talk.presenter.as_str(), talk.ready))
        .collect();
    assert_eq!(
        readiness,
        vec![
            (1, "Тохтар Алимбеков", true),
            (3, "Әйгерім Құрманғалиқызы", false),
            (4, "Қанат Өмірбек", true),
        ]
    );
    let missing = report.talks[1].error.as_ref().unwrap().to_string();
    assert!(missing.contains("gone.pdf"), "{missing}");
    assert!(
        report.warnings[0].contains("dombra.ogg"),
        "{:?}",
        report.warnings
    );
    assert!(
        report
            .summary()
            .contains("not ready: item 3 (Әйгерім Құрманғалиқызы) has problems")
    );
}

#[test]
fn pecha_check_on_a_night_exits_1_when_a_talk_is_not_ready() {
    let (_dir, path) = night_with_a_missing_deck();
    let Run {
        status,
        stdout,
        stderr,
    } = pecha([Path::new("check"), &path]);
    assert_eq!(status, Some(1), "{stdout}{stderr}");
    assert!(
        stdout.starts_with(
            "Night \"PechaKucha Night Шымкент\": 3 talks, 1 break, 35:00 in all: not ready"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("1. Тохтар Алимбеков — "), "{stdout}");
    assert!(
        stdout.contains("3. Әйгерім Құрманғалиқызы — Арыктар: NOT READY"),
        "{stdout}"
    );
    assert!(stdout.contains("gone.pdf"), "{stdout}");
    assert!(
        stdout.contains("warning: item 2 (break): music"),
        "{stdout}"
    );
    // JSON for scripts: the same verdicts.
    let Run { status, stdout, .. } = pecha([Path::new("check"), &path, Path::new("--json")]);
    assert_eq!(status, Some(1));
    let json: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(json["ready"], false);
    assert_eq!(json["talks"][0]["ready"], true);
    assert_eq!(json["talks"][1]["ready"], false);
}

#[test]
fn pecha_check_on_a_ready_night_exits_0() {
    let (dir, path) = night_with_a_missing_deck();
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("talks/gone.pdf", "talks/ready")
        .replace("dombra.ogg", "dombra.wav");
    fs::write(&path, text).unwrap();
    fs::create_dir(dir.path().join("music")).unwrap();
    let wav = manifest_dir().join("assets/gong.wav");
    fs::copy(wav, dir.path().join("music/dombra.wav")).unwrap();
    let Run {
        status,
        stdout,
        stderr,
    } = pecha([Path::new("check"), &path]);
    assert_eq!(status, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.starts_with(
            "Night \"PechaKucha Night Шымкент\": 3 talks, 1 break, 35:00 in all: ready"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("warning"), "{stdout}");
}

#[test]
fn a_broken_night_file_exits_2_naming_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("night.ron");
    fs::write(
        &path,
        "(\n  running_order: [\n    Talk(deck: \"a.ron\", presenter: \"x\", colour: 1),\n  ],\n)",
    )
    .unwrap();
    let Run {
        status,
        stdout,
        stderr,
    } = pecha([Path::new("check"), &path]);
    assert_eq!(status, Some(2), "{stdout}{stderr}");
    assert!(stderr.contains("night.ron:3:"), "{stderr}");
    // Opening it in the app fails the same way, before any window: a night error, not a deck's.
    let Run { status, stderr, .. } = pecha([&path]);
    assert_eq!(status, Some(2));
    assert!(
        stderr.contains("cannot open the night") && stderr.contains("night.ron:3:"),
        "{stderr}"
    );
}

#[test]
fn the_example_night_is_ready() {
    let path = example_night();
    let night = Night::load(&path).unwrap();
    let report = check_night(&night);
    assert!(report.ready, "{}", report.to_text());
    assert_eq!((report.talks.len(), report.breaks), (3, 1));
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(
        report.talks.iter().any(|talk| talk.presenter.contains('Ә')),
        "Kazakh names: {}",
        report.to_text()
    );
    // Each talk's deck is a full PechaKucha deck on its own, with notes on every slide.
    for talk in night.talks() {
        let deck = pecha::deck::Deck::load(&talk.deck).unwrap();
        assert_eq!(deck.slides.len(), 20, "{}", talk.deck.display());
        assert!(deck.slides.iter().all(|slide| !slide.notes.is_empty()));
        assert!(pecha::check::check_deck(&deck).is_ready());
    }
}

#[test]
fn each_breaks_music_problems_are_its_own() {
    let (dir, path) = night_with_a_missing_deck();
    let text = fs::read_to_string(&path).unwrap().replace(
        r#"        Talk(deck: "talks/Менің суреттерім""#,
        r#"        Break(minutes: 5, music: ["music/second.mp3"]),
        Talk(deck: "talks/Менің суреттерім""#,
    );
    fs::write(&path, text).unwrap();
    let report = check_night(&Night::load(&path).unwrap());
    let by_item: Vec<(usize, bool)> = report
        .music_problems
        .iter()
        .map(|(item, message)| (*item, message.to_string().contains("second.mp3")))
        .collect();
    // Item 2 (0-based 1) has dombra.ogg, item 4 (0-based 3) second.mp3: each only its own.
    assert_eq!(
        by_item,
        [(1, false), (3, true)],
        "{:?}",
        report.music_problems
    );
    drop(dir);
}

#[test]
fn break_music_that_will_not_play_is_a_warning_not_a_failure() {
    let (dir, path) = night_with_a_missing_deck();
    let text = fs::read_to_string(&path)
        .unwrap()
        .replace("talks/gone.pdf", "talks/ready");
    fs::write(&path, text).unwrap();
    fs::create_dir(dir.path().join("music")).unwrap();
    fs::write(
        dir.path().join("music/dombra.ogg"),
        b"this is not audio at all",
    )
    .unwrap();
    let report = check_night(&Night::load(&path).unwrap());
    assert!(
        report.ready,
        "music never stops a night: {}",
        report.to_text()
    );
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    let warning = &report.warnings[0];
    assert!(
        warning.contains("dombra.ogg") && warning.contains("cannot be played"),
        "{warning}"
    );
}

#[test]
fn one_talk_flags_on_a_night_say_why_before_any_window() {
    let path = example_night();
    for flag in ["--rehearse", "--start", "--quit-when-done"] {
        let Run { status, stderr, .. } = pecha([&path, Path::new(flag)]);
        assert_eq!(status, Some(2), "{flag}: {stderr}");
        assert!(
            stderr.contains(flag) && stderr.contains("night file"),
            "{flag}: {stderr}"
        );
    }
}
