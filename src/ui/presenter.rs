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
use crate::monitors::MonitorInfo;
use crate::settings::{Card, Settings};
use crate::timing::TalkState;

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
    /// View -> Phones…, while it is open.
    pub phones: Option<super::phones::PhonesModel<'a>>,
}

/// The state as a word, for the badge.
#[must_use]
pub fn state_label(state: TalkState) -> &'static str {
    match state {
        TalkState::Ready => "Ready",
        TalkState::Running => "Running",
        TalkState::Paused => "Paused",
        TalkState::Finished => "Finished",
    }
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
                    projector_banners(ui, &model.projector, "The night");
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
        ui.menu_button("Deck", |ui| {
            if ui.button("Open deck or night file…  Ctrl+O").clicked() {
                commands.push(Command::OpenDialog { folder: false });
            }
            if ui.button("Open folder of images…  Ctrl+Shift+O").clicked() {
                commands.push(Command::OpenDialog { folder: true });
            }
            ui.separator();
            if ui.button("Quit  Esc").clicked() {
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
    ui.menu_button("Talk", |ui| {
        if ui
            .add_enabled(
                model.state == TalkState::Ready,
                egui::Button::new("Start  Space"),
            )
            .clicked()
        {
            commands.push(Command::Start);
        }
        let pause = if model.state == TalkState::Paused {
            "Resume  P"
        } else {
            "Pause  P"
        };
        if ui
            .add_enabled(under_way, egui::Button::new(pause))
            .clicked()
        {
            commands.push(Command::TogglePause);
        }
        if ui
            .add_enabled(under_way, egui::Button::new("Restart this slide  R"))
            .clicked()
        {
            commands.push(Command::RestartSlide);
        }
        if ui
            .add_enabled(
                model.state != TalkState::Ready,
                egui::Button::new("Go to slide…  G"),
            )
            .clicked()
        {
            commands.push(Command::ShowGoTo(true));
        }
        if ui
            .add_enabled(
                under_way,
                egui::Button::new("Next slide now (last resort)  Ctrl+N"),
            )
            .clicked()
        {
            commands.push(Command::ManualAdvance);
        }
        ui.separator();
        if ui
            .add_enabled(
                model.state != TalkState::Ready,
                egui::Button::new("Back to the title card"),
            )
            .clicked()
        {
            commands.push(Command::ResetTalk);
        }
        let mut lead_in = model.settings.lead_in;
        if ui
            .checkbox(&mut lead_in, "3-2-1 lead-in before the first slide")
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                lead_in,
                ..model.settings.clone()
            }));
        }
    });
}

