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
//!
//! # When a frame reached the screen
//!
//! The pass builds a frame; the renderer then draws it and swaps it onto the screen. What the
//! audience sees is the swap, so each slide frame is timed there: a paint callback, drawn last,
//! waits for the renderer to finish the frame (`glFinish`) and reads the clock, and the swap
//! follows at once ([`PaintedSlide::presented`]). Against an outside probe on the stage that
//! reading is a millisecond or two before the pixels change, where the moment the frame was
//! built was tens of milliseconds before, and the next pass's start (eframe has no hook right
//! after the swap) could be before or well after, as other windows' frames came in between (the
//! README's Measuring section has the figures). A renderer without `glow` callbacks leaves the
//! time to the app's next pass, which eframe runs after this frame's swap.
//!
//! The frame that starts a talk ([`ProjectorFeed::start_with`]) waits for a window that is on
//! the screen where it belongs: mapped, and covering its monitor when fullscreen. A new window
//! on X11 is first mapped as a small window, then made fullscreen; a frame painted before that
//! reaches no audience (measured: 140-210 ms of slide 1 lost at launch with `--start`).

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{Rect, TextureId, Vec2, ViewportCommand, ViewportId};

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

/// How often the projector looks again at its window while the frame that starts the talk waits
/// for it to be on the screen (the window system's own events usually bring a frame sooner).
const SETTLE_POLL: Duration = Duration::from_millis(20);

/// A slide frame the projector painted, and when it reached the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaintedSlide {
    /// Slide number, 1-based.
    pub slide: usize,
    /// It was [`ProjectorFeed::start_with`]: the talk starts when it is on the screen.
    pub starts_talk: bool,
    /// Which timed frame it was ([`ProjectorFeed::timed`]), to match the renderer's report.
    frame: u64,
    /// Caller-clock time the renderer had finished drawing it, right before the swap; `None`
    /// until the renderer has run it, and with a renderer that cannot say (the app then takes
    /// the start of its next pass, which comes after the swap).
    pub presented: Option<Duration>,
}

/// Where the projector's window must be for its frames to reach the audience, as the app knows
/// it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct WindowTarget {
    /// Fullscreen on this monitor (its rectangle in pixels); `None` for a window anywhere.
    pub monitor: Option<Rect>,
    /// The window system says when a window becomes visible (X11's `VisibilityNotify`), so a
    /// window it has not said so of is not mapped yet.
    pub visibility_reported: bool,
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
    /// Slide frames painted since the app last took them, with when they reached the screen.
    pub painted: Vec<PaintedSlide>,
    /// Slide frames timed so far, over every window the projector had (never reset, so that a
    /// late report cannot be taken for another frame's).
    pub timed: u64,
    /// The last frame painted, so the app asks for a repaint only when the picture changes.
    pub last_painted: Option<ProjectorFrame>,
    /// Frames painted since the window opened.
    pub frames: u64,
    /// Slide 1's frame, for a talk waiting to start: painted as soon as the window is on the
    /// screen ([`WindowTarget`]); the talk's clock starts when that frame is presented
    /// ([`PaintedSlide::starts_talk`]), so the audience sees all of slide 1.
    pub start_with: Option<ProjectorFrame>,
    /// Where the window must be for `start_with` to be painted.
    pub target: WindowTarget,
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

/// Whether the window whose pass this is shows its frames where the audience looks: mapped
/// (when the window system says so), not minimized, and covering its monitor when it should be
/// fullscreen there (to a pixel; when the window system tells where windows are).
fn on_screen(info: &egui::ViewportInfo, pixels_per_point: f32, target: WindowTarget) -> bool {
    let visible = match info.occluded {
        Some(occluded) => !occluded,
        None => !target.visibility_reported,
    };
    let placed = match (target.monitor, info.outer_rect) {
        (Some(monitor), Some(outer)) => {
            let outer = outer * pixels_per_point;
            (outer.min - monitor.min).length() < 1.0 && (outer.max - monitor.max).length() < 1.0
        }
        _ => true,
    };
    visible && info.minimized != Some(true) && placed
}

