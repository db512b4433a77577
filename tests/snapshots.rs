//! Image snapshots of the views whose look matters: the presenter view in each state and the
//! projector with slides of every shape and its cards.
//!
//! The views are drawn directly from hand-built models (no app, no clock, a fixed wall clock), so
//! every frame is the same on every run. Slides are small pictures generated here: four coloured
//! quadrants inside a white frame with a white circle in the middle, so cropping (a missing frame
//! edge) or stretching (an oval circle) shows at a glance.
//!
//! Rendered with wgpu; on a machine without a GPU Mesa's lavapipe does it (package
//! mesa-vulkan-drivers). References live in `tests/snapshots/*.png`; after an intended change,
//! regenerate them with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`, look at every changed
//! picture, and commit them. The harness panics on any glyph no font can draw, and the pictures
//! show it too, so the Cyrillic snapshots prove that Russian and Kazakh text renders.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::secs;

use std::time::Duration;

use egui::{Color32, ColorImage, TextureHandle, TextureOptions, vec2};
use egui_kittest::Harness;
use pecha::i18n::Language;
use pecha::monitors::MonitorInfo;
use pecha::rehearsal::Outcome;
use pecha::settings::Settings;
use pecha::timing::TalkState;
use pecha::tr;
use pecha::ui::host::{HostModel, HostStage, Row, RowStatus};
use pecha::ui::presenter::{self, PresenterModel, ProjectorStatus};
use pecha::ui::projector::{self, ProjectorContent, ProjectorModel};
use pecha::ui::rehearsal::{RehearsalModel, ReportModel};
use pecha::ui::widgets::SlidePicture;

/// A laptop screen.
const PRESENTER_SIZE: (f32, f32) = (1280.0, 800.0);
/// The smallest laptop screen the layout must hold at.
const HD_SIZE: (f32, f32) = (1280.0, 720.0);
/// The projector window's default size (16:9).
const PROJECTOR_SIZE: (f32, f32) = (960.0, 540.0);

/// The nine letters Kazakh adds to the Russian alphabet, both cases.
const KAZAKH_LETTERS: &str = "Әә Ғғ Ққ Ңң Өө Ұұ Үү Һһ Іі";

/// The shapes of slide a deck brings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SlideShape {
    /// 400 x 300, as older slide exports.
    FourThree,
    /// 480 x 270, as today's exports.
    Wide,
    /// 300 x 400, a phone photo.
    Portrait,
}

/// What a scene shows in a slide frame.
#[derive(Debug, Clone, Copy)]
enum Picture {
    Slide(SlideShape),
    Loading,
    Failed(&'static str),
    Nothing,
}

/// A test picture: four quadrants, a white frame along the edges and a white circle.
fn test_card(width: usize, height: usize, quadrants: [Color32; 4]) -> ColorImage {
    let frame = (width.min(height) / 25).max(2);
    let centre = (width as f32 / 2.0, height as f32 / 2.0);
    let radius = width.min(height) as f32 * 0.3;
    let ring = frame as f32 * 0.75;
    let mut pixels = Vec::with_capacity(width * height);
    for y in 0..height {
        for x in 0..width {
            let on_frame = x < frame || y < frame || x >= width - frame || y >= height - frame;
            let distance = (x as f32 + 0.5 - centre.0).hypot(y as f32 + 0.5 - centre.1);
            let on_ring = (distance - radius).abs() < ring;
            let quadrant = usize::from(x >= width / 2) + 2 * usize::from(y >= height / 2);
            pixels.push(if on_frame || on_ring {
                Color32::WHITE
            } else {
                quadrants[quadrant]
            });
        }
    }
    ColorImage::new([width, height], pixels)
}

/// The slides, uploaded once into the harness's context.
struct Slides {
    four_three: TextureHandle,
    wide: TextureHandle,
    portrait: TextureHandle,
}

impl Slides {
    fn new(ctx: &egui::Context) -> Self {
        // Each slide's quadrants, top left to bottom right, as RGB.
        let upload = |name: &str, (width, height), quadrants: [[u8; 3]; 4]| {
            let quadrants = quadrants.map(|[r, g, b]| Color32::from_rgb(r, g, b));
            let image = test_card(width, height, quadrants);
            ctx.load_texture(name, image, TextureOptions::LINEAR)
        };
        Self {
            four_three: upload(
                "four-three",
                (400, 300),
                [
                    [0xd9, 0x48, 0x3b],
                    [0x3b, 0x7d, 0xd9],
                    [0x4c, 0xaf, 0x50],
                    [0xf2, 0xc0, 0x3c],
                ],
            ),
            wide: upload(
                "wide",
                (480, 270),
                [
                    [0x1f, 0x9e, 0x98],
                    [0x8e, 0x44, 0xad],
                    [0xe6, 0x7e, 0x22],
                    [0x34, 0x49, 0x5e],
                ],
            ),
            portrait: upload(
                "portrait",
                (300, 400),
                [
                    [0xc0, 0x39, 0x2b],
                    [0x27, 0xae, 0x60],
                    [0x29, 0x80, 0xb9],
                    [0xf3, 0x9c, 0x12],
                ],
            ),
        }
    }

