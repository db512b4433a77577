//! A night in the app: the running order's progress, each talk's deck loaded when its card goes
//! up, the break with its countdown and music, the night's log and its crash-safe progress file.
//!
//! The rules of the running order live in [`crate::night::progress`]; this module holds the
//! night's state ([`Hosting`]) and what the host's commands do to it. What happens as the night's
//! time passes is in [`super::logic`], what the console shows in [`super::models`]. Everything
//! slow happens elsewhere: decks load and the night is checked on their own threads, progress and
//! log lines are written by the file worker, music plays on its own.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use super::checking::Checking;
use super::notices::{NightRefusal, NoticeKind, Notices, OpeningNotice};
use super::{Mode, PechaApp};
use crate::audio::music::BreakMusic;
use crate::clock::unix_now;
use crate::deck::{Deck, DeckError};
use crate::night::lock::{LockError, NightLock};
use crate::night::log::{Entry, Event, NightLog};
use crate::night::progress::{ItemState, Progress, ProgressStore, Stage};
use crate::night::{Item, Night};
use crate::timing::{Intervention, LogEntry, LogEvent, Talk, TalkState};
use crate::tr;
use crate::ui::host::{HostStage, ResumeChoice};
use crate::ui::projector::NightCardText;

/// How long break music takes to fade in, and to fade out at the break's end.
const MUSIC_FADE: Duration = Duration::from_secs(3);

/// What the check found for one item, once it has run.
#[derive(Debug, Clone)]
pub(super) enum Checked {
    Ready,
    /// Shown, but worth the host's eye (a deck with the wrong slide count still runs). In every
    /// language, so the row follows a change of language.
    Problem(crate::i18n::Words),
    /// The deck cannot be read: the talk cannot be given and is skipped when it comes up.
    Unreadable(crate::i18n::Words),
}

/// Where a deck loaded on another thread arrives.
pub(super) type DeckArriving = Receiver<Result<Deck, DeckError>>;

/// A night under way in the app.
pub(super) struct Hosting {
    pub(super) night: Night,
    /// How its PowerPoint and Impress decks are converted (for the check and for each card).
    pub(super) converter: crate::convert::Converter,
    pub(super) progress: Progress,
    pub(super) store: Option<ProgressStore>,
    pub(super) log: Option<NightLog>,
    /// Per item of the night file, once the check has run.
    pub(super) checks: Option<Vec<Option<Checked>>>,
    pub(super) checking: Option<Checking>,
    /// Music problems found by the check, for the break's row.
    pub(super) music_warnings: Vec<(usize, crate::check::MusicProblem)>,
    /// Talk titles per item: the night file's, else the deck's once read.
    pub(super) titles: Vec<String>,
    /// The item whose deck is the app's deck.
    pub(super) deck_item: Option<usize>,
    /// The item whose deck is loading, since when (app clock), and where it will arrive.
    pub(super) deck_loading: Option<(usize, Duration, DeckArriving)>,
    /// The break under way ends at this clock reading.
    pub(super) break_ends: Option<Duration>,
    pub(super) music: Option<BreakMusic>,
    pub(super) music_problems: Vec<String>,
    /// Walking through the cards: the running-order position shown.
    pub(super) walking: Option<usize>,
    /// Saved progress from a night cut short, until the host answers.
    pub(super) resume_offer: Option<Progress>,
    /// The host put that question away for later (Esc).
    pub(super) resume_deferred: bool,
    /// A resume at a slide: put the talk there once its deck is in.
    pub(super) resume_slide: Option<usize>,
    /// The slide last written to the progress file.
    pub(super) saved_slide: usize,
    /// Talk time the talk under way had before Pecha stopped, in milliseconds: after a resume at
    /// its slide the talk clock starts again from zero, and the talk's length counts both.
    pub(super) talk_before_resume_ms: u64,
    pub(super) end_logged: bool,
    /// The words of the night card the projector shows now (or would, at the talk's end).
    pub(super) card: NightCardText,
    /// The command that prints this night's log, for the end-of-night screen.
    pub(super) log_command: String,
    /// This Pecha's lock on the night file, released when the night is left (or the process
    /// dies): `None` when there is no data folder or the lock could not be taken.
    _lock: Option<NightLock>,
}

