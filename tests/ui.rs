//! The app and its views, driven headlessly by `egui_kittest`.
//!
//! Time comes from a [`ManualClock`] the test moves by hand: a deadline 20 s away is reached in
//! microseconds, and nothing here sleeps or reads the wall time. The only waiting is on work:
//! slides are decoded by background threads, so a test that needs a slide on screen steps the
//! harness (a bounded number of frames) until the picture is there.
//!
//! What the views paint with a `Painter` (the countdown digits, the slides, the projector's title
//! card) is not in the accessibility tree; those are read from the shapes of the last frame.
//! Labels and buttons are read from the accessibility tree, by label, as a user would find them.
//!
//! The harness panics on any glyph no font can draw, so every frame laid out here also proves
//! that the Cyrillic (and Kazakh) text on it renders.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::{
    MAX_WAIT, all_labels, apply, assert_label, has_button, has_label, has_label_containing, launch,
    launch_rehearsal, launch_with, list_monitors, monitors, notice_texts, painted_images,
    painted_shapes, painted_texts, painted_texts_sized, press, projector_output, root_commands,
    run_projector, secs, wait_for_notice, wait_until,
};
use common::fixtures::{
    copy_good_deck, copy_good_images, copy_of_good_deck, data, good_deck, good_deck_path,
};

use std::time::Duration;

use egui::epaint::Shape;
use egui::{
    Key, Rect, Role, TextureId, TextureOptions, ViewportCommand, ViewportEvent, ViewportId,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::{Clock as _, ManualClock};
use pecha::deck::Deck;
use pecha::monitors::ProjectorRequest;
use pecha::settings::Settings;
use pecha::timing::{LogEvent, TalkState};
use pecha::ui::Command;
use pecha::ui::projector::{self, ProjectorContent, ProjectorModel};
use pecha::ui::widgets::SlidePicture;

/// Text painted at least this large is the countdown's digits (everything else on the presenter
/// view is 30 pt or less; the digits are about 100 pt at 1280 x 800).
const COUNTDOWN_MIN_SIZE: f32 = 50.0;

/// The nine letters of Kazakh's Cyrillic alphabet that Russian does not have.
const KAZAKH_LETTERS: [char; 9] = ['ә', 'ғ', 'қ', 'ң', 'ө', 'ұ', 'ү', 'һ', 'і'];

/// Set the manual clock to `at` and draw a frame.
fn at_time(harness: &mut Harness<'_, PechaApp>, clock: &ManualClock, at: Duration) {
    clock.set(at);
    harness.step();
}

/// The digits of the per-slide countdown, as painted in the last frame.
fn countdown<S>(harness: &Harness<'_, S>) -> String {
    let big: Vec<String> = painted_texts_sized(harness)
        .into_iter()
        .filter(|(_, size)| *size >= COUNTDOWN_MIN_SIZE)
        .map(|(text, _)| text)
        .collect();
    assert_eq!(
        big.len(),
        1,
        "expected exactly one big painted text (the countdown), found {big:?}"
    );
    big.into_iter().next().unwrap()
}

/// Which slide a painted texture shows: `slide-N`, whether it is the full-size texture or one of
/// its smaller copies (`slide-N-0`, `slide-N-1`…).
fn slide_of_texture<S>(harness: &Harness<'_, S>, texture: TextureId) -> String {
    let name = harness
        .ctx
        .tex_manager()
        .read()
        .meta(texture)
        .map(|meta| meta.name.clone())
        .unwrap_or_default();
    let number: String = name
        .trim_start_matches("slide-")
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    format!("slide-{number}")
}

/// Step until the presenter view paints `count` slide pictures (the current and the next slide),
/// and return them, largest (the current slide) first.
fn wait_for_slide_pictures(
    harness: &mut Harness<'_, PechaApp>,
    count: usize,
) -> Vec<(TextureId, Rect)> {
    let waiting_since = std::time::Instant::now();
    while waiting_since.elapsed() < MAX_WAIT {
        let images = painted_images(harness);
        if images.len() >= count {
            return images;
        }
        harness.step();
        std::thread::yield_now();
    }
    panic!(
        "the background worker did not deliver {count} slide pictures within {:?}; painted: {:?}",
        MAX_WAIT,
        painted_images(harness)
    );
}

fn interventions(app: &PechaApp) -> usize {
    app.talk()
        .log()
        .iter()
        .filter(|entry| matches!(entry.event, LogEvent::Intervention(_)))
        .count()
}

#[test]
fn start_shows_countdown_notes_and_next_slide_then_slide_two_after_twenty_seconds() {
    let deck = good_deck();
    let notes_1 = deck.slides[0].notes.clone();
    let notes_2 = deck.slides[1].notes.clone();
    assert_eq!(notes_1, "Почему я вернулся в Шымкент");
    let (mut harness, clock) = launch(deck);

    assert_label(&harness, "READY");
    assert_label(&harness, "slide 1 / 20");
    assert_label(&harness, "6:40 left in the talk");
    assert!(has_button(&harness, "Start"), "a Start button when ready");
    assert_eq!(countdown(&harness), "20");
    // Ready already shows slide 1 large and slide 2 as the next slide.
    let ready = wait_for_slide_pictures(&mut harness, 2);
    assert_eq!(slide_of_texture(&harness, ready[0].0), "slide-1");
    assert_eq!(slide_of_texture(&harness, ready[1].0), "slide-2");

    press(&mut harness, Key::Space);
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
    assert_label(&harness, "RUNNING");
    assert!(!has_label(&harness, "READY"));
    assert!(
        !has_button(&harness, "Start"),
        "no Start button once running"
    );
    assert_eq!(countdown(&harness), "20");
    assert_label(&harness, "slide 1 / 20");
    assert_label(&harness, &notes_1);
    assert_label(&harness, "6:40 left in the talk");

    at_time(&mut harness, &clock, secs(1.0));
    assert_eq!(countdown(&harness), "19");
    assert_label(&harness, "6:39 left in the talk");
    assert_label(&harness, "slide 1 / 20");

    // A hair before the deadline it is still slide 1, with 1 s on the countdown.
    at_time(&mut harness, &clock, secs(19.999));
    assert_eq!(countdown(&harness), "1");
    assert_label(&harness, "slide 1 / 20");
    assert_label(&harness, &notes_1);

    at_time(&mut harness, &clock, secs(20.0));
    assert_label(&harness, "slide 2 / 20");
    assert_label(&harness, &notes_2);
    assert!(!has_label(&harness, &notes_1), "slide 1's notes are gone");
    assert_eq!(countdown(&harness), "20");
    assert_label(&harness, "6:20 left in the talk");
    assert_label(&harness, "RUNNING");
    // What was the next slide is now the large one, and slide 3 is next.
    let running = wait_for_slide_pictures(&mut harness, 2);
    assert_eq!(
        slide_of_texture(&harness, running[0].0),
        "slide-2",
        "the slide shown as next became the current slide"
    );
    assert_eq!(slide_of_texture(&harness, running[1].0), "slide-3");
}

/// Whether egui holds a texture for `slide` (its full-size picture), shown or not.
fn slide_texture_loaded<S>(harness: &Harness<'_, S>, slide: usize) -> bool {
    let name = format!("slide-{slide}");
    harness
        .ctx
        .tex_manager()
        .read()
        .allocated()
        .any(|(_, meta)| meta.name == name)
}

#[test]
fn the_next_slide_is_ready_before_its_deadline_and_shown_on_the_deadline_frame() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    wait_for_slide_pictures(&mut harness, 2);
    // Slide 3 is prepared while slide 1 is on: wait for it with the clock held before the
    // first deadline, as a real talk's worker has 20 s of slide 1 and 20 s of slide 2.
    at_time(&mut harness, &clock, secs(19.9));
    let waiting_since = std::time::Instant::now();
    while !slide_texture_loaded(&harness, 3) && waiting_since.elapsed() < MAX_WAIT {
        harness.step();
        std::thread::yield_now();
    }
    assert!(
        slide_texture_loaded(&harness, 3),
        "slide 3 is on the GPU before 20 s"
    );
    assert_label(&harness, "slide 1 / 20");

    // One frame at the deadline: slide 2 large, slide 3 as next, with no frame of waiting.
    at_time(&mut harness, &clock, secs(20.0));
    assert_label(&harness, "slide 2 / 20");
    let images = painted_images(&harness);
    assert_eq!(images.len(), 2, "{images:?}");
    assert_eq!(slide_of_texture(&harness, images[0].0), "slide-2");
    assert_eq!(slide_of_texture(&harness, images[1].0), "slide-3");
    // Slide 1 is released once it is over: memory stays flat over a talk.
    assert!(!slide_texture_loaded(&harness, 1));
}

