//! What the app remembers between runs: the projector's monitor, notes size, sound, the audience
//! progress bar, the presenter's preferences, the rehearsal's own sound and inset switches, and
//! the language chosen in View → Language. Stored by eframe's persistence as RON; the CLI reads
//! the language from the same file ([`remembered_language`]).
//!
//! The projector is remembered by monitor *name*: indexes change when a cable is plugged into
//! another port, names do not.

use serde::{Deserialize, Serialize};

use crate::i18n::Language;

/// The key under which settings live in eframe's storage.
pub const STORAGE_KEY: &str = "pecha.settings";

/// What the projector shows while the talk is ready but not started, and after it finished.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Card {
    /// The talk's title and presenter (before) or a thank-you card (after).
    Card,
    /// A black screen.
    Black,
}

/// Remembered preferences. Unknown or missing fields fall back to the defaults, so an older or
/// newer settings file never stops the app from starting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Name of the monitor the projector window goes to; `None` picks the first monitor that is
    /// not the laptop's.
    pub projector_monitor: Option<String>,
    /// Notes font size in points.
    pub notes_size: f32,
    /// Cue sounds on.
    pub sound: bool,
    /// Cue volume, 0..=1.
    pub volume: f32,
    /// A thin progress bar along the bottom of the projector.
    pub audience_bar: bool,
    /// A 3-2-1 countdown on the presenter view before the first slide.
    pub lead_in: bool,
    /// What the projector shows before the start.
    pub before_start: Card,
    /// What the projector shows after the end.
    pub after_end: Card,
    /// Light presenter theme, for bright rooms.
    pub light_theme: bool,
    /// Cue sounds while rehearsing (on by default: a presenter practises with the click and
    /// the ticks they will hear on the night).
    pub rehearsal_sound: bool,
    /// While rehearsing, a small picture of what the audience would see.
    pub rehearsal_inset: bool,
    /// The language chosen in View → Language; `None` follows the system's.
    pub language: Option<Language>,
    /// The projector's cards (next, break, thank you) in the interface language only, instead of
    /// Kazakh · Russian · English for a mixed audience.
    pub cards_in_ui_language: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            projector_monitor: None,
            notes_size: 28.0,
            sound: true,
            volume: 0.7,
            audience_bar: false,
            lead_in: false,
            before_start: Card::Card,
            after_end: Card::Card,
            light_theme: false,
            rehearsal_sound: true,
            rehearsal_inset: false,
            language: None,
            cards_in_ui_language: false,
        }
    }
}

impl Settings {
    /// Smallest and largest notes size offered.
    pub const NOTES_SIZE_RANGE: std::ops::RangeInclusive<f32> = 14.0..=72.0;

    /// Notes size changed by `steps` (2 pt each), kept in range.
    #[must_use]
    pub fn notes_size_stepped(&self, steps: i32) -> f32 {
        (self.notes_size + 2.0 * steps as f32).clamp(
            *Self::NOTES_SIZE_RANGE.start(),
            *Self::NOTES_SIZE_RANGE.end(),
        )
    }
}

/// The language remembered in the app's settings file (`app.ron`, as eframe's persistence
/// wrote it: a map of keys to RON texts), if one was chosen there. Anything unreadable is `None`:
/// the CLI then follows the system.
#[must_use]
pub fn remembered_language(app_ron: &std::path::Path) -> Option<Language> {
    let text = crate::read::whole_text(app_ron, crate::read::TEXT_FILE_CAP).ok()?;
    remembered_language_in(&text)
}

fn remembered_language_in(app_ron: &str) -> Option<Language> {
    let stored: std::collections::HashMap<String, String> = ron::from_str(app_ron).ok()?;
    let settings: Settings = ron::from_str(stored.get(STORAGE_KEY)?).ok()?;
    settings.language
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn missing_fields_take_defaults() {
        let settings: Settings = ron::from_str("(notes_size: 40.0)").unwrap();
        assert!((settings.notes_size - 40.0).abs() < f32::EPSILON);
        assert!(settings.sound);
        assert!(!settings.audience_bar);
    }

    #[test]
    fn the_remembered_language_is_read_from_eframes_file() {
        let settings = Settings {
            language: Some(Language::Kk),
            ..Settings::default()
        };
        let stored: std::collections::HashMap<String, String> =
            [(STORAGE_KEY.to_owned(), ron::to_string(&settings).unwrap())].into();
        let file = ron::to_string(&stored).unwrap();
        assert_eq!(remembered_language_in(&file), Some(Language::Kk));
        assert_eq!(remembered_language_in("{}"), None);
        assert_eq!(remembered_language_in("not ron"), None);
    }

    #[test]
    fn notes_size_stays_in_range() {
        let settings = Settings::default();
        assert!((settings.notes_size_stepped(100) - 72.0).abs() < f32::EPSILON);
        assert!((settings.notes_size_stepped(-100) - 14.0).abs() < f32::EPSILON);
        assert!((settings.notes_size_stepped(1) - 30.0).abs() < f32::EPSILON);
    }
}