/// The night is open in another Pecha: nothing was opened (the host was told).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct OpenElsewhere;

impl Hosting {
    /// Open `night`: read its saved progress (a small file, once, before the first frame) and
    /// start checking every deck in the background.
    /// `waker` repaints the console when the check is done.
    pub(super) fn open(
        night: Night,
        lock: Option<NightLock>,
        data_dir: Option<&Path>,
        notices: &mut Notices,
        waker: std::sync::Arc<dyn Fn() + Send + Sync>,
        converter: crate::convert::Converter,
    ) -> Self {
        let count = night.running_order.len();
        let store = data_dir.map(|dir| ProgressStore::new(dir, &night.source));
        let log = data_dir.map(|dir| NightLog::new(dir, &night.source));
        if data_dir.is_none() {
            notices.raise(
                NoticeKind::NightProgress,
                crate::i18n::Words::of(|| tr!("notice-no-data-folder")),
            );
        }
        let mut resume_offer = None;
        if let Some(store) = &store {
            match store.load_for(&night) {
                Ok(Some(saved)) if saved.stage == Stage::End => {
                    notices.raise(
                        NoticeKind::NightProgress,
                        crate::i18n::Words::of(|| tr!("notice-night-ended-before")),
                    );
                }
                Ok(Some(saved)) if saved != Progress::new(count) => resume_offer = Some(saved),
                Ok(_) => {}
                Err(error) => notices.raise(
                    NoticeKind::NightProgress,
                    crate::i18n::Words::of(|| {
                        tr!("notice-progress-unreadable", error = error.to_string())
                    }),
                ),
            }
        }
        let titles = night
            .running_order
            .iter()
            .map(|item| match item {
                Item::Talk(talk) => talk.title.clone(),
                Item::Break(_) => String::new(),
            })
            .collect();
        let checking = Checking::spawn(&night, 0, waker, converter.clone());
        let log_command = log_command(&night.source);
        Self {
            log_command,
            progress: Progress::new(count),
            night,
            converter,
            store,
            log,
            checks: None,
            checking,
            music_warnings: Vec::new(),
            titles,
            deck_item: None,
            deck_loading: None,
            break_ends: None,
            music: None,
            music_problems: Vec::new(),
            walking: None,
            resume_offer,
            resume_deferred: false,
            resume_slide: None,
            saved_slide: 0,
            talk_before_resume_ms: 0,
            end_logged: false,
            card: NightCardText::default(),
            _lock: lock,
        }
    }

    /// How long the talk under way has run, pauses excluded, in milliseconds: its talk clock,
    /// and the time it had before a crash when it was resumed at its slide.
    pub(super) fn talk_ms(&self, talk: &Talk, now: Duration) -> u64 {
        let since_start = u64::try_from(talk.talk_elapsed(now).as_millis()).unwrap_or(u64::MAX);
        self.talk_before_resume_ms.saturating_add(since_start)
    }

    /// [`Hosting::talk_ms`] when the slide on screen began: what a resume at that slide, which
    /// shows it again in full, adds to the time after the resume.
    pub(super) fn talk_ms_at_slide_start(&self, talk: &Talk, now: Duration) -> u64 {
        super::resume::talk_ms_at_slide_start(talk, self.talk_before_resume_ms, now)
    }

    /// The item whose deck is the app's deck.
    pub(super) fn deck_item(&self) -> Option<usize> {
        self.deck_item
    }

