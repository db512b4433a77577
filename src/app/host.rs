//! The app's side of a night: the running order's progress, each talk's deck loaded when its
//! card goes up, the break with its countdown and music, the log, and the crash-safe progress
//! file.
//!
//! The rules of the running order live in [`crate::night::progress`]; this module connects them
//! to the talk engine, the projector and the files. Everything slow happens elsewhere: decks load
//! and the night is checked on their own threads, progress and log lines are written by the file
//! thread, music plays on its own.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use crate::audio::music::{BreakMusic, MusicStatus};
use crate::check::NightReport;
use crate::clock::unix_now;
use crate::deck::{Deck, DeckError};
use crate::night::log::{Entry, Event, NightLog};
use crate::night::progress::{ItemState, Progress, ProgressStore, Stage};
use crate::night::{Item, Night};
use crate::timing::{Intervention, LogEntry, LogEvent, Talk, TalkState};
use crate::ui::feed::FrameKind;
use crate::ui::host::{BreakView, HostModel, HostStage, ResumeChoice, ResumeOffer, Row, RowStatus};
use crate::ui::projector::{NightCardText, ProjectorContent, ProjectorModel};
use crate::ui::{Command, NightCommand};

use super::PechaApp;

/// How long break music takes to fade in, and to fade out at the break's end.
const MUSIC_FADE: Duration = Duration::from_secs(3);

/// What the check found for one item, once it has run.
#[derive(Debug, Clone)]
enum Checked {
    Ready,
    /// Shown, but worth the host's eye (a deck with the wrong slide count still runs).
    Problem(String),
    /// The deck cannot be read: the talk cannot be given and is skipped when it comes up.
    Unreadable(String),
}

/// Where a deck loaded on another thread arrives.
type DeckArriving = Receiver<Result<Deck, DeckError>>;

/// A night under way in the app.
pub(super) struct Hosting {
    pub night: Night,
    pub progress: Progress,
    store: Option<ProgressStore>,
    log: Option<NightLog>,
    /// Per item of the night file, once the check has run.
    checks: Option<Vec<Option<Checked>>>,
    checking: Option<Receiver<NightReport>>,
    /// Music problems found by the check, for the break's row.
    music_warnings: Vec<(usize, String)>,
    /// Talk titles per item: the night file's, else the deck's once read.
    titles: Vec<String>,
    /// The item whose deck is the app's deck.
    deck_item: Option<usize>,
    /// The item whose deck is loading, since when (app clock), and where it will arrive.
    deck_loading: Option<(usize, Duration, DeckArriving)>,
    /// The break under way ends at this clock reading.
    pub break_ends: Option<Duration>,
    music: Option<BreakMusic>,
    music_problems: Vec<String>,
    /// Walking through the cards: the running-order position shown.
    pub walking: Option<usize>,
    /// Saved progress from a night cut short, until the host answers.
    pub resume_offer: Option<Progress>,
    /// A resume at a slide: put the talk there once its deck is in.
    resume_slide: Option<usize>,
    /// The slide last written to the progress file.
    saved_slide: usize,
    end_logged: bool,
    /// The words of the night card the projector shows now (or would, at the talk's end).
    pub card: NightCardText,
    /// The command that prints this night's log, for the end-of-night screen.
    log_command: String,
    /// The host clicked Skip on the talk under way: asked before it ends.
    pub skip_question: Option<usize>,
}

