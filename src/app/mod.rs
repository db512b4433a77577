//! The eframe app: [`PechaApp`] owns the talk, the mode it runs in ([`Mode`]: a show, a
//! rehearsal or a night), the slides on the GPU, the projector window, the sound and the notices.
//!
//! One question, one file:
//! - what a command does (a key, a click, a drop, in each mode): [`commands`], the one `apply`;
//! - what happens as time passes (a slide deadline, the lead-in, a break's end, a deck that
//!   arrived, when to wake next): [`logic`];
//! - what the views are shown: [`models`];
//! - the projector window (monitors, placement, the frames it is fed): [`projector`] (and, on
//!   X11, `x11`, which lets winit hear monitors come and go);
//! - slides on the GPU: [`textures`];
//! - rehearsal mode (taps, the loop, history, notes): [`rehearsal`];
//! - a single talk's crash-resume: [`resume`];
//! - a night (running order, cards, break, progress, log): [`night`], and the check of its
//!   decks with a time limit: [`checking`];
//! - the host's messages: [`notices`];
//! - the phones' server (View -> Phones…, `--serve`): [`phones`], which feeds it snapshots and
//!   turns the remote's requests into commands for `apply`.
//!
//! Frame discipline: `logic` advances the talk to the clock, takes in what background threads
//! finished and schedules the next repaint for the next visible change (a countdown second, a
//! slide deadline); nothing repaints in between. `ui` draws the presenter view and turns input
//! into commands. The projector is its own deferred viewport: it paints from a feed on its own
//! schedule, waking at the slide deadline by itself, so a slide never waits for the presenter
//! view's frame.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::Duration;

use egui::ViewportBuilder;

mod checking;
mod commands;
mod logic;
mod models;
mod night;
pub mod notices;
mod phones;
mod projector;
mod rehearsal;
mod resume;
mod textures;
#[cfg(target_os = "linux")]
mod x11;

use crate::audio::Cues;
use crate::clock::{Clock, SystemClock};
use crate::deck::{Deck, Format};
use crate::files::FileWorker;
use crate::i18n::Language;
use crate::monitors::ProjectorRequest;
use crate::night::lock::NightLock;
use crate::open::{OpenError, Opened};
use crate::settings::{STORAGE_KEY, Settings};
use crate::timing::Talk;
use crate::trace::TraceRecorder;
use crate::ui::presenter;
use night::Hosting;
use notices::{NoticeKind, Notices};
use projector::Projector;
use rehearsal::{NotesEditor, Rehearsing};
use textures::SlideTextures;

pub use phones::PhoneLinks;
pub use projector::projector_viewport;

/// How long the 3-2-1 lead-in lasts.
const LEAD_IN: Duration = Duration::from_secs(3);

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
    /// Where a single talk's place is kept for a crash-resume ([`crate::resume`]): the user's
    /// data folder when run from the command line; `None` keeps nothing.
    pub talk_place_dir: Option<PathBuf>,
    /// `--lang`: the language for this run, over the one remembered.
    pub language: Option<Language>,
    /// The system's language (`main` reads it; tests leave English), spoken when none is
    /// chosen.
    pub system_language: Language,
    /// `--serve [ADDR:]PORT`: serve the phones' pages from the start.
    pub serve: Option<crate::phones::ServeAddr>,
    /// How PowerPoint and Impress decks are converted; `None`: as the environment says
    /// ([`crate::convert::Converter::from_env`]). Tests give a fake LibreOffice and a cache.
    pub converter: Option<crate::convert::Converter>,
}

/// Why the app could not run.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The window system or the renderer failed.
    #[error("{}", crate::tr!("app-window", error = _0.as_str()))]
    Window(String),
}

/// What the app is doing with its deck: exactly one of these at a time.
enum Mode {
    /// A show of one talk.
    Talk,
    /// Practising one talk: taps, the loop, the run report.
    Rehearsal(Box<Rehearsing>),
    /// A night's host console; the deck is the talk whose card is up.
    Night(Box<Hosting>),
}

impl Mode {
    fn rehearsal(&self) -> Option<&Rehearsing> {
        match self {
            Self::Rehearsal(rehearsing) => Some(rehearsing),
            _ => None,
        }
    }