    /// The talk whose deck is loaded as the night bills it: its presenter and title from the
    /// night file (the deck's own may name someone else, a deck borrowed or made by a friend).
    pub(super) fn billing(&self) -> Option<(&str, &str)> {
        let item = self.deck_item?;
        match self.night.running_order.get(item)? {
            Item::Talk(talk) => Some((
                talk.presenter.as_str(),
                self.titles.get(item).map_or("", String::as_str),
            )),
            Item::Break(_) => None,
        }
    }

    /// What the night is doing, for the console and the keys.
    pub(super) fn stage(&self) -> HostStage {
        self.stage_of(&self.progress)
    }

    /// What `progress` says the night is doing.
    pub(super) fn stage_of(&self, progress: &Progress) -> HostStage {
        match progress.stage {
            Stage::Card { item } => match self.night.running_order.get(item) {
                Some(Item::Break(_)) => HostStage::BreakCard,
                _ => HostStage::TalkCard,
            },
            Stage::Talk { .. } => HostStage::Talk,
            Stage::Break { .. } => HostStage::Break,
            Stage::End => HostStage::End,
        }
    }

    pub(super) fn talk_name(&self, item: usize) -> String {
        self.talk_name_in(item, &self.progress.order)
    }

    pub(super) fn position_of(&self, item: usize) -> usize {
        self.progress
            .order
            .iter()
            .position(|&it| it == item)
            .unwrap_or(item)
    }

    /// An item's name numbered by its place in `order` (the host's running order, which after
    /// a crash is the saved one), as the console's rows number it.
    pub(super) fn talk_name_in(&self, item: usize, order: &[usize]) -> String {
        let place = order.iter().position(|&it| it == item).unwrap_or(item) + 1;
        match self.night.running_order.get(item) {
            Some(Item::Talk(talk)) => tr!(
                "name-talk",
                place = place,
                presenter = talk.presenter.as_str()
            ),
            Some(Item::Break(_)) => tr!("name-break", place = place),
            None => tr!("name-item", place = (item + 1)),
        }
    }

    /// How long an item lasts as planned.
    pub(super) fn planned(&self, item: usize) -> Duration {
        match self.night.running_order.get(item) {
            Some(Item::Talk(_)) => self.night.format.total(),
            Some(Item::Break(pause)) => pause.length,
            None => Duration::ZERO,
        }
    }

    /// How many cards a walk through them shows: one per item in running order, then the
    /// closing card (the last thing the audience sees, worth a look before doors open too).
    pub(super) fn walk_stops(&self) -> usize {
        self.progress.order.len() + 1
    }

    /// The first waiting item after `item` in running order.
    pub(super) fn waiting_after(&self, item: usize) -> Option<usize> {
        self.progress.order.iter().copied().find(|&other| {
            other != item && self.progress.states.get(other) == Some(&ItemState::Waiting)
        })
    }

    /// The words of `item`'s card: in Kazakh, Russian and English for a mixed audience, or in
    /// the interface language only (`ui_language_only`, a setting).
    pub(super) fn card_text(&self, item: usize, ui_language_only: bool) -> NightCardText {
        let mut text = NightCardText {
            night_title: self.night.title.clone(),
            kicker: if ui_language_only {
                tr!("card-next")
            } else {
                "Келесі · Далее · Next".into()
            },
            ..NightCardText::default()
        };
        match self.night.running_order.get(item) {
            Some(Item::Talk(talk)) => {
                text.headline.clone_from(&talk.presenter);
                if let Some(title) = self.titles.get(item).filter(|title| !title.is_empty()) {
                    text.title = format!("«{title}»");
                }
                text.detail.clone_from(&talk.bio);
            }
            Some(Item::Break(pause)) => {
                let minutes = pause.length.as_secs().div_ceil(60);
                text.headline = if !pause.message.is_empty() {
                    pause.message.clone()
                } else if ui_language_only {
                    tr!("card-break")
                } else {
                    "Үзіліс · Перерыв · Break".into()
                };
                text.title = if ui_language_only {
                    tr!("card-minutes", minutes = minutes)
                } else {
                    format!("{minutes} мин · min")
                };
            }
            None => {}
        }
        text
    }

