//! The projector window: which monitor it is on, fullscreen or windowed, blacked out, and the
//! feed it paints from.
//!
//! The projector is a deferred egui viewport with its own schedule (see [`crate::ui::feed`]): each
//! pass of the app publishes what it shows now and from the next deadline on, and takes back what
//! happened there (keys, its close button, the slides it painted).
//!
//! Monitors: listed first when the presenter window exists (the projector is placed by
//! [`monitors::resolve`] and remembered by monitor name), then again at most once a second while
//! the app is awake anyway (each second during a talk), at once when the projector's window was
//! moved or resized by the window system (what happens when its monitor goes), and each second
//! while the projector waits for its monitor to come back. winit keeps the list cached and
//! refreshes it on the window system's own change events (on X11 only once `super::x11` lets it
//! hear them), so a listing is a copy of a few names, not a round trip to the display server:
//! 40-90 µs in a debug build on the stage. [`monitors::MonitorWatch`] says what each new listing
//! means; [`PechaApp::monitors_listed`] does it.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use egui::{ViewportBuilder, ViewportCommand, ViewportId};

use super::PechaApp;
use crate::monitors::{self, MonitorInfo, MonitorWatch, Placement, ProjectorWants, Step, Tell};
use crate::timing::TalkState;
use crate::ui::Command;
use crate::ui::feed::{ProjectorFeed, WindowTarget};

use super::notices::{MonitorNotice, NoticeKind};

/// How often, at most, the monitors are listed again (a little under a second, so that the
/// presenter view's once-a-second frames during a talk each get one).
const MONITOR_READ_EVERY: Duration = Duration::from_millis(950);

/// The projector window's viewport id.
#[must_use]
pub fn projector_viewport() -> ViewportId {
    ViewportId::from_hash_of("pecha-projector")
}

/// The projector window's state.
pub(super) struct Projector {
    /// The host wants the window (it may still be hidden while its monitor is gone: see
    /// [`Projector::showing`]).
    pub(super) open: bool,
    /// Closed during this run (its close button or the menu), not left off on purpose from the
    /// command line or for a rehearsal: the presenter view says so until it is back.
    pub(super) closed_by_host: bool,
    pub(super) fullscreen: bool,
    pub(super) blackout: bool,
    /// The projector's monitor, by name (fullscreen there, or a window on it); `None` for a
    /// window with no monitor of its own.
    pub(super) monitor: Option<String>,
    /// The monitors as last listed, and what their comings and goings mean.
    pub(super) watch: MonitorWatch,
    pub(super) placed: bool,
    pub(super) first_slide_logged: bool,
    /// The window system says when a window becomes visible (see [`WindowTarget`]).
    pub(super) visibility_reported: bool,
    pub(super) discovered: bool,
    /// When (app clock) the monitors may be listed again.
    pub(super) next_monitor_read: Duration,
    /// The projector's window was moved or resized by the window system: list the monitors at
    /// the next pass, whatever the time since the last listing.
    pub(super) read_monitors_now: bool,
    /// The monitor the presenter window opened on, by name, once known.
    pub(super) laptop: Option<String>,
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
            watch: MonitorWatch::default(),
            placed: false,
            first_slide_logged: false,
            visibility_reported: false,
            discovered: false,
            next_monitor_read: Duration::ZERO,
            read_monitors_now: false,
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

    /// The window is on a screen: the host wants it and its monitor is there.
    pub(super) fn showing(&self) -> bool {
        self.open && self.watch.gone().is_none()
    }

    /// The index of the projector's monitor in the current listing.
    pub(super) fn monitor_index(&self) -> Option<usize> {
        self.watch.index_of(self.monitor.as_deref()?)
    }

    /// The index of the presenter's monitor in the current listing.
    pub(super) fn laptop_index(&self) -> Option<usize> {
        self.watch.index_of(self.laptop.as_deref()?)
    }

    /// What the projector is set to, for the watch.
    fn wants(&self) -> ProjectorWants {
        match (&self.monitor, self.open || self.closed_by_host) {
            (Some(name), _) => ProjectorWants::Monitor(name.clone()),
            (None, true) => ProjectorWants::Windowed,
            (None, false) => ProjectorWants::Off,
        }
    }
}

