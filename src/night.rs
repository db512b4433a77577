//! A PechaKucha Night: one file that holds the whole evening's running order.
//!
//! Hosts today build one giant master deck the night before, or press a key every 20 seconds by
//! hand. A night file names each talk's deck (a RON deck, a folder of images, a PDF or a
//! PowerPoint or Impress file, anywhere, relative to the night file), the presenter and a line of
//! bio for the title card, and the breaks with their length, message and music. [`Night::load`] reads it without opening the
//! decks, so a night with a missing deck still loads: [`crate::check::check_night`] reports
//! that talk as not ready and the others as ready. [`progress`] is where a running night is, kept
//! on disk so a crash loses nothing; [`log`] is what happened during it (when each talk really
//! started and ended, breaks, pauses, the host's interventions), for `pecha log`. Both live in
//! [`user_data_dir`], named after the night file ([`progress::file_key`]), beside the
//! [`lock`] that keeps a second Pecha from opening the same night.
//!
//! ```ron
//! (
//!     title: "PechaKucha Night Шымкент, vol. 3",
//!     format: PechaKucha,
//!     running_order: [
//!         Talk(deck: "talks/aigerim/", presenter: "Әйгерім Құрманғалиқызы", bio: "архитектор"),
//!         Break(minutes: 15, message: "Үзіліс · Перерыв", music: ["music/dombra.ogg"]),
//!         Talk(deck: "talks/tokhtar.pdf", presenter: "Тохтар Алимбеков", title: "Арыки"),
//!     ],
//! )
//! ```

pub mod lock;
pub mod log;
pub mod progress;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::Deserialize;

use crate::deck::{Deck, DeckError, Format};

/// Where a night's progress and log are kept: `$XDG_DATA_HOME/pecha/nights` (usually
/// `~/.local/share/pecha/nights`) on Linux, the platform's data folder elsewhere. `None` when the
/// user has no home folder.
#[must_use]
pub fn user_data_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "pecha").map(|dirs| dirs.data_dir().join("nights"))
}

/// One item of the running order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A talk.
    Talk(Talk),
    /// A break.
    Break(Break),
}

/// A talk in the running order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Talk {
    /// The deck: a RON file, a folder of images or a PDF, resolved against the night file's
    /// folder.
    pub deck: PathBuf,
    /// Who speaks (for the card and the running order).
    pub presenter: String,
    /// One line about them, for the card; may be empty.
    pub bio: String,
    /// The title for the card; empty means the deck's own title.
    pub title: String,
}

/// A break in the running order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Break {
    /// How long it lasts.
    pub length: Duration,
    /// What the break card says.
    pub message: String,
    /// Music played during the break, in order, resolved against the night file's folder.
    pub music: Vec<PathBuf>,
}

/// A whole night.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Night {
    /// The night's name, for the cards and the console.
    pub title: String,
    /// The format every talk is shown in.
    pub format: Format,
    /// Talks and breaks, in order.
    pub running_order: Vec<Item>,
    /// The night file.
    pub source: PathBuf,
}

#[derive(Deserialize)]
#[serde(rename = "Night", deny_unknown_fields)]
struct RawNight {
    #[serde(default)]
    title: String,
    #[serde(default)]
    format: Format,
    running_order: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
enum RawItem {
    Talk {
        deck: String,
        presenter: String,
        #[serde(default)]
        bio: String,
        #[serde(default)]
        title: String,
    },
    Break {
        minutes: u32,
        #[serde(default)]
        message: String,
        #[serde(default)]
        music: Vec<String>,
    },
}

/// Why a night file could not be loaded. Messages name the file (and for RON, line and column).
#[derive(Debug, thiserror::Error)]
pub enum NightError {
    /// The file could not be read.
    #[error("{}: {}", crate::text::shown(path), crate::deck::io_reason(cause))]
    Io {
        /// The night file.
        path: PathBuf,
        /// What the OS said, already in the message in words (so not an error `source`).
        cause: std::io::Error,
    },
    /// The file is not a valid night.
    #[error("{}:{line}:{column}: {message}", crate::text::shown(path))]
    Syntax {
        /// The night file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What is wrong (ron's own words).
        message: String,
    },
    /// The running order makes no sense (empty, a break of zero minutes...).
    #[error("{}: {message}", crate::text::shown(path))]
    Contents {
        /// The night file.
        path: PathBuf,
        /// What is wrong, and what to write instead, in every language.
        message: crate::i18n::Words,
    },
}

impl Night {
    /// Whether RON `text` is a night file rather than a deck: it names a `running_order` field
    /// (outside strings and comments). Decided from the words, not by parsing, so a night with a
    /// typo in it is still a night, and its error is reported as a night's, at its line.
    #[must_use]
    pub fn looks_like_night(text: &str) -> bool {
        crate::text::field_position(text, "running_order").is_some()
    }

