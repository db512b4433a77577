//! What happens as time passes and work arrives, once per pass of the app (`logic`, before
//! anything is drawn): the frames the projector presented are taken in (a talk waiting for slide
//! 1 on the screen starts then; the trace), the lead-in ends, the talk advances at its deadlines
//! (cues, the rehearsal's record, the night's progress and log), slides are prepared around the
//! current one, `--start` and `--quit-when-done` act, a night moves on (decks arriving, a talk's
//! end, the break's end), and what background threads finished is taken in.
//!
//! Then [`next_wake`] says when the presenter view must be painted next: the next countdown
//! second, slide deadline or minute of the wall clock (each second while the projector waits
//! for its monitor to come back), and nothing in between.

use std::sync::mpsc::channel;
use std::time::Duration;

use egui::ViewportId;

use super::checking::{CheckEvent, CheckNews, STALL_LIMIT};
use super::night::{Checked, problem_line};
use super::notices::{NoticeKind, OpeningNotice, deck_problems};
use super::projector::projector_viewport;
use super::rehearsal::TAP_MESSAGE_TIME;
use super::{Loading, Modal, PechaApp};
use crate::audio::Cue;
use crate::files::{FileEvent, FileWorker};
use crate::night::Item;
use crate::night::log::Event;
use crate::night::progress::Stage;
use crate::rehearsal::LoopPhase;
use crate::timing::{Intervention, LogEvent, TalkState};

/// How long the presenter view waits after the projector at a shared deadline.
const PRESENTER_LAG: Duration = Duration::from_millis(6);

/// How often the app wakes, at least, while the projector waits for its monitor to come back.
const MONITOR_WAIT_WAKE: Duration = Duration::from_secs(1);

impl PechaApp {
    /// Advance everything to `now`: lead-in, talk, cues, slides, `--start`, `--quit-when-done`.
    pub(super) fn advance(&mut self, ctx: &egui::Context, now: Duration) {
        if let Some(until) = self.lead_in_until
            && now >= until
        {
            self.lead_in_until = None;
            // The talk starts at the end of the lead-in, not at this (possibly late) frame.
            self.talk.start(until);
        }
        self.follow_talk(now);
        self.advance_night(ctx, now);
        if let Some(text) = self.night_card_text(self.talk.state(now))
            && let Some(hosting) = self.mode.night_mut()
            && hosting.card != text
        {
            hosting.card = text;
        }
        self.loop_cues(now);
        self.retry_history_save(now);
        let state = self.talk.state(now);
        if state == TalkState::Running {
            let seconds = crate::ui::widgets::countdown_seconds(self.talk.slide_remaining(now));
            if self.last_tick_second != Some(seconds)
                && (1..=3).contains(&seconds)
                && self.last_tick_second.is_some()
            {
                self.play(Cue::Tick);
            }
            self.last_tick_second = Some(seconds);
        } else {
            self.last_tick_second = None;
        }
        let current = self.talk.current_slide(now);
        self.slides.collect(ctx, &self.deck, current);
        self.slides.keep_around(&self.deck, current);
        if self.options.start && state == TalkState::Ready && self.slides.is_settled(1) {
            // As Space would: the talk's clock starts when slide 1 is on the screen.
            self.options.start = false;
            log::info!("--start: slide 1 ready {} ms after launch", now.as_millis());
            self.start(now);
        }
        if self.options.quit_when_done && state == TalkState::Finished && !self.quitting {
            self.quit(ctx);
        }
    }

    /// Bring the talk's log up to `now`: cues for what happened, and the rehearsal's record.
    pub(super) fn follow_talk(&mut self, now: Duration) {
        let events = self.talk.update(now);
        for entry in &events {
            match entry.event {
                LogEvent::Intervention(Intervention::Start) => log::info!(
                    "talk started at {:.3} ms after launch",
                    entry.wall.as_secs_f64() * 1000.0
                ),
                LogEvent::SlideShown { slide } if slide > 1 => self.play(Cue::Advance),
                LogEvent::Finished => self.play(Cue::End),
                _ => {}
            }
        }
        self.log_interventions(&events);
        self.keep_talk_place(now);
        let slide_count = self.talk.timing().slide_count;
        if let Some(rehearsing) = self.mode.rehearsal_mut()
            && rehearsing.follow(&events, slide_count)
        {
            self.run_finished();
        }
    }

