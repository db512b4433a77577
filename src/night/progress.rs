//! Where a night is, written to disk on every change, so that after a crash or a restart the
//! host resumes exactly there: at the current talk's card, or at the slide it was on.
//!
//! [`Progress`] is pure: which items are done or skipped, the running order as the host
//! rearranged it, and the current [`Stage`]. [`ProgressStore`] keeps it in the user's data
//! folder (not beside the night file, which may sit on a read-only stick), one file per night,
//! written atomically ([`crate::save`]). A progress file that is damaged, from a newer Pecha, or
//! for a night whose running order has since changed is not used: the store says why, and the
//! night starts from the top.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::save::{Backup, SaveError, write_atomically};

/// The progress file format this Pecha writes.
pub const PROGRESS_VERSION: u32 = 1;

/// What became of an item of the running order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ItemState {
    /// Still to come.
    Waiting,
    /// Given (a talk) or held (a break).
    Done,
    /// Left out by the host.
    Skipped,
}

/// What the night is doing now. Items are indexes into the night file's running order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stage {
    /// The card of `item` is on the projector, waiting for the host to start it.
    Card {
        /// The item, 0-based in the night file.
        item: usize,
    },
    /// Talk `item` is under way on `slide` (1-based), which began `talk_ms` into the talk
    /// (pauses excluded): resumed at that slide, the talk's length is `talk_ms` plus the rest.
    Talk {
        /// The item, 0-based in the night file.
        item: usize,
        /// The slide on screen, 1-based.
        slide: usize,
        /// Talk time when the slide began, in milliseconds.
        talk_ms: u64,
    },
    /// Break `item` began at `started_unix` (seconds since the Unix epoch: after a restart, the
    /// wall clock says how much of it is left).
    Break {
        /// The item, 0-based in the night file.
        item: usize,
        /// When it began.
        started_unix: i64,
    },
    /// Every item is done or skipped.
    End,
}

/// A night's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    /// [`PROGRESS_VERSION`] when written.
    pub version: u32,
    /// The running order as the host arranged it: indexes into the night file's items.
    pub order: Vec<usize>,
    /// Per item of the night file, in file order.
    pub states: Vec<ItemState>,
    /// What is happening now.
    pub stage: Stage,
    /// The host had blacked the projector out: after a crash it stays black until they say.
    #[serde(default)]
    pub blackout: bool,
}

impl Progress {
    /// A night of `item_count` items that has not begun: the first card is up.
    #[must_use]
    pub fn new(item_count: usize) -> Self {
        Self {
            version: PROGRESS_VERSION,
            order: (0..item_count).collect(),
            states: vec![ItemState::Waiting; item_count],
            stage: if item_count == 0 {
                Stage::End
            } else {
                Stage::Card { item: 0 }
            },
            blackout: false,
        }
    }

    /// The first item, in running order, still waiting.
    #[must_use]
    pub fn next_waiting(&self) -> Option<usize> {
        self.order
            .iter()
            .copied()
            .find(|&item| self.states.get(item) == Some(&ItemState::Waiting))
    }

    /// The item the stage is about, if any.
    #[must_use]
    pub fn current_item(&self) -> Option<usize> {
        match self.stage {
            Stage::Card { item } | Stage::Talk { item, .. } | Stage::Break { item, .. } => {
                Some(item)
            }
            Stage::End => None,
        }
    }

    /// Start talk `item` from slide 1.
    pub fn start_talk(&mut self, item: usize) {
        self.stage = Stage::Talk {
            item,
            slide: 1,
            talk_ms: 0,
        };
    }

    /// Start break `item` at `now_unix`.
    pub fn start_break(&mut self, item: usize, now_unix: i64) {
        self.stage = Stage::Break {
            item,
            started_unix: now_unix,
        };
    }

    /// The running talk moved on: remember where, so a restart can resume there.
    pub fn talk_at(&mut self, slide: usize, talk_ms: u64) {
        if let Stage::Talk { item, .. } = self.stage {
            self.stage = Stage::Talk {
                item,
                slide,
                talk_ms,
            };
        }
    }

    /// The current talk or break is over: mark it done and put up the next card.
    pub fn finish_current(&mut self) {
        if let Some(item) = self.current_item()
            && !matches!(self.stage, Stage::Card { .. })
            && let Some(state) = self.states.get_mut(item)
        {
            *state = ItemState::Done;
        }
        self.show_next_card();
    }

    /// Leave `item` out; if it was on, the next card goes up.
    pub fn skip(&mut self, item: usize) {
        if let Some(state) = self.states.get_mut(item) {
            *state = ItemState::Skipped;
        }
        if self.current_item() == Some(item) {
            self.show_next_card();
        }
    }