    fn picture(&self, picture: Picture) -> SlidePicture<'static> {
        let ready = |texture: &TextureHandle| SlidePicture::Ready {
            texture: texture.id(),
            size: texture.size_vec2(),
            smaller: &[],
        };
        match picture {
            Picture::Slide(SlideShape::FourThree) => ready(&self.four_three),
            Picture::Slide(SlideShape::Wide) => ready(&self.wide),
            Picture::Slide(SlideShape::Portrait) => ready(&self.portrait),
            Picture::Loading => SlidePicture::Loading,
            Picture::Failed(file) => SlidePicture::Failed(file),
            Picture::Nothing => SlidePicture::None,
        }
    }
}

/// One presenter view to draw.
#[derive(Debug, Clone)]
struct PresenterScene {
    title: String,
    presenter: String,
    notes: String,
    state: TalkState,
    slide: usize,
    slide_remaining: Duration,
    talk_remaining: Duration,
    current: Picture,
    next: Picture,
    settings: Settings,
    blackout: bool,
    notices: Vec<String>,
    /// Rehearsal runs to report (oldest first); `None` for a show.
    report: Option<Vec<Vec<Option<Outcome>>>>,
    /// The language every word of the view is in.
    language: Language,
    /// The window's size.
    size: (f32, f32),
    /// A night's console around the talk (its card up).
    console: bool,
}

impl PresenterScene {
    /// A PechaKucha talk in English, armed on its title card.
    fn ready() -> Self {
        Self {
            title: "Bridges of Lisbon".to_owned(),
            presenter: "Maria Santos".to_owned(),
            notes: "Good evening! I walked every bridge of this city in one year.".to_owned(),
            state: TalkState::Ready,
            slide: 1,
            slide_remaining: secs(20.0),
            talk_remaining: secs(400.0),
            current: Picture::Slide(SlideShape::FourThree),
            next: Picture::Slide(SlideShape::Wide),
            settings: Settings::default(),
            blackout: false,
            notices: Vec::new(),
            report: None,
            language: Language::En,
            size: PRESENTER_SIZE,
            console: false,
        }
    }

    /// The same talk running on slide 7 with `left` seconds of the slide to go.
    fn on_slide_seven_with(left: f64) -> Self {
        Self {
            state: TalkState::Running,
            slide: 7,
            slide_remaining: secs(left),
            talk_remaining: secs(13.0 * 20.0 + left),
            current: Picture::Slide(SlideShape::Portrait),
            next: Picture::Slide(SlideShape::FourThree),
            notes: "The Ponte 25 de Abril: painted the same red as the Golden Gate, \
                    by the same company. Next: the Vasco da Gama, 17 km over the river."
                .to_owned(),
            ..Self::ready()
        }
    }

