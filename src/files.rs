//! The file worker: one background thread for every file the app writes or reads while it runs
//! (rehearsal history, deck saves, a night's progress and log, a single talk's place, the quick
//! look at a deck just opened), so the frame never waits on a disk and saves of one file never
//! overlap.
//!
//! Jobs run in the order asked. Successes that need no answer are silent; every failure comes
//! back as a typed error in a [`FileEvent`], and the app words it for the host.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::check::Finding;
use crate::deck::{Deck, Format};
use crate::history::{History, HistoryError, HistoryStore, Loaded, deck_key};
use crate::night::log::{Entry, LogError, NightLog};
use crate::night::progress::{Progress, ProgressStore};
use crate::resume::{PlaceError, PlaceStore, TalkPlace};
use crate::save::SaveError;
use crate::timing::Timing;

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
    LoadPlace {
        store: PlaceStore,
        timing: Timing,
    },
    SavePlace {
        store: PlaceStore,
        place: TalkPlace,
    },
    ClearPlace {
        store: PlaceStore,
    },
}

/// What the background file thread reports back.
pub enum FileEvent {
    /// The deck's history is loaded (or could not be).
    HistoryLoaded(Result<(String, Loaded), HistoryError>),
    /// A history save worked.
    HistorySaved,
    /// A history save failed.
    HistorySaveFailed(SaveError),
    /// A deck save finished: the file written, or the error.
    DeckSaved(Result<PathBuf, SaveError>),
    /// A night's progress could not be written (successes are silent).
    ProgressSaveFailed(SaveError),
    /// A line of a night's log could not be written (successes are silent).
    LogAppendFailed(LogError),
    /// Where a single talk stopped, read for the deck just opened: `store` says which deck.
    PlaceLoaded {
        /// The deck's place file.
        store: PlaceStore,
        /// The place, none, or why it cannot be used.
        place: Result<Option<TalkPlace>, PlaceError>,
    },
    /// A single talk's place could not be written or removed (successes are silent).
    PlaceSaveFailed(SaveError),
    /// What [`crate::check::quick_check`] found in the deck loaded from `source`.
    DeckChecked {
        /// The deck file or folder, to tell a stale answer from the deck now open.
        source: PathBuf,
        /// Its problems.
        problems: Vec<Finding>,
    },
}

/// One background thread for every file the app touches while it runs, so saves of one file
/// never overlap and happen in the order asked.
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
                            Ok(()) => FileEvent::HistorySaved,
                            Err(error) => FileEvent::HistorySaveFailed(error),
                        },
                        Job::SaveDeck { mut deck } => FileEvent::DeckSaved(deck.save()),
                        Job::QuickCheck { deck, format } => FileEvent::DeckChecked {
                            problems: crate::check::quick_check(&deck, format),
                            source: deck.source,
                        },
                        Job::SaveProgress { store, progress } => match store.save(&progress) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::ProgressSaveFailed(error),
                        },
                        Job::AppendLog { log, entry } => match log.append(&entry) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::LogAppendFailed(error),
                        },
                        Job::LoadPlace { store, timing } => FileEvent::PlaceLoaded {
                            place: store.load(timing),
                            store,
                        },
                        Job::SavePlace { store, place } => match store.save(&place) {
                            Ok(()) => continue,
                            Err(error) => FileEvent::PlaceSaveFailed(error),
                        },
                        Job::ClearPlace { store } => match store.clear() {
                            Ok(()) => continue,
                            Err(error) => FileEvent::PlaceSaveFailed(error),
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
    #[must_use]
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

    /// Read where the talk of a deck stopped, for a talk of `timing`.
    pub fn load_place(&self, store: PlaceStore, timing: Timing) {
        self.send(Job::LoadPlace { store, timing });
    }

    /// Write where a single talk is.
    pub fn save_place(&self, store: PlaceStore, place: TalkPlace) {
        self.send(Job::SavePlace { store, place });
    }

    /// Forget where a single talk was.
    pub fn clear_place(&self, store: PlaceStore) {
        self.send(Job::ClearPlace { store });
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