/// The monitors winit lists now.
fn list_monitors(window: &winit::window::Window) -> Vec<MonitorInfo> {
    window
        .available_monitors()
        .map(|monitor| MonitorInfo {
            name: monitor.name().unwrap_or_default(),
            size: (monitor.size().width, monitor.size().height),
            position: (monitor.position().x, monitor.position().y),
        })
        .collect()
}

impl PechaApp {
    /// List the monitors once the window exists, and again while the app runs (see the module
    /// docs for when), and act on what changed.
    pub(super) fn watch_monitors(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let Some(window) = frame.winit_window() else {
            return;
        };
        let now = self.clock.now();
        if self.projector.discovered
            && now < self.projector.next_monitor_read
            && !self.projector.read_monitors_now
        {
            return;
        }
        self.projector.next_monitor_read = now + MONITOR_READ_EVERY;
        self.projector.read_monitors_now = false;
        let listed = list_monitors(window);
        log::trace!(
            "monitors listed in {} µs",
            self.clock.now().saturating_sub(now).as_micros()
        );
        let laptop = if self.projector.discovered {
            None
        } else {
            log::info!("window open {} ms after launch", now.as_millis());
            #[cfg(target_os = "linux")]
            {
                if super::x11::hear_monitor_changes(window) {
                    log::debug!("X11: winit hears RandR's monitor changes");
                }
                self.projector.visibility_reported = super::x11::reports_visibility(window);
            }
            window.current_monitor().and_then(|current| current.name())
        };
        self.monitors_listed_with(ctx, listed, laptop);
    }

    /// Take `listed` as the monitors the window system lists now, as the app does itself about
    /// once a second: the first listing places the projector, later ones move, hide or bring
    /// back its window and tell the host. For tests and tools, which have no window system.
    pub fn monitors_listed(&mut self, ctx: &egui::Context, listed: Vec<MonitorInfo>) {
        self.monitors_listed_with(ctx, listed, None);
    }

    fn monitors_listed_with(
        &mut self,
        ctx: &egui::Context,
        listed: Vec<MonitorInfo>,
        laptop: Option<String>,
    ) {
        if !self.projector.discovered {
            self.projector.discovered = true;
            self.projector.laptop = laptop;
            self.place_projector(listed);
            return;
        }
        let wants = self.projector.wants();
        let Some(update) = self.projector.watch.update(listed, &wants) else {
            return;
        };
        log::info!(
            "monitors now: {}",
            self.projector
                .watch
                .listed()
                .iter()
                .enumerate()
                .map(|(index, monitor)| monitor.label(index))
                .collect::<Vec<_>>()
                .join(", ")
        );
        match update.step {
            Step::Stay => {}
            Step::Hide { gone } => {
                // Not shown in a pass, the deferred viewport's window is closed: it can neither
                // be moved onto the laptop's screen nor cover the presenter view.
                log::warn!("projector monitor {gone} gone: projector window hidden");
                self.projector.placed = false;
            }
            Step::Return { index } => {
                let monitor = &self.projector.watch.listed()[index];
                log::info!(
                    "projector monitor {} back: projector window returns",
                    monitor.name
                );
                self.slides.fit_to(monitor.size);
                self.projector.placed = false;
                ctx.request_repaint();
            }
        }
        for tell in update.tell {
            self.tell_monitors(tell);
        }
    }

    /// Put the projector where the first listing and the command line say.
    fn place_projector(&mut self, listed: Vec<MonitorInfo>) {
        let laptop = self
            .projector
            .laptop
            .as_deref()
            .and_then(|name| listed.iter().position(|monitor| monitor.name == name));
        let resolution = monitors::resolve(
            &listed,
            self.options.projector.as_ref(),
            self.settings.projector_monitor.as_deref(),
            laptop,
        );
        if resolution.notice.is_some() {
            // Worded in every language: the decision is pure, and the same in each.
            let text = crate::i18n::Words::of(|| {
                monitors::resolve(
                    &listed,
                    self.options.projector.as_ref(),
                    self.settings.projector_monitor.as_deref(),
                    laptop,
                )
                .notice
                .unwrap_or_default()
            });
            self.notify(NoticeKind::ProjectorPlacement, text);
        }
        match resolution.placement {
            Placement::Monitor(index) => {
                self.projector.monitor = Some(listed[index].name.clone());
                self.projector.fullscreen = !self.options.windowed;
                self.slides.fit_to(listed[index].size);
            }
            Placement::Windowed => self.projector.fullscreen = false,
            Placement::Off => self.projector.open = false,
        }
        self.projector.watch = MonitorWatch::new(listed);
    }