    /// What the check found wrong with one break's music, one problem a line.
    pub(super) fn music_warnings_of(&self, item: usize) -> Option<String> {
        let lines: Vec<String> = self
            .music_warnings
            .iter()
            .filter(|(of, _)| *of == item)
            .map(|(_, problem)| problem.to_string())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// For a break that was under way: when its time ran out by the wall clock (Unix
    /// milliseconds), if it did.
    pub(super) fn break_ran_out(&self, stage: &Stage) -> Option<i64> {
        let Stage::Break { item, started_unix } = *stage else {
            return None;
        };
        let ends = started_unix + i64::try_from(self.planned(item).as_secs()).unwrap_or(0);
        (unix_now() >= ends).then_some(ends * 1000)
    }

    pub(super) fn record(&self, event: Event) -> Option<(NightLog, Entry)> {
        let log = self.log.clone()?;
        Some((log, Entry::now(event)))
    }
}

impl PechaApp {
    /// Where this app keeps nights' progress, log and lock.
    fn night_data_dir(&self) -> Option<PathBuf> {
        self.options
            .night_dir
            .clone()
            .or_else(crate::night::user_data_dir)
    }

    /// Take the lock of `night` before opening it. Refused when another Pecha has it open (the
    /// host is told, with its pid). Without a data folder, or when the lock cannot be taken at
    /// all, the night opens unlocked: a read-only disk must not stop the show.
    pub(super) fn lock_night(&mut self, night: &Night) -> Result<Option<NightLock>, OpenElsewhere> {
        let Some(dir) = self.night_data_dir() else {
            return Ok(None);
        };
        match NightLock::acquire(&dir, &night.source) {
            Ok(lock) => Ok(Some(lock)),
            Err(error @ LockError::Held { .. }) => {
                self.notify(
                    NoticeKind::Opening(OpeningNotice::OpenElsewhere),
                    crate::i18n::Words::of(|| {
                        tr!(
                            "notice-night-open-elsewhere",
                            file = crate::text::shown(&night.source).to_string(),
                            error = error.to_string()
                        )
                    }),
                );
                Err(OpenElsewhere)
            }
            Err(error @ LockError::Io { .. }) => {
                self.notify(
                    NoticeKind::NightProgress,
                    crate::i18n::Words::of(|| {
                        tr!("notice-night-lock-failed", error = error.to_string())
                    }),
                );
                Ok(None)
            }
        }
    }

    /// Turn this app into the host console of `night`, holding its `lock` (see
    /// [`Self::lock_night`]): its first card (or the question where to resume a night cut
    /// short), every deck checked in the background.
    pub(super) fn enter_night(&mut self, night: Night, lock: Option<NightLock>) {
        // The night keeps its own progress; a show's place and question are over.
        self.talk_resume = super::resume::TalkResume::default();
        let data_dir = self.night_data_dir();
        let converter = self.converter();
        let hosting = Hosting::open(
            night,
            lock,
            data_dir.as_deref(),
            &mut self.notices,
            self.waker.clone(),
            converter,
        );
        let ask_first = hosting.resume_offer.is_some();
        self.mode = Mode::Night(Box::new(hosting));
        if !ask_first {
            self.night_log(Event::NightOpened);
            self.save_progress();
        }
    }

    /// Log the running order as it is now: the log numbers the rows after it the same way the
    /// console does.
    pub(super) fn log_running_order(&mut self) {
        if let Some(hosting) = self.mode.night() {
            let order = hosting.progress.order.clone();
            self.night_log(Event::RunningOrder { order });
        }
    }

    /// The night's progress, when a night is on (tests and tools).
    #[must_use]
    pub fn night_progress(&self) -> Option<&Progress> {
        self.mode.night().map(|hosting| &hosting.progress)
    }

