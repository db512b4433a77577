//! Rehearsal's files: the history kept per deck content, and deck files written back with edited
//! notes. Everything here goes through real files in temporary folders.
#![allow(clippy::unwrap_used)]

mod common;
use common::fixtures::copy_of_good_deck;

use std::fs;
use std::path::PathBuf;
use std::time::Duration;

use pecha::deck::Deck;
use pecha::history::{HISTORY_VERSION, History, HistoryStore, RunRecord, deck_key};
use pecha::rehearsal::Outcome::{Over, OverUntapped, Slack};
use pecha::save::{backup_path, temporary_path};
use pecha::timing::Timing;

fn a_history() -> History {
    let mut history = History::new("Шымкент: қала жастардың қолында", Timing::PECHA_KUCHA);
    history.push(RunRecord {
        finished_at: 1_764_000_000,
        outcomes: vec![
            Some(Slack(3500)),
            Some(Over(1200)),
            None,
            Some(OverUntapped),
        ],
    });
    history
}

// ---- history --------------------------------------------------------------------------------

#[test]
fn a_history_survives_a_round_trip_through_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::new(dir.path().join("history"));
    assert_eq!(store.read("abc").unwrap(), None);
    let history = a_history();
    store.save("abc", &history).unwrap();
    assert_eq!(store.read("abc").unwrap(), Some(history.clone()));
    let text = fs::read_to_string(store.path_for("abc")).unwrap();
    assert!(text.contains("Шымкент"), "readable, not escaped:\n{text}");
    // Loading it again for the app gives the same runs and no warning.
    let loaded = store
        .load("abc", History::new("x", Timing::PECHA_KUCHA))
        .unwrap();
    assert_eq!(loaded.history, history);
    assert_eq!(loaded.warning, None);
    assert!(!temporary_path(&store.path_for("abc")).exists());
}

#[test]
fn a_future_version_is_moved_aside_with_a_warning_and_a_fresh_history_starts() {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::new(dir.path().to_path_buf());
    let future = format!(
        "(version: {}, title: \"t\", slide_count: 20, slide_ms: 20000, runs: [], colours: true)",
        HISTORY_VERSION + 1
    );
    fs::write(store.path_for("abc"), &future).unwrap();
    // Reading (as `pecha history` does) changes nothing and says why.
    let error = store.read("abc").unwrap_err().to_string();
    assert!(
        error.contains("newer Pecha") && error.contains("abc.ron"),
        "{error}"
    );
    assert!(store.path_for("abc").exists());
    let fresh = History::new("fresh", Timing::PECHA_KUCHA);
    let loaded = store.load("abc", fresh.clone()).unwrap();
    assert_eq!(loaded.history, fresh);
    let warning = loaded.warning.unwrap().to_string();
    assert!(
        warning.contains("newer Pecha") && warning.contains("moved to"),
        "{warning}"
    );
    let aside: Vec<PathBuf> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.to_string_lossy().contains("abc.unusable-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read_to_string(&aside[0]).unwrap(), future);
    assert!(warning.contains(&aside[0].display().to_string()));
}

#[test]
fn a_damaged_history_is_moved_aside_not_lost() {
    let dir = tempfile::tempdir().unwrap();
    let store = HistoryStore::new(dir.path().to_path_buf());
    fs::write(store.path_for("abc"), [0xff, 0xfe, 0x00, 0x01]).unwrap();
    let loaded = store
        .load("abc", History::new("t", Timing::PECHA_KUCHA))
        .unwrap();
    assert!(loaded.history.runs.is_empty());
    let warning = loaded.warning.unwrap().to_string();
    assert!(warning.contains("is damaged"), "{warning}");
    assert!(!store.path_for("abc").exists());
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn the_history_key_follows_the_slides_not_the_name_the_notes_or_the_place() {
    let (dir, deck_path) = copy_of_good_deck();
    let deck = Deck::load(&deck_path).unwrap();
    let key = deck_key(&deck, Timing::PECHA_KUCHA).unwrap();
    assert_eq!(key.len(), 32);
    // Renamed and moved, title and notes edited: the same history.
    let moved = dir.path().join("Менің баяндамам");
    fs::create_dir(&moved).unwrap();
    for entry in fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::rename(&path, moved.join(path.file_name().unwrap())).unwrap();
        }
    }
    let mut renamed = Deck::load(&moved.join("deck.ron")).unwrap();
    renamed.title = "Жаңа атау".into();
    renamed.slides[3].notes = "совсем другие заметки".into();
    assert_eq!(deck_key(&renamed, Timing::PECHA_KUCHA).unwrap(), key);
    // Another format is another history.
    assert_ne!(deck_key(&renamed, Timing::IGNITE).unwrap(), key);
    // Two slides swapped: another history.
    let mut swapped = renamed.clone();
    swapped.slides.swap(0, 1);
    assert_ne!(deck_key(&swapped, Timing::PECHA_KUCHA).unwrap(), key);
    // A slide picture replaced: another history.
    fs::copy(moved.join("02.png"), moved.join("01.png")).unwrap();
    assert_ne!(deck_key(&renamed, Timing::PECHA_KUCHA).unwrap(), key);
    // A missing picture is an error naming it.
    fs::remove_file(moved.join("05.png")).unwrap();
    let error = deck_key(&renamed, Timing::PECHA_KUCHA)
        .unwrap_err()
        .to_string();
    assert!(error.contains("05.png"), "{error}");
}

