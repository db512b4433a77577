//! The eframe app: owns the talk, the slides on the GPU, the projector window and the sound, and
//! applies the commands the views and keys return.
//!
//! Frame discipline: `logic` advances the talk to the clock, collects slides the background
//! workers finished and schedules the next repaint for the next visible change (a countdown
//! second, a slide deadline); nothing repaints in between. `ui` only draws and turns input into
//! commands. Both windows are drawn in the same pass, so a new slide appears on the presenter view
//! and the projector on the same frame.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{TextureHandle, TextureOptions, ViewportBuilder, ViewportCommand, ViewportId};

mod host;
mod rehearse;

use crate::audio::{Cue, Cues};
use crate::clock::{Clock, SystemClock};
use crate::deck::{Deck, DeckError, Format};
use crate::history::{HistoryStore, RunRecord};
use crate::monitors::{self, MonitorInfo, Placement, ProjectorRequest};
use crate::open::Opened;
use crate::rehearsal::{LoopPhase, Outcome, SlideLoop, Tap};
use crate::settings::{Card, STORAGE_KEY, Settings};
use crate::slides::{SlideFile, SlidePreparer};
use crate::timing::{LogEvent, Talk, TalkState, Timing};
use crate::trace::TraceRecorder;
use crate::ui::feed::{FrameKind, ProjectorFeed, ProjectorFrame};
use crate::ui::keys::KeyContext;
use crate::ui::presenter::{PresenterModel, ProjectorStatus};
use crate::ui::projector::{ProjectorContent, ProjectorModel};
use crate::ui::rehearsal::{LoopStatus, RehearsalModel, ReportModel};
use crate::ui::widgets::SlidePicture;
use crate::ui::{Command, keys, presenter, projector};
use rehearse::{FileEvent, FileWorker, HistoryState, NotesEdit, Rehearsing, TAP_MESSAGE_TIME};

/// How long the presenter view waits after the projector at a shared deadline.
const PRESENTER_LAG: Duration = Duration::from_millis(6);

/// How long the 3-2-1 lead-in lasts.
const LEAD_IN: Duration = Duration::from_secs(3);

/// The projector window's viewport id.
#[must_use]
pub fn projector_viewport() -> ViewportId {
    ViewportId::from_hash_of("pecha-projector")
}

/// What the command line asked for.
#[derive(Debug, Clone, Default)]
pub struct LaunchOptions {
    /// `--projector`: index, name or `off`.
    pub projector: Option<ProjectorRequest>,
    /// `--windowed`: projector in a normal window.
    pub windowed: bool,
    /// `--format`: overrides the deck's format.
    pub format: Option<Format>,
    /// `--start`: start as soon as the first slide is ready.
    pub start: bool,
    /// `--quit-when-done`: exit 0 after the end.
    pub quit_when_done: bool,
    /// `--trace FILE`: CSV of scheduled vs painted times.
    pub trace: Option<PathBuf>,
    /// `--rehearse`: rehearsal mode from the start, projector off unless asked for.
    pub rehearse: bool,
    /// Where rehearsal history is kept, instead of the user's data folder (tests).
    pub history_dir: Option<PathBuf>,
    /// Where a night's progress and log are kept, instead of the user's data folder (tests).
    pub night_dir: Option<PathBuf>,
}

/// Why the app could not run.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The window system or the renderer failed.
    #[error("cannot open a window: {0}")]
    Window(String),
}

/// Open the window and run until the user quits. `clock` should be created first thing in
/// `main`, so that its readings are times since launch (the first-slide log line uses that).
pub fn run(opened: Opened, options: LaunchOptions, clock: SystemClock) -> Result<(), AppError> {
    let title = match &opened {
        Opened::Deck(deck) => window_title(deck),
        Opened::Night(night) => format!("{} — Pecha", night.title),
    };
    let native_options = eframe::NativeOptions {
        viewport: ViewportBuilder::default()
            .with_title(title)
            .with_app_id("pecha")
            .with_inner_size([1280.0, 800.0])
            .with_maximized(true)
            .with_min_inner_size([800.0, 560.0])
            .with_drag_and_drop(true),
        renderer: eframe::Renderer::Glow,
        persist_window: true,
        // Dithering smooths gradients; Pecha draws flat colours and 8-bit slides, and in a
        // software renderer it costs a quarter of every frame.
        dithering: false,
        ..Default::default()
    };
    eframe::run_native(
        "pecha",
        native_options,
        Box::new(move |creation| {
            let cues = match Cues::open() {
                Ok(cues) => Some(cues),
                Err(error) => {
                    log::warn!("{error}");
                    None
                }
            };
            let mut app = match opened {
                Opened::Deck(deck) => PechaApp::new(
                    &creation.egui_ctx,
                    creation.storage,
                    deck,
                    options,
                    Arc::new(clock),
                ),
                Opened::Night(night) => PechaApp::new_night(
                    &creation.egui_ctx,
                    creation.storage,
                    night,
                    options,
                    Arc::new(clock),
                ),
            };
            app.set_cues(cues);
            Ok(Box::new(app))
        }),
    )
    .map_err(|error| AppError::Window(error.to_string()))
}

fn window_title(deck: &Deck) -> String {
    if deck.presenter.is_empty() {
        format!("{} — Pecha", deck.title)
    } else {
        format!("{} — {} — Pecha", deck.title, deck.presenter)
    }
}

/// A slide as the GPU has it.
enum SlideTexture {
    Ready {
        /// At the projector screen's size.
        full: TextureHandle,
        /// Halves of it, largest first; kept alive here, drawn through `sizes`.
        #[allow(dead_code, reason = "owning the handles keeps the textures alive")]
        smaller: Vec<TextureHandle>,
        /// The id and size of each of `smaller`, as the views take them.
        sizes: Vec<(egui::TextureId, egui::Vec2)>,
    },
    Failed(String),
}

/// How a failed notes save ends its notice; a later save that works takes the notice away.
const SAVE_AGAIN_HINT: &str = "; the edited notes are kept here: save again with Ctrl+S";

/// Hand a prepared image to egui. Slides are opaque (flattened over white), so their straight
/// RGBA is already premultiplied, and the worker stored it in 4-byte words: the buffer becomes
/// the texture's pixels as it is, no copy on the UI thread. No mipmaps: generating them costs a
/// software renderer ~100 ms per slide on the UI thread, and smaller frames draw from the
/// prepared smaller copies instead.
fn upload(ctx: &egui::Context, name: &str, image: crate::slides::ScreenImage) -> TextureHandle {
    let size = [image.width as usize, image.height as usize];
    let pixels: Vec<egui::Color32> = bytemuck::allocation::cast_vec(image.into_words());
    ctx.load_texture(
        name,
        egui::ColorImage::new(size, pixels),
        TextureOptions::LINEAR,
    )
}

/// The slides near the current one, as textures, prepared ahead by background workers.
struct SlideTextures {
    preparer: SlidePreparer,
    fit: (u32, u32),
    textures: HashMap<usize, SlideTexture>,
    pending: HashSet<usize>,
}

impl SlideTextures {
    fn new(ctx: &egui::Context) -> Self {
        let waker = ctx.clone();
        Self {
            // One worker: slides are asked for in order of need and one takes tens of
            // milliseconds, seconds ahead of its deadline; a second worker would only add its
            // decoding buffers to the peak memory and take a core from the first slide.
            preparer: SlidePreparer::new(1, move || waker.request_repaint()),
            fit: (1920, 1080),
            textures: HashMap::new(),
            pending: HashSet::new(),
        }
    }

    /// The slides worth holding: the current one and the next two, most urgent first; the
    /// next slide is ready a whole slide ahead. Everything else is released, so memory stays
    /// flat over a talk whatever the size of the deck.
    fn wanted(current: usize, count: usize) -> Vec<usize> {
        (current..=current + 2)
            .filter(|&slide| slide <= count)
            .collect()
    }

