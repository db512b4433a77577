//! The projector window: which monitor it is on, fullscreen or windowed, blacked out, and the
//! feed it paints from.
//!
//! The projector is a deferred egui viewport with its own schedule (see [`crate::ui::feed`]): each
//! pass of the app publishes what it shows now and from the next deadline on, and takes back what
//! happened there (keys, its close button, the slides it painted). The monitors are read once
//! the presenter window exists; the projector is remembered by monitor name.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{ViewportBuilder, ViewportCommand, ViewportId};

use super::PechaApp;
use crate::monitors::{self, MonitorInfo, Placement};
use crate::ui::Command;
use crate::ui::feed::ProjectorFeed;

use super::notices::NoticeKind;

/// The projector window's viewport id.
#[must_use]
pub fn projector_viewport() -> ViewportId {
    ViewportId::from_hash_of("pecha-projector")
}

/// The projector window's state.
pub(super) struct Projector {
    pub(super) open: bool,
    /// Closed during this run (its close button or the menu), not left off on purpose from the
    /// command line or for a rehearsal: the presenter view says so until it is back.
    pub(super) closed_by_host: bool,
    pub(super) fullscreen: bool,
    pub(super) blackout: bool,
    pub(super) monitor: Option<usize>,
    pub(super) monitors: Vec<MonitorInfo>,
    pub(super) placed: bool,
    pub(super) frames_painted: u64,
    pub(super) first_slide_logged: bool,
    pub(super) discovered: bool,
    /// The monitor the presenter window opened on, once known.
    pub(super) laptop: Option<usize>,
    /// What the projector's viewport paints from, shared with it.
    pub(super) feed: Arc<Mutex<ProjectorFeed>>,
}

impl Projector {
    /// A projector not yet placed: open (once the monitors are known) unless `open` is false.
    pub(super) fn new(open: bool) -> Self {
        Self {
            open,
            closed_by_host: false,
            fullscreen: false,
            blackout: false,
            monitor: None,
            monitors: Vec::new(),
            placed: false,
            frames_painted: 0,
            first_slide_logged: false,
            discovered: false,
            laptop: None,
            feed: Arc::default(),
        }
    }

    /// Open or close the window by the host's choice.
    pub(super) fn set_open(&mut self, open: bool) {
        self.closed_by_host = !open;
        self.open = open;
        self.placed = false;
    }
}

impl PechaApp {
    /// Read the monitors once the window exists, and put the projector where it belongs.
    pub(super) fn discover_monitors(&mut self, frame: &eframe::Frame) {
        if self.projector.discovered {
            return;
        }
        let Some(window) = frame.winit_window() else {
            return;
        };
        self.projector.discovered = true;
        log::info!(
            "window open {} ms after launch",
            self.clock.now().as_millis()
        );
        self.projector.monitors = window
            .available_monitors()
            .map(|monitor| MonitorInfo {
                name: monitor.name().unwrap_or_default(),
                size: (monitor.size().width, monitor.size().height),
                position: (monitor.position().x, monitor.position().y),
            })
            .collect();
        let laptop = window.current_monitor().and_then(|current| {
            self.projector
                .monitors
                .iter()
                .position(|monitor| Some(&monitor.name) == current.name().as_ref())
        });
        self.projector.laptop = laptop;
        let resolution = monitors::resolve(
            &self.projector.monitors,
            self.options.projector.as_ref(),
            self.settings.projector_monitor.as_deref(),
            laptop,
        );
        if let Some(notice) = resolution.notice {
            self.notify(NoticeKind::ProjectorPlacement, notice);
        }
        match resolution.placement {
            Placement::Monitor(index) => {
                self.projector.monitor = Some(index);
                self.projector.fullscreen = !self.options.windowed;
                self.slides.fit_to(self.projector.monitors[index].size);
            }
            Placement::Windowed => self.projector.fullscreen = false,
            Placement::Off => self.projector.open = false,
        }
    }

    pub(super) fn toggle_fullscreen(&mut self, ctx: &egui::Context) {
        self.projector.fullscreen = !self.projector.fullscreen;
        let command = match (self.projector.fullscreen, self.projector.monitor) {
            (true, Some(index)) => ViewportCommand::SetMonitor(index),
            (fullscreen, _) => ViewportCommand::Fullscreen(fullscreen),
        };
        ctx.send_viewport_cmd_to(projector_viewport(), command);
        if !self.projector.fullscreen
            && let Some(position) = self.windowed_projector_position(ctx)
        {
            ctx.send_viewport_cmd_to(
                projector_viewport(),
                ViewportCommand::OuterPosition(position),
            );
        }
    }

