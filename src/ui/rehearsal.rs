//! The rehearsal parts of the presenter view: what a tap meant, the one-slide loop, the pacing
//! hint, the notes editor, the audience inset and the run report with its chart.
//!
//! Like the rest of the views these only read a model and return [`Command`]s; the presenter
//! view ([`super::presenter`]) places them.

use egui::{Align, Color32, Layout, RichText, Sense, Ui, vec2};
use egui_plot::{Bar, BarChart, Corner, Legend, MarkerShape, Plot, Points};

use super::Command;
use super::projector::{self, ProjectorModel};
use super::widgets::{SlidePicture, palette, readable};
use crate::i18n::decimal;
use crate::rehearsal::{Outcome, RunSummary, summarize, trends};
use crate::tr;

/// The one-slide loop, as the time column shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct LoopStatus {
    /// The slide practised.
    pub slide: usize,
    /// The try under way, or the next one during the gap.
    pub attempt: usize,
    /// During the gap: whole seconds until the next try.
    pub gap_seconds: Option<u64>,
    /// Paused.
    pub paused: bool,
    /// The outcome of every try so far, oldest first.
    pub results: Vec<Outcome>,
}

/// The runs the report compares.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportModel {
    /// The reported run's number (how many runs there are in all).
    pub run_number: usize,
    /// The last few runs (at most [`crate::history::RUNS_COMPARED`]), oldest first; the last is
    /// the one reported.
    pub runs: Vec<Vec<Option<Outcome>>>,
    /// Slides per run.
    pub slide_count: usize,
    /// A slide's seconds.
    pub slide_seconds: f64,
    /// The runs are not in the saved history (it could not be read or written).
    pub unsaved: bool,
    /// Where the history is kept.
    pub history_file: Option<String>,
}

/// Everything rehearsal adds to the presenter view.
#[derive(Debug, Clone)]
pub struct RehearsalModel<'a> {
    /// What the last tap meant, while it is fresh.
    pub tap_message: Option<&'a str>,
    /// A slide that ran over and can still get its late tap.
    pub awaiting_late_tap: Option<usize>,
    /// The one-slide loop, when practising.
    pub loop_status: Option<LoopStatus>,
    /// The report, when open.
    pub report: Option<ReportModel>,
    /// Finished runs in the history (this session's included).
    pub runs_recorded: usize,
    /// Of those, how many are in memory only (the history could not be saved).
    pub runs_unsaved: usize,
    /// Words against seconds for the slide shown.
    pub pacing: String,
    /// The notes being edited: the slide and the text.
    pub notes_edit: Option<(usize, &'a str)>,
    /// Edited notes not yet on disk.
    pub notes_unsaved: bool,
    /// What the audience would see, when the inset is on.
    pub inset: Option<ProjectorModel<'a>>,
    /// Per slide of this run: `Some(true)` over, `Some(false)` done in time, `None` not yet.
    pub strip_marks: Vec<Option<bool>>,
}

/// The tap hint and answer, under the countdown.
pub fn tap_line(ui: &mut Ui, model: &RehearsalModel<'_>, finished: bool) {
    if let Some(message) = model.tap_message {
        ui.label(
            RichText::new(message)
                .size(22.0)
                .strong()
                .color(readable(ui, palette::PAUSED)),
        );
    } else if let Some(slide) = model.awaiting_late_tap {
        ui.label(
            RichText::new(tr!("tap-late-hint", slide = slide))
                .size(20.0)
                .color(readable(ui, palette::HURRY)),
        );
    } else if finished && model.runs_unsaved > 0 {
        ui.label(
            RichText::new(tr!("run-unsaved", run = model.runs_recorded))
                .size(20.0)
                .color(readable(ui, palette::ALERT)),
        );
    } else if finished {
        ui.label(
            RichText::new(tr!("run-recorded", run = model.runs_recorded))
                .size(20.0)
                .weak(),
        );
    } else {
        ui.label(RichText::new(tr!("tap-hint")).size(18.0).weak());
    }
}