impl Hosting {
    /// Open `night`: read its saved progress (a small file, once, before the first frame) and
    /// start checking every deck in the background.
    /// `waker` repaints the console when the check is done.
    pub fn open(
        night: Night,
        data_dir: Option<&Path>,
        notices: &mut Vec<String>,
        waker: std::sync::Arc<dyn Fn() + Send + Sync>,
    ) -> Self {
        let count = night.running_order.len();
        let store = data_dir.map(|dir| ProgressStore::new(dir, &night.source));
        let log = data_dir.map(|dir| NightLog::new(dir, &night.source));
        if data_dir.is_none() {
            notices
                .push("no data folder: this night's progress and log are not kept on disk".into());
        }
        let mut resume_offer = None;
        if let Some(store) = &store {
            match store.load(count) {
                Ok(Some(saved)) if saved.stage == Stage::End => notices.push(
                    "the last run of this night had ended: it starts from the top again".into(),
                ),
                Ok(Some(saved)) if saved != Progress::new(count) => resume_offer = Some(saved),
                Ok(_) => {}
                Err(error) => notices.push(format!("{error}; the night starts from the top")),
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
        let checking = spawn_check(&night, waker);
        let log_command = log_command(&night.source);
        Self {
            log_command,
            skip_question: None,
            progress: Progress::new(count),
            night,
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
            resume_slide: None,
            saved_slide: 0,
            end_logged: false,
            card: NightCardText::default(),
        }
    }

    /// The item whose deck is the app's deck.
    pub fn deck_item(&self) -> Option<usize> {
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
    pub fn stage(&self) -> HostStage {
        match self.progress.stage {
            Stage::Card { item } => match self.night.running_order.get(item) {
                Some(Item::Break(_)) => HostStage::BreakCard,
                _ => HostStage::TalkCard,
            },
            Stage::Talk { .. } => HostStage::Talk,
            Stage::Break { .. } => HostStage::Break,
            Stage::End => HostStage::End,
        }
    }

    fn talk_name(&self, item: usize) -> String {
        self.talk_name_in(item, &self.progress.order)
    }

    fn position_of(&self, item: usize) -> usize {
        self.progress
            .order
            .iter()
            .position(|&it| it == item)
            .unwrap_or(item)
    }

    /// An item's name numbered by its place in `order` (the host's running order, which after
    /// a crash is the saved one), as the console's rows number it.
    fn talk_name_in(&self, item: usize, order: &[usize]) -> String {
        let place = order.iter().position(|&it| it == item).unwrap_or(item) + 1;
        match self.night.running_order.get(item) {
            Some(Item::Talk(talk)) => format!("talk {place} ({})", talk.presenter),
            Some(Item::Break(_)) => format!("the break (item {place})"),
            None => format!("item {}", item + 1),
        }
    }

    /// How long an item lasts as planned.
    fn planned(&self, item: usize) -> Duration {
        match self.night.running_order.get(item) {
            Some(Item::Talk(_)) => {
                self.night.format.slide_length() * self.night.format.slide_count() as u32
            }
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
    fn waiting_after(&self, item: usize) -> Option<usize> {
        self.progress.order.iter().copied().find(|&other| {
            other != item && self.progress.states.get(other) == Some(&ItemState::Waiting)
        })
    }

    /// The words of `item`'s card.
    fn card_text(&self, item: usize) -> NightCardText {
        let mut text = NightCardText {
            night_title: self.night.title.clone(),
            kicker: "Келесі · Далее · Next".into(),
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
                text.headline = if pause.message.is_empty() {
                    "Үзіліс · Перерыв · Break".into()
                } else {
                    pause.message.clone()
                };
                text.title = format!("{} мин · min", pause.length.as_secs().div_ceil(60));
            }
            None => {}
        }
        text
    }

    /// The running order's rows, as the console lists them.
    fn rows(&self) -> Vec<Row<'_>> {
        let stage = self.stage();
        let current = self.progress.current_item();
        self.progress
            .order
            .iter()
            .enumerate()
            .map(|(position, &item)| {
                let check = self
                    .checks
                    .as_ref()
                    .and_then(|checks| checks.get(item).cloned().flatten());
                let on_now = current == Some(item);
                let status = match self.progress.states.get(item) {
                    Some(ItemState::Done) => RowStatus::Done,
                    Some(ItemState::Skipped) => RowStatus::Skipped,
                    _ if on_now && matches!(stage, HostStage::Talk | HostStage::Break) => {
                        RowStatus::Current
                    }
                    _ if on_now => RowStatus::Next,
                    _ => match check {
                        None => RowStatus::Checking,
                        Some(Checked::Ready) => RowStatus::Ready,
                        Some(Checked::Problem(_) | Checked::Unreadable(_)) => RowStatus::Problem,
                    },
                };
                let problem = match check {
                    Some(Checked::Problem(message) | Checked::Unreadable(message)) => Some(message),
                    _ => None,
                };
                match &self.night.running_order[item] {
                    Item::Talk(talk) => Row {
                        item,
                        position,
                        is_break: false,
                        name: talk.presenter.as_str(),
                        detail: self.titles[item].clone(),
                        status,
                        problem,
                    },
                    Item::Break(pause) => Row {
                        item,
                        position,
                        is_break: true,
                        name: if pause.message.is_empty() {
                            "Break"
                        } else {
                            pause.message.as_str()
                        },
                        detail: format!("break · {} min", pause.length.as_secs().div_ceil(60)),
                        status,
                        problem: self.music_warnings_of(item),
                    },
                }
            })
            .collect()
    }

    /// What the check found wrong with one break's music, one problem a line.
    fn music_warnings_of(&self, item: usize) -> Option<String> {
        let lines: Vec<&str> = self
            .music_warnings
            .iter()
            .filter(|(of, _)| *of == item)
            .map(|(_, message)| message.as_str())
            .collect();
        (!lines.is_empty()).then(|| lines.join("\n"))
    }

    /// What the music is doing, in words, and whether it can be stopped.
    fn music_status(&self) -> (String, bool) {
        match self.music.as_ref().map(BreakMusic::status) {
            // Nothing plays because something is wrong: the reason is listed right below.
            None if !self.music_problems.is_empty() => ("silent".to_owned(), false),
            None => ("none".to_owned(), false),
            Some(MusicStatus::Starting) => ("starting…".to_owned(), true),
            Some(MusicStatus::Playing { file }) => (
                format!(
                    "playing {}",
                    file.file_name().map_or_else(
                        || file.display().to_string(),
                        |name| name.to_string_lossy().into_owned()
                    )
                ),
                true,
            ),
            Some(MusicStatus::FadingOut) => ("fading out".to_owned(), false),
            Some(MusicStatus::Stopped) => ("stopped".to_owned(), false),
            Some(MusicStatus::Failed) => ("none of the files plays".to_owned(), false),
        }
    }

    /// The break under way, for the console.
    fn break_view(&self, now: Duration) -> Option<BreakView> {
        match self.progress.stage {
            Stage::Break { item, .. } => {
                let remaining = self
                    .break_ends
                    .map_or(Duration::ZERO, |ends| ends.saturating_sub(now));
                let (music, music_playing) = self.music_status();
                // What playing found; before it knows, what the check found before doors opened.
                let mut music_problems = self.music_problems.clone();
                let played = self
                    .music
                    .as_ref()
                    .map(BreakMusic::problems)
                    .unwrap_or_default();
                if played.is_empty() {
                    music_problems.extend(self.music_warnings_of(item));
                } else {
                    music_problems.extend(played);
                }
                Some(BreakView {
                    remaining,
                    back_at: clock_at(remaining),
                    music,
                    music_playing,
                    music_problems,
                })
            }
            _ => None,
        }
    }

    /// For a break that was under way: when its time ran out by the wall clock (Unix
    /// milliseconds), if it did.
    fn break_ran_out(&self, stage: &Stage) -> Option<i64> {
        let Stage::Break { item, started_unix } = *stage else {
            return None;
        };
        let ends = started_unix + i64::try_from(self.planned(item).as_secs()).unwrap_or(0);
        (unix_now() >= ends).then_some(ends * 1000)
    }

    /// The question after a restart, while it is open.
    fn resume_question(&self) -> Option<ResumeOffer> {
        self.resume_offer.as_ref().map(|saved| ResumeOffer {
            was_at: match saved.stage {
                Stage::Talk { item, slide, .. } => {
                    format!("{}, slide {slide}", self.talk_name_in(item, &saved.order))
                }
                Stage::Card { item } => {
                    format!("the card of {}", self.talk_name_in(item, &saved.order))
                }
                Stage::Break { item, .. } => self.talk_name_in(item, &saved.order),
                Stage::End => "the end".into(),
            },
            in_break: matches!(saved.stage, Stage::Break { .. }),
            break_over: self.break_ran_out(&saved.stage).is_some(),
            items: saved.states.len(),
            done: saved
                .states
                .iter()
                .filter(|state| **state != ItemState::Waiting)
                .count(),
            at_slide: match saved.stage {
                Stage::Talk { slide, .. } => Some(slide),
                _ => None,
            },
        })
    }

    fn record(&self, event: Event) -> Option<(NightLog, Entry)> {
        let log = self.log.clone()?;
        Some((log, Entry::now(event)))
    }
}

impl PechaApp {
    /// Write a line of the night's log (on the file thread).
    pub(super) fn night_log(&mut self, event: Event) {
        let Some(hosting) = &self.hosting else { return };
        if let Some((log, entry)) = hosting.record(event)
            && let Some(files) = &self.files
        {
            files.append_log(log, entry);
        }
    }

    /// Write a line of the night's log that happened at `unix_ms`, not now (a break that ran out
    /// while Pecha was closed).
    fn night_log_at(&mut self, event: Event, unix_ms: i64) {
        let Some(hosting) = &self.hosting else { return };
        if let Some((log, mut entry)) = hosting.record(event)
            && let Some(files) = &self.files
        {
            entry.unix_ms = unix_ms;
            files.append_log(log, entry);
        }
    }

    /// Write the night's progress (on the file thread).
    pub(super) fn save_progress(&mut self) {
        let Some(hosting) = &self.hosting else { return };
        if hosting.resume_offer.is_some() {
            // Nothing is decided yet: the saved progress must survive until the host answers.
            return;
        }
        if let (Some(store), Some(files)) = (&hosting.store, &self.files) {
            files.save_progress(store.clone(), hosting.progress.clone());
        }
    }

    /// The host's commands, and the show's commands a night handles itself. Returns the command
    /// back when the show should apply it as usual.
    pub(super) fn apply_night(&mut self, command: Command, now: Duration) -> Option<Command> {
        let hosting = self.hosting.as_mut()?;
        let answering = matches!(
            command,
            Command::Night(NightCommand::Resume(_))
                | Command::RequestQuit
                | Command::ConfirmQuit
                | Command::CancelQuit
                | Command::DismissNotice(_)
        );
        if hosting.resume_offer.is_some() && !answering {
            // Until the host says where the night goes on, nothing else may move it.
            return None;
        }
        match command {
            Command::Start if hosting.walking.is_some() => {}
            Command::Start => match hosting.progress.stage {
                Stage::Card { item } => self.start_item(item, now),
                _ => return Some(Command::Start),
            },
            Command::Night(
                skip
                @ (NightCommand::Skip(_) | NightCommand::AskSkip(_) | NightCommand::CancelSkip),
            ) => self.skip_command(&skip, now),
            Command::Night(NightCommand::Move { from, to }) => {
                let moved = hosting.progress.order.get(from).copied();
                hosting.progress.move_item(from, to);
                if let Some(item) = moved {
                    self.night_log(Event::Intervention {
                        item: Some(item),
                        what: format!("moved to place {}", to + 1),
                    });
                }
                self.save_progress();
            }
            Command::Night(NightCommand::Rerun(item)) => self.rerun_item(item),
            Command::Night(NightCommand::EndBreak) => self.end_break(now, true),
            Command::ToggleBlackout => {
                let on = !self.projector.blackout;
                hosting.progress.blackout = on;
                self.night_log(Event::Intervention {
                    item: None,
                    what: format!("blackout {}", if on { "on" } else { "off" }),
                });
                self.save_progress();
                return Some(Command::ToggleBlackout);
            }
            Command::Night(NightCommand::StopMusic) => {
                if let Some(music) = &hosting.music {
                    music.stop_now();
                    let item = hosting.progress.current_item();
                    self.night_log(Event::Intervention {
                        item,
                        what: "music stopped".into(),
                    });
                }
            }
            Command::Night(NightCommand::WalkCards(position)) => {
                let allowed = matches!(hosting.progress.stage, Stage::Card { .. } | Stage::End);
                if position.is_some() && !allowed {
                    self.notify("walk through the cards between talks, not during one".into());
                } else {
                    let stops = hosting.walk_stops();
                    hosting.walking = position.filter(|&position| position < stops);
                }
            }
            Command::Night(NightCommand::Resume(choice)) => self.resume_night(choice, now),
            Command::ToggleRehearsal => self.notify(
                "rehearsal mode is for one talk: open its deck with `pecha --rehearse DECK`".into(),
            ),
            Command::OpenDeck(_) | Command::OpenDialog { .. } => self.notify(
                "a night is open: run `pecha DECK` in another window to look at one deck".into(),
            ),
            Command::GoToSlide(_) | Command::ResetTalk | Command::RestartTalk
                if !matches!(hosting.progress.stage, Stage::Talk { .. }) => {}
            other => return Some(other),
        }
        None
    }

    fn start_item(&mut self, item: usize, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        match hosting.night.running_order.get(item) {
            Some(Item::Talk(talk)) => {
                let armed =
                    hosting.deck_item == Some(item) && self.talk.state(now) == TalkState::Ready;
                if !armed {
                    let message = format!(
                        "{}'s deck is still loading: start again in a moment",
                        talk.presenter
                    );
                    self.notify(message);
                    return;
                }
                let presenter = talk.presenter.clone();
                hosting.progress.start_talk(item);
                hosting.saved_slide = 1;
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

    fn start_music(&mut self, files: &[PathBuf]) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        hosting.music_problems.clear();
        if files.is_empty() {
            return;
        }
        let Some(cues) = &self.cues else {
            hosting
                .music_problems
                .push("no sound device: the break is silent".into());
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

    fn end_break(&mut self, now: Duration, early: bool) {
        let Some(hosting) = &mut self.hosting else {
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

    fn skip_item(&mut self, item: usize, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
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
            let talk_ms = self.talk.talk_elapsed(now).as_millis() as u64;
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
            if let Some(hosting) = &mut self.hosting {
                hosting.deck_item = None;
            }
        }
        self.night_log(Event::Intervention {
            item: Some(item),
            what: "skipped".into(),
        });
        self.save_progress();
    }

    /// Give an item again: its card goes up (between items only).
    fn rerun_item(&mut self, item: usize) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        if matches!(
            hosting.progress.stage,
            Stage::Talk { .. } | Stage::Break { .. }
        ) {
            self.notify("finish or skip what is on before running an item again".into());
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
            hosting.checking = spawn_check(&hosting.night, self.waker.clone());
        }
        self.night_log(Event::Intervention {
            item: Some(item),
            what: "put up again".into(),
        });
        self.save_progress();
    }

    /// Skip an item; for the talk under way, the question before and its answer.
    fn skip_command(&mut self, command: &NightCommand, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        match *command {
            NightCommand::Skip(item) => {
                hosting.skip_question = None;
                self.skip_item(item, now);
            }
            NightCommand::AskSkip(item) => hosting.skip_question = Some(item),
            _ => hosting.skip_question = None,
        }
    }

    fn resume_night(&mut self, choice: ResumeChoice, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
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
        let description = match choice {
            _ if matches!(saved.stage, Stage::Break { .. }) => saved
                .current_item()
                .map_or_else(|| "the break".into(), |item| hosting.talk_name(item)),
            ResumeChoice::AtSlide => {
                if let Stage::Talk { item, slide, .. } = saved.stage {
                    hosting.resume_slide = Some(slide);
                    format!("{}, slide {slide}", hosting.talk_name(item))
                } else {
                    String::from("its card")
                }
            }
            // Start over returned above.
            ResumeChoice::AtCard | ResumeChoice::StartOver => format!(
                "the card of {}",
                saved
                    .current_item()
                    .map_or_else(|| "the end".into(), |item| hosting.talk_name(item))
            ),
        };
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
        self.night_log(Event::Resumed { at: description });
        self.save_progress();
    }

    /// Bring the night up to `now`: checks and decks that arrived, the talk's end, the break's
    /// end, where the talk is for the progress file.
    pub(super) fn advance_night(&mut self, ctx: &egui::Context, now: Duration) {
        self.take_night_work(ctx, now);
        self.advance_stage(now);
        // "Skip the talk under way?" has no object once that talk is over.
        if let Some(hosting) = &mut self.hosting
            && let Some(item) = hosting.skip_question
            && !matches!(hosting.progress.stage, Stage::Talk { item: on, .. } if on == item)
        {
            hosting.skip_question = None;
        }
        // The end is logged the moment it comes, not at the next frame (which may be a minute on).
        if let Some(hosting) = &mut self.hosting
            && hosting.progress.stage == Stage::End
            && !hosting.end_logged
        {
            hosting.end_logged = true;
            self.night_log(Event::NightEnded);
        }
    }

    /// Take in the check's report and the deck that loaded for the card on screen.
    fn take_night_work(&mut self, ctx: &egui::Context, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        if let Some(receiver) = &hosting.checking
            && let Ok(report) = receiver.try_recv()
        {
            hosting.checking = None;
            let mut checks = vec![None; hosting.night.running_order.len()];
            for talk in &report.talks {
                let item = talk.position - 1;
                if let Some(title) = hosting.titles.get_mut(item)
                    && title.is_empty()
                {
                    title.clone_from(&talk.title);
                }
                checks[item] = Some(match (&talk.error, &talk.report) {
                    (Some(error), _) => Checked::Unreadable(error.clone()),
                    (None, Some(report)) if !talk.ready => Checked::Problem(problem_line(report)),
                    _ => Checked::Ready,
                });
            }
            for (item, check) in checks.iter_mut().enumerate() {
                if matches!(hosting.night.running_order[item], Item::Break(_)) {
                    *check = Some(Checked::Ready);
                }
            }
            hosting.music_warnings = report.music_problems;
            hosting.checks = Some(checks);
        }
        if let Some((item, since, receiver)) = &hosting.deck_loading
            && let Ok(loaded) = receiver.try_recv()
        {
            let item = *item;
            log::info!(
                "night: the deck of item {} arrived {} ms after its card went up",
                item + 1,
                now.saturating_sub(*since).as_millis()
            );
            hosting.deck_loading = None;
            match loaded {
                Ok(deck) => {
                    if let Some(title) = hosting.titles.get_mut(item)
                        && title.is_empty()
                    {
                        title.clone_from(&deck.title);
                    }
                    if hosting.progress.current_item() == Some(item) {
                        hosting.deck_item = Some(item);
                        let resume_slide = hosting.resume_slide.take();
                        self.replace_deck(ctx, deck);
                        if let Some(slide) = resume_slide {
                            self.talk.resume_from(slide, now);
                            self.talk.pause(now);
                        }
                    }
                }
                Err(error) => {
                    let message = error.to_string();
                    if let Some(checks) = &mut hosting.checks
                        && let Some(check) = checks.get_mut(item)
                    {
                        *check = Some(Checked::Unreadable(message.clone()));
                    }
                    let name = hosting.talk_name(item);
                    self.notify(format!(
                        "{name} skipped: its deck cannot be read: {message}"
                    ));
                    self.skip_item(item, now);
                }
            }
        }
    }

    /// Move the night on: load the deck of the card on screen, follow the talk, end the break.
    fn advance_stage(&mut self, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        match hosting.progress.stage {
            Stage::Card { item } | Stage::Talk { item, .. } if hosting.resume_offer.is_none() => {
                let is_talk = matches!(hosting.night.running_order.get(item), Some(Item::Talk(_)));
                let state = self.talk.state(now);
                let on_card = matches!(hosting.progress.stage, Stage::Card { .. });
                let armed =
                    hosting.deck_item == Some(item) && (!on_card || state == TalkState::Ready);
                let loading = hosting
                    .deck_loading
                    .as_ref()
                    .is_some_and(|(it, _, _)| *it == item);
                let unreadable = hosting
                    .checks
                    .as_ref()
                    .and_then(|checks| checks.get(item).cloned().flatten())
                    .and_then(|check| match check {
                        Checked::Unreadable(message) => Some(message),
                        _ => None,
                    });
                if is_talk && !armed && !loading {
                    if let Some(message) = unreadable.filter(|_| on_card) {
                        let name = hosting.talk_name(item);
                        self.notify(format!(
                            "{name} skipped: its deck cannot be read: {message}"
                        ));
                        self.skip_item(item, now);
                    } else if let Some(Item::Talk(talk)) = hosting.night.running_order.get(item) {
                        let (sender, receiver) = channel();
                        let night = hosting.night.clone();
                        let talk = talk.clone();
                        let waker = self.waker.clone();
                        let spawned = std::thread::Builder::new().name("pecha-load".into()).spawn(
                            move || {
                                let _ = sender.send(night.load_deck(&talk));
                                waker();
                            },
                        );
                        if spawned.is_ok() {
                            hosting.deck_loading = Some((item, now, receiver));
                        }
                    }
                } else if !on_card && armed {
                    self.follow_night_talk(item, state, now);
                }
            }
            Stage::Break { .. } if hosting.break_ends.is_some_and(|ends| now >= ends) => {
                self.end_break(now, false);
            }
            _ => {}
        }
    }

    /// The talk under way: the progress file learns each new slide; at its end the next card
    /// goes up.
    fn follow_night_talk(&mut self, item: usize, state: TalkState, now: Duration) {
        let Some(hosting) = &mut self.hosting else {
            return;
        };
        if state == TalkState::Finished {
            let presenter = match hosting.night.running_order.get(item) {
                Some(Item::Talk(talk)) => talk.presenter.clone(),
                _ => String::new(),
            };
            let talk_ms = self.talk.talk_elapsed(now).as_millis() as u64;
            let paused_ms = self.talk.paused_total(now).as_millis() as u64;
            hosting.progress.finish_current();
            self.night_log(Event::TalkEnded {
                item,
                presenter,
                talk_ms,
                paused_ms,
            });
            self.save_progress();
            return;
        }
        let slide = self.talk.current_slide(now);
        if slide != hosting.saved_slide && state != TalkState::Ready {
            hosting.saved_slide = slide;
            hosting
                .progress
                .talk_at(slide, self.talk.talk_elapsed(now).as_millis() as u64);
            self.save_progress();
        }
    }

    /// The talk's interventions, written to the night's log as they happen.
    pub(super) fn log_interventions(&mut self, events: &[LogEntry]) {
        let Some(hosting) = &self.hosting else { return };
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

    /// The projector's frame while a night is on and no talk is showing slides; `None` when the
    /// talk's own frame applies.
    pub(super) fn night_frame(&self, state: TalkState, now: Duration) -> Option<FrameKind> {
        let hosting = self.hosting.as_ref()?;
        if hosting.resume_offer.is_some() {
            return Some(FrameKind::Black);
        }
        if let Some(position) = hosting.walking {
            return Some(if position < hosting.progress.order.len() {
                FrameKind::NightCard
            } else {
                FrameKind::NightEnd
            });
        }
        Some(match hosting.progress.stage {
            Stage::Card { .. } => FrameKind::NightCard,
            Stage::Talk { item, .. } => match state {
                TalkState::Running | TalkState::Paused => return None,
                TalkState::Ready => FrameKind::NightCard,
                TalkState::Finished if hosting.waiting_after(item).is_some() => {
                    FrameKind::NightCard
                }
                TalkState::Finished => FrameKind::NightEnd,
            },
            Stage::Break { .. } => FrameKind::BreakCard {
                seconds_left: crate::ui::widgets::countdown_seconds(
                    hosting
                        .break_ends
                        .map_or(Duration::ZERO, |ends| ends.saturating_sub(now)),
                ),
            },
            Stage::End => FrameKind::NightEnd,
        })
    }

    /// The words the projector's night cards show now.
    pub(super) fn night_card_text(&self, state: TalkState) -> Option<NightCardText> {
        let hosting = self.hosting.as_ref()?;
        let item = if let Some(position) = hosting.walking {
            hosting.progress.order.get(position).copied()
        } else {
            match hosting.progress.stage {
                Stage::Card { item } => Some(item),
                // During a talk the card is already the next one, for the instant it ends.
                Stage::Talk { item, .. } if state == TalkState::Ready => Some(item),
                Stage::Talk { item, .. } => hosting.waiting_after(item),
                Stage::Break { item, .. } => {
                    let mut text = hosting.card_text(item);
                    // The headline already says it is a break.
                    text.kicker.clear();
                    text.title.clear();
                    let back_at = hosting
                        .break_ends
                        .map(|ends| clock_at(ends.saturating_sub(self.clock.now())));
                    if let Some(back_at) = back_at {
                        text.detail = format!("Жалғасы · Продолжим · Back at {back_at}");
                    }
                    return Some(text);
                }
                Stage::End => None,
            }
        };
        Some(item.map_or_else(
            || NightCardText {
                night_title: hosting.night.title.clone(),
                ..NightCardText::default()
            },
            |item| hosting.card_text(item),
        ))
    }

    /// The console's model.
    pub(super) fn host_model<'a>(
        &'a self,
        now: Duration,
        audience: ProjectorModel<'a>,
    ) -> Option<HostModel<'a>> {
        let hosting = self.hosting.as_ref()?;
        let stage = hosting.stage();
        let current = hosting.progress.current_item();
        let rows = hosting.rows();
        // What is left: the rest of what is on, then every waiting item in full.
        let on_now_left = match hosting.progress.stage {
            Stage::Talk { .. } => self.talk.talk_remaining(now),
            Stage::Break { .. } => hosting
                .break_ends
                .map_or(Duration::ZERO, |ends| ends.saturating_sub(now)),
            Stage::Card { .. } | Stage::End => Duration::ZERO,
        };
        let waiting_left: Duration = hosting
            .progress
            .order
            .iter()
            .filter(|&&item| {
                hosting.progress.states.get(item) == Some(&ItemState::Waiting)
                    && !(current == Some(item)
                        && matches!(stage, HostStage::Talk | HostStage::Break))
                    // A talk whose deck cannot be read will be skipped: it takes no time.
                    && !matches!(
                        hosting.checks.as_ref().and_then(|checks| checks.get(item)),
                        Some(Some(Checked::Unreadable(_)))
                    )
            })
            .map(|&item| hosting.planned(item))
            .sum();
        let left_in_night = on_now_left + waiting_left;
        let talks_total = hosting
            .night
            .running_order
            .iter()
            .filter(|item| matches!(item, Item::Talk(_)))
            .count();
        let talks_done = hosting
            .night
            .running_order
            .iter()
            .enumerate()
            .filter(|(item, kind)| {
                matches!(kind, Item::Talk(_))
                    && hosting.progress.states.get(*item) == Some(&ItemState::Done)
            })
            .count();
        let (primary, waiting_for) = match hosting.progress.stage {
            Stage::Card { item } => match &hosting.night.running_order[item] {
                Item::Talk(talk) => {
                    if hosting.deck_item == Some(item) && self.talk.state(now) == TalkState::Ready {
                        (
                            Some(format!(
                                "Start talk {}: {}  (Space)",
                                hosting.position_of(item) + 1,
                                talk.presenter
                            )),
                            None,
                        )
                    } else {
                        (None, Some(format!("Loading {}'s deck…", talk.presenter)))
                    }
                }
                Item::Break(_) => (Some("Start the break  (Space)".to_owned()), None),
            },
            _ => (None, None),
        };
        let break_view = hosting.break_view(now);
        let resume_offer = hosting.resume_question();
        // Nothing loads until the host answers where the night goes on.
        let waiting_for = waiting_for.filter(|_| resume_offer.is_none());
        Some(HostModel {
            night_title: &hosting.night.title,
            rows,
            stage,
            primary: primary.filter(|_| hosting.walking.is_none()),
            waiting_for,
            left_in_night,
            expected_end: clock_at(left_in_night),
            talks_done: (talks_done, talks_total),
            break_view,
            audience,
            walking: hosting
                .walking
                .map(|position| (position, hosting.walk_stops())),
            resume_offer,
            log_command: &hosting.log_command,
            // `advance_night` drops the question when its talk ends.
            skip_question: hosting
                .skip_question
                .map(|item| (item, hosting.talk_name(item))),
        })
    }

    /// The audience's picture for the console's stage panel.
    pub(super) fn night_audience(
        kind: FrameKind,
        text: &NightCardText,
    ) -> Option<ProjectorContent<'_>> {
        Some(match kind {
            FrameKind::NightCard => ProjectorContent::NightCard(text),
            FrameKind::BreakCard { seconds_left } => {
                ProjectorContent::BreakCard { text, seconds_left }
            }
            FrameKind::NightEnd => ProjectorContent::NightEnd {
                night_title: &text.night_title,
            },
            _ => return None,
        })
    }
}

/// A deck that is not ready, in a row's words: what is wrong, not only how many things are.
fn problem_line(report: &crate::check::Report) -> String {
    let mut errors = report.errors();
    let Some(first) = errors.next() else {
        return report.summary();
    };
    let what = match (first.slide, &first.file) {
        (Some(slide), Some(file)) => {
            format!("slide {slide} ({}): {}", file.display(), first.message)
        }
        (Some(slide), None) => format!("slide {slide}: {}", first.message),
        _ => first.message.clone(),
    };
    match errors.count() {
        0 => what,
        more => format!(
            "{what}, and {} more (`pecha check` lists them)",
            crate::text::plural(more, "problem")
        ),
    }
}

/// The local time `after` from now, `HH:MM`, to the nearest minute (cut down instead, an end
/// at 21:59:50 would read 21:59).
fn clock_at(after: Duration) -> String {
    let after = chrono::Duration::from_std(after + Duration::from_secs(30))
        .unwrap_or(chrono::Duration::zero());
    (chrono::Local::now() + after).format("%H:%M").to_string()
}

/// The command that prints the log of the night in `night_file`: plain `pecha log` for the
/// bundled example night (what `pecha` with no arguments runs), else with the file's path.
fn log_command(night_file: &Path) -> String {
    if night_file.starts_with(crate::example::default_unpack_dir()) {
        "pecha log".to_owned()
    } else {
        format!("pecha log {}", night_file.display())
    }
}

/// Check every deck of `night` on a thread of its own; `waker` repaints the console when the
/// report is in (it shows `checking` until then, and must not wait for the next mouse move).
fn spawn_check(
    night: &Night,
    waker: std::sync::Arc<dyn Fn() + Send + Sync>,
) -> Option<Receiver<NightReport>> {
    let (sender, receiver) = channel();
    let to_check = night.clone();
    std::thread::Builder::new()
        .name("pecha-check".into())
        .spawn(move || {
            let _ = sender.send(crate::check::check_night(&to_check));
            waker();
        })
        .ok()
        .map(|_| receiver)
}