    /// The loop's cues: a click as each try starts, ticks in its last three seconds.
    pub(super) fn loop_cues(&mut self, now: Duration) {
        let Some(rehearsing) = self.mode.rehearsal_mut() else {
            return;
        };
        let Some(slide_loop) = &rehearsing.slide_loop else {
            return;
        };
        let LoopPhase::Speaking { attempt, remaining } = slide_loop.phase(now) else {
            return;
        };
        let second = crate::ui::widgets::countdown_seconds(remaining);
        let previous = rehearsing.loop_cue.replace((attempt, second));
        let cue = match previous {
            Some((previous_attempt, _)) if previous_attempt != attempt => Some(Cue::Advance),
            Some((_, previous_second))
                if previous_second != second && (1..=3).contains(&second) =>
            {
                Some(Cue::Tick)
            }
            _ => None,
        };
        if let Some(cue) = cue {
            self.play(cue);
        }
    }

    /// Take in the slide frames the projector presented since the last pass: the one that
    /// starts the talk starts its clock at the instant it reached the screen. `pass_started` is
    /// when this pass began: the projector's frames were swapped before it, so it stands in for
    /// a frame the renderer did not time. Returns the frames, with the instant each reached the
    /// screen, for [`Self::trace_presented`] once the talk has been brought up to date.
    pub(super) fn take_presented(&mut self, pass_started: Duration) -> Vec<(usize, Duration)> {
        let painted = self
            .projector
            .feed
            .lock()
            .map(|mut feed| std::mem::take(&mut feed.painted))
            .unwrap_or_default();
        let mut presented = Vec::with_capacity(painted.len());
        for painted in painted {
            let at = painted.presented.unwrap_or_else(|| {
                log::debug!(
                    "slide {} not timed by the renderer: taken as presented when this pass began",
                    painted.slide
                );
                pass_started
            });
            if painted.starts_talk && self.talk.slide_one_on_screen(at) {
                log::info!(
                    "slide 1 on the projector {:.3} ms after launch: the talk's clock starts",
                    at.as_secs_f64() * 1000.0
                );
            }
            presented.push((painted.slide, at));
        }
        presented
    }

    /// Put the frames [`Self::take_presented`] took into the trace (which needs the talk's log
    /// to have each slide shown, so after [`Self::advance`]).
    pub(super) fn trace_presented(&mut self, presented: &[(usize, Duration)]) {
        for &(slide, at) in presented {
            if !self.projector.first_slide_logged {
                self.projector.first_slide_logged = true;
                log::info!(
                    "first slide on the projector {} ms after launch",
                    at.as_millis()
                );
            }
            if let Some(trace) = &mut self.trace {
                trace.presented(&self.talk, slide, at);
            }
        }
    }

    /// Without a projector the presenter's window is the screen: a talk waiting for slide 1
    /// starts once a frame of the presenter view was on the screen (its window mapped), at the
    /// start of the pass after it, which eframe runs after that frame's swap.
    pub(super) fn start_on_presenter(&mut self, pass_started: Duration) {
        if self.talk.waits_for_slide_one(pass_started)
            && !self.projector.showing()
            && self.presenter_on_screen
        {
            self.talk.slide_one_on_screen(pass_started);
        }
    }

    /// A projector window closed from outside (destroyed by another X client): the window
    /// system reports it as a close request on a window that is no longer visible, so the
    /// projector's own pass, which takes its close button to the feed, never runs to see it.
    /// Hand it to the feed here, as that pass would, so that closing it from outside is what
    /// closing it by hand is: the talk goes on, the banner says so, the menu opens it again.
    pub(super) fn take_projector_gone(&mut self, ctx: &egui::Context) {
        let gone = ctx.input(|input| {
            input
                .raw
                .viewports
                .get(&projector_viewport())
                .is_some_and(|info| info.events.contains(&egui::ViewportEvent::Close))
        });
        if gone && let Ok(mut feed) = self.projector.feed.lock() {
            feed.close_requested = true;
        }
    }

    pub(super) fn play(&self, cue: Cue) {
        let sound = if self.mode.is_rehearsal() {
            self.settings.rehearsal_sound
        } else {
            self.settings.sound
        };
        if sound && let Some(cues) = &self.cues {
            cues.play(cue, self.settings.volume);
        }
    }

