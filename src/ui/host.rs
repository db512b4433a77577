//! The host console of a night: the running order with every item's status, the night's clock
//! and expected end, the one button that starts what is next, and (between talks) what the
//! audience sees, the break's countdown and its music.
//!
//! During a talk the presenter view stays as it is, with the running order beside it: the host
//! watches the same countdown the speaker does, and reaches pause, blackout and skip without
//! leaving it.

use std::time::Duration;

use egui::{Align, Color32, Id, Layout, RichText, Sense, Ui, vec2};

use super::projector::{self, ProjectorModel};
use super::widgets::{format_clock, palette, readable};
use super::{Command, NightCommand};
use crate::tr;

/// What the night is doing, as the console and the keys see it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HostStage {
    /// A talk's card is up; its deck is (being) loaded and the host starts it.
    TalkCard,
    /// A break's card is up.
    BreakCard,
    /// A talk is under way (lead-in, running, paused).
    Talk,
    /// A break is under way.
    Break,
    /// Every item is done or skipped.
    End,
}

/// An item's status in the running order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowStatus {
    /// Its deck is being checked.
    Checking,
    /// Checked and ready.
    Ready,
    /// Checked: something is wrong (see the row's problem).
    Problem,
    /// Its card is on the projector: next.
    Next,
    /// Under way.
    Current,
    /// Given or held.
    Done,
    /// Left out.
    Skipped,
}

impl RowStatus {
    fn label(self) -> String {
        match self {
            Self::Checking => tr!("row-checking"),
            Self::Ready => tr!("row-ready"),
            Self::Problem => tr!("row-problem"),
            Self::Next => tr!("row-next"),
            Self::Current => tr!("row-now"),
            Self::Done => tr!("row-done"),
            Self::Skipped => tr!("row-skipped"),
        }
    }

    fn colour(self) -> Color32 {
        match self {
            Self::Checking | Self::Done | Self::Skipped => palette::DONE,
            Self::Ready => palette::CALM,
            Self::Problem => palette::ALERT,
            Self::Next => palette::PAUSED,
            Self::Current => palette::HURRY,
        }
    }
}

/// One row of the running order.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    /// The item, 0-based in the night file.
    pub item: usize,
    /// Its place in the running order, 0-based.
    pub position: usize,
    /// A break (else a talk).
    pub is_break: bool,
    /// The presenter, or the break's message.
    pub name: std::borrow::Cow<'a, str>,
    /// The talk's title, or the break's length.
    pub detail: String,
    /// Where it stands.
    pub status: RowStatus,
    /// What the check (or loading) found wrong, or a warning worth reading.
    pub problem: Option<String>,
}

/// The break under way.
#[derive(Debug, Clone)]
pub struct BreakView {
    /// Time left.
    pub remaining: Duration,
    /// When the night goes on, `20:45`.
    pub back_at: String,
    /// What the music is doing, e.g. `playing break.wav`.
    pub music: String,
    /// Music is playing and can be stopped.
    pub music_playing: bool,
    /// Music files that would not play, and why.
    pub music_problems: Vec<String>,
}

/// Where a night that was cut short can go on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResumeOffer {
    /// E.g. `talk 3 (Данияр Сейітқали), slide 7`.
    pub was_at: String,
    /// Items already done or skipped.
    pub done: usize,
    /// Items in the running order.
    pub items: usize,
    /// Resuming at the slide is possible (a talk was under way).
    pub at_slide: Option<usize>,
    /// A break was under way: going on means going on with the break, by the wall clock.
    pub in_break: bool,
    /// That break's time ran out while Pecha was closed: going on means the next card.
    pub break_over: bool,
    /// The host chose "decide later" (Esc): the question is put away, the projector stays black
    /// and nothing moves until it is answered.
    pub deferred: bool,
}

/// How the host answered the resume question.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResumeChoice {
    /// Put up the card of the item it was on.
    AtCard,
    /// Go on with the talk at the slide it was on, paused.
    AtSlide,
    /// Forget the saved progress: the night starts from the top.
    StartOver,
}

