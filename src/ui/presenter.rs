//! The presenter view on the laptop: the current and next slide, the notes, and the time, big
//! enough to read from 1.5 m away in a dark or a bright room. Also the host's controls, in
//! menus, so that none of them sits under a stray click.

use std::time::Duration;

use egui::{Align, Color32, FontId, Id, Layout, RichText, Sense, Ui, vec2};

use super::Command;
use super::host::{self, HostModel};
use super::rehearsal::{self, RehearsalModel};
use super::widgets::{
    SlidePicture, countdown_ring, format_countdown, paint_slide, palette, progress_strip, readable,
};
use crate::i18n::Language;
use crate::monitors::MonitorInfo;
use crate::settings::{Card, Settings};
use crate::timing::TalkState;
use crate::tr;

/// The projector as the presenter view shows and controls it.
#[derive(Debug, Clone, Copy)]
pub struct ProjectorStatus<'a> {
    /// The window exists.
    pub open: bool,
    /// The host closed it during the show: the audience sees the desktop, or nothing.
    pub closed_by_host: bool,
    /// It is fullscreen on a monitor (else a normal window).
    pub fullscreen: bool,
    /// The picture is blacked out.
    pub blackout: bool,
    /// The monitors there are.
    pub monitors: &'a [MonitorInfo],
    /// The monitor it is on, if fullscreen.
    pub monitor: Option<usize>,
    /// The monitor the presenter view is on: the projector there would cover it.
    pub laptop: Option<usize>,
    /// The projector's monitor, by name, while it is gone: the window is hidden until it is back.
    pub monitor_gone: Option<&'a str>,
    /// Monitors plugged in while Pecha runs and not chosen since, by name: offered, not used.
    pub plugged: &'a [String],
}

/// What the presenter is asked when the deck's talk was cut short by a crash last time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TalkResumeOffer {
    /// The slide the talk was on.
    pub slide: usize,
    /// Its slides.
    pub slides: usize,
    /// Talk time when that slide began, e.g. `2:00`.
    pub talk_time: String,
    /// When it was written, local `YYYY-MM-DD HH:MM`.
    pub stopped_at: String,
}

/// Everything the presenter view shows.
#[derive(Debug, Clone)]
pub struct PresenterModel<'a> {
    /// Talk title.
    pub title: &'a str,
    /// Speaker.
    pub presenter: &'a str,
    /// E.g. `PechaKucha · 20 × 20 s`, with a mark when non-standard.
    pub format_label: String,
    /// Whether the format is a standard one.
    pub standard_format: bool,
    /// Ready, running, paused, finished.
    pub state: TalkState,
    /// Current slide, 1-based.
    pub slide: usize,
    /// Slides in the talk.
    pub slide_count: usize,
    /// Time left on this slide.
    pub slide_remaining: Duration,
    /// A slide's full time.
    pub slide_length: Duration,
    /// Time left in the whole talk.
    pub talk_remaining: Duration,
    /// The current slide.
    pub current: SlidePicture<'a>,
    /// The next slide.
    pub next: SlidePicture<'a>,
    /// Notes of the current slide.
    pub notes: &'a str,
    /// Seconds left of the 3-2-1 lead-in, while it runs.
    pub lead_in: Option<u64>,
    /// Local time, `HH:MM`.
    pub wall_clock: String,
    /// Preferences.
    pub settings: &'a Settings,
    /// The projector.
    pub projector: ProjectorStatus<'a>,
    /// Things the host should know (no sound device, projector missing…).
    pub notices: Vec<&'a str>,
    /// The go-to-slide box is open.
    pub go_to_open: bool,
    /// The quit question is open.
    pub quit_question: bool,
    /// Where the talk stopped last time, while the question whether to go on there is open.
    pub talk_resume: Option<TalkResumeOffer>,
    /// Edited notes whose save failed: quitting would lose them.
    pub notes_save_failed: bool,
    /// Rehearsal mode's extras; `None` in a show.
    pub rehearsal: Option<RehearsalModel<'a>>,
    /// A night's console; `None` for a single talk.
    pub host: Option<HostModel<'a>>,
    /// The language chosen (View → Language, or `--lang`); `None` follows the system's.
    pub language_chosen: Option<Language>,
    /// The system's language, what "as the system" means.
    pub system_language: Language,
    /// View -> Phones…, while it is open.
    pub phones: Option<super::phones::PhonesModel<'a>>,
}