    fn keep_around(&mut self, deck: &Deck, current: usize) {
        let wanted = Self::wanted(current, deck.slides.len());
        self.textures.retain(|slide, _| wanted.contains(slide));
        let missing: Vec<(usize, SlideFile)> = wanted
            .iter()
            .filter(|slide| !self.textures.contains_key(slide) && !self.pending.contains(slide))
            .map(|&slide| (slide, SlideFile::from(&deck.slides[slide - 1])))
            .collect();
        for (slide, _) in &missing {
            self.pending.insert(*slide);
        }
        if !missing.is_empty() {
            self.preparer
                .request_in_order(missing.into_iter(), self.fit);
        }
    }

    /// Move finished slides onto the GPU (seconds before they are due, never at the advance).
    fn collect(&mut self, ctx: &egui::Context, deck: &Deck, current: usize) {
        let wanted = Self::wanted(current, deck.slides.len());
        while let Some(prepared) = self.preparer.try_next() {
            self.pending.remove(&prepared.slide);
            let same_file = deck
                .slides
                .get(prepared.slide.wrapping_sub(1))
                .is_some_and(|slide| slide.image == prepared.path && slide.page == prepared.page);
            if prepared.fit != self.fit || !wanted.contains(&prepared.slide) || !same_file {
                continue;
            }
            let texture = if let Ok(pixels) = prepared.result {
                let name = format!("slide-{}", prepared.slide);
                let full = upload(ctx, &name, pixels.screen);
                let smaller: Vec<TextureHandle> = pixels
                    .smaller
                    .into_iter()
                    .enumerate()
                    .map(|(level, image)| upload(ctx, &format!("{name}-{level}"), image))
                    .collect();
                let sizes = smaller
                    .iter()
                    .map(|texture| (texture.id(), texture.size_vec2()))
                    .collect();
                SlideTexture::Ready {
                    full,
                    smaller,
                    sizes,
                }
            } else {
                let failed = &deck.slides[prepared.slide - 1];
                let name = failed.image.file_name().map_or_else(
                    || failed.image.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                let reason = match &prepared.result {
                    Err(crate::slides::SlideError::Image { problem, .. }) => problem.to_string(),
                    Err(crate::slides::SlideError::Scale { message, .. }) => message.clone(),
                    Ok(_) => String::new(),
                };
                SlideTexture::Failed(match failed.page {
                    Some(page) => format!("{name}, page {page}: {reason}"),
                    None => format!("{name}: {reason}"),
                })
            };
            self.textures.insert(prepared.slide, texture);
        }
    }

    fn picture(&self, slide: usize) -> SlidePicture<'_> {
        match self.textures.get(&slide) {
            Some(SlideTexture::Ready { full, sizes, .. }) => SlidePicture::Ready {
                texture: full.id(),
                size: full.size_vec2(),
                smaller: sizes,
            },
            Some(SlideTexture::Failed(name)) => SlidePicture::Failed(name),
            None => SlidePicture::Loading,
        }
    }

    fn is_settled(&self, slide: usize) -> bool {
        self.textures.contains_key(&slide)
    }

    fn reset(&mut self, fit: (u32, u32)) {
        self.preparer.cancel_pending();
        self.textures.clear();
        self.pending.clear();
        self.fit = fit;
    }
}

/// The projector window's state.
#[derive(Debug, Clone)]
struct Projector {
    open: bool,
    /// Closed during this run (its close button or the menu), not left off on purpose from the
    /// command line or for a rehearsal: the presenter view says so until it is back.
    closed_by_host: bool,
    fullscreen: bool,
    blackout: bool,
    monitor: Option<usize>,
    monitors: Vec<MonitorInfo>,
    placed: bool,
    frames_painted: u64,
    first_slide_logged: bool,
    discovered: bool,
    /// The monitor the presenter window opened on, once known.
    laptop: Option<usize>,
}

/// The Pecha app.
pub struct PechaApp {
    clock: Arc<dyn Clock>,
    deck: Deck,
    format: Format,
    talk: Talk,
    settings: Settings,
    options: LaunchOptions,
    slides: SlideTextures,
    projector: Projector,
    projector_feed: Arc<Mutex<ProjectorFeed>>,
    cues: Option<Cues>,
    notices: Vec<String>,
    lead_in_until: Option<Duration>,
    last_tick_second: Option<u64>,
    go_to_open: bool,
    quit_question: bool,
    quitting: bool,
    trace: Option<TraceRecorder>,
    /// When `--start` handed slide 1 to the projector, which starts the talk by painting it.
    start_handed_over: Option<Duration>,
    deck_loading: Option<Receiver<Result<Deck, DeckError>>>,
    dialog: Option<Receiver<Option<PathBuf>>>,
    /// Rehearsal mode's state; `None` in a show.
    rehearsing: Option<Rehearsing>,
    /// Reads and writes history and deck files off the UI thread.
    files: Option<FileWorker>,
    /// The notes being edited, if any.
    notes_edit: Option<NotesEdit>,
    /// Edited notes not yet confirmed on disk.
    notes_unsaved: bool,
    /// A deck save is under way; another one waits for it (`deck_resave`).
    deck_save_in_flight: bool,
    deck_resave: bool,
    /// A night's state; `None` for a single talk.
    hosting: Option<host::Hosting>,
    /// Asks for a repaint from another thread (deck loads, music).
    waker: Arc<dyn Fn() + Send + Sync>,
}

impl PechaApp {
    /// Build the app around a loaded deck. `storage` brings back remembered settings.
    pub fn new(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        deck: Deck,
        options: LaunchOptions,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let settings: Settings = storage
            .and_then(|storage| eframe::get_value(storage, STORAGE_KEY))
            .unwrap_or_default();
        let format = options.format.unwrap_or(deck.format);
        let trace = options.trace.clone().map(TraceRecorder::new);
        let projector = Projector {
            // A rehearsal needs one screen; a projector only when asked for by name.
            open: !(matches!(options.projector, Some(ProjectorRequest::Off))
                || options.rehearse && options.projector.is_none()),
            closed_by_host: false,
            fullscreen: false,
            blackout: false,
            monitor: None,
            monitors: Vec::new(),
            placed: false,
            frames_painted: 0,
            first_slide_logged: false,
            discovered: false,
            laptop: None,
        };
        let mut app = Self {
            clock,
            talk: Talk::new(format.timing()),
            format,
            settings,
            options,
            slides: SlideTextures::new(ctx),
            projector,
            projector_feed: Arc::default(),
            cues: None,
            notices: Vec::new(),
            lead_in_until: None,
            last_tick_second: None,
            go_to_open: false,
            quit_question: false,
            quitting: false,
            trace,
            start_handed_over: None,
            deck_loading: None,
            dialog: None,
            rehearsing: None,
            files: None,
            notes_edit: None,
            notes_unsaved: false,
            deck_save_in_flight: false,
            deck_resave: false,
            hosting: None,
            waker: {
                let ctx = ctx.clone();
                Arc::new(move || ctx.request_repaint())
            },
            deck,
        };
        let waker = ctx.clone();
        match FileWorker::start(move || waker.request_repaint()) {
            Ok(files) => app.files = Some(files),
            Err(error) => app.notices.push(format!(
                "cannot start the file thread: {error}; notes and history will not be saved"
            )),
        }
        if let Some(files) = &app.files {
            files.quick_check(&app.deck, app.format);
        }
        if app.options.rehearse {
            app.toggle_rehearsal();
        }
        app.apply_theme(ctx);
        app.slides.keep_around(&app.deck, 1);
        app
    }

    /// Build the app around a night: the host console, the first card (or the question where to
    /// resume a night cut short).
    pub fn new_night(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        night: crate::night::Night,
        options: LaunchOptions,
        clock: Arc<dyn Clock>,
    ) -> Self {
        // Until the first talk's deck is in, the app holds an empty one with the night's name.
        let placeholder = Deck {
            title: night.title.clone(),
            presenter: String::new(),
            format: night.format,
            slides: Vec::new(),
            source: night.source.clone(),
            base_dir: night.source.parent().map(PathBuf::from).unwrap_or_default(),
            load_warnings: Vec::new(),
        };
        let options = LaunchOptions {
            rehearse: false,
            format: None,
            ..options
        };
        let data_dir = options
            .night_dir
            .clone()
            .or_else(crate::night::user_data_dir);
        let mut app = Self::new(ctx, storage, placeholder, options, clock);
        let mut notices = Vec::new();
        let hosting =
            host::Hosting::open(night, data_dir.as_deref(), &mut notices, app.waker.clone());
        app.notices.extend(notices);
        app.hosting = Some(hosting);
        if app
            .hosting
            .as_ref()
            .is_some_and(|hosting| hosting.resume_offer.is_none())
        {
            app.night_log(crate::night::log::Event::NightOpened);
            app.save_progress();
        }
        app
    }

