//! What the projector window shows, handed from the app to the projector's own viewport.
//!
//! The projector is a deferred egui viewport: egui repaints it on its own schedule, not every
//! time the presenter view repaints. The presenter view ticks every second for its countdown; the
//! projector only needs a new frame when its picture changes, at a slide deadline. Repainting a
//! fullscreen window every second would cost a laptop on battery for nothing, and painting it
//! behind the presenter view would make every slide late by the presenter's frame.
//!
//! So the app publishes the frame to show now and the frame to show from the next deadline on;
//! the projector wakes at that deadline by itself and swaps on its own clock reading
//! ([`viewport_pass`], the projector viewport's whole pass).

use std::sync::Mutex;
use std::time::Duration;

use egui::{TextureId, Vec2, ViewportCommand, ViewportId};

use super::Command;
use super::keys::KeyContext;
use super::projector::{NightCardText, ProjectorContent, ProjectorModel};
use super::widgets::SlidePicture;
use crate::clock::Clock;
use crate::settings::Settings;
use crate::timing::TalkState;

/// What fills the projector, owned so the projector's viewport can paint it without the app.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FrameKind {
    /// Black: blackout, a card set to black, or a slide that is not there.
    Black,
    /// The title card.
    TitleCard,
    /// The thank-you card.
    EndCard,
    /// A night: the card of the next talk or break ([`ProjectorFeed::card`]).
    NightCard,
    /// A night's break card, with whole seconds left until the night goes on.
    BreakCard {
        /// Seconds left.
        seconds_left: u64,
    },
    /// The night's closing card.
    NightEnd,
    /// A slide, with its texture once it is on the GPU.
    Slide {
        /// Slide number, 1-based.
        slide: usize,
        /// Texture and its size; `None` while loading or when it failed (black).
        picture: Option<(TextureId, Vec2)>,
    },
}

/// One picture of the projector.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProjectorFrame {
    /// What fills it.
    pub kind: FrameKind,
    /// Progress for the thin audience bar, when it is on.
    pub audience_progress: Option<f32>,
}

impl Default for ProjectorFrame {
    fn default() -> Self {
        Self {
            kind: FrameKind::Black,
            audience_progress: None,
        }
    }
}

/// Shared between the app (which writes the frames and reads back input) and the projector's
/// viewport (which paints and records).
#[derive(Debug, Default)]
pub struct ProjectorFeed {
    /// What keys pressed on the projector window act on (the same as on the presenter view).
    pub key_context: Option<super::keys::KeyContext>,
    /// Talk title, for the title card.
    pub title: String,
    /// Speaker, for the cards.
    pub presenter: String,
    /// A night's card: the next item's words (or the break's, during it).
    pub card: NightCardText,
    /// The frame to show now.
    pub shown: ProjectorFrame,
    /// The frame to show from this caller-clock time on (the next slide deadline).
    pub upcoming: Option<(Duration, ProjectorFrame)>,
    /// The talk's state, for the keys pressed on the projector window.
    pub state: Option<TalkState>,
    /// Settings, for the keys pressed on the projector window.
    pub settings: Settings,
    /// Commands from keys pressed while the projector window had the focus.
    pub commands: Vec<Command>,
    /// The user asked to close the projector window.
    pub close_requested: bool,
    /// Slides painted: (slide, caller-clock time the frame was handed to the renderer).
    pub painted: Vec<(usize, Duration)>,
    /// The last frame painted, so the app asks for a repaint only when the picture changes.
    pub last_painted: Option<ProjectorFrame>,
    /// Frames painted since the window opened.
    pub frames: u64,
    /// `--start`: the first slide's frame, for this window's next frame. The talk starts at the
    /// instant that frame is painted, so the audience sees all of slide 1 and the start waits
    /// for no other window.
    pub start_with: Option<ProjectorFrame>,
    /// When `start_with` was painted (caller clock): the talk's start instant, for the app.
    pub started_at: Option<Duration>,
    /// Where the window was at its last frame (points), as the window system reported it.
    pub window_rect: Option<egui::Rect>,
    /// The window system moved or resized the window since it settled (what it does to a
    /// fullscreen window whose monitor goes): the app lists the monitors again at once.
    pub window_changed: bool,
}