    /// The same talk at its end: the last slide shown, no time left.
    fn finished() -> Self {
        Self {
            state: TalkState::Finished,
            slide: 20,
            slide_remaining: Duration::ZERO,
            talk_remaining: Duration::ZERO,
            current: Picture::Slide(SlideShape::Wide),
            next: Picture::Nothing,
            ..Self::ready()
        }
    }
}

fn monitors() -> Vec<MonitorInfo> {
    vec![
        MonitorInfo {
            name: "eDP-1".into(),
            size: (1280, 800),
            position: (0, 0),
        },
        MonitorInfo {
            name: "HDMI-1".into(),
            size: (1920, 1080),
            position: (1280, 0),
        },
    ]
}

/// A view drawn as eframe draws an app: straight into the window's root `Ui`, with no margin
/// around it (kittest's `build_ui` would add one).
struct View(Box<dyn FnMut(&mut egui::Ui)>);

impl eframe::App for View {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        (self.0)(ui);
    }
}

/// Draw `draw` in a window of `size` and compare it with the reference `name`.
fn snapshot_view(
    name: &str,
    size: (f32, f32),
    theme: egui::Theme,
    mut draw: impl FnMut(&mut egui::Ui, &Slides) + 'static,
) -> Harness<'static, View> {
    let mut harness = Harness::builder()
        .with_size(vec2(size.0, size.1))
        .with_theme(theme)
        .with_render_cursor(false)
        .build_eframe(|cc| {
            let slides = Slides::new(&cc.egui_ctx);
            View(Box::new(move |ui| draw(ui, &slides)))
        });
    harness.run();
    harness.snapshot(name);
    harness
}

/// Draw the presenter view of `scene` and compare it with the reference `name`.
fn presenter_snapshot(name: &str, scene: PresenterScene, theme: egui::Theme) {
    let monitors = monitors();
    snapshot_view(name, scene.size, theme, move |ui, slides| {
        // The harness draws on this thread: its words are in the scene's language.
        pecha::i18n::set_language(scene.language);
        let model = PresenterModel {
            title: &scene.title,
            presenter: &scene.presenter,
            format_label: pecha::deck::Format::PechaKucha.label(),
            standard_format: true,
            state: scene.state,
            slide: scene.slide,
            slide_count: 20,
            slide_remaining: scene.slide_remaining,
            slide_length: secs(20.0),
            talk_remaining: scene.talk_remaining,
            current: slides.picture(scene.current),
            next: slides.picture(scene.next),
            notes: &scene.notes,
            lead_in: None,
            wall_clock: "20:15".to_owned(),
            settings: &scene.settings,
            projector: ProjectorStatus {
                open: true,
                closed_by_host: false,
                fullscreen: true,
                blackout: scene.blackout,
                monitors: &monitors,
                monitor: Some(1),
                laptop: Some(0),
                monitor_gone: None,
                plugged: &[],
            },
            notices: scene.notices.iter().map(String::as_str).collect(),
            go_to_open: false,
            quit_question: false,
            talk_resume: None,
            notes_save_failed: false,
            host: scene.console.then(console_of_a_night),
            phones: None,
            rehearsal: scene.report.clone().map(|runs| RehearsalModel {
                tap_message: None,
                awaiting_late_tap: None,
                loop_status: None,
                runs_recorded: runs.len(),
                runs_unsaved: 0,
                strip_marks: runs
                    .last()
                    .map(|run| {
                        run.iter()
                            .map(|outcome| outcome.map(Outcome::is_over))
                            .collect()
                    })
                    .unwrap_or_default(),
                report: Some(ReportModel {
                    run_number: runs.len(),
                    runs,
                    slide_count: 20,
                    slide_seconds: 20.0,
                    unsaved: false,
                    history_file: Some("~/.local/share/pecha/history/5f0c….ron".to_owned()),
                }),
                pacing: String::new(),
                notes_edit: None,
                notes_unsaved: false,
                inset: None,
            }),
            language_chosen: None,
            system_language: Language::En,
        };
        // The app clears the window to this colour; the harness clears to transparent.
        let background = presenter::background(ui.visuals());
        ui.painter().rect_filled(ui.max_rect(), 0.0, background);
        let commands = presenter::show(ui, &model);
        assert!(commands.is_empty(), "nobody clicked: {commands:?}");
    });
}