    /// Give `item` again (a talk whose projector failed, a skipped speaker who arrived): it
    /// waits again, and its card goes up.
    pub fn rerun(&mut self, item: usize) {
        if let Some(state) = self.states.get_mut(item) {
            *state = ItemState::Waiting;
            self.stage = Stage::Card { item };
        }
    }

    /// Move the item at running-order position `from` to position `to` (both 0-based). The card
    /// on screen stays unless it was a card for an item no longer next.
    pub fn move_item(&mut self, from: usize, to: usize) {
        if from >= self.order.len() || to >= self.order.len() {
            return;
        }
        let item = self.order.remove(from);
        self.order.insert(to, item);
        if matches!(self.stage, Stage::Card { .. }) {
            self.show_next_card();
        }
    }

    fn show_next_card(&mut self) {
        self.stage = match self.next_waiting() {
            Some(item) => Stage::Card { item },
            None => Stage::End,
        };
    }

    /// Whether this progress can belong to a night of `item_count` items.
    /// What in this progress cannot be true of `night`, if anything.
    fn impossibility(&self, night: &super::Night) -> Option<String> {
        use super::Item;
        let slides = night.format.slide_count();
        let talk_length_ms = u64::try_from(night.format.total().as_millis()).unwrap_or(u64::MAX);
        match self.stage {
            Stage::Talk {
                item,
                slide,
                talk_ms,
            } => {
                if !matches!(night.running_order.get(item), Some(Item::Talk(_))) {
                    Some(crate::tr!("progress-talk-at-break", item = (item + 1)))
                } else if slide == 0 || slide > slides {
                    Some(crate::tr!(
                        "progress-no-such-slide",
                        slide = slide,
                        slides = slides
                    ))
                } else if talk_ms > talk_length_ms {
                    Some(crate::tr!(
                        "progress-past-the-end",
                        seconds = (talk_ms / 1000),
                        length = (talk_length_ms / 1000)
                    ))
                } else {
                    None
                }
            }
            Stage::Break { item, started_unix } => {
                if !matches!(night.running_order.get(item), Some(Item::Break(_))) {
                    Some(crate::tr!("progress-break-at-talk", item = (item + 1)))
                } else if started_unix > crate::clock::unix_now() + 60 {
                    Some(crate::tr!("progress-break-in-future"))
                } else if started_unix < 0 {
                    // Also keeps the console's sums of when the break ends (in seconds and in
                    // milliseconds) far from overflowing.
                    Some(crate::tr!("progress-break-before-1970"))
                } else {
                    None
                }
            }
            Stage::Card { .. } | Stage::End => None,
        }
    }

    fn fits(&self, item_count: usize) -> bool {
        let mut sorted = self.order.clone();
        sorted.sort_unstable();
        self.states.len() == item_count
            && sorted == (0..item_count).collect::<Vec<_>>()
            && self.current_item().is_none_or(|item| item < item_count)
    }
}

/// Why a saved progress cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ProgressError {
    /// The file could not be read.
    #[error("{}", crate::tr!("progress-read", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Read {
        /// The progress file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The file is damaged, from a newer Pecha, or for another running order.
    #[error("{}", crate::tr!("progress-unusable", file = crate::text::shown(path).to_string(), problem = problem.as_str()))]
    Unusable {
        /// The progress file.
        path: PathBuf,
        /// What is wrong with it.
        problem: String,
    },
    /// The user's data folder is unknown (no home directory).
    #[error("{}", crate::tr!("progress-no-data-folder"))]
    NoDataFolder,
}

/// The name a night's (or a single talk's) files share in the data folder: the file's stem and 12
/// hex digits of a hash of its full path, e.g. `night-3f2a9c0b1d4e`. Two nights never share it;
/// the same night named by a relative or an absolute path gets the same key; moving the file
/// changes it. The progress (`{key}.progress.ron`) and the log (`{key}.log`,
/// [`crate::night::log`]) of one night sit side by side; a single talk's place
/// ([`crate::resume`]) is named the same way after its deck.
#[must_use]
pub fn file_key(file: &Path) -> String {
    let full = fs::canonicalize(file).unwrap_or_else(|_| file.to_path_buf());
    let hash = blake3::hash(full.to_string_lossy().as_bytes()).to_hex();
    let stem = file.file_stem().map_or_else(
        || "pecha".to_owned(),
        |stem| stem.to_string_lossy().into_owned(),
    );
    format!("{stem}-{}", &hash[..12])
}

/// Where one night's progress is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressStore {
    path: PathBuf,
}

