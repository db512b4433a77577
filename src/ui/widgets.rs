//! Drawing pieces shared by the views: slides letterboxed on black, the countdown ring, the
//! progress strip, and time formatting. They paint what they are given and decide nothing.

use std::time::Duration;

use egui::{
    Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, TextureId, Ui, Vec2, pos2, vec2,
};

use crate::timing::TalkState;
use crate::tr;

/// What a view has for one slide.
#[derive(Debug, Clone, Copy)]
pub enum SlidePicture<'a> {
    /// Decoded and on the GPU.
    Ready {
        /// The texture, at the projector screen's size.
        texture: TextureId,
        /// Its size in pixels, for letterboxing.
        size: Vec2,
        /// The same picture at half, quarter… the size, largest first, for smaller frames.
        smaller: &'a [(TextureId, Vec2)],
    },
    /// Not decoded yet.
    Loading,
    /// Could not be decoded: the file's name and why, for the placeholder.
    Failed(&'a str),
    /// The talk has this slide but the deck does not (a deck short of the format's count).
    NotInDeck,
    /// No slide here (after the last one).
    None,
}

/// Calm colours that read well from across a room.
pub mod palette {
    use egui::Color32;
    /// Time is fine.
    pub const CALM: Color32 = Color32::from_rgb(0x3d, 0xc2, 0x8a);
    /// The last five seconds of a slide.
    pub const HURRY: Color32 = Color32::from_rgb(0xf5, 0x9e, 0x0b);
    /// The last two seconds, and warnings that need action.
    pub const ALERT: Color32 = Color32::from_rgb(0xef, 0x44, 0x44);
    /// Paused.
    pub const PAUSED: Color32 = Color32::from_rgb(0x60, 0xa5, 0xfa);
    /// Slides already shown on the strip.
    pub const DONE: Color32 = Color32::from_gray(0x70);
}

/// A palette colour made readable on the current theme: the bright tones suit dark rooms; on a
/// light background they are darkened to keep text contrast above about 4.5:1.
#[must_use]
pub fn readable(ui: &Ui, colour: Color32) -> Color32 {
    if ui.visuals().dark_mode {
        colour
    } else {
        let darken = |channel: u8| (f32::from(channel) * 0.55) as u8;
        Color32::from_rgb(darken(colour.r()), darken(colour.g()), darken(colour.b()))
    }
}

/// `6:40`, `0:05`; hours only when needed (`1:02:03`).
#[must_use]
pub fn format_clock(duration: Duration) -> String {
    let total = duration.as_secs();
    let (hours, minutes, seconds) = (total / 3600, (total / 60) % 60, total % 60);
    if hours > 0 {
        format!("{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{minutes}:{seconds:02}")
    }
}

/// Whole seconds shown by a countdown: 20, 19 … 1, then 0 only when time is up.
#[must_use]
pub fn countdown_seconds(remaining: Duration) -> u64 {
    remaining.as_nanos().div_ceil(1_000_000_000) as u64
}

/// Time left, shown rounded up like the slide countdown, so both agree on every frame.
#[must_use]
pub fn format_countdown(remaining: Duration) -> String {
    format_clock(Duration::from_secs(countdown_seconds(remaining)))
}

/// The colour of a slide's countdown with `remaining` left.
#[must_use]
pub fn countdown_colour(remaining: Duration, state: TalkState) -> Color32 {
    match state {
        TalkState::Paused => palette::PAUSED,
        TalkState::Finished => palette::DONE,
        TalkState::Ready => palette::CALM,
        TalkState::Running => match countdown_seconds(remaining) {
            0..=2 => palette::ALERT,
            3..=5 => palette::HURRY,
            _ => palette::CALM,
        },
    }
}

/// The rectangle of an image of `image_size` fitted into `frame` without cropping or stretching.
#[must_use]
pub fn letterbox(frame: Rect, image_size: Vec2) -> Rect {
    if image_size.x <= 0.0 || image_size.y <= 0.0 {
        return frame;
    }
    let scale = f32::min(frame.width() / image_size.x, frame.height() / image_size.y);
    Rect::from_center_size(frame.center(), image_size * scale)
}