#[test]
fn a_slide_that_cannot_be_decoded_shows_its_file_and_the_talk_keeps_time() {
    let dir = tempfile::tempdir().unwrap();
    copy_good_images(dir.path());
    // Slide 2 was cut off while copying to the USB stick.
    let broken = dir.path().join("02.png");
    let bytes = std::fs::read(&broken).unwrap();
    std::fs::write(&broken, &bytes[..bytes.len() / 2]).unwrap();
    let deck = Deck::load(dir.path()).unwrap();
    let (mut harness, clock) = launch(deck);
    press(&mut harness, Key::Space);
    wait_for_slide_pictures(&mut harness, 1);

    at_time(&mut harness, &clock, secs(20.0));
    let waiting_since = std::time::Instant::now();
    let placeholder_shown = |harness: &Harness<'_, PechaApp>| {
        painted_texts(harness)
            .iter()
            .any(|text| text == "cannot show this slide")
    };
    while !placeholder_shown(&harness) && waiting_since.elapsed() < MAX_WAIT {
        harness.step();
        std::thread::yield_now();
    }
    assert!(placeholder_shown(&harness), "{:?}", painted_texts(&harness));
    assert!(
        painted_texts(&harness)
            .iter()
            .any(|text| text.starts_with("02.png: ") && text.len() > "02.png: ".len()),
        "the placeholder names the file and why: {:?}",
        painted_texts(&harness)
    );
    assert_label(&harness, "slide 2 / 20");
    assert_eq!(countdown(&harness), "20");
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );

    // The failed slide keeps its 20 s, and the talk goes on to slide 3 on time.
    at_time(&mut harness, &clock, secs(39.999));
    assert_label(&harness, "slide 2 / 20");
    at_time(&mut harness, &clock, secs(40.0));
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "20");
    assert_eq!(harness.state().talk().slide_deadline(4), Some(secs(60.0)));
    let images = wait_for_slide_pictures(&mut harness, 2);
    assert_eq!(slide_of_texture(&harness, images[0].0), "slide-3");
}

#[test]
fn pause_holds_across_a_deadline_and_resume_keeps_the_remaining_time() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    // Slide 3 runs from 40 s to 60 s; pause with 15 s of it left.
    at_time(&mut harness, &clock, secs(45.0));
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "15");

    press(&mut harness, Key::P);
    assert_label(&harness, "PAUSED");
    assert!(
        has_button(&harness, "Resume"),
        "a Resume button when paused"
    );

    // A minute passes: three deadlines go by, nothing moves.
    at_time(&mut harness, &clock, secs(105.0));
    harness.step();
    assert_label(&harness, "PAUSED");
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "15");
    assert_label(&harness, "5:55 left in the talk");
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Paused);

    press(&mut harness, Key::P);
    assert_label(&harness, "RUNNING");
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "15");

    // The slide gets exactly the 15 s it had left, counted from the resume.
    at_time(&mut harness, &clock, secs(119.999));
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "1");
    at_time(&mut harness, &clock, secs(120.0));
    assert_label(&harness, "slide 4 / 20");
    assert_eq!(countdown(&harness), "20");
    assert_label(&harness, "RUNNING");
    assert_label(&harness, "5:40 left in the talk");

    let events: Vec<LogEvent> = harness
        .state()
        .talk()
        .log()
        .iter()
        .map(|entry| entry.event.clone())
        .collect();
    assert!(
        events.contains(&LogEvent::Intervention(pecha::timing::Intervention::Pause))
            && events.contains(&LogEvent::Intervention(pecha::timing::Intervention::Resume)),
        "pause and resume are logged: {events:?}"
    );
}

#[test]
fn advance_keys_do_nothing_while_running_or_paused() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(7.5));
    assert_label(&harness, "slide 1 / 20");
    assert_eq!(countdown(&harness), "13");
    let log_length = harness.state().talk().log().len();
    let interventions_before = interventions(harness.state());

    let clicker = [Key::PageDown, Key::Space, Key::PageUp, Key::F5, Key::Enter];
    for key in clicker {
        press(&mut harness, key);
        assert_label(&harness, "slide 1 / 20");
        assert_label(&harness, "RUNNING");
        assert_eq!(countdown(&harness), "13", "{key:?} touched the countdown");
        assert_eq!(
            harness.state().talk().log().len(),
            log_length,
            "{key:?} changed the talk's log"
        );
        assert_eq!(interventions(harness.state()), interventions_before);
        assert_eq!(
            harness.state().talk().slide_remaining(clock.now()),
            secs(12.5)
        );
    }

    // While paused too: a stray clicker press neither advances nor resumes.
    press(&mut harness, Key::P);
    assert_label(&harness, "PAUSED");
    let log_length = harness.state().talk().log().len();
    for key in clicker {
        press(&mut harness, key);
        assert_label(&harness, "PAUSED");
        assert_label(&harness, "slide 1 / 20");
        assert_eq!(countdown(&harness), "13", "{key:?} touched the countdown");
        assert_eq!(harness.state().talk().log().len(), log_length);
    }
}

#[test]
fn a_deck_short_of_slides_says_so_and_the_missing_slide_is_marked() {
    let nineteen = Deck::load(&data("nineteen.ron")).unwrap();
    let (mut harness, clock) = launch(nineteen);
    wait_for_notice(&mut harness, "19 slides");
    harness.run_ok();
    assert!(
        has_label_containing(
            &harness,
            "19 slides, PechaKucha needs 20: the talk is still 20 × 20 s, and slide 20 shows black"
        ),
        "{:?}",
        notice_texts(harness.state())
    );
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(18.0 * 20.0 + 1.0));
    assert_label(&harness, "slide 19 / 20");
    let texts = painted_texts(&harness);
    assert!(
        texts.iter().any(|text| text == "not in the deck"),
        "the next slide is marked: {texts:?}"
    );
    at_time(&mut harness, &clock, secs(19.0 * 20.0 + 1.0));
    assert_label(&harness, "slide 20 / 20");
    let texts = painted_texts(&harness);
    assert!(
        texts.iter().any(|text| text == "the audience sees black"),
        "{texts:?}"
    );
}

#[test]
fn a_broken_slide_is_named_with_its_problem_before_the_talk() {
    let dir = tempfile::tempdir().unwrap();
    let deck_path = copy_good_deck(dir.path());
    std::fs::write(dir.path().join("04.png"), b"").unwrap();
    let deck = Deck::load(&deck_path).unwrap();
    let (mut harness, _clock) = launch(deck);
    wait_for_notice(&mut harness, "04.png");
    harness.run_ok();
    assert!(
        has_label_containing(
            &harness,
            "slide 4 (04.png): file is empty (0 bytes); the audience will see black for it"
        ),
        "{:?}",
        notice_texts(harness.state())
    );
}

