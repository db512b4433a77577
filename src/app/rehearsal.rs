//! Rehearsal mode: the run being recorded from the presenter's taps, the deck's history (loaded
//! and saved by the file worker), the one-slide loop, and the notes editor.
//!
//! The pure rules live in [`crate::rehearsal`] (taps, outcomes, the loop) and [`crate::history`]
//! (runs kept per deck content); this module connects them to the talk's log, the app's notices
//! and the file worker, and never blocks the frame: hashing the slides, reading and writing
//! history and deck files all happen on the file thread, in order.

use std::path::PathBuf;
use std::time::Duration;

use super::notices::NoticeKind;
use super::{Mode, PechaApp};
use crate::clock::unix_now;
use crate::history::{History, HistoryError, HistoryStore, Loaded, RunRecord};
use crate::rehearsal::{Outcome, RunRecorder, SlideLoop, Tap};
use crate::save::SaveError;
use crate::timing::{Intervention, LogEntry, LogEvent, TalkState, Timing};

/// How long a tap's answer stays on the presenter view.
pub const TAP_MESSAGE_TIME: Duration = Duration::from_secs(3);

/// How long after a failed history save it is tried again (a full disk may have room again, a
/// read-only folder may have been fixed).
pub const HISTORY_RETRY: Duration = Duration::from_secs(10);

/// How the deck's history stands on disk: what was asked of the file worker and what it said.
#[derive(Debug, Default)]
pub struct HistorySaving {
    /// Saves asked for and not answered yet.
    in_flight: usize,
    /// Runs finished since the last save that worked.
    runs_since_save: usize,
    /// The last save failed: the runs since the one before are in memory only.
    failed: bool,
    /// When to try again (app clock), after a failure.
    pub retry_at: Option<Duration>,
}

/// The deck's history as far as the app knows it.
pub enum HistoryState {
    /// Hashing the slides and reading the file.
    Loading,
    /// Loaded: its key and the runs.
    Ready {
        /// The content key (the file name).
        key: String,
        /// The runs so far.
        history: History,
        /// The file.
        path: PathBuf,
    },
    /// No history this session; the reason is in the notices.
    Unavailable,
}

/// A slide's notes being edited.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotesEdit {
    /// The slide, 1-based (the talk may move on while the presenter types).
    pub slide: usize,
    /// The text as typed.
    pub text: String,
}

/// Rehearsal mode's state.
pub struct Rehearsing {
    /// The run being recorded.
    pub recorder: RunRecorder,
    /// The slide the talk was on at the last log event.
    pub on_slide: usize,
    /// When the current run finished (caller clock), for the late tap on the last slide.
    pub finished_at: Option<Duration>,
    /// The deck's history.
    pub history: HistoryState,
    /// Practising one slide.
    pub slide_loop: Option<SlideLoop>,
    /// What the last tap meant, and when it came.
    pub last_tap: Option<(String, Duration)>,
    /// The report is shown instead of the slide.
    pub report_open: bool,
    /// Finished runs not in a loaded history yet (it is loading, or could not be read).
    pub pending: Vec<RunRecord>,
    /// The loop's try and countdown second at the last cue, so each cue plays once.
    pub loop_cue: Option<(usize, u64)>,
    /// Whether the runs are on disk.
    pub saving: HistorySaving,
}

impl Rehearsing {
    /// Rehearsal of a talk with this timing; the history starts loading elsewhere.
    #[must_use]
    pub fn new(timing: Timing) -> Self {
        Self {
            recorder: RunRecorder::new(timing.slide_count, timing.slide_length),
            on_slide: 1,
            finished_at: None,
            history: HistoryState::Loading,
            slide_loop: None,
            last_tap: None,
            report_open: false,
            pending: Vec::new(),
            loop_cue: None,
            saving: HistorySaving::default(),
        }
    }

    /// A fresh run (the history stays).
    pub fn new_run(&mut self, timing: Timing) {
        self.recorder = RunRecorder::new(timing.slide_count, timing.slide_length);
        self.on_slide = 1;
        self.finished_at = None;
        self.last_tap = None;
        self.report_open = false;
    }