/// The parts of `frame` that `shown` (centred inside it by [`letterbox`]) leaves uncovered:
/// none, the two bars above and below, or the two beside it. Slivers under a pixel are left out.
#[must_use]
pub fn letterbox_bars(frame: Rect, shown: Rect) -> Vec<Rect> {
    let mut bars = Vec::new();
    if shown.top() - frame.top() >= 0.5 {
        bars.push(Rect::from_x_y_ranges(
            frame.x_range(),
            frame.top()..=shown.top(),
        ));
        bars.push(Rect::from_x_y_ranges(
            frame.x_range(),
            shown.bottom()..=frame.bottom(),
        ));
    } else if shown.left() - frame.left() >= 0.5 {
        bars.push(Rect::from_x_y_ranges(
            frame.left()..=shown.left(),
            frame.y_range(),
        ));
        bars.push(Rect::from_x_y_ranges(
            shown.right()..=frame.right(),
            frame.y_range(),
        ));
    }
    bars
}

/// The copy of a slide to draw `pixels_wide` physical pixels wide: the smallest one that is at
/// least that wide, so the GPU only ever shrinks a little (sharp without mipmaps), or the
/// full-size texture when the frame is larger than every copy.
#[must_use]
pub fn texture_for_width(
    full: (TextureId, Vec2),
    smaller: &[(TextureId, Vec2)],
    pixels_wide: f32,
) -> (TextureId, Vec2) {
    smaller
        .iter()
        .rev()
        .find(|(_, size)| size.x >= pixels_wide)
        .copied()
        .unwrap_or(full)
}

/// Paint a slide letterboxed on black inside `frame`; placeholders for missing pictures.
pub fn paint_slide(ui: &Ui, frame: Rect, picture: SlidePicture<'_>, placeholder_size: f32) {
    let painter = ui.painter_at(frame);
    match picture {
        SlidePicture::Ready {
            texture,
            size,
            smaller,
        } => {
            let shown = letterbox(frame, size);
            // Black only on the bars beside the slide, not under it: every filled pixel costs a
            // software renderer, and this view repaints every second.
            for bar in letterbox_bars(frame, shown) {
                painter.rect_filled(bar, 0.0, Color32::BLACK);
            }
            let pixels_wide = shown.width() * ui.ctx().pixels_per_point();
            let (texture, _) = texture_for_width((texture, size), smaller, pixels_wide);
            let uv = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture, shown, uv, Color32::WHITE);
        }
        SlidePicture::Loading => quiet_placeholder(&painter, frame, "…", placeholder_size),
        SlidePicture::Failed(file) => {
            painter.rect_filled(frame, 4.0, Color32::BLACK);
            painter.rect_stroke(
                frame.shrink(2.0),
                4.0,
                Stroke::new(2.0, palette::ALERT),
                egui::StrokeKind::Inside,
            );
            placeholder_line(
                &painter,
                frame.center() - vec2(0.0, placeholder_size * 0.7),
                &tr!("slide-cannot-show"),
                FontId::proportional(placeholder_size),
                palette::ALERT,
            );
            // The file and the reason can be long: wrapped inside the frame, not cut by it.
            let reason = painter.layout(
                file.to_owned(),
                FontId::proportional(placeholder_size * 0.6),
                Color32::from_gray(0xd0),
                (frame.width() - 24.0).max(40.0),
            );
            let top_centre = frame.center() + vec2(0.0, placeholder_size * 0.2);
            painter.galley(
                top_centre - vec2(reason.size().x / 2.0, 0.0),
                reason,
                Color32::from_gray(0xd0),
            );
        }
        SlidePicture::NotInDeck => {
            painter.rect_filled(frame, 4.0, Color32::BLACK);
            placeholder_line(
                &painter,
                frame.center() - vec2(0.0, placeholder_size * 0.6),
                &tr!("slide-not-in-deck"),
                FontId::proportional(placeholder_size),
                palette::HURRY,
            );
            placeholder_line(
                &painter,
                frame.center() + vec2(0.0, placeholder_size * 0.6),
                &tr!("slide-audience-black"),
                FontId::proportional(placeholder_size * 0.7),
                Color32::from_gray(0xd0),
            );
        }
        SlidePicture::None => {
            quiet_placeholder(&painter, frame, &tr!("slide-end-of-talk"), placeholder_size);
        }
    }
}