#[test]
fn esc_during_a_talk_asks_before_quitting() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(3.0));

    let commands = press(&mut harness, Key::Escape);
    assert!(
        !commands.contains(&ViewportCommand::Close),
        "Esc during a talk must not close the window: {commands:?}"
    );
    assert_label(&harness, "Quit Pecha?");
    assert_label(&harness, "Keep going");
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );

    harness.get_by_label("Keep going").click();
    harness.step();
    harness.step();
    assert!(
        !has_label(&harness, "Quit Pecha?"),
        "Keep going dismisses the question"
    );
    assert!(!root_commands(&harness).contains(&ViewportCommand::Close));
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
    assert_label(&harness, "RUNNING");

    // A clicker's Esc pressed twice: the second one dismisses the question, it does not quit.
    let mut commands = press(&mut harness, Key::Escape);
    assert_label(&harness, "Quit Pecha?");
    commands.extend(press(&mut harness, Key::Escape));
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(!has_label(&harness, "Quit Pecha?"));

    // The time kept running under the question.
    at_time(&mut harness, &clock, secs(20.0));
    assert_label(&harness, "slide 2 / 20");
}

/// The window manager's close button (or Alt+F4): one frame with a close request, then let the
/// frames settle. Returns the commands the app sent to the root window meanwhile.
fn request_window_close(harness: &mut Harness<'_, PechaApp>) -> Vec<ViewportCommand> {
    harness
        .input_mut()
        .viewports
        .get_mut(&ViewportId::ROOT)
        .unwrap()
        .events
        .push(ViewportEvent::Close);
    harness.step();
    let mut commands = root_commands(harness);
    // The question is a modal: an area, which egui shows from its second frame.
    harness.run_ok();
    commands.extend(root_commands(harness));
    commands
}

#[test]
fn closing_the_window_during_a_talk_asks_first() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(3.0));
    let commands = request_window_close(&mut harness);
    assert!(
        commands.contains(&ViewportCommand::CancelClose),
        "the close is cancelled: {commands:?}"
    );
    assert_label(&harness, "Quit Pecha?");
    assert_eq!(
        harness.state().talk().state(clock.now()),
        TalkState::Running
    );
}

#[test]
fn the_quit_question_comes_alone_over_go_to_slide() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(3.0));
    press(&mut harness, Key::G);
    harness.run_ok();
    assert_label(&harness, "Go to slide");

    request_window_close(&mut harness);
    assert_label(&harness, "Quit Pecha?");
    assert!(
        !has_label(&harness, "Go to slide"),
        "two questions at once: one Enter would answer both"
    );
    // And no Go-to box opens on top of the quit question.
    apply(&mut harness, Command::ShowGoTo(true));
    assert!(!has_label(&harness, "Go to slide"));
    assert_label(&harness, "Quit Pecha?");
}

fn turn_lead_in_on(harness: &mut Harness<'_, PechaApp>) {
    let settings = Settings {
        lead_in: true,
        ..harness.state().settings().clone()
    };
    apply(harness, Command::ChangeSettings(settings));
}

#[test]
fn lead_in_counts_three_seconds_then_slide_one_gets_its_full_time() {
    let (mut harness, clock) = launch(good_deck());
    turn_lead_in_on(&mut harness);
    clock.set(secs(10.0));
    press(&mut harness, Key::Space);
    assert_eq!(countdown(&harness), "3");
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Ready);
    at_time(&mut harness, &clock, secs(11.0));
    assert_eq!(countdown(&harness), "2");
    at_time(&mut harness, &clock, secs(12.999));
    assert_eq!(countdown(&harness), "1");
    at_time(&mut harness, &clock, secs(13.0));
    assert_label(&harness, "RUNNING");
    assert_label(&harness, "slide 1 / 20");
    assert_eq!(countdown(&harness), "20");
    at_time(&mut harness, &clock, secs(32.999));
    assert_label(&harness, "slide 1 / 20");
    at_time(&mut harness, &clock, secs(33.0));
    assert_label(&harness, "slide 2 / 20");
}

#[test]
fn esc_during_the_lead_in_asks_before_quitting() {
    let (mut harness, _clock) = launch(good_deck());
    turn_lead_in_on(&mut harness);
    press(&mut harness, Key::Space);
    assert_eq!(countdown(&harness), "3");
    let commands = press(&mut harness, Key::Escape);
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert_label(&harness, "Quit Pecha?");
}

#[test]
fn closing_the_window_during_the_lead_in_asks_first() {
    let (mut harness, _clock) = launch(good_deck());
    turn_lead_in_on(&mut harness);
    press(&mut harness, Key::Space);
    assert_eq!(countdown(&harness), "3");
    let commands = request_window_close(&mut harness);
    assert!(
        commands.contains(&ViewportCommand::CancelClose),
        "closing during the 3-2-1 lead-in must ask, as Esc does: {commands:?}"
    );
    assert_label(&harness, "Quit Pecha?");
}

#[test]
fn host_recovery_keys_restart_a_slide_and_go_to_a_slide() {
    use pecha::timing::Intervention;
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);

    // R at 45 s: slide 3 gets its 20 s again, so slide 4 comes at 65 s, not 60 s.
    at_time(&mut harness, &clock, secs(45.0));
    assert_eq!(countdown(&harness), "15");
    press(&mut harness, Key::R);
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "20");
    at_time(&mut harness, &clock, secs(64.999));
    assert_label(&harness, "slide 3 / 20");
    at_time(&mut harness, &clock, secs(65.0));
    assert_label(&harness, "slide 4 / 20");

    // G, type 7, Go: slide 7 with its full time from now.
    at_time(&mut harness, &clock, secs(70.0));
    press(&mut harness, Key::G);
    assert_label(&harness, "Go to slide");
    harness.event(egui::Event::Text("7".into()));
    harness.step();
    harness.get_by_label("Go").click();
    harness.run_ok();
    assert!(!has_label(&harness, "Go to slide"), "the box closes");
    assert_label(&harness, "slide 7 / 20");
    assert_label(&harness, "RUNNING");
    assert_eq!(countdown(&harness), "20");
    at_time(&mut harness, &clock, secs(90.0));
    assert_label(&harness, "slide 8 / 20");

    // Ctrl+N, the last resort: the next slide now.
    at_time(&mut harness, &clock, secs(95.0));
    harness.key_press_modifiers(egui::Modifiers::CTRL, Key::N);
    harness.run_ok();
    assert_label(&harness, "slide 9 / 20");
    assert_eq!(countdown(&harness), "20");

    let interventions: Vec<Intervention> = harness
        .state()
        .talk()
        .log()
        .iter()
        .filter_map(|entry| match &entry.event {
            LogEvent::Intervention(intervention) => Some(intervention.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        interventions,
        [
            Intervention::Start,
            Intervention::RestartSlide,
            Intervention::ResumeFrom { slide: 7 },
            Intervention::ManualAdvance,
        ]
    );
}

#[test]
fn go_to_box_accepts_enter() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(5.0));
    press(&mut harness, Key::G);
    harness.event(egui::Event::Text("12".into()));
    harness.step();
    press(&mut harness, Key::Enter);
    assert!(!has_label(&harness, "Go to slide"), "Enter closes the box");
    assert_label(&harness, "slide 12 / 20");
}

#[test]
fn b_and_period_black_out_the_projector_without_touching_the_time() {
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(5.0));
    let log_length = harness.state().talk().log().len();
    press(&mut harness, Key::B);
    assert!(harness.state().blackout());
    assert!(has_label_containing(&harness, "BLACKED OUT"));
    assert_eq!(countdown(&harness), "15");
    press(&mut harness, Key::Period);
    assert!(!harness.state().blackout());
    assert!(!has_label_containing(&harness, "BLACKED OUT"));
    assert_eq!(countdown(&harness), "15");
    assert_eq!(harness.state().talk().log().len(), log_length);
}

