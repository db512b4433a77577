//! Rehearsal history: every finished rehearsal run of a deck, kept in the user's data folder so
//! the presenter sees their progress across days.
//!
//! # What a history belongs to
//!
//! A history is keyed by the deck's *content*, not its name or place: a hash of every slide
//! file's bytes in show order (with the page for PDF slides), and the format (slide count and
//! slide length). So renaming or moving the deck, editing its notes, title or presenter keeps
//! the history; replacing, reordering, adding or removing a slide picture, or rehearsing in
//! another format, starts another one (the old one stays and comes back with the old slides).
//!
//! # Never losing a run
//!
//! Files are written atomically ([`crate::save`]). A history file that cannot be parsed, or that a
//! newer Pecha wrote, is moved aside (not deleted) with a warning naming both files, and a fresh
//! history starts.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::deck::Deck;
use crate::rehearsal::Outcome;
use crate::save::{Backup, SaveError, write_atomically};
use crate::timing::Timing;
use crate::tr;

/// The history file format this Pecha writes; files with a higher version are set aside.
pub const HISTORY_VERSION: u32 = 1;

/// Runs kept per deck; the oldest are dropped beyond this (years of daily rehearsal).
pub const RUNS_KEPT: usize = 500;

/// One finished run through the talk.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RunRecord {
    /// When it finished, seconds since the Unix epoch.
    pub finished_at: i64,
    /// One per slide, in order; `None` for a slide the run jumped over.
    pub outcomes: Vec<Option<Outcome>>,
}

/// All runs of one deck in one format.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct History {
    /// [`HISTORY_VERSION`] when written.
    pub version: u32,
    /// The deck's title when last saved, for people reading the file.
    pub title: String,
    /// Slides per run.
    pub slide_count: usize,
    /// Each slide's time, in milliseconds.
    pub slide_ms: u64,
    /// Oldest first.
    pub runs: Vec<RunRecord>,
}

impl History {
    /// An empty history for a deck with this title and timing.
    #[must_use]
    pub fn new(title: &str, timing: Timing) -> Self {
        Self {
            version: HISTORY_VERSION,
            title: title.to_owned(),
            slide_count: timing.slide_count,
            slide_ms: u64::try_from(timing.slide_length.as_millis()).unwrap_or(u64::MAX),
            runs: Vec::new(),
        }
    }

    /// Add a finished run, dropping the oldest beyond [`RUNS_KEPT`].
    pub fn push(&mut self, run: RunRecord) {
        self.runs.push(run);
        let excess = self.runs.len().saturating_sub(RUNS_KEPT);
        self.runs.drain(..excess);
    }

    /// The runs' outcomes, oldest first.
    #[must_use]
    pub fn outcomes(&self) -> Vec<Vec<Option<Outcome>>> {
        self.runs.iter().map(|run| run.outcomes.clone()).collect()
    }

    /// Each slide's time.
    #[must_use]
    pub fn slide_length(&self) -> Duration {
        Duration::from_millis(self.slide_ms)
    }
}

/// How many of the latest runs the averages and trends look at.
pub const RUNS_COMPARED: usize = 5;

