//! The projector window: what the audience sees, and nothing else.
//!
//! Only the slide, letterboxed on black; before the start a title card (or black), after the end
//! a closing card (or black). During a night: the card of who is next, the break card with its
//! countdown, and the night's closing card. Never a control, a dialog, a cursor or an error: a
//! slide that cannot be shown is black here and explained on the presenter view.

use egui::{Color32, FontId, Rect, Sense, Ui, pos2, vec2};

use super::widgets::{SlidePicture, letterbox, letterbox_bars};
use crate::i18n::Language;
use crate::tr;

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
        /// The thanks, from [`thanks`].
        thanks: &'a str,
    },
    /// A night: who (or what) is next.
    NightCard(&'a NightCardText),
    /// A night's break, counting down to the restart.
    BreakCard {
        /// The break's message, and the night's title.
        text: &'a NightCardText,
        /// Whole seconds left (shown as `12:34`).
        seconds_left: u64,
    },
    /// The night is over.
    NightEnd {
        /// The night's title.
        night_title: &'a str,
        /// The thanks, from [`thanks`].
        thanks: &'a str,
    },
}

/// The thank-you card's big line: in Kazakh, Russian and English for a mixed audience, or in the
/// interface language only when the host asked for that.
#[must_use]
pub fn thanks(ui_language_only: bool) -> &'static str {
    static THANKS: std::sync::LazyLock<[String; 3]> = std::sync::LazyLock::new(|| {
        Language::ALL.map(|language| crate::i18n::in_language(language, || tr!("card-thanks")))
    });
    if ui_language_only {
        let current = crate::i18n::language();
        Language::ALL
            .iter()
            .position(|&language| language == current)
            .map_or(TRILINGUAL_THANKS, |index| THANKS[index].as_str())
    } else {
        TRILINGUAL_THANKS
    }
}

/// The thanks a Shymkent audience reads whatever language it speaks.
const TRILINGUAL_THANKS: &str = "Рахмет! · Спасибо! · Thank you!";

/// The words on a night's card. For a talk: "next", the presenter, the talk's title and the bio;
/// for a break: its message and length, and (during it) when the night goes on.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NightCardText {
    /// The night's name, small at the top.
    pub night_title: String,
    /// The small line above the name: `Келесі · Далее · Next`, or the break's.
    pub kicker: String,
    /// The big line: the presenter, or the break's message.
    pub headline: String,
    /// The talk's title, or the break's length.
    pub title: String,
    /// The presenter's bio, or when the night goes on.
    pub detail: String,
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
            SlidePicture::Loading
            | SlidePicture::Failed(_)
            | SlidePicture::NotInDeck
            | SlidePicture::None,
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
        ProjectorContent::NightCard(text) => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            night_card(&painter, screen, text, None);
        }
        ProjectorContent::BreakCard { text, seconds_left } => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            let countdown =
                super::widgets::format_clock(std::time::Duration::from_secs(seconds_left));
            night_card(&painter, screen, text, Some(&countdown));
        }
        ProjectorContent::NightEnd {
            night_title,
            thanks,
        } => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            card(&painter, screen, thanks, night_title, height);
        }
        ProjectorContent::EndCard { presenter, thanks } => {
            painter.rect_filled(screen, 0.0, Color32::BLACK);
            card(&painter, screen, thanks, presenter, height);
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

/// The warm accent of a night's cards (the kicker and the countdown).
const CARD_ACCENT: Color32 = Color32::from_rgb(0xf5, 0xb0, 0x3c);

/// A night's card: the night's name small at the top, then a kicker in the accent colour, the
/// headline big, the title in quotes and the detail smaller; a break adds its countdown, huge.
/// Sizes follow the screen's height, so the card reads the same on any projector.
fn night_card(
    painter: &egui::Painter,
    screen: Rect,
    text: &NightCardText,
    countdown: Option<&str>,
) {
    let height = screen.height();
    let wrap = screen.width() * 0.84;
    let left = screen.left() + screen.width() * 0.08;
    let layout = |text: &str, size: f32, colour: Color32, wrap: f32| {
        painter.layout(text.to_owned(), FontId::proportional(size), colour, wrap)
    };
    // The night's name, small and quiet, top left, with a thin accent rule under it.
    let header = layout(
        &text.night_title,
        height * 0.03,
        Color32::from_gray(0x9a),
        wrap,
    );
    let header_top = screen.top() + height * 0.07;
    let rule_y = header_top + header.size().y + height * 0.015;
    painter.galley(pos2(left, header_top), header, Color32::WHITE);
    painter.line_segment(
        [
            pos2(left, rule_y),
            pos2(left + screen.width() * 0.12, rule_y),
        ],
        egui::Stroke::new((height * 0.004).max(2.0), CARD_ACCENT),
    );
    let mut lines = Vec::new();
    if !text.kicker.is_empty() {
        lines.push((
            layout(
                &text.kicker.to_uppercase(),
                height * 0.035,
                CARD_ACCENT,
                wrap,
            ),
            height * 0.02,
        ));
    }
    lines.push((
        layout(&text.headline, height * 0.085, Color32::WHITE, wrap),
        height * 0.025,
    ));
    if !text.title.is_empty() {
        lines.push((
            layout(&text.title, height * 0.05, Color32::from_gray(0xdc), wrap),
            height * 0.03,
        ));
    }
    if let Some(countdown) = countdown {
        lines.push((
            layout(countdown, height * 0.2, CARD_ACCENT, wrap),
            height * 0.02,
        ));
    }
    if !text.detail.is_empty() {
        lines.push((
            layout(&text.detail, height * 0.038, Color32::from_gray(0xa8), wrap),
            0.0,
        ));
    }
    let total: f32 = lines
        .iter()
        .map(|(galley, gap)| galley.size().y + gap)
        .sum();
    // Centred on the lower part of the screen, below the header.
    let mut y = (screen.center().y + height * 0.04 - total / 2.0).max(rule_y + height * 0.06);
    for (galley, gap) in lines {
        let size = galley.size().y;
        painter.galley(pos2(left, y), galley, Color32::WHITE);
        y += size + gap;
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