    /// Read a night file. The decks are not opened: see [`Night::load_deck`].
    pub fn load(path: &Path) -> Result<Self, NightError> {
        let text = crate::read::whole_text(path, crate::read::TEXT_FILE_CAP).map_err(|cause| {
            NightError::Io {
                path: path.to_path_buf(),
                cause,
            }
        })?;
        Self::from_ron_str(&text, path)
    }

    /// Parse a night from RON text; `source` names it in errors and is what paths are relative
    /// to.
    pub fn from_ron_str(text: &str, source: &Path) -> Result<Self, NightError> {
        let text = text
            .strip_prefix('\u{feff}')
            .unwrap_or(text)
            .replace("\r\n", "\n");
        let raw: RawNight = ron::from_str(&text).map_err(|error| NightError::Syntax {
            path: source.to_path_buf(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })?;
        let contents = |message: crate::i18n::Words| NightError::Contents {
            path: source.to_path_buf(),
            message,
        };
        let base = source.parent().unwrap_or(Path::new(""));
        let mut running_order = Vec::with_capacity(raw.running_order.len());
        for (index, item) in raw.running_order.into_iter().enumerate() {
            running_order.push(match item {
                RawItem::Talk {
                    deck,
                    presenter,
                    bio,
                    title,
                } => {
                    if deck.trim().is_empty() {
                        return Err(contents(crate::i18n::Words::of(|| {
                            crate::tr!("night-talk-without-deck", item = (index + 1))
                        })));
                    }
                    Item::Talk(Talk {
                        deck: base.join(deck),
                        presenter,
                        bio,
                        title,
                    })
                }
                RawItem::Break {
                    minutes,
                    message,
                    music,
                } => {
                    if minutes == 0 {
                        return Err(contents(crate::i18n::Words::of(|| {
                            crate::tr!("night-zero-break", item = (index + 1))
                        })));
                    }
                    Item::Break(Break {
                        length: Duration::from_secs(u64::from(minutes) * 60),
                        message,
                        music: music.into_iter().map(|file| base.join(file)).collect(),
                    })
                }
            });
        }
        if !running_order
            .iter()
            .any(|item| matches!(item, Item::Talk(_)))
        {
            return Err(contents(crate::i18n::Words::of(|| {
                crate::tr!("night-no-talk")
            })));
        }
        let title = if raw.title.trim().is_empty() {
            source
                .file_stem()
                .map_or_else(String::new, |stem| stem.to_string_lossy().into_owned())
        } else {
            raw.title
        };
        Ok(Self {
            title,
            format: raw.format,
            running_order,
            source: source.to_path_buf(),
        })
    }

    /// The talks, in order.
    pub fn talks(&self) -> impl Iterator<Item = &Talk> {
        self.running_order.iter().filter_map(|item| match item {
            Item::Talk(talk) => Some(talk),
            Item::Break(_) => None,
        })
    }

    /// Load a talk's deck, in the night's format.
    pub fn load_deck(&self, talk: &Talk) -> Result<Deck, DeckError> {
        self.load_deck_with(talk, &crate::convert::Converter::from_env(), &|_| {})
    }

    /// [`Night::load_deck`], converting a PowerPoint or Impress deck with `converter` and
    /// telling `watch` about a conversion under way.
    pub fn load_deck_with(
        &self,
        talk: &Talk,
        converter: &crate::convert::Converter,
        watch: &dyn Fn(crate::convert::Progress),
    ) -> Result<Deck, DeckError> {
        let mut deck = Deck::load_with(&talk.deck, converter, watch)?;
        deck.format = self.format;
        if deck.presenter.is_empty() {
            deck.presenter.clone_from(&talk.presenter);
        }
        if !talk.title.is_empty() {
            deck.title.clone_from(&talk.title);
        }
        Ok(deck)
    }

    /// The night's length without the host's words between talks: every talk's format length
    /// plus every break.
    #[must_use]
    pub fn length(&self) -> Duration {
        self.running_order
            .iter()
            .map(|item| match item {
                Item::Talk(_) => self.format.total(),
                Item::Break(pause) => pause.length,
            })
            .fold(Duration::ZERO, Duration::saturating_add)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    const NIGHT: &str = r#"(
        title: "PechaKucha Night Шымкент",
        running_order: [
            Talk(deck: "a/deck.ron", presenter: "Әйгерім", bio: "архитектор"),
            Break(minutes: 15, message: "Үзіліс", music: ["music/dombra.ogg"]),
            Talk(deck: "b.pdf", presenter: "Тохтар", title: "Арыки"),
        ],
    )"#;

    #[test]
    fn a_night_reads_talks_and_breaks_relative_to_its_file() {
        let night = Night::from_ron_str(NIGHT, Path::new("nights/march/night.ron")).unwrap();
        assert_eq!(night.title, "PechaKucha Night Шымкент");
        assert_eq!(night.format, Format::PechaKucha);
        assert_eq!(night.running_order.len(), 3);
        let talks: Vec<&Talk> = night.talks().collect();
        assert_eq!(talks[0].deck, Path::new("nights/march/a/deck.ron"));
        assert_eq!(talks[1].title, "Арыки");
        let Item::Break(pause) = &night.running_order[1] else {
            panic!("a break")
        };
        assert_eq!(pause.length, Duration::from_mins(15));
        assert_eq!(
            pause.music,
            vec![PathBuf::from("nights/march/music/dombra.ogg")]
        );
        // Two talks of 6:40 and a 15-minute break.
        assert_eq!(night.length(), Duration::from_secs(2 * 400 + 900));
    }

    #[test]
    fn nights_and_decks_tell_themselves_apart() {
        assert!(Night::looks_like_night(NIGHT));
        assert!(!Night::looks_like_night(
            r#"(title: "t", slides: [(image: "01.jpg")])"#
        ));
        assert!(!Night::looks_like_night("not ron at all"));
        // As Windows editors save it.
        assert!(Night::looks_like_night(&format!(
            "\u{feff}{}",
            NIGHT.replace('\n', "\r\n")
        )));
        // A typo does not make a night a deck: the words decide, not the parse.
        assert!(Night::looks_like_night(
            "(title: \"t\" running_order: [Talk(deck: \"a\", presenter: \"x\")])"
        ));
        assert!(Night::looks_like_night("(running_order : ["));
        // The words in a deck's notes, a comment or a raw string are not a field.
        for deck in [
            r#"(title: "t", slides: [(image: "01.jpg", notes: "running_order: soon")])"#,
            "// running_order: is for nights\n(title: \"t\", slides: [])",
            "/* running_order: */ (title: \"t\", slides: [])",
            "(title: r#\"running_order: \"quoted\"\"#, slides: [])",
            r#"(title: "say \"running_order: x\"", slides: [])"#,
            "(my_running_order: 1, running_orders: 2)",
        ] {
            assert!(!Night::looks_like_night(deck), "{deck}");
        }
    }

    #[test]
    fn mistakes_are_named_with_their_place() {
        let error = Night::from_ron_str(
            "(running_order: [Talk(deck: \"a\", presenter: \"x\", colour: 1)])",
            Path::new("night.ron"),
        )
        .unwrap_err()
        .to_string();
        assert!(error.starts_with("night.ron:1:"), "{error}");
        assert!(error.contains("colour"), "{error}");
        let error = Night::from_ron_str(
            "(running_order: [Break(minutes: 0)])",
            Path::new("night.ron"),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("item 1: a break of 0 minutes"), "{error}");
        let error = Night::from_ron_str(
            "(running_order: [Break(minutes: 5)])",
            Path::new("night.ron"),
        )
        .unwrap_err()
        .to_string();
        assert!(error.contains("no talk"), "{error}");
    }
}