    /// Whether the talk whose card is up has its deck in, ready to start (tests and tools).
    #[must_use]
    pub fn night_card_armed(&self) -> bool {
        self.mode.night().is_some_and(|hosting| {
            matches!(
                hosting.progress.stage,
                Stage::Card { item } if hosting.deck_item() == Some(item)
            ) && self.talk.state(self.clock.now()) == TalkState::Ready
        })
    }

    /// The words on the night's card, when a night is on.
    #[must_use]
    pub fn night_card(&self) -> Option<&NightCardText> {
        self.mode.night().map(|hosting| &hosting.card)
    }

    /// Write a line of the night's log (on the file thread).
    pub(super) fn night_log(&mut self, event: Event) {
        let Some(hosting) = self.mode.night() else {
            return;
        };
        if let Some((log, entry)) = hosting.record(event)
            && let Some(files) = &self.files
        {
            files.append_log(log, entry);
        }
    }

    /// Write a line of the night's log that happened at `unix_ms`, not now (a break that ran out
    /// while Pecha was closed).
    pub(super) fn night_log_at(&mut self, event: Event, unix_ms: i64) {
        let Some(hosting) = self.mode.night() else {
            return;
        };
        if let Some((log, mut entry)) = hosting.record(event)
            && let Some(files) = &self.files
        {
            entry.unix_ms = unix_ms;
            files.append_log(log, entry);
        }
    }

    /// Write the night's progress (on the file thread).
    pub(super) fn save_progress(&mut self) {
        let Some(hosting) = self.mode.night() else {
            return;
        };
        if hosting.resume_offer.is_some() {
            // Nothing is decided yet: the saved progress must survive until the host answers.
            return;
        }
        if let (Some(store), Some(files)) = (&hosting.store, &self.files) {
            files.save_progress(store.clone(), hosting.progress.clone());
        }
    }

    pub(super) fn start_item(&mut self, item: usize, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        match hosting.night.running_order.get(item) {
            Some(Item::Talk(talk)) => {
                let armed =
                    hosting.deck_item == Some(item) && self.talk.state(now) == TalkState::Ready;
                if !armed {
                    let message = crate::i18n::Words::of(|| {
                        tr!(
                            "notice-deck-still-loading",
                            presenter = talk.presenter.as_str()
                        )
                    });
                    self.notify(NoticeKind::DeckStillLoading(item), message);
                    return;
                }
                let presenter = talk.presenter.clone();
                hosting.progress.start_talk(item);
                hosting.saved_slide = 1;
                hosting.talk_before_resume_ms = 0;
                self.night_log(Event::TalkStarted { item, presenter });
                self.save_progress();
                self.start(now);
            }
            Some(Item::Break(pause)) => {
                let pause = pause.clone();
                hosting.progress.start_break(item, unix_now());
                hosting.break_ends = Some(now + pause.length);
                self.start_music(&pause.music);
                self.night_log(Event::BreakStarted { item });
                self.save_progress();
            }
            None => {}
        }
    }

    pub(super) fn start_music(&mut self, files: &[PathBuf]) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        hosting.music_problems.clear();
        if files.is_empty() {
            return;
        }
        let Some(cues) = &self.cues else {
            hosting.music_problems.push(tr!("music-no-sound"));
            return;
        };
        let waker = self.waker.clone();
        hosting.music = Some(BreakMusic::play(
            cues.mixer(),
            files.to_vec(),
            self.settings.volume,
            MUSIC_FADE,
            move || waker(),
        ));
    }