/// A black frame with one grey word in its middle: a slide on its way, or none to come.
fn quiet_placeholder(painter: &egui::Painter, frame: Rect, word: &str, size: f32) {
    painter.rect_filled(frame, 4.0, Color32::BLACK);
    placeholder_line(
        painter,
        frame.center(),
        word,
        FontId::proportional(size),
        Color32::from_gray(0x90),
    );
}

/// One line of a placeholder's words, centred on `centre`.
fn placeholder_line(
    painter: &egui::Painter,
    centre: egui::Pos2,
    text: &str,
    font: FontId,
    colour: Color32,
) {
    painter.text(centre, Align2::CENTER_CENTER, text, font, colour);
}

/// The per-slide countdown: big digits inside a ring that empties as time runs out.
pub fn countdown_ring(
    ui: &mut Ui,
    diameter: f32,
    remaining: Duration,
    length: Duration,
    state: TalkState,
) {
    let (rect, _) = ui.allocate_exact_size(Vec2::splat(diameter), Sense::hover());
    let painter = ui.painter_at(rect);
    let colour = readable(ui, countdown_colour(remaining, state));
    let centre = rect.center();
    let stroke_width = diameter * 0.07;
    let radius = diameter / 2.0 - stroke_width / 2.0 - 1.0;
    // egui strokes circles outside their radius; the arc below is centred on it.
    let track = ui.visuals().widgets.inactive.bg_fill;
    painter.circle_stroke(
        centre,
        radius - stroke_width / 2.0,
        Stroke::new(stroke_width, track),
    );
    let fraction = if length.is_zero() {
        0.0
    } else {
        (remaining.as_secs_f32() / length.as_secs_f32()).clamp(0.0, 1.0)
    };
    if fraction > 0.0 {
        let steps = (96.0 * fraction).ceil().max(2.0) as usize;
        let start = -std::f32::consts::FRAC_PI_2;
        let points: Vec<Pos2> = (0..=steps)
            .map(|step| {
                let angle = start + std::f32::consts::TAU * fraction * step as f32 / steps as f32;
                centre + radius * vec2(angle.cos(), angle.sin())
            })
            .collect();
        painter.add(Shape::line(points, Stroke::new(stroke_width, colour)));
    }
    painter.text(
        centre,
        Align2::CENTER_CENTER,
        countdown_seconds(remaining).to_string(),
        FontId::proportional(diameter * 0.42),
        colour,
    );
}

