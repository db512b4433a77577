//! A PowerPoint deck dropped on the window: the conversion shows its progress in the status bar
//! ("Converting aigerim.pptx with LibreOffice… 0 s") while the deck on screen stays, then the
//! deck opens with the notes written in PowerPoint on the presenter view. LibreOffice is a fake
//! that converts when the test tells it to, so nothing depends on how long anything takes. A
//! night's console says the same while its check converts a talk's deck, and the talk comes with
//! its notes.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]
mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use common::app::{has_label_containing, launch_with, notice_texts, wait_for_notice, wait_until};
use common::fixtures::good_deck;
use common::presentations::{FixtureSlide, numbered_slides, write_pptx};
use common::soffice::{Fake, tell_to_go, write_fake_soffice};
use pecha::app::LaunchOptions;
use pecha::app::notices::NoticeKind;
use pecha::convert::Converter;
use pecha::monitors::ProjectorRequest;

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

/// A fake LibreOffice's converter, its cache in `dir`.
fn converter(dir: &Path, soffice: PathBuf) -> Converter {
    Converter {
        soffice: Some(soffice),
        limit: Duration::from_mins(5),
        cache_dir: Some(dir.join("cache")),
    }
}

#[test]
fn a_dropped_pptx_converts_with_progress_on_screen_then_shows_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::ConvertsWhenTold("twenty_pages.pdf"));
    let mut slides = numbered_slides(21);
    slides[0] = FixtureSlide::new("Шымкент", "Мен неге Шымкентке оралдым");
    slides[1].hidden = true;
    let pptx = dir.path().join("aigerim.pptx");
    write_pptx(&pptx, &slides);
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            night_dir: Some(dir.path().join("nights")),
            converter: Some(converter(dir.path(), fake)),
            ..Default::default()
        },
    );
    let before = harness.state().deck().title.clone();
    harness
        .input_mut()
        .dropped_files
        .push(Arc::new(Dropped(pptx.clone())));
    harness.step();
    wait_for_notice(
        &mut harness,
        "Converting aigerim.pptx with LibreOffice… 0 s",
    );
    // Meanwhile the deck on screen is still there.
    assert_eq!(harness.state().deck().title, before);
    tell_to_go(dir.path());
    wait_until(&mut harness, "the pptx deck opened", |app| {
        app.deck().source == pptx
    });
    harness.run_ok();
    let app = harness.state();
    assert_eq!(app.deck().slides.len(), 20);
    assert_eq!(app.deck().slides[0].notes, "Мен неге Шымкентке оралдым");
    assert!(
        !app.notices()
            .iter()
            .any(|notice| notice.kind() == NoticeKind::Converting),
        "{:?}",
        notice_texts(app)
    );
    assert!(
        has_label_containing(&harness, "Мен неге Шымкентке оралдым"),
        "the notes are not on the presenter view"
    );
}

#[test]
fn a_night_console_says_which_deck_it_converts_and_the_talk_has_its_notes() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::ConvertsWhenTold("twenty_pages.pdf"));
    let mut slides = numbered_slides(20);
    slides[0] = FixtureSlide::new("Домбыра", "Домбыра в метро");
    write_pptx(&dir.path().join("меруерт.pptx"), &slides);
    let night = dir.path().join("night.ron");
    std::fs::write(
        &night,
        r#"(title: "Түн", running_order: [Talk(deck: "меруерт.pptx", presenter: "Меруерт")])"#,
    )
    .unwrap();
    let clock = pecha::clock::ManualClock::new();
    let mut harness = common::app::launch_night_with(
        &night,
        &dir.path().join("nights"),
        &clock,
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            converter: Some(converter(dir.path(), fake)),
            ..Default::default()
        },
    );
    wait_for_notice(
        &mut harness,
        "Converting меруерт.pptx with LibreOffice… 0 s",
    );
    tell_to_go(dir.path());
    wait_until(&mut harness, "the talk armed", |app| {
        app.night_card_armed()
            && !app
                .notices()
                .iter()
                .any(|notice| notice.kind() == NoticeKind::Converting)
    });
    assert_eq!(harness.state().deck().slides[0].notes, "Домбыра в метро");
}