/// The colour behind the whole presenter view. The window is cleared to it and the panels are
/// not filled: in a software renderer (Mesa llvmpipe, common on laptops without GPU drivers) each
/// full-window fill costs about 9 ms of CPU, and the view repaints every second.
#[must_use]
pub fn background(visuals: &egui::Visuals) -> Color32 {
    visuals.panel_fill
}

/// Draw the presenter view over a window cleared to [`background`]; returns what the user asked
/// for.
pub fn show(ui: &mut Ui, model: &PresenterModel<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let unfilled = |frame: egui::Frame| frame.fill(Color32::TRANSPARENT);
    egui::Panel::top("menu")
        .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
        .show(ui, |ui| menu_bar(ui, model, &mut commands));
    egui::Panel::bottom("status")
        .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
        .show(ui, |ui| status_bar(ui, model, &mut commands));
    if let Some(phones) = &model.phones {
        super::phones::dialog(ui, phones, &mut commands);
    }
    if let Some(host_model) = &model.host {
        let order_width = (ui.available_width() * 0.24).clamp(260.0, 420.0);
        egui::Panel::left("running-order")
            .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
            .exact_size(order_width)
            .resizable(false)
            .show(ui, |ui| host::running_order(ui, host_model, &mut commands));
        if let Some(offer) = &host_model.resume_offer {
            host::resume_dialog(ui, offer, &mut commands);
        }
        if let Some((item, name)) = &host_model.skip_question {
            host::skip_dialog(ui, *item, name, &mut commands);
        }
        if host_model.takes_the_stage() {
            egui::CentralPanel::default()
                .frame(unfilled(egui::Frame::central_panel(ui.style())))
                .show(ui, |ui| {
                    // Between talks too: the host must see that the audience sees nothing.
                    projector_banners(ui, &model.projector, GoesOn::Night);
                    host::stage(ui, host_model, &mut commands);
                });
            if model.quit_question {
                quit_dialog(ui, model, &mut commands);
            }
            return commands;
        }
    }
    let side_width = (ui.available_width() * 0.34).clamp(300.0, 620.0);
    egui::Panel::right("time")
        .frame(unfilled(egui::Frame::side_top_panel(ui.style())))
        .exact_size(side_width)
        .resizable(false)
        .show(ui, |ui| time_column(ui, model, &mut commands));
    egui::CentralPanel::default()
        .frame(unfilled(egui::Frame::central_panel(ui.style())))
        .show(ui, |ui| slide_column(ui, model, &mut commands));
    if model.go_to_open {
        go_to_dialog(ui, model, &mut commands);
    }
    if model.quit_question {
        quit_dialog(ui, model, &mut commands);
    }
    if let Some(offer) = &model.talk_resume {
        talk_resume_dialog(ui, offer, &mut commands);
    }
    commands
}

fn menu_bar(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(tr!("menu-deck"), |ui| {
            if ui.button(tr!("menu-open-file")).clicked() {
                commands.push(Command::OpenDialog { folder: false });
            }
            if ui.button(tr!("menu-open-folder")).clicked() {
                commands.push(Command::OpenDialog { folder: true });
            }
            ui.separator();
            if ui.button(tr!("menu-quit")).clicked() {
                commands.push(Command::RequestQuit);
            }
        });
        talk_menu(ui, model, commands);
        rehearse_menu(ui, model, commands);
        projector_menu(ui, model, commands);
        view_menu(ui, model, commands);
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(&model.wall_clock).size(20.0).strong());
        });
    });
}

