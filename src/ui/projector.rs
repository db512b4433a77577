//! The projector window: what the audience sees, and nothing else.
//!
//! Only the slide, letterboxed on black; before the start a title card (or black), after the end
//! a closing card (or black). Never a control, a dialog, a cursor or an error: a slide that
//! cannot be shown is black here and explained on the presenter view.

use egui::{Color32, FontId, Rect, Sense, Ui, pos2, vec2};

use super::widgets::{SlidePicture, letterbox, letterbox_bars};

/// What fills the projector.
#[derive(Debug, Clone, Copy)]
pub enum ProjectorContent<'a> {
    /// Nothing: blackout, or a card set to black.
    Black,
    /// Before the talk: who is next.
    TitleCard {
        /// The talk's title.
        title: &'a str,
        /// The speaker.
        presenter: &'a str,
    },
    /// The current slide.
    Slide(SlidePicture<'a>),
    /// After the talk.
    EndCard {
        /// The speaker, thanked by name.
        presenter: &'a str,
    },
}

/// Everything the projector view needs.
#[derive(Debug, Clone, Copy)]
pub struct ProjectorModel<'a> {
    /// What to show.
    pub content: ProjectorContent<'a>,
    /// Progress through the talk (0..=1) for the optional thin audience bar.
    pub audience_progress: Option<f32>,
}

/// Paint the projector: the whole window, black around the content.
pub fn show(ui: &mut Ui, model: &ProjectorModel<'_>) {
    let screen = ui.max_rect();
    let (_, painter) = ui.allocate_painter(screen.size(), Sense::hover());
    let height = screen.height();
    match model.content {
        ProjectorContent::Black
        | ProjectorContent::Slide(
            SlidePicture::Loading | SlidePicture::Failed(_) | SlidePicture::None,
        ) => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
        }
        ProjectorContent::Slide(SlidePicture::Ready { texture, size, .. }) => {
            let shown = letterbox(screen, size);
            // Black only on the bars beside the slide: at an advance the frame must be painted
            // within a few milliseconds, and in a software renderer a full-screen black fill
            // underneath would double the work.
            for bar in letterbox_bars(screen, shown) {
                painter.rect_filled(bar, 0.0, Color32::BLACK);
            }
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture, shown, uv, Color32::WHITE);
        }
        ProjectorContent::TitleCard { title, presenter } => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            card(&painter, screen, title, presenter, height);
        }
        ProjectorContent::EndCard { presenter } => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            card(
                &painter,
                screen,
                "Рахмет! · Спасибо! · Thank you!",
                presenter,
                height,
            );
        }
    }
    if let Some(progress) = model.audience_progress {
        let bar_height = (height * 0.006).max(3.0);
        let bar = Rect::from_min_size(
            pos2(screen.left(), screen.bottom() - bar_height),
            vec2(screen.width() * progress.clamp(0.0, 1.0), bar_height),
        );
        painter.rect_filled(bar, 0.0, Color32::from_gray(0xb0));
    }
}

/// A calm two-line card: a big line with a smaller one under it, each wrapped and centred.
fn card(painter: &egui::Painter, screen: Rect, big: &str, small: &str, height: f32) {
    let wrap = screen.width() * 0.8;
    let centred = |text: &str, size: f32, colour: Color32| {
        let mut job = egui::text::LayoutJob::simple(
            text.to_owned(),
            FontId::proportional(size),
            colour,
            wrap,
        );
        job.halign = egui::Align::Center;
        painter.layout_job(job)
    };
    let big_galley = centred(big, height * 0.075, Color32::WHITE);
    let small_galley = centred(small, height * 0.045, Color32::from_gray(0xc8));
    let gap = height * 0.04;
    let total = big_galley.size().y + gap + small_galley.size().y;
    let top = screen.center().y - total / 2.0;
    // A centred galley is laid out around x = 0: place it at the screen's centre line.
    painter.galley(
        pos2(screen.center().x, top),
        big_galley.clone(),
        Color32::WHITE,
    );
    painter.galley(
        pos2(screen.center().x, top + big_galley.size().y + gap),
        small_galley,
        Color32::WHITE,
    );
}