fn rehearse_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.menu_button("Rehearse", |ui| {
        let mut rehearsing = model.rehearsal.is_some();
        if ui
            .checkbox(
                &mut rehearsing,
                "Rehearsal mode: tap Space when done with a slide",
            )
            .changed()
        {
            commands.push(Command::ToggleRehearsal);
        }
        let Some(rehearsal) = &model.rehearsal else {
            ui.weak("Practise the talk on this laptop and see where it runs over.");
            return;
        };
        ui.separator();
        if ui.button("Run again from slide 1  Ctrl+R").clicked() {
            commands.push(Command::RestartTalk);
        }
        let loop_label = if rehearsal.loop_status.is_some() {
            "Stop practising this slide  L"
        } else {
            "Practise this slide on a loop  L"
        };
        if ui.button(loop_label).clicked() {
            commands.push(Command::ToggleLoop);
        }
        if ui
            .add_enabled(
                rehearsal.runs_recorded > 0,
                egui::Button::new(format!("Run report ({} runs)  H", rehearsal.runs_recorded)),
            )
            .clicked()
        {
            commands.push(Command::ShowReport(true));
        }
        if ui.button("Edit this slide's notes  E").clicked() {
            commands.push(Command::EditNotes(model.slide));
        }
        ui.separator();
        let settings = model.settings;
        let mut sound = settings.rehearsal_sound;
        if ui
            .checkbox(&mut sound, "Cue sounds while rehearsing  M")
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                rehearsal_sound: sound,
                ..settings.clone()
            }));
        }
        let mut inset = settings.rehearsal_inset;
        if ui
            .checkbox(&mut inset, "Show what the audience sees")
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
    ui.menu_button("Projector", |ui| {
        if projector.open {
            if ui.button("Close projector window").clicked() {
                commands.push(Command::SetProjectorOpen(false));
            }
        } else if ui.button("Open projector window").clicked() {
            commands.push(Command::SetProjectorOpen(true));
        }
        if ui
            .checkbox(&mut projector.fullscreen.clone(), "Fullscreen  F")
            .clicked()
        {
            commands.push(Command::ToggleProjectorFullscreen);
        }
        if ui
            .checkbox(&mut projector.blackout.clone(), "Black out  B")
            .clicked()
        {
            commands.push(Command::ToggleBlackout);
        }
        ui.separator();
        ui.label("Show on monitor:");
        if projector.monitors.is_empty() {
            ui.weak("(no monitor list on this system)");
        }
        for (index, monitor) in projector.monitors.iter().enumerate() {
            let mut label = monitor.label(index);
            if projector.laptop == Some(index) {
                label.push_str("  (this screen: the projector would cover this view)");
            }
            if projector.plugged.contains(&monitor.name) {
                label.push_str("  (new: plugged in just now)");
            }
            if ui.radio(projector.monitor == Some(index), label).clicked() {
                commands.push(Command::ChooseMonitor(index));
            }
        }
        if let Some(gone) = projector.monitor_gone {
            ui.weak(format!(
                "{gone}: gone; the projector goes back to it when it is back"
            ));
        }
        ui.separator();
        let settings = model.settings;
        let mut audience_bar = settings.audience_bar;
        if ui
            .checkbox(&mut audience_bar, "Thin progress bar for the audience")
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                audience_bar,
                ..settings.clone()
            }));
        }
        let mut title_card = settings.before_start == Card::Card;
        if ui
            .checkbox(&mut title_card, "Title card before the talk (else black)")
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                before_start: if title_card { Card::Card } else { Card::Black },
                ..settings.clone()
            }));
        }
        let mut end_card = settings.after_end == Card::Card;
        if ui
            .checkbox(&mut end_card, "Thank-you card after the talk (else black)")
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                after_end: if end_card { Card::Card } else { Card::Black },
                ..settings.clone()
            }));
        }
    });
}

fn view_menu(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    let settings = model.settings;
    ui.menu_button("View & sound", |ui| {
        if ui.button("Phones…").clicked() {
            commands.push(Command::Phones(super::PhonesCommand::ShowDialog(true)));
        }
        ui.separator();
        let mut notes_size = settings.notes_size;
        if ui
            .add(
                egui::Slider::new(&mut notes_size, Settings::NOTES_SIZE_RANGE)
                    .text("notes size  + / −"),
            )
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                notes_size,
                ..settings.clone()
            }));
        }
        let mut light = settings.light_theme;
        if ui
            .checkbox(&mut light, "Light theme for bright rooms")
            .changed()
        {
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
            "Cue sounds while rehearsing (click, ticks, gong)  M"
        } else {
            "Cue sounds (click, last-3-s ticks, gong)  M"
        };
        if ui.checkbox(&mut sound, label).changed() {
            commands.push(Command::ToggleSound);
        }
        let mut volume = settings.volume;
        if ui
            .add_enabled(
                sound,
                egui::Slider::new(&mut volume, 0.0..=1.0).text("volume"),
            )
            .changed()
        {
            commands.push(Command::ChangeSettings(Settings {
                volume,
                ..settings.clone()
            }));
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
                .on_hover_text("click to dismiss")
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
            "Space / PageDown: done with this try   ·   P: pause the loop   ·   L / Esc: stop the loop and go back to the talk"
        } else if model.rehearsal.is_some() {
            rehearsal_key_hints(model.state)
        } else if let Some(host) = &model.host {
            host::key_hints(host, model.state)
        } else {
            key_hints(model.state)
        };
        // One label per key, each kept whole: a narrow bar wraps between keys, never inside
        // one ("Ctrl+O: open" / "a deck").
        for (index, hint) in hints.split("   ·   ").enumerate() {
            if index > 0 {
                ui.weak("·");
            }
            ui.add(egui::Label::new(RichText::new(hint).weak()).extend());
        }
    });
}