fn talk_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let under_way = matches!(model.state, TalkState::Running | TalkState::Paused);
    ui.menu_button(tr!("menu-talk"), |ui| {
        if ui
            .add_enabled(
                model.state == TalkState::Ready,
                egui::Button::new(tr!("menu-start")),
            )
            .clicked()
        {
            commands.push(Command::Start);
        }
        let pause = if model.state == TalkState::Paused {
            tr!("menu-resume")
        } else {
            tr!("menu-pause")
        };
        if ui
            .add_enabled(under_way, egui::Button::new(pause))
            .clicked()
        {
            commands.push(Command::TogglePause);
        }
        if ui
            .add_enabled(under_way, egui::Button::new(tr!("menu-restart-slide")))
            .clicked()
        {
            commands.push(Command::RestartSlide);
        }
        if ui
            .add_enabled(
                model.state != TalkState::Ready,
                egui::Button::new(tr!("menu-go-to")),
            )
            .clicked()
        {
            commands.push(Command::ShowGoTo(true));
        }
        if ui
            .add_enabled(under_way, egui::Button::new(tr!("menu-next-now")))
            .clicked()
        {
            commands.push(Command::ManualAdvance);
        }
        ui.separator();
        if ui
            .add_enabled(
                model.state != TalkState::Ready,
                egui::Button::new(tr!("menu-back-to-title")),
            )
            .clicked()
        {
            commands.push(Command::ResetTalk);
        }
        let mut lead_in = model.settings.lead_in;
        if ui.checkbox(&mut lead_in, tr!("menu-lead-in")).changed() {
            commands.push(Command::ChangeSettings(Settings {
                lead_in,
                ..model.settings.clone()
            }));
        }
    });
}

fn rehearse_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.menu_button(tr!("menu-rehearse"), |ui| {
        let mut rehearsing = model.rehearsal.is_some();
        if ui
            .checkbox(&mut rehearsing, tr!("menu-rehearsal-mode"))
            .changed()
        {
            commands.push(Command::ToggleRehearsal);
        }
        let Some(rehearsal) = &model.rehearsal else {
            ui.weak(tr!("menu-rehearse-hint"));
            return;
        };
        ui.separator();
        if ui.button(tr!("menu-run-again")).clicked() {
            commands.push(Command::RestartTalk);
        }
        let loop_label = if rehearsal.loop_status.is_some() {
            tr!("menu-loop-stop")
        } else {
            tr!("menu-loop-start")
        };
        if ui.button(loop_label).clicked() {
            commands.push(Command::ToggleLoop);
        }
        if ui
            .add_enabled(
                rehearsal.runs_recorded > 0,
                egui::Button::new(tr!("menu-run-report", runs = rehearsal.runs_recorded)),
            )
            .clicked()
        {
            commands.push(Command::ShowReport(true));
        }
        if ui.button(tr!("menu-edit-notes")).clicked() {
            commands.push(Command::EditNotes(model.slide));
        }
        ui.separator();
        let settings = model.settings;
        let mut sound = settings.rehearsal_sound;
        if ui
            .checkbox(&mut sound, tr!("menu-rehearsal-sound"))
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                rehearsal_sound: sound,
                ..settings.clone()
            }));
        }
        let mut inset = settings.rehearsal_inset;
        if ui
            .checkbox(&mut inset, tr!("menu-rehearsal-inset"))
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                rehearsal_inset: inset,
                ..settings.clone()
            }));
        }
    });
}

fn projector_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let projector = model.projector;
    ui.menu_button(tr!("menu-projector"), |ui| {
        if projector.open {
            if ui.button(tr!("menu-projector-close")).clicked() {
                commands.push(Command::SetProjectorOpen(false));
            }
        } else if ui.button(tr!("menu-projector-open")).clicked() {
            commands.push(Command::SetProjectorOpen(true));
        }
        if ui
            .checkbox(&mut projector.fullscreen.clone(), tr!("menu-fullscreen"))
            .clicked()
        {
            commands.push(Command::ToggleProjectorFullscreen);
        }
        if ui
            .checkbox(&mut projector.blackout.clone(), tr!("menu-black-out"))
            .clicked()
        {
            commands.push(Command::ToggleBlackout);
        }
        ui.separator();
        ui.label(tr!("menu-show-on-monitor"));
        if projector.monitors.is_empty() {
            ui.weak(tr!("menu-no-monitor-list"));
        }
        for (index, monitor) in projector.monitors.iter().enumerate() {
            let mut label = monitor.label(index);
            if projector.laptop == Some(index) {
                label.push_str("  ");
                label.push_str(&tr!("menu-monitor-laptop"));
            }
            if projector.plugged.contains(&monitor.name) {
                label.push_str("  ");
                label.push_str(&tr!("menu-monitor-new"));
            }
            if ui.radio(projector.monitor == Some(index), label).clicked() {
                commands.push(Command::ChooseMonitor(index));
            }
        }
        if let Some(gone) = projector.monitor_gone {
            ui.weak(tr!("menu-monitor-gone", monitor = gone));
        }
        ui.separator();
        let settings = model.settings;
        let mut audience_bar = settings.audience_bar;
        if ui
            .checkbox(&mut audience_bar, tr!("menu-audience-bar"))
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                audience_bar,
                ..settings.clone()
            }));
        }
        let mut title_card = settings.before_start == Card::Card;
        if ui
            .checkbox(&mut title_card, tr!("menu-title-card"))
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                before_start: if title_card { Card::Card } else { Card::Black },
                ..settings.clone()
            }));
        }
        let mut end_card = settings.after_end == Card::Card;
        if ui.checkbox(&mut end_card, tr!("menu-end-card")).changed() {
            commands.push(Command::ChangeSettings(Settings {
                after_end: if end_card { Card::Card } else { Card::Black },
                ..settings.clone()
            }));
        }
        let mut cards_in_ui_language = settings.cards_in_ui_language;
        if ui
            .checkbox(&mut cards_in_ui_language, tr!("menu-cards-ui-language"))
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                cards_in_ui_language,
                ..settings.clone()
            }));
        }
    });
}

