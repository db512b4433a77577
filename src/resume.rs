//! Where a single talk is, kept on disk while it runs, so that a talk cut short by a crash, a
//! `kill -9` or a pulled power cord offers to go on at its slide when its deck is opened again,
//! as a night does ([`crate::night::progress`]).
//!
//! [`TalkPlace`] is pure: the slide on screen and the talk time when it began. [`PlaceStore`]
//! keeps one small file per deck in the user's data folder (named after the deck's full path,
//! [`file_key`]), written atomically on each new slide and removed when the talk ends or is
//! reset. A file that is damaged, from a newer Pecha, for another format or impossible (slide 0,
//! more time than the talk has) is refused with a typed [`PlaceError`], never offered.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::night::progress::file_key;
use crate::save::{Backup, SaveError, write_atomically};
use crate::timing::Timing;

/// The place file format this Pecha writes.
pub const PLACE_VERSION: u32 = 1;

/// A place file is a few lines; anything bigger is not one.
const PLACE_FILE_CAP: u64 = 64 * 1024;

/// Where a single talk was: `slide` (1-based) was on screen, and began `talk_ms` into the talk
/// (pauses excluded). Resumed there, the slide gets its full time again, and the talk's length
/// counts `talk_ms` plus what follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TalkPlace {
    /// [`PLACE_VERSION`] when written.
    pub version: u32,
    /// The talk's slides when it was saved.
    pub slides: usize,
    /// Its slide length, in milliseconds.
    pub slide_ms: u64,
    /// The slide on screen, 1-based.
    pub slide: usize,
    /// Talk time when that slide began, in milliseconds.
    pub talk_ms: u64,
    /// When it was written, seconds since the Unix epoch (for "stopped at 19:42").
    pub saved_unix: i64,
}

impl TalkPlace {
    /// The place of a talk of `timing` on `slide`, which began `talk_ms` into it.
    #[must_use]
    pub fn new(timing: Timing, slide: usize, talk_ms: u64, saved_unix: i64) -> Self {
        Self {
            version: PLACE_VERSION,
            slides: timing.slide_count,
            slide_ms: millis(timing.slide_length),
            slide,
            talk_ms,
            saved_unix,
        }
    }

    /// What in this place does not fit a talk of `timing`, if anything.
    fn misfit(&self, timing: Timing) -> Option<Misfit> {
        if self.slides != timing.slide_count || self.slide_ms != millis(timing.slide_length) {
            return Some(Misfit::OtherFormat {
                slides: self.slides,
                slide_ms: self.slide_ms,
            });
        }
        let length_ms = millis(timing.total());
        if self.slide == 0 || self.slide > self.slides || self.talk_ms > length_ms {
            return Some(Misfit::Impossible {
                slide: self.slide,
                talk_ms: self.talk_ms,
            });
        }
        None
    }
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// Why a saved place does not fit the talk now open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Misfit {
    /// It was saved for another format (the deck's format, or `--format`, changed since).
    OtherFormat {
        /// Its slides.
        slides: usize,
        /// Its slide length, in milliseconds.
        slide_ms: u64,
    },
    /// It says what cannot be: slide 0, a slide past the end, more time than the talk lasts.
    Impossible {
        /// The slide it names.
        slide: usize,
        /// The talk time it names, in milliseconds.
        talk_ms: u64,
    },
}

/// Why a saved place cannot be used. The talk then starts from the top, as always.
#[derive(Debug, thiserror::Error)]
pub enum PlaceError {
    /// The file is there but could not be read.
    #[error("{}", crate::tr!("place-read", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Read {
        /// The place file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// It is not a place file (damaged, cut off, far too big).
    #[error("{}", crate::tr!("place-damaged", file = crate::text::shown(path).to_string(), detail = detail.as_str()))]
    Damaged {
        /// The place file.
        path: PathBuf,
        /// The parser's words.
        detail: String,
    },
    /// A newer Pecha wrote it.
    #[error("{}", crate::tr!("place-newer", file = crate::text::shown(path).to_string(), version = (*version)))]
    Newer {
        /// The place file.
        path: PathBuf,
        /// Its version.
        version: u32,
    },
    /// It does not fit the talk now open.
    #[error("{}", crate::tr!("place-misfit", file = crate::text::shown(path).to_string(), misfit = describe(*misfit)))]
    Misfit {
        /// The place file.
        path: PathBuf,
        /// How it does not fit.
        misfit: Misfit,
    },
}

fn describe(misfit: Misfit) -> String {
    match misfit {
        Misfit::OtherFormat { slides, slide_ms } => crate::tr!(
            "place-other-format",
            slides = slides,
            seconds = (slide_ms as f64 / 1000.0)
        ),
        Misfit::Impossible { slide, talk_ms } => crate::tr!(
            "place-impossible",
            slide = slide,
            seconds = (talk_ms / 1000)
        ),
    }
}

/// Where one deck's place is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlaceStore {
    path: PathBuf,
}

impl PlaceStore {
    /// The place of the talk of `deck_source` (its deck file, folder or PDF), in `dir`:
    /// `{stem}-{hash12}.talk.ron`, see [`file_key`].
    #[must_use]
    pub fn new(dir: &Path, deck_source: &Path) -> Self {
        Self {
            path: dir.join(format!("{}.talk.ron", file_key(deck_source))),
        }
    }