/// The console of a night whose second talk's card is up: one talk given, a break, a talk whose
/// deck has a problem, one ready; every word in the thread's language.
fn console_of_a_night() -> HostModel<'static> {
    let talk = |item: usize, name: &'static str, detail: &str, status| Row {
        item,
        position: item,
        is_break: false,
        name: name.into(),
        detail: detail.to_owned(),
        status,
        problem: None,
    };
    HostModel {
        night_title: "PechaKucha Night Шымкент · Vol. 3",
        rows: vec![
            talk(
                0,
                "Әйгерім Құрманғалиқызы",
                "Шымкент: қала жастардың қолында",
                RowStatus::Done,
            ),
            talk(
                1,
                "Данияр Сейітқали",
                "Арықтар: суды қалаға қайтару",
                RowStatus::Next,
            ),
            Row {
                item: 2,
                position: 2,
                is_break: true,
                name: tr!("row-break").into(),
                detail: tr!("row-break-detail", minutes = 15),
                status: RowStatus::Ready,
                problem: None,
            },
            Row {
                problem: Some(tr!(
                    "check-slide-count",
                    slides = 19,
                    format = "PechaKucha",
                    needed = 20
                )),
                ..talk(3, "Меруерт Оспанова", "Домбыра метрода", RowStatus::Problem)
            },
            talk(
                4,
                "Тохтар Әлімбеков",
                "Ескі қаланың есігі",
                RowStatus::Ready,
            ),
        ],
        stage: HostStage::TalkCard,
        primary: Some(tr!("start-talk", place = 2, presenter = "Данияр Сейітқали")),
        waiting_for: None,
        left_in_night: secs(3.0 * 400.0 + 900.0),
        expected_end: "21:40".to_owned(),
        talks_done: (1, 4),
        break_view: None,
        audience: ProjectorModel {
            content: ProjectorContent::NightCard(night_card_text()),
            audience_progress: None,
        },
        walking: None,
        resume_offer: None,
        log_command: "pecha log night.ron",
        skip_question: None,
    }
}

/// Draw the projector showing `content` and compare it with the reference `name`.
fn projector_snapshot(
    name: &str,
    content: impl Fn(&Slides) -> ProjectorContent<'static> + 'static,
    audience_progress: Option<f32>,
) -> Harness<'static, View> {
    snapshot_view(
        name,
        PROJECTOR_SIZE,
        egui::Theme::Dark,
        move |ui, slides| {
            let model = ProjectorModel {
                content: content(slides),
                audience_progress,
            };
            // As the app draws its projector viewport: a black panel filling the window.
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(Color32::BLACK))
                .show(ui, |ui| projector::show(ui, &model));
        },
    )
}

/// Left, right, top, bottom in pixels; right and bottom exclusive.
type Edges = (u32, u32, u32, u32);

