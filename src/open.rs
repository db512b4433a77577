//! What a path is (interim; the core re-cut brings the real one).
use std::path::Path;

use crate::deck::{Deck, DeckError};
use crate::night::{Night, NightError};

/// A deck or a night.
#[derive(Debug)]
pub enum Opened {
    /// One talk.
    Deck(Deck),
    /// A night.
    Night(Night),
}

/// Why a path did not open.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// As a deck.
    #[error(transparent)]
    Deck(#[from] DeckError),
    /// As a night.
    #[error(transparent)]
    Night(#[from] NightError),
}

/// Open `path` as a deck or a night.
pub fn open(path: &Path) -> Result<Opened, OpenError> {
    let is_night = path.is_file()
        && std::fs::read_to_string(path).is_ok_and(|text| Night::looks_like_night(&text));
    if is_night {
        Ok(Opened::Night(Night::load(path)?))
    } else {
        Ok(Opened::Deck(Deck::load(path)?))
    }
}