fn view_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let settings = model.settings;
    ui.menu_button(tr!("menu-view"), |ui| {
        if ui.button(tr!("menu-phones")).clicked() {
            commands.push(Command::Phones(super::PhonesCommand::ShowDialog(true)));
        }
        ui.separator();
        let mut notes_size = settings.notes_size;
        if ui
            .add(
                egui::Slider::new(&mut notes_size, Settings::NOTES_SIZE_RANGE)
                    .text(tr!("menu-notes-size"))
                    // Whole points, and the language's decimal comma where there is one.
                    .custom_formatter(|value, _| crate::i18n::decimal(value, 0))
                    .custom_parser(parse_decimal),
            )
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                notes_size,
                ..settings.clone()
            }));
        }
        let mut light = settings.light_theme;
        if ui.checkbox(&mut light, tr!("menu-light-theme")).changed() {
            commands.push(Command::ChangeSettings(Settings {
                light_theme: light,
                ..settings.clone()
            }));
        }
        ui.separator();
        // While rehearsing, the switch (like M) is the rehearsal's own: muting a rehearsal must
        // not silence the next show.
        let rehearsing = model.rehearsal.is_some();
        let mut sound = if rehearsing {
            settings.rehearsal_sound
        } else {
            settings.sound
        };
        let label = if rehearsing {
            tr!("menu-sound-rehearsal")
        } else {
            tr!("menu-sound")
        };
        if ui.checkbox(&mut sound, label).changed() {
            commands.push(Command::ToggleSound);
        }
        let mut volume = settings.volume;
        if ui
            .add_enabled(
                sound,
                egui::Slider::new(&mut volume, 0.0..=1.0)
                    .text(tr!("menu-volume"))
                    .custom_formatter(|value, _| crate::i18n::decimal(value, 2))
                    .custom_parser(parse_decimal),
            )
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                volume,
                ..settings.clone()
            }));
        }
        ui.separator();
        language_menu(ui, model, commands);
    });
}

/// A number typed into a slider, with a decimal comma or point.
fn parse_decimal(text: &str) -> Option<f64> {
    text.trim().replace(',', ".").parse().ok()
}

/// View → Language: each language under its own name, so that someone who cannot read the
/// current one still finds theirs.
fn language_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.menu_button(tr!("menu-language"), |ui| {
        let system = tr!(
            "menu-language-system",
            language = model.system_language.native_name()
        );
        if ui.radio(model.language_chosen.is_none(), system).clicked() {
            commands.push(Command::ChooseLanguage(None));
        }
        for language in Language::ALL {
            if ui
                .radio(
                    model.language_chosen == Some(language),
                    language.native_name(),
                )
                .clicked()
            {
                commands.push(Command::ChooseLanguage(Some(language)));
            }
        }
    });
}