/// The loop's try counter and the results of the tries so far.
pub fn loop_panel(ui: &mut Ui, status: &LoopStatus, commands: &mut Vec<Command>) {
    let headline = match status.gap_seconds {
        _ if status.paused => tr!("loop-paused", slide = status.slide),
        Some(seconds) => tr!("loop-next-try", seconds = seconds),
        None => tr!("loop-try", slide = status.slide, attempt = status.attempt),
    };
    ui.label(
        RichText::new(headline)
            .size(26.0)
            .strong()
            .color(readable(ui, palette::PAUSED)),
    );
    ui.horizontal_wrapped(|ui| {
        for (index, outcome) in status.results.iter().enumerate().rev().take(6) {
            let colour = if outcome.is_over() {
                palette::ALERT
            } else {
                palette::CALM
            };
            ui.label(
                RichText::new(format!("#{} {}", index + 1, outcome.describe()))
                    .size(18.0)
                    .color(readable(ui, colour)),
            );
        }
    });
    if ui
        .add(
            egui::Button::new(RichText::new(tr!("loop-stop")).size(20.0))
                .min_size(vec2(220.0, 40.0)),
        )
        .clicked()
    {
        commands.push(Command::ToggleLoop);
    }
}

/// The pacing hint and the notes, or the editor when editing.
pub fn notes(
    ui: &mut Ui,
    model: &RehearsalModel<'_>,
    notes: &str,
    slide: usize,
    notes_size: f32,
    commands: &mut Vec<Command>,
) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(&model.pacing).size(16.0).weak());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if model.notes_edit.is_none() && ui.button(tr!("notes-edit")).clicked() {
                commands.push(Command::EditNotes(slide));
            }
            if model.notes_unsaved {
                ui.label(
                    RichText::new(tr!("notes-unsaved"))
                        .size(16.0)
                        .color(readable(ui, palette::HURRY)),
                );
            }
        });
    });
    if let Some((editing, text)) = model.notes_edit {
        let mut heading = None;
        ui.horizontal(|ui| {
            heading = Some(
                ui.label(
                    RichText::new(tr!("notes-of-slide", slide = editing))
                        .size(18.0)
                        .strong(),
                ),
            );
            if ui.button(tr!("notes-save")).clicked() {
                commands.push(Command::SaveNotes);
            }
            if ui.button(tr!("cancel")).clicked() {
                commands.push(Command::CancelNotesEdit);
            }
        });
        let mut edited = text.to_owned();
        let response = ui.add(
            egui::TextEdit::multiline(&mut edited)
                .id_salt("notes-editor")
                .font(egui::FontId::proportional(notes_size * 0.8))
                .desired_width(f32::INFINITY)
                .desired_rows(4),
        );
        let response = match heading {
            Some(heading) => response.labelled_by(heading.id),
            None => response,
        };
        // The keyboard goes to the editor the moment it opens, or the first letters typed
        // would act as shortcuts (B blacks out, Space taps).
        let opened_id = egui::Id::unique("notes-editor-opened-for");
        if ui.data(|data| data.get_temp::<usize>(opened_id)) != Some(editing) {
            response.request_focus();
            ui.data_mut(|data| data.insert_temp(opened_id, editing));
        }
        if response.changed() {
            commands.push(Command::NotesChanged(edited));
        }
    } else {
        ui.data_mut(|data| data.remove::<usize>(egui::Id::unique("notes-editor-opened-for")));
        egui::ScrollArea::vertical()
            .id_salt("notes")
            .auto_shrink([false, false])
            .show(ui, |ui| {
                if notes.is_empty() {
                    ui.label(
                        RichText::new(tr!("no-notes-rehearsal"))
                            .size(notes_size * 0.7)
                            .weak(),
                    );
                } else {
                    ui.label(
                        RichText::new(notes)
                            .size(notes_size)
                            .color(ui.visuals().strong_text_color()),
                    );
                }
            });
    }
}

/// What the audience would see, small, in a frame of the given width.
pub fn inset(ui: &mut Ui, model: &ProjectorModel<'_>, width: f32) {
    ui.label(RichText::new(tr!("audience-sees")).size(18.0).weak());
    let (rect, _) = ui.allocate_exact_size(vec2(width, width * 9.0 / 16.0), Sense::hover());
    if let projector::ProjectorContent::Slide(picture @ SlidePicture::Ready { .. }) = model.content
    {
        // The presenter's own drawing: it picks the smaller copy that fits the inset.
        super::widgets::paint_slide(ui, rect, picture, 14.0);
    } else {
        // Everything else as the projector paints it: a slide that failed is black there, not
        // the presenter view's placeholder.
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(rect));
        projector::show(&mut child, model);
    }
}