#[test]
fn closing_the_projector_during_a_talk_is_said_plainly_and_keeps_the_time() {
    // The harness starts with `--projector off`: left off on purpose, nothing to warn about.
    let (mut harness, clock) = launch(good_deck());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(5.0));
    assert!(!has_label_containing(&harness, "PROJECTOR WINDOW CLOSED"));
    let ctx = harness.ctx.clone();
    harness
        .state_mut()
        .apply(&ctx, Command::SetProjectorOpen(true));
    harness.run_ok();
    harness
        .state_mut()
        .apply(&ctx, Command::SetProjectorOpen(false));
    at_time(&mut harness, &clock, secs(6.0));
    assert!(has_label_containing(&harness, "PROJECTOR WINDOW CLOSED"));
    assert_eq!(countdown(&harness), "14");
    assert_eq!(
        harness.state().talk().state(secs(6.0)),
        pecha::timing::TalkState::Running
    );
    harness
        .state_mut()
        .apply(&ctx, Command::SetProjectorOpen(true));
    at_time(&mut harness, &clock, secs(7.0));
    assert!(!has_label_containing(&harness, "PROJECTOR WINDOW CLOSED"));
}

/// The app on a laptop (eDP-1) wired to a projector (HDMI-1), the projector asked for by name,
/// placed as the app places it when the window system first lists the monitors.
fn launch_on_desk() -> (Harness<'static, PechaApp>, ManualClock) {
    let (mut harness, clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Name("HDMI-1".into())),
            ..Default::default()
        },
    );
    // As under eframe: the projector is a window of its own (the harness would otherwise draw
    // it inside the presenter's), so each frame's output says whether it exists and where.
    harness.ctx.set_embed_viewports(false);
    list_monitors(&mut harness, monitors(&["eDP-1", "HDMI-1"]));
    harness.run_ok();
    (harness, clock)
}

/// Where the projector's window is once fullscreen on HDMI-1 (the second of [`monitors`]).
const ON_HDMI_1: Rect = Rect::from_min_max(egui::pos2(1920.0, 0.0), egui::pos2(3840.0, 1080.0));

/// Start the talk on the desk as the host does, with Space, once slide 1 is decoded, and let
/// the projector show it: the talk's clock starts then.
fn start_on_desk(harness: &mut Harness<'_, PechaApp>) {
    wait_for_slide_pictures(harness, 2);
    press(harness, Key::Space);
    assert!(run_projector(harness, ON_HDMI_1), "a projector window");
}

#[test]
fn with_a_projector_the_talk_starts_when_slide_one_is_on_its_screen() {
    let (mut harness, clock) = launch_on_desk();
    wait_for_slide_pictures(&mut harness, 2);
    at_time(&mut harness, &clock, secs(10.0));
    press(&mut harness, Key::Space);
    let talk = harness.state().talk();
    assert_eq!(
        talk.state(secs(10.0)),
        TalkState::Ready,
        "waiting for the projector"
    );
    assert!(talk.waits_for_slide_one(secs(10.0)));
    // The projector's window is not on its monitor yet (X11 maps a new window small, on the
    // laptop's screen, before it goes fullscreen): it keeps the title card, the talk waits.
    clock.set(secs(10.08));
    run_projector(
        &mut harness,
        Rect::from_min_size(egui::pos2(0.0, 515.0), egui::vec2(962.0, 565.0)),
    );
    assert_eq!(
        harness.state().talk().state(secs(10.08)),
        TalkState::Ready,
        "no audience saw that frame"
    );
    // Fullscreen on HDMI-1: its frame shows slide 1, and the talk's clock starts as it does.
    clock.set(secs(10.14));
    run_projector(&mut harness, ON_HDMI_1);
    let talk = harness.state().talk();
    assert_eq!(talk.state(secs(10.14)), TalkState::Running);
    assert_eq!(
        talk.slide_deadline(2),
        Some(secs(30.14)),
        "slide 1 gets its 20 s"
    );
    at_time(&mut harness, &clock, secs(30.139));
    assert_label(&harness, "slide 1 / 20");
    at_time(&mut harness, &clock, secs(30.14));
    assert_label(&harness, "slide 2 / 20");
}

#[test]
fn a_projector_that_never_shows_slide_one_holds_the_start_back_a_second_at_most() {
    let (mut harness, clock) = launch_on_desk();
    wait_for_slide_pictures(&mut harness, 2);
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(0.5));
    assert_label(&harness, "READY");
    at_time(&mut harness, &clock, secs(1.5));
    assert_label(&harness, "RUNNING");
    assert_eq!(
        harness.state().talk().slide_deadline(2),
        Some(secs(21.0)),
        "started when the wait was over, a second after Space"
    );
}

const GONE_BANNER: &str = "Projector monitor gone (HDMI-1)";
const GONE_DETAIL: &str = "The talk goes on; it comes back when the monitor does";

#[test]
fn the_projectors_monitor_unplugged_mid_talk_hides_its_window_says_so_and_keeps_the_time() {
    let (mut harness, clock) = launch_on_desk();
    let placed = projector_output(&harness).expect("a projector window");
    assert_eq!(placed.builder.monitor, Some(1), "fullscreen on HDMI-1");
    start_on_desk(&mut harness);
    at_time(&mut harness, &clock, secs(5.0));
    assert!(!has_label_containing(&harness, GONE_BANNER));
    let log_length = harness.state().talk().log().len();

    list_monitors(&mut harness, monitors(&["eDP-1"]));
    at_time(&mut harness, &clock, secs(6.0));
    assert_label(&harness, GONE_BANNER);
    assert_label(&harness, GONE_DETAIL);
    assert!(
        projector_output(&harness).is_none(),
        "the projector window is closed, not left for the window system to move over the presenter view"
    );
    assert_eq!(countdown(&harness), "14");
    assert_eq!(harness.state().talk().state(secs(6.0)), TalkState::Running);
    // The talk goes on without the projector: slide 2 comes at 20 s.
    at_time(&mut harness, &clock, secs(25.0));
    assert_label(&harness, "slide 2 / 20");
    assert_label(&harness, GONE_BANNER);
    assert!(projector_output(&harness).is_none());

    list_monitors(&mut harness, monitors(&["eDP-1", "HDMI-1"]));
    at_time(&mut harness, &clock, secs(26.0));
    assert!(!has_label_containing(&harness, GONE_BANNER));
    wait_for_notice(&mut harness, "Projector monitor back (HDMI-1)");
    let back = projector_output(&harness).expect("the projector window is back");
    assert_eq!(back.builder.monitor, Some(1), "fullscreen on HDMI-1 again");
    assert_eq!(countdown(&harness), "14");
    assert_label(&harness, "slide 2 / 20");
    // Nothing was done to the talk: its log has the slide shown, no intervention.
    let log = harness.state().talk().log();
    assert_eq!(log.len(), log_length + 1);
    assert_eq!(log[log_length].event, LogEvent::SlideShown { slide: 2 });
}

#[test]
fn the_projectors_monitor_back_at_another_index_gets_the_window_by_name() {
    let (mut harness, _clock) = launch_on_desk();
    list_monitors(&mut harness, monitors(&["eDP-1"]));
    harness.run_ok();
    assert_label(&harness, GONE_BANNER);
    // Back behind a second monitor plugged in meanwhile: the window goes to HDMI-1, index 2.
    list_monitors(&mut harness, monitors(&["eDP-1", "DP-2", "HDMI-1"]));
    harness.run_ok();
    assert!(!has_label_containing(&harness, GONE_BANNER));
    let back = projector_output(&harness).expect("the projector window is back");
    assert_eq!(back.builder.monitor, Some(2));
    assert!(
        notice_texts(harness.state())
            .iter()
            .any(|notice| notice.contains("DP-2") && notice.contains("Projector menu offers it")),
        "{:?}",
        notice_texts(harness.state())
    );
}