    /// The night's progress, when a night is on (tests and tools).
    #[must_use]
    pub fn night_progress(&self) -> Option<&crate::night::progress::Progress> {
        self.hosting.as_ref().map(|hosting| &hosting.progress)
    }

    /// What the projector shows now (tests and tools; the projector window paints the same).
    #[must_use]
    pub fn audience_frame(&self) -> FrameKind {
        let (state, slide, _) = self.shown_state(self.clock.now());
        self.projector_frame(state, slide).kind
    }

    /// Whether the talk whose card is up has its deck in, ready to start (tests and tools).
    #[must_use]
    pub fn night_card_armed(&self) -> bool {
        self.hosting.as_ref().is_some_and(|hosting| {
            matches!(
                hosting.progress.stage,
                crate::night::progress::Stage::Card { item } if hosting.deck_item() == Some(item)
            ) && self.talk.state(self.clock.now()) == TalkState::Ready
        })
    }

    /// The words on the night's card, when a night is on.
    #[must_use]
    pub fn night_card(&self) -> Option<&crate::ui::projector::NightCardText> {
        self.hosting.as_ref().map(|hosting| &hosting.card)
    }

    /// Give the app its sound device; `None` means silent, with one notice.
    pub fn set_cues(&mut self, cues: Option<Cues>) {
        if cues.is_none() {
            self.notify("no sound device: cues are silent".into());
        }
        self.cues = cues;
    }

    /// The talk engine, for tests and tools.
    #[must_use]
    pub fn talk(&self) -> &Talk {
        &self.talk
    }

    /// The deck on show.
    #[must_use]
    pub fn deck(&self) -> &Deck {
        &self.deck
    }

    /// The remembered settings.
    #[must_use]
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the projector is blacked out.
    #[must_use]
    pub fn blackout(&self) -> bool {
        self.projector.blackout
    }

    /// Messages shown to the host in the status bar.
    #[must_use]
    pub fn notices(&self) -> &[String] {
        &self.notices
    }