    fn rehearsal_mut(&mut self) -> Option<&mut Rehearsing> {
        match self {
            Self::Rehearsal(rehearsing) => Some(rehearsing),
            _ => None,
        }
    }

    fn night(&self) -> Option<&Hosting> {
        match self {
            Self::Night(hosting) => Some(hosting),
            _ => None,
        }
    }

    fn night_mut(&mut self) -> Option<&mut Hosting> {
        match self {
            Self::Night(hosting) => Some(hosting),
            _ => None,
        }
    }

    fn is_rehearsal(&self) -> bool {
        matches!(self, Self::Rehearsal(_))
    }

    fn is_night(&self) -> bool {
        matches!(self, Self::Night(_))
    }
}

/// The one question on screen, if any: questions never stack, so one Enter answers one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Modal {
    /// "Go to slide…" with its number box.
    GoTo,
    /// "Quit now?" while a talk is under way (or notes are unsaved).
    Quit,
    /// "Skip talk N?" for the talk under way (item of the night file).
    SkipTalk(usize),
}

/// Open the window and run until the user quits. `clock` should be created first thing in
/// `main`, so that its readings are times since launch (the first-slide log line uses that).
/// `night_lock` is the lock of the night being opened, when the caller already took it (see
/// [`PechaApp::new_night_holding`]).
pub fn run(
    opening: Opened,
    night_lock: Option<NightLock>,
    options: LaunchOptions,
    clock: SystemClock,
) -> Result<(), AppError> {
    let title = match &opening {
        Opened::Deck(deck) => window_title(deck),
        Opened::Night(night) => night_window_title(night),
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
            let clock = Arc::new(clock);
            let mut app = match opening {
                Opened::Deck(deck) => {
                    PechaApp::new(&creation.egui_ctx, creation.storage, deck, options, clock)
                }
                Opened::Night(night) => PechaApp::new_night_holding(
                    &creation.egui_ctx,
                    creation.storage,
                    night,
                    night_lock,
                    options,
                    clock,
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

fn night_window_title(night: &crate::night::Night) -> String {
    format!("{} — Pecha", night.title)
}

/// The Pecha app.
pub struct PechaApp {
    clock: Arc<dyn Clock>,
    deck: Deck,
    /// The deck's format, or `--format`'s.
    format: Format,
    talk: Talk,
    mode: Mode,
    settings: Settings,
    options: LaunchOptions,
    slides: SlideTextures,
    projector: Projector,
    cues: Option<Cues>,
    notices: Notices,
    lead_in_until: Option<Duration>,
    last_tick_second: Option<u64>,
    modal: Option<Modal>,
    /// The quit was confirmed: the window's close goes through.
    quitting: bool,
    /// When the presenter window was last asked to take the focus for a question on screen
    /// (see `focus_questions`); `None` while there is no question.
    question_focused_at: Option<Duration>,
    trace: Option<TraceRecorder>,
    /// The presenter view's last frame was painted on a window on the screen (mapped; with no
    /// window system to ask, as in tests, it is): without a projector, that is where the talk's
    /// slide 1 is.
    presenter_on_screen: bool,
    /// A deck or night being read on another thread (Open…, a drop), and what it says on the
    /// way (a conversion with LibreOffice under way).
    opening: Option<Receiver<Loading>>,
    /// The file dialog, open on its own thread.
    dialog: Option<Receiver<Option<PathBuf>>>,
    /// Reads and writes history, deck, progress and log files off the UI thread.
    files: Option<FileWorker>,
    /// Notes being edited and their saves.
    notes: NotesEditor,
    /// A show's place on disk, and the question whether to go on there after a crash.
    talk_resume: resume::TalkResume,
    /// Asks for a repaint from another thread (deck loads, music, the phones' server).
    waker: Arc<dyn Fn() + Send + Sync>,
    /// The phones' server (View -> Phones…, `--serve`).
    phones: phones::Phones,
}

/// What the thread opening a path says: how a conversion goes, then what the path is.
pub(crate) enum Loading {
    /// LibreOffice has been converting `file` for `seconds` whole seconds.
    Converting {
        /// The presentation.
        file: PathBuf,
        /// Whole seconds spent.
        seconds: u64,
    },
    /// The path is open, or is not.
    Done(Result<Opened, OpenError>),
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
        // A rehearsal needs one screen; a projector only when asked for by name.
        let projector_open = !(matches!(options.projector, Some(ProjectorRequest::Off))
            || options.rehearse && options.projector.is_none());
        // Every word from here on, notices included, is in the language chosen.
        crate::i18n::set_language(
            options
                .language
                .or(settings.language)
                .unwrap_or(options.system_language),
        );
        let phones = phones::Phones::new(options.serve);
        let mut app = Self {
            phones,
            clock,
            talk: Talk::new(format.timing()),
            format,
            mode: Mode::Talk,
            settings,
            options,
            slides: SlideTextures::new(ctx),
            projector: Projector::new(projector_open),
            cues: None,
            notices: Notices::default(),
            lead_in_until: None,
            last_tick_second: None,
            modal: None,
            quitting: false,
            question_focused_at: None,
            trace,
            presenter_on_screen: false,
            opening: None,
            dialog: None,
            files: None,
            notes: NotesEditor::default(),
            talk_resume: resume::TalkResume::default(),
            waker: {
                let ctx = ctx.clone();
                Arc::new(move || ctx.request_repaint())
            },
            deck,
        };
        let waker = ctx.clone();
        match FileWorker::start(move || waker.request_repaint()) {
            Ok(files) => app.files = Some(files),
            Err(error) => app.notify(
                NoticeKind::FileThreadDown,
                crate::i18n::Words::of(|| {
                    crate::tr!("notice-file-thread", error = error.to_string())
                }),
            ),
        }
        if let Some(files) = &app.files {
            files.quick_check(&app.deck, app.format);
        }
        if app.options.rehearse {
            app.toggle_rehearsal();
        }
        app.look_for_talk_place();
        app.apply_theme(ctx);
        app.slides.keep_around(&app.deck, 1);
        if app.options.serve.is_some() {
            app.serve_phones();
        }
        app
    }

    /// Build the app around a night: the host console, the first card (or the question where to
    /// resume a night cut short). The night's lock is taken here: if another Pecha has the night
    /// open, the app opens nothing and says so in a notice.
    pub fn new_night(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        night: crate::night::Night,
        options: LaunchOptions,
        clock: Arc<dyn Clock>,
    ) -> Self {
        Self::new_night_holding(ctx, storage, night, None, options, clock)
    }

    /// [`Self::new_night`] with the night's lock already taken (the command line takes it
    /// before any window opens, so that a second Pecha is refused with exit status 2); `None`
    /// takes it here.
    pub fn new_night_holding(
        ctx: &egui::Context,
        storage: Option<&dyn eframe::Storage>,
        night: crate::night::Night,
        lock: Option<NightLock>,
        options: LaunchOptions,
        clock: Arc<dyn Clock>,
    ) -> Self {
        let options = LaunchOptions {
            rehearse: false,
            format: None,
            ..options
        };
        let mut app = Self::new(
            ctx,
            storage,
            night::placeholder_deck(&night),
            options,
            clock,
        );
        let lock = match lock {
            Some(lock) => Some(lock),
            None => match app.lock_night(&night) {
                Ok(lock) => lock,
                Err(night::OpenElsewhere) => return app,
            },
        };
        app.enter_night(night, lock);
        app
    }

    /// How PowerPoint and Impress decks are converted: as the launch said, else as the
    /// environment says.
    pub(crate) fn converter(&self) -> crate::convert::Converter {
        self.options
            .converter
            .clone()
            .unwrap_or_else(crate::convert::Converter::from_env)
    }

    /// Give the app its sound device; `None` means silent, with one notice.
    pub fn set_cues(&mut self, cues: Option<Cues>) {
        if cues.is_none() {
            self.notify(
                NoticeKind::NoSound,
                crate::i18n::Words::of(|| crate::tr!("notice-no-sound")),
            );
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
    pub fn notices(&self) -> &[notices::Notice] {
        self.notices.as_slice()
    }

    /// Tell the host something in the status bar; a notice of the same kind already showing
    /// takes the new words instead of a second notice.
    fn notify(&mut self, kind: NoticeKind, text: crate::i18n::Words) {
        self.notices.raise(kind, text);
    }

    /// The language chosen for this run (`--lang`, else View → Language as remembered); `None`
    /// follows the system's.
    fn language_chosen(&self) -> Option<Language> {
        self.options.language.or(self.settings.language)
    }

    /// The language the app speaks.
    #[must_use]
    pub fn language(&self) -> Language {
        self.language_chosen()
            .unwrap_or(self.options.system_language)
    }

    /// View → Language: speak `choice` from now on, and remember it (over `--lang`, which was
    /// only for the start).
    fn choose_language(&mut self, choice: Option<Language>) {
        self.options.language = None;
        self.settings.language = choice;
        crate::i18n::set_language(self.language());
    }

    fn apply_theme(&self, ctx: &egui::Context) {
        ctx.set_theme(if self.settings.light_theme {
            egui::Theme::Light
        } else {
            egui::Theme::Dark
        });
    }
}

impl eframe::App for PechaApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        // First: eframe runs one window's frame at a time, so every frame painted before this
        // pass has been swapped onto the screen by now.
        let pass_started = self.clock.now();
        // The thread's language is the app's: cheap, and right even if a test ran another app
        // on this thread meanwhile.
        crate::i18n::set_language(self.language());
        self.watch_monitors(ctx, frame);
        self.poll_background(ctx);
        self.poll_files();
        let presented = self.take_presented(pass_started);
        self.start_on_presenter(pass_started);
        let now = self.clock.now();
        self.advance(ctx, now);
        self.focus_questions(ctx, now);
        self.trace_presented(&presented);
        self.poll_phones(ctx, now);
        if self.projector.showing() {
            self.take_projector_gone(ctx);
            // Keys pressed on the projector window do what they do on the presenter's.
            for command in self.feed_projector(ctx, now) {
                self.apply(ctx, command);
            }
        }
        self.schedule_repaint(ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        crate::i18n::set_language(self.language());
        let ctx = ui.ctx().clone();
        let now = self.clock.now();
        self.show_projector(&ctx);
        // Read before the menus draw: Esc closes an open menu, and must not also quit.
        let menu_was_open = egui::Popup::is_any_open(&ctx);
        let model = self.presenter_model(now);
        let clicked = presenter::show(ui, &model);
        let state = model.state;
        drop(model);
        let commands = self.commands_from_input(ui, clicked, state, menu_was_open, now);
        for command in commands {
            self.apply(&ctx, command);
        }
        // Read after the commands: a start asked for in this frame looks at the frames before.
        self.presenter_on_screen = frame
            .winit_window()
            .and_then(|window| window.is_visible())
            .unwrap_or(true);
        if self.talk.waits_for_slide_one(now) && !self.projector.showing() {
            // The pass after this frame's swap starts the talk: at once.
            ctx.request_repaint();
        }
    }

    fn clear_color(&self, visuals: &egui::Visuals) -> [f32; 4] {
        presenter::background(visuals).to_normalized_gamma_f32()
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.write_what_is_left();
    }
}

impl PechaApp {
    /// What must reach the disk before the process ends: the history and notes saves already
    /// asked for, unsaved notes, the trace (with a row for every slide the talk showed). A
    /// night's progress and log need nothing: they are written as they change.
    fn write_what_is_left(&mut self) {
        if let Some(files) = &mut self.files {
            files.finish();
        }
        self.save_notes_on_exit();
        if let Some(trace) = &mut self.trace {
            trace.complete(&self.talk);
            if let Err(error) = trace.write() {
                log::error!("{error}");
            }
        }
    }
}

impl Drop for PechaApp {
    /// A panic unwinding out of the event loop drops the app without `on_exit`: write what can
    /// still be written (the panic hook in `main` has logged the panic already).
    fn drop(&mut self) {
        if std::thread::panicking() {
            log::error!("Pecha is stopping after a panic: writing the trace, notes and history");
            self.write_what_is_left();
        }
    }
}