#[test]
fn a_monitor_plugged_in_is_offered_in_the_projector_menu_never_used() {
    let (mut harness, _clock) = launch_on_desk();
    list_monitors(&mut harness, monitors(&["eDP-1", "HDMI-1", "DP-2"]));
    harness.run_ok();
    wait_for_notice(&mut harness, "Monitor plugged in (2: DP-2");
    assert_eq!(
        projector_output(&harness).and_then(|viewport| viewport.builder.monitor),
        Some(1),
        "the projector stays on HDMI-1"
    );
    harness.get_by_label("Projector").click();
    harness.run_ok();
    assert!(
        has_label_containing(&harness, "DP-2 — 1920 × 1080  (new: plugged in just now)"),
        "{:?}",
        all_labels(&harness)
    );
    apply(&mut harness, Command::ChooseMonitor(2));
    assert!(
        !notice_texts(harness.state())
            .iter()
            .any(|notice| notice.contains("plugged in")),
        "chosen: no longer news"
    );
    assert_eq!(
        harness.state().settings().projector_monitor.as_deref(),
        Some("DP-2")
    );
}

#[test]
fn the_projector_closed_by_the_host_stays_closed_when_its_monitor_comes_back() {
    let (mut harness, _clock) = launch_on_desk();
    apply(&mut harness, Command::SetProjectorOpen(false));
    list_monitors(&mut harness, monitors(&["eDP-1"]));
    harness.run_ok();
    assert!(has_label_containing(&harness, "PROJECTOR WINDOW CLOSED"));
    assert!(!has_label_containing(&harness, GONE_BANNER));
    list_monitors(&mut harness, monitors(&["eDP-1", "HDMI-1"]));
    harness.run_ok();
    assert!(projector_output(&harness).is_none(), "the host closed it");
    apply(&mut harness, Command::SetProjectorOpen(true));
    let reopened = projector_output(&harness).expect("reopened");
    assert_eq!(reopened.builder.monitor, Some(1), "on its own monitor");
}

#[test]
fn a_whole_talk_runs_to_the_end_with_every_slide_and_its_notes() {
    let deck = good_deck();
    let notes: Vec<String> = deck
        .slides
        .iter()
        .map(|slide| slide.notes.clone())
        .collect();
    let (mut harness, clock) = launch(deck);
    press(&mut harness, Key::Space);
    for (index, notes) in notes.iter().enumerate() {
        let slide = index + 1;
        let start = secs(20.0 * index as f64);
        at_time(&mut harness, &clock, start);
        assert_label(&harness, &format!("slide {slide} / 20"));
        assert_eq!(countdown(&harness), "20", "slide {slide} starts with 20");
        if notes.is_empty() {
            assert_label(&harness, "(no notes for this slide)");
        } else {
            assert_label(&harness, notes);
        }
        at_time(&mut harness, &clock, start + secs(19.999));
        assert_label(&harness, &format!("slide {slide} / 20"));
        assert_eq!(countdown(&harness), "1");
    }
    at_time(&mut harness, &clock, secs(400.0));
    assert_label(&harness, "FINISHED");
    assert_label(&harness, "0:00 left in the talk");
    assert_eq!(countdown(&harness), "0");
    let shown: Vec<usize> = harness
        .state()
        .talk()
        .log()
        .iter()
        .filter_map(|entry| match entry.event {
            LogEvent::SlideShown { slide } => Some(slide),
            _ => None,
        })
        .collect();
    assert_eq!(shown, (1..=20).collect::<Vec<_>>());
    assert_eq!(
        harness
            .state()
            .talk()
            .log()
            .last()
            .map(|entry| &entry.event),
        Some(&LogEvent::Finished)
    );
    assert_eq!(interventions(harness.state()), 1, "only the start");
    // Over: Esc quits at once.
    let commands = press(&mut harness, Key::Escape);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
}

#[test]
fn esc_before_the_talk_quits_at_once() {
    // The counterpart of the test above: proves that a quit would have been seen.
    let (mut harness, _clock) = launch(good_deck());
    let commands = press(&mut harness, Key::Escape);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(!has_label(&harness, "Quit Pecha?"));
}

#[test]
fn cyrillic_and_kazakh_notes_appear_as_labels() {
    let (mut harness, clock) = launch(good_deck());
    assert_label(&harness, "Как молодые люди меняют Шымкент");
    assert_label(&harness, "— Тохтар Алимбеков");
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(20.0));
    assert_label(&harness, "Қала жастары: әрбір аулада жаңа идея");
    assert!(has_label_containing(&harness, "әрбір"));
    at_time(&mut harness, &clock, secs(40.0));
    assert_label(&harness, "Ғылым, өнер, ұлттық үйлер — һәм іскерлік");
    assert!(has_label_containing(&harness, "һәм іскерлік"));

    // A deck with every Kazakh letter, in both cases, in its title, presenter and notes.
    let lower: String = KAZAKH_LETTERS.iter().collect();
    let upper: String = lower.to_uppercase();
    let notes = format!("Әріптер: {lower} {upper}");
    let ron = format!(
        "(title: \"Қазақша {lower}\", presenter: \"Әсел Ғабитқызы {upper}\", format: PechaKucha, \
         slides: [(image: \"01.png\", notes: \"{notes}\"), (image: \"02.png\")])"
    );
    let deck = Deck::from_ron_str(&ron, &good_deck_path().with_file_name("kazakh.ron")).unwrap();
    let (mut harness, _clock) = launch(deck);
    assert_label(&harness, &format!("Қазақша {lower}"));
    assert_label(&harness, &format!("— Әсел Ғабитқызы {upper}"));
    press(&mut harness, Key::Space);
    assert_label(&harness, &notes);
    for letter in KAZAKH_LETTERS {
        let text = letter.to_string();
        assert!(
            has_label_containing(&harness, &text),
            "no label contains {letter}"
        );
    }
}

/// A slide from the stored deck, as the projector would get it.
fn slide_image(index: usize) -> egui::ColorImage {
    let path = good_deck_path().with_file_name(format!("{index:02}.png"));
    let image = pecha::slides::prepare_for_screen(&path, (1920, 1080)).unwrap();
    egui::ColorImage::from_rgba_unmultiplied(
        [image.width as usize, image.height as usize],
        image.rgba(),
    )
}

/// What a projector test shows.
#[derive(Debug, Clone, Copy)]
enum Shown {
    Black,
    Loading,
    Failed,
    NoSlide,
    Slide,
    TitleCard,
    EndCard,
}

const TITLE: &str = "Как молодые люди меняют Шымкент — әғқңөұүһі";
const PRESENTER: &str = "Тохтар Алимбеков";

/// The projector view alone, on a 4:3 projector (1024 x 768), showing `shown`.
fn projector_harness(shown: Shown, audience_progress: Option<f32>) -> Harness<'static, ()> {
    let mut texture: Option<egui::TextureHandle> = None;
    Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui(move |ui| {
            let handle = texture.get_or_insert_with(|| {
                ui.ctx()
                    .load_texture("slide-1", slide_image(1), TextureOptions::LINEAR)
            });
            let content = match shown {
                Shown::Black => ProjectorContent::Black,
                Shown::Loading => ProjectorContent::Slide(SlidePicture::Loading),
                Shown::Failed => ProjectorContent::Slide(SlidePicture::Failed("02.png")),
                Shown::NoSlide => ProjectorContent::Slide(SlidePicture::None),
                Shown::Slide => ProjectorContent::Slide(SlidePicture::Ready {
                    texture: handle.id(),
                    size: handle.size_vec2(),
                    smaller: &[],
                }),
                Shown::TitleCard => ProjectorContent::TitleCard {
                    title: TITLE,
                    presenter: PRESENTER,
                },
                Shown::EndCard => ProjectorContent::EndCard {
                    presenter: PRESENTER,
                    thanks: pecha::ui::projector::thanks(false),
                },
            };
            projector::show(
                ui,
                &ProjectorModel {
                    content,
                    audience_progress,
                },
            );
        })
}

