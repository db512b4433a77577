//! `pecha pack`: a night with every kind of deck (a RON deck, a folder of pictures, a PDF, a
//! PowerPoint file converted by a fake LibreOffice) and break music, packed into a folder or a
//! zip; the original moved away, the pack checks ready from another folder with no LibreOffice
//! at all, and the PowerPoint talk keeps its notes. A non-empty destination and an existing zip
//! are refused, and a night that cannot be packed leaves nothing behind.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::{Run, pecha_with_env};
use common::fixtures::{copy_good_deck, copy_good_images, data, manifest_dir};
use common::presentations::{FixtureSlide, numbered_slides, write_pptx};
use common::soffice::{Fake, runs, write_fake_soffice};

use std::path::{Path, PathBuf};

/// A night in `dir/night` with four talks and a break with music; returns the night file.
fn night(dir: &Path) -> PathBuf {
    let root = dir.join("night");
    let talks = root.join("talks");
    std::fs::create_dir_all(&talks).unwrap();
    // A RON deck outside the night's folder, as hosts have them.
    let elsewhere = dir.join("elsewhere/aigerim");
    std::fs::create_dir_all(&elsewhere).unwrap();
    copy_good_deck(&elsewhere);
    copy_good_images(&talks.join("данияр"));
    std::fs::copy(
        data("converted/twenty_pages.pdf"),
        talks.join("tokhtar.pdf"),
    )
    .unwrap();
    let mut slides = numbered_slides(21);
    slides[0] = FixtureSlide::new("Домбыра", "Домбыра в метро: ә ғ қ ң ө ұ ү һ і");
    slides[7].hidden = true;
    write_pptx(&talks.join("меруерт.pptx"), &slides);
    std::fs::create_dir_all(root.join("music")).unwrap();
    std::fs::copy(
        manifest_dir().join("examples/night/music/break.wav"),
        root.join("music/break.wav"),
    )
    .unwrap();
    let night = root.join("night.ron");
    std::fs::write(
        &night,
        format!(
            r#"// The host's own comment.
(
    title: "PechaKucha Night Шымкент, vol. 3",
    running_order: [
        Talk(deck: "{}", presenter: "Әйгерім", bio: "архитектор"),
        Talk(deck: "talks/данияр/", presenter: "Данияр"),
        Break(minutes: 15, message: "Үзіліс", music: ["music/break.wav"]),
        Talk(deck: "talks/tokhtar.pdf", presenter: "Тохтар", title: "Арыки"),
        Talk(deck: "talks/меруерт.pptx", presenter: "Меруерт"),
    ],
)"#,
            elsewhere.join("deck.ron").display()
        ),
    )
    .unwrap();
    night
}

/// `pecha ARGS` with LibreOffice as `soffice` and the cache and data folders in `dir`.
fn pecha_in(dir: &Path, soffice: &Path, args: &[&std::ffi::OsStr]) -> Run {
    pecha_with_env(
        args,
        [
            ("PECHA_SOFFICE", soffice.as_os_str()),
            ("XDG_CACHE_HOME", dir.join("cache").as_os_str()),
            ("XDG_DATA_HOME", dir.join("data").as_os_str()),
        ],
    )
}

