//! PowerPoint and Impress decks through the conversion, against a fake `soffice` (a script the
//! tests write): the deck made of its PDF with the file's notes and without its hidden slide,
//! the cache, a changed file converted again, the messages for a LibreOffice that is missing,
//! fails, crashes or hangs past its time limit (killed, with its child), and a password.
//! `pecha check` and a night with such decks from the command line.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::pecha_with_env;
use common::presentations::{
    FixtureSlide, numbered_slides, write_odp, write_pptx, write_protected_pptx,
};
use common::soffice::{Fake, runs, runs_log, write_fake_soffice};

use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::time::Duration;

use pecha::convert::{ConvertProblem, Converter, Made, Progress};
use pecha::deck::{Deck, DeckError};
use pecha::presentation::OutlineError;

/// Three slides, the second hidden, the third with a video.
fn three_slides() -> Vec<FixtureSlide> {
    vec![
        FixtureSlide::new("Шымкент", "Why I came back"),
        FixtureSlide::new("Hidden", "not said").hidden(),
        FixtureSlide {
            video: Some("арык.mp4".to_owned()),
            ..FixtureSlide::new("Арыки", "Water in the city")
        },
    ]
}

/// A converter that runs `soffice`, caches in `dir/cache`, under `limit`.
fn converter(dir: &Path, soffice: PathBuf, limit: Duration) -> Converter {
    Converter {
        soffice: Some(soffice),
        limit,
        cache_dir: Some(dir.join("cache")),
    }
}

fn load(path: &Path, converter: &Converter) -> Result<Deck, DeckError> {
    Deck::from_presentation(path, converter, &|_| {})
}

#[test]
fn a_pptx_is_shown_as_its_pdf_with_its_notes_and_without_its_hidden_slide() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("two_pages.pdf"));
    let path = dir.path().join("Әйгерім talk.pptx");
    write_pptx(&path, &three_slides());
    let heard = RefCell::new(Vec::new());
    let deck = Deck::from_presentation(
        &path,
        &converter(dir.path(), fake, Duration::from_mins(1)),
        &|progress| heard.borrow_mut().push(progress),
    )
    .unwrap();
    assert_eq!(deck.title, "Әйгерім talk");
    assert_eq!(deck.source, path);
    let pages: Vec<Option<usize>> = deck.slides.iter().map(|slide| slide.page).collect();
    assert_eq!(pages, [Some(1), Some(2)]);
    let notes: Vec<&str> = deck
        .slides
        .iter()
        .map(|slide| slide.notes.as_str())
        .collect();
    assert_eq!(notes, ["Why I came back", "Water in the city"]);
    let pdf = &deck.slides[0].image;
    assert!(
        pdf.starts_with(dir.path().join("cache")),
        "{}",
        pdf.display()
    );
    assert!(
        deck.load_warnings
            .iter()
            .any(|warning| warning.to_string() == "slide 2 is hidden in PowerPoint and left out"),
        "{:?}",
        deck.load_warnings
    );
    assert!(
        deck.load_warnings.iter().any(|warning| warning
            .to_string()
            .starts_with("slide 2 (slide 3 in the file) has video or sound (арык.mp4)")),
        "{:?}",
        deck.load_warnings
    );
    // The run was heard about from its start, under the presenter's file name.
    let first = heard.borrow().first().cloned().unwrap();
    assert_eq!(
        first,
        Progress::Converting {
            file: path.clone(),
            spent: Duration::ZERO
        }
    );
    // LibreOffice ran headless on a copy, in Pecha's own profile, not the user's.
    let arguments = std::fs::read_to_string(runs_log(dir.path())).unwrap();
    assert!(
        arguments.contains("-env:UserInstallation=file:///"),
        "{arguments}"
    );
    assert!(arguments.contains("libreoffice-profile"), "{arguments}");
    assert!(arguments.contains("--headless"), "{arguments}");
    assert!(!arguments.contains("Әйгерім"), "{arguments}");
    // Nothing is left beside the presenter's file, nor in the cache but the PDF and the profile.
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name())
        .collect();
    assert_eq!(beside.len(), 4, "{beside:?}");
    let cached: Vec<String> = std::fs::read_dir(dir.path().join("cache"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.starts_with(".work"))
        .collect();
    assert!(cached.is_empty(), "{cached:?}");
}

