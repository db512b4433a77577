//! The app under `egui_kittest`, with time from a [`ManualClock`] the test moves by hand, and
//! readers of what a frame shows.
//!
//! Labels and buttons are read from the accessibility tree, by label, as a user finds them. What
//! the views paint with a `Painter` (the countdown, the slides, the projector's cards) is not in
//! that tree; it is read from the shapes of the last frame.

use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::epaint::{ClippedShape, Shape};
use egui::{Key, Rect, Role, TextureId, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::ManualClock;
use pecha::deck::Deck;
use pecha::monitors::{MonitorInfo, ProjectorRequest};
use pecha::ui::Command;

/// How long, at most, to wait for work the app does on other threads (decoding slides, reading
/// history, checking a night, writing files): generous for a debug build on a loaded machine,
/// and the test still ends. The talk's clock stays manual meanwhile.
pub const MAX_WAIT: Duration = Duration::from_mins(1);

/// The laptop screen the app is launched on.
const LAPTOP_SCREEN: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// `seconds` as a [`Duration`], for times on the manual clock.
pub fn secs(seconds: f64) -> Duration {
    Duration::from_secs_f64(seconds)
}

/// The app made by `make` (given the harness's context and the clock it must read), on the
/// laptop screen.
fn launch_app(
    clock: &ManualClock,
    make: impl FnOnce(&egui::Context, Arc<ManualClock>) -> PechaApp + 'static,
) -> Harness<'static, PechaApp> {
    let app_clock = Arc::new(clock.clone());
    Harness::builder()
        .with_size(LAPTOP_SCREEN)
        .build_eframe(move |cc| make(&cc.egui_ctx, app_clock))
}

/// The app showing `deck`, projector off, time from the returned clock.
pub fn launch(deck: Deck) -> (Harness<'static, PechaApp>, ManualClock) {
    launch_with(
        deck,
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            ..Default::default()
        },
    )
}

/// The app showing `deck` with `options` as given (the command line's flags), time from the
/// returned clock.
pub fn launch_with(
    deck: Deck,
    options: LaunchOptions,
) -> (Harness<'static, PechaApp>, ManualClock) {
    let clock = ManualClock::new();
    let harness = launch_app(&clock, move |ctx, clock| {
        PechaApp::new(ctx, None, deck, options, clock)
    });
    (harness, clock)
}

/// The app in rehearsal mode on `deck` (as `--rehearse`), history kept in `history_dir`, time from
/// the returned clock; returned once the history is read.
pub fn launch_rehearsal(
    deck: Deck,
    history_dir: &Path,
) -> (Harness<'static, PechaApp>, ManualClock) {
    let (mut harness, clock) = launch_with(
        deck,
        LaunchOptions {
            rehearse: true,
            history_dir: Some(history_dir.to_path_buf()),
            ..Default::default()
        },
    );
    wait_until(
        &mut harness,
        "the history is read",
        PechaApp::history_settled,
    );
    (harness, clock)
}

/// The host console running the night in `night_path`, projector off, its progress and log kept
/// in `data_dir`, time from `clock`. The caller keeps the clock: a night that "crashes" (its
/// harness dropped) is launched again on the same clock, as the real one goes on.
pub fn launch_night(
    night_path: &Path,
    data_dir: &Path,
    clock: &ManualClock,
) -> Harness<'static, PechaApp> {
    launch_night_with(
        night_path,
        data_dir,
        clock,
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            ..Default::default()
        },
    )
}

/// The host console running the night in `night_path` with `options` as given (the command
/// line's flags), its progress and log kept in `data_dir`, time from `clock`.
pub fn launch_night_with(
    night_path: &Path,
    data_dir: &Path,
    clock: &ManualClock,
    options: LaunchOptions,
) -> Harness<'static, PechaApp> {
    let night = pecha::night::Night::load(night_path).unwrap();
    let data_dir = data_dir.to_path_buf();
    launch_app(clock, move |ctx, clock| {
        PechaApp::new_night(
            ctx,
            None,
            night,
            LaunchOptions {
                night_dir: Some(data_dir),
                ..options
            },
            clock,
        )
    })
}