impl History {
    /// The record as `pecha history` prints it: one row per slide with the latest outcome, the
    /// average of the last [`RUNS_COMPARED`] runs, how often it ran over and the trend.
    #[must_use]
    pub fn to_text(&self, format_label: &str) -> String {
        use std::fmt::Write as _;
        let mut text = String::new();
        let Some(latest) = self.runs.last() else {
            return tr!(
                "history-none",
                title = self.title.as_str(),
                format = format_label
            ) + "\n";
        };
        let _ = writeln!(
            text,
            "{}",
            tr!(
                "history-title",
                title = self.title.as_str(),
                format = format_label,
                runs = self.runs.len(),
                latest = local_time(latest.finished_at)
            )
        );
        let compared = self.runs.len().min(RUNS_COMPARED);
        // Columns padded by characters, so Cyrillic headings line up as Latin ones do.
        let _ = writeln!(
            text,
            "\n{:<5}  {:<14}  {:>13}  {:>4}  {:>5}",
            tr!("history-slide"),
            tr!("history-latest"),
            tr!("history-average", runs = compared),
            tr!("history-over"),
            tr!("history-trend")
        );
        let trends = crate::rehearsal::trends(&self.outcomes(), self.slide_count, RUNS_COMPARED);
        for (index, trend) in trends.iter().enumerate() {
            let latest = trend
                .latest
                .map_or_else(|| "—".to_owned(), crate::rehearsal::Outcome::describe);
            let average = trend.average.map_or_else(
                || "—".to_owned(),
                |seconds| {
                    let seconds = crate::rehearsal::cautious_tenths(seconds);
                    let sign = if seconds < 0.0 { '-' } else { '+' };
                    tr!(
                        "history-seconds",
                        seconds = format!("{sign}{}", crate::i18n::decimal(seconds.abs(), 1))
                    )
                },
            );
            let _ = writeln!(
                text,
                "{:>5}  {latest:<14}  {average:>13}  {:>4}  {:>5}",
                index + 1,
                format!("{}/{}", trend.times_over, trend.runs),
                trend.direction.arrow()
            );
        }
        let summary = crate::rehearsal::summarize(&latest.outcomes);
        let _ = writeln!(
            text,
            "\n{}",
            tr!(
                "history-latest-run",
                over = summary.slides_over,
                spare =
                    crate::i18n::decimal(crate::rehearsal::cautious_tenths(summary.total_slack), 1)
            )
        );
        let _ = writeln!(text, "{}", tr!("history-legend"));
        text
    }
}

/// A Unix time as local `YYYY-MM-DD HH:MM`.
#[must_use]
pub fn local_time(unix_seconds: i64) -> String {
    chrono::DateTime::from_timestamp(unix_seconds, 0).map_or_else(
        || tr!("history-unknown-time"),
        |time| {
            // Each language's own way of writing a date: 2025-03-14 in English, 14.03.2025 in
            // Russian and Kazakh.
            let pattern = match crate::i18n::language() {
                crate::i18n::Language::En => "%Y-%m-%d %H:%M",
                crate::i18n::Language::Ru | crate::i18n::Language::Kk => "%d.%m.%Y %H:%M",
            };
            time.with_timezone(&chrono::Local)
                .format(pattern)
                .to_string()
        },
    )
}

/// Why a history could not be found or read.
#[derive(Debug, thiserror::Error)]
pub enum HistoryError {
    /// A slide file could not be read to compute the deck's key.
    #[error("{}", crate::tr!("history-slide-read", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Slide {
        /// The slide file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The history file exists but could not be read.
    #[error("{}", crate::tr!("history-read", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Read {
        /// The history file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The history file is not one this Pecha understands.
    #[error("{}", crate::tr!("history-unusable", file = crate::text::shown(path).to_string(), problem = problem.to_string()))]
    Unusable {
        /// The history file.
        path: PathBuf,
        /// `is damaged (3:5: ...)` or `was written by a newer Pecha (version 2)`, in every
        /// language (it is met on the file thread).
        problem: crate::i18n::Words,
    },
    /// The user's data folder is unknown (no home directory).
    #[error("{}", crate::tr!("history-no-data-folder"))]
    NoDataFolder,
}

