//! The example night bundled inside the binary, so `pecha` with no arguments shows something real
//! from any directory, before the user has a deck of their own.
//!
//! The night lives in `examples/night/` and its first talk in `examples/shymkent/`; their files
//! are embedded at compile time and unpacked once into the user's cache folder, with the same
//! layout, because the rest of the app (and `pecha check`) works on files.

use std::path::{Path, PathBuf};

use crate::deck::{Deck, DeckError};

/// The example deck file, as shipped.
pub const EXAMPLE_DECK: &str = include_str!("../examples/shymkent/deck.ron");

macro_rules! slides {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../examples/shymkent/", $name)))),*]
    };
}

/// The example's slide images: (file name, bytes).
pub const EXAMPLE_SLIDES: &[(&str, &[u8])] = slides![
    "01.jpg", "02.jpg", "03.jpg", "04.jpg", "05.jpg", "06.jpg", "07.jpg", "08.jpg", "09.jpg",
    "10.jpg", "11.jpg", "12.jpg", "13.jpg", "14.jpg", "15.jpg", "16.jpg", "17.jpg", "18.jpg",
    "19.jpg", "20.jpg",
];

macro_rules! night_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("../examples/night/", $name)))),*]
    };
}

/// The example night's files, relative to its folder: (path, bytes).
pub const EXAMPLE_NIGHT_FILES: &[(&str, &[u8])] = night_files![
    "music/break.wav",
    "night.ron",
    "talks/aryk/01.jpg",
    "talks/aryk/02.jpg",
    "talks/aryk/03.jpg",
    "talks/aryk/04.jpg",
    "talks/aryk/05.jpg",
    "talks/aryk/06.jpg",
    "talks/aryk/07.jpg",
    "talks/aryk/08.jpg",
    "talks/aryk/09.jpg",
    "talks/aryk/10.jpg",
    "talks/aryk/11.jpg",
    "talks/aryk/12.jpg",
    "talks/aryk/13.jpg",
    "talks/aryk/14.jpg",
    "talks/aryk/15.jpg",
    "talks/aryk/16.jpg",
    "talks/aryk/17.jpg",
    "talks/aryk/18.jpg",
    "talks/aryk/19.jpg",
    "talks/aryk/20.jpg",
    "talks/aryk/deck.ron",
    "talks/dombyra/01.jpg",
    "talks/dombyra/02.jpg",
    "talks/dombyra/03.jpg",
    "talks/dombyra/04.jpg",
    "talks/dombyra/05.jpg",
    "talks/dombyra/06.jpg",
    "talks/dombyra/07.jpg",
    "talks/dombyra/08.jpg",
    "talks/dombyra/09.jpg",
    "talks/dombyra/10.jpg",
    "talks/dombyra/11.jpg",
    "talks/dombyra/12.jpg",
    "talks/dombyra/13.jpg",
    "talks/dombyra/14.jpg",
    "talks/dombyra/15.jpg",
    "talks/dombyra/16.jpg",
    "talks/dombyra/17.jpg",
    "talks/dombyra/18.jpg",
    "talks/dombyra/19.jpg",
    "talks/dombyra/20.jpg",
    "talks/dombyra/deck.ron"
];