/// Everything the console shows besides the presenter view.
#[derive(Debug, Clone)]
pub struct HostModel<'a> {
    /// The night's title.
    pub night_title: &'a str,
    /// The running order, as the host arranged it.
    pub rows: Vec<Row<'a>>,
    /// What the night is doing.
    pub stage: HostStage,
    /// The label of the button that starts what is next, if anything can start now.
    pub primary: Option<String>,
    /// Why nothing can start yet (the deck is loading…).
    pub waiting_for: Option<String>,
    /// Time still to go, if everything runs to plan.
    pub left_in_night: Duration,
    /// The local time the night should end, `22:41`.
    pub expected_end: String,
    /// Talks given, and talks in the night.
    pub talks_done: (usize, usize),
    /// The break under way.
    pub break_view: Option<BreakView>,
    /// What the projector shows now.
    pub audience: ProjectorModel<'a>,
    /// Walking through the cards: (position, count); the last stop is the closing card.
    pub walking: Option<(usize, usize)>,
    /// The question asked after a restart.
    pub resume_offer: Option<ResumeOffer>,
    /// The command that prints this night's log, e.g. `pecha log night.ron`.
    pub log_command: &'a str,
    /// "Skip the talk under way?" is asked: the item and its name, `talk 2 (Данияр)`.
    pub skip_question: Option<(usize, String)>,
}

impl HostModel<'_> {
    /// Whether the stage panel replaces the presenter view (no talk on or on its card).
    #[must_use]
    pub fn takes_the_stage(&self) -> bool {
        // A talk's card whose deck is not in yet has no presenter view to show.
        self.walking.is_some()
            || self.resume_offer.is_some()
            || self.waiting_for.is_some()
            || matches!(
                self.stage,
                HostStage::BreakCard | HostStage::Break | HostStage::End
            )
    }
}

/// The keys that work now, for the status bar.
#[must_use]
pub fn key_hints(model: &HostModel<'_>, state: crate::timing::TalkState) -> Vec<String> {
    use crate::timing::TalkState;
    if model.walking.is_some() {
        return vec![
            tr!("hint-walk-next"),
            tr!("hint-walk-previous"),
            tr!("hint-black-out"),
            tr!("hint-walk-end"),
        ];
    }
    match (model.stage, state) {
        (HostStage::TalkCard | HostStage::BreakCard, _) => vec![
            tr!("hint-start-next"),
            tr!("hint-walk"),
            tr!("hint-black-out"),
            tr!("hint-quit"),
        ],
        (HostStage::Talk, TalkState::Paused) => vec![
            tr!("hint-resume"),
            tr!("hint-restart-slide"),
            tr!("hint-go-to"),
            tr!("hint-black-out"),
            tr!("hint-quit"),
        ],
        (HostStage::Talk, _) => vec![
            tr!("hint-pause"),
            tr!("hint-restart-slide"),
            tr!("hint-go-to"),
            tr!("hint-next-now"),
            tr!("hint-black-out"),
            tr!("hint-quit"),
        ],
        (HostStage::Break, _) => vec![
            tr!("hint-stop-music"),
            tr!("hint-black-out"),
            tr!("hint-quit"),
        ],
        (HostStage::End, _) => vec![tr!("hint-walk"), tr!("hint-black-out"), tr!("hint-quit")],
    }
}

/// The running order on the left of the console.
pub fn running_order(ui: &mut Ui, model: &HostModel<'_>, commands: &mut Vec<Command>) {
    ui.add_space(4.0);
    ui.label(RichText::new(model.night_title).size(20.0).strong());
    ui.label(
        RichText::new(tr!(
            "night-summary",
            end = model.expected_end.as_str(),
            left = super::widgets::format_countdown(model.left_in_night),
            done = model.talks_done.0,
            talks = model.talks_done.1
        ))
        .size(15.0),
    );
    ui.add_space(6.0);
    if let Some(label) = &model.primary {
        let button = egui::Button::new(RichText::new(label).size(19.0).strong())
            .min_size(vec2(ui.available_width(), 44.0));
        if ui.add(button).clicked() {
            commands.push(Command::Start);
        }
    } else if let Some(waiting) = &model.waiting_for {
        ui.label(RichText::new(waiting).size(16.0).italics());
    }
    if let Some(offer) = &model.resume_offer {
        if offer.deferred {
            let button = egui::Button::new(RichText::new(tr!("resume-decide")).size(17.0).strong())
                .min_size(vec2(ui.available_width(), 40.0));
            if ui.add(button).clicked() {
                commands.push(Command::Night(NightCommand::DeferResume(false)));
            }
        }
        ui.label(
            RichText::new(tr!("resume-saved-order"))
                .size(14.0)
                .italics(),
        );
    }
    ui.add_space(6.0);
    ui.separator();
    let can_move = model.walking.is_none();
    let order_length = model.rows.len();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .max_height(ui.available_height() - 40.0)
        .show(ui, |ui| {
            for row in &model.rows {
                let on_projector = model
                    .walking
                    .is_some_and(|(shown, _)| shown == row.position);
                row_ui(ui, row, order_length, can_move, on_projector, commands);
            }
        });
    ui.with_layout(Layout::bottom_up(Align::LEFT), |ui| {
        let walk_allowed = matches!(
            model.stage,
            HostStage::TalkCard | HostStage::BreakCard | HostStage::End
        );
        if model.walking.is_none()
            && ui
                .add_enabled(walk_allowed, egui::Button::new(tr!("walk-button")))
                .on_hover_text(tr!("walk-tooltip"))
                .clicked()
        {
            commands.push(Command::Night(NightCommand::WalkCards(Some(0))));
        }
    });
}