/// Check the packed night at `night` from the crate's folder, with no LibreOffice and an empty
/// cache: it must be ready on its own.
fn assert_ready_without_libreoffice(dir: &Path, night: &Path) {
    let elsewhere = dir.join("show-laptop");
    let run = pecha_in(
        &elsewhere,
        &elsewhere.join("no-libreoffice"),
        &["check".as_ref(), night.as_os_str()],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(run.stdout.contains(": ready\n"), "{}", run.all());
    for talk in ["1. Әйгерім", "2. Данияр", "4. Тохтар — Арыки", "5. Меруерт"]
    {
        assert!(run.stdout.contains(talk), "{talk}: {}", run.all());
    }
    assert!(!run.all().contains("music"), "{}", run.all());
    // The PowerPoint talk brought its notes, read from the .pptx itself.
    let packed = pecha::night::Night::load(night).unwrap();
    let talk = packed.talks().nth(3).unwrap();
    let converter = pecha::convert::Converter {
        soffice: Some(elsewhere.join("no-libreoffice")),
        limit: std::time::Duration::from_mins(1),
        cache_dir: Some(elsewhere.join("cache")),
    };
    let deck = pecha::deck::Deck::load_with(&talk.deck, &converter, &|_| {}).unwrap();
    assert_eq!(deck.slides.len(), 20);
    assert_eq!(deck.slides[0].notes, "Домбыра в метро: ә ғ қ ң ө ұ ү һ і");
}

#[test]
fn a_packed_night_checks_ready_elsewhere_after_the_original_is_moved_away() {
    let dir = tempfile::tempdir().unwrap();
    let night = night(dir.path());
    let fake = write_fake_soffice(dir.path(), Fake::Converts("twenty_pages.pdf"));
    let dest = dir.path().join("stick/Шымкент vol. 3");
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    let run = pecha_in(
        dir.path(),
        &fake,
        &["pack".as_ref(), night.as_os_str(), dest.as_os_str()],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout
            .starts_with("Packed \"PechaKucha Night Шымкент, vol. 3\": "),
        "{}",
        run.all()
    );
    assert!(run.stderr.contains("Converting"), "{}", run.all());
    assert_eq!(runs(dir.path()), 1);
    // The converted PDF travels beside the presentation.
    let beside: Vec<String> = std::fs::read_dir(dest.join("talks/05-меруерт"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside.len(), 2, "{beside:?}");
    assert!(
        beside.iter().any(|name| name.starts_with("меруерт.pptx.")
            && Path::new(name).extension().is_some_and(|e| e == "pdf")),
        "{beside:?}"
    );
    // The night file names everything relative to itself.
    let text = std::fs::read_to_string(dest.join("night.ron")).unwrap();
    let body: String = text.lines().skip(1).collect();
    assert!(!body.contains(&dir.path().display().to_string()), "{text}");
    assert!(
        text.contains(r#"deck: "talks/01-aigerim/deck.ron""#),
        "{text}"
    );
    assert!(text.contains(r#""music/break.wav""#), "{text}");
    // The original goes away: the pack stands alone.
    std::fs::rename(dir.path().join("night"), dir.path().join("moved")).unwrap();
    std::fs::rename(dir.path().join("elsewhere"), dir.path().join("moved too")).unwrap();
    assert_ready_without_libreoffice(dir.path(), &dest.join("night.ron"));
}

#[test]
fn a_night_packed_as_a_zip_unzips_to_a_night_that_checks_ready() {
    let dir = tempfile::tempdir().unwrap();
    let night = night(dir.path());
    let fake = write_fake_soffice(dir.path(), Fake::Converts("twenty_pages.pdf"));
    let dest = dir.path().join("night-vol3.zip");
    let run = pecha_in(
        dir.path(),
        &fake,
        &["pack".as_ref(), night.as_os_str(), dest.as_os_str()],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(run.stdout.contains("unzip it"), "{}", run.all());
    // Nothing but the zip: no temporary file beside it.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    // A zip is not opened directly.
    let run = pecha_in(dir.path(), &fake, &["check".as_ref(), dest.as_os_str()]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("unzip it"), "{}", run.all());
    std::fs::rename(dir.path().join("night"), dir.path().join("moved")).unwrap();
    std::fs::rename(dir.path().join("elsewhere"), dir.path().join("moved too")).unwrap();
    let unzipped = dir.path().join("unzipped");
    zip::ZipArchive::new(std::fs::File::open(&dest).unwrap())
        .unwrap()
        .extract(&unzipped)
        .unwrap();
    assert_ready_without_libreoffice(dir.path(), &unzipped.join("night-vol3/night.ron"));
}

#[test]
fn pack_refuses_a_folder_with_files_in_it_and_an_existing_zip() {
    let dir = tempfile::tempdir().unwrap();
    let night = night(dir.path());
    let fake = write_fake_soffice(dir.path(), Fake::Converts("twenty_pages.pdf"));
    let dest = dir.path().join("busy");
    std::fs::create_dir_all(&dest).unwrap();
    std::fs::write(dest.join("keep me.txt"), "mine").unwrap();
    let run = pecha_in(
        dir.path(),
        &fake,
        &["pack".as_ref(), night.as_os_str(), dest.as_os_str()],
    );
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("busy: not empty"), "{}", run.all());
    assert_eq!(std::fs::read_dir(&dest).unwrap().count(), 1);
    let zip = dir.path().join("old.zip");
    std::fs::write(&zip, "an old pack").unwrap();
    let run = pecha_in(
        dir.path(),
        &fake,
        &["pack".as_ref(), night.as_os_str(), zip.as_os_str()],
    );
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("old.zip: exists already"),
        "{}",
        run.all()
    );
    assert_eq!(std::fs::read_to_string(&zip).unwrap(), "an old pack");
    // An empty folder is fine.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    let run = pecha_in(
        dir.path(),
        &fake,
        &["pack".as_ref(), night.as_os_str(), empty.as_os_str()],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(empty.join("night.ron").is_file());
}

#[test]
fn a_night_that_cannot_be_packed_leaves_nothing_behind() {
    let dir = tempfile::tempdir().unwrap();
    let night = night(dir.path());
    std::fs::remove_file(dir.path().join("night/talks/tokhtar.pdf")).unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("twenty_pages.pdf"));
    for dest in ["pack", "pack.zip"] {
        let dest = dir.path().join(dest);
        let run = pecha_in(
            dir.path(),
            &fake,
            &["pack".as_ref(), night.as_os_str(), dest.as_os_str()],
        );
        assert_eq!(run.status, Some(1), "{}", run.all());
        assert!(
            run.stderr.contains("item 4 (Тохтар)") && run.stderr.contains("nothing was written"),
            "{}",
            run.all()
        );
        assert!(!dest.exists());
    }
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with('.'))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn help_names_pack_and_powerpoint_decks() {
    let run = common::cli::pecha(["--help"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    for word in ["pack", ".pptx", "LibreOffice"] {
        assert!(
            run.stdout.contains(word),
            "--help lacks {word}:\n{}",
            run.stdout
        );
    }
    let run = common::cli::pecha(["pack", "--help"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    for words in [
        ".zip",
        "0 packed",
        "2 the night file cannot be read",
        "no LibreOffice",
    ] {
        assert!(
            run.stdout.contains(words),
            "pack --help lacks {words}:\n{}",
            run.stdout
        );
    }
}