    /// Follow the talk's log: advances by themselves leave untapped slides over; jumps and
    /// manual advances leave them blank; a restarted slide forgets its tap. Returns true when the
    /// run just reached its end, by itself or by a manual advance past the last slide (time to
    /// save it).
    pub fn follow(&mut self, entries: &[LogEntry], slide_count: usize) -> bool {
        let mut finished = false;
        let mut after: Option<&Intervention> = None;
        for entry in entries {
            match &entry.event {
                LogEvent::Intervention(intervention) => {
                    // Pause and resume say nothing about the slide shown next.
                    if !matches!(intervention, Intervention::Pause | Intervention::Resume) {
                        after = Some(intervention);
                    }
                    continue;
                }
                LogEvent::SlideShown { slide } => {
                    match after {
                        Some(Intervention::RestartSlide) => {
                            self.recorder.slide_restarted(*slide);
                            // What the last tap said may be about the tap just forgotten.
                            self.last_tap = None;
                        }
                        Some(Intervention::Start) => {}
                        Some(_) => self.recorder.advanced(self.on_slide, *slide, false),
                        None => self.recorder.advanced(self.on_slide, *slide, true),
                    }
                    self.on_slide = *slide;
                }
                LogEvent::Finished => {
                    if !matches!(after, Some(Intervention::ManualAdvance)) {
                        self.recorder.finished(slide_count);
                    }
                    self.finished_at = Some(entry.wall);
                    finished = true;
                }
            }
            after = None;
        }
        finished
    }

    /// Remember what a tap meant, for the presenter view.
    pub fn tapped(&mut self, tap: Tap, now: Duration) {
        self.last_tap = Some((tap.describe(), now));
    }

    /// The saved history's runs (empty while it loads or when it could not be read).
    fn saved_runs(&self) -> &[RunRecord] {
        match &self.history {
            HistoryState::Ready { history, .. } => &history.runs,
            HistoryState::Loading | HistoryState::Unavailable => &[],
        }
    }

    /// Every finished run, oldest first: the history's, then any not in it yet.
    pub fn runs(&self) -> impl DoubleEndedIterator<Item = &RunRecord> {
        self.saved_runs().iter().chain(&self.pending)
    }

    /// How many runs have finished.
    #[must_use]
    pub fn run_count(&self) -> usize {
        self.saved_runs().len() + self.pending.len()
    }

    /// The outcomes of the last `count` finished runs, oldest first: what the report compares,
    /// without copying a history of hundreds of runs on every frame.
    #[must_use]
    pub fn recent_outcomes(&self, count: usize) -> Vec<Vec<Option<Outcome>>> {
        let mut recent: Vec<_> = self
            .runs()
            .rev()
            .take(count)
            .map(|run| run.outcomes.clone())
            .collect();
        recent.reverse();
        recent
    }

    /// How many finished runs are in memory only: those since the last save that worked when a
    /// later one failed, or every run when the history cannot be kept at all. A save under way
    /// is not counted as lost.
    #[must_use]
    pub fn runs_unsaved(&self) -> usize {
        match self.history {
            HistoryState::Ready { .. } if self.saving.failed => self.saving.runs_since_save,
            HistoryState::Ready { .. } | HistoryState::Loading => 0,
            HistoryState::Unavailable => self.pending.len(),
        }
    }

    /// The run that finished last, wherever it is kept.
    pub fn latest_run_mut(&mut self) -> Option<&mut RunRecord> {
        if let Some(run) = self.pending.last_mut() {
            return Some(run);
        }
        match &mut self.history {
            HistoryState::Ready { history, .. } => history.runs.last_mut(),
            HistoryState::Loading | HistoryState::Unavailable => None,
        }
    }

    /// The finished run as a history record.
    #[must_use]
    pub fn record(&self) -> RunRecord {
        RunRecord {
            finished_at: unix_now(),
            outcomes: self.recorder.outcomes().to_vec(),
        }
    }
}

/// The notes editor and its saves: edited notes go into the deck and are written by the file
/// worker, one save at a time.
#[derive(Debug, Default)]
pub(super) struct NotesEditor {
    /// The notes being edited, if any.
    pub(super) edit: Option<NotesEdit>,
    /// Edited notes not yet confirmed on disk.
    pub(super) unsaved: bool,
    /// A deck save is under way; another one waits for it (`resave`).
    pub(super) save_in_flight: bool,
    pub(super) resave: bool,
}