fn status_bar(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for (index, notice) in model.notices.iter().enumerate() {
            let text = RichText::new(*notice)
                .size(16.0)
                .color(readable(ui, palette::HURRY))
                .strong();
            if ui
                .add(egui::Label::new(text).sense(Sense::click()))
                .on_hover_text(tr!("notice-dismiss"))
                .clicked()
            {
                commands.push(Command::DismissNotice(index));
            }
            ui.separator();
        }
        let looping = model
            .rehearsal
            .as_ref()
            .is_some_and(|rehearsal| rehearsal.loop_status.is_some());
        let hints = if looping {
            vec![
                tr!("hint-loop-done"),
                tr!("hint-loop-pause"),
                tr!("hint-loop-stop"),
            ]
        } else if model.rehearsal.is_some() {
            rehearsal_key_hints(model.state)
        } else if let Some(host) = &model.host {
            host::key_hints(host, model.state)
        } else {
            key_hints(model.state)
        };
        // One label per key, each kept whole: a narrow bar wraps between keys, never inside
        // one ("Ctrl+O: open" / "a deck").
        for (index, hint) in hints.into_iter().enumerate() {
            if index > 0 {
                ui.weak("·");
            }
            ui.add(egui::Label::new(RichText::new(hint).weak()).extend());
        }
    });
}

/// The keys that matter in this state, so the bar never offers what would do nothing.
fn key_hints(state: TalkState) -> Vec<String> {
    match state {
        TalkState::Ready => vec![
            tr!("hint-start"),
            tr!("hint-go-to"),
            tr!("hint-black-out"),
            tr!("hint-open"),
            tr!("hint-quit"),
        ],
        TalkState::Running | TalkState::Paused => vec![
            if state == TalkState::Paused {
                tr!("hint-resume")
            } else {
                tr!("hint-pause")
            },
            tr!("hint-restart-slide"),
            tr!("hint-go-to"),
            tr!("hint-next-now"),
            tr!("hint-black-out"),
            tr!("hint-quit"),
        ],
        TalkState::Finished => vec![
            tr!("hint-go-to"),
            tr!("hint-back-to-title"),
            tr!("hint-open"),
            tr!("hint-quit"),
        ],
    }
}

/// The keys of a rehearsal.
fn rehearsal_key_hints(state: TalkState) -> Vec<String> {
    match state {
        TalkState::Ready => vec![
            tr!("hint-rehearsal-start"),
            tr!("hint-loop-practise"),
            tr!("hint-edit-notes"),
            tr!("hint-report"),
            tr!("hint-quit"),
        ],
        TalkState::Running | TalkState::Paused => vec![
            tr!("hint-tap"),
            if state == TalkState::Paused {
                tr!("hint-resume")
            } else {
                tr!("hint-pause")
            },
            tr!("hint-go-to"),
            tr!("hint-loop-slide"),
            tr!("hint-edit-notes"),
            tr!("hint-run-again-ctrl"),
        ],
        TalkState::Finished => vec![
            tr!("hint-run-again"),
            tr!("hint-report"),
            tr!("hint-practise-a-slide"),
            tr!("hint-go-to"),
            tr!("hint-quit"),
        ],
    }
}

/// Impossible to miss: the audience sees black, or not the slides at all.
fn alert_banner(ui: &mut Ui, headline: &str, detail: &str) {
    egui::Frame::new()
        .fill(readable(ui, palette::ALERT))
        .corner_radius(6.0)
        .inner_margin(8.0)
        .show(ui, |ui| {
            ui.vertical_centered(|ui| {
                ui.label(
                    RichText::new(headline)
                        .size(24.0)
                        .strong()
                        .color(Color32::WHITE),
                );
                ui.label(RichText::new(detail).size(18.0).color(Color32::WHITE));
            });
        });
    ui.add_space(6.0);
}

/// What goes on while the projector's monitor is gone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum GoesOn {
    Talk,
    Night,
}

/// What keeps the audience from seeing the show, if anything. `goes_on` is what goes on
/// meanwhile: the talk, or the night on a night's stage.
fn projector_banners(ui: &mut Ui, projector: &ProjectorStatus<'_>, goes_on: GoesOn) {
    if projector.closed_by_host {
        alert_banner(ui, &tr!("banner-closed"), &tr!("banner-closed-detail"));
    } else if let Some(gone) = projector.monitor_gone.filter(|_| projector.open) {
        let detail = match goes_on {
            GoesOn::Talk => tr!("banner-monitor-gone-talk"),
            GoesOn::Night => tr!("banner-monitor-gone-night"),
        };
        alert_banner(ui, &tr!("banner-monitor-gone", monitor = gone), &detail);
    } else if projector.blackout {
        alert_banner(
            ui,
            &tr!("banner-blacked-out"),
            &tr!("banner-blacked-out-detail"),
        );
    }
}

