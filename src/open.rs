//! What a path is, and loading it: a talk's deck or a whole night.
//!
//! A path given to Pecha (on the command line, by the app's Open… or by a file dropped on its
//! window) is one of:
//! - a folder: a folder deck, or the `deck.ron` it holds;
//! - a PDF: one slide per page;
//! - a PowerPoint, Impress or Keynote file: converted with LibreOffice, shown as its PDF;
//! - a zip (a night packed by `pecha pack`): refused, with the advice to unzip it first;
//! - a RON file: a night file when it has a `running_order` ([`Night::looks_like_night`]),
//!   else a deck file.
//!
//! [`open`] decides which and loads it, reading a RON file once: the text that tells a night
//! from a deck is the text parsed. Loading is [`crate::deck`]'s and [`crate::night`]'s; this
//! module only chooses between them, so their errors are passed on as they are ([`OpenError`]),
//! with the kind of file they are about.

use std::path::Path;

use crate::deck::{Deck, DeckError};
use crate::night::{Night, NightError};

/// What a path turned out to be, loaded.
#[derive(Debug)]
pub enum Opened {
    /// One talk: a show or a rehearsal.
    Deck(Deck),
    /// A PechaKucha Night: the host console.
    Night(Night),
}

/// The kind of file a path is, whether or not it loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A deck: a RON deck file, a folder of images, a PDF, or anything that is not a night.
    Deck,
    /// A night file.
    Night,
}

impl Opened {
    /// Deck or night.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Self::Deck(_) => Kind::Deck,
            Self::Night(_) => Kind::Night,
        }
    }
}

/// Why a path could not be opened: the deck's or the night's own error, with its message as
/// it is (`talk.ron:4:5: ...`, `night.ron:3:40: ...`).
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// Taken for a deck (it is not a night file), the deck cannot be loaded; this is also what
    /// a path that cannot be read at all gives.
    #[error(transparent)]
    Deck(#[from] DeckError),
    /// A night file that cannot be loaded.
    #[error(transparent)]
    Night(#[from] NightError),
}

impl OpenError {
    /// What the path was taken for.
    #[must_use]
    pub fn kind(&self) -> Kind {
        match self {
            Self::Deck(_) => Kind::Deck,
            Self::Night(_) => Kind::Night,
        }
    }
}

/// Opens `path` as a deck or a night, whichever it is.
///
/// A folder or a PDF is a deck, as is a single image (which [`Deck::load`] refuses, saying
/// why). Any other file is read once: a night when its text is RON with a `running_order`,
/// else a deck file. The words decide, not the parse: a night file with a syntax error is
/// reported as a night, at its line and column.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    open_with(path, &crate::convert::Converter::from_env(), &|_| {})
}