fn row_ui(
    ui: &mut Ui,
    row: &Row<'_>,
    order_length: usize,
    can_move: bool,
    on_projector: bool,
    commands: &mut Vec<Command>,
) {
    let waiting = matches!(
        row.status,
        RowStatus::Checking | RowStatus::Ready | RowStatus::Problem | RowStatus::Next
    );
    let mut frame = egui::Frame::group(ui.style()).inner_margin(6.0);
    if on_projector {
        // Walking through the cards: this row's card is the one on the projector.
        frame = frame.stroke(egui::Stroke::new(2.0, readable(ui, palette::PAUSED)));
    }
    let dragged_id = Id::unique(("night-row", row.item));
    let inner = frame.show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            if waiting && can_move {
                // The handle: drag a waiting item to another place in the running order.
                ui.dnd_drag_source(dragged_id, row.position, drag_handle)
                    .response
                    .on_hover_text(tr!("drag-tooltip"));
            }
            ui.label(RichText::new(format!("{}.", row.position + 1)).size(17.0));
            let colour = readable(ui, row.status.colour());
            ui.label(
                RichText::new(row.status.label())
                    .size(14.0)
                    .color(colour)
                    .strong(),
            );
            let name = if row.is_break {
                RichText::new(row.name.as_ref()).size(17.0).italics()
            } else {
                RichText::new(row.name.as_ref()).size(17.0).strong()
            };
            ui.add(egui::Label::new(name).truncate());
        });
        if !row.detail.is_empty() {
            ui.add(egui::Label::new(RichText::new(&row.detail).size(14.0).weak()).truncate());
        }
        if let Some(problem) = &row.problem {
            let colour = readable(
                ui,
                if row.status == RowStatus::Problem {
                    palette::ALERT
                } else {
                    palette::HURRY
                },
            );
            ui.label(RichText::new(problem).size(13.0).color(colour));
        }
        row_buttons(ui, row, waiting && can_move, order_length, commands);
    });
    // While a row is dragged over this one, a line shows where it would land: above this row
    // when it comes from below, under it when it comes from above.
    if can_move
        && waiting
        && let Some(from) = inner.response.dnd_hover_payload::<usize>()
        && *from != row.position
    {
        let rect = inner.response.rect;
        let y = if *from > row.position {
            rect.top() - 2.0
        } else {
            rect.bottom() + 2.0
        };
        ui.painter().hline(
            rect.x_range(),
            y,
            egui::Stroke::new(3.0, readable(ui, palette::CALM)),
        );
    }
    // Dropping another row here puts it at this row's place.
    if can_move
        && waiting
        && let Some(from) = inner.response.dnd_release_payload::<usize>()
        && *from != row.position
    {
        commands.push(Command::Night(NightCommand::Move {
            from: *from,
            to: row.position,
        }));
    }
}