    pub(super) fn end_break(&mut self, now: Duration, early: bool) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        let Stage::Break { item, .. } = hosting.progress.stage else {
            return;
        };
        if let Some(music) = &hosting.music {
            music.fade_out(if early {
                Duration::from_secs(1)
            } else {
                MUSIC_FADE
            });
        }
        hosting.break_ends = None;
        hosting.progress.finish_current();
        let _ = now;
        self.night_log(Event::BreakEnded { item, early });
        self.save_progress();
    }

    pub(super) fn skip_item(&mut self, item: usize, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        let on_now = hosting.progress.current_item() == Some(item)
            && !matches!(hosting.progress.stage, Stage::Card { .. });
        if matches!(hosting.progress.stage, Stage::Break { item: on, .. } if on == item) {
            self.end_break(now, true);
            return;
        }
        hosting.progress.skip(item);
        if on_now && let Some(Item::Talk(talk)) = hosting.night.running_order.get(item) {
            // The log keeps the talk's actual end, however it ended.
            let presenter = talk.presenter.clone();
            let talk_ms = hosting.talk_ms(&self.talk, now);
            let paused_ms = self.talk.paused_total(now).as_millis() as u64;
            self.night_log(Event::TalkEnded {
                item,
                presenter,
                talk_ms,
                paused_ms,
            });
        }
        if on_now {
            // The talk stops here: the next card goes up on the projector.
            self.lead_in_until = None;
            self.talk = Talk::new(self.format.timing());
            if let Some(hosting) = self.mode.night_mut() {
                hosting.deck_item = None;
            }
        }
        self.night_log(Event::Skipped { item });
        self.save_progress();
    }

    /// Give an item again: its card goes up (between items only).
    pub(super) fn rerun_item(&mut self, item: usize) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        if matches!(
            hosting.progress.stage,
            Stage::Talk { .. } | Stage::Break { .. }
        ) {
            self.notify(
                NoticeKind::NotDuringNight(NightRefusal::RerunDuringItem),
                crate::i18n::Words::of(|| tr!("notice-rerun-during-item")),
            );
            return;
        }
        hosting.progress.rerun(item);
        hosting.end_logged = false;
        // The speaker may have brought a mended deck: read it again when its card goes up, and
        // check the night again, rather than skipping it on what the first check found. (Only
        // then: the check decodes every deck on every core.)
        if hosting.deck_item == Some(item) {
            hosting.deck_item = None;
        }
        if let Some(check) = hosting
            .checks
            .as_mut()
            .and_then(|checks| checks.get_mut(item))
            .filter(|check| matches!(check, Some(Checked::Unreadable(_))))
        {
            *check = None;
            hosting.checking = Checking::spawn(
                &hosting.night,
                0,
                self.waker.clone(),
                hosting.converter.clone(),
            );
        }
        self.night_log(Event::Intervention {
            item: Some(item),
            what: "put up again".into(),
        });
        self.save_progress();
    }

    pub(super) fn resume_night(&mut self, choice: ResumeChoice, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        let Some(saved) = hosting.resume_offer.take() else {
            return;
        };
        if choice == ResumeChoice::StartOver {
            self.night_log(Event::NightOpened);
            self.save_progress();
            return;
        }
        // Names are numbered by the saved running order, as the rows will show them.
        hosting.progress = saved.clone();
        // A projector blacked out before the crash stays black: the host takes it off with B.
        self.projector.blackout = saved.blackout;
        // Words kept in the night's log: English in every language, so that one log reads the
        // same whoever runs the night (`pecha log` prints them as they are).
        let description = crate::i18n::in_language(crate::i18n::Language::En, || match choice {
            _ if matches!(saved.stage, Stage::Break { .. }) => saved
                .current_item()
                .map_or_else(|| tr!("name-the-break"), |item| hosting.talk_name(item)),
            ResumeChoice::AtSlide => {
                if let Stage::Talk {
                    item,
                    slide,
                    talk_ms,
                } = saved.stage
                {
                    hosting.resume_slide = Some(slide);
                    hosting.talk_before_resume_ms = talk_ms;
                    tr!(
                        "place-at-slide",
                        name = hosting.talk_name(item),
                        slide = slide
                    )
                } else {
                    tr!("place-its-card")
                }
            }
            // Start over returned above.
            ResumeChoice::AtCard | ResumeChoice::StartOver => tr!(
                "place-card-of",
                name = saved
                    .current_item()
                    .map_or_else(|| tr!("name-the-end"), |item| hosting.talk_name(item))
            ),
        });
        match hosting.progress.stage {
            Stage::Talk { item, .. } if choice == ResumeChoice::AtCard => {
                hosting.progress.stage = Stage::Card { item };
            }
            Stage::Break { item, started_unix } => {
                // The wall clock says how much of the break is left.
                let gone =
                    Duration::from_secs(u64::try_from(unix_now() - started_unix).unwrap_or(0));
                let length = hosting.planned(item);
                if gone < length {
                    hosting.break_ends = Some(now + length.saturating_sub(gone));
                    if let Some(Item::Break(pause)) = hosting.night.running_order.get(item) {
                        let music = pause.music.clone();
                        self.start_music(&music);
                    }
                } else {
                    hosting.progress.finish_current();
                    // It ended while Pecha was closed: the log says so, at the time it did.
                    let ended_unix = started_unix + i64::try_from(length.as_secs()).unwrap_or(0);
                    self.night_log_at(Event::BreakEnded { item, early: false }, ended_unix * 1000);
                }
            }
            _ => {}
        }
        self.log_running_order();
        self.night_log(Event::Resumed { at: description });
        self.save_progress();
    }

    /// The talk's interventions, written to the night's log as they happen.
    pub(super) fn log_interventions(&mut self, events: &[LogEntry]) {
        let Some(hosting) = self.mode.night() else {
            return;
        };
        let Stage::Talk {
            item,
            slide: mut on_screen,
            ..
        } = hosting.progress.stage
        else {
            return;
        };
        for entry in events {
            // The slide on screen when it happened: the last one shown. (Not from the talk clock:
            // after going to a slide or restarting one, the clock no longer says which it is.)
            let intervention = match &entry.event {
                LogEvent::SlideShown { slide } => {
                    on_screen = *slide;
                    continue;
                }
                LogEvent::Intervention(intervention) => intervention,
                LogEvent::Finished => continue,
            };
            let slide = on_screen;
            let what = match intervention {
                Intervention::Start => continue,
                Intervention::Pause => format!("paused on slide {slide}"),
                Intervention::Resume => "resumed".to_owned(),
                Intervention::RestartSlide => format!("slide {slide} restarted"),
                Intervention::ResumeFrom { slide } => format!("went to slide {slide}"),
                Intervention::ManualAdvance => format!("next slide by hand, after slide {slide}"),
            };
            self.night_log(Event::Intervention {
                item: Some(item),
                what,
            });
        }
    }
}

/// A deck that is not ready, in a row's words: what is wrong, not only how many things are.
pub(super) fn problem_line(report: &crate::check::Report) -> String {
    let mut errors = report.errors();
    let Some(first) = errors.next() else {
        return report.summary();
    };
    let what = first.describe();
    match errors.count() {
        0 => what,
        more => tr!("row-more-problems", what = what, more = more),
    }
}

/// The command that prints the log of the night in `night_file`: plain `pecha log` for the
/// bundled example night (what `pecha` with no arguments runs), else with the file's path.
pub(super) fn log_command(night_file: &Path) -> String {
    if night_file.starts_with(crate::example::default_unpack_dir()) {
        "pecha log".to_owned()
    } else {
        format!("pecha log {}", night_file.display())
    }
}

/// The deck the app holds for a night until the first talk's deck is in: empty, with the
/// night's name.
pub(super) fn placeholder_deck(night: &Night) -> Deck {
    Deck {
        title: night.title.clone(),
        presenter: String::new(),
        format: night.format,
        slides: Vec::new(),
        source: night.source.clone(),
        base_dir: night.source.parent().map(PathBuf::from).unwrap_or_default(),
        load_warnings: Vec::new(),
    }
}