impl ProjectorFeed {
    /// The frame due at `now`: the upcoming one once its time has come. Moves it into `shown`.
    pub fn frame_at(&mut self, now: Duration) -> ProjectorFrame {
        if let Some((at, frame)) = self.upcoming
            && now >= at
        {
            self.shown = frame;
            self.upcoming = None;
        }
        self.shown
    }

    /// The view model for a frame.
    #[must_use]
    pub fn model(&self, frame: ProjectorFrame) -> ProjectorModel<'_> {
        let content = match frame.kind {
            FrameKind::Black => ProjectorContent::Black,
            FrameKind::TitleCard => ProjectorContent::TitleCard {
                title: &self.title,
                presenter: &self.presenter,
            },
            FrameKind::EndCard => ProjectorContent::EndCard {
                presenter: &self.presenter,
                thanks: super::projector::thanks(self.settings.cards_in_ui_language),
            },
            FrameKind::NightCard => ProjectorContent::NightCard(&self.card),
            FrameKind::BreakCard { seconds_left } => ProjectorContent::BreakCard {
                text: &self.card,
                seconds_left,
            },
            FrameKind::NightEnd => ProjectorContent::NightEnd {
                night_title: &self.card.night_title,
                thanks: super::projector::thanks(self.settings.cards_in_ui_language),
            },
            FrameKind::Slide { picture: None, .. } => {
                ProjectorContent::Slide(SlidePicture::Loading)
            }
            FrameKind::Slide {
                picture: Some((texture, size)),
                ..
            } => ProjectorContent::Slide(SlidePicture::Ready {
                texture,
                size,
                smaller: &[],
            }),
        };
        ProjectorModel {
            content,
            audience_progress: frame.audience_progress,
        }
    }
}

/// The projector viewport's whole pass: paint the due frame, record it, pass input back.
pub fn viewport_pass(ui: &mut egui::Ui, feed: &Mutex<ProjectorFeed>, clock: &dyn Clock) {
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
        .show(ui, |ui| super::projector::show(ui, &feed.model(frame)));
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
    let commands = ui.input(|input| super::keys::commands_from_keys(input, context, &settings));
    let closed = ui.input(|input| input.viewport().close_requested());
    // A window that is still being mapped and made fullscreen moves over its first frames;
    // after that, a move or resize comes from the window system (a monitor gone, say).
    let window_rect = ui.input(|input| input.viewport().outer_rect);
    let window_changed =
        feed.frames > 3 && feed.window_rect.is_some() && window_rect != feed.window_rect;
    feed.window_rect = window_rect;
    feed.window_changed |= window_changed;
    if closed {
        ui.ctx().send_viewport_cmd(ViewportCommand::CancelClose);
        feed.close_requested = true;
    }
    let wake_app = !commands.is_empty()
        || closed
        || window_changed
        || feed.frames <= 2
        || !feed.painted.is_empty();
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_upcoming_frame_takes_over_at_its_deadline() {
        let slide = |slide| ProjectorFrame {
            kind: FrameKind::Slide {
                slide,
                picture: None,
            },
            audience_progress: None,
        };
        let mut feed = ProjectorFeed {
            shown: slide(1),
            upcoming: Some((Duration::from_secs(20), slide(2))),
            ..ProjectorFeed::default()
        };
        assert_eq!(feed.frame_at(Duration::from_millis(19_999)), slide(1));
        assert_eq!(feed.frame_at(Duration::from_secs(20)), slide(2));
        assert_eq!(feed.upcoming, None);
        assert_eq!(feed.frame_at(Duration::from_secs(21)), slide(2));
    }
}