impl PechaApp {
    /// Rehearsal mode on (loading the deck's history) or off, back to a show. A night has no
    /// rehearsal mode (`apply` says so); here it changes nothing.
    pub(super) fn toggle_rehearsal(&mut self) {
        match self.mode {
            Mode::Rehearsal(_) => {
                self.mode = Mode::Talk;
                self.look_for_talk_place();
                return;
            }
            Mode::Night(_) => return,
            Mode::Talk => {}
        }
        let timing = self.format.timing();
        let mut rehearsing = Rehearsing::new(timing);
        rehearsing.on_slide = self.talk.current_slide(self.clock.now());
        match (self.history_store(), &self.files) {
            (Ok(store), Some(files)) => files.load_history(&self.deck, timing, store),
            (Err(error), _) => {
                rehearsing.history = HistoryState::Unavailable;
                self.notify(
                    NoticeKind::HistoryNotKept,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-history-not-kept", error = error.to_string())
                    }),
                );
            }
            (Ok(_), None) => rehearsing.history = HistoryState::Unavailable,
        }
        self.mode = Mode::Rehearsal(Box::new(rehearsing));
        // A rehearsal keeps no place: its runs are its record.
        self.look_for_talk_place();
    }

    /// The slide loop, when one runs.
    pub(super) fn slide_loop_mut(&mut self) -> Option<&mut SlideLoop> {
        self.mode
            .rehearsal_mut()
            .and_then(|rehearsing| rehearsing.slide_loop.as_mut())
    }

    /// Practise the current slide on a loop (pausing a running talk), or stop the loop.
    pub(super) fn toggle_loop(&mut self, now: Duration) {
        let slide = self.talk.current_slide(now);
        let slide_length = self.talk.timing().slide_length;
        let running = self.talk.state(now) == TalkState::Running;
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        if rehearsing.slide_loop.take().is_some() {
            rehearsing.last_tap = None;
            return;
        }
        if running {
            self.talk.pause(now);
        }
        self.lead_in_until = None;
        rehearsing.report_open = false;
        rehearsing.last_tap = None;
        rehearsing.loop_cue = None;
        rehearsing.slide_loop = Some(SlideLoop::new(slide, slide_length, now));
    }

    /// The presenter is done with a slide (or a loop's try): record it and say what it meant.
    pub(super) fn tap(&mut self, now: Duration) {
        self.follow_talk(now);
        let state = self.talk.state(now);
        let slide = self.talk.current_slide(now);
        let remaining = self.talk.slide_remaining(now);
        let timing = self.talk.timing();
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        if let Some(slide_loop) = &mut rehearsing.slide_loop {
            // The loop panel lists every try's outcome, this one included.
            slide_loop.tap(now);
            return;
        }
        let tap = match state {
            TalkState::Ready => return,
            TalkState::Running | TalkState::Paused => rehearsing.recorder.tap(
                slide,
                timing.slide_length.saturating_sub(remaining),
                remaining,
            ),
            TalkState::Finished => {
                let Some(finished_at) = rehearsing.finished_at else {
                    return;
                };
                let since = now.saturating_sub(finished_at);
                if rehearsing.recorder.awaiting_late_tap().is_none()
                    || since > rehearsing.recorder.late_window()
                {
                    return;
                }
                rehearsing.recorder.tap(slide, since, Duration::ZERO)
            }
        };
        rehearsing.tapped(tap, now);
        if state == TalkState::Finished && matches!(tap, Tap::Late { .. }) {
            // The run is already saved: amend its last slide.
            let outcomes = rehearsing.recorder.outcomes().to_vec();
            if let Some(run) = rehearsing.latest_run_mut() {
                run.outcomes = outcomes;
            }
            self.save_history();
        }
    }

    /// The run reached its end: add it to the history and show the report.
    pub(super) fn run_finished(&mut self) {
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        let record = rehearsing.record();
        match &mut rehearsing.history {
            HistoryState::Ready { history, .. } => history.push(record),
            HistoryState::Loading | HistoryState::Unavailable => rehearsing.pending.push(record),
        }
        rehearsing.saving.runs_since_save += 1;
        rehearsing.report_open = true;
        self.save_history();
    }

    /// Ask the file worker to write the deck's history as it is now.
    pub(super) fn save_history(&mut self) {
        let store = self.history_store();
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        if let HistoryState::Ready { key, history, .. } = &rehearsing.history
            && let Some(files) = &self.files
            // The store was found when the history loaded, so it is found again here.
            && let Ok(store) = store
        {
            rehearsing.saving.in_flight += 1;
            files.save_history(store, key.clone(), history.clone());
        }
    }

    /// The file worker wrote the history: the runs are on disk (once no other save is under way).
    pub(super) fn history_saved(&mut self) {
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        let saving = &mut rehearsing.saving;
        saving.in_flight = saving.in_flight.saturating_sub(1);
        if saving.in_flight == 0 {
            saving.runs_since_save = 0;
            saving.failed = false;
            saving.retry_at = None;
            self.notices
                .clear(|kind| kind == NoticeKind::HistorySaveFailed);
        }
    }

    /// Try the history save again once its time has come after a failure.
    pub(super) fn retry_history_save(&mut self, now: Duration) {
        let due = self.mode.rehearsal_mut().is_some_and(|rehearsing| {
            rehearsing
                .saving
                .retry_at
                .take_if(|at| now >= *at)
                .is_some()
        });
        if due {
            self.save_history();
        }
    }

    /// Where rehearsal history lives: the folder tests give, else the user's data folder.
    fn history_store(&self) -> Result<HistoryStore, HistoryError> {
        match &self.options.history_dir {
            Some(dir) => Ok(HistoryStore::new(dir.clone())),
            None => HistoryStore::user(),
        }
    }

    /// The file worker read the deck's history (or could not).
    pub(super) fn history_loaded(&mut self, result: Result<(String, Loaded), HistoryError>) {
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        if !matches!(rehearsing.history, HistoryState::Loading) {
            return;
        }
        match result {
            Ok((key, loaded)) => {
                if let Some(warning) = loaded.warning {
                    self.notices.raise(NoticeKind::HistoryMovedAside, warning);
                }
                let mut history = loaded.history;
                let had_pending = !rehearsing.pending.is_empty();
                for run in rehearsing.pending.drain(..) {
                    history.push(run);
                }
                rehearsing.history = HistoryState::Ready {
                    key,
                    history,
                    path: loaded.path,
                };
                if had_pending {
                    self.save_history();
                }
            }
            Err(error) => {
                rehearsing.history = HistoryState::Unavailable;
                self.notices.raise(
                    NoticeKind::HistoryNotKept,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-history-unreadable", error = error.to_string())
                    }),
                );
            }
        }
    }

    /// Open the notes editor on `slide` (1-based).
    pub(super) fn edit_notes(&mut self, slide: usize) {
        if self
            .notes
            .edit
            .as_ref()
            .is_some_and(|edit| edit.slide == slide)
        {
            return;
        }
        // Editing another slide: what was typed for this one is saved, not dropped.
        self.save_notes();
        if let Some(notes) = self.deck.slides.get(slide.wrapping_sub(1)) {
            self.notes.edit = Some(NotesEdit {
                slide,
                text: notes.notes.clone(),
            });
        }
    }

    /// Put the edited notes into the deck and write the deck file in the background.
    pub(super) fn save_notes(&mut self) {
        let Some(edit) = self.notes.edit.take() else {
            // Nothing open: Ctrl+S after a failed save tries that save again.
            if self.notes.unsaved {
                self.write_deck();
            }
            return;
        };
        let Some(slide) = self.deck.slides.get_mut(edit.slide.wrapping_sub(1)) else {
            return;
        };
        if slide.notes == edit.text {
            return;
        }
        slide.notes = edit.text;
        self.notes.unsaved = true;
        self.write_deck();
    }

    fn write_deck(&mut self) {
        if self.notes.save_in_flight {
            // One save at a time: the next one goes once this one has said where it wrote.
            self.notes.resave = true;
            return;
        }
        if let Some(files) = &self.files {
            self.notes.save_in_flight = true;
            files.save_deck(&self.deck);
        }
    }

    /// The outcomes recorded so far in the current rehearsal run.
    #[must_use]
    pub fn run_outcomes(&self) -> Option<&[Option<Outcome>]> {
        self.mode
            .rehearsal()
            .map(|rehearsing| rehearsing.recorder.outcomes())
    }

    /// The finished runs of this deck (saved history plus this session's), oldest first.
    #[must_use]
    pub fn rehearsal_runs(&self) -> Vec<RunRecord> {
        self.mode
            .rehearsal()
            .map(|rehearsing| rehearsing.runs().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether the deck's history has been read (or found unusable).
    #[must_use]
    pub fn history_settled(&self) -> bool {
        self.mode
            .rehearsal()
            .is_some_and(|rehearsing| !matches!(rehearsing.history, HistoryState::Loading))
    }

    /// Whether edited notes wait to be written (or failed to be).
    #[must_use]
    pub fn notes_unsaved(&self) -> bool {
        self.notes.unsaved || self.notes.save_in_flight
    }

    /// Edited notes are in memory only: their last save failed (one in flight finishes on quit).
    pub(super) fn notes_save_failed(&self) -> bool {
        self.notes.unsaved && !self.notes.save_in_flight
    }

    /// The file worker could not save the history: the runs stay in memory, on screen, and the
    /// save is tried again in a while.
    pub(super) fn history_save_failed(&mut self, error: &SaveError) {
        let now = self.clock.now();
        if let Some(rehearsing) = self.mode.rehearsal_mut() {
            let saving = &mut rehearsing.saving;
            saving.in_flight = saving.in_flight.saturating_sub(1);
            saving.failed = true;
            saving.retry_at = Some(now + HISTORY_RETRY);
        }
        self.notify(
            NoticeKind::HistorySaveFailed,
            crate::i18n::Words::of(|| {
                crate::tr!(
                    "notice-history-save-failed",
                    error = error.to_string(),
                    seconds = HISTORY_RETRY.as_secs()
                )
            }),
        );
    }

    /// The file worker finished a deck save: where the notes went, or why they did not.
    pub(super) fn deck_saved(&mut self, result: Result<PathBuf, SaveError>) {
        self.notes.save_in_flight = false;
        match result {
            Ok(path) => {
                // A retry that worked: the failure it answered is over.
                self.notices
                    .clear(|kind| kind == NoticeKind::NotesSaveFailed);
                if path != self.deck.source {
                    // The new file inside the old source: that was a folder.
                    let beside_images = path.parent() == Some(self.deck.source.as_path());
                    self.notify(
                        NoticeKind::NotesSavedElsewhere,
                        crate::i18n::Words::of(|| {
                            if beside_images {
                                crate::tr!(
                                    "notice-notes-beside-images",
                                    file = crate::text::shown(&path).to_string()
                                )
                            } else {
                                crate::tr!(
                                    "notice-notes-new-file",
                                    file = crate::text::shown(&path).to_string()
                                )
                            }
                        }),
                    );
                    self.deck.base_dir = path.parent().map(PathBuf::from).unwrap_or_default();
                    self.deck.source = path;
                }
                self.notes.unsaved = self.notes.resave;
            }
            Err(error) => self.notify(
                NoticeKind::NotesSaveFailed,
                crate::i18n::Words::of(|| {
                    crate::tr!("notice-notes-save-failed", error = error.to_string())
                }),
            ),
        }
        if std::mem::take(&mut self.notes.resave) {
            self.write_deck();
        }
    }

    /// Notes typed but not saved are written as the app quits, here: the file thread would not
    /// outlive the app.
    pub(super) fn save_notes_on_exit(&mut self) {
        if let Some(edit) = self.notes.edit.take()
            && let Some(slide) = self.deck.slides.get_mut(edit.slide.wrapping_sub(1))
            && slide.notes != edit.text
        {
            slide.notes = edit.text;
            match self.deck.save() {
                Ok(path) => log::info!("notes saved to {} on the way out", path.display()),
                Err(error) => log::error!("{error}; the notes typed last were not saved"),
            }
        }
    }
}