/// No node of the projector's accessibility tree carries text or can be acted on.
#[track_caller]
fn assert_no_ui<S>(harness: &Harness<'_, S>, shown: Shown) {
    for node in harness.root().children_recursive() {
        let node = node.accesskit_node();
        let role = node.role();
        assert!(
            !egui::accessibility::is_input(role)
                && !matches!(
                    role,
                    Role::Label | Role::Heading | Role::Image | Role::Window
                ),
            "{shown:?}: the projector has a {role:?} node"
        );
        let text = node.label().or_else(|| node.value()).unwrap_or_default();
        assert!(
            text.trim().is_empty(),
            "{shown:?}: the projector has text {text:?} in a {role:?} node"
        );
    }
    assert!(harness.query_by_role(Role::Label).is_none());
    assert!(harness.query_by_role(Role::Button).is_none());
}

#[test]
fn projector_shows_no_ui_text_while_running() {
    for shown in [
        Shown::Loading,
        Shown::Slide,
        Shown::Failed,
        Shown::NoSlide,
        Shown::Black,
    ] {
        for progress in [None, Some(0.4)] {
            let harness = projector_harness(shown, progress);
            assert_no_ui(&harness, shown);
            // Not even painted text: no "…", no file name, no "cannot show this slide".
            assert_eq!(
                painted_texts(&harness),
                Vec::<String>::new(),
                "{shown:?} paints text on the projector"
            );
        }
    }
}

#[test]
fn projector_letterboxes_the_slide_on_black() {
    let harness = projector_harness(Shown::Slide, None);
    let images = painted_images(&harness);
    assert_eq!(images.len(), 1, "one picture: the slide; got {images:?}");
    let picture = images[0].1;
    let bars: Vec<Rect> = painted_shapes(&harness.output().shapes)
        .into_iter()
        .filter_map(|shape| match shape {
            Shape::Rect(rect) if rect.fill == egui::Color32::BLACK => Some(rect.rect),
            _ => None,
        })
        .collect();
    // The screen is what the slide and its bars cover together, and they cover it all.
    let screen = bars.iter().fold(picture, |screen, bar| screen.union(*bar));
    // A 16:9 slide on a 4:3 screen: full width, black bars above and below, nothing cropped.
    assert!(
        (picture.aspect_ratio() - 16.0 / 9.0).abs() < 0.01,
        "{picture:?}"
    );
    assert!(
        (picture.width() - screen.width()).abs() < 0.5,
        "{picture:?} in {screen:?}"
    );
    assert!(picture.height() < screen.height() - 100.0);
    assert!((picture.center() - screen.center()).length() < 0.5);
    assert_eq!(bars.len(), 2, "{bars:?}");
    assert!(
        bars.iter()
            .all(|bar| (bar.width() - screen.width()).abs() < 0.5)
    );
    let covered: f32 = bars.iter().map(Rect::area).sum::<f32>() + picture.area();
    assert!(
        (covered - screen.area()).abs() < screen.width(),
        "black bars and slide fill the screen: {covered} of {}",
        screen.area()
    );
    assert!(
        screen.width() > 1000.0 && screen.height() > 700.0,
        "{screen:?}"
    );
}

#[test]
fn projector_cards_paint_only_their_text_and_no_widgets() {
    let harness = projector_harness(Shown::TitleCard, None);
    assert_no_ui(&harness, Shown::TitleCard);
    let texts = painted_texts(&harness);
    assert!(texts.iter().any(|text| text == TITLE), "{texts:?}");
    assert!(texts.iter().any(|text| text == PRESENTER), "{texts:?}");
    assert_eq!(texts.len(), 2, "{texts:?}");

    let harness = projector_harness(Shown::EndCard, Some(1.0));
    assert_no_ui(&harness, Shown::EndCard);
    let texts = painted_texts(&harness);
    assert!(texts.iter().any(|text| text == PRESENTER), "{texts:?}");
    assert_eq!(texts.len(), 2, "{texts:?}");
}