/// The picture fills exactly `left..right` x `top..bottom` (in pixels) of the rendered window:
/// black beyond it, and the test picture's white frame just inside each edge, so nothing of the
/// slide was cropped.
fn assert_letterboxed(harness: &mut Harness<'static, View>, (left, right, top, bottom): Edges) {
    let image = harness.render().unwrap();
    let colour = |x: u32, y: u32| {
        let [r, g, b, _] = image.get_pixel(x, y).0;
        (r, g, b)
    };
    let (middle_x, middle_y) = (u32::midpoint(left, right), u32::midpoint(top, bottom));
    let inside = [
        (left + 2, middle_y),
        (right - 3, middle_y),
        (middle_x, top + 2),
        (middle_x, bottom - 3),
    ];
    for (x, y) in inside {
        assert_eq!(
            colour(x, y),
            (255, 255, 255),
            "frame of the slide at {x},{y}"
        );
    }
    let mut outside = Vec::new();
    if left > 0 {
        outside.push((left - 2, middle_y));
    }
    if right < image.width() {
        outside.push((right + 1, middle_y));
    }
    if top > 0 {
        outside.push((middle_x, top - 2));
    }
    if bottom < image.height() {
        outside.push((middle_x, bottom + 1));
    }
    for (x, y) in outside {
        assert_eq!(colour(x, y), (0, 0, 0), "letterbox at {x},{y}");
    }
}

#[test]
fn presenter_ready() {
    presenter_snapshot(
        "presenter_ready",
        PresenterScene::ready(),
        egui::Theme::Dark,
    );
}

#[test]
fn presenter_running_last_five_seconds() {
    // Slide 7 with 3.4 s left: the countdown shows 4, in amber.
    let scene = PresenterScene::on_slide_seven_with(3.4);
    presenter_snapshot("presenter_running_last_5s", scene, egui::Theme::Dark);
}

#[test]
fn presenter_running_last_two_seconds() {
    // Slide 7 with 1.5 s left: the countdown shows 2, in red.
    let scene = PresenterScene::on_slide_seven_with(1.5);
    presenter_snapshot("presenter_running_last_2s", scene, egui::Theme::Dark);
}

#[test]
fn presenter_running_light_theme() {
    // Bright rooms: the light theme, mid-slide, a slide still loading as the next one.
    let scene = PresenterScene {
        state: TalkState::Running,
        slide: 12,
        slide_remaining: secs(11.2),
        talk_remaining: secs(8.0 * 20.0 + 11.2),
        current: Picture::Slide(SlideShape::Wide),
        next: Picture::Loading,
        notes: "Half way: the old iron bridges of the eastern line.".to_owned(),
        settings: Settings {
            light_theme: true,
            ..Settings::default()
        },
        ..PresenterScene::ready()
    };
    presenter_snapshot("presenter_running_light", scene, egui::Theme::Light);
}

#[test]
fn presenter_paused_and_blacked_out() {
    // The host's trouble view: paused, projector blacked out, a broken next slide.
    // No notice yet: the status bar prefixes notices with ⚠ (U+26A0), a glyph egui's default
    // fonts do not have, and the harness refuses to lay it out.
    let scene = PresenterScene {
        state: TalkState::Paused,
        slide: 9,
        slide_remaining: secs(12.6),
        talk_remaining: secs(11.0 * 20.0 + 12.6),
        current: Picture::Slide(SlideShape::FourThree),
        next: Picture::Failed("10-ponte-salazar.jpg"),
        notes: String::new(),
        blackout: true,
        ..PresenterScene::ready()
    };
    presenter_snapshot("presenter_paused_blackout", scene, egui::Theme::Dark);
}

#[test]
fn presenter_finished() {
    let scene = PresenterScene {
        notes: "Thank you! Questions at the bar.".to_owned(),
        ..PresenterScene::finished()
    };
    presenter_snapshot("presenter_finished", scene, egui::Theme::Dark);
}

/// Three rehearsal runs of a talk that gets better: the report after the third.
fn three_runs() -> Vec<Vec<Option<Outcome>>> {
    let run = |seed: u64, over: &[usize]| -> Vec<Option<Outcome>> {
        (1..=20)
            .map(|slide: usize| {
                let ms = (slide as u64 * 7 + seed * 13) % 40 * 100 + 200;
                Some(if over.contains(&slide) {
                    if slide.is_multiple_of(2) {
                        Outcome::OverUntapped
                    } else {
                        Outcome::Over(ms / 2)
                    }
                } else {
                    Outcome::Slack(ms)
                })
            })
            .collect()
    };
    vec![
        run(1, &[4, 9, 11, 16]),
        run(2, &[4, 11, 16]),
        run(3, &[11, 16]),
    ]
}

