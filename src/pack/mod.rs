//! `pecha pack night.ron DEST`: everything a night needs, in one folder (or one zip) that can be
//! carried to the laptop that drives the projector.
//!
//! Hosts gather decks from everywhere (mail attachments, a shared drive, the presenters' sticks),
//! and a night file that names them by path breaks as soon as it is copied. [`plan`] decides what
//! goes where: each talk's deck in a folder of its own under `talks/` (a RON deck with its
//! pictures or its PDF, a folder's pictures, a PDF, a PowerPoint or Impress file with the PDF
//! LibreOffice made of it beside it, so the show laptop needs no LibreOffice), the break music
//! under `music/`, and the night file written anew with paths relative to it. `write.rs` writes
//! the plan into a folder or a zip, whole or not at all. Rehearsal history and a night's progress
//! are not packed: they live in the user's data folder, and are the presenter's and this
//! laptop's.

mod write;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::convert::{Converter, Progress};
use crate::deck::{DECK_FILE_NAME, Deck, DeckError, Format};
use crate::night::{Item, Night, NightError};

pub use write::{PackProgress, Packed, is_zip, refuse_taken, write};

/// Why a night could not be packed. Nothing is left at the destination then.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    /// The night file cannot be read.
    #[error(transparent)]
    Night(#[from] NightError),
    /// A talk's deck cannot be read (or converted): pack only a night whose decks are there.
    #[error(
        "{}",
        crate::tr!(
            "pack-deck",
            item = item,
            presenter = presenter.as_str(),
            error = error.to_string()
        )
    )]
    Deck {
        /// Its place in the running order, from 1.
        item: usize,
        /// Who gives it.
        presenter: String,
        /// What is wrong with the deck (boxed: it is large, and rare).
        error: Box<DeckError>,
    },
    /// The destination folder holds files already.
    #[error("{}", crate::tr!("pack-not-empty", dest = crate::text::shown(dest).to_string()))]
    NotEmpty {
        /// The destination.
        dest: PathBuf,
    },
    /// The destination zip exists already.
    #[error("{}", crate::tr!("pack-exists", dest = crate::text::shown(dest).to_string()))]
    Exists {
        /// The destination.
        dest: PathBuf,
    },
    /// A file could not be read or written.
    #[error("{}: {reason}", crate::text::shown(path))]
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        reason: String,
    },
}

impl PackError {
    fn io(path: &Path, error: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            reason: error.to_string(),
        }
    }
}

/// One file of the pack: where it comes from and where it goes (a relative path with `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackedFile {
    /// The file on this machine.
    pub source: PathBuf,
    /// Its path in the pack.
    pub target: String,
}

/// What a pack holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The night file's name in the pack (its own name).
    pub night_name: String,
    /// The night file as it is written into the pack.
    pub night_text: String,
    /// Files written as they are generated (decks rewritten with their new paths).
    pub written: Vec<(String, String)>,
    /// Files copied.
    pub files: Vec<PackedFile>,
    /// What is packed with a problem (music that is missing): said, not refused.
    pub warnings: Vec<String>,
}

/// The night file as the pack writes it.
#[derive(Serialize)]
#[serde(rename = "Night")]
struct WrittenNight<'a> {
    title: &'a str,
    format: Format,
    running_order: Vec<WrittenItem<'a>>,
}

#[derive(Serialize)]
enum WrittenItem<'a> {
    Talk {
        deck: String,
        presenter: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        bio: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        title: &'a str,
    },
    Break {
        minutes: u64,
        #[serde(skip_serializing_if = "str::is_empty")]
        message: &'a str,
        #[serde(skip_serializing_if = "Vec::is_empty")]
        music: Vec<String>,
    },
}