/// Why the example could not be unpacked.
#[derive(Debug, thiserror::Error)]
pub enum ExampleError {
    /// Writing into the cache folder failed.
    #[error("{}", crate::tr!("example-write", file = path.display().to_string(), error = source.to_string()))]
    Write {
        /// The file or folder that could not be written.
        path: PathBuf,
        /// What the OS said.
        source: std::io::Error,
    },
    /// A file of the example night could not be written.
    #[error("{}", crate::tr!("example-save", error = _0.to_string()))]
    Save(#[from] crate::save::SaveError),
    /// The embedded deck did not load (a bug caught by the tests).
    #[error(transparent)]
    Deck(#[from] DeckError),
}

/// Where the example is unpacked: the user's cache folder, or the temp folder without one.
#[must_use]
pub fn default_unpack_dir() -> PathBuf {
    let base = directories::ProjectDirs::from("", "", "pecha").map_or_else(
        || std::env::temp_dir().join("pecha"),
        |dirs| dirs.cache_dir().to_path_buf(),
    );
    base.join(concat!("example-", env!("CARGO_PKG_VERSION")))
}

/// Unpack the example talk into the default folder and load it.
pub fn example_deck() -> Result<Deck, ExampleError> {
    example_deck_in(&default_unpack_dir().join("shymkent"))
}

/// Unpack the example night (and its first talk) into the default folder; returns the night
/// file's path.
pub fn example_night() -> Result<PathBuf, ExampleError> {
    example_night_in(&default_unpack_dir())
}

/// Unpack the example night into `dir/night` and its first talk into `dir/shymkent`, as in
/// `examples/`. Deck and night files already there that load are kept (notes saved into them
/// are the user's); other files are written when missing or of the wrong size.
pub fn example_night_in(dir: &Path) -> Result<PathBuf, ExampleError> {
    example_deck_in(&dir.join("shymkent"))?;
    let night_dir = dir.join("night");
    for (name, bytes) in EXAMPLE_NIGHT_FILES {
        let target = night_dir.join(name);
        let keep = if name.ends_with("deck.ron") {
            Deck::load(&target).is_ok()
        } else if *name == "night.ron" {
            crate::night::Night::load(&target).is_ok()
        } else {
            std::fs::metadata(&target).is_ok_and(|meta| meta.len() == bytes.len() as u64)
        };
        if keep {
            continue;
        }
        let folder = target.parent().unwrap_or(&night_dir);
        std::fs::create_dir_all(folder).map_err(|source| ExampleError::Write {
            path: folder.to_path_buf(),
            source,
        })?;
        // A crash never leaves a half-written file behind.
        crate::save::write_atomically(&target, bytes, crate::save::Backup::None)?;
    }
    Ok(night_dir.join("night.ron"))
}

/// Unpack the example into `dir` (files already there with the right size are kept, and a deck
/// file that loads, with any notes saved into it) and load it.
pub fn example_deck_in(dir: &Path) -> Result<Deck, ExampleError> {
    let write_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| ExampleError::Write { path, source }
    };
    std::fs::create_dir_all(dir).map_err(write_error(dir))?;
    for (name, bytes) in EXAMPLE_SLIDES {
        let target = dir.join(name);
        let up_to_date =
            std::fs::metadata(&target).is_ok_and(|meta| meta.len() == bytes.len() as u64);
        if !up_to_date {
            // Write beside, then rename: a crash never leaves a half-written slide behind.
            let partial = dir.join(format!(".{name}.partial"));
            std::fs::write(&partial, bytes).map_err(write_error(&partial))?;
            std::fs::rename(&partial, &target).map_err(write_error(&target))?;
        }
    }
    let deck_path = dir.join("deck.ron");
    // Notes the presenter edited in a rehearsal of the example are theirs: keep a deck file
    // that loads, and restore the shipped one only when it is missing or broken.
    if let Ok(edited) = Deck::load(&deck_path) {
        return Ok(edited);
    }
    let temporary = crate::save::temporary_path(&deck_path);
    std::fs::write(&temporary, EXAMPLE_DECK).map_err(write_error(&temporary))?;
    std::fs::rename(&temporary, &deck_path).map_err(write_error(&deck_path))?;
    Ok(Deck::from_ron_str(EXAMPLE_DECK, &deck_path)?)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::check::check_deck;

    #[test]
    fn the_example_unpacks_and_is_ready_for_the_show() {
        let dir = tempfile::tempdir().unwrap();
        let deck = example_deck_in(dir.path()).unwrap();
        assert_eq!(deck.slides.len(), 20);
        assert!(deck.title.contains('қ'), "{}", deck.title);
        let report = check_deck(&deck);
        assert!(report.is_ready(), "{}", report.to_text());
        assert_eq!(report.findings.len(), 0, "{}", report.to_text());
        // A second unpack keeps the files and loads the same deck.
        let again = example_deck_in(dir.path()).unwrap();
        assert_eq!(again, deck);
        // Notes saved into the example survive the next launch; a broken file is restored.
        let mut edited = again;
        edited.slides[0].notes = "менің жазбам".into();
        edited.save().unwrap();
        assert_eq!(
            example_deck_in(dir.path()).unwrap().slides[0].notes,
            "менің жазбам"
        );
        std::fs::write(dir.path().join("deck.ron"), "(title: ").unwrap();
        assert_eq!(example_deck_in(dir.path()).unwrap(), deck);
    }

    #[test]
    fn the_example_night_unpacks_with_its_talks_and_is_ready() {
        let dir = tempfile::tempdir().unwrap();
        let path = example_night_in(dir.path()).unwrap();
        let night = crate::night::Night::load(&path).unwrap();
        let report = crate::check::check_night(&night);
        assert!(report.ready, "{}", report.to_text());
        assert_eq!(report.talks.len(), 3);
        assert!(report.warnings.is_empty(), "{:?}", report.warnings);
        // Unpacking again keeps what is there.
        assert_eq!(example_night_in(dir.path()).unwrap(), path);
    }
}