#[test]
fn a_notice_is_dismissed_by_clicking_it() {
    let (mut harness, _clock) = launch(good_deck());
    harness.state_mut().set_cues(None);
    harness.run_steps(2);
    assert!(
        has_label_containing(&harness, "no sound device"),
        "{:?}",
        all_labels(&harness)
    );
    harness.get_by_label_contains("no sound device").click();
    harness.run_steps(2);
    assert!(
        !has_label_containing(&harness, "no sound device"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(notice_texts(harness.state()).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Rehearsal

/// Type `text` into the open notes editor, at the end of the notes there.
fn type_into_notes(harness: &mut Harness<'_, PechaApp>, text: &str) {
    harness.get_by_role(Role::MultilineTextInput).focus();
    harness.step();
    harness
        .get_by_role(Role::MultilineTextInput)
        .type_text(text);
    harness.run_ok();
}

/// Tap "done" (Space) at talk time `at`.
fn tap_at(harness: &mut Harness<'_, PechaApp>, clock: &ManualClock, at: f64) {
    at_time(harness, clock, secs(at));
    press(harness, Key::Space);
}

#[test]
fn a_run_without_a_single_tap_says_how_taps_work() {
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = launch_rehearsal(good_deck(), history_dir.path());
    press(&mut harness, Key::Space);
    for slide in 1..=20 {
        at_time(&mut harness, &clock, secs(f64::from(slide) * 20.0 + 0.1));
    }
    harness.run_ok();
    assert!(
        has_label_containing(&harness, "No taps in this run: tap Space"),
        "{:?}",
        all_labels(&harness)
    );
}

#[test]
fn a_full_rehearsal_records_exact_slack_and_overruns_and_keeps_them() {
    use pecha::history::{HistoryStore, deck_key};
    use pecha::rehearsal::Outcome::{Over, OverUntapped, Slack};
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = launch_rehearsal(good_deck(), history_dir.path());
    assert!(
        notice_texts(harness.state()).is_empty(),
        "no history yet is no problem: {:?}",
        notice_texts(harness.state())
    );
    assert_label(&harness, "REHEARSAL");
    // The projector stays off: a rehearsal needs one screen.
    assert!(!harness.state().talk().log().iter().any(|_| true));

    press(&mut harness, Key::Space);
    assert_label(&harness, "RUNNING");
    // Slide 1: done with 3.5 s to spare (a nervous second tap changes nothing).
    tap_at(&mut harness, &clock, 16.5);
    assert_label(&harness, "slide 1: done, 3.5 s to spare");
    tap_at(&mut harness, &clock, 17.0);
    // Slide 2 runs over; the late tap 1.2 s into slide 3 says by how much.
    at_time(&mut harness, &clock, secs(40.5));
    assert_label(&harness, "slide 2 ran over: tap now to say by how much");
    tap_at(&mut harness, &clock, 41.2);
    assert_label(&harness, "slide 2: over by 1.2 s");
    tap_at(&mut harness, &clock, 55.0);
    // Slide 4 untapped; the tap 15 s into slide 5 is slide 5's own.
    tap_at(&mut harness, &clock, 95.0);
    // Pausing changes nothing about what a tap means: slide 6, paused with 7 s left for a minute.
    at_time(&mut harness, &clock, secs(113.0));
    press(&mut harness, Key::P);
    at_time(&mut harness, &clock, secs(173.0));
    tap_at(&mut harness, &clock, 173.0);
    press(&mut harness, Key::P);
    // Slides 7 to 19: each done 2 s before its end (the talk is 60 s behind the clock now).
    for slide in 7..=19 {
        tap_at(&mut harness, &clock, 60.0 + f64::from(slide) * 20.0 - 2.0);
    }
    // Slide 20 runs over the end of the talk; tapped 2.5 s after the finish.
    at_time(&mut harness, &clock, secs(460.0));
    assert_label(&harness, "FINISHED");
    tap_at(&mut harness, &clock, 462.5);
    assert_label(&harness, "slide 20: over by 2.5 s");

    let mut expected = vec![
        Slack(3500),
        Over(1200),
        Slack(5000),
        OverUntapped,
        Slack(5000),
    ];
    expected.push(Slack(7000));
    expected.extend(std::iter::repeat_n(Slack(2000), 13));
    expected.push(Over(2500));
    let expected: Vec<_> = expected.into_iter().map(Some).collect();
    assert_eq!(harness.state().run_outcomes().unwrap(), expected.as_slice());

    // The report opens by itself, with the summary and where to cut.
    assert!(
        has_label_containing(&harness, "Run 1: 3 slides over (2, 4, 20)"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(
        &harness,
        "Cut words from slide 2 (over in 1 of 1)"
    ));
    assert!(!has_label_containing(&harness, "No taps in this run"));

    // The run, with its late tap, is in the history file.
    let key = deck_key(harness.state().deck(), pecha::timing::Timing::PECHA_KUCHA).unwrap();
    let store = HistoryStore::new(history_dir.path().to_path_buf());
    wait_until(&mut harness, "the history file holds the late tap", |_| {
        store
            .read(&key)
            .ok()
            .flatten()
            .is_some_and(|history| history.runs.last().map(|run| &run.outcomes) == Some(&expected))
    });

    // F5 runs again, from now (462.5 s); the second run is compared with the first.
    press(&mut harness, Key::F5);
    assert_label(&harness, "RUNNING");
    assert_eq!(harness.state().rehearsal_runs().len(), 1);
    for slide in 1..=20 {
        tap_at(&mut harness, &clock, 462.5 + f64::from(slide) * 20.0 - 4.0);
    }
    at_time(&mut harness, &clock, secs(862.5));
    assert!(
        has_label_containing(&harness, "Run 2: no slide over · 80.0 s to spare in all"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(
        &harness,
        "Trend over the last 2 runs, oldest first: slides over 3, 0"
    ));
    assert_eq!(harness.state().rehearsal_runs().len(), 2);
}

#[test]
fn practising_one_slide_loops_its_time_with_a_gap_and_records_each_try() {
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = launch_rehearsal(good_deck(), history_dir.path());
    press(&mut harness, Key::Space);
    // On slide 3 with 15 s left, practise it: the talk pauses.
    at_time(&mut harness, &clock, secs(45.0));
    press(&mut harness, Key::L);
    assert_eq!(harness.state().talk().state(clock.now()), TalkState::Paused);
    assert_label(&harness, "slide 3 · try 1");
    assert_eq!(countdown(&harness), "20");
    // Try 1: done with 2 s left.
    assert_label(&harness, "PRACTISING ONE SLIDE");
    tap_at(&mut harness, &clock, 63.0);
    assert_label(&harness, "#1 2.0 s left");
    // The gap: 3 s before try 2.
    at_time(&mut harness, &clock, secs(66.0));
    assert_label(&harness, "next try in 2");
    // Try 2 (68 s to 88 s) untapped; try 3 starts at 91 s.
    at_time(&mut harness, &clock, secs(95.0));
    assert_label(&harness, "slide 3 · try 3");
    assert_eq!(countdown(&harness), "16");
    assert_label(&harness, "#2 over (no tap)");
    assert_label(&harness, "#1 2.0 s left");
    // L again: back to the paused talk, exactly where it was.
    press(&mut harness, Key::L);
    assert_label(&harness, "PAUSED");
    assert_label(&harness, "slide 3 / 20");
    assert_eq!(countdown(&harness), "15");
    // A loop records nothing in the run.
    assert!(harness.state().run_outcomes().unwrap()[2].is_none());
}

#[test]
fn notes_edited_during_rehearsal_are_saved_to_the_deck_file_with_a_backup() {
    let (dir, deck_path) = copy_of_good_deck();
    let original = std::fs::read_to_string(&deck_path).unwrap();
    let (mut harness, clock) = launch_rehearsal(Deck::load(&deck_path).unwrap(), dir.path());
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(25.0));
    press(&mut harness, Key::E);
    assert_label(&harness, "Notes of slide 2");
    type_into_notes(&mut harness, " Қосымша сөз.");
    // Typing is text, not taps: the space did not record slide 2 as done.
    assert!(harness.state().run_outcomes().unwrap()[1].is_none());
    harness
        .get_by_label("Save and close  (Ctrl+S or Esc)")
        .click();
    harness.run_ok();
    wait_until(&mut harness, "the deck is saved", |app| {
        !app.notes_unsaved()
    });
    let saved = Deck::load(&deck_path).unwrap();
    assert!(
        saved.slides[1].notes.ends_with(" Қосымша сөз."),
        "{}",
        saved.slides[1].notes
    );
    // Everything else is as it was: the same slides, the other notes, title and presenter.
    let before = good_deck();
    assert_eq!(saved.title, before.title);
    assert_eq!(saved.presenter, before.presenter);
    for (index, (after, before)) in saved.slides.iter().zip(&before.slides).enumerate() {
        assert_eq!(after.image.file_name(), before.image.file_name());
        if index != 1 {
            assert_eq!(after.notes, before.notes);
        }
    }
    let backup = std::fs::read_to_string(dir.path().join("deck.ron.bak")).unwrap();
    assert_eq!(backup, original);
    // The talk kept its time throughout.
    assert_label(&harness, "slide 2 / 20");
}

#[test]
fn esc_in_the_notes_editor_closes_it_with_the_notes_kept_and_does_not_quit() {
    let (dir, deck_path) = copy_of_good_deck();
    let (mut harness, _clock) = launch_rehearsal(Deck::load(&deck_path).unwrap(), dir.path());
    // Before the talk starts, Esc alone would quit at once: in the editor it must not.
    press(&mut harness, Key::E);
    type_into_notes(&mut harness, " Соңғы сөз.");
    let commands = press(&mut harness, Key::Escape);
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(!has_label(&harness, "Quit Pecha?"));
    assert!(!has_label_containing(&harness, "Notes of slide 1"));
    wait_until(&mut harness, "the deck is saved", |app| {
        !app.notes_unsaved()
    });
    let saved = Deck::load(&deck_path).unwrap();
    assert!(
        saved.slides[0].notes.ends_with(" Соңғы сөз."),
        "{}",
        saved.slides[0].notes
    );
}

#[test]
fn the_first_notes_save_of_a_folder_deck_says_the_folder_now_has_its_deck_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_good_images(dir.path());
    let (mut harness, _clock) = launch_rehearsal(Deck::load(dir.path()).unwrap(), dir.path());
    press(&mut harness, Key::E);
    type_into_notes(&mut harness, "Сәлем");
    press(&mut harness, Key::Escape);
    wait_until(&mut harness, "the notes are saved", |app| {
        !app.notes_unsaved()
    });
    harness.run_ok();
    assert!(dir.path().join("deck.ron").is_file());
    assert!(
        has_label_containing(&harness, "beside the images: the folder opens with them"),
        "{:?}",
        notice_texts(harness.state())
    );
}

#[test]
fn a_failed_notes_save_says_so_and_leaves_the_deck_file_intact() {
    let (dir, deck_path) = copy_of_good_deck();
    let original = std::fs::read_to_string(&deck_path).unwrap();
    // The temporary file the save writes first cannot be created: a folder is in its place.
    std::fs::create_dir(pecha::save::temporary_path(&deck_path)).unwrap();
    let (mut harness, _clock) = launch_rehearsal(Deck::load(&deck_path).unwrap(), dir.path());
    press(&mut harness, Key::E);
    type_into_notes(&mut harness, "новая заметка");
    harness
        .get_by_label("Save and close  (Ctrl+S or Esc)")
        .click();
    harness.run_ok();
    wait_for_notice(&mut harness, "cannot save");
    let notice = notice_texts(harness.state())
        .into_iter()
        .find(|notice| notice.contains("cannot save"))
        .unwrap();
    assert!(notice.contains("deck.ron"), "{notice}");
    assert!(has_label_containing(&harness, "cannot save"));
    assert!(harness.state().notes_unsaved());
    assert_eq!(std::fs::read_to_string(&deck_path).unwrap(), original);
    // The edit is not lost: it is in the deck Pecha holds, ready to be saved again.
    assert!(
        harness.state().deck().slides[0]
            .notes
            .ends_with("новая заметка")
    );
    // Quitting now would lose the notes: Pecha asks first.
    let commands = press(&mut harness, Key::Escape);
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(has_label_containing(&harness, "Edited notes are not saved"));
    harness.get_by_label("Keep going").click();
    harness.run_ok();
    // Once the disk is fine again, Ctrl+S saves what was kept.
    std::fs::remove_dir(pecha::save::temporary_path(&deck_path)).unwrap();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::S);
    harness.run_ok();
    wait_until(&mut harness, "the retried save lands", |app| {
        !app.notes_unsaved()
    });
    let saved = Deck::load(&deck_path).unwrap();
    assert!(saved.slides[0].notes.ends_with("новая заметка"));
    // The failure is over, and so is its notice.
    harness.run_ok();
    assert!(
        !has_label_containing(&harness, "cannot save"),
        "{:?}",
        notice_texts(harness.state())
    );
    // Nothing left to lose: Esc quits at once.
    let commands = press(&mut harness, Key::Escape);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
}

#[test]
fn a_damaged_history_is_moved_aside_with_a_visible_warning() {
    use pecha::history::deck_key;
    let history_dir = tempfile::tempdir().unwrap();
    let key = deck_key(&good_deck(), pecha::timing::Timing::PECHA_KUCHA).unwrap();
    let damaged = history_dir.path().join(format!("{key}.ron"));
    std::fs::write(&damaged, "(version: 1, runs: [(finished_at: ").unwrap();
    let (harness, _clock) = launch_rehearsal(good_deck(), history_dir.path());
    assert!(
        has_label_containing(&harness, "is damaged"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(&harness, "a new history started"));
    assert!(!damaged.exists());
    let aside: Vec<_> = std::fs::read_dir(history_dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".unusable-"))
        .collect();
    assert_eq!(aside.len(), 1, "{aside:?}");
    assert_eq!(
        std::fs::read_to_string(history_dir.path().join(&aside[0])).unwrap(),
        "(version: 1, runs: [(finished_at: "
    );
}

#[test]
fn esc_closes_an_open_menu_without_quitting() {
    let (mut harness, _clock) = launch(good_deck());
    harness.get_by_label("Rehearse").click();
    harness.run_ok();
    assert!(has_label_containing(&harness, "Rehearsal mode"));
    let commands = press(&mut harness, Key::Escape);
    assert!(
        !commands.contains(&ViewportCommand::Close),
        "Esc in a menu closes the menu, not Pecha: {commands:?}"
    );
    assert!(!has_label_containing(&harness, "Rehearsal mode"));
    // With the menu closed, Esc quits as before (no talk under way).
    let commands = press(&mut harness, Key::Escape);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
}

#[test]
fn rehearsal_mode_can_be_switched_on_in_the_app() {
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            projector: Some(ProjectorRequest::Off),
            history_dir: Some(history_dir.path().to_path_buf()),
            ..Default::default()
        },
    );
    assert!(!has_label(&harness, "REHEARSAL"));
    harness.get_by_label("Rehearse").click();
    harness.run_ok();
    harness
        .get_by_label("Rehearsal mode: tap Space when done with a slide")
        .click();
    harness.run_ok();
    assert_label(&harness, "REHEARSAL");
    assert!(harness.state().run_outcomes().is_some());
    wait_until(
        &mut harness,
        "the history is read",
        PechaApp::history_settled,
    );
    assert!(
        notice_texts(harness.state()).is_empty(),
        "{:?}",
        notice_texts(harness.state())
    );
}

#[test]
fn muting_a_rehearsal_leaves_the_shows_sound_alone() {
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, _clock) = launch_rehearsal(good_deck(), history_dir.path());
    press(&mut harness, Key::M);
    assert!(!harness.state().settings().rehearsal_sound);
    assert!(harness.state().settings().sound, "the show's cues stay on");
    // The View menu's switch is the rehearsal's too.
    harness.get_by_label("View & sound").click();
    harness.run_ok();
    harness
        .get_by_label("Cue sounds while rehearsing (click, ticks, gong)  M")
        .click();
    harness.run_ok();
    assert!(harness.state().settings().rehearsal_sound);
    assert!(harness.state().settings().sound);
}