/// [`open`], converting a PowerPoint, Impress or Keynote file with `converter` and telling
/// `watch` about a conversion under way (a file seen for the first time), so the app can show
/// it.
pub fn open_with(
    path: &Path,
    converter: &crate::convert::Converter,
    watch: &dyn Fn(crate::convert::Progress),
) -> Result<Opened, OpenError> {
    if !path.is_file()
        || Deck::is_pdf_or_image(path)
        || Deck::is_presentation(path)
        || Deck::is_zip(path)
    {
        return Ok(Opened::Deck(Deck::load_with(path, converter, watch)?));
    }
    let bytes = crate::read::whole_file(path, crate::read::TEXT_FILE_CAP).map_err(|cause| {
        DeckError::Io {
            path: path.to_path_buf(),
            cause,
        }
    })?;
    match String::from_utf8(bytes) {
        Ok(text) if Night::looks_like_night(&text) => {
            Ok(Opened::Night(Night::from_ron_str(&text, path)?))
        }
        Ok(text) => Ok(Opened::Deck(Deck::from_ron_str(&text, path)?)),
        Err(not_text) => Ok(Opened::Deck(Deck::from_ron_bytes(
            not_text.into_bytes(),
            path,
        )?)),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const DECK: &str = r#"(title: "Арыки", format: Custom(slides: 2, seconds: 5), slides: [
        Slide(image: "01.png"), Slide(image: "02.png"),
    ])"#;

    const NIGHT: &str = r#"(
        title: "PechaKucha Night Шымкент",
        running_order: [Talk(deck: "talk.ron", presenter: "Әйгерім")],
    )"#;

    fn written(name: &str, text: &[u8]) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn a_deck_file_is_a_deck() {
        let (_dir, path) = written("talk.ron", DECK.as_bytes());
        let Opened::Deck(deck) = open(&path).unwrap() else {
            panic!("a deck")
        };
        assert_eq!(deck.title, "Арыки");
        assert_eq!(deck.slides.len(), 2);
        assert_eq!(deck.source, path);
    }

    #[test]
    fn a_night_file_is_a_night() {
        let (_dir, path) = written("night.ron", NIGHT.as_bytes());
        let opened = open(&path).unwrap();
        assert_eq!(opened.kind(), Kind::Night);
        let Opened::Night(night) = opened else {
            panic!("a night")
        };
        assert_eq!(night.title, "PechaKucha Night Шымкент");
        assert_eq!(night.source, path);
    }

    #[test]
    fn a_folder_is_a_deck() {
        let dir = tempfile::tempdir().unwrap();
        // Only the names count: loading a deck does not open its images.
        for name in ["slide10.png", "slide2.png", "notes.txt"] {
            std::fs::write(dir.path().join(name), b"").unwrap();
        }
        let opened = open(dir.path()).unwrap();
        assert_eq!(opened.kind(), Kind::Deck);
        let Opened::Deck(deck) = opened else {
            panic!("a deck")
        };
        let names: Vec<_> = deck
            .slides
            .iter()
            .map(|slide| slide.image.file_name().unwrap().to_owned())
            .collect();
        assert_eq!(names, ["slide2.png", "slide10.png"]);
    }

    #[test]
    fn a_missing_path_is_a_deck_error_naming_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("нет.ron");
        let error = open(&path).unwrap_err();
        assert_eq!(error.kind(), Kind::Deck);
        assert!(matches!(error, OpenError::Deck(DeckError::Io { .. })));
        assert_eq!(
            error.to_string(),
            format!(
                "{}: does not exist (moved, renamed or not copied here?)",
                path.display()
            )
        );
    }

    #[test]
    fn a_night_saved_with_a_byte_order_mark_is_a_night() {
        let mut text = "\u{feff}".to_owned();
        text.push_str(&NIGHT.replace('\n', "\r\n"));
        let (_dir, path) = written("night.ron", text.as_bytes());
        assert_eq!(open(&path).unwrap().kind(), Kind::Night);
    }

    #[test]
    fn a_night_with_a_mistake_is_a_night_error() {
        let (_dir, path) = written(
            "night.ron",
            b"(\n  running_order: [\n    Talk(deck: \"a.ron\", presenter: \"x\", colour: 1),\n  ],\n)",
        );
        let error = open(&path).unwrap_err();
        assert_eq!(error.kind(), Kind::Night);
        assert!(matches!(error, OpenError::Night(NightError::Syntax { .. })));
        // The night's own message, unchanged.
        let expected = Night::load(&path).unwrap_err().to_string();
        assert_eq!(error.to_string(), expected);
        assert!(expected.contains("night.ron:3:"), "{expected}");
    }

    #[test]
    fn a_night_whose_ron_does_not_parse_is_reported_as_a_night() {
        // A missing comma: the night's own error, at its line, not "unknown field in the deck".
        let (_dir, path) = written(
            "night.ron",
            b"(\n  title: \"x\"\n  running_order: [Talk(deck: \"a.ron\", presenter: \"p\")],\n)",
        );
        let error = open(&path).unwrap_err();
        assert_eq!(error.kind(), Kind::Night);
        assert_eq!(
            error.to_string(),
            Night::load(&path).unwrap_err().to_string()
        );
        assert!(error.to_string().contains("night.ron:3:"), "{error}");
        assert!(!error.to_string().contains("deck"), "{error}");
    }

    #[test]
    fn a_file_that_is_not_text_is_a_deck_error_with_its_place() {
        let (_dir, path) = written("talk.ron", b"(title: \"\xcf\xf0\xe8\")");
        let error = open(&path).unwrap_err();
        assert!(matches!(
            error,
            OpenError::Deck(DeckError::NotUtf8 {
                line: 1,
                column: 10,
                ..
            })
        ));
    }

    #[test]
    fn an_image_is_refused_by_its_name() {
        let (_dir, path) = written("01.png", NIGHT.as_bytes());
        assert!(matches!(
            open(&path),
            Err(OpenError::Deck(DeckError::Unsupported { .. }))
        ));
    }
}