#[test]
fn a_conversion_is_kept_by_content_and_a_changed_file_is_converted_again() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("two_pages.pdf"));
    let converter = converter(dir.path(), fake, Duration::from_mins(1));
    let path = dir.path().join("talk.pptx");
    write_pptx(&path, &three_slides());
    let first = load(&path, &converter).unwrap();
    assert_eq!(runs(dir.path()), 1);
    // Again, and under another name: the cache answers.
    let renamed = dir.path().join("renamed.pptx");
    std::fs::copy(&path, &renamed).unwrap();
    let again = load(&renamed, &converter).unwrap();
    assert_eq!(runs(dir.path()), 1);
    assert_eq!(again.slides[0].image, first.slides[0].image);
    // An edited file is another conversion.
    let mut edited = three_slides();
    edited[0].notes = "Why I came back, edited".to_owned();
    write_pptx(&path, &edited);
    let changed = load(&path, &converter).unwrap();
    assert_eq!(runs(dir.path()), 2);
    assert_ne!(changed.slides[0].image, first.slides[0].image);
    assert_eq!(changed.slides[0].notes, "Why I came back, edited");
}

#[test]
fn an_odp_is_shown_the_same_way() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("two_pages.pdf"));
    let path = dir.path().join("данияр.odp");
    write_odp(&path, &three_slides());
    let deck = load(&path, &converter(dir.path(), fake, Duration::from_mins(1))).unwrap();
    let notes: Vec<&str> = deck
        .slides
        .iter()
        .map(|slide| slide.notes.as_str())
        .collect();
    assert_eq!(notes, ["Why I came back", "Water in the city"]);
    assert!(
        deck.load_warnings
            .iter()
            .any(|warning| warning.to_string() == "slide 2 is hidden in Impress and left out"),
        "{:?}",
        deck.load_warnings
    );
}

#[test]
fn without_libreoffice_the_message_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &three_slides());
    let error = load(
        &path,
        &converter(
            dir.path(),
            dir.path().join("no-soffice"),
            Duration::from_mins(1),
        ),
    )
    .unwrap_err();
    assert!(matches!(
        error,
        DeckError::Conversion {
            problem: ConvertProblem::NotInstalled {
                made: Made::PowerPoint
            },
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        format!(
            "{}: PowerPoint files need LibreOffice to be installed (https://www.libreoffice.org), or export the deck from PowerPoint as PDF (File → Export → PDF) and use the PDF",
            path.display()
        )
    );
}

#[test]
fn a_conversion_that_hangs_is_stopped_at_its_time_limit_with_its_children() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Hangs);
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &three_slides());
    let error = load(
        &path,
        &converter(dir.path(), fake, Duration::from_millis(300)),
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            DeckError::Conversion {
                problem: ConvertProblem::TimedOut { .. },
                ..
            }
        ),
        "{error}"
    );
    assert!(
        error.to_string().contains("did not finish converting it"),
        "{error}"
    );
    // The launcher's child (LibreOffice's soffice.bin, here a `sleep`) went with it.
    let child = std::fs::read_to_string(dir.path().join("child.pid")).unwrap();
    let state = Path::new("/proc").join(child.trim()).join("stat");
    let gone =
        || std::fs::read_to_string(&state).map_or(true, |stat| stat.split(' ').nth(2) == Some("Z"));
    // The kill is sent before the error is returned; the kernel may take a moment to end it.
    let since = std::time::Instant::now();
    while !gone() {
        assert!(
            since.elapsed() < Duration::from_secs(30),
            "the hanging conversion's child {} still runs",
            child.trim()
        );
        std::thread::yield_now();
    }
}

#[test]
fn a_failing_or_crashing_libreoffice_is_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talk.pptx");
    write_pptx(&path, &three_slides());
    let fails = write_fake_soffice(dir.path(), Fake::CannotLoad);
    let error = load(&path, &converter(dir.path(), fails, Duration::from_mins(1))).unwrap_err();
    let DeckError::Conversion {
        problem: ConvertProblem::Failed { exit_code, said },
        ..
    } = &error
    else {
        panic!("{error}")
    };
    assert_eq!(*exit_code, None);
    assert_eq!(said, "Error: source file could not be loaded");
    let crashes = write_fake_soffice(dir.path(), Fake::Crashes);
    let error = load(
        &path,
        &converter(dir.path(), crashes, Duration::from_mins(1)),
    )
    .unwrap_err();
    assert!(
        matches!(
            error,
            DeckError::Conversion {
                problem: ConvertProblem::Crashed { .. },
                ..
            }
        ),
        "{error}"
    );
    assert!(error.to_string().contains("LibreOffice crashed"), "{error}");
}