#[test]
fn presenter_rehearsal_report_after_three_runs() {
    let scene = PresenterScene {
        report: Some(three_runs()),
        ..PresenterScene::finished()
    };
    presenter_snapshot("presenter_rehearsal_report", scene, egui::Theme::Dark);
}

#[test]
fn presenter_kazakh_and_russian_text() {
    let title = format!("Қазақ әліпбиі: {KAZAKH_LETTERS}");
    let presenter = format!("Әйгерім Жаңабекқызы ({KAZAKH_LETTERS})");
    let notes = format!(
        "{KAZAKH_LETTERS}\n\
         Ғылым, өнер, ұлттық үйлер — һәм іскерлік. \
         Съешь же ещё этих мягких французских булок, да выпей чаю."
    );
    let scene = PresenterScene {
        title,
        presenter,
        notes,
        state: TalkState::Running,
        slide: 3,
        slide_remaining: secs(14.5),
        talk_remaining: secs(17.0 * 20.0 + 14.5),
        current: Picture::Slide(SlideShape::FourThree),
        next: Picture::Slide(SlideShape::Portrait),
        ..PresenterScene::ready()
    };
    presenter_snapshot("presenter_kazakh_cyrillic", scene, egui::Theme::Dark);
}

/// The presenter view of a talk in Kazakh (running, slide 3), at the laptop's size and at
/// 1280 x 720: every word in Kazakh, none clipped.
fn kazakh_talk(size: (f32, f32)) -> PresenterScene {
    PresenterScene {
        title: "Шымкент: қала жастардың қолында".to_owned(),
        presenter: "Әйгерім Құрманғалиқызы".to_owned(),
        notes: "Қала жастары: әрбір аулада жаңа идея. Ғылым, өнер, ұлттық үйлер — һәм іскерлік."
            .to_owned(),
        state: TalkState::Running,
        slide: 3,
        slide_remaining: secs(14.5),
        talk_remaining: secs(17.0 * 20.0 + 14.5),
        current: Picture::Slide(SlideShape::Wide),
        next: Picture::Slide(SlideShape::FourThree),
        language: Language::Kk,
        size,
        ..PresenterScene::ready()
    }
}

#[test]
fn presenter_in_kazakh() {
    presenter_snapshot(
        "presenter_kk",
        kazakh_talk(PRESENTER_SIZE),
        egui::Theme::Dark,
    );
}

#[test]
fn presenter_in_kazakh_at_720p() {
    presenter_snapshot("presenter_kk_720", kazakh_talk(HD_SIZE), egui::Theme::Dark);
}

/// The console of [`console_of_a_night`] around the Kazakh talk, in Kazakh.
fn kazakh_console(size: (f32, f32)) -> PresenterScene {
    PresenterScene {
        console: true,
        state: TalkState::Ready,
        ..kazakh_talk(size)
    }
}

#[test]
fn host_console_in_kazakh() {
    presenter_snapshot(
        "host_console_kk",
        kazakh_console(PRESENTER_SIZE),
        egui::Theme::Dark,
    );
}

#[test]
fn host_console_in_kazakh_at_720p() {
    presenter_snapshot(
        "host_console_kk_720",
        kazakh_console(HD_SIZE),
        egui::Theme::Dark,
    );
}

/// The rehearsal report after three runs, in Russian.
fn russian_report(size: (f32, f32)) -> PresenterScene {
    PresenterScene {
        title: "Как молодые люди меняют Шымкент".to_owned(),
        presenter: "Тохтар Алимбеков".to_owned(),
        report: Some(three_runs()),
        language: Language::Ru,
        size,
        ..PresenterScene::finished()
    }
}