fn time_column(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.add_space(8.0);
    // A night's talk that has not started yet is the night's: that is what goes on.
    let goes_on = if model.host.is_some() && model.state == TalkState::Ready {
        GoesOn::Night
    } else {
        GoesOn::Talk
    };
    projector_banners(ui, &model.projector, goes_on);
    ui.vertical_centered(|ui| {
        if model.rehearsal.is_some() {
            ui.label(
                RichText::new(tr!("badge-rehearsal"))
                    .size(18.0)
                    .strong()
                    .color(readable(ui, palette::PAUSED)),
            );
        }
        let looping = model
            .rehearsal
            .as_ref()
            .is_some_and(|rehearsal| rehearsal.loop_status.is_some());
        let (badge, colour) = match model.state {
            _ if looping => (tr!("badge-looping"), palette::PAUSED),
            TalkState::Ready => (tr!("badge-ready"), palette::CALM),
            TalkState::Running => (tr!("badge-running"), palette::CALM),
            TalkState::Paused => (tr!("badge-paused"), palette::PAUSED),
            TalkState::Finished => (tr!("badge-finished"), palette::DONE),
        };
        ui.label(
            RichText::new(badge)
                .size(30.0)
                .strong()
                .color(readable(ui, colour)),
        );
        ui.add_space(6.0);
        let diameter = (ui.available_width() * 0.72)
            .min(ui.available_height() * 0.42)
            .max(120.0);
        if let Some(seconds) = model.lead_in {
            lead_in_digits(ui, diameter, seconds);
        } else {
            countdown_ring(
                ui,
                diameter,
                model.slide_remaining,
                model.slide_length,
                model.state,
            );
        }
        ui.add_space(6.0);
        ui.label(
            RichText::new(tr!(
                "slide-of",
                slide = model.slide,
                count = model.slide_count
            ))
            .size(26.0),
        );
        ui.label(
            RichText::new(tr!(
                "talk-left",
                time = format_countdown(model.talk_remaining)
            ))
            .size(30.0)
            .strong(),
        );
        ui.add_space(4.0);
        if let Some(rehearsal) = &model.rehearsal {
            rehearsal_controls(ui, model.state, rehearsal, commands);
        }
        match model.state {
            TalkState::Ready => {
                let label = RichText::new(tr!("button-start")).size(24.0);
                if ui
                    .add(egui::Button::new(label).min_size(vec2(220.0, 48.0)))
                    .clicked()
                {
                    commands.push(Command::Start);
                }
            }
            TalkState::Paused => {
                let label = RichText::new(tr!("button-resume")).size(24.0);
                if ui
                    .add(egui::Button::new(label).min_size(vec2(220.0, 48.0)))
                    .clicked()
                {
                    commands.push(Command::TogglePause);
                }
            }
            TalkState::Running | TalkState::Finished => {}
        }
    });
    ui.add_space(10.0);
    next_and_inset(ui, model);
}

/// Under the countdown while rehearsing: the loop, or what the last tap meant; after a run, the
/// way to the next one.
fn rehearsal_controls(
    ui: &mut Ui,
    state: TalkState,
    rehearsal: &RehearsalModel<'_>,
    commands: &mut Vec<Command>,
) {
    match &rehearsal.loop_status {
        Some(status) => rehearsal::loop_panel(ui, status, commands),
        None => rehearsal::tap_line(ui, rehearsal, state == TalkState::Finished),
    }
    if state == TalkState::Finished
        && rehearsal.loop_status.is_none()
        && ui
            .add(
                egui::Button::new(RichText::new(tr!("button-run-again")).size(24.0))
                    .min_size(vec2(220.0, 48.0)),
            )
            .clicked()
    {
        commands.push(Command::RestartTalk);
    }
}