/// The content key of `deck` rehearsed in `timing`: 32 hex digits. Reads every slide file once
/// (a PDF shared by all slides is read once), so call it off the UI thread.
pub fn deck_key(deck: &Deck, timing: Timing) -> Result<String, HistoryError> {
    let mut file_hashes: HashMap<&Path, blake3::Hash> = HashMap::new();
    let mut key = blake3::Hasher::new();
    key.update(b"pecha rehearsal history v1\n");
    key.update(&(timing.slide_count as u64).to_le_bytes());
    key.update(
        &u64::try_from(timing.slide_length.as_millis())
            .unwrap_or(u64::MAX)
            .to_le_bytes(),
    );
    for slide in &deck.slides {
        let hash = if let Some(hash) = file_hashes.get(slide.image.as_path()) {
            *hash
        } else {
            let mut content_hasher = blake3::Hasher::new();
            if fs::metadata(&slide.image).is_ok_and(|metadata| !metadata.is_file()) {
                // A named pipe or a device would block the hashing, or never end.
                return Err(HistoryError::Slide {
                    path: slide.image.clone(),
                    source: std::io::Error::new(
                        std::io::ErrorKind::InvalidInput,
                        crate::read::Refusal::NotAFile(crate::read::NotAFile::Other),
                    ),
                });
            }
            let file = fs::File::open(&slide.image).map_err(|source| HistoryError::Slide {
                path: slide.image.clone(),
                source,
            })?;
            content_hasher
                .update_reader(file)
                .map_err(|source| HistoryError::Slide {
                    path: slide.image.clone(),
                    source,
                })?;
            let hash = content_hasher.finalize();
            file_hashes.insert(&slide.image, hash);
            hash
        };
        key.update(hash.as_bytes());
        key.update(&(slide.page.unwrap_or(0) as u64).to_le_bytes());
    }
    Ok(key.finalize().to_hex()[..32].to_owned())
}

/// A history as loaded, and what the user must be told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The history (fresh when there was none or it was unusable).
    pub history: History,
    /// Where it lives.
    pub path: PathBuf,
    /// Set when an unusable file was moved aside.
    pub warning: Option<crate::i18n::Words>,
}

/// The folder that holds one history file per deck key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryStore {
    dir: PathBuf,
}

impl HistoryStore {
    /// A store in `dir` (created on the first save).
    #[must_use]
    pub fn new(dir: PathBuf) -> Self {
        Self { dir }
    }

    /// The user's store: `$XDG_DATA_HOME/pecha/history` (`~/.local/share/pecha/history`) on
    /// Linux, the platform's data folder elsewhere.
    pub fn user() -> Result<Self, HistoryError> {
        directories::ProjectDirs::from("", "", "pecha")
            .map(|dirs| Self::new(dirs.data_dir().join("history")))
            .ok_or(HistoryError::NoDataFolder)
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The history file of a deck key.
    #[must_use]
    pub fn path_for(&self, key: &str) -> PathBuf {
        self.dir.join(format!("{key}.ron"))
    }

    /// Read a history without changing anything: `Ok(None)` when there is none yet.
    pub fn read(&self, key: &str) -> Result<Option<History>, HistoryError> {
        let path = self.path_for(key);
        let text = match crate::read::whole_text(&path, crate::read::TEXT_FILE_CAP) {
            Ok(text) => text,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) if error.kind() == io::ErrorKind::InvalidData => {
                return Err(HistoryError::Unusable {
                    path,
                    problem: crate::i18n::Words::of(|| tr!("history-not-utf8")),
                });
            }
            Err(source) => return Err(HistoryError::Read { path, source }),
        };
        parse(&text)
            .map(Some)
            .map_err(|problem| HistoryError::Unusable { path, problem })
    }

    /// Load a history for the app: a missing one starts fresh; an unusable one is moved aside
    /// to `KEY.unusable-YYYY-MM-DD-HHMMSS.ron`, with a warning, and a fresh one starts.
    pub fn load(&self, key: &str, fresh: History) -> Result<Loaded, HistoryError> {
        let path = self.path_for(key);
        match self.read(key) {
            Ok(Some(history)) => Ok(Loaded {
                history,
                path,
                warning: None,
            }),
            Ok(None) => Ok(Loaded {
                history: fresh,
                path,
                warning: None,
            }),
            Err(HistoryError::Unusable { problem, .. }) => {
                // Local time a person can read in a file manager, to the second.
                let stamp = crate::clock::local_now().format("%Y-%m-%d-%H%M%S");
                let aside = self.dir.join(format!("{key}.unusable-{stamp}.ron"));
                fs::rename(&path, &aside).map_err(|source| HistoryError::Read {
                    path: path.clone(),
                    source,
                })?;
                Ok(Loaded {
                    history: fresh,
                    // Read on the file thread, shown later: worded in every language.
                    warning: Some(crate::i18n::Words::of(|| {
                        tr!(
                            "history-moved-aside",
                            file = crate::text::shown(&path).to_string(),
                            problem = problem.to_string(),
                            aside = crate::text::shown(&aside).to_string()
                        )
                    })),
                    path,
                })
            }
            Err(error) => Err(error),
        }
    }