/// A row's buttons: move it (while it waits), skip it, or give it again.
fn row_buttons(
    ui: &mut Ui,
    row: &Row<'_>,
    movable: bool,
    order_length: usize,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        if movable {
            if ui
                .add_enabled(row.position > 0, egui::Button::new(tr!("row-up")).small())
                .on_hover_text(tr!("row-up-tooltip"))
                .clicked()
            {
                commands.push(Command::Night(NightCommand::Move {
                    from: row.position,
                    to: row.position - 1,
                }));
            }
            if ui
                .add_enabled(
                    row.position + 1 < order_length,
                    egui::Button::new(tr!("row-down")).small(),
                )
                .on_hover_text(tr!("row-down-tooltip"))
                .clicked()
            {
                commands.push(Command::Night(NightCommand::Move {
                    from: row.position,
                    to: row.position + 1,
                }));
            }
        }
        match row.status {
            RowStatus::Current if row.is_break => {
                if ui.small_button(tr!("row-end-break")).clicked() {
                    commands.push(Command::Night(NightCommand::EndBreak));
                }
            }
            RowStatus::Current => {
                if ui.small_button(tr!("row-skip")).clicked() {
                    commands.push(Command::Night(NightCommand::AskSkip(row.item)));
                }
            }
            RowStatus::Next | RowStatus::Checking | RowStatus::Ready | RowStatus::Problem => {
                if ui.small_button(tr!("row-skip")).clicked() {
                    commands.push(Command::Night(NightCommand::Skip(row.item)));
                }
            }
            RowStatus::Done | RowStatus::Skipped => {
                let label = if row.is_break {
                    tr!("row-hold-again")
                } else {
                    tr!("row-run-again")
                };
                if ui.small_button(label).clicked() {
                    commands.push(Command::Night(NightCommand::Rerun(row.item)));
                }
            }
        }
    });
}

/// Three short lines: the grip by which a row is dragged (drawn, not a glyph: the bundled fonts
/// have none for it).
fn drag_handle(ui: &mut Ui) {
    let (rect, _) = ui.allocate_exact_size(vec2(14.0, 18.0), Sense::hover());
    let stroke = egui::Stroke::new(2.0, ui.visuals().weak_text_color());
    for line in 0..3 {
        let y = rect.top() + 4.0 + 5.0 * line as f32;
        ui.painter().line_segment(
            [
                egui::pos2(rect.left() + 1.0, y),
                egui::pos2(rect.right() - 1.0, y),
            ],
            stroke,
        );
    }
}

/// The console's stage between talks: what the audience sees, the break's countdown and music,
/// the walk through the cards, or the night's end.
pub fn stage(ui: &mut Ui, model: &HostModel<'_>, commands: &mut Vec<Command>) {
    if let Some((position, count)) = model.walking {
        let title = if position + 1 == count {
            tr!("walk-title-closing", card = (position + 1), count = count)
        } else {
            tr!("walk-title", card = (position + 1), count = count)
        };
        ui.label(RichText::new(title).size(24.0).strong());
        ui.label(RichText::new(tr!("walk-keys")).size(16.0));
        ui.horizontal(|ui| {
            if ui
                .add_enabled(position > 0, egui::Button::new(tr!("walk-previous")))
                .clicked()
            {
                commands.push(Command::Night(NightCommand::WalkCards(Some(position - 1))));
            }
            // The last card stays up: ending the walk is Done's job, not one click too many.
            if ui
                .add_enabled(position + 1 < count, egui::Button::new(tr!("walk-next")))
                .clicked()
            {
                commands.push(Command::Night(NightCommand::WalkCards(Some(position + 1))));
            }
            if ui.button(tr!("walk-done")).clicked() {
                commands.push(Command::Night(NightCommand::WalkCards(None)));
            }
        });
    } else if let Some(view) = &model.break_view {
        ui.label(RichText::new(tr!("break-title")).size(24.0).strong());
        ui.label(
            RichText::new(format_clock(Duration::from_secs(
                super::widgets::countdown_seconds(view.remaining),
            )))
            .size(72.0)
            .strong()
            .color(readable(ui, palette::CALM)),
        );
        ui.label(RichText::new(tr!("break-back-at", time = view.back_at.as_str())).size(18.0));
        ui.add_space(6.0);
        ui.label(RichText::new(tr!("break-music", music = view.music.as_str())).size(16.0));
        for problem in &view.music_problems {
            ui.label(
                RichText::new(problem)
                    .size(14.0)
                    .color(readable(ui, palette::HURRY)),
            );
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(
                    view.music_playing,
                    egui::Button::new(tr!("break-stop-music")),
                )
                .clicked()
            {
                commands.push(Command::Night(NightCommand::StopMusic));
            }
            if ui.button(tr!("break-end-now")).clicked() {
                commands.push(Command::Night(NightCommand::EndBreak));
            }
        });
    } else if let Some(waiting) = &model.waiting_for {
        ui.label(RichText::new(waiting).size(24.0));
    } else if model.stage == HostStage::End {
        ui.label(RichText::new(tr!("night-over")).size(28.0).strong());
        ui.label(
            RichText::new(tr!(
                "night-over-detail",
                done = model.talks_done.0,
                talks = model.talks_done.1,
                command = model.log_command
            ))
            .size(16.0),
        );
    } else if let Some(label) = &model.primary {
        ui.label(RichText::new(tr!("stage-break-card")).size(20.0));
        let button = egui::Button::new(RichText::new(label).size(24.0)).min_size(vec2(260.0, 52.0));
        if ui.add(button).clicked() {
            commands.push(Command::Start);
        }
    }
    ui.add_space(10.0);
    ui.label(RichText::new(tr!("audience-sees")).size(18.0).weak());
    let width = ui.available_width();
    let height = (width * 9.0 / 16.0)
        .min(ui.available_height() - 8.0)
        .max(60.0);
    let (rect, _) = ui.allocate_exact_size(vec2(height * 16.0 / 9.0, height), Sense::hover());
    let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
    projector::show(&mut child, &model.audience);
}