/// Monitors named `names`, 1920 x 1080 each, side by side from the left.
pub fn monitors(names: &[&str]) -> Vec<MonitorInfo> {
    names
        .iter()
        .zip(0..)
        .map(|(name, place)| MonitorInfo {
            name: (*name).to_owned(),
            size: (1920, 1080),
            position: (1920 * place, 0),
        })
        .collect()
}

/// Hand the app `listed` as the monitors the window system lists now (the app lists them itself
/// about once a second; the harness has no window system), then draw a frame.
pub fn list_monitors(harness: &mut Harness<'_, PechaApp>, listed: Vec<MonitorInfo>) {
    let ctx = harness.ctx.clone();
    harness.state_mut().monitors_listed(&ctx, listed);
    harness.step();
}

/// The projector's viewport as the last frame showed it (its builder and the commands sent to
/// it), or `None` when the frame had no projector window.
pub fn projector_output<S>(harness: &Harness<'_, S>) -> Option<egui::ViewportOutput> {
    harness
        .output()
        .viewport_output
        .get(&pecha::app::projector_viewport())
        .cloned()
}

/// Run one pass of the projector's window, as eframe runs it on its own schedule (the harness
/// runs only the presenter's), with that window at `window` (pixels, one a point) and mapped.
/// Then draw a frame of the app, as eframe does after the projector's frame: that is when a
/// frame the renderer did not time (none is, here) counts as presented. Returns whether there
/// was a projector window.
pub fn run_projector(harness: &mut Harness<'_, PechaApp>, window: egui::Rect) -> bool {
    let Some(pass) = projector_output(harness).and_then(|viewport| viewport.viewport_ui_cb) else {
        return false;
    };
    let info = egui::ViewportInfo {
        native_pixels_per_point: Some(1.0),
        inner_rect: Some(window),
        outer_rect: Some(window),
        minimized: Some(false),
        occluded: Some(false),
        ..Default::default()
    };
    let mut input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, window.size())),
        ..Default::default()
    };
    input.viewports.insert(ViewportId::ROOT, info);
    let projector = egui::Context::default();
    // Its fonts would go to a renderer; there is none.
    projector
        .run_ui(input, |ui| pass(ui))
        .textures_delta
        .clear();
    harness.step();
    true
}