/// The next slide, and under it the audience inset when it is on.
fn next_and_inset(ui: &mut Ui, model: &PresenterModel<'_>) {
    // A night's host always sees what the audience sees; a rehearsal, when asked for.
    let inset = model
        .rehearsal
        .as_ref()
        .and_then(|rehearsal| rehearsal.inset.as_ref())
        .or(model.host.as_ref().map(|host| &host.audience));
    let Some(inset) = inset else {
        ui.label(RichText::new(tr!("next-slide")).size(20.0).weak());
        let width = ui.available_width();
        let height = (width * 9.0 / 16.0)
            .min(ui.available_height() - 8.0)
            .max(40.0);
        let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
        paint_slide(ui, rect, model.next, 18.0);
        return;
    };
    // With the audience inset, the two pictures sit side by side: stacked, both would be tiny.
    let gap = 8.0;
    let width = ((ui.available_width() - gap) / 2.0)
        .min((ui.available_height() - 34.0).max(40.0) * 16.0 / 9.0)
        .max(60.0);
    ui.horizontal_top(|ui| {
        ui.spacing_mut().item_spacing.x = gap;
        ui.vertical(|ui| {
            ui.set_width(width);
            ui.label(RichText::new(tr!("next-slide")).size(18.0).weak());
            let (rect, _) = ui.allocate_exact_size(vec2(width, width * 9.0 / 16.0), Sense::hover());
            paint_slide(ui, rect, model.next, 14.0);
        });
        ui.vertical(|ui| {
            ui.set_width(width);
            rehearsal::inset(ui, inset, width);
        });
    });
}

fn lead_in_digits(ui: &mut Ui, diameter: f32, seconds: u64) {
    let (rect, _) = ui.allocate_exact_size(vec2(diameter, diameter), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.circle_filled(rect.center(), diameter / 2.0 - 2.0, palette::HURRY);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        seconds.to_string(),
        FontId::proportional(diameter * 0.5),
        Color32::BLACK,
    );
}

fn slide_column(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(model.title).size(26.0).strong());
        if !model.presenter.is_empty() {
            ui.label(RichText::new(format!("— {}", model.presenter)).size(22.0));
        }
        let colour = readable(
            ui,
            if model.standard_format {
                palette::CALM
            } else {
                palette::HURRY
            },
        );
        // Kept whole ("PechaKucha · 20 × 20 с" never split after "20"): a long title pushes it
        // onto the next line instead.
        ui.add(
            egui::Label::new(RichText::new(&model.format_label).size(18.0).color(colour)).extend(),
        );
    });
    if let Some(report) = model
        .rehearsal
        .as_ref()
        .and_then(|rehearsal| rehearsal.report.as_ref())
    {
        rehearsal::report(ui, report, commands);
        return;
    }
    let editing = model
        .rehearsal
        .as_ref()
        .is_some_and(|rehearsal| rehearsal.notes_edit.is_some());
    let notes_lines = if editing { 6.4 } else { 4.6 };
    let notes_height = (model.settings.notes_size * notes_lines).min(ui.available_height() * 0.45);
    let strip_height = 28.0;
    let slide_height = (ui.available_height() - notes_height - strip_height - 24.0).max(80.0);
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, slide_height), Sense::hover());
    paint_slide(ui, rect, model.current, 28.0);
    ui.add_space(6.0);
    let marks: Vec<Option<Color32>> = model
        .rehearsal
        .as_ref()
        .map(|rehearsal| {
            rehearsal
                .strip_marks
                .iter()
                .map(|over| {
                    over.map(|over| readable(ui, if over { palette::ALERT } else { palette::CALM }))
                })
                .collect()
        })
        .unwrap_or_default();
    progress_strip(
        ui,
        model.slide_count,
        model.slide,
        model.state,
        strip_height,
        &marks,
    );
    ui.add_space(6.0);
    if let Some(rehearsal) = &model.rehearsal {
        rehearsal::notes(
            ui,
            rehearsal,
            model.notes,
            model.slide,
            model.settings.notes_size,
            commands,
        );
        return;
    }
    egui::ScrollArea::vertical()
        .id_salt("notes")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if model.notes.is_empty() {
                ui.label(
                    RichText::new(tr!("no-notes"))
                        .size(model.settings.notes_size * 0.7)
                        .weak(),
                );
            } else {
                ui.label(
                    RichText::new(model.notes)
                        .size(model.settings.notes_size)
                        .color(ui.visuals().strong_text_color()),
                );
            }
        });
}