    /// Take in what the file dialog and the loading thread finished.
    pub(super) fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(receiver) = &self.dialog
            && let Ok(chosen) = receiver.try_recv()
        {
            self.dialog = None;
            match chosen {
                Some(path) => self.apply(ctx, crate::ui::Command::OpenDeck(path)),
                None => self.notify(
                    NoticeKind::Opening(OpeningNotice::NothingChosen),
                    crate::i18n::Words::of(|| crate::tr!("notice-nothing-chosen")),
                ),
            }
        }
        while let Some(loading) = self.opening.as_ref().and_then(|r| r.try_recv().ok()) {
            match loading {
                Loading::Converting { file, seconds } => {
                    self.notify(NoticeKind::Converting, converting_words(&file, seconds));
                }
                Loading::Done(opened) => {
                    self.opening = None;
                    self.notices
                        .clear(|kind| matches!(kind, NoticeKind::Converting));
                    match opened {
                        Ok(opened) => self.opened(ctx, opened),
                        Err(error) => self.notify(
                            NoticeKind::Opening(OpeningNotice::Failed),
                            crate::i18n::Words::of(|| {
                                crate::tr!("notice-cannot-open", error = error.to_string())
                            }),
                        ),
                    }
                }
            }
        }
    }

    /// Take in what the file worker finished.
    pub(super) fn poll_files(&mut self) {
        while let Some(event) = self.files.as_ref().and_then(FileWorker::try_next) {
            match event {
                FileEvent::HistoryLoaded(result) => self.history_loaded(result),
                FileEvent::HistorySaved => self.history_saved(),
                FileEvent::HistorySaveFailed(error) => self.history_save_failed(&error),
                FileEvent::ProgressSaveFailed(error) => self.notify(
                    NoticeKind::NightFileFailed,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-night-file-failed", error = error.to_string())
                    }),
                ),
                FileEvent::LogAppendFailed(error) => self.notify(
                    NoticeKind::NightFileFailed,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-night-file-failed", error = error.to_string())
                    }),
                ),
                FileEvent::PlaceLoaded { store, place } => self.talk_place_loaded(&store, place),
                FileEvent::PlaceSaveFailed(error) => self.notify(
                    NoticeKind::TalkPlace,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-place-save-failed", error = error.to_string())
                    }),
                ),
                FileEvent::DeckChecked { source, problems } => {
                    // A night checks its decks itself, and says so on their rows.
                    if !self.mode.is_night() && source == self.deck.source {
                        for (kind, text) in
                            deck_problems(&problems, self.talk.timing(), self.deck.slides.len())
                        {
                            self.notify(kind, text);
                        }
                    }
                }
                FileEvent::DeckSaved(result) => self.deck_saved(result),
            }
        }
    }

    /// A question on screen brings the presenter window to the front with the keyboard's focus:
    /// keys typed on the fullscreen projector window (which window managers focus as it opens)
    /// could not answer it, and the host would look for it on the wrong screen. Asked again, at
    /// most once a second, while the question is up and the presenter window has lost the focus.
    pub(super) fn focus_questions(&mut self, ctx: &egui::Context, now: Duration) {
        let asking = self.modal.is_some()
            || self.talk_resume.offer.is_some()
            || self
                .mode
                .night()
                .is_some_and(|hosting| hosting.resume_offer.is_some() && !hosting.resume_deferred);
        if !asking {
            self.question_focused_at = None;
            return;
        }
        let focused = ctx.input(|input| input.viewport().focused) != Some(false);
        let due = match self.question_focused_at {
            None => true,
            Some(at) => !focused && now.saturating_sub(at) >= Duration::from_secs(1),
        };
        if due {
            ctx.send_viewport_cmd_to(ViewportId::ROOT, egui::ViewportCommand::Focus);
            self.question_focused_at = Some(now);
        } else if !focused {
            ctx.request_repaint_after_for(Duration::from_secs(1), ViewportId::ROOT);
        }
    }

    /// Ask for the presenter view's next frame at [`next_wake`].
    pub(super) fn schedule_repaint(&self, ctx: &egui::Context) {
        // Read the clock again: the delay is counted from this call, not from the frame's start.
        let now = self.clock.now();
        let rehearsing = self.mode.rehearsal();
        let wakes = Wakes {
            talk: self.talk.next_visible_change(now),
            slide_loop: rehearsing
                .and_then(|rehearsing| rehearsing.slide_loop.as_ref())
                .and_then(|slide_loop| slide_loop.next_visible_change(now)),
            // The tap's answer goes away after a while, and so does the late-tap invitation.
            tap_message_ends: rehearsing
                .and_then(|rehearsing| rehearsing.last_tap.as_ref())
                .map(|(_, at)| *at + TAP_MESSAGE_TIME),
            late_tap_ends: rehearsing.and_then(|rehearsing| {
                rehearsing
                    .finished_at
                    .map(|at| at + rehearsing.recorder.late_window())
            }),
            history_retry: rehearsing.and_then(|rehearsing| rehearsing.saving.retry_at),
            break_ends: self.mode.night().and_then(|hosting| hosting.break_ends),
            check_stalls: self
                .mode
                .night()
                .and_then(|hosting| hosting.checking.as_ref())
                .and_then(super::checking::Checking::stall_deadline),
            lead_in_ends: self.lead_in_until,
            to_next_minute: crate::clock::until_next_minute(),
            projector_open: self.projector.showing(),
            projector_waits_for_monitor: self.projector.open
                && self.projector.watch.gone().is_some(),
        };
        ctx.request_repaint_after_for(next_wake(now, &wakes), ViewportId::ROOT);
    }

    /// Bring the night up to `now`: checks and decks that arrived, the talk's end, the break's
    /// end, where the talk is for the progress file.
    pub(super) fn advance_night(&mut self, ctx: &egui::Context, now: Duration) {
        self.take_night_work(ctx, now);
        self.advance_stage(now);
        // "Skip the talk under way?" has no object once that talk is over.
        if let Some(Modal::SkipTalk(item)) = self.modal
            && !self.mode.night().is_some_and(|hosting| {
                matches!(hosting.progress.stage, Stage::Talk { item: on, .. } if on == item)
            })
        {
            self.modal = None;
        }
        // The end is logged the moment it comes, not at the next frame (which may be a minute on).
        if let Some(hosting) = self.mode.night_mut()
            && hosting.progress.stage == Stage::End
            && !hosting.end_logged
        {
            hosting.end_logged = true;
            self.night_log(Event::NightEnded);
        }
    }

    /// Take in what the night's check found since the last frame, and the notice of a deck it
    /// converts.
    fn take_check_news(&mut self, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        // The notice of a deck the check converts: new words, or gone (`Some(None)`).
        let mut converting: Option<Option<crate::i18n::Words>> = None;
        if let Some(checking) = &mut hosting.checking {
            let mut done = false;
            let news = checking.take(now, &mut done);
            if done {
                hosting.checking = None;
            }
            let checks = hosting
                .checks
                .get_or_insert_with(|| vec![None; hosting.night.running_order.len()]);
            for news in news {
                match news {
                    CheckNews::Event(CheckEvent::Started(_)) => {}
                    CheckNews::Event(CheckEvent::Converting { file, seconds }) => {
                        converting = Some(Some(converting_words(&file, seconds)));
                    }
                    CheckNews::Event(CheckEvent::Talk(item, talk)) => {
                        converting = Some(None);
                        if let Some(title) = hosting.titles.get_mut(item)
                            && title.is_empty()
                        {
                            title.clone_from(&talk.title);
                        }
                        if let Some(check) = checks.get_mut(item) {
                            *check = Some(match (&talk.error, &talk.report) {
                                (Some(error), _) => Checked::Unreadable(error.clone()),
                                (None, Some(report)) if !talk.ready => {
                                    Checked::Problem(crate::i18n::Words::of(|| {
                                        problem_line(report)
                                    }))
                                }
                                _ => Checked::Ready,
                            });
                        }
                    }
                    CheckNews::Event(CheckEvent::Music(item, problems)) => {
                        if let Some(check) = checks.get_mut(item) {
                            *check = Some(Checked::Ready);
                        }
                        hosting.music_warnings.retain(|(of, _)| *of != item);
                        hosting
                            .music_warnings
                            .extend(problems.into_iter().map(|problem| (item, problem)));
                    }
                    CheckNews::Stalled(item) => {
                        converting = Some(None);
                        log::warn!("night: the check of item {} stalled", item + 1);
                        if let Some(check) = checks.get_mut(item) {
                            // Not skipped for it: the deck is read again when its card goes up.
                            *check = Some(Checked::Problem(crate::i18n::Words::of(|| {
                                crate::tr!("row-check-stalled", seconds = STALL_LIMIT.as_secs())
                            })));
                        }
                    }
                }
            }
        }
        match converting {
            Some(Some(words)) => self.notify(NoticeKind::Converting, words),
            Some(None) => self
                .notices
                .clear(|kind| matches!(kind, NoticeKind::Converting)),
            None => {}
        }
    }

    /// Take in the check's report and the deck that loaded for the card on screen.
    fn take_night_work(&mut self, ctx: &egui::Context, now: Duration) {
        self.take_check_news(now);
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
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
                    let message = crate::i18n::Words::of(|| error.to_string());
                    if let Some(checks) = &mut hosting.checks
                        && let Some(check) = checks.get_mut(item)
                    {
                        *check = Some(Checked::Unreadable(message.clone()));
                    }
                    self.notify_talk_skipped(item, &message);
                    self.skip_item(item, now);
                }
            }
        }
    }

    /// Talk `item` of the night is skipped because its deck cannot be read (`why`).
    fn notify_talk_skipped(&mut self, item: usize, why: &crate::i18n::Words) {
        let Some(hosting) = self.mode.night() else {
            return;
        };
        let text = crate::i18n::Words::of(|| {
            crate::tr!(
                "notice-talk-skipped",
                name = hosting.talk_name(item),
                error = why.to_string()
            )
        });
        self.notify(NoticeKind::TalkSkipped(item), text);
    }

    /// Move the night on: load the deck of the card on screen, follow the talk, end the break.
    fn advance_stage(&mut self, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
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
                        self.notify_talk_skipped(item, &message);
                        self.skip_item(item, now);
                    } else if let Some(Item::Talk(talk)) = hosting.night.running_order.get(item) {
                        let (sender, receiver) = channel();
                        let night = hosting.night.clone();
                        let converter = hosting.converter.clone();
                        let talk = talk.clone();
                        let waker = self.waker.clone();
                        let spawned = std::thread::Builder::new().name("pecha-load".into()).spawn(
                            move || {
                                let _ =
                                    sender.send(night.load_deck_with(&talk, &converter, &|_| {}));
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
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        if state == TalkState::Finished {
            let presenter = match hosting.night.running_order.get(item) {
                Some(Item::Talk(talk)) => talk.presenter.clone(),
                _ => String::new(),
            };
            let talk_ms = hosting.talk_ms(&self.talk, now);
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
                .talk_at(slide, hosting.talk_ms_at_slide_start(&self.talk, now));
            self.save_progress();
        }
    }
}

/// What the presenter view has to wake for, read off the app's state by
/// [`PechaApp::schedule_repaint`]; each is an instant on the app's clock, or `None`.
#[derive(Debug, Clone, Copy, Default)]
struct Wakes {
    /// The talk's next visible change: a countdown second, a slide deadline, the end.
    talk: Option<Duration>,
    /// The slide loop's next visible change, while one runs.
    slide_loop: Option<Duration>,
    /// When the answer to the last tap goes away.
    tap_message_ends: Option<Duration>,
    /// When the late tap on the last slide is no longer taken.
    late_tap_ends: Option<Duration>,
    /// When a failed history save is tried again.
    history_retry: Option<Duration>,
    /// When the night's check of a deck counts as stalled if it has not moved by then.
    check_stalls: Option<Duration>,
    /// When the break under way ends (its countdown shows whole seconds).
    break_ends: Option<Duration>,
    /// When the lead-in ends (it counts whole seconds).
    lead_in_ends: Option<Duration>,
    /// How long until the wall clock shows the next minute.
    to_next_minute: Duration,
    /// A projector is open: at a shared deadline its frame goes first.
    projector_open: bool,
    /// The projector's monitor is gone: wake each second to list the monitors, so that the
    /// window is back within a second of the monitor, between talks too.
    projector_waits_for_monitor: bool,
}

/// The notice of a conversion under way: `Converting aigerim.pptx with LibreOffice… 12 s`.
fn converting_words(file: &std::path::Path, seconds: u64) -> crate::i18n::Words {
    let name = file.file_name().map_or_else(
        || crate::text::shown(file).to_string(),
        |name| crate::text::shown(std::path::Path::new(name)).to_string(),
    );
    crate::i18n::Words::of(|| {
        crate::tr!("notice-converting", file = name.as_str(), seconds = seconds)
    })
}

/// How long from `now` until the presenter view must be painted again: the soonest of what it
/// waits for, and at the latest the wall clock's next minute (a second while the projector waits
/// for its monitor). With a projector open, a few milliseconds later than the deadline: the
/// audience's frame goes first, the presenter's follows (invisible on a countdown).
fn next_wake(now: Duration, wakes: &Wakes) -> Duration {
    let ahead = |at: Option<Duration>| at.filter(|at| *at > now);
    let counting = |ends: Option<Duration>, stop_at_zero: bool| {
        ends.map(|ends| {
            let left = ends.saturating_sub(now);
            let to_next_second = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
            if !to_next_second.is_zero() {
                now + to_next_second
            } else if left.is_zero() && stop_at_zero {
                // The break's end frame is already due: wake at once.
                now
            } else {
                now + Duration::from_secs(1)
            }
        })
    };
    let soonest = [
        wakes.talk,
        wakes.slide_loop,
        ahead(wakes.tap_message_ends),
        ahead(wakes.late_tap_ends),
        wakes.history_retry,
        wakes.check_stalls,
        counting(wakes.break_ends, true),
        counting(wakes.lead_in_ends, false),
    ]
    .into_iter()
    .flatten()
    .min();
    let latest = if wakes.projector_waits_for_monitor {
        wakes.to_next_minute.min(MONITOR_WAIT_WAKE)
    } else {
        wakes.to_next_minute
    };
    let delay = soonest.map_or(latest, |at| at.saturating_sub(now).min(latest));
    if wakes.projector_open {
        delay + PRESENTER_LAG
    } else {
        delay
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(seconds: f64) -> Duration {
        Duration::from_secs_f64(seconds)
    }

    fn idle() -> Wakes {
        Wakes {
            to_next_minute: secs(42.0),
            ..Wakes::default()
        }
    }

    #[test]
    fn with_nothing_to_wait_for_it_wakes_for_the_next_minute() {
        assert_eq!(next_wake(secs(10.0), &idle()), secs(42.0));
    }

    #[test]
    fn the_soonest_change_wins_and_the_past_is_ignored() {
        let wakes = Wakes {
            talk: Some(secs(10.25)),
            tap_message_ends: Some(secs(9.0)),
            late_tap_ends: Some(secs(10.5)),
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &wakes), secs(0.25));
    }

    #[test]
    fn the_wall_clock_minute_caps_a_far_deadline() {
        let wakes = Wakes {
            talk: Some(secs(500.0)),
            to_next_minute: secs(3.0),
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &wakes), secs(3.0));
    }

    #[test]
    fn a_lead_in_and_a_break_wake_on_their_whole_seconds() {
        let lead_in = Wakes {
            lead_in_ends: Some(secs(12.7)),
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &lead_in), secs(0.7));
        let on_the_second = Wakes {
            lead_in_ends: Some(secs(12.0)),
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &on_the_second), secs(1.0));
        let break_over = Wakes {
            break_ends: Some(secs(9.0)),
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &break_over), Duration::ZERO);
    }

    #[test]
    fn waiting_for_the_projectors_monitor_wakes_each_second() {
        let wakes = Wakes {
            projector_waits_for_monitor: true,
            ..idle()
        };
        assert_eq!(next_wake(secs(10.0), &wakes), secs(1.0));
        let sooner = Wakes {
            talk: Some(secs(10.25)),
            ..wakes
        };
        assert_eq!(next_wake(secs(10.0), &sooner), secs(0.25));
    }

    #[test]
    fn with_a_projector_the_presenter_follows_its_frame() {
        let wakes = Wakes {
            talk: Some(secs(20.0)),
            projector_open: true,
            ..idle()
        };
        assert_eq!(next_wake(secs(19.0), &wakes), secs(1.0) + PRESENTER_LAG);
    }
}