    /// Where single talks' places are kept in the user's data folder, if there is one.
    #[must_use]
    pub fn user_dir() -> Option<PathBuf> {
        directories::ProjectDirs::from("", "", "pecha").map(|dirs| dirs.data_dir().join("talks"))
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved place for a talk of `timing`: `Ok(None)` when there is none.
    pub fn load(&self, timing: Timing) -> Result<Option<TalkPlace>, PlaceError> {
        let bytes = match crate::read::whole_file(&self.path, PLACE_FILE_CAP) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            // Not a regular file, or far too big: whatever it is, it is not a place file.
            Err(error)
                if matches!(
                    error.kind(),
                    io::ErrorKind::InvalidInput | io::ErrorKind::FileTooLarge
                ) =>
            {
                return Err(PlaceError::Damaged {
                    path: self.path.clone(),
                    detail: error.to_string(),
                });
            }
            Err(source) => {
                return Err(PlaceError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let place = parse(&bytes).map_err(|detail| PlaceError::Damaged {
            path: self.path.clone(),
            detail,
        })?;
        if place.version > PLACE_VERSION {
            return Err(PlaceError::Newer {
                path: self.path.clone(),
                version: place.version,
            });
        }
        match place.misfit(timing) {
            Some(misfit) => Err(PlaceError::Misfit {
                path: self.path.clone(),
                misfit,
            }),
            None => Ok(Some(place)),
        }
    }

    /// Write the place atomically: a crash mid-write leaves the previous one.
    pub fn save(&self, place: &TalkPlace) -> Result<(), SaveError> {
        let error = |source| SaveError {
            path: self.path.clone(),
            source,
        };
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(error)?;
        }
        let text = ron::ser::to_string_pretty(place, ron::ser::PrettyConfig::default())
            .map_err(|ron| error(io::Error::other(ron.to_string())))?;
        write_atomically(&self.path, text.as_bytes(), Backup::None)
    }

    /// Forget the place (the talk ended, or was reset): opening the deck again starts afresh.
    pub fn clear(&self) -> Result<(), SaveError> {
        match fs::remove_file(&self.path) {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(SaveError {
                path: self.path.clone(),
                source: error,
            }),
            _ => Ok(()),
        }
    }
}

/// A place file's text, parsed; the parser's words when it is not one.
pub fn parse(bytes: &[u8]) -> Result<TalkPlace, String> {
    let text = std::str::from_utf8(bytes).map_err(|error| error.to_string())?;
    ron::from_str(text).map_err(|error| error.to_string())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const TALK: Timing = Timing::new(20, Duration::from_secs(20));

    fn store() -> (tempfile::TempDir, PlaceStore) {
        let dir = tempfile::tempdir().unwrap();
        let store = PlaceStore::new(dir.path(), Path::new("deck.ron"));
        (dir, store)
    }

    #[test]
    fn a_saved_place_comes_back_and_is_gone_once_cleared() {
        let (_dir, store) = store();
        assert_eq!(store.load(TALK).unwrap(), None);
        let place = TalkPlace::new(TALK, 7, 120_000, 1_700_000_000);
        store.save(&place).unwrap();
        assert_eq!(store.load(TALK).unwrap(), Some(place));
        store.clear().unwrap();
        assert_eq!(store.load(TALK).unwrap(), None);
        // Clearing what is not there is fine: a talk that never ran ends too.
        store.clear().unwrap();
    }

    #[test]
    fn two_decks_never_share_a_place() {
        let dir = tempfile::tempdir().unwrap();
        let one = PlaceStore::new(dir.path(), Path::new("a/deck.ron"));
        let other = PlaceStore::new(dir.path(), Path::new("b/deck.ron"));
        assert_ne!(one.path(), other.path());
        assert!(one.path().to_string_lossy().ends_with(".talk.ron"));
    }

    #[test]
    fn a_place_for_another_format_is_refused() {
        let (_dir, store) = store();
        store.save(&TalkPlace::new(TALK, 7, 120_000, 0)).unwrap();
        let five = Timing::new(20, Duration::from_secs(5));
        let error = store.load(five).unwrap_err();
        assert!(matches!(
            error,
            PlaceError::Misfit {
                misfit: Misfit::OtherFormat {
                    slides: 20,
                    slide_ms: 20_000
                },
                ..
            }
        ));
        assert!(error.to_string().contains("20 slides of 20 s"), "{error}");
    }

    #[test]
    fn impossible_places_are_refused() {
        let (_dir, store) = store();
        for (slide, talk_ms) in [(0, 0), (21, 0), (3, 400_001), (999_999, 40_000)] {
            let mut place = TalkPlace::new(TALK, slide, talk_ms, 0);
            place.slide = slide;
            store.save(&place).unwrap();
            let error = store.load(TALK).unwrap_err();
            assert!(
                matches!(
                    error,
                    PlaceError::Misfit {
                        misfit: Misfit::Impossible { .. },
                        ..
                    }
                ),
                "slide {slide}, {talk_ms} ms: {error}"
            );
        }
        // The last slide, begun at its very start, is possible.
        store.save(&TalkPlace::new(TALK, 20, 380_000, 0)).unwrap();
        assert!(store.load(TALK).unwrap().is_some());
    }

    #[test]
    fn damaged_and_newer_files_are_refused_with_the_file_named() {
        let (_dir, store) = store();
        fs::write(store.path(), "(version: 1, slides: 20").unwrap();
        let error = store.load(TALK).unwrap_err();
        assert!(matches!(error, PlaceError::Damaged { .. }), "{error}");
        assert!(error.to_string().contains(".talk.ron"), "{error}");

        let mut newer = TalkPlace::new(TALK, 2, 20_000, 0);
        newer.version = PLACE_VERSION + 1;
        store.save(&newer).unwrap();
        assert!(matches!(
            store.load(TALK).unwrap_err(),
            PlaceError::Newer { version, .. } if version == PLACE_VERSION + 1
        ));

        fs::write(store.path(), vec![b' '; 100_000]).unwrap();
        assert!(matches!(
            store.load(TALK).unwrap_err(),
            PlaceError::Damaged { .. }
        ));
    }
}
