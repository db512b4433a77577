//! The night log: what really happened while a host ran a PechaKucha Night, written as the night
//! goes on and printed by `pecha log night.ron`.
//!
//! [`super::progress`] only knows where the night *is*, and overwrites itself on every change.
//! Organisers also want to know afterwards what the evening was: when each talk actually started
//! and ended, how long it stood paused, whether the break was cut short, and every time the host
//! stepped in (skip, run again, reorder, blackout, resume after a crash). The app appends one
//! [`Entry`] per such moment to the night's [`NightLog`]; nothing here is egui, and nothing here
//! decides what to log: the app does.
//!
//! # The file
//!
//! One entry per line, as single-line RON, appended, flushed and synced to disk before
//! [`NightLog::append`] returns, so a crash loses at most the line being written. It sits beside
//! the night's progress in [`super::user_data_dir`], as `{key}.log` where `{key}` is
//! [`super::progress::file_key`]:
//!
//! ```text
//! (unix_ms:1764262800000,event:NightOpened)
//! (unix_ms:1764262805000,event:TalkStarted(item:0,presenter:"Әйгерім Құрманғалиқызы"))
//! ```
//!
//! A damaged line (half-written at a crash, edited by hand, from a newer Pecha) is reported and
//! skipped by [`NightLog::read`]; the other lines are still read. After a half-written line the
//! next append starts on a fresh line, so one crash never damages two entries.
//!
//! What `pecha log` prints from the entries is [`report`]'s ([`to_text`]).

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// One thing that happened, as written to the log. `item` is always the 0-based index of the
/// talk or break in the night file's running order (not in the order the host rearranged).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// The console opened the night afresh.
    NightOpened,
    /// The console opened the night again after a crash or a restart, at `at`
    /// (e.g. `card of talk 3`, `talk 3, slide 7`).
    Resumed {
        /// Where the night resumed, in words.
        at: String,
    },
    /// Talk `item` began (slide 1 on the projector).
    TalkStarted {
        /// The item, 0-based in the night file.
        item: usize,
        /// Who spoke, as the night file said at the time.
        presenter: String,
    },
    /// Talk `item` finished, or was stopped.
    TalkEnded {
        /// The item, 0-based in the night file.
        item: usize,
        /// Who spoke, as the night file said at the time.
        presenter: String,
        /// How long the slides ran, pauses excluded, in milliseconds.
        talk_ms: u64,
        /// How long the talk stood paused, in milliseconds.
        paused_ms: u64,
    },
    /// Break `item` began.
    BreakStarted {
        /// The item, 0-based in the night file.
        item: usize,
    },
    /// Break `item` ended; `early` when the host ended it before its time.
    BreakEnded {
        /// The item, 0-based in the night file.
        item: usize,
        /// Whether the host cut it short.
        early: bool,
    },
    /// The host stepped in: `paused on slide 7`, `resumed`, `skipped`, `moved to 4th`,
    /// `run again`, `blackout on`... `item` is the talk or break concerned, if any.
    Intervention {
        /// The item, 0-based in the night file, when the intervention concerns one.
        item: Option<usize>,
        /// What the host did, in words.
        what: String,
    },
    /// The host skipped `item`: left it out before it began, or stopped it under way (its
    /// `TalkEnded` or `BreakEnded` comes first). A skipped talk is not counted as given, as the
    /// console does not count it.
    Skipped {
        /// The item, 0-based in the night file.
        item: usize,
    },
    /// Every item is done or skipped.
    NightEnded,
    /// The running order from now on, as the console numbers it: items (0-based in the night
    /// file) in the order they are given. Logged when the night opens or resumes and after each
    /// move, so that the log numbers talks as the console did at the time.
    RunningOrder {
        /// The items, in running order.
        order: Vec<usize>,
    },
}

/// One line of the log: when, and what.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// When it happened, milliseconds since the Unix epoch (wall clock).
    pub unix_ms: i64,
    /// What happened.
    pub event: Event,
}

impl Entry {
    /// `event`, happening now by the wall clock.
    #[must_use]
    pub fn now(event: Event) -> Self {
        Self {
            unix_ms: crate::clock::unix_now_ms(),
            event,
        }
    }

    /// The entry as one line of RON, without the line break. Non-ASCII text (Cyrillic names)
    /// stays readable; line breaks inside strings are escaped.
    pub fn to_line(&self) -> Result<String, ron::Error> {
        ron::to_string(self)
    }

    /// Parse one line of the log; the error says what is wrong with it.
    pub fn from_line(line: &str) -> Result<Self, String> {
        ron::from_str(line).map_err(|error| error.to_string())
    }
}

/// Why the log could not be written or read. Messages name the file.
#[derive(Debug, thiserror::Error)]
pub enum LogError {
    /// Appending failed (folder not writable, disk full...).
    #[error("{}", crate::tr!("log-write", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Write {
        /// The log file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The log exists but could not be read.
    #[error("{}", crate::tr!("log-read", file = crate::text::shown(path).to_string(), error = source.to_string()))]
    Read {
        /// The log file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
    /// The user's data folder is unknown (no home directory).
    #[error("{}", crate::tr!("log-no-data-folder"))]
    NoDataFolder,
}

/// The log file of one night.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NightLog {
    path: PathBuf,
}

impl NightLog {
    /// The log of `night_file`, kept in `dir` next to its progress file, under the same name
    /// with `.log`: `{stem}-{hash12}.log` ([`super::progress::file_key`]).
    #[must_use]
    pub fn new(dir: &Path, night_file: &Path) -> Self {
        Self {
            path: dir.join(format!("{}.log", super::progress::file_key(night_file))),
        }
    }