    /// Write a history atomically, creating the folder if needed.
    pub fn save(&self, key: &str, history: &History) -> Result<(), SaveError> {
        let path = self.path_for(key);
        fs::create_dir_all(&self.dir).map_err(|source| SaveError {
            path: path.clone(),
            source,
        })?;
        let text = ron::ser::to_string_pretty(
            history,
            ron::ser::PrettyConfig::default().escape_strings(false),
        )
        .map_err(|error| SaveError {
            path: path.clone(),
            source: io::Error::other(error.to_string()),
        })?;
        write_atomically(&path, text.as_bytes(), Backup::None)
    }
}

/// Parse a history file, refusing files from a newer Pecha before trying to read their runs.
fn parse(text: &str) -> Result<History, crate::i18n::Words> {
    #[derive(Deserialize)]
    struct VersionOnly {
        version: u32,
    }
    let damaged = |error: ron::error::SpannedError| {
        crate::i18n::Words::of(|| tr!("history-damaged", error = error.to_string()))
    };
    let version = ron::from_str::<VersionOnly>(text).map_err(damaged)?.version;
    if version > HISTORY_VERSION {
        return Err(crate::i18n::Words::of(|| {
            tr!("history-newer", version = version, reads = HISTORY_VERSION)
        }));
    }
    let history: History = ron::from_str(text).map_err(damaged)?;
    // No format has more slides, and the report has a row for each: billions of them would be
    // an allocation that fails (or takes all the memory) rather than a report.
    let most = crate::deck::MAX_SLIDES as usize;
    if history.slide_count > most {
        let slides = history.slide_count;
        return Err(crate::i18n::Words::of(|| {
            tr!(
                "history-too-many-slides",
                slides = slides.to_string(),
                most = most
            )
        }));
    }
    Ok(history)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_future_version_is_refused_before_its_runs_are_read() {
        let problem = parse("(version: 9, runs: \"something new\")")
            .unwrap_err()
            .to_string();
        assert!(
            problem.contains("newer Pecha") && problem.contains('9'),
            "{problem}"
        );
        let problem = parse("(version: 1, title: ").unwrap_err().to_string();
        assert!(problem.starts_with("is damaged"), "{problem}");
    }

    #[test]
    fn a_slide_count_no_format_has_is_damage_not_a_report_of_billions_of_rows() {
        // Found by fuzz/history: `to_text` made a row per slide, and this count overflowed
        // the capacity of the rows' Vec (a smaller huge one took all the memory).
        let text = "(version: 1, title: \"Арыки\", slide_count: 6430967150697920767, slide_ms: 20000, runs: [(finished_at: 1764000000, outcomes: [Some(Slack(1200)), None])])";
        let problem = parse(text).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "is damaged (it says 6430967150697920767 slides a run; a talk has at most 100)"
        );
        let most = parse(&text.replace("6430967150697920767", "100")).unwrap();
        // A row per slide, and the 6 lines around them.
        assert_eq!(
            most.to_text("a custom format (100 x 20 s)").lines().count(),
            106
        );
    }

    #[test]
    fn history_keeps_the_newest_runs() {
        let mut history = History::new("t", Timing::PECHA_KUCHA);
        for at in 0..(i64::try_from(RUNS_KEPT).unwrap() + 3) {
            history.push(RunRecord {
                finished_at: at,
                outcomes: vec![],
            });
        }
        assert_eq!(history.runs.len(), RUNS_KEPT);
        assert_eq!(history.runs[0].finished_at, 3);
    }
}