/// The projector viewport's whole pass: paint the due frame, record it, pass input back.
pub fn viewport_pass(
    ui: &mut egui::Ui,
    shared: &Arc<Mutex<ProjectorFeed>>,
    clock: &Arc<dyn Clock>,
) {
    let Ok(mut feed) = shared.lock() else { return };
    let now = clock.now();
    let target = feed.target;
    let starting = if feed.start_with.is_some()
        && ui.input(|input| on_screen(input.viewport(), input.pixels_per_point, target))
    {
        feed.start_with.take()
    } else {
        None
    };
    let frame = if let Some(first) = starting {
        feed.shown = first;
        feed.upcoming = None;
        first
    } else {
        // Waiting for the window: what was up stays up (a title card), not slide 1 before its
        // time starts.
        feed.frame_at(now)
    };
    ui.ctx().set_cursor_icon(egui::CursorIcon::None);
    // Unfilled: `projector::show` paints black itself, only where the slide leaves bars.
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| super::projector::show(ui, &feed.model(frame)));
    feed.frames += 1;
    // Timed: each new picture of a slide, and the frame that starts the talk even if slide 1
    // could not be decoded (black).
    let new_picture = feed.last_painted != Some(frame)
        && matches!(
            frame.kind,
            FrameKind::Slide {
                picture: Some(_),
                ..
            }
        );
    if let FrameKind::Slide { slide, .. } = frame.kind
        && (starting.is_some() || new_picture)
    {
        feed.timed += 1;
        let number = feed.timed;
        feed.painted.push(PaintedSlide {
            slide,
            starts_talk: starting.is_some(),
            frame: number,
            presented: None,
        });
        time_presentation(ui.ctx(), shared, clock, number);
    }
    feed.last_painted = Some(frame);
    if feed.frames <= 3 {
        log::debug!(
            "projector frame {} built at {} ms",
            feed.frames,
            now.as_millis()
        );
    }
    if feed.start_with.is_some() {
        ui.ctx().request_repaint_after(SETTLE_POLL);
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

/// Time when the frame `number` of the projector's window reached the screen: a paint callback,
/// drawn last, waits for the renderer to finish the frame and writes the clock's reading into
/// its [`PaintedSlide`]; the swap follows at once.
fn time_presentation(
    ctx: &egui::Context,
    shared: &Arc<Mutex<ProjectorFeed>>,
    clock: &Arc<dyn Clock>,
    number: u64,
) {
    let shared = Arc::clone(shared);
    let clock = Arc::clone(clock);
    let callback = eframe::egui_glow::CallbackFn::new(move |_info, painter| {
        finish_drawing(painter.gl());
        let presented = clock.now();
        if let Ok(mut feed) = shared.lock()
            && let Some(painted) = feed
                .painted
                .iter_mut()
                .find(|painted| painted.frame == number)
        {
            painted.presented.get_or_insert(presented);
        }
    });
    // On top of everything, so that it runs after the slide is drawn; a point is enough.
    let layer = egui::LayerId::new(egui::Order::Debug, egui::Id::unique("pecha-presented"));
    ctx.layer_painter(layer).add(egui::PaintCallback {
        rect: Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1.0, 1.0)),
        callback: Arc::new(callback),
    });
}

/// Block until the renderer has drawn everything asked of it so far.
fn finish_drawing(gl: &eframe::glow::Context) {
    use eframe::glow::HasContext as _;
    // SAFETY: `glFinish` takes no arguments and touches no memory of ours; egui_glow runs paint
    // callbacks on the thread whose context is current, with that context. This is the crate's
    // third `unsafe` block (see `crate::allocator` and `app/x11.rs` for the others).
    #[allow(unsafe_code)]
    unsafe {
        gl.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_is_on_screen_once_mapped_and_covering_its_monitor() {
        let projector = Rect::from_min_size(egui::pos2(1920.0, 0.0), egui::vec2(1920.0, 1080.0));
        let fullscreen = WindowTarget {
            monitor: Some(projector),
            visibility_reported: true,
        };
        let window = |occluded, outer| egui::ViewportInfo {
            occluded,
            outer_rect: Some(outer),
            minimized: Some(false),
            ..egui::ViewportInfo::default()
        };
        let small = Rect::from_min_size(egui::pos2(0.0, 515.0), egui::vec2(962.0, 565.0));
        let moved = Rect::from_min_size(egui::pos2(1920.0, 0.0), egui::vec2(962.0, 565.0));
        let half = Rect::from_min_size(egui::pos2(960.0, 0.0), egui::vec2(960.0, 540.0));
        for (info, pixels_per_point, target, on) in [
            // X11: not yet told it is visible, so not mapped yet.
            (window(None, projector), 1.0, fullscreen, false),
            (window(Some(true), projector), 1.0, fullscreen, false),
            // Mapped, but still the small window it is before it goes fullscreen.
            (window(Some(false), small), 1.0, fullscreen, false),
            (window(Some(false), moved), 1.0, fullscreen, false),
            (window(Some(false), projector), 1.0, fullscreen, true),
            // Rectangles are in points.
            (window(Some(false), half), 2.0, fullscreen, true),
            // Windowed: anywhere, once mapped.
            (
                window(Some(false), small),
                1.0,
                WindowTarget {
                    monitor: None,
                    ..fullscreen
                },
                true,
            ),
            // A window system that never says (Wayland): visible until said otherwise.
            (window(None, small), 1.0, WindowTarget::default(), true),
            (
                egui::ViewportInfo {
                    minimized: Some(true),
                    ..window(Some(false), projector)
                },
                1.0,
                fullscreen,
                false,
            ),
        ] {
            assert_eq!(
                on_screen(&info, pixels_per_point, target),
                on,
                "{info:?} {target:?}"
            );
        }
    }

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