#[test]
fn rehearsal_report_in_russian() {
    presenter_snapshot(
        "rehearsal_report_ru",
        russian_report(PRESENTER_SIZE),
        egui::Theme::Dark,
    );
}

#[test]
fn rehearsal_report_in_russian_at_720p() {
    presenter_snapshot(
        "rehearsal_report_ru_720",
        russian_report(HD_SIZE),
        egui::Theme::Dark,
    );
}

#[test]
fn projector_four_three_slide() {
    // 720 x 540 in the middle of 960 x 540: black bars of 120 px left and right.
    let mut harness = projector_snapshot(
        "projector_4x3",
        |slides| ProjectorContent::Slide(slides.picture(Picture::Slide(SlideShape::FourThree))),
        None,
    );
    assert_letterboxed(&mut harness, (120, 840, 0, 540));
}

#[test]
fn projector_portrait_slide() {
    // 405 x 540 in the middle: black bars of 277.5 px left and right.
    let mut harness = projector_snapshot(
        "projector_portrait",
        |slides| ProjectorContent::Slide(slides.picture(Picture::Slide(SlideShape::Portrait))),
        None,
    );
    assert_letterboxed(&mut harness, (278, 682, 0, 540));
}

#[test]
fn projector_wide_slide_with_audience_bar() {
    // 16:9 fills the 16:9 window exactly; the optional audience bar at 35 %.
    let mut harness = projector_snapshot(
        "projector_16x9_audience_bar",
        |slides| ProjectorContent::Slide(slides.picture(Picture::Slide(SlideShape::Wide))),
        Some(0.35),
    );
    // The bar covers the left 35 % of the bottom edge; the frame is checked in the middle.
    assert_letterboxed(&mut harness, (0, 960, 0, 540));
}

#[test]
fn projector_title_card() {
    // Together title and presenter hold all nine Kazakh letters.
    projector_snapshot(
        "projector_title_card",
        |_| ProjectorContent::TitleCard {
            title: "Ғылым, өнер, ұлттық үйлер — һәм іскерлік",
            presenter: "Әйгерім Жаңабекқызы",
        },
        None,
    );
}

#[test]
fn projector_end_card() {
    projector_snapshot(
        "projector_end_card",
        |_| ProjectorContent::EndCard {
            presenter: "Әйгерім Жаңабекқызы",
            thanks: projector::thanks(false),
        },
        None,
    );
}

/// A night's card, with long Kazakh and Russian lines that must wrap inside the screen.
fn night_card_text() -> &'static pecha::ui::projector::NightCardText {
    Box::leak(Box::new(pecha::ui::projector::NightCardText {
        night_title: "PechaKucha Night Шымкент · Vol. 3".into(),
        kicker: "Келесі · Далее · Next".into(),
        headline: "Әйгерім Жаңабекқызы".into(),
        title: "«Ғылым, өнер, ұлттық үйлер — һәм іскерлік»".into(),
        detail: "урбанист, вернулась в Шымкент из Алматы, чтобы строить дворы вместе с соседями"
            .into(),
    }))
}

#[test]
fn projector_night_card() {
    projector_snapshot(
        "projector_night_card",
        |_| ProjectorContent::NightCard(night_card_text()),
        None,
    );
}

#[test]
fn projector_break_card() {
    let text = Box::leak(Box::new(pecha::ui::projector::NightCardText {
        kicker: String::new(),
        headline: "Үзіліс · Перерыв".into(),
        title: String::new(),
        detail: "Жалғасы · Продолжим · Back at 20:45".into(),
        ..night_card_text().clone()
    }));
    projector_snapshot(
        "projector_break_card",
        |_| ProjectorContent::BreakCard {
            text,
            seconds_left: 14 * 60 + 5,
        },
        None,
    );
}