/// Step (the clock standing still) until the app's background work makes `done` true; fails
/// after [`MAX_WAIT`], naming `what` it waited for.
#[track_caller]
pub fn wait_until(
    harness: &mut Harness<'_, PechaApp>,
    what: &str,
    done: impl Fn(&PechaApp) -> bool,
) {
    let waiting_since = Instant::now();
    while !done(harness.state()) {
        assert!(
            waiting_since.elapsed() < MAX_WAIT,
            "timed out waiting until {what}; labels: {:?}",
            all_labels(harness)
        );
        harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
}

/// Step (the clock standing still) until the app raises a notice containing `part`.
#[track_caller]
pub fn wait_for_notice(harness: &mut Harness<'_, PechaApp>, part: &str) {
    wait_until(harness, &format!("a notice says {part:?}"), |app| {
        notice_texts(app).iter().any(|notice| notice.contains(part))
    });
}

/// Apply `command` as if a view had returned it, then let the frames settle.
pub fn apply(harness: &mut Harness<'_, PechaApp>, command: Command) {
    let ctx = harness.ctx.clone();
    harness.state_mut().apply(&ctx, command);
    harness.run_ok();
}

/// Press and release `key`, one frame each, then let the frames settle, and return every command
/// the app sent to the root window meanwhile (to catch a `Close`).
pub fn press<S>(harness: &mut Harness<'_, S>, key: Key) -> Vec<ViewportCommand> {
    let mut commands = Vec::new();
    harness.key_down(key);
    harness.step();
    commands.extend(root_commands(harness));
    harness.key_up(key);
    harness.step();
    commands.extend(root_commands(harness));
    // Until the frames settle: a new modal is an area, which egui shows from its second frame.
    harness.run_ok();
    commands.extend(root_commands(harness));
    commands
}

/// The commands the app sent to the root window in the last frame.
pub fn root_commands<S>(harness: &Harness<'_, S>) -> Vec<ViewportCommand> {
    harness
        .output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .map(|viewport| viewport.commands.clone())
        .unwrap_or_default()
}

/// The texts of the app's notices (the messages above the view), in order. Every test reads the
/// notices through here, so a change in how the app holds them touches this one line.
pub fn notice_texts(app: &PechaApp) -> Vec<String> {
    app.notices()
        .iter()
        .map(|notice| notice.text().to_owned())
        .collect()
}

// ---- the accessibility tree ----------------------------------------------------------------------

/// Every label or value in the accessibility tree, for failure messages.
pub fn all_labels<S>(harness: &Harness<'_, S>) -> Vec<String> {
    harness
        .root()
        .children_recursive()
        .filter_map(|node| {
            let node = node.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .filter(|text| !text.trim().is_empty())
        .collect()
}

/// A widget labelled exactly `label`.
pub fn has_label<S>(harness: &Harness<'_, S>, label: &str) -> bool {
    harness.query_by_label(label).is_some()
}

/// A widget whose label contains `part`.
pub fn has_label_containing<S>(harness: &Harness<'_, S>, part: &str) -> bool {
    harness.query_all_by_label_contains(part).next().is_some()
}

/// A button whose label contains `part` (the buttons' wording and symbols may change).
pub fn has_button<S>(harness: &Harness<'_, S>, part: &str) -> bool {
    harness.query_all_by_role(Role::Button).any(|button| {
        button
            .accesskit_node()
            .label()
            .is_some_and(|label| label.contains(part))
    })
}

/// Fails, listing every label, unless a widget is labelled exactly `label`.
#[track_caller]
pub fn assert_label<S>(harness: &Harness<'_, S>, label: &str) {
    assert!(
        has_label(harness, label),
        "no widget labelled {label:?}; labels: {:?}",
        all_labels(harness)
    );
}

// ---- what was painted -----------------------------------------------------------------------------

fn flatten<'a>(shape: &'a Shape, into: &mut Vec<&'a Shape>) {
    if let Shape::Vec(shapes) = shape {
        for inner in shapes {
            flatten(inner, into);
        }
    } else {
        into.push(shape);
    }
}

/// The shapes of a frame, nested ones (`Shape::Vec`) flattened into the list.
pub fn painted_shapes(shapes: &[ClippedShape]) -> Vec<&Shape> {
    let mut flat = Vec::new();
    for clipped in shapes {
        flatten(&clipped.shape, &mut flat);
    }
    flat
}

/// Every text painted in the last frame (labels included), with its font size.
pub fn painted_texts_sized<S>(harness: &Harness<'_, S>) -> Vec<(String, f32)> {
    painted_shapes(&harness.output().shapes)
        .into_iter()
        .filter_map(|shape| match shape {
            Shape::Text(text) => {
                let size = text
                    .galley
                    .job
                    .sections
                    .first()
                    .map_or(0.0, |section| section.format.font_id.size);
                Some((text.galley.text().to_owned(), size))
            }
            _ => None,
        })
        .collect()
}

/// Every text painted in the last frame (labels included).
pub fn painted_texts<S>(harness: &Harness<'_, S>) -> Vec<String> {
    painted_texts_sized(harness)
        .into_iter()
        .map(|(text, _)| text)
        .collect()
}

/// The textured rectangles painted in the last frame (the slides), largest first.
pub fn painted_images<S>(harness: &Harness<'_, S>) -> Vec<(TextureId, Rect)> {
    let mut images: Vec<(TextureId, Rect)> = painted_shapes(&harness.output().shapes)
        .into_iter()
        .filter(|shape| shape.texture_id() != TextureId::default())
        .map(|shape| (shape.texture_id(), shape.visual_bounding_rect()))
        .collect();
    images.sort_by(|a, b| b.1.area().total_cmp(&a.1.area()));
    images
}