impl ProgressStore {
    /// The progress of `night_file`, kept in `dir` under a name derived from the night file's
    /// full path (two nights never share a file; moving the night file starts afresh):
    /// `{stem}-{hash12}.progress.ron`, see [`file_key`].
    #[must_use]
    pub fn new(dir: &Path, night_file: &Path) -> Self {
        Self {
            path: dir.join(format!("{}.progress.ron", file_key(night_file))),
        }
    }

    /// The progress of `night_file` in the user's data folder ([`crate::night::user_data_dir`]).
    pub fn user(night_file: &Path) -> Result<Self, ProgressError> {
        crate::night::user_data_dir()
            .map(|dir| Self::new(&dir, night_file))
            .ok_or(ProgressError::NoDataFolder)
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved progress of a night of `item_count` items: `Ok(None)` when there is none.
    pub fn load(&self, item_count: usize) -> Result<Option<Progress>, ProgressError> {
        // Capped and only from a regular file, like every file Pecha reads: a named pipe left
        // under the progress file's name would otherwise hold the console at "opening" forever.
        let text = match crate::read::whole_text(&self.path, crate::read::TEXT_FILE_CAP) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(source) => {
                return Err(ProgressError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        let unusable = |problem: String| ProgressError::Unusable {
            path: self.path.clone(),
            problem,
        };
        let progress: Progress = ron::from_str(&text)
            .map_err(|error| unusable(crate::tr!("progress-damaged", error = error.to_string())))?;
        if progress.version > PROGRESS_VERSION {
            return Err(unusable(crate::tr!(
                "progress-newer",
                version = progress.version
            )));
        }
        if !progress.fits(item_count) {
            return Err(unusable(crate::tr!(
                "progress-other-order",
                items = progress.states.len(),
                now = item_count
            )));
        }
        Ok(Some(progress))
    }

    /// The saved progress of `night`, as [`ProgressStore::load`] reads it, refused like a damaged
    /// file when it says what cannot be: a slide the night's talks do not have, more talk time
    /// than a talk lasts, a talk where the night has a break (or the other way round), a break
    /// that began in the future or before 1970.
    pub fn load_for(&self, night: &super::Night) -> Result<Option<Progress>, ProgressError> {
        let Some(progress) = self.load(night.running_order.len())? else {
            return Ok(None);
        };
        match progress.impossibility(night) {
            Some(problem) => Err(ProgressError::Unusable {
                path: self.path.clone(),
                problem: crate::tr!("progress-impossible", problem = problem.as_str()),
            }),
            None => Ok(Some(progress)),
        }
    }

    /// Write the progress atomically (every change: a crash loses nothing).
    pub fn save(&self, progress: &Progress) -> Result<(), SaveError> {
        if let Some(dir) = self.path.parent() {
            fs::create_dir_all(dir).map_err(|source| SaveError {
                path: self.path.clone(),
                source,
            })?;
        }
        let text = ron::ser::to_string_pretty(progress, ron::ser::PrettyConfig::default())
            .map_err(|error| SaveError {
                path: self.path.clone(),
                source: io::Error::other(error.to_string()),
            })?;
        write_atomically(&self.path, text.as_bytes(), Backup::None)
    }

    /// Forget the progress (the host chose to start the night afresh).
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

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn impossible_progress_is_refused_like_a_damaged_file() {
        let night = crate::night::Night::from_ron_str(
            r#"(format: Custom(slides: 20, seconds: 4), running_order: [
                Talk(deck: "a.ron", presenter: "Әйгерім"),
                Break(minutes: 10),
            ])"#,
            Path::new("night.ron"),
        )
        .unwrap();
        let dir = tempfile::tempdir().unwrap();
        let store = ProgressStore::new(dir.path(), Path::new("night.ron"));
        let with = |stage: Stage| {
            let mut progress = Progress::new(2);
            progress.stage = stage;
            store.save(&progress).unwrap();
            store.load_for(&night)
        };
        for (stage, says) in [
            (
                Stage::Talk {
                    item: 0,
                    slide: 999_999,
                    talk_ms: 1,
                },
                "slide 999999 of a 20-slide talk",
            ),
            (
                Stage::Talk {
                    item: 0,
                    slide: 0,
                    talk_ms: 0,
                },
                "slide 0 of a 20-slide talk",
            ),
            (
                Stage::Talk {
                    item: 0,
                    slide: 3,
                    talk_ms: 81_000,
                },
                "81 s into a talk of 80 s",
            ),
            (
                Stage::Talk {
                    item: 1,
                    slide: 3,
                    talk_ms: 9_000,
                },
                "item 2, which is a break",
            ),
            (
                Stage::Break {
                    item: 1,
                    started_unix: crate::clock::unix_now() + 3600,
                },
                "began in the future",
            ),
            (
                Stage::Break {
                    item: 1,
                    started_unix: i64::MIN,
                },
                "a break that began before 1970",
            ),
        ] {
            let error = with(stage).unwrap_err().to_string();
            assert!(error.contains(says), "{stage:?}: {error}");
            assert!(error.contains("the night starts from the top"), "{error}");
        }
        let fine = Stage::Talk {
            item: 0,
            slide: 20,
            talk_ms: 79_000,
        };
        assert_eq!(with(fine).unwrap().unwrap().stage, fine);
    }

    #[cfg(unix)]
    #[test]
    fn a_named_pipe_under_the_progress_files_name_is_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let store = ProgressStore::new(dir.path(), Path::new("night.ron"));
        let made = std::process::Command::new("mkfifo")
            .arg(store.path())
            .status()
            .unwrap();
        assert!(made.success());
        // Opening a FIFO for reading waits for a writer: it must not be opened at all.
        let error = store.load(4).unwrap_err().to_string();
        assert!(error.contains("named pipe"), "{error}");
        assert!(
            error.contains(&crate::text::shown(store.path()).to_string()),
            "{error}"
        );
    }

