//! The app's side of rehearsal mode: the run being recorded, the deck's history (loaded and saved
//! on a background thread), the one-slide loop, and the notes being edited.
//!
//! The pure rules live in [`crate::rehearsal`] and [`crate::history`]; this module connects them
//! to the talk's log and to files, and never blocks the frame: hashing the slides, reading and
//! writing history and deck files all happen on one background thread, in order.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use crate::check::Finding;
use crate::clock::unix_now;
use crate::deck::{Deck, Format};
use crate::history::{History, HistoryError, HistoryStore, Loaded, RunRecord, deck_key};
use crate::night::log::{Entry, NightLog};
use crate::night::progress::{Progress, ProgressStore};
use crate::rehearsal::{Outcome, RunRecorder, SlideLoop, Tap};
use crate::timing::{Intervention, LogEntry, LogEvent, Timing};

/// How long a tap's answer stays on the presenter view.
pub const TAP_MESSAGE_TIME: Duration = Duration::from_secs(3);

/// Work for the background file thread.
enum Job {
    LoadHistory {
        deck: Box<Deck>,
        timing: Timing,
        store: HistoryStore,
    },
    SaveHistory {
        store: HistoryStore,
        key: String,
        history: Box<History>,
    },
    SaveDeck {
        deck: Box<Deck>,
    },
    QuickCheck {
        deck: Box<Deck>,
        format: Format,
    },
    SaveProgress {
        store: ProgressStore,
        progress: Box<Progress>,
    },
    AppendLog {
        log: NightLog,
        entry: Box<Entry>,
    },
}

/// What the background file thread reports back.
pub enum FileEvent {
    /// The deck's history is loaded (or could not be).
    HistoryLoaded(Result<(String, Loaded), HistoryError>),
    /// A history save failed (successes are silent).
    HistorySaveFailed(String),
    /// A deck save finished: the file written, or the error.
    DeckSaved(Result<PathBuf, String>),
    /// A night's progress or log could not be written (successes are silent).
    NightFileFailed(String),
    /// What [`crate::check::quick_check`] found in the deck loaded from `source`.
    DeckChecked {
        /// The deck file or folder, to tell a stale answer from the deck now open.
        source: PathBuf,
        /// Its problems.
        problems: Vec<Finding>,
    },
}

/// One background thread for every file rehearsal touches, so saves of one file never overlap
/// and happen in the order asked.
pub struct FileWorker {
    /// `None` once [`FileWorker::finish`] closed it.
    jobs: Option<Sender<Job>>,
    events: Receiver<FileEvent>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl FileWorker {
    /// Start the thread; `wake` is called after each job (to repaint the UI).
    pub fn start(wake: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let (jobs, job_receiver) = channel::<Job>();
        let (event_sender, events) = channel();
        let thread = std::thread::Builder::new()
            .name("pecha-files".into())
            .spawn(move || {
                for job in job_receiver {
                    let event = match job {
                        Job::LoadHistory {
                            deck,
                            timing,
                            store,
                        } => FileEvent::HistoryLoaded(deck_key(&deck, timing).and_then(|key| {
                            store
                                .load(&key, History::new(&deck.title, timing))
                                .map(|loaded| (key, loaded))
                        })),
                        Job::SaveHistory {
                            store,
                            key,
                            history,
                        } => match store.save(&key, &history) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::HistorySaveFailed(error.to_string()),
                        },
                        Job::SaveDeck { mut deck } => {
                            FileEvent::DeckSaved(deck.save().map_err(|error| error.to_string()))
                        }
                        Job::QuickCheck { deck, format } => FileEvent::DeckChecked {
                            problems: crate::check::quick_check(&deck, format),
                            source: deck.source,
                        },
                        Job::SaveProgress { store, progress } => match store.save(&progress) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::NightFileFailed(error.to_string()),
                        },
                        Job::AppendLog { log, entry } => match log.append(&entry) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::NightFileFailed(error.to_string()),
                        },
                    };
                    if event_sender.send(event).is_err() {
                        break;
                    }
                    wake();
                }
            })?;
        Ok(Self {
            jobs: Some(jobs),
            events,
            thread: Some(thread),
        })
    }

    /// Do the jobs already asked for, then stop: called as the app quits, so the run that just
    /// finished (or the notes just saved) reaches the disk.
    pub fn finish(&mut self) {
        self.jobs = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn send(&self, job: Job) {
        if let Some(jobs) = &self.jobs {
            let _ = jobs.send(job);
        }
    }

    /// Reports of finished jobs, without waiting.
    pub fn try_next(&self) -> Option<FileEvent> {
        self.events.try_recv().ok()
    }

    /// Compute the deck's key and load its history.
    pub fn load_history(&self, deck: &Deck, timing: Timing, store: HistoryStore) {
        self.send(Job::LoadHistory {
            deck: Box::new(deck.clone()),
            timing,
            store,
        });
    }

    /// Write a history.
    pub fn save_history(&self, store: HistoryStore, key: String, history: History) {
        self.send(Job::SaveHistory {
            store,
            key,
            history: Box::new(history),
        });
    }

    /// Write a night's progress.
    pub fn save_progress(&self, store: ProgressStore, progress: Progress) {
        self.send(Job::SaveProgress {
            store,
            progress: Box::new(progress),
        });
    }

    /// Add a line to a night's log.
    pub fn append_log(&self, log: NightLog, entry: Entry) {
        self.send(Job::AppendLog {
            log,
            entry: Box::new(entry),
        });
    }

    /// Look over a deck just opened, without decoding its pictures: the slide count for
    /// `format`, and files missing, empty or cut short.
    pub fn quick_check(&self, deck: &Deck, format: Format) {
        self.send(Job::QuickCheck {
            deck: Box::new(deck.clone()),
            format,
        });
    }

    /// Write a deck's notes to its deck file.
    pub fn save_deck(&self, deck: &Deck) {
        self.send(Job::SaveDeck {
            deck: Box::new(deck.clone()),
        });
    }
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