/// One box per slide: shown, current, to come; `marks` colour a slide's foot (a rehearsal's
/// verdict: time to spare or over).
pub fn progress_strip(
    ui: &mut Ui,
    slide_count: usize,
    current: usize,
    state: TalkState,
    height: f32,
    marks: &[Option<Color32>],
) {
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let painter = ui.painter_at(rect);
    let count = slide_count.max(1);
    let gap = 4.0;
    let box_width = (width - gap * (count as f32 - 1.0)) / count as f32;
    for index in 0..count {
        let slide = index + 1;
        let left = rect.left() + index as f32 * (box_width + gap);
        let cell = Rect::from_min_size(pos2(left, rect.top()), vec2(box_width, height));
        let (fill, text) = match state {
            TalkState::Ready => (ui.visuals().faint_bg_color, ui.visuals().weak_text_color()),
            TalkState::Finished => (palette::DONE, Color32::WHITE),
            TalkState::Running | TalkState::Paused if slide < current => {
                (palette::DONE, Color32::WHITE)
            }
            TalkState::Running if slide == current => (palette::CALM, Color32::BLACK),
            TalkState::Paused if slide == current => (palette::PAUSED, Color32::BLACK),
            _ => (ui.visuals().faint_bg_color, ui.visuals().text_color()),
        };
        painter.rect_filled(cell, 3.0, fill);
        if let Some(Some(mark)) = marks.get(index) {
            // A rehearsal's verdict on the slide: a bar along the cell's foot.
            let foot = Rect::from_min_max(pos2(cell.left(), cell.bottom() - 5.0), cell.max);
            painter.rect_filled(foot, 2.0, *mark);
        }
        if box_width > 14.0 {
            painter.text(
                cell.center(),
                Align2::CENTER_CENTER,
                slide.to_string(),
                FontId::proportional((height * 0.5).min(box_width * 0.6)),
                text,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clock_formats() {
        let cases = [(0, "0:00"), (5, "0:05"), (400, "6:40"), (3723, "1:02:03")];
        for (seconds, text) in cases {
            assert_eq!(format_clock(Duration::from_secs(seconds)), text);
        }
    }

    #[test]
    fn countdown_rounds_up_so_zero_means_time_is_up() {
        let cases = [(20_000, 20), (19_999, 20), (19_000, 19), (1, 1), (0, 0)];
        for (millis, shown) in cases {
            assert_eq!(
                countdown_seconds(Duration::from_millis(millis)),
                shown,
                "{millis} ms"
            );
        }
    }

    #[test]
    fn the_smallest_copy_at_least_as_wide_as_the_frame_is_drawn() {
        let id = |n| TextureId::User(n);
        let full = (id(0), vec2(1920.0, 1080.0));
        let smaller = [
            (id(1), vec2(960.0, 540.0)),
            (id(2), vec2(480.0, 270.0)),
            (id(3), vec2(240.0, 135.0)),
        ];
        let cases = [(1300.0, 0), (960.0, 1), (700.0, 1), (300.0, 2), (100.0, 3)];
        for (width, expected) in cases {
            assert_eq!(
                texture_for_width(full, &smaller, width).0,
                id(expected),
                "{width} px"
            );
        }
        assert_eq!(texture_for_width(full, &[], 100.0).0, id(0));
    }

    #[test]
    fn bars_cover_exactly_what_the_slide_leaves() {
        let frame = Rect::from_min_size(pos2(10.0, 20.0), vec2(800.0, 500.0));
        let wide = letterbox(frame, vec2(1920.0, 1080.0));
        let bars = letterbox_bars(frame, wide);
        assert_eq!(bars.len(), 2);
        let covered: f32 = bars.iter().map(Rect::area).sum::<f32>() + wide.area();
        assert!((covered - frame.area()).abs() < 1.0, "{covered}");
        assert!(bars.iter().all(|bar| (bar.width() - 800.0).abs() < 0.01));

        let portrait = letterbox(frame, vec2(300.0, 400.0));
        let bars = letterbox_bars(frame, portrait);
        assert!(bars.iter().all(|bar| (bar.height() - 500.0).abs() < 0.01));

        let exact = Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0));
        assert!(letterbox_bars(exact, letterbox(exact, vec2(1920.0, 1080.0))).is_empty());
    }

    #[test]
    fn letterbox_fits_without_cropping() {
        let frame = Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0));
        let four_three = letterbox(frame, vec2(1024.0, 768.0));
        assert!(
            (four_three.width() - 1440.0).abs() < 0.01
                && (four_three.height() - 1080.0).abs() < 0.01
        );
        assert!((four_three.left() - 240.0).abs() < 0.01);
        let portrait = letterbox(frame, vec2(1080.0, 1920.0));
        assert!((portrait.height() - 1080.0).abs() < 0.01);
        assert!((portrait.width() - 607.5).abs() < 0.01);
    }
}
