//! The messages the status bar shows the host: each a [`Notice`] of a typed [`NoticeKind`].
//!
//! The app decides what to do with notices (replace one, clear those a success answers) by their
//! kind, never by their words, so every message can be reworded or translated without changing
//! what the app does. A notice keeps its words in every language ([`Words`]), so one raised before
//! View → Language changed reads in the new language too. One notice of a kind at a time: the same trouble raised again (Run again on
//! a deck still missing, a file that keeps failing to save) updates the notice already showing.

use crate::check::Finding;
use crate::i18n::Words;
use crate::timing::Timing;
use crate::tr;

/// What a notice is about; the app raises, replaces and clears notices by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NoticeKind {
    /// The file thread could not start: notes, history and a night's progress are not saved.
    FileThreadDown,
    /// No sound device: cues are silent.
    NoSound,
    /// The projector could not go where it was asked (monitor missing, bad `--projector`).
    ProjectorPlacement,
    /// A monitor came or went while Pecha runs (the projector's own gone is a banner instead).
    Monitors(MonitorNotice),
    /// Opening a deck or a night failed, or was refused; a successful open clears these.
    Opening(OpeningNotice),
    /// A PowerPoint or Impress deck being opened is converted with LibreOffice (the words count
    /// the seconds); cleared when it has opened or failed to.
    Converting,
    /// A problem the quick check found in the deck just opened (the nth such notice).
    DeckProblem(usize),
    /// Rehearsal history cannot be kept this session.
    HistoryNotKept,
    /// The history file was unusable and was moved aside (a fresh history starts).
    HistoryMovedAside,
    /// Saving the rehearsal history failed.
    HistorySaveFailed,
    /// Saving edited notes failed; they are kept in memory. A later save that works clears it.
    NotesSaveFailed,
    /// Notes were saved to a new deck file (a folder's or a PDF's first save).
    NotesSavedElsewhere,
    /// A night's progress or log could not be written.
    NightFileFailed,
    /// A night's progress file could not be read or kept at all.
    NightProgress,
    /// A single talk's place (for a crash-resume) could not be read or written.
    TalkPlace,
    /// A talk of the night was skipped because its deck cannot be read (item of the night file).
    TalkSkipped(usize),
    /// The host tried to start a talk whose deck is still loading (item of the night file).
    DeckStillLoading(usize),
    /// A command that does not fit what the night is doing now (walk during a talk, rerun while
    /// something is on, rehearsal or another deck during a night).
    NotDuringNight(NightRefusal),
}

/// The ways opening can go wrong, each its own notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OpeningNotice {
    /// The file could not be read as a deck or a night.
    Failed,
    /// Not opened: a talk is under way.
    RefusedWhileRunning,
    /// The file dialog could not be shown.
    DialogFailed,
    /// The dialog closed with nothing chosen.
    NothingChosen,
    /// Not opened: the night is open in another Pecha on this computer.
    OpenElsewhere,
}

/// Monitors that came and went, each its own notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MonitorNotice {
    /// The projector's monitor is back, and the projector window on it.
    ProjectorBack,
    /// Monitors were plugged in: the Projector menu offers them. Choosing a monitor clears it.
    Plugged,
    /// A monitor the projector was not on was unplugged.
    Unplugged,
}

/// What a night refused to do, each its own notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NightRefusal {
    /// Walking through the cards during a talk or the break.
    WalkDuringItem,
    /// Running an item again while another is on.
    RerunDuringItem,
    /// Rehearsal mode is for one talk.
    Rehearsal,
    /// Opening another deck or night while this night is open.
    OpenAnother,
}

/// One message for the host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    kind: NoticeKind,
    text: Words,
}

impl Notice {
    /// What it is about.
    #[must_use]
    pub fn kind(&self) -> NoticeKind {
        self.kind
    }

    /// Its words, as the status bar shows them, in this thread's language.
    #[must_use]
    pub fn text(&self) -> &str {
        self.text.get(crate::i18n::language())
    }
}

/// The notices showing, oldest first.
#[derive(Debug, Default)]
pub struct Notices {
    shown: Vec<Notice>,
}

impl Notices {
    /// Show `text` as the notice of `kind`: it replaces the words of one already showing (in its
    /// place), else it is added at the end.
    pub fn raise(&mut self, kind: NoticeKind, text: Words) {
        match self.shown.iter_mut().find(|notice| notice.kind == kind) {
            Some(notice) => notice.text = text,
            None => self.shown.push(Notice { kind, text }),
        }
    }