    /// Where a windowed projector goes: near the top-left of its monitor, so that leaving
    /// fullscreen never drops it onto the laptop's screen over the presenter view.
    fn windowed_projector_position(&self, ctx: &egui::Context) -> Option<egui::Pos2> {
        let monitor = self.projector.monitors.get(self.projector.monitor?)?;
        let points_per_pixel = 1.0 / ctx.pixels_per_point();
        let margin = 40;
        Some(egui::pos2(
            (monitor.position.0 + margin) as f32 * points_per_pixel,
            (monitor.position.1 + margin) as f32 * points_per_pixel,
        ))
    }

    pub(super) fn choose_monitor(&mut self, ctx: &egui::Context, index: usize) {
        self.projector.monitor = Some(index);
        self.projector.fullscreen = true;
        if let Some(monitor) = self.projector.monitors.get(index) {
            self.settings.projector_monitor = Some(monitor.name.clone());
            self.slides.fit_to(monitor.size);
        }
        if self.projector.open {
            ctx.send_viewport_cmd_to(projector_viewport(), ViewportCommand::SetMonitor(index));
        } else {
            self.projector.open = true;
        }
    }

    /// Publish what the projector shows now and from the next deadline on, and take back what
    /// happened there (close, painted slides); returns the commands its keys gave.
    pub(super) fn feed_projector(&mut self, ctx: &egui::Context, now: Duration) -> Vec<Command> {
        let (state, _, _) = self.shown_state(now);
        let (shown, upcoming) = self.projector_frames(now);
        let key_context = self.key_context(now, state);
        let (commands, closed, painted, frames) = {
            let Ok(mut feed) = self.projector.feed.lock() else {
                return Vec::new();
            };
            feed.title.clone_from(&self.deck.title);
            feed.presenter.clone_from(&self.deck.presenter);
            if let Some(hosting) = self.mode.night()
                && feed.card != hosting.card
            {
                feed.card.clone_from(&hosting.card);
                // Same kind of frame, other words: it must be painted again.
                feed.last_painted = None;
            }
            feed.shown = shown;
            feed.upcoming = upcoming;
            feed.state = Some(state);
            feed.key_context = Some(key_context);
            feed.settings.clone_from(&self.settings);
            if feed.last_painted != Some(shown) {
                ctx.request_repaint_of(projector_viewport());
            }
            (
                std::mem::take(&mut feed.commands),
                std::mem::take(&mut feed.close_requested),
                std::mem::take(&mut feed.painted),
                feed.frames,
            )
        };
        self.projector.frames_painted = frames;
        if let Some((at, _)) = upcoming {
            ctx.request_repaint_after_for(
                at.saturating_sub(self.clock.now()),
                projector_viewport(),
            );
        }
        for (painted_slide, at) in painted {
            if !self.projector.first_slide_logged {
                self.projector.first_slide_logged = true;
                log::info!(
                    "first slide on the projector {} ms after launch",
                    at.as_millis()
                );
            }
            if let Some(trace) = &mut self.trace {
                trace.painted(&self.talk, painted_slide, at);
            }
        }
        if closed {
            // Closing the projector by accident must not disturb the talk: it only hides.
            self.projector.open = false;
            self.projector.closed_by_host = true;
            self.projector.placed = false;
        }
        commands
    }

    /// Keep the projector's viewport alive (a deferred viewport must be shown every pass); it
    /// paints itself from the feed, on its own schedule.
    pub(super) fn show_projector(&mut self, ctx: &egui::Context) {
        if !self.projector.open {
            return;
        }
        let mut builder = ViewportBuilder::default()
            .with_title(format!("{} — projector", self.deck.title))
            .with_app_id("pecha-projector")
            .with_inner_size([960.0, 540.0]);
        if !self.projector.placed {
            self.projector.placed = true;
            if let Ok(mut feed) = self.projector.feed.lock() {
                feed.frames = 0;
                feed.last_painted = None;
            }
            if self.projector.fullscreen
                && let Some(index) = self.projector.monitor
            {
                ctx.send_viewport_cmd_to(projector_viewport(), ViewportCommand::SetMonitor(index));
            } else if let Some(position) = self.windowed_projector_position(ctx) {
                ctx.send_viewport_cmd_to(
                    projector_viewport(),
                    ViewportCommand::OuterPosition(position),
                );
            }
        }
        if self.projector.fullscreen
            && let Some(index) = self.projector.monitor
        {
            builder = builder.with_monitor(index);
        } else if let Some(position) = self.windowed_projector_position(ctx) {
            builder = builder.with_position(position);
        }
        let feed = Arc::clone(&self.projector.feed);
        let clock = Arc::clone(&self.clock);
        ctx.show_viewport_deferred(projector_viewport(), builder, move |ui, _class| {
            crate::ui::feed::viewport_pass(ui, &feed, &*clock);
        });
    }
}