/// The summary of the last run: `Run 3: 2 slides over (4, 11) · 23.4 s to spare`.
#[must_use]
pub fn summary_line(run_number: usize, outcomes: &[Option<Outcome>]) -> String {
    let RunSummary {
        slides_over,
        total_slack,
        ..
    } = summarize(outcomes);
    let over: Vec<String> = outcomes
        .iter()
        .enumerate()
        .filter(|(_, outcome)| outcome.is_some_and(Outcome::is_over))
        .map(|(index, _)| (index + 1).to_string())
        .collect();
    tr!(
        "report-summary",
        run = run_number,
        over = slides_over,
        slides = over.join(", "),
        spare = decimal(crate::rehearsal::cautious_tenths(total_slack), 1)
    )
}

/// The slides that ran over most in the runs compared, worst first: where to cut words.
#[must_use]
pub fn slides_to_cut(runs: &[Vec<Option<Outcome>>], slide_count: usize) -> String {
    const LISTED: usize = 8;
    let mut worst: Vec<(usize, usize, usize)> = trends(runs, slide_count, 5)
        .iter()
        .enumerate()
        .filter(|(_, trend)| trend.times_over > 0)
        .map(|(index, trend)| (index + 1, trend.times_over, trend.runs))
        .collect();
    worst.sort_by_key(|&(slide, over, _)| (std::cmp::Reverse(over), slide));
    if worst.is_empty() {
        return tr!("report-none-over");
    }
    let list: Vec<String> = worst
        .iter()
        .take(LISTED)
        .map(|&(slide, over, runs)| tr!("report-over-in", slide = slide, over = over, runs = runs))
        .collect();
    let more = worst.len().saturating_sub(LISTED);
    if more == 0 {
        tr!("report-cut", slides = list.join(", "))
    } else {
        tr!("report-cut-more", slides = list.join(", "), more = more)
    }
}

/// How the last runs went: `Trend over the last 3 runs, oldest first: slides over 5, 4, 2 ·
/// seconds to spare 12.0, 18.5, 23.4`.
#[must_use]
pub fn trend_line(runs: &[Vec<Option<Outcome>>]) -> String {
    let recent = &runs[runs.len().saturating_sub(5)..];
    let summaries: Vec<RunSummary> = recent.iter().map(|run| summarize(run)).collect();
    let over: Vec<String> = summaries
        .iter()
        .map(|summary| summary.slides_over.to_string())
        .collect();
    let spare: Vec<String> = summaries
        .iter()
        .map(|summary| decimal(crate::rehearsal::cautious_tenths(summary.total_slack), 1))
        .collect();
    // Decimal commas in ru and kk: the list is separated by semicolons there.
    let separator = if spare.iter().any(|figure| figure.contains(',')) {
        "; "
    } else {
        ", "
    };
    tr!(
        "report-trend",
        runs = recent.len(),
        over = over.join(", "),
        spare = spare.join(separator)
    )
}