    /// Take away every notice whose kind `answered` says is over.
    pub fn clear(&mut self, answered: impl Fn(NoticeKind) -> bool) {
        self.shown.retain(|notice| !answered(notice.kind));
    }

    /// The host dismissed the notice at `index`.
    pub fn dismiss(&mut self, index: usize) {
        if index < self.shown.len() {
            self.shown.remove(index);
        }
    }

    /// The notices, oldest first.
    #[must_use]
    pub fn as_slice(&self) -> &[Notice] {
        &self.shown
    }

    /// Their words, for the status bar.
    #[must_use]
    pub fn texts(&self) -> Vec<&str> {
        self.shown.iter().map(Notice::text).collect()
    }
}

/// More slide problems than this are summed up in one notice.
const LISTED_SLIDE_PROBLEMS: usize = 3;

/// What the quick check of a deck just opened found, as notices that say what the audience will
/// see (numbered, so that each is its own notice); the talk still runs the format's time.
pub(super) fn deck_problems(
    problems: &[Finding],
    timing: Timing,
    deck_slides: usize,
) -> Vec<(NoticeKind, Words)> {
    // Worded in each language (the same number of notices in each), so that the notices follow
    // a change of language.
    let count = deck_problem_texts(problems, timing, deck_slides).len();
    (0..count)
        .map(|index| {
            let words =
                Words::of(|| deck_problem_texts(problems, timing, deck_slides).swap_remove(index));
            (NoticeKind::DeckProblem(index), words)
        })
        .collect()
}

/// [`deck_problems`]' words in this thread's language.
fn deck_problem_texts(problems: &[Finding], timing: Timing, deck_slides: usize) -> Vec<String> {
    let mut notices = Vec::new();
    let (whole_deck, slides): (Vec<_>, Vec<_>) =
        problems.iter().partition(|finding| finding.slide.is_none());
    for finding in whole_deck {
        let (count, seconds) = (
            timing.slide_count,
            crate::i18n::decimal(timing.slide_length.as_secs_f64(), 0),
        );
        let problem = finding.message();
        notices.push(match deck_slides.cmp(&timing.slide_count) {
            std::cmp::Ordering::Less => tr!(
                "notice-deck-short",
                problem = problem,
                count = count,
                seconds = seconds,
                from = (deck_slides + 1),
                missing = (count - deck_slides)
            ),
            std::cmp::Ordering::Greater => tr!(
                "notice-deck-long",
                problem = problem,
                count = count,
                seconds = seconds
            ),
            std::cmp::Ordering::Equal => problem,
        });
    }
    if slides.len() <= LISTED_SLIDE_PROBLEMS {
        notices.extend(
            slides
                .iter()
                .map(|finding| tr!("notice-slide-black", problem = finding.describe())),
        );
    } else {
        notices.push(tr!(
            "notice-slides-black",
            count = slides.len(),
            first = slides[0].describe()
        ));
    }
    notices
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kind_raised_again_replaces_its_words_in_place() {
        let mut notices = Notices::default();
        notices.raise(NoticeKind::NoSound, "no sound".into());
        notices.raise(NoticeKind::NightFileFailed, "disk full".into());
        notices.raise(NoticeKind::NoSound, "still no sound".into());
        assert_eq!(notices.texts(), ["still no sound", "disk full"]);
    }

    #[test]
    fn kinds_with_different_subjects_are_different_notices() {
        let mut notices = Notices::default();
        notices.raise(NoticeKind::TalkSkipped(1), "talk 2 skipped".into());
        notices.raise(NoticeKind::TalkSkipped(3), "talk 4 skipped".into());
        assert_eq!(notices.as_slice().len(), 2);
    }

    #[test]
    fn clearing_goes_by_kind_whatever_the_words() {
        let mut notices = Notices::default();
        notices.raise(
            NoticeKind::Opening(OpeningNotice::Failed),
            "any words".into(),
        );
        notices.raise(NoticeKind::NotesSaveFailed, "cannot open the deck".into());
        notices.clear(|kind| matches!(kind, NoticeKind::Opening(_)));
        assert_eq!(notices.texts(), ["cannot open the deck"]);
    }

    #[test]
    fn dismissing_past_the_end_does_nothing() {
        let mut notices = Notices::default();
        notices.raise(NoticeKind::NoSound, "no sound".into());
        notices.dismiss(5);
        notices.dismiss(0);
        assert!(notices.as_slice().is_empty());
    }
}