#[test]
fn the_audience_inset_shows_black_for_a_slide_the_projector_cannot_show() {
    // The projector paints a slide that failed to decode as black; the console's "Audience sees"
    // must show the same, not the presenter view's red placeholder.
    let model = ProjectorModel {
        content: ProjectorContent::Slide(SlidePicture::Failed("07.jpg")),
        audience_progress: None,
    };
    let mut harness = Harness::builder()
        .with_size(egui::vec2(400.0, 300.0))
        .build_ui(move |ui| pecha::ui::rehearsal::inset(ui, &model, 320.0));
    harness.run_ok();
    let texts = painted_texts(&harness);
    assert!(
        !texts
            .iter()
            .any(|text| text.contains("07.jpg") || text.contains("cannot show")),
        "{texts:?}"
    );
}

#[test]
fn a_run_whose_history_cannot_be_saved_is_never_called_recorded_and_is_saved_once_it_can_be() {
    let folder = tempfile::tempdir().unwrap();
    // The history's folder is not there yet: a fresh history, ready.
    let history_dir = folder.path().join("history");
    let (mut harness, clock) = launch_rehearsal(good_deck(), &history_dir);
    // Now a file stands where the folder must go: every save fails (even for root).
    std::fs::write(&history_dir, "in the way").unwrap();
    press(&mut harness, Key::Space);
    at_time(&mut harness, &clock, secs(401.0));
    wait_for_notice(&mut harness, "saving again every 10 s");
    harness.run_ok();
    assert!(
        !has_label_containing(&harness, "recorded"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(&harness, "these runs are not saved"));
    assert!(!has_label_containing(&harness, "kept in"));
    // Quitting would lose the run: it asks first.
    let commands = press(&mut harness, Key::Escape);
    assert!(!commands.contains(&ViewportCommand::Close), "{commands:?}");
    assert!(has_label_containing(
        &harness,
        "A rehearsal run is not saved"
    ));
    harness.get_by_label("Keep going").click();
    harness.run_ok();
    // Room again: the next try, 10 s on, writes it, and the notice goes.
    std::fs::remove_file(&history_dir).unwrap();
    at_time(&mut harness, &clock, secs(412.0));
    wait_until(&mut harness, "the history saved", |app| {
        !notice_texts(app)
            .iter()
            .any(|notice| notice.contains("saving again"))
    });
    let saved: Vec<_> = std::fs::read_dir(&history_dir).unwrap().flatten().collect();
    assert_eq!(saved.len(), 1, "{saved:?}");
    assert!(has_label_containing(&harness, "kept in"));
    let commands = press(&mut harness, Key::Escape);
    assert!(commands.contains(&ViewportCommand::Close), "{commands:?}");
}