    /// Tell the host what a listing changed (the projector's monitor gone is the banner's, from
    /// the projector's status, not a notice).
    fn tell_monitors(&mut self, tell: Tell) {
        match tell {
            Tell::ProjectorGone { .. } => {
                self.notices
                    .clear(|kind| kind == NoticeKind::Monitors(MonitorNotice::ProjectorBack));
            }
            Tell::ProjectorBack { name } => self.notify(
                NoticeKind::Monitors(MonitorNotice::ProjectorBack),
                crate::i18n::Words::of(|| {
                    crate::tr!("notice-projector-back", monitor = name.as_str())
                }),
            ),
            Tell::Plugged { .. } => self.tell_plugged(),
            Tell::Unplugged { name } => {
                // A monitor plugged in lately may be the one that went: the notice follows.
                self.retell_plugged();
                let text = crate::i18n::Words::of(|| {
                    crate::tr!(
                        "notice-unplugged",
                        monitor = name.as_str(),
                        staying = self.where_the_projector_stays()
                    )
                });
                self.notify(NoticeKind::Monitors(MonitorNotice::Unplugged), text);
            }
        }
    }

    /// Where the projector is meanwhile, for the notices.
    fn where_the_projector_stays(&self) -> String {
        match (
            self.projector.monitor.as_deref(),
            self.projector.watch.gone(),
        ) {
            (_, Some(gone)) => crate::tr!("projector-waits-for", monitor = gone),
            (Some(name), None) => crate::tr!("projector-stays-on", monitor = name),
            (None, None) => crate::tr!("projector-stays-windowed"),
        }
    }

    /// The notice of the monitors plugged in lately brought up to date, if it is showing.
    fn retell_plugged(&mut self) {
        let kind = NoticeKind::Monitors(MonitorNotice::Plugged);
        if self
            .notices
            .as_slice()
            .iter()
            .any(|notice| notice.kind() == kind)
        {
            self.tell_plugged();
        }
    }

    /// The notice of the monitors plugged in lately and not chosen (none: no notice).
    fn tell_plugged(&mut self) {
        let listed = self.projector.watch.listed();
        let plugged: Vec<String> = (0..listed.len())
            .filter(|&index| self.projector.watch.is_plugged_in_lately(index))
            .map(|index| listed[index].label(index))
            .collect();
        let kind = NoticeKind::Monitors(MonitorNotice::Plugged);
        if plugged.is_empty() {
            self.notices.clear(|shown| shown == kind);
        } else {
            let text = crate::i18n::Words::of(|| {
                crate::tr!(
                    "notice-plugged",
                    count = plugged.len(),
                    monitors = plugged.join(", "),
                    staying = self.where_the_projector_stays()
                )
            });
            self.notify(kind, text);
        }
    }