    /// Apply a command, as if a view had returned it.
    pub fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let now = self.clock.now();
        let command = if self.hosting.is_some() {
            let Some(command) = self.apply_night(command, now) else {
                ctx.request_repaint();
                return;
            };
            command
        } else {
            command
        };
        match command {
            Command::Start => self.start(now),
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
            Command::GoToSlide(slide) => {
                self.lead_in_until = None;
                self.talk.resume_from(slide, now);
            }
            Command::ManualAdvance => {
                self.talk.manual_advance(now);
            }
            Command::ResetTalk => {
                self.lead_in_until = None;
                self.talk = Talk::new(self.format.timing());
                if let Some(rehearsing) = &mut self.rehearsing {
                    rehearsing.new_run(self.format.timing());
                    rehearsing.slide_loop = None;
                }
            }
            Command::RestartTalk => {
                self.apply(ctx, Command::ResetTalk);
                self.start(now);
            }
            Command::Tap => self.tap(now),
            Command::ToggleRehearsal => self.toggle_rehearsal(),
            Command::ToggleLoop => self.toggle_loop(now),
            Command::ShowReport(open) => {
                if let Some(rehearsing) = &mut self.rehearsing {
                    rehearsing.report_open = open;
                }
            }
            Command::EditNotes(slide) => self.edit_notes(slide),
            Command::NotesChanged(text) => {
                if let Some(edit) = &mut self.notes_edit {
                    edit.text = text;
                }
            }
            Command::SaveNotes => self.save_notes(),
            Command::CancelNotesEdit => self.notes_edit = None,
            Command::ToggleSound => {
                if self.rehearsing.is_some() {
                    self.settings.rehearsal_sound = !self.settings.rehearsal_sound;
                } else {
                    self.settings.sound = !self.settings.sound;
                }
            }
            Command::ToggleBlackout => self.projector.blackout = !self.projector.blackout,
            Command::ToggleProjectorFullscreen => self.toggle_fullscreen(ctx),
            Command::SetProjectorOpen(open) => {
                self.projector.closed_by_host = !open;
                self.projector.open = open;
                self.projector.placed = false;
            }
            Command::ChooseMonitor(index) => self.choose_monitor(ctx, index),
            Command::OpenDialog { folder } => self.open_dialog(folder),
            Command::OpenDeck(path) => self.open_deck(path),
            // One question at a time: the quit question stays on top until it is answered.
            Command::ShowGoTo(open) => self.go_to_open = open && !self.quit_question,
            Command::ChangeSettings(settings) => {
                self.settings = settings;
                self.apply_theme(ctx);
            }
            Command::RequestQuit => {
                if self.must_ask_before_quitting(now) {
                    self.ask_before_quitting();
                } else {
                    self.quit(ctx);
                }
            }
            Command::DismissNotice(index) => {
                if index < self.notices.len() {
                    self.notices.remove(index);
                }
            }
            Command::ConfirmQuit => self.quit(ctx),
            Command::CancelQuit => self.quit_question = false,
            // A night's commands, with no night open.
            Command::Night(_) => {}
        }
        ctx.request_repaint();
    }

    /// Put the quit question up, alone: a half-typed "go to slide" under it would be answered by
    /// the same Enter.
    fn ask_before_quitting(&mut self) {
        self.go_to_open = false;
        self.quit_question = true;
    }

    /// Tell the host something in the status bar; the same trouble said again (Run again on a
    /// deck still missing) stays one notice.
    fn notify(&mut self, message: String) {
        if !self.notices.contains(&message) {
            self.notices.push(message);
        }
    }

    /// The slide loop, when one runs.
    fn slide_loop_mut(&mut self) -> Option<&mut SlideLoop> {
        self.rehearsing
            .as_mut()
            .and_then(|rehearsing| rehearsing.slide_loop.as_mut())
    }

    /// Rehearsal mode on (loading the deck's history) or off.
    fn toggle_rehearsal(&mut self) {
        if self.rehearsing.take().is_some() {
            return;
        }
        let timing = self.format.timing();
        let mut rehearsing = Rehearsing::new(timing);
        rehearsing.on_slide = self.talk.current_slide(self.clock.now());
        match (self.history_store(), &self.files) {
            (Ok(store), Some(files)) => files.load_history(&self.deck, timing, store),
            (Err(error), _) => {
                rehearsing.history = HistoryState::Unavailable;
                self.notify(format!("rehearsal history is not kept: {error}"));
            }
            (Ok(_), None) => rehearsing.history = HistoryState::Unavailable,
        }
        self.rehearsing = Some(rehearsing);
    }

    /// Practise the current slide on a loop (pausing a running talk), or stop the loop.
    fn toggle_loop(&mut self, now: Duration) {
        let slide = self.talk.current_slide(now);
        let slide_length = self.talk.timing().slide_length;
        let running = self.talk.state(now) == TalkState::Running;
        let Some(rehearsing) = &mut self.rehearsing else {
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
    fn tap(&mut self, now: Duration) {
        self.follow_talk(now);
        let state = self.talk.state(now);
        let slide = self.talk.current_slide(now);
        let remaining = self.talk.slide_remaining(now);
        let timing = self.talk.timing();
        let Some(rehearsing) = &mut self.rehearsing else {
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
    fn run_finished(&mut self) {
        let Some(rehearsing) = &mut self.rehearsing else {
            return;
        };
        let record = rehearsing.record();
        match &mut rehearsing.history {
            HistoryState::Ready { history, .. } => history.push(record),
            HistoryState::Loading | HistoryState::Unavailable => rehearsing.pending.push(record),
        }
        rehearsing.report_open = true;
        self.save_history();
    }

    fn save_history(&self) {
        if let Some(Rehearsing {
            history: HistoryState::Ready { key, history, .. },
            ..
        }) = &self.rehearsing
            && let Some(files) = &self.files
        {
            // The store was found when the history loaded, so it is found again here.
            if let Ok(store) = self.history_store() {
                files.save_history(store, key.clone(), history.clone());
            }
        }
    }

    /// Where rehearsal history lives: the folder tests give, else the user's data folder.
    fn history_store(&self) -> Result<HistoryStore, crate::history::HistoryError> {
        match &self.options.history_dir {
            Some(dir) => Ok(HistoryStore::new(dir.clone())),
            None => HistoryStore::user(),
        }
    }

    /// Open the notes editor on `slide` (1-based).
    fn edit_notes(&mut self, slide: usize) {
        if self
            .notes_edit
            .as_ref()
            .is_some_and(|edit| edit.slide == slide)
        {
            return;
        }
        // Editing another slide: what was typed for this one is saved, not dropped.
        self.save_notes();
        if let Some(notes) = self.deck.slides.get(slide.wrapping_sub(1)) {
            self.notes_edit = Some(NotesEdit {
                slide,
                text: notes.notes.clone(),
            });
        }
    }

    /// Put the edited notes into the deck and write the deck file in the background.
    fn save_notes(&mut self) {
        let Some(edit) = self.notes_edit.take() else {
            // Nothing open: Ctrl+S after a failed save tries that save again.
            if self.notes_unsaved {
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
        self.notes_unsaved = true;
        self.write_deck();
    }

    fn write_deck(&mut self) {
        if self.deck_save_in_flight {
            // One save at a time: the next one goes once this one has said where it wrote.
            self.deck_resave = true;
            return;
        }
        if let Some(files) = &self.files {
            self.deck_save_in_flight = true;
            files.save_deck(&self.deck);
        }
    }

    /// Take in what the file thread finished.
    fn poll_files(&mut self) {
        while let Some(event) = self.files.as_ref().and_then(FileWorker::try_next) {
            match event {
                FileEvent::HistoryLoaded(result) => self.history_loaded(result),
                FileEvent::HistorySaveFailed(message) => self
                    .notices
                    .push(format!("{message}; this session's runs are still shown")),
                FileEvent::NightFileFailed(message) => {
                    let notice = format!("{message}; the night goes on");
                    if !self.notices.contains(&notice) {
                        self.notify(notice);
                    }
                }
                FileEvent::DeckChecked { source, problems } => {
                    // A night checks its decks itself, and says so on their rows.
                    if self.hosting.is_none() && source == self.deck.source {
                        for notice in deck_problem_notices(
                            &problems,
                            self.talk.timing(),
                            self.deck.slides.len(),
                        ) {
                            self.notify(notice);
                        }
                    }
                }
                FileEvent::DeckSaved(result) => {
                    self.deck_save_in_flight = false;
                    match result {
                        Ok(path) => {
                            // A retry that worked: the failure it answered is over.
                            self.notices
                                .retain(|notice| !notice.ends_with(SAVE_AGAIN_HINT));
                            if path != self.deck.source {
                                // The new file inside the old source: that was a folder.
                                let beside_images =
                                    path.parent() == Some(self.deck.source.as_path());
                                self.notify(if beside_images {
                                    format!(
                                        "notes saved in {}, beside the images: the folder opens with them from now on",
                                        path.display()
                                    )
                                } else {
                                    format!(
                                        "notes saved in a new deck file, {}: open that one next time to have them",
                                        path.display()
                                    )
                                });
                                self.deck.base_dir =
                                    path.parent().map(PathBuf::from).unwrap_or_default();
                                self.deck.source = path;
                            }
                            self.notes_unsaved = self.deck_resave;
                        }
                        Err(message) => self.notify(format!("{message}{SAVE_AGAIN_HINT}")),
                    }
                    if std::mem::take(&mut self.deck_resave) {
                        self.write_deck();
                    }
                }
            }
        }
    }

    fn history_loaded(
        &mut self,
        result: Result<(String, crate::history::Loaded), crate::history::HistoryError>,
    ) {
        let Some(rehearsing) = &mut self.rehearsing else {
            return;
        };
        if !matches!(rehearsing.history, HistoryState::Loading) {
            return;
        }
        match result {
            Ok((key, loaded)) => {
                if let Some(warning) = loaded.warning {
                    self.notices.push(warning);
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
                self.notify(format!(
                    "rehearsal history is not kept: {error}; this session's runs are still shown"
                ));
            }
        }
    }

    /// The outcomes recorded so far in the current rehearsal run.
    #[must_use]
    pub fn run_outcomes(&self) -> Option<&[Option<Outcome>]> {
        self.rehearsing
            .as_ref()
            .map(|rehearsing| rehearsing.recorder.outcomes())
    }

    /// The finished runs of this deck (saved history plus this session's), oldest first.
    #[must_use]
    pub fn rehearsal_runs(&self) -> Vec<RunRecord> {
        self.rehearsing
            .as_ref()
            .map(|rehearsing| rehearsing.runs().cloned().collect())
            .unwrap_or_default()
    }

    /// Whether the deck's history has been read (or found unusable).
    #[must_use]
    pub fn history_settled(&self) -> bool {
        self.rehearsing
            .as_ref()
            .is_some_and(|rehearsing| !matches!(rehearsing.history, HistoryState::Loading))
    }

    /// Whether edited notes wait to be written (or failed to be).
    #[must_use]
    pub fn notes_unsaved(&self) -> bool {
        self.notes_unsaved || self.deck_save_in_flight
    }

    /// A talk is under way (counting in, running or paused): quitting must be confirmed.
    /// Quitting would end a talk under way, or lose notes whose save failed.
    fn must_ask_before_quitting(&self, now: Duration) -> bool {
        self.under_way(now) || self.notes_save_failed()
    }

    /// Edited notes are in memory only: their last save failed (one in flight finishes on quit).
    fn notes_save_failed(&self) -> bool {
        self.notes_unsaved && !self.deck_save_in_flight
    }

    fn under_way(&self, now: Duration) -> bool {
        matches!(self.talk.state(now), TalkState::Running | TalkState::Paused)
            || self.lead_in_until.is_some()
            // Until the night is over, quitting would show the desktop on the projector (and
            // clickers send Esc).
            || self
                .hosting
                .as_ref()
                .is_some_and(|hosting| hosting.stage() != crate::ui::host::HostStage::End)
    }

    fn quit(&mut self, ctx: &egui::Context) {
        self.quitting = true;
        self.quit_question = false;
        ctx.send_viewport_cmd_to(ViewportId::ROOT, ViewportCommand::Close);
    }

    fn start(&mut self, now: Duration) {
        if self.talk.state(now) != TalkState::Ready || self.lead_in_until.is_some() {
            return;
        }
        if self.settings.lead_in {
            self.lead_in_until = Some(now + LEAD_IN);
        } else {
            self.talk.start(now);
        }
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.settings.light_theme {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        });
    }

    fn toggle_fullscreen(&mut self, ctx: &egui::Context) {
        self.projector.fullscreen = !self.projector.fullscreen;
        let command = match (self.projector.fullscreen, self.projector.monitor) {
            (true, Some(index)) => ViewportCommand::SetMonitor(index),
            (fullscreen, _) => ViewportCommand::Fullscreen(fullscreen),
        };
        ctx.send_viewport_cmd_to(projector_viewport(), command);
        if !self.projector.fullscreen
            && let Some(position) = self.windowed_projector_position(ctx)
        {
            ctx.send_viewport_cmd_to(
                projector_viewport(),
                ViewportCommand::OuterPosition(position),
            );
        }
    }

    /// Where a windowed projector goes: near the top-left of its monitor, so that leaving
    /// fullscreen never drops it onto the laptop's screen over the presenter view.
    fn windowed_projector_position(&self, ctx: &egui::Context) -> Option<egui::Pos2> {
        let monitor = self.projector.monitors.get(self.projector.monitor?)?;
        let points_per_pixel = 1.0 / ctx.pixels_per_point();
        let margin = 40;
        Some(egui::pos2(
            (monitor.position.0 + margin) as f32 * points_per_pixel,
            (monitor.position.1 + margin) as f32 * points_per_pixel,
        ))
    }

    fn choose_monitor(&mut self, ctx: &egui::Context, index: usize) {
        self.projector.monitor = Some(index);
        self.projector.fullscreen = true;
        if let Some(monitor) = self.projector.monitors.get(index) {
            self.settings.projector_monitor = Some(monitor.name.clone());
            self.set_fit(monitor.size);
        }
        if self.projector.open {
            ctx.send_viewport_cmd_to(projector_viewport(), ViewportCommand::SetMonitor(index));
        } else {
            self.projector.open = true;
        }
    }

    fn set_fit(&mut self, size: (u32, u32)) {
        let fit = (size.0.max(640), size.1.max(360));
        if fit != self.slides.fit {
            self.slides.reset(fit);
        }
    }

    fn open_dialog(&mut self, folder: bool) {
        if self.dialog.is_some() {
            return;
        }
        let (sender, receiver) = channel();
        // rfd blocks until the user chooses; never on the UI thread.
        let spawned = std::thread::Builder::new()
            .name("pecha-open".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new().set_title("Open a Pecha deck");
                let chosen = if folder {
                    dialog.pick_folder()
                } else {
                    dialog.add_filter("Pecha deck", &["ron", "pdf"]).pick_file()
                };
                let _ = sender.send(chosen);
            });
        match spawned {
            Ok(_) => self.dialog = Some(receiver),
            Err(error) => self
                .notices
                .push(format!("cannot open a file dialog: {error}")),
        }
    }

    fn open_deck(&mut self, path: PathBuf) {
        let now = self.clock.now();
        if matches!(self.talk.state(now), TalkState::Running | TalkState::Paused) {
            self.notify(format!(
                "not opening {}: finish or reset the talk first",
                path.display()
            ));
            return;
        }
        let (sender, receiver) = channel();
        let spawned = std::thread::Builder::new()
            .name("pecha-load".into())
            .spawn(move || {
                let _ = sender.send(Deck::load(&path));
            });
        match spawned {
            Ok(_) => self.deck_loading = Some(receiver),
            Err(error) => self.notify(format!("cannot load the deck: {error}")),
        }
    }

    fn replace_deck(&mut self, ctx: &egui::Context, deck: Deck) {
        // A night's console keeps the night's name: between talks the talk before is not on.
        if self.hosting.is_none() {
            ctx.send_viewport_cmd_to(
                ViewportId::ROOT,
                ViewportCommand::Title(window_title(&deck)),
            );
        }
        self.format = self.options.format.unwrap_or(deck.format);
        self.talk = Talk::new(self.format.timing());
        self.lead_in_until = None;
        self.deck = deck;
        self.notices
            .retain(|notice| !notice.starts_with("cannot open"));
        self.slides.reset(self.slides.fit);
        self.slides.keep_around(&self.deck, 1);
        if let Some(files) = &self.files
            && self.hosting.is_none()
        {
            files.quick_check(&self.deck, self.format);
        }
        self.notes_edit = None;
        if self.rehearsing.take().is_some() {
            // Another deck has another history: rehearse it afresh.
            self.toggle_rehearsal();
        }
    }

    fn poll_background(&mut self, ctx: &egui::Context) {
        if let Some(receiver) = &self.dialog
            && let Ok(chosen) = receiver.try_recv()
        {
            self.dialog = None;
            match chosen {
                Some(path) => self.open_deck(path),
                None => self.notify(
                    "no deck chosen; if no dialog appeared, drop a deck on the window or run `pecha PATH`".into(),
                ),
            }
        }
        if let Some(receiver) = &self.deck_loading
            && let Ok(loaded) = receiver.try_recv()
        {
            self.deck_loading = None;
            match loaded {
                Ok(deck) => self.replace_deck(ctx, deck),
                Err(error) => self.notify(format!("cannot open {error}")),
            }
        }
    }

    /// Read the monitors once the window exists, and put the projector where it belongs.
    fn discover_monitors(&mut self, frame: &eframe::Frame) {
        if self.projector.discovered {
            return;
        }
        let Some(window) = frame.winit_window() else {
            return;
        };
        self.projector.discovered = true;
        log::info!(
            "window open {} ms after launch",
            self.clock.now().as_millis()
        );
        self.projector.monitors = window
            .available_monitors()
            .map(|monitor| MonitorInfo {
                name: monitor.name().unwrap_or_default(),
                size: (monitor.size().width, monitor.size().height),
                position: (monitor.position().x, monitor.position().y),
            })
            .collect();
        let laptop = window.current_monitor().and_then(|current| {
            self.projector
                .monitors
                .iter()
                .position(|monitor| Some(&monitor.name) == current.name().as_ref())
        });
        self.projector.laptop = laptop;
        let resolution = monitors::resolve(
            &self.projector.monitors,
            self.options.projector.as_ref(),
            self.settings.projector_monitor.as_deref(),
            laptop,
        );
        if let Some(notice) = resolution.notice {
            self.notify(notice);
        }
        match resolution.placement {
            Placement::Monitor(index) => {
                self.projector.monitor = Some(index);
                self.projector.fullscreen = !self.options.windowed;
                self.set_fit(self.projector.monitors[index].size);
            }
            Placement::Windowed => self.projector.fullscreen = false,
            Placement::Off => self.projector.open = false,
        }
    }

    fn schedule_repaint(&self, ctx: &egui::Context) {
        // Read the clock again: the delay is counted from this call, not from the frame's start.
        let now = self.clock.now();
        let mut next = self.talk.next_visible_change(now);
        if let Some(rehearsing) = &self.rehearsing {
            let soonest = |next: Option<Duration>, at: Option<Duration>| match (next, at) {
                (Some(a), Some(b)) => Some(a.min(b)),
                (a, b) => a.or(b),
            };
            if let Some(slide_loop) = &rehearsing.slide_loop {
                next = soonest(next, slide_loop.next_visible_change(now));
            }
            // The tap's answer goes away after a while, and so does the late-tap invitation.
            if let Some((_, at)) = rehearsing.last_tap {
                next = soonest(next, Some(at + TAP_MESSAGE_TIME).filter(|at| *at > now));
            }
            if let Some(finished_at) = rehearsing.finished_at {
                let window_end = finished_at + rehearsing.recorder.late_window();
                next = soonest(next, Some(window_end).filter(|at| *at > now));
            }
        }
        if let Some(ends) = self.hosting.as_ref().and_then(|hosting| hosting.break_ends) {
            // The break's countdown shows whole seconds.
            let left = ends.saturating_sub(now);
            let to_next_second = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
            let step = if to_next_second.is_zero() && !left.is_zero() {
                Duration::from_secs(1)
            } else {
                to_next_second
            };
            next = Some(next.map_or(now + step, |at| at.min(now + step)));
        }
        if let Some(until) = self.lead_in_until {
            let left = until.saturating_sub(now);
            let to_next_second = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
            let step = if to_next_second.is_zero() {
                Duration::from_secs(1)
            } else {
                to_next_second
            };
            next = Some(next.map_or(now + step, |at| at.min(now + step)));
        }
        // The wall clock shows minutes: wake for the next minute at the latest.
        let to_next_minute =
            Duration::from_secs(60 - u64::from(chrono::Timelike::second(&chrono::Local::now())));
        let delay = next.map_or(to_next_minute, |at| {
            at.saturating_sub(now).min(to_next_minute)
        });
        // At a slide deadline both windows are due; the audience's frame goes first, the
        // presenter's follows a few milliseconds later (invisible on a countdown).
        let after_projector = if self.projector.open {
            PRESENTER_LAG
        } else {
            Duration::ZERO
        };
        ctx.request_repaint_after_for(delay + after_projector, ViewportId::ROOT);
    }

    fn play(&self, cue: Cue) {
        let sound = if self.rehearsing.is_some() {
            self.settings.rehearsal_sound
        } else {
            self.settings.sound
        };
        if sound && let Some(cues) = &self.cues {
            cues.play(cue, self.settings.volume);
        }
    }

    /// Advance everything to `now`: lead-in, talk, cues, slides, `--start`, `--quit-when-done`.
    fn advance(&mut self, ctx: &egui::Context, now: Duration) {
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
            && let Some(hosting) = &mut self.hosting
            && hosting.card != text
        {
            hosting.card = text;
        }
        self.loop_cues(now);
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
            self.start_when_shown(ctx, now);
        }
        if self.options.quit_when_done && state == TalkState::Finished && !self.quitting {
            self.quit(ctx);
        }
    }

    /// Bring the talk's log up to `now`: cues for what happened, and the rehearsal's record.
    fn follow_talk(&mut self, now: Duration) {
        let events = self.talk.update(now);
        for entry in &events {
            match entry.event {
                LogEvent::SlideShown { slide } if slide > 1 => self.play(Cue::Advance),
                LogEvent::Finished => self.play(Cue::End),
                _ => {}
            }
        }
        self.log_interventions(&events);
        let slide_count = self.talk.timing().slide_count;
        if let Some(rehearsing) = &mut self.rehearsing
            && rehearsing.follow(&events, slide_count)
        {
            self.run_finished();
        }
    }

    /// The loop's cues: a click as each try starts, ticks in its last three seconds.
    fn loop_cues(&mut self, now: Duration) {
        let Some(rehearsing) = &mut self.rehearsing else {
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

    /// `--start` once slide 1 is ready. With a projector (and no lead-in), slide 1 goes to the
    /// projector, and the talk starts at the instant the projector paints it: the audience
    /// never misses the start of slide 1, and nothing waits for the presenter view's frame.
    /// Should the projector not paint it within a second, the talk starts anyway.
    fn start_when_shown(&mut self, ctx: &egui::Context, now: Duration) {
        let first_slide = self.projector_frame(TalkState::Running, 1);
        let on_projector = self.projector.open
            && !self.settings.lead_in
            && matches!(
                first_slide.kind,
                FrameKind::Slide {
                    picture: Some(_),
                    ..
                }
            );
        if !on_projector {
            // Failed slide 1, no projector or a lead-in: start here, once the projector (if
            // any) is on screen.
            if !self.projector.open || self.projector.frames_painted >= 1 {
                self.options.start = false;
                log::info!("--start: starting {} ms after launch", now.as_millis());
                self.start(now);
            }
            return;
        }
        match self.start_handed_over {
            None => {
                self.start_handed_over = Some(now);
                if let Ok(mut feed) = self.projector_feed.lock() {
                    feed.start_with = Some(first_slide);
                }
                ctx.request_repaint_of(projector_viewport());
                // Wake to start anyway should the projector not paint (see below).
                ctx.request_repaint_after_for(Duration::from_millis(1100), ViewportId::ROOT);
                log::info!(
                    "--start: slide 1 ready {} ms after launch, handed to the projector",
                    now.as_millis()
                );
            }
            Some(at) if now.saturating_sub(at) > Duration::from_secs(1) => {
                let taken_back = self
                    .projector_feed
                    .lock()
                    .is_ok_and(|mut feed| feed.start_with.take().is_some());
                if taken_back {
                    self.options.start = false;
                    log::warn!("--start: the projector painted nothing for a second; starting");
                    self.start(now);
                }
            }
            Some(_) => {}
        }
    }

    fn key_context(&self, now: Duration, state: TalkState) -> KeyContext {
        KeyContext {
            state,
            rehearsing: self.rehearsing.is_some(),
            looping: self
                .rehearsing
                .as_ref()
                .is_some_and(|rehearsing| rehearsing.slide_loop.is_some()),
            report_open: self
                .rehearsing
                .as_ref()
                .is_some_and(|rehearsing| rehearsing.report_open),
            slide: self.talk.current_slide(now),
            night: self.hosting.as_ref().map(host::Hosting::stage),
            walking: self.hosting.as_ref().and_then(|hosting| {
                hosting
                    .walking
                    .map(|position| (position, hosting.walk_stops()))
            }),
        }
    }

    /// The talk's start instant, once the projector painted the slide `--start` handed it.
    fn take_projector_start(&mut self) {
        let started = self
            .projector_feed
            .lock()
            .ok()
            .and_then(|mut feed| feed.started_at.take());
        if let Some(at) = started {
            self.options.start = false;
            self.talk.start(at);
        }
    }

    /// What the talk looks like now: its own state, or the slide loop's while one runs.
    fn shown_state(&self, now: Duration) -> (TalkState, usize, Duration) {
        if let Some(slide_loop) = self
            .rehearsing
            .as_ref()
            .and_then(|rehearsing| rehearsing.slide_loop.as_ref())
        {
            let remaining = match slide_loop.phase(now) {
                LoopPhase::Speaking { remaining, .. } => remaining,
                LoopPhase::Gap { .. } => self.talk.timing().slide_length,
            };
            let state = if slide_loop.is_paused() {
                TalkState::Paused
            } else {
                TalkState::Running
            };
            return (state, slide_loop.slide(), remaining);
        }
        (
            self.talk.state(now),
            self.talk.current_slide(now),
            self.talk.slide_remaining(now),
        )
    }

    fn rehearsal_model(
        &self,
        now: Duration,
        state: TalkState,
        slide: usize,
    ) -> Option<RehearsalModel<'_>> {
        let rehearsing = self.rehearsing.as_ref()?;
        let timing = self.talk.timing();
        let loop_status = rehearsing.slide_loop.as_ref().map(|slide_loop| {
            let (attempt, gap_seconds) = match slide_loop.phase(now) {
                LoopPhase::Speaking { attempt, .. } => (attempt, None),
                LoopPhase::Gap {
                    next_attempt,
                    starts_in,
                } => (
                    next_attempt,
                    Some(crate::ui::widgets::countdown_seconds(starts_in)),
                ),
            };
            LoopStatus {
                slide: slide_loop.slide(),
                attempt,
                gap_seconds,
                paused: slide_loop.is_paused(),
                results: slide_loop.results(now),
            }
        });
        let report = rehearsing.report_open.then(|| ReportModel {
            run_number: rehearsing.run_count(),
            runs: rehearsing.recent_outcomes(crate::history::RUNS_COMPARED),
            slide_count: timing.slide_count,
            slide_seconds: timing.slide_length.as_secs_f64(),
            unsaved: !matches!(rehearsing.history, HistoryState::Ready { .. }),
            history_file: match &rehearsing.history {
                HistoryState::Ready { path, .. } => Some(path.display().to_string()),
                HistoryState::Loading | HistoryState::Unavailable => None,
            },
        });
        let notes = self
            .deck
            .slides
            .get(slide.wrapping_sub(1))
            .map_or("", |slide| slide.notes.as_str());
        let awaiting_late_tap = rehearsing.recorder.awaiting_late_tap().filter(|_| {
            let into = match state {
                TalkState::Finished => rehearsing
                    .finished_at
                    .map_or(Duration::MAX, |at| now.saturating_sub(at)),
                _ => timing
                    .slide_length
                    .saturating_sub(self.talk.slide_remaining(now)),
            };
            rehearsing.slide_loop.is_none() && into <= rehearsing.recorder.late_window()
        });
        Some(RehearsalModel {
            tap_message: rehearsing
                .last_tap
                .as_ref()
                .filter(|(_, at)| now < *at + TAP_MESSAGE_TIME)
                .map(|(message, _)| message.as_str()),
            awaiting_late_tap,
            loop_status,
            report,
            runs_recorded: rehearsing.run_count(),
            // While editing, the hint follows what is being typed.
            pacing: crate::rehearsal::pacing(
                self.notes_edit
                    .as_ref()
                    .map_or(notes, |edit| edit.text.as_str()),
                timing.slide_length,
            )
            .describe(timing.slide_length.as_secs_f64()),
            notes_edit: self
                .notes_edit
                .as_ref()
                .map(|edit| (edit.slide, edit.text.as_str())),
            notes_unsaved: self.notes_unsaved(),
            inset: self
                .settings
                .rehearsal_inset
                .then(|| self.audience_view(state, slide)),
            strip_marks: rehearsing
                .recorder
                .outcomes()
                .iter()
                .map(|outcome| outcome.map(Outcome::is_over))
                .collect(),
        })
    }

    /// What the projector shows for the talk in `state` on `slide`, for the rehearsal inset.
    fn audience_view(&self, state: TalkState, slide: usize) -> ProjectorModel<'_> {
        let content = match self.projector_frame(state, slide).kind {
            FrameKind::Black => ProjectorContent::Black,
            FrameKind::TitleCard => ProjectorContent::TitleCard {
                title: &self.deck.title,
                presenter: &self.deck.presenter,
            },
            FrameKind::EndCard => ProjectorContent::EndCard {
                presenter: &self.deck.presenter,
            },
            FrameKind::Slide { slide, .. } => ProjectorContent::Slide(self.slides.picture(slide)),
            kind @ (FrameKind::NightCard | FrameKind::BreakCard { .. } | FrameKind::NightEnd) => {
                match &self.hosting {
                    Some(hosting) => {
                        Self::night_audience(kind, &hosting.card).unwrap_or(ProjectorContent::Black)
                    }
                    None => ProjectorContent::Black,
                }
            }
        };
        ProjectorModel {
            content,
            audience_progress: None,
        }
    }

    fn presenter_model(&self, now: Duration) -> PresenterModel<'_> {
        let (state, slide, slide_remaining) = self.shown_state(now);
        let looping = self
            .rehearsing
            .as_ref()
            .is_some_and(|rehearsing| rehearsing.slide_loop.is_some());
        let count = self.deck.slides.len();
        let timing = self.talk.timing();
        let next = if looping {
            // A loop's next try is the same slide again.
            self.slides.picture(slide)
        } else if slide < count.min(timing.slide_count) {
            self.slides.picture(slide + 1)
        } else if slide < timing.slide_count {
            SlidePicture::NotInDeck
        } else {
            SlidePicture::None
        };
        let seconds = timing.slide_length.as_secs_f64();
        let seconds_text = if seconds.fract() == 0.0 {
            format!("{seconds}")
        } else {
            format!("{seconds:.1}")
        };
        let format_label = if self.format.is_standard() {
            format!(
                "{} · {} × {seconds_text} s",
                self.format, timing.slide_count
            )
        } else {
            format!("{} × {seconds_text} s · non-standard", timing.slide_count)
        };
        // In a night the host sees the talk as the night bills it.
        let (presenter, title) = self
            .hosting
            .as_ref()
            .and_then(host::Hosting::billing)
            .map_or(
                (self.deck.presenter.as_str(), self.deck.title.as_str()),
                |(presenter, title)| {
                    (
                        presenter,
                        if title.is_empty() {
                            self.deck.title.as_str()
                        } else {
                            title
                        },
                    )
                },
            );
        PresenterModel {
            title,
            presenter,
            format_label,
            standard_format: self.format.is_standard(),
            state,
            slide,
            slide_count: timing.slide_count,
            slide_remaining,
            slide_length: timing.slide_length,
            talk_remaining: self.talk.talk_remaining(now),
            current: if slide > count {
                SlidePicture::NotInDeck
            } else {
                self.slides.picture(slide)
            },
            next,
            notes: self
                .deck
                .slides
                .get(slide - 1)
                .map_or("", |slide| slide.notes.as_str()),
            lead_in: self
                .lead_in_until
                .map(|until| crate::ui::widgets::countdown_seconds(until.saturating_sub(now))),
            wall_clock: chrono::Local::now().format("%H:%M").to_string(),
            settings: &self.settings,
            projector: ProjectorStatus {
                open: self.projector.open,
                closed_by_host: self.projector.closed_by_host && !self.projector.open,
                fullscreen: self.projector.fullscreen,
                blackout: self.projector.blackout,
                monitors: &self.projector.monitors,
                monitor: self.projector.monitor,
                laptop: self.projector.laptop,
            },
            notices: &self.notices,
            go_to_open: self.go_to_open,
            quit_question: self.quit_question,
            notes_save_failed: self.notes_save_failed(),
            rehearsal: self.rehearsal_model(now, state, slide),
            host: self.host_model(now, self.audience_view(state, slide)),
        }
    }

    /// The projector's picture for the talk in `state` on `slide`.
    fn projector_frame(&self, state: TalkState, slide: usize) -> ProjectorFrame {
        let kind = if self.projector.blackout {
            FrameKind::Black
        } else if let Some(kind) = self.night_frame(state, self.clock.now()) {
            kind
        } else {
            match (state, self.settings.before_start, self.settings.after_end) {
                (TalkState::Ready, Card::Card, _) => FrameKind::TitleCard,
                (TalkState::Finished, _, Card::Card) => FrameKind::EndCard,
                (TalkState::Ready, Card::Black, _) | (TalkState::Finished, _, Card::Black) => {
                    FrameKind::Black
                }
                (TalkState::Running | TalkState::Paused, _, _) => FrameKind::Slide {
                    slide,
                    picture: match self.slides.picture(slide) {
                        SlidePicture::Ready { texture, size, .. } => Some((texture, size)),
                        _ => None,
                    },
                },
            }
        };
        // The bar moves a step per slide: the projector repaints only when its picture changes.
        let audience_progress = (self.settings.audience_bar
            && matches!(state, TalkState::Running | TalkState::Paused))
        .then(|| slide.saturating_sub(1) as f32 / self.talk.timing().slide_count.max(1) as f32);
        ProjectorFrame {
            kind,
            audience_progress,
        }
    }

    /// Publish what the projector shows now and from the next deadline on, and take back what
    /// happened there (keys, close, painted slides).
    fn feed_projector(&mut self, ctx: &egui::Context, now: Duration) {
        let (state, slide, _) = self.shown_state(now);
        let looping = self
            .rehearsing
            .as_ref()
            .is_some_and(|rehearsing| rehearsing.slide_loop.is_some());
        let shown = self.projector_frame(state, slide);
        let key_context = self.key_context(now, state);
        let count = self.talk.timing().slide_count;
        let upcoming = if let FrameKind::BreakCard { seconds_left } = shown.kind {
            // The break's countdown: the projector wakes by itself for each second.
            self.hosting
                .as_ref()
                .and_then(|hosting| hosting.break_ends)
                .filter(|_| seconds_left > 0)
                .map(|ends| {
                    let at = ends.saturating_sub(Duration::from_secs(seconds_left - 1));
                    let frame = ProjectorFrame {
                        kind: FrameKind::BreakCard {
                            seconds_left: seconds_left - 1,
                        },
                        ..shown
                    };
                    (at, frame)
                })
        } else if state != TalkState::Running || looping {
            None
        } else if slide < count {
            self.talk
                .slide_deadline(slide + 1)
                .map(|at| (at, self.projector_frame(TalkState::Running, slide + 1)))
        } else {
            self.talk
                .finish_deadline()
                .map(|at| (at, self.projector_frame(TalkState::Finished, slide)))
        };
        let (commands, closed, painted, frames) = {
            let Ok(mut feed) = self.projector_feed.lock() else {
                return;
            };
            feed.title.clone_from(&self.deck.title);
            feed.presenter.clone_from(&self.deck.presenter);
            if let Some(hosting) = &self.hosting
                && feed.card != hosting.card
            {
                feed.card.clone_from(&hosting.card);
                // Same kind of frame, other words: it must be painted again.
                feed.last_painted = None;
            }
            feed.shown = shown;
            feed.upcoming = upcoming;
            feed.state = Some(state);
            feed.key_context = Some(key_context);
            feed.settings.clone_from(&self.settings);
            if feed.last_painted != Some(shown) {
                ctx.request_repaint_of(projector_viewport());
            }
            (
                std::mem::take(&mut feed.commands),
                std::mem::take(&mut feed.close_requested),
                std::mem::take(&mut feed.painted),
                feed.frames,
            )
        };
        self.projector.frames_painted = frames;
        if let Some((at, _)) = upcoming {
            ctx.request_repaint_after_for(
                at.saturating_sub(self.clock.now()),
                projector_viewport(),
            );
        }
        for (painted_slide, at) in painted {
            if !self.projector.first_slide_logged {
                self.projector.first_slide_logged = true;
                log::info!(
                    "first slide on the projector {} ms after launch",
                    at.as_millis()
                );
            }
            if let Some(trace) = &mut self.trace {
                trace.painted(&self.talk, painted_slide, at);
            }
        }
        if closed {
            // Closing the projector by accident must not disturb the talk: it only hides.
            self.projector.open = false;
            self.projector.closed_by_host = true;
            self.projector.placed = false;
        }
        for command in commands {
            self.apply(ctx, command);
        }
    }

    /// Keep the projector's viewport alive (a deferred viewport must be shown every pass); it
    /// paints itself from the feed, on its own schedule.
    fn show_projector(&mut self, ctx: &egui::Context) {
        if !self.projector.open {
            return;
        }
        let mut builder = ViewportBuilder::default()
            .with_title(format!("{} — projector", self.deck.title))
            .with_app_id("pecha-projector")
            .with_inner_size([960.0, 540.0]);
        if !self.projector.placed {
            self.projector.placed = true;
            if let Ok(mut feed) = self.projector_feed.lock() {
                feed.frames = 0;
                feed.last_painted = None;
            }
            if self.projector.fullscreen
                && let Some(index) = self.projector.monitor
            {
                ctx.send_viewport_cmd_to(projector_viewport(), ViewportCommand::SetMonitor(index));
            } else if let Some(position) = self.windowed_projector_position(ctx) {
                ctx.send_viewport_cmd_to(
                    projector_viewport(),
                    ViewportCommand::OuterPosition(position),
                );
            }
        }
        if self.projector.fullscreen
            && let Some(index) = self.projector.monitor
        {
            builder = builder.with_monitor(index);
        } else if let Some(position) = self.windowed_projector_position(ctx) {
            builder = builder.with_position(position);
        }
        let feed = Arc::clone(&self.projector_feed);
        let clock = Arc::clone(&self.clock);
        ctx.show_viewport_deferred(projector_viewport(), builder, move |ui, _class| {
            paint_projector(ui, &feed, &*clock);
        });
    }
}

/// The projector viewport's whole pass: paint the due frame, record it, pass input back.
fn paint_projector(ui: &mut egui::Ui, feed: &Mutex<ProjectorFeed>, clock: &dyn Clock) {
    let Ok(mut feed) = feed.lock() else { return };
    let starting = feed.start_with.take();
    let frame = if let Some(first) = starting {
        feed.shown = first;
        feed.upcoming = None;
        first
    } else {
        feed.frame_at(clock.now())
    };
    ui.ctx().set_cursor_icon(egui::CursorIcon::None);
    // Unfilled: `projector::show` paints black itself, only where the slide leaves bars.
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| projector::show(ui, &feed.model(frame)));
    let painted_at = clock.now();
    if let FrameKind::Slide {
        slide,
        picture: Some(_),
    } = frame.kind
        && feed.last_painted != Some(frame)
    {
        feed.painted.push((slide, painted_at));
    }
    if starting.is_some() {
        feed.started_at = Some(painted_at);
    }
    feed.last_painted = Some(frame);
    feed.frames += 1;
    if feed.frames <= 3 {
        log::debug!(
            "projector frame {} painted at {} ms",
            feed.frames,
            painted_at.as_millis()
        );
    }
    let state = feed.state.unwrap_or(TalkState::Ready);
    let settings = feed.settings.clone();
    let context = feed.key_context.unwrap_or(KeyContext::show(state));
    let commands = ui.input(|input| keys::commands_from_keys(input, context, &settings));
    let closed = ui.input(|input| input.viewport().close_requested());
    if closed {
        ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
        feed.close_requested = true;
    }
    let wake_app = !commands.is_empty() || closed || feed.frames <= 2 || !feed.painted.is_empty();
    feed.commands.extend(commands);
    if let Some((at, _)) = feed.upcoming {
        ui.ctx()
            .request_repaint_after(at.saturating_sub(clock.now()));
    }
    // A new window is mapped and made fullscreen over its first frames: paint a few at once,
    // so the window settles at once (eframe paints only windows that are mapped).
    if feed.frames < 3 {
        ui.ctx().request_repaint();
    }
    drop(feed);
    if wake_app {
        ui.ctx().request_repaint_of(ViewportId::ROOT);
    }
}

/// More slide problems than this are summed up in one notice.
const LISTED_SLIDE_PROBLEMS: usize = 3;

/// What the quick check of a deck just opened found, as notices that say what the audience will
/// see; the talk still runs the format's time.
fn deck_problem_notices(
    problems: &[crate::check::Finding],
    timing: Timing,
    deck_slides: usize,
) -> Vec<String> {
    let mut notices = Vec::new();
    let (whole_deck, slides): (Vec<_>, Vec<_>) =
        problems.iter().partition(|finding| finding.slide.is_none());
    for finding in whole_deck {
        let talk = format!(
            "the talk is still {} × {} s",
            timing.slide_count,
            timing.slide_length.as_secs_f64()
        );
        notices.push(match deck_slides.cmp(&timing.slide_count) {
            std::cmp::Ordering::Less => {
                let from = deck_slides + 1;
                let missing = if from == timing.slide_count {
                    format!("slide {from} shows")
                } else {
                    format!("slides {from} to {} show", timing.slide_count)
                };
                format!("{}: {talk}, and {missing} black", finding.message)
            }
            std::cmp::Ordering::Greater => format!(
                "{}: {talk}; slides after {} are not shown",
                finding.message, timing.slide_count
            ),
            std::cmp::Ordering::Equal => finding.message.clone(),
        });
    }
    let describe = |finding: &crate::check::Finding| {
        let name = finding
            .file
            .as_ref()
            .map(|file| format!(" ({})", file.display()))
            .unwrap_or_default();
        format!(
            "slide {}{name}: {}",
            finding.slide.unwrap_or_default(),
            finding.message
        )
    };
    if slides.len() <= LISTED_SLIDE_PROBLEMS {
        notices.extend(
            slides.iter().map(|finding| {
                format!("{}; the audience will see black for it", describe(finding))
            }),
        );
    } else {
        notices.push(format!(
            "{} slides cannot be shown, the audience will see black for them: {} and more; `pecha check` lists them all",
            slides.len(),
            describe(slides[0])
        ));
    }
    notices
}

impl eframe::App for PechaApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.discover_monitors(frame);
        self.poll_background(ctx);
        self.poll_files();
        self.take_projector_start();
        let now = self.clock.now();
        self.advance(ctx, now);
        if self.projector.open {
            self.feed_projector(ctx, now);
        }
        self.schedule_repaint(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let now = self.clock.now();
        self.show_projector(&ctx);
        // Read before the menus draw: Esc closes an open menu, and must not also quit.
        let menu_was_open = egui::Popup::is_any_open(&ctx);
        let model = self.presenter_model(now);
        let mut commands = presenter::show(ui, &model);
        let state = model.state;
        drop(model);
        let modal_open = self.go_to_open
            || self.quit_question
            || self
                .hosting
                .as_ref()
                .is_some_and(|hosting| hosting.skip_question.is_some());
        let context = self.key_context(now, state);
        // Esc in the notes editor closes it, keeping what was typed, as Go-to's box closes on
        // Esc; it must not fall through and quit.
        if self.notes_edit.is_some()
            && ui.input_mut(|input| input.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            commands.push(Command::SaveNotes);
        }
        if ctx.egui_wants_keyboard_input() {
            // Typing notes: keys are text, except the one that saves them.
            if ui.input_mut(|input| input.consume_key(egui::Modifiers::COMMAND, egui::Key::S)) {
                commands.push(Command::SaveNotes);
            }
        } else if !modal_open && !menu_was_open {
            let settings = self.settings.clone();
            commands.extend(ui.input(|input| keys::commands_from_keys(input, context, &settings)));
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
            ctx.send_viewport_cmd(ViewportCommand::CancelClose);
            self.ask_before_quitting();
        }
        for command in commands {
            self.apply(&ctx, command);
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        presenter::background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // History and notes saves already asked for complete before the process ends.
        if let Some(files) = &mut self.files {
            files.finish();
        }
        // Notes typed but not saved are written now, here: the file thread would not outlive
        // the app.
        if let Some(edit) = self.notes_edit.take()
            && let Some(slide) = self.deck.slides.get_mut(edit.slide.wrapping_sub(1))
            && slide.notes != edit.text
        {
            slide.notes = edit.text;
            match self.deck.save() {
                Ok(path) => log::info!("notes saved to {} on the way out", path.display()),
                Err(error) => log::error!("{error}; the notes typed last were not saved"),
            }
        }
        if let Some(trace) = &self.trace
            && let Err(error) = trace.write()
        {
            log::error!("{error}");
        }
    }
}
