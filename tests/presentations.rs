//! PowerPoint and Impress decks: notes and hidden slides read from the files themselves (no
//! LibreOffice needed), password-protected and damaged files named as such.
#![allow(clippy::unwrap_used)]

mod common;
use common::presentations::{
    FixtureSlide, numbered_slides, write_odp, write_pptx, write_protected_odp, write_protected_pptx,
};

use pecha::presentation::{OutlineError, read_outline};

fn three_slides() -> Vec<FixtureSlide> {
    vec![
        FixtureSlide::new("Шымкент", "Why I came back\nто Шымкент"),
        FixtureSlide::new("Hidden", "not said").hidden(),
        FixtureSlide {
            video: Some("арык.mp4".to_owned()),
            ..FixtureSlide::new("Арыки", "Water in the city: ә ғ қ ң ө ұ ү һ і")
        },
    ]
}

#[test]
fn a_pptx_gives_its_slides_in_order_with_notes_and_the_hidden_one_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &three_slides());
    if let Some(keep) = std::env::var_os("PECHA_KEEP_FIXTURES") {
        std::fs::copy(&path, std::path::Path::new(&keep).join("three.pptx")).unwrap();
    }
    let outline = read_outline(&path).unwrap().unwrap();
    let notes: Vec<&str> = outline.slides.iter().map(|s| s.notes.as_str()).collect();
    assert_eq!(
        notes,
        [
            "Why I came back\nто Шымкент",
            "not said",
            "Water in the city: ә ғ қ ң ө ұ ү һ і"
        ]
    );
    let hidden: Vec<bool> = outline.slides.iter().map(|s| s.hidden).collect();
    assert_eq!(hidden, [false, true, false]);
    assert_eq!(outline.hidden_numbers(), [2]);
    assert_eq!(outline.slides[2].media, ["арык.mp4"]);
    assert!(outline.fonts.contains("Calibri"), "{:?}", outline.fonts);
}

#[test]
fn an_odp_gives_its_slides_in_order_with_notes_and_the_hidden_one_marked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("данияр.odp");
    write_odp(&path, &three_slides());
    if let Some(keep) = std::env::var_os("PECHA_KEEP_FIXTURES") {
        std::fs::copy(&path, std::path::Path::new(&keep).join("three.odp")).unwrap();
    }
    let outline = read_outline(&path).unwrap().unwrap();
    let notes: Vec<&str> = outline.slides.iter().map(|s| s.notes.as_str()).collect();
    assert_eq!(
        notes,
        [
            "Why I came back\nто Шымкент",
            "not said",
            "Water in the city: ә ғ қ ң ө ұ ү һ і"
        ]
    );
    assert_eq!(outline.hidden_numbers(), [2]);
    assert_eq!(outline.slides[2].media, ["арык.mp4"]);
    assert!(outline.fonts.contains("PT Sans"), "{:?}", outline.fonts);
}

#[test]
fn password_protected_files_are_named_as_such() {
    let dir = tempfile::tempdir().unwrap();
    let pptx = dir.path().join("secret.pptx");
    write_protected_pptx(&pptx);
    assert_eq!(
        read_outline(&pptx).unwrap_err(),
        OutlineError::PasswordProtected
    );
    let odp = dir.path().join("secret.odp");
    write_protected_odp(&odp);
    assert_eq!(
        read_outline(&odp).unwrap_err(),
        OutlineError::PasswordProtected
    );
}

#[test]
fn a_damaged_file_is_named_as_such_and_ppt_and_key_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.pptx");
    std::fs::write(&text, "this is not a presentation at all").unwrap();
    assert!(matches!(
        read_outline(&text).unwrap_err(),
        OutlineError::Damaged(_)
    ));
    for name in ["old.ppt", "mac.key"] {
        let path = dir.path().join(name);
        std::fs::write(&path, "whatever").unwrap();
        assert_eq!(read_outline(&path).unwrap(), None);
    }
}

#[test]
fn twenty_slides_keep_their_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("twenty.pptx");
    write_pptx(&path, &numbered_slides(20));
    if let Some(keep) = std::env::var_os("PECHA_KEEP_FIXTURES") {
        std::fs::copy(&path, std::path::Path::new(&keep).join("twenty.pptx")).unwrap();
    }
    let outline = read_outline(&path).unwrap().unwrap();
    assert_eq!(outline.slides.len(), 20);
    assert_eq!(outline.slides[0].notes, "Ескерту 1");
    assert_eq!(outline.slides[19].notes, "Ескерту 20");
}