/// The report: summary, the per-slide chart of this run against the earlier ones, and the
/// slides to work on.
pub fn report(ui: &mut Ui, model: &ReportModel, commands: &mut Vec<Command>) {
    let Some(latest) = model.runs.last() else {
        ui.label(RichText::new(tr!("report-no-run")).size(22.0));
        ui.label(RichText::new(tr!("report-no-run-detail")).size(16.0));
        back_to_slides_button(ui, commands);
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(summary_line(model.run_number, latest))
                .size(24.0)
                .strong(),
        );
        if let Some(previous) = model
            .runs
            .len()
            .checked_sub(2)
            .map(|index| &model.runs[index])
        {
            let before = summarize(previous);
            ui.label(
                RichText::new(tr!(
                    "report-run-before",
                    over = before.slides_over,
                    spare = decimal(crate::rehearsal::cautious_tenths(before.total_slack), 1)
                ))
                .size(18.0)
                .weak(),
            );
        }
    });
    if latest
        .iter()
        .all(|outcome| matches!(outcome, None | Some(Outcome::OverUntapped)))
    {
        // Untapped slides all read "over": that is about the taps, not the talk.
        ui.label(
            RichText::new(tr!("report-no-taps"))
                .size(18.0)
                .color(readable(ui, palette::HURRY)),
        );
    }
    ui.label(
        RichText::new(slides_to_cut(&model.runs, model.slide_count))
            .size(20.0)
            .color(readable(ui, palette::HURRY)),
    );
    if model.runs.len() > 1 {
        ui.label(RichText::new(trend_line(&model.runs)).size(18.0));
    }
    if model.unsaved {
        ui.label(
            RichText::new(tr!("report-unsaved"))
                .size(16.0)
                .color(readable(ui, palette::ALERT)),
        );
    }
    let chart_height = (ui.available_height() - 100.0).max(160.0);
    slack_chart(ui, model, latest, chart_height);
    ui.horizontal(|ui| {
        if ui
            .add(
                egui::Button::new(RichText::new(tr!("button-run-again")).size(20.0))
                    .min_size(vec2(180.0, 40.0)),
            )
            .clicked()
        {
            commands.push(Command::RestartTalk);
        }
        back_to_slides_button(ui, commands);
    });
    if let Some(file) = &model.history_file {
        ui.add(
            egui::Label::new(
                RichText::new(tr!("report-kept-in", file = file.as_str()))
                    .size(13.0)
                    .weak(),
            )
            .wrap(),
        );
    }
}

fn back_to_slides_button(ui: &mut Ui, commands: &mut Vec<Command>) {
    if ui
        .add(
            egui::Button::new(RichText::new(tr!("report-back")).size(20.0))
                .min_size(vec2(180.0, 40.0)),
        )
        .clicked()
    {
        commands.push(Command::ShowReport(false));
    }
}

/// This run's bars: time to spare, over, and over without a tap (outlined, a marker's height).
fn latest_run_bars(latest: &[Option<Outcome>], spare: Color32, over: Color32) -> Vec<BarChart> {
    let bar = |slide: usize, height: f64| Bar::new(slide as f64, height).width(0.7);
    let mut spare_bars = Vec::new();
    let mut over_bars = Vec::new();
    let mut untapped_bars = Vec::new();
    for (index, outcome) in latest.iter().enumerate() {
        match outcome {
            Some(Outcome::Slack(ms)) => {
                spare_bars.push(bar(index + 1, *ms as f64 / 1000.0).fill(spare));
            }
            Some(Outcome::Over(ms)) => {
                over_bars.push(bar(index + 1, -(*ms as f64) / 1000.0).fill(over));
            }
            Some(Outcome::OverUntapped) => untapped_bars.push(
                bar(index + 1, -1.0)
                    .fill(Color32::TRANSPARENT)
                    .stroke(egui::Stroke::new(2.0, over)),
            ),
            None => {}
        }
    }
    let mut charts = Vec::new();
    // Hovering a bar says it in words: the outlined bars' height is only a marker.
    charts.push(
        BarChart::new(tr!("chart-spare"), spare_bars)
            .color(spare)
            .element_formatter(Box::new(|bar, _| {
                // Rounded as the rest of the report: spare down, over up.
                tr!(
                    "chart-spare-bar",
                    slide = bar.argument,
                    seconds = decimal(crate::rehearsal::cautious_tenths(bar.value), 1)
                )
            })),
    );
    charts.push(
        BarChart::new(tr!("chart-over"), over_bars)
            .color(over)
            .element_formatter(Box::new(|bar, _| {
                tr!(
                    "chart-over-bar",
                    slide = bar.argument,
                    seconds = decimal(-crate::rehearsal::cautious_tenths(bar.value), 1)
                )
            })),
    );
    if !untapped_bars.is_empty() {
        charts.push(
            BarChart::new(tr!("chart-over-untapped"), untapped_bars)
                .color(over)
                .element_formatter(Box::new(|bar, _| {
                    tr!("chart-untapped-bar", slide = bar.argument)
                })),
        );
    }
    charts
}