/// The keys that matter in this state, so the bar never offers what would do nothing.
fn key_hints(state: TalkState) -> &'static str {
    match state {
        TalkState::Ready => {
            "Space / Enter / PageDown / F5: start   ·   G: go to slide   ·   B: black out   ·   Ctrl+O: open a deck   ·   Esc: quit"
        }
        TalkState::Running => {
            "P: pause   ·   R: restart this slide   ·   G: go to slide   ·   Ctrl+N: next slide now   ·   B: black out   ·   Esc: quit"
        }
        TalkState::Paused => {
            "P: resume   ·   R: restart this slide   ·   G: go to slide   ·   Ctrl+N: next slide now   ·   B: black out   ·   Esc: quit"
        }
        TalkState::Finished => {
            "G: go to slide   ·   Talk menu: back to the title card   ·   Ctrl+O: open a deck   ·   Esc: quit"
        }
    }
}

/// The keys of a rehearsal.
fn rehearsal_key_hints(state: TalkState) -> &'static str {
    match state {
        TalkState::Ready => {
            "Space: start   ·   L: practise this slide on a loop   ·   E: edit notes   ·   H: report   ·   Esc: quit"
        }
        TalkState::Running => {
            "Space / PageDown: done with this slide   ·   P: pause   ·   G: go to slide   ·   L: loop this slide   ·   E: edit notes   ·   Ctrl+R: run again"
        }
        TalkState::Paused => {
            "Space / PageDown: done with this slide   ·   P: resume   ·   G: go to slide   ·   L: loop this slide   ·   E: edit notes   ·   Ctrl+R: run again"
        }
        TalkState::Finished => {
            "F5: run again   ·   H: report   ·   L: practise a slide   ·   G: go to slide   ·   Esc: quit"
        }
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

/// What keeps the audience from seeing the show, if anything. `goes_on` is what goes on
/// meanwhile: "The talk", or "The night" on a night's stage.
fn projector_banners(ui: &mut Ui, projector: &ProjectorStatus<'_>, goes_on: &str) {
    if projector.closed_by_host {
        alert_banner(
            ui,
            "PROJECTOR WINDOW CLOSED",
            "Open projector window, in the Projector menu, brings it back",
        );
    } else if let Some(gone) = projector.monitor_gone.filter(|_| projector.open) {
        alert_banner(
            ui,
            &format!("Projector monitor gone ({gone})"),
            &format!("{goes_on} goes on; it comes back when the monitor does"),
        );
    } else if projector.blackout {
        alert_banner(ui, "PROJECTOR BLACKED OUT", "press B to show the slide");
    }
}

fn time_column(ui: &mut Ui, model: &PresenterModel<'_>, commands: &mut Vec<Command>) {
    ui.add_space(8.0);
    // A night's talk that has not started yet is the night's: that is what goes on.
    let goes_on = if model.host.is_some() && model.state == TalkState::Ready {
        "The night"
    } else {
        "The talk"
    };
    projector_banners(ui, &model.projector, goes_on);
    ui.vertical_centered(|ui| {
        if model.rehearsal.is_some() {
            ui.label(
                RichText::new("REHEARSAL")
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
            _ if looping => ("PRACTISING ONE SLIDE", palette::PAUSED),
            TalkState::Ready => ("READY", palette::CALM),
            TalkState::Running => ("RUNNING", palette::CALM),
            TalkState::Paused => ("PAUSED", palette::PAUSED),
            TalkState::Finished => ("FINISHED", palette::DONE),
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
            RichText::new(format!("slide {} / {}", model.slide, model.slide_count)).size(26.0),
        );
        ui.label(
            RichText::new(format!(
                "{} left in the talk",
                format_countdown(model.talk_remaining)
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
                let label = RichText::new("Start  (Space)").size(24.0);
                if ui
                    .add(egui::Button::new(label).min_size(vec2(220.0, 48.0)))
                    .clicked()
                {
                    commands.push(Command::Start);
                }
            }
            TalkState::Paused => {
                let label = RichText::new("Resume  (P)").size(24.0);
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
                egui::Button::new(RichText::new("Run again  (F5)").size(24.0))
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
        ui.label(RichText::new("Next").size(20.0).weak());
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
            ui.label(RichText::new("Next").size(18.0).weak());
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
        ui.label(RichText::new(&model.format_label).size(18.0).color(colour));
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
                    RichText::new("(no notes for this slide)")
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
        ui.heading("Go to slide");
        ui.label(format!(
            "Slide 1 to {}; it gets its full time from now.",
            model.slide_count
        ));
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
                .add_enabled(target.is_some(), egui::Button::new("Go"))
                .clicked()
                || enter)
                && let Some(slide) = target
            {
                commands.push(Command::GoToSlide(slide));
                commands.push(Command::ShowGoTo(false));
            }
            if ui.button("Cancel").clicked() {
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
        ui.heading("Go on with this talk?");
        ui.label(format!(
            "Pecha stopped during this talk ({}), at slide {} of {}, {} into the talk.",
            offer.stopped_at, offer.slide, offer.slides, offer.talk_time
        ));
        ui.add_space(6.0);
        let resume = ui.button(
            RichText::new(format!(
                "Resume at slide {} (paused: P goes on)",
                offer.slide
            ))
            .strong(),
        );
        if resume.clicked() {
            commands.push(Command::AnswerTalkResume(true));
        }
        if ui.button("Start from the top").clicked() {
            commands.push(Command::AnswerTalkResume(false));
        }
        ui.label(
            RichText::new("Up, Down: choose · Enter: take it · Esc: start from the top")
                .size(13.0)
                .weak(),
        );
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
        ui.heading("Quit Pecha?");
        if matches!(model.state, TalkState::Running | TalkState::Paused) {
            ui.label(if model.projector.open {
                "The talk is under way. Quitting ends it and shows the desktop on the projector."
            } else {
                "The talk is under way. Quitting ends it."
            });
            if model.host.is_none() && model.rehearsal.is_none() {
                ui.label("Opening this deck again offers to go on at this slide.");
            }
        }
        if model
            .host
            .as_ref()
            .is_some_and(|host| host.stage == super::host::HostStage::Break)
        {
            ui.label("The break is under way. Quitting stops its music and countdown; the night resumes where it was when Pecha opens it again.");
        }
        if model.host.as_ref().is_some_and(|host| {
            matches!(
                host.stage,
                super::host::HostStage::TalkCard | super::host::HostStage::BreakCard
            )
        }) {
            ui.label("The night is not over. Quitting shows the desktop on the projector; the night goes on where it was when Pecha opens it again.");
        }
        if model.notes_save_failed {
            ui.label(
                "Edited notes are not saved: the last save failed (see the notice below). Quitting loses them.",
            );
        }
        if let Some(unsaved) = model
            .rehearsal
            .as_ref()
            .map(|rehearsal| rehearsal.runs_unsaved)
            .filter(|&unsaved| unsaved > 0)
        {
            ui.label(format!(
                "{} not saved: the history cannot be written (see the notice below). Quitting loses {}.",
                if unsaved == 1 { "A rehearsal run is".to_owned() } else { format!("{unsaved} rehearsal runs are") },
                if unsaved == 1 { "it" } else { "them" },
            ));
        }
        ui.horizontal(|ui| {
            if ui.button(RichText::new("Keep going").strong()).clicked() {
                commands.push(Command::CancelQuit);
            }
            if ui.button("Quit").clicked() {
                commands.push(Command::ConfirmQuit);
            }
        });
    });
    if response.should_close() {
        commands.push(Command::CancelQuit);
    }
}