    pub(super) fn toggle_fullscreen(&mut self, ctx: &egui::Context) {
        self.projector.fullscreen = !self.projector.fullscreen;
        let command = match (self.projector.fullscreen, self.projector.monitor_index()) {
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
        let monitor = self
            .projector
            .watch
            .listed()
            .get(self.projector.monitor_index()?)?;
        let points_per_pixel = 1.0 / ctx.pixels_per_point();
        let margin = 40;
        Some(egui::pos2(
            (monitor.position.0 + margin) as f32 * points_per_pixel,
            (monitor.position.1 + margin) as f32 * points_per_pixel,
        ))
    }

    pub(super) fn choose_monitor(&mut self, ctx: &egui::Context, index: usize) {
        let Some(monitor) = self.projector.watch.listed().get(index).cloned() else {
            return;
        };
        let was_showing = self.projector.showing();
        self.projector.watch.chosen(&monitor.name);
        self.projector.monitor = Some(monitor.name.clone());
        self.retell_plugged();
        self.projector.fullscreen = true;
        self.settings.projector_monitor = Some(monitor.name);
        self.slides.fit_to(monitor.size);
        if !self.projector.open {
            self.projector.open = true;
        } else if was_showing {
            ctx.send_viewport_cmd_to(projector_viewport(), ViewportCommand::SetMonitor(index));
        } else {
            // Hidden while its monitor was gone: it opens anew on the chosen one.
            self.projector.placed = false;
        }
    }

    /// Publish what the projector shows now and from the next deadline on, and take back what
    /// happened there (close, painted slides); returns the commands its keys gave.
    pub(super) fn feed_projector(&mut self, ctx: &egui::Context, now: Duration) -> Vec<Command> {
        let (state, _, _) = self.shown_state(now);
        let (shown, upcoming) = self.projector_frames(now);
        let key_context = self.key_context(now, state);
        let target = self.window_target();
        // A talk waiting for slide 1 on the screen: slide 1 goes to the projector, for its first
        // frame on the screen, once it is decoded (or known not to decode: black).
        let start_with = (self.talk.waits_for_slide_one(now) && self.slides.is_settled(1))
            .then(|| self.projector_frame(TalkState::Running, 1));
        let (commands, closed, window_changed) = {
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
            feed.target = target;
            match start_with {
                Some(first) if feed.start_with.is_none() => {
                    feed.start_with = Some(first);
                    ctx.request_repaint_of(projector_viewport());
                    log::info!(
                        "slide 1 handed to the projector {} ms after launch",
                        now.as_millis()
                    );
                }
                Some(_) => {}
                // Started (or the start stopped waiting): the frames follow the talk again.
                None => feed.start_with = None,
            }
            if feed.last_painted != Some(shown) {
                ctx.request_repaint_of(projector_viewport());
            }
            (
                std::mem::take(&mut feed.commands),
                std::mem::take(&mut feed.close_requested),
                std::mem::take(&mut feed.window_changed),
            )
        };
        if window_changed {
            // Its monitor may have gone (the window system moves such a window onto another):
            // list the monitors in the next pass, now.
            self.projector.read_monitors_now = true;
            ctx.request_repaint();
        }
        if let Some((at, _)) = upcoming {
            ctx.request_repaint_after_for(
                at.saturating_sub(self.clock.now()),
                projector_viewport(),
            );
        }
        if closed {
            // Closing the projector by accident must not disturb the talk: it only hides.
            self.projector.open = false;
            self.projector.closed_by_host = true;
            self.projector.placed = false;
        }
        commands
    }

    /// Where the projector's window must be for the audience to see its frames: fullscreen on
    /// its monitor (that monitor's rectangle, in pixels), or anywhere when windowed.
    fn window_target(&self) -> WindowTarget {
        let monitor = self
            .projector
            .monitor_index()
            .filter(|_| self.projector.fullscreen)
            .and_then(|index| self.projector.watch.listed().get(index))
            .map(|monitor| {
                egui::Rect::from_min_size(
                    egui::pos2(monitor.position.0 as f32, monitor.position.1 as f32),
                    egui::vec2(monitor.size.0 as f32, monitor.size.1 as f32),
                )
            });
        WindowTarget {
            monitor,
            visibility_reported: self.projector.visibility_reported,
        }
    }

    /// Keep the projector's viewport alive (a deferred viewport must be shown every pass); it
    /// paints itself from the feed, on its own schedule.
    pub(super) fn show_projector(&mut self, ctx: &egui::Context) {
        if !self.projector.showing() {
            return;
        }
        let mut builder = ViewportBuilder::default()
            .with_title(crate::tr!(
                "projector-window-title",
                title = self.deck.title.as_str()
            ))
            .with_app_id("pecha-projector")
            .with_inner_size([960.0, 540.0]);
        if !self.projector.placed {
            self.projector.placed = true;
            if let Ok(mut feed) = self.projector.feed.lock() {
                feed.frames = 0;
                feed.last_painted = None;
                feed.window_rect = None;
            }
            if self.projector.fullscreen
                && let Some(index) = self.projector.monitor_index()
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
            && let Some(index) = self.projector.monitor_index()
        {
            builder = builder.with_monitor(index);
        } else if let Some(position) = self.windowed_projector_position(ctx) {
            builder = builder.with_position(position);
        }
        let feed = Arc::clone(&self.projector.feed);
        let clock = Arc::clone(&self.clock);
        ctx.show_viewport_deferred(projector_viewport(), builder, move |ui, _class| {
            crate::ui::feed::viewport_pass(ui, &feed, &clock);
        });
    }
}