#[test]
fn a_password_protected_file_is_named_as_such_without_running_libreoffice() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("two_pages.pdf"));
    let path = dir.path().join("secret.pptx");
    write_protected_pptx(&path);
    let error = load(&path, &converter(dir.path(), fake, Duration::from_mins(1))).unwrap_err();
    assert!(matches!(
        error,
        DeckError::Presentation {
            problem: OutlineError::PasswordProtected,
            ..
        }
    ));
    assert!(error.to_string().contains("password-protected"), "{error}");
    assert_eq!(runs(dir.path()), 0);
}

/// The environment that points `pecha` at `soffice` and a cache in `dir`.
fn environment(dir: &Path, soffice: &Path) -> Vec<(String, String)> {
    vec![
        ("PECHA_SOFFICE".to_owned(), soffice.display().to_string()),
        (
            "XDG_CACHE_HOME".to_owned(),
            dir.join("cache").display().to_string(),
        ),
        (
            "XDG_DATA_HOME".to_owned(),
            dir.join("data").display().to_string(),
        ),
    ]
}

#[test]
fn pecha_check_takes_a_pptx() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Converts("twenty_pages.pdf"));
    let mut slides = numbered_slides(21);
    slides[4].hidden = true;
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &slides);
    let run = pecha_with_env(
        ["check".as_ref(), path.as_os_str()],
        environment(dir.path(), &fake),
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout.starts_with("ready: 20 slides x 20 s"),
        "{}",
        run.all()
    );
    assert!(
        run.stdout
            .contains("warning: slide 5 is hidden in PowerPoint and left out"),
        "{}",
        run.all()
    );
}

#[test]
fn pecha_check_without_libreoffice_exits_2_saying_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &three_slides());
    let run = pecha_with_env(
        ["check".as_ref(), path.as_os_str()],
        environment(dir.path(), &dir.path().join("not-installed")),
    );
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains(
            "aigerim.pptx: PowerPoint files need LibreOffice to be installed (https://www.libreoffice.org), or export the deck from PowerPoint as PDF (File → Export → PDF) and use the PDF"
        ),
        "{}",
        run.all()
    );
}

#[test]
fn pecha_check_stops_a_conversion_at_the_limit_it_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let fake = write_fake_soffice(dir.path(), Fake::Hangs);
    let path = dir.path().join("aigerim.pptx");
    write_pptx(&path, &three_slides());
    let mut environment = environment(dir.path(), &fake);
    environment.push(("PECHA_CONVERT_TIMEOUT".to_owned(), "0.3".to_owned()));
    let run = pecha_with_env(["check".as_ref(), path.as_os_str()], environment);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr
            .contains("LibreOffice did not finish converting it"),
        "{}",
        run.all()
    );
}

#[test]
fn a_night_marks_a_pptx_talk_without_libreoffice_and_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let talks = dir.path().join("talks");
    std::fs::create_dir_all(&talks).unwrap();
    write_pptx(&talks.join("aigerim.pptx"), &numbered_slides(20));
    std::fs::copy(
        common::fixtures::data("converted/twenty_pages.pdf"),
        talks.join("tokhtar.pdf"),
    )
    .unwrap();
    let night = dir.path().join("night.ron");
    std::fs::write(
        &night,
        r#"(title: "Night", running_order: [
            Talk(deck: "talks/aigerim.pptx", presenter: "Әйгерім"),
            Talk(deck: "talks/tokhtar.pdf", presenter: "Тохтар"),
        ])"#,
    )
    .unwrap();
    let run = pecha_with_env(
        ["check".as_ref(), night.as_os_str()],
        environment(dir.path(), &dir.path().join("not-installed")),
    );
    assert_eq!(run.status, Some(1), "{}", run.all());
    assert!(
        run.stdout.contains("1. Әйгерім: NOT READY ("),
        "{}",
        run.all()
    );
    assert!(
        run.stdout
            .contains("PowerPoint files need LibreOffice to be installed"),
        "{}",
        run.all()
    );
    assert!(
        run.stdout.contains("2. Тохтар — tokhtar: ready"),
        "{}",
        run.all()
    );
}