    /// The log of `night_file` in the user's data folder ([`super::user_data_dir`]), where the
    /// app writes it and `pecha log` reads it.
    pub fn user(night_file: &Path) -> Result<Self, LogError> {
        super::user_data_dir()
            .map(|dir| Self::new(&dir, night_file))
            .ok_or(LogError::NoDataFolder)
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Append one entry as one line, creating the folder and the file as needed. The line is
    /// written with one call and synced to disk before this returns. If the file ends in a
    /// half-written line (a crash), the entry starts on a new line.
    pub fn append(&self, entry: &Entry) -> Result<(), LogError> {
        let failed = |source: io::Error| LogError::Write {
            path: self.path.clone(),
            source,
        };
        let line = entry
            .to_line()
            .map_err(|error| failed(io::Error::other(error.to_string())))?;
        let dir = self.path.parent().filter(|dir| !dir.as_os_str().is_empty());
        if let Some(dir) = dir {
            fs::create_dir_all(dir).map_err(failed)?;
        }
        let created = !self.path.exists();
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(&self.path)
            .map_err(failed)?;
        let mut text = String::with_capacity(line.len() + 2);
        if file.metadata().map_err(failed)?.len() > 0 {
            let mut last = [0_u8; 1];
            file.seek(SeekFrom::End(-1)).map_err(failed)?;
            file.read_exact(&mut last).map_err(failed)?;
            if last[0] != b'\n' {
                text.push('\n');
            }
        }
        text.push_str(&line);
        text.push('\n');
        file.write_all(text.as_bytes()).map_err(failed)?;
        file.sync_data().map_err(failed)?;
        if created && let Some(dir) = dir {
            // Make the new file's name durable too. Best effort: some file systems cannot sync
            // a folder, and the entry itself is already on disk.
            let _ = File::open(dir).and_then(|dir| dir.sync_all());
        }
        Ok(())
    }

    /// Every entry that can be read, in file order, and one problem per line that cannot
    /// (`line 7 is damaged (...); skipped`). No file yet: no entries, no problems.
    pub fn read(&self) -> Result<(Vec<Entry>, Vec<String>), LogError> {
        let bytes = match crate::read::whole_file(&self.path, crate::read::TEXT_FILE_CAP) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => {
                return Ok((Vec::new(), Vec::new()));
            }
            Err(source) => {
                return Err(LogError::Read {
                    path: self.path.clone(),
                    source,
                });
            }
        };
        Ok(parse_lines(&bytes))
    }
}

/// Entries and per-line problems from the bytes of a log file.
fn parse_lines(bytes: &[u8]) -> (Vec<Entry>, Vec<String>) {
    let mut entries = Vec::new();
    let mut problems = Vec::new();
    for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
        let number = index + 1;
        let Ok(line) = std::str::from_utf8(line) else {
            problems.push(format!(
                "line {number} is damaged (not UTF-8 text); skipped"
            ));
            continue;
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match Entry::from_line(line) {
            Ok(entry) => entries.push(entry),
            Err(error) => problems.push(format!("line {number} is damaged ({error}); skipped")),
        }
    }
    (entries, problems)
}

mod report;
pub use report::{Runs, runs_of, to_text};

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::report::tests::{SEVEN_PM, evening};
    use super::*;

    #[test]
    fn entries_are_single_readable_lines_and_read_back() {
        let entry = Entry {
            unix_ms: SEVEN_PM,
            event: Event::Intervention {
                item: Some(3),
                what: "said \"ой\"\nand paused".into(),
            },
        };
        let line = entry.to_line().unwrap();
        assert!(!line.contains('\n'), "{line}");
        assert!(line.contains("ой"), "Cyrillic stays readable: {line}");
        assert_eq!(Entry::from_line(&line).unwrap(), entry);
        for entry in evening() {
            assert_eq!(Entry::from_line(&entry.to_line().unwrap()).unwrap(), entry);
        }
    }

    #[test]
    fn the_log_appends_and_reads_back_and_survives_a_half_written_line() {
        let dir = tempfile::TempDir::new().unwrap();
        let log = NightLog::new(&dir.path().join("nights"), Path::new("nights/Шымкент.ron"));
        let name = log.path().file_name().unwrap().to_string_lossy();
        assert!(
            name.starts_with("Шымкент-") && name.ends_with(".log"),
            "{name}"
        );
        let progress = super::super::progress::ProgressStore::new(
            &dir.path().join("nights"),
            Path::new("nights/Шымкент.ron"),
        );
        assert_eq!(
            progress
                .path()
                .to_string_lossy()
                .replace(".progress.ron", ".log"),
            log.path().to_string_lossy(),
            "the log sits beside the progress"
        );
        assert_eq!(log.read().unwrap(), (vec![], vec![]));
        let entries = evening();
        for entry in &entries[..3] {
            log.append(entry).unwrap();
        }
        // A crash in the middle of a line, then the app goes on.
        let mut file = OpenOptions::new().append(true).open(log.path()).unwrap();
        file.write_all(b"(unix_ms:17642700, event: TalkEnd")
            .unwrap();
        drop(file);
        for entry in &entries[3..] {
            log.append(entry).unwrap();
        }
        let (read, problems) = log.read().unwrap();
        assert_eq!(read, entries);
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(problems[0].starts_with("line 4 is damaged"), "{problems:?}");
        // Bytes that are not UTF-8 are one more damaged line, nothing else.
        let (read, problems) = parse_lines(b"\xff\xfe\n(unix_ms: 5, event: NightEnded)\n\n");
        assert_eq!(
            read,
            vec![Entry {
                unix_ms: 5,
                event: Event::NightEnded
            }]
        );
        assert_eq!(
            problems,
            vec!["line 1 is damaged (not UTF-8 text); skipped"]
        );
    }
}