/// Skipping the talk under way ends it at once: asked first, with keeping it going the default.
pub fn skip_dialog(ui: &mut Ui, item: usize, name: &str, commands: &mut Vec<Command>) {
    let response = egui::Modal::new(Id::unique("night-skip")).show(ui.ctx(), |ui| {
        ui.heading(tr!("skip-title", name = name));
        ui.label(tr!("skip-detail"));
        ui.add_space(6.0);
        ui.horizontal(|ui| {
            if ui
                .button(RichText::new(tr!("keep-going")).strong())
                .clicked()
            {
                commands.push(Command::Night(NightCommand::CancelSkip));
            }
            if ui.button(tr!("skip-it")).clicked() {
                commands.push(Command::Night(NightCommand::Skip(item)));
            }
        });
    });
    if response.should_close() {
        commands.push(Command::Night(NightCommand::CancelSkip));
    }
}

/// After a crash or a restart: go on where the night was, or start it over.
pub fn resume_dialog(ui: &mut Ui, offer: &ResumeOffer, commands: &mut Vec<Command>) {
    if offer.deferred {
        return;
    }
    egui::Modal::new(Id::unique("night-resume")).show(ui.ctx(), |ui| {
        // From the keyboard too: the arrows move between the choices, Enter (or Space) takes
        // the one in focus, Esc puts the question away for later.
        let (down, up, escape) = ui.input_mut(|input| {
            // Space is a clicker's key: it must not answer by accident (Enter does).
            input.consume_key(egui::Modifiers::NONE, egui::Key::Space);
            (
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                input.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
                input.consume_key(egui::Modifiers::NONE, egui::Key::Escape),
            )
        });
        if escape {
            commands.push(Command::Night(NightCommand::DeferResume(true)));
        }
        if down {
            ui.memory_mut(|memory| memory.move_focus(egui::FocusDirection::Next));
        }
        if up {
            ui.memory_mut(|memory| memory.move_focus(egui::FocusDirection::Previous));
        }
        let nothing_focused = ui.memory(|memory| memory.focused().is_none());
        ui.heading(tr!("resume-title"));
        ui.label(tr!(
            "resume-detail",
            place = offer.was_at.as_str(),
            done = offer.done,
            items = offer.items
        ));
        ui.add_space(6.0);
        let mut first = None;
        if let Some(slide) = offer.at_slide {
            let button = ui.button(RichText::new(tr!("resume-at-slide", slide = slide)).strong());
            if button.clicked() {
                commands.push(Command::Night(NightCommand::Resume(ResumeChoice::AtSlide)));
            }
            first = Some(button);
        }
        let go_on = if offer.break_over {
            tr!("resume-break-over")
        } else if offer.in_break {
            tr!("resume-in-break")
        } else {
            tr!("resume-at-card")
        };
        let button = ui.button(RichText::new(go_on).strong());
        if button.clicked() {
            commands.push(Command::Night(NightCommand::Resume(ResumeChoice::AtCard)));
        }
        let first = first.unwrap_or(button);
        if ui.button(tr!("resume-start-over")).clicked() {
            commands.push(Command::Night(NightCommand::Resume(
                ResumeChoice::StartOver,
            )));
        }
        ui.label(RichText::new(tr!("resume-keys")).size(13.0).weak());
        // The first choice has the focus, so Enter answers at once.
        if nothing_focused {
            first.request_focus();
        }
    });
}
