//! View -> Phones…: turn the phones' server on and off, and show the two addresses as text and
//! QR codes, with how many phones are watching. The remote's address acts on the show, so the
//! dialog says whom to give it to.

use egui::{Color32, RichText, Sense, Ui, vec2};

use super::{Command, PhonesCommand};
use crate::phones::QrGrid;
use crate::tr;

/// What the Phones dialog shows.
#[derive(Debug, Clone)]
pub struct PhonesModel<'a> {
    /// The server, when it runs.
    pub serving: Option<ServingModel<'a>>,
    /// Why it could not start, last time it was asked to.
    pub problem: Option<&'a str>,
    /// Where it would listen, e.g. `0.0.0.0:7820`.
    pub bind: String,
}

/// The running server as the dialog shows it.
#[derive(Debug, Clone)]
pub struct ServingModel<'a> {
    /// The speaker view's address, key included.
    pub speaker_url: &'a str,
    /// The remote's address, key included.
    pub remote_url: &'a str,
    /// QR codes of the two.
    pub speaker_qr: Option<&'a QrGrid>,
    /// QR codes of the two.
    pub remote_qr: Option<&'a QrGrid>,
    /// Phones watching now.
    pub connected: usize,
}

/// The dialog; closing it leaves the server as it is.
pub fn dialog(ui: &mut Ui, model: &PhonesModel<'_>, commands: &mut Vec<Command>) {
    let mut open = true;
    egui::Window::new(tr!("phones-title"))
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        // Centred and still, as the other dialogs: it is read, scanned and closed.
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .show(ui.ctx(), |ui| {
            if let Some(serving) = &model.serving {
                serving_view(ui, serving, commands);
            } else {
                ui.label(tr!("phones-intro"));
                if let Some(problem) = model.problem {
                    ui.colored_label(super::widgets::palette::ALERT, problem);
                }
                if ui
                    .button(tr!("phones-start", address = model.bind.clone()))
                    .clicked()
                {
                    commands.push(Command::Phones(PhonesCommand::Serve));
                }
            }
        });
    if !open {
        commands.push(Command::Phones(PhonesCommand::ShowDialog(false)));
    }
}

fn serving_view(ui: &mut Ui, serving: &ServingModel<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_top(|ui| {
        address(
            ui,
            &tr!("phones-speaker"),
            &tr!("phones-speaker-who"),
            serving.speaker_url,
            serving.speaker_qr,
        );
        // Space, not a vertical separator: a separator takes all the height there is, and an
        // auto-sized window then grows by a line every frame.
        ui.add_space(24.0);
        address(
            ui,
            &tr!("phones-remote"),
            &tr!("phones-remote-who"),
            serving.remote_url,
            serving.remote_qr,
        );
    });
    ui.separator();
    ui.horizontal(|ui| {
        ui.label(tr!("phones-connected", count = serving.connected));
        if ui.button(tr!("phones-stop")).clicked() {
            commands.push(Command::Phones(PhonesCommand::Stop));
        }
    });
}

fn address(ui: &mut Ui, heading: &str, who: &str, url: &str, qr: Option<&QrGrid>) {
    ui.vertical(|ui| {
        ui.set_width(260.0);
        ui.heading(heading);
        ui.label(who);
        if let Some(qr) = qr {
            paint_qr(ui, qr, 240.0);
        }
        ui.add(egui::Label::new(RichText::new(url).monospace().size(11.0)).wrap());
    });
}

/// The code as squares on white, with the quiet zone of four squares scanners need.
fn paint_qr(ui: &mut Ui, qr: &QrGrid, side: f32) {
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, Color32::WHITE);
    let squares = qr.width + 8;
    let square = side / squares as f32;
    for (index, _) in qr.dark.iter().enumerate().filter(|(_, dark)| **dark) {
        let (x, y) = (index % qr.width + 4, index / qr.width + 4);
        let min = rect.min + vec2(x as f32 * square, y as f32 * square);
        // A hair wider, so neighbouring squares leave no seams.
        painter.rect_filled(
            egui::Rect::from_min_size(min, vec2(square + 0.5, square + 0.5)),
            0.0,
            Color32::BLACK,
        );
    }
}