// ---- notes written back -----------------------------------------------------------------------

#[test]
fn a_ron_deck_saves_its_notes_and_keeps_everything_else() {
    let (_dir, deck_path) = copy_of_good_deck();
    let original = fs::read_to_string(&deck_path).unwrap();
    let mut deck = Deck::load(&deck_path).unwrap();
    deck.slides[4].notes = "Бесінші слайд: \"цитата\" и \\ обратная черта\nвторая строка".into();
    assert_eq!(deck.save().unwrap(), deck_path);
    let saved = Deck::load(&deck_path).unwrap();
    assert_eq!(saved, deck);
    assert_eq!(
        fs::read_to_string(backup_path(&deck_path)).unwrap(),
        original
    );
    let text = fs::read_to_string(&deck_path).unwrap();
    assert!(
        text.contains("image: \"01.png\""),
        "relative paths:\n{text}"
    );
}

#[test]
fn a_folder_deck_gets_a_deck_ron_on_its_first_save() {
    let (dir, deck_path) = copy_of_good_deck();
    fs::remove_file(&deck_path).unwrap();
    let mut deck = Deck::load(dir.path()).unwrap();
    deck.slides[0].notes = "Сәлеметсіздер ме!".into();
    assert_eq!(deck.save().unwrap(), deck_path);
    assert_eq!(deck.source, deck_path);
    // Opening the folder again finds the notes.
    let again = Deck::load(dir.path()).unwrap();
    assert_eq!(again.slides[0].notes, "Сәлеметсіздер ме!");
    assert_eq!(again.slides.len(), 20);
    assert!(!backup_path(&deck_path).exists(), "nothing to back up");
}

#[test]
fn a_failed_save_leaves_the_deck_file_intact() {
    let (_dir, deck_path) = copy_of_good_deck();
    let original = fs::read_to_string(&deck_path).unwrap();
    // The temporary file cannot be created: a folder has its name.
    fs::create_dir(temporary_path(&deck_path)).unwrap();
    let mut deck = Deck::load(&deck_path).unwrap();
    deck.slides[0].notes = "потеряется?".into();
    let error = deck.save().unwrap_err().to_string();
    assert!(error.contains("deck.ron"), "{error}");
    assert_eq!(fs::read_to_string(&deck_path).unwrap(), original);
    assert!(!backup_path(&deck_path).exists());
    assert_eq!(deck.source, deck_path);
}

#[test]
fn history_keeps_the_latest_runs_in_order() {
    let mut history = a_history();
    history.push(RunRecord {
        finished_at: 1_764_000_100,
        outcomes: vec![Some(Slack(100))],
    });
    assert_eq!(history.runs.len(), 2);
    assert_eq!(history.slide_length(), Duration::from_secs(20));
    assert_eq!(history.outcomes()[1], vec![Some(Slack(100))]);
}