/// Bars for this run (green: seconds to spare, red: over, outlined: over without a tap),
/// points for up to four runs before it.
fn slack_chart(ui: &mut Ui, model: &ReportModel, latest: &[Option<Outcome>], height: f32) {
    let spare = readable(ui, palette::CALM);
    let over = readable(ui, palette::ALERT);
    // Drawn over the bars: the strongest text colour reads on green, red and the background.
    let earlier_colour = ui.visuals().strong_text_color();
    let latest_bars = latest_run_bars(latest, spare, over);
    let earlier_runs = &model.runs[model.runs.len().saturating_sub(5)..model.runs.len() - 1];
    let earlier_points = |untapped: bool| -> Vec<[f64; 2]> {
        earlier_runs
            .iter()
            .flat_map(|run| {
                run.iter().enumerate().filter_map(move |(index, outcome)| {
                    let outcome = (*outcome)?;
                    let seconds = match (outcome.signed_seconds(), untapped) {
                        (Some(seconds), false) => seconds,
                        // Over without a tap: marked where this run's outlined bars end.
                        (None, true) => -1.0,
                        _ => return None,
                    };
                    Some([(index + 1) as f64, seconds])
                })
            })
            .collect()
    };
    let earlier = earlier_points(false);
    let earlier_untapped = earlier_points(true);
    let earlier_count = model.runs.len().saturating_sub(1).min(4);
    let axis_colour = ui.visuals().text_color();
    Plot::new("slack-chart")
        .height(height)
        .show_crosshair(false)
        .legend(Legend::default().position(Corner::RightTop))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_x(0.4)
        .include_x(model.slide_count as f64 + 0.6)
        .include_y(model.slide_seconds.min(10.0))
        .include_y(-5.0)
        .x_axis_label(tr!("chart-slide"))
        .y_axis_label(tr!("chart-seconds"))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .show(ui, |plot| {
            plot.hline(egui_plot::HLine::new("", 0.0).color(axis_colour));
            for chart in latest_bars {
                plot.add(chart);
            }
            if earlier_count > 0 {
                let name = tr!("chart-runs-before", runs = earlier_count);
                plot.points(
                    Points::new(name.clone(), earlier)
                        .shape(MarkerShape::Circle)
                        .radius(4.0)
                        .color(earlier_colour),
                );
                // The same legend entry: one switch hides all of the earlier runs.
                plot.points(
                    Points::new(name, earlier_untapped)
                        .shape(MarkerShape::Cross)
                        .radius(5.0)
                        .color(earlier_colour),
                );
            }
        });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_lines_say_what_to_work_on() {
        let runs = vec![
            vec![Some(Outcome::Over(1000)), Some(Outcome::Slack(2000)), None],
            vec![
                Some(Outcome::OverUntapped),
                Some(Outcome::Slack(500)),
                Some(Outcome::Over(300)),
            ],
        ];
        assert_eq!(
            summary_line(2, &runs[1]),
            "Run 2: 2 slides over (1, 3) · 0.5 s to spare in all"
        );
        assert_eq!(
            summary_line(1, &[Some(Outcome::Slack(1500))]),
            "Run 1: no slide over · 1.5 s to spare in all"
        );
        assert_eq!(
            slides_to_cut(&runs, 3),
            "Cut words from slide 1 (over in 2 of 2), 3 (over in 1 of 1)"
        );
        assert_eq!(
            slides_to_cut(&runs[..1], 3),
            "Cut words from slide 1 (over in 1 of 1)"
        );
        assert_eq!(
            slides_to_cut(&[vec![Some(Outcome::Slack(1))]], 1),
            "No slide ran over in the last runs."
        );
        // The worst eight are named, and the rest counted.
        let all_over = vec![vec![Some(Outcome::OverUntapped); 11]];
        assert!(
            slides_to_cut(&all_over, 11)
                .ends_with("8 (over in 1 of 1), and 3 more (see the chart)"),
            "{}",
            slides_to_cut(&all_over, 11)
        );
        assert_eq!(
            trend_line(&runs),
            "Trend over the last 2 runs, oldest first: slides over 1, 2 · seconds to spare 2.0, 0.5"
        );
    }
}
