//! What every command does: the one [`PechaApp::apply`], for keys, clicks, drops and the
//! projector's keys alike, matching on the mode where a show, a rehearsal and a night differ.
//!
//! To learn what Space does, read `Command::Start` below (keys.rs says which keys give it). A
//! command that does nothing in the mode it comes in is logged (`RUST_LOG=debug`) with the
//! reason, never dropped unseen. The effects that take more than a line live with their concern:
//! [`super::rehearsal`], [`super::night`], [`super::projector`].

use std::path::PathBuf;
use std::sync::mpsc::channel;
use std::time::Duration;

use egui::{ViewportCommand, ViewportId};

use super::notices::{NightRefusal, NoticeKind, OpeningNotice};
use super::{LEAD_IN, Loading, Modal, Mode, PechaApp, window_title};
use crate::deck::Deck;
use crate::night::Night;
use crate::night::log::Event;
use crate::night::progress::Stage;
use crate::open::Opened;
use crate::timing::{Talk, TalkState};
use crate::ui::host::HostStage;
use crate::ui::keys;
use crate::ui::{Command, NightCommand};

impl PechaApp {
    /// Apply a command, as if a view had returned it.
    #[allow(
        clippy::too_many_lines,
        reason = "one arm per command: what each does, in one place"
    )]
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let now = self.clock.now();
        // Until the host says where a night cut short goes on, nothing else may move it.
        if self
            .mode
            .night()
            .is_some_and(|hosting| hosting.resume_offer.is_some())
            && !answers_the_resume_question(&command)
        {
            ignored(&command, "the night waits for the answer where to go on");
            return;
        }
        if self.talk_resume.offer.is_some() && !answers_the_talk_resume_question(&command) {
            ignored(&command, "the talk waits for the answer where to go on");
            return;
        }
        match command {
            Command::Start => self.start_command(now),
            Command::TogglePause => {
                if let Some(slide_loop) = self.slide_loop_mut() {
                    slide_loop.toggle_pause(now);
                } else if self.talk.state(now) == TalkState::Paused {
                    self.talk.resume(now);
                } else {
                    self.talk.pause(now);
                }
            }
            Command::RestartSlide => {
                self.talk.restart_slide(now);
            }
            Command::GoToSlide(_) | Command::ResetTalk | Command::RestartTalk
                if self.night_between_items() =>
            {
                ignored(&command, "no talk is on in the night");
            }
            Command::GoToSlide(slide) => {
                self.lead_in_until = None;
                self.talk.resume_from(slide, now);
            }
            Command::ManualAdvance => {
                self.talk.manual_advance(now);
            }
            Command::ResetTalk => self.reset_talk(),
            Command::RestartTalk => {
                self.reset_talk();
                self.start(now);
            }
            Command::Tap => self.tap(now),
            Command::ToggleRehearsal => match self.mode {
                Mode::Night(_) => self.notify(
                    NoticeKind::NotDuringNight(NightRefusal::Rehearsal),
                    crate::i18n::Words::of(|| crate::tr!("notice-rehearsal-in-night")),
                ),
                Mode::Talk | Mode::Rehearsal(_) => self.toggle_rehearsal(),
            },
            Command::ToggleLoop => self.toggle_loop(now),
            Command::ShowReport(open) => match self.mode.rehearsal_mut() {
                Some(rehearsing) => rehearsing.report_open = open,
                None => ignored(&command, "the run report is a rehearsal's"),
            },
            Command::EditNotes(slide) => self.edit_notes(slide),
            Command::NotesChanged(text) => match &mut self.notes.edit {
                Some(edit) => edit.text = text,
                None => log::debug!("typed notes arrived with no editor open"),
            },
            Command::SaveNotes => self.save_notes(),
            Command::CancelNotesEdit => self.notes.edit = None,
            Command::ToggleSound => {
                if self.mode.is_rehearsal() {
                    self.settings.rehearsal_sound = !self.settings.rehearsal_sound;
                } else {
                    self.settings.sound = !self.settings.sound;
                }
            }
            Command::ToggleBlackout => {
                let on = !self.projector.blackout;
                self.projector.blackout = on;
                if let Some(hosting) = self.mode.night_mut() {
                    hosting.progress.blackout = on;
                    self.night_log(Event::Intervention {
                        item: None,
                        what: format!("blackout {}", if on { "on" } else { "off" }),
                    });
                    self.save_progress();
                }
            }
            Command::ToggleProjectorFullscreen => self.toggle_fullscreen(ctx),
            Command::SetProjectorOpen(open) => self.projector.set_open(open),
            Command::ChooseMonitor(index) => self.choose_monitor(ctx, index),
            Command::OpenDialog { .. } | Command::OpenDeck(_) if self.mode.is_night() => self
                .notify(
                    NoticeKind::NotDuringNight(NightRefusal::OpenAnother),
                    crate::i18n::Words::of(|| crate::tr!("notice-open-in-night")),
                ),
            Command::OpenDialog { folder } => self.open_dialog(folder),
            Command::OpenDeck(path) => self.open_path(path),
            // One question at a time: another one stays on top until it is answered.
            Command::ShowGoTo(true) => match self.modal {
                None | Some(Modal::GoTo) => self.modal = Some(Modal::GoTo),
                Some(_) => ignored(&command, "another question is open"),
            },
            Command::ShowGoTo(false) => {
                if self.modal == Some(Modal::GoTo) {
                    self.modal = None;
                }
            }
            Command::ChangeSettings(settings) => {
                self.settings = settings;
                self.apply_theme(ctx);
            }
            Command::ChooseLanguage(choice) => self.choose_language(choice),
            Command::RequestQuit => {
                if self.must_ask_before_quitting(now) {
                    self.ask_before_quitting();
                } else {
                    self.quit(ctx);
                }
            }
            Command::DismissNotice(index) => self.notices.dismiss(index),
            Command::AnswerTalkResume(at_slide) => self.answer_talk_resume(at_slide, now),
            Command::ConfirmQuit => self.quit(ctx),
            Command::CancelQuit => {
                if self.modal == Some(Modal::Quit) {
                    self.modal = None;
                }
            }
            Command::Phones(phones_command) => self.apply_phones(phones_command),
            Command::Night(night_command) => {
                if self.mode.is_night() {
                    self.apply_night(night_command, now);
                } else {
                    ignored(&Command::Night(night_command), "no night is open");
                }
            }
        }
        ctx.request_repaint();
    }

    /// The host's own commands, with a night open.
    fn apply_night(&mut self, command: NightCommand, now: Duration) {
        let Some(hosting) = self.mode.night_mut() else {
            return;
        };
        match command {
            NightCommand::Skip(item) => {
                if matches!(self.modal, Some(Modal::SkipTalk(_))) {
                    self.modal = None;
                }
                self.skip_item(item, now);
            }
            // The quit question stays on top: one question at a time.
            NightCommand::AskSkip(_) if self.modal == Some(Modal::Quit) => {
                ignored(&Command::Night(command), "the quit question is open");
            }
            NightCommand::AskSkip(item) => self.modal = Some(Modal::SkipTalk(item)),
            NightCommand::CancelSkip => {
                if matches!(self.modal, Some(Modal::SkipTalk(_))) {
                    self.modal = None;
                }
            }
            NightCommand::Move { from, to } => {
                let moved = hosting.progress.order.get(from).copied();
                hosting.progress.move_item(from, to);
                if let Some(item) = moved {
                    self.night_log(Event::Intervention {
                        item: Some(item),
                        what: format!("moved to place {}", to + 1),
                    });
                }
                self.log_running_order();
                self.save_progress();
            }
            NightCommand::Rerun(item) => self.rerun_item(item),
            NightCommand::EndBreak => self.end_break(now, true),
            NightCommand::StopMusic => {
                if let Some(music) = &hosting.music {
                    music.stop_now();
                    let item = hosting.progress.current_item();
                    self.night_log(Event::Intervention {
                        item,
                        what: "music stopped".into(),
                    });
                }
            }
            NightCommand::WalkCards(position) => {
                let allowed = matches!(hosting.progress.stage, Stage::Card { .. } | Stage::End);
                if position.is_some() && !allowed {
                    self.notify(
                        NoticeKind::NotDuringNight(NightRefusal::WalkDuringItem),
                        crate::i18n::Words::of(|| crate::tr!("notice-walk-during-item")),
                    );
                } else {
                    let stops = hosting.walk_stops();
                    hosting.walking = position.filter(|&position| position < stops);
                }
            }
            NightCommand::Resume(choice) => self.resume_night(choice, now),
            NightCommand::DeferResume(later) => hosting.resume_deferred = later,
        }
    }

    /// Space, Enter, PageDown, F5 or the Start button: start what is armed. In a night that is
    /// the item whose card is up (a talk whose deck is in, or the break); walking through the
    /// cards starts nothing. In a show or a rehearsal, the talk (with the lead-in when it is on).
    fn start_command(&mut self, now: Duration) {
        match self.mode.night() {
            Some(hosting) if hosting.walking.is_some() => {
                ignored(&Command::Start, "walking through the cards");
            }
            Some(hosting) => match hosting.progress.stage {
                Stage::Card { item } => self.start_item(item, now),
                _ => self.start(now),
            },
            None => self.start(now),
        }
    }

    /// Start the armed talk, after the lead-in when it is on; nothing once it is under way (the
    /// format forbids advancing by hand).
    ///
    /// The talk's clock starts when slide 1 is on the audience's screen, as every later slide is
    /// timed from the instant it is due: with a projector, at the instant the projector presents
    /// the frame of slide 1 handed to it (`feed_projector`, `take_presented`); without one, now
    /// if the presenter view, which shows slide 1 until the start, is on the screen, or else
    /// after its first frame that is (`start_on_presenter`). After a lead-in, at its end: the
    /// projector shows slide 1 then as it shows every slide at its deadline.
    pub(super) fn start(&mut self, now: Duration) {
        if self.talk.state(now) != TalkState::Ready
            || self.lead_in_until.is_some()
            || self.talk.waits_for_slide_one(now)
        {
            return;
        }
        if self.settings.lead_in {
            self.lead_in_until = Some(now + LEAD_IN);
        } else {
            self.talk.start_on_screen(now);
            if !self.projector.showing() && self.presenter_on_screen {
                self.talk.slide_one_on_screen(now);
            }
        }
    }

    /// The talk back to Ready, title card on the projector; a rehearsal starts a new run.
    fn reset_talk(&mut self) {
        self.forget_talk_place();
        self.lead_in_until = None;
        self.talk = Talk::new(self.format.timing());
        if let Some(rehearsing) = self.mode.rehearsal_mut() {
            rehearsing.new_run(self.format.timing());
            rehearsing.slide_loop = None;
        }
    }

    /// A night between its items (a card, the end): no talk to go to, reset or restart.
    fn night_between_items(&self) -> bool {
        self.mode
            .night()
            .is_some_and(|hosting| !matches!(hosting.progress.stage, Stage::Talk { .. }))
    }

    /// Put the quit question up, alone: a half-typed "go to slide" under it would be answered by
    /// the same Enter.
    fn ask_before_quitting(&mut self) {
        self.modal = Some(Modal::Quit);
    }

    /// Quitting would end a talk under way, or lose notes whose save failed.
    fn must_ask_before_quitting(&self, now: Duration) -> bool {
        self.under_way(now)
            || self.notes_save_failed()
            || self
                .mode
                .rehearsal()
                .is_some_and(|rehearsing| rehearsing.runs_unsaved() > 0)
    }

    /// A talk is under way (counting in, running or paused), or a night is not over.
    fn under_way(&self, now: Duration) -> bool {
        matches!(self.talk.state(now), TalkState::Running | TalkState::Paused)
            || self.lead_in_until.is_some()
            // Until the night is over, quitting would show the desktop on the projector (and
            // clickers send Esc).
            || self
                .mode
                .night()
                .is_some_and(|hosting| hosting.stage() != HostStage::End)
    }

    pub(super) fn quit(&mut self, ctx: &egui::Context) {
        self.quitting = true;
        if self.modal == Some(Modal::Quit) {
            self.modal = None;
        }
        ctx.send_viewport_cmd_to(ViewportId::ROOT, ViewportCommand::Close);
    }

    fn open_dialog(&mut self, folder: bool) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        // Worded here: the dialog's thread speaks English.
        let (title, filter) = (crate::tr!("dialog-title"), crate::tr!("dialog-filter"));
        // rfd blocks until the user chooses; never on the UI thread.
        let spawned = std::thread::Builder::new()
            .name("pecha-open".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_title(title);
                // Deck and night files, PDFs, and the slide shows LibreOffice converts.
                let extensions: Vec<&str> = ["ron", "pdf"]
                    .into_iter()
                    .chain(crate::deck::PRESENTATION_EXTENSIONS.iter().copied())
                    .collect();
                let chosen = if folder {
                    dialog.pick_folder()
                } else {
                    dialog.add_filter(filter, &extensions).pick_file()
                };
                let _ = sender.send(chosen);
            });
        match spawned {
            Ok(_) => self.dialog = Some(receiver),
            Err(error) => self.notify(
                NoticeKind::Opening(OpeningNotice::DialogFailed),
                crate::i18n::Words::of(|| {
                    crate::tr!("notice-dialog-failed", error = error.to_string())
                }),
            ),
        }
    }

    /// Read what `path` is (a deck file, a folder, a PDF, a night) on another thread; it opens
    /// when it arrives ([`Self::opened`]). Not while a talk runs: finish or reset it first.
    pub(super) fn open_path(&mut self, path: PathBuf) {
        let now = self.clock.now();
        if matches!(self.talk.state(now), TalkState::Running | TalkState::Paused) {
            self.notify(
                NoticeKind::Opening(OpeningNotice::RefusedWhileRunning),
                crate::i18n::Words::of(|| {
                    crate::tr!(
                        "notice-refused-while-running",
                        file = crate::text::shown(&path).to_string()
                    )
                }),
            );
            return;
        }
        let (sender, receiver) = channel();
        let waker = self.waker.clone();
        let converter = self.converter();
        let spawned = std::thread::Builder::new()
            .name("pecha-load".into())
            .spawn(move || {
                // Once a second at most: the notice counts whole seconds.
                let last_second = std::cell::Cell::new(None);
                let watch = |progress: crate::convert::Progress| {
                    let crate::convert::Progress::Converting { file, spent } = progress;
                    let seconds = spent.as_secs();
                    if last_second.replace(Some(seconds)) != Some(seconds) {
                        let _ = sender.send(Loading::Converting { file, seconds });
                        waker();
                    }
                };
                let opened = crate::open::open_with(&path, &converter, &watch);
                let _ = sender.send(Loading::Done(opened));
                waker();
            });
        match spawned {
            Ok(_) => self.opening = Some(receiver),
            Err(error) => self.notify(
                NoticeKind::Opening(OpeningNotice::Failed),
                crate::i18n::Words::of(|| {
                    crate::tr!("notice-cannot-load", error = error.to_string())
                }),
            ),
        }
    }

    /// A deck or a night chosen with Open… or dropped on the window is read: show it. A deck
    /// replaces the one open (a rehearsal goes on with the new deck); a night opens its console.
    pub(super) fn opened(&mut self, ctx: &egui::Context, opened: Opened) {
        match opened {
            Opened::Deck(deck) => self.replace_deck(ctx, deck),
            Opened::Night(night) => self.switch_to_night(ctx, night),
        }
    }

    /// Leave the show or rehearsal for the host console of `night`.
    fn switch_to_night(&mut self, ctx: &egui::Context, night: Night) {
        // Refused before anything changes: the show or rehearsal on screen goes on.
        let Ok(lock) = self.lock_night(&night) else {
            return;
        };
        // The night's format rules its talks; `--format` and `--rehearse` were for the deck.
        self.options.format = None;
        self.options.rehearse = false;
        ctx.send_viewport_cmd_to(
            ViewportId::ROOT,
            ViewportCommand::Title(super::night_window_title(&night)),
        );
        let placeholder = super::night::placeholder_deck(&night);
        self.mode = Mode::Talk;
        self.enter_night(night, lock);
        self.replace_deck(ctx, placeholder);
    }

    /// Show `deck` from its start: a new talk, its slides prepared, its quick check.
    pub(super) fn replace_deck(&mut self, ctx: &egui::Context, deck: Deck) {
        // A night's console keeps the night's name: between talks the talk before is not on.
        if !self.mode.is_night() {
            ctx.send_viewport_cmd_to(
                ViewportId::ROOT,
                ViewportCommand::Title(window_title(&deck)),
            );
        }
        self.format = self.options.format.unwrap_or(deck.format);
        self.talk = Talk::new(self.format.timing());
        self.lead_in_until = None;
        self.deck = deck;
        // What was said about opening, or about the deck before, is over.
        self.notices
            .clear(|kind| matches!(kind, NoticeKind::Opening(_) | NoticeKind::DeckProblem(_)));
        self.slides.clear();
        self.slides.keep_around(&self.deck, 1);
        if let Some(files) = &self.files
            && !self.mode.is_night()
        {
            files.quick_check(&self.deck, self.format);
        }
        self.notes.edit = None;
        if self.mode.is_rehearsal() {
            // Another deck has another history: rehearse it afresh.
            self.mode = Mode::Talk;
            self.toggle_rehearsal();
        }
        self.look_for_talk_place();
    }

    /// The presenter view's input as commands: what the view returned (`clicked`), then keys
    /// (unless a question, a menu or a text box has them), dropped files, the window's close.
    pub(super) fn commands_from_input(
        &mut self,
        ui: &egui::Ui,
        clicked: Vec<Command>,
        state: TalkState,
        menu_was_open: bool,
        now: Duration,
    ) -> Vec<Command> {
        let mut commands = clicked;
        let context = self.key_context(now, state);
        // Esc in the notes editor closes it, keeping what was typed, as Go-to's box closes on
        // Esc; it must not fall through and quit.
        if self.notes.edit.is_some()
            && ui.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            commands.push(Command::SaveNotes);
        }
        if ui.ctx().egui_wants_keyboard_input() {
            // Typing notes: keys are text, except the one that saves them.
            if ui.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
                commands.push(Command::SaveNotes);
            }
        } else if self.modal.is_none() && self.talk_resume.offer.is_none() && !menu_was_open {
            let settings = &self.settings;
            commands.extend(ui.input(|input| keys::commands_from_keys(input, context, settings)));
        }
        let dropped: Vec<PathBuf> = ui.input(|input| {
            input
                .raw
                .dropped_files
                .iter()
                .map(|file| file.path().to_path_buf())
                .collect()
        });
        commands.extend(dropped.into_iter().map(Command::OpenDeck));
        if ui.input(|input| input.viewport().close_requested())
            && !self.quitting
            && self.must_ask_before_quitting(now)
        {
            ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_before_quitting();
        }
        commands
    }
}

/// What the host may still do while a night asks where to go on after a crash.
fn answers_the_resume_question(command: &Command) -> bool {
    matches!(
        command,
        Command::Night(NightCommand::Resume(_) | NightCommand::DeferResume(_))
            | Command::RequestQuit
            | Command::ConfirmQuit
            | Command::CancelQuit
            | Command::DismissNotice(_)
    )
}

/// What the presenter may still do while a talk asks where to go on after a crash.
fn answers_the_talk_resume_question(command: &Command) -> bool {
    matches!(
        command,
        Command::AnswerTalkResume(_)
            | Command::RequestQuit
            | Command::ConfirmQuit
            | Command::CancelQuit
            | Command::DismissNotice(_)
    )
}

/// A command that does nothing now, said in the log with the reason.
fn ignored(command: &Command, reason: &str) {
    log::debug!("{command:?} does nothing: {reason}");
}