/// Decide what the pack of `night` holds. Every deck is loaded (a presentation converted by
/// `converter`, which `watch` hears about), so a deck that cannot be read stops the pack here,
/// before anything is written.
pub fn plan(
    night: &Night,
    converter: &Converter,
    watch: &dyn Fn(Progress),
) -> Result<Plan, PackError> {
    let mut packer = Packer::default();
    let mut running_order = Vec::new();
    for (index, item) in night.running_order.iter().enumerate() {
        match item {
            Item::Talk(talk) => {
                let deck = Deck::load_with(&talk.deck, converter, watch).map_err(|error| {
                    PackError::Deck {
                        item: index + 1,
                        presenter: talk.presenter.clone(),
                        error: Box::new(error),
                    }
                })?;
                let target = if let Some(target) = packer.decks.get(&talk.deck) {
                    target.clone()
                } else {
                    let target = packer.deck(index + 1, &talk.deck, &deck).map_err(|error| {
                        PackError::Deck {
                            item: index + 1,
                            presenter: talk.presenter.clone(),
                            error: Box::new(error),
                        }
                    })?;
                    packer.decks.insert(talk.deck.clone(), target.clone());
                    target
                };
                running_order.push(WrittenItem::Talk {
                    deck: target,
                    presenter: &talk.presenter,
                    bio: &talk.bio,
                    title: &talk.title,
                });
            }
            Item::Break(pause) => {
                let music = pause
                    .music
                    .iter()
                    .map(|music| packer.music(index + 1, music))
                    .collect();
                running_order.push(WrittenItem::Break {
                    minutes: pause.length.as_secs() / 60,
                    message: &pause.message,
                    music,
                });
            }
        }
    }
    let written = WrittenNight {
        title: &night.title,
        format: night.format,
        running_order,
    };
    let config = ron::ser::PrettyConfig::default()
        .escape_strings(false)
        .struct_names(false);
    // Plain strings, numbers and enums serialize without fail.
    let body = ron::ser::to_string_pretty(&written, config).unwrap_or_default();
    let night_name = night.source.file_name().map_or_else(
        || "night.ron".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    Ok(Plan {
        night_text: format!(
            "// Packed by `pecha pack` from {}: every deck and the break music are beside this file.\n{body}\n",
            crate::text::shown(&night.source)
        ),
        night_name,
        written: packer.written,
        files: packer.files,
        warnings: packer.warnings,
    })
}

/// The pack being planned.
#[derive(Default)]
struct Packer {
    /// Decks planned already (a deck given twice is packed once), by the night's path.
    decks: HashMap<PathBuf, String>,
    /// Music planned already, by its path.
    music: HashMap<PathBuf, String>,
    files: Vec<PackedFile>,
    written: Vec<(String, String)>,
    warnings: Vec<String>,
}

impl Packer {
    fn copy(&mut self, source: &Path, target: String) {
        self.files.push(PackedFile {
            source: source.to_path_buf(),
            target,
        });
    }

    /// Plan the deck of item `item` (`given` as the night names it); the path the packed night
    /// gives for it.
    fn deck(&mut self, item: usize, given: &Path, deck: &Deck) -> Result<String, DeckError> {
        let source = &deck.source;
        let name = file_name(source);
        let folder = format!("talks/{item:02}-{}", safe_name(&stem(source)));
        if Deck::is_presentation(source) {
            // The PDF goes beside the file under the name the show laptop looks for.
            let key =
                crate::convert::content_key(source).map_err(|problem| DeckError::Conversion {
                    path: source.clone(),
                    problem,
                })?;
            self.copy(source, format!("{folder}/{name}"));
            if let Some(pdf) = crate::deck::presentation::converted_pdf(deck) {
                self.copy(
                    &pdf,
                    format!("{folder}/{}", crate::convert::beside_name(source, &key)),
                );
            }
            return Ok(format!("{folder}/{name}"));
        }
        if source.is_dir() {
            // A folder of pictures: the pictures, in a folder of their own.
            for slide in &deck.slides {
                self.copy(
                    &slide.image,
                    format!("{folder}/{}", file_name(&slide.image)),
                );
            }
            return Ok(folder);
        }
        if crate::deck::presentation::converted_pdf(deck).is_some()
            && deck.slides.iter().all(|slide| slide.image == *source)
        {
            // A bare PDF.
            self.copy(source, format!("{folder}/{name}"));
            return Ok(format!("{folder}/{name}"));
        }
        // A RON deck: as it is, with its pictures beside it as it names them, when they all are
        // in its folder; else written anew, the pictures gathered under `slides/`.
        let mut images: Vec<&Path> = Vec::new();
        for slide in &deck.slides {
            if !images.contains(&slide.image.as_path()) {
                images.push(&slide.image);
            }
        }
        let relative: Option<Vec<String>> = images
            .iter()
            .map(|image| {
                image
                    .strip_prefix(&deck.base_dir)
                    .ok()
                    .filter(|path| {
                        path.components()
                            .all(|part| matches!(part, std::path::Component::Normal(_)))
                    })
                    .map(|path| path.to_string_lossy().replace('\\', "/"))
            })
            .collect();
        let deck_name = if given.is_dir() {
            DECK_FILE_NAME.to_owned()
        } else {
            name
        };
        if let Some(relative) = relative {
            self.copy(source, format!("{folder}/{deck_name}"));
            for (image, path) in images.iter().zip(relative) {
                self.copy(image, format!("{folder}/{path}"));
            }
        } else {
            let mut moved = deck.clone();
            let mut targets: HashMap<PathBuf, String> = HashMap::new();
            for (index, image) in images.iter().enumerate() {
                let target = format!("slides/{:02}-{}", index + 1, file_name(image));
                self.copy(image, format!("{folder}/{target}"));
                targets.insert(image.to_path_buf(), target);
            }
            for slide in &mut moved.slides {
                if let Some(target) = targets.get(&slide.image) {
                    slide.image = PathBuf::from(target);
                }
            }
            self.written
                .push((format!("{folder}/{deck_name}"), moved.to_ron(Path::new(""))));
        }
        Ok(if given.is_dir() {
            folder
        } else {
            format!("{folder}/{deck_name}")
        })
    }

    /// Plan one music file of break `item`; its path in the packed night.
    fn music(&mut self, item: usize, music: &Path) -> String {
        if let Some(target) = self.music.get(music) {
            return target.clone();
        }
        let mut target = format!("music/{}", file_name(music));
        if self.music.values().any(|taken| *taken == target) {
            target = format!("music/{item:02}-{}", file_name(music));
        }
        if music.is_file() {
            self.copy(music, target.clone());
        } else {
            self.warnings.push(crate::tr!(
                "pack-music-missing",
                item = item,
                file = crate::text::shown(music).to_string()
            ));
        }
        self.music.insert(music.to_path_buf(), target.clone());
        target
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || "deck".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    )
}

/// The name a deck's folder is called after: a file's stem, a folder's name; `deck.ron`'s
/// folder's.
fn stem(source: &Path) -> String {
    let stem = if source.is_dir() {
        source.file_name()
    } else {
        source.file_stem()
    }
    .map(|stem| stem.to_string_lossy().into_owned())
    .unwrap_or_default();
    if stem.eq_ignore_ascii_case("deck")
        && let Some(parent) = source.parent().and_then(Path::file_name)
    {
        return parent.to_string_lossy().into_owned();
    }
    stem
}

/// A name safe as a folder on every system: letters (Cyrillic too), digits, spaces and `-_.`
/// kept, anything else `_`; never empty, never only dots.
fn safe_name(name: &str) -> String {
    let safe: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let safe = safe.trim_matches(|c| c == ' ' || c == '.').to_owned();
    if safe.is_empty() {
        "deck".to_owned()
    } else {
        safe
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folder_names_are_safe_everywhere() {
        assert_eq!(safe_name("Әйгерім: арықтар?"), "Әйгерім_ арықтар_");
        assert_eq!(safe_name(".."), "deck");
        assert_eq!(safe_name("a/b\\c"), "a_b_c");
    }
}