    #[test]
    fn a_night_goes_card_talk_card_break_card_talk_end() {
        // Items: talk 0, talk 1, break 2, talk 3.
        let mut night = Progress::new(4);
        assert_eq!(night.stage, Stage::Card { item: 0 });
        night.start_talk(0);
        night.talk_at(12, 221_000);
        assert_eq!(
            night.stage,
            Stage::Talk {
                item: 0,
                slide: 12,
                talk_ms: 221_000
            }
        );
        night.finish_current();
        assert_eq!(night.stage, Stage::Card { item: 1 });
        night.start_talk(1);
        night.finish_current();
        night.start_break(2, 1_764_000_000);
        night.finish_current();
        assert_eq!(night.stage, Stage::Card { item: 3 });
        night.start_talk(3);
        night.finish_current();
        assert_eq!(night.stage, Stage::End);
        assert!(night.states.iter().all(|state| *state == ItemState::Done));
    }

    #[test]
    fn skip_reorder_and_rerun() {
        let mut night = Progress::new(4);
        // The first speaker is late: skip them, the next card goes up.
        night.skip(0);
        assert_eq!(night.stage, Stage::Card { item: 1 });
        // Move the break (position 2) to the front.
        night.move_item(2, 0);
        assert_eq!(night.order, vec![2, 0, 1, 3]);
        assert_eq!(night.stage, Stage::Card { item: 2 });
        night.start_break(2, 0);
        night.finish_current();
        assert_eq!(night.stage, Stage::Card { item: 1 });
        // The late speaker arrived: give their talk after all.
        night.rerun(0);
        assert_eq!(night.stage, Stage::Card { item: 0 });
        assert_eq!(night.next_waiting(), Some(0));
        // Out-of-range moves change nothing.
        let before = night.clone();
        night.move_item(9, 0);
        assert_eq!(night, before);
    }

    #[test]
    fn progress_survives_a_restart_and_refuses_another_running_order() {
        let dir = std::env::temp_dir().join(format!("pecha-progress-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        let store = ProgressStore::new(&dir, Path::new("nights/Шымкент.ron"));
        assert!(store.path().to_string_lossy().contains("Шымкент-"));
        assert_eq!(store.load(4).unwrap(), None);
        let mut night = Progress::new(4);
        night.finish_current();
        night.start_talk(1);
        night.talk_at(7, 130_500);
        store.save(&night).unwrap();
        assert_eq!(store.load(4).unwrap(), Some(night));
        let error = store.load(5).unwrap_err().to_string();
        assert!(
            error.contains("running order of 4 items") && error.contains("now has 5"),
            "{error}"
        );
        fs::write(store.path(), "(version: 1, order: [0, 1").unwrap();
        assert!(
            store
                .load(4)
                .unwrap_err()
                .to_string()
                .contains("is damaged")
        );
        fs::write(
            store.path(),
            "(version: 7, order: [], states: [], stage: End)",
        )
        .unwrap();
        assert!(
            store
                .load(0)
                .unwrap_err()
                .to_string()
                .contains("newer Pecha")
        );
        store.clear().unwrap();
        store.clear().unwrap();
        assert_eq!(store.load(4).unwrap(), None);
        fs::remove_dir_all(dir).unwrap();
    }
}