fn go_to_dialog(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let id = Id::unique("go-to-slide");
    let mut text: String = ui.data_mut(|data| data.get_temp(id)).unwrap_or_default();
    let response = egui::Modal::new(id).show(ui.ctx(), |ui| {
        ui.heading(tr!("go-to-title"));
        ui.label(tr!("go-to-detail", count = model.slide_count));
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(80.0)
                .hint_text("7"),
        );
        // Read Enter before taking the focus back: request_focus() undoes lost_focus().
        let enter = edit.lost_focus() && ui.input(|input| input.key_pressed(egui::Key::Enter));
        if !enter {
            edit.request_focus();
        }
        let target = text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|slide| (1..=model.slide_count).contains(slide));
        ui.horizontal(|ui| {
            if (ui
                .add_enabled(target.is_some(), egui::Button::new(tr!("go-to-go")))
                .clicked()
                || enter)
                && let Some(slide) = target
            {
                commands.push(Command::GoToSlide(slide));
                commands.push(Command::ShowGoTo(false));
            }
            if ui.button(tr!("cancel")).clicked() {
                commands.push(Command::ShowGoTo(false));
            }
        });
    });
    if response.should_close() {
        commands.push(Command::ShowGoTo(false));
    }
    if commands.contains(&Command::ShowGoTo(false)) {
        text.clear();
    }
    ui.data_mut(|data| data.insert_temp(id, text));
}

/// After a crash: go on at the slide the talk was on, or start it from the top. From the
/// keyboard as the night's question: arrows move, Enter takes the focused choice, Space (a
/// clicker's key) answers nothing, Esc starts from the top.
fn talk_resume_dialog(ui: &mut Ui, offer: &TalkResumeOffer, commands: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("talk-resume")).show(ui.ctx(), |ui| {
        let (down, up) = ui.input_mut(|input| {
            input.consume_key(egui::Modifiers::NONE, egui::Key::Space);
            (
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            )
        });
        if down {
            ui.memory_mut(|memory| memory.move_focus(egui::FocusDirection::Next));
        }
        if up {
            ui.memory_mut(|memory| memory.move_focus(egui::FocusDirection::Previous));
        }
        let nothing_focused = ui.memory(|memory| memory.focused().is_none());
        ui.heading(tr!("talk-resume-title"));
        ui.label(tr!(
            "talk-resume-detail",
            stopped_at = offer.stopped_at.as_str(),
            slide = offer.slide,
            slides = offer.slides,
            time = offer.talk_time.as_str()
        ));
        ui.add_space(6.0);
        let resume = ui.button(RichText::new(tr!("resume-at-slide", slide = offer.slide)).strong());
        if resume.clicked() {
            commands.push(Command::AnswerTalkResume(true));
        }
        if ui.button(tr!("talk-resume-from-top")).clicked() {
            commands.push(Command::AnswerTalkResume(false));
        }
        ui.label(RichText::new(tr!("talk-resume-keys")).size(13.0).weak());
        if nothing_focused {
            resume.request_focus();
        }
    });
    if response.should_close() {
        commands.push(Command::AnswerTalkResume(false));
    }
}

fn quit_dialog(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("quit-question")).show(ui.ctx(), |ui| {
        ui.heading(tr!("quit-title"));
        if matches!(model.state, TalkState::Running | TalkState::Paused) {
            ui.label(if model.projector.open {
                tr!("quit-talk-projector")
            } else {
                tr!("quit-talk")
            });
            if model.host.is_none() && model.rehearsal.is_none() {
                ui.label(tr!("quit-talk-resumable"));
            }
        }
        if model
            .host
            .as_ref()
            .is_some_and(|host| host.stage == super::host::HostStage::Break)
        {
            ui.label(tr!("quit-break"));
        }
        if model.host.as_ref().is_some_and(|host| {
            matches!(
                host.stage,
                super::host::HostStage::TalkCard | super::host::HostStage::BreakCard
            )
        }) {
            ui.label(tr!("quit-night"));
        }
        if model.notes_save_failed {
            ui.label(tr!("quit-notes"));
        }
        if let Some(unsaved) = model
            .rehearsal
            .as_ref()
            .map(|rehearsal| rehearsal.runs_unsaved)
            .filter(|&unsaved| unsaved > 0)
        {
            ui.label(tr!("quit-runs", runs = unsaved));
        }
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr!("keep-going")).strong())
                .clicked()
            {
                commands.push(Command::CancelQuit);
            }
            if ui.button(tr!("quit")).clicked() {
                commands.push(Command::ConfirmQuit);
            }
        });
    });
    if response.should_close() {
        commands.push(Command::CancelQuit);
    }
}
