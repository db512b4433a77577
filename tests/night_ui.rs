//! A host running a whole night in the app, driven headlessly by `egui_kittest`.
//!
//! Time comes from a [`ManualClock`]: a 6:40 talk ends in one step. The only waiting is on work
//! the app does on other threads (a deck loading as its card goes up, the night's check, the
//! progress file written), bounded so a test always ends.
//!
//! What the projector shows is read two ways: the frame the app hands the projector window
//! ([`PechaApp::audience_frame`] and the card's words), and the console's "Audience sees" view,
//! which paints the same card with the projector's own code.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::{
    MAX_WAIT, all_labels, apply, launch_night, launch_night_with, list_monitors, monitors,
    notice_texts, painted_texts, press, projector_output, wait_until,
};
use common::fixtures::{copy_good_deck, good_deck_path};

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::ManualClock;
use pecha::monitors::ProjectorRequest;
use pecha::night::log::{Event, NightLog};
use pecha::night::progress::{ItemState, ProgressStore, Stage};
use pecha::timing::TalkState;
use pecha::ui::feed::FrameKind;
use pecha::ui::{Command, NightCommand};
use tempfile::TempDir;

/// A talk lasts 20 x 20 s.
const TALK: Duration = Duration::from_secs(400);

/// A night file in a temporary folder: Әйгерім, Данияр, a one-minute break with music that is
/// not there, Меруерт. `second_deck` replaces Данияр's deck (to make it missing).
fn night_file(dir: &Path, second_deck: Option<&str>) -> PathBuf {
    let good = good_deck_path().display().to_string();
    let second = second_deck.map_or_else(|| good.clone(), str::to_owned);
    let text = format!(
        r#"(
    title: "Тестовая ночь",
    running_order: [
        Talk(deck: "{good}", presenter: "Әйгерім", bio: "урбанист", title: "Арықтар"),
        Talk(deck: "{second}", presenter: "Данияр"),
        Break(minutes: 1, message: "Үзіліс", music: ["no-such-music.ogg"]),
        Talk(deck: "{good}", presenter: "Меруерт", bio: "домбристка"),
    ],
)"#
    );
    let path = dir.join("night.ron");
    std::fs::write(&path, text).unwrap();
    path
}

/// A temporary folder holding the night of [`night_file`] (with `second_deck`) and, in `data/`, its
/// progress and log: returns the folder (the files last as long as it does), the night file and
/// the data folder.
fn night_in_temp_dir(second_deck: Option<&str>) -> (TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let night_path = night_file(dir.path(), second_deck);
    let data = dir.path().join("data");
    (dir, night_path, data)
}

struct Night {
    harness: Harness<'static, PechaApp>,
    clock: ManualClock,
}

impl Night {
    /// The host console on `night_path`, its progress and log in `data_dir`, time from `clock`.
    fn launch(night_path: &Path, data_dir: &Path, clock: ManualClock) -> Self {
        let harness = launch_night(night_path, data_dir, &clock);
        Self { harness, clock }
    }

    fn app(&self) -> &PechaApp {
        self.harness.state()
    }

    /// Step (the clock standing still) until the app's background work makes `done` true.
    #[track_caller]
    fn wait_until(&mut self, what: &str, done: impl Fn(&PechaApp) -> bool) {
        wait_until(&mut self.harness, what, done);
        self.harness.run_ok();
    }

    fn stage(&self) -> Stage {
        self.app().night_progress().unwrap().stage
    }

    /// Wait until talk `item`'s card is up with its deck loaded, ready to start.
    #[track_caller]
    fn wait_for_armed_card(&mut self, item: usize) {
        self.wait_until(&format!("the card of item {item} is armed"), |app| {
            app.night_progress().unwrap().stage == Stage::Card { item }
                && app.night_card_armed()
                && app.deck().slides.len() == 20
                && app.audience_frame() == FrameKind::NightCard
                && app
                    .night_card()
                    .is_some_and(|card| !card.headline.is_empty())
        });
    }

    fn advance(&mut self, by: Duration) {
        self.clock.advance(by);
        self.harness.step();
        self.harness.step();
    }

    fn press(&mut self, key: Key) {
        press(&mut self.harness, key);
    }

    fn apply(&mut self, command: Command) {
        apply(&mut self.harness, command);
    }

    /// Every label or value in the accessibility tree.
    fn labels(&self) -> Vec<String> {
        all_labels(&self.harness)
    }

    fn has_label_containing(&self, part: &str) -> bool {
        self.labels().iter().any(|label| label.contains(part))
    }

    /// Every text painted in the last frame (the "Audience sees" card included).
    fn painted(&self) -> Vec<String> {
        painted_texts(&self.harness)
    }

    /// Step until every row has its check's verdict.
    #[track_caller]
    fn wait_until_checked(&mut self) {
        let since = std::time::Instant::now();
        while self.labels().iter().any(|label| label == "checking") {
            assert!(
                since.elapsed() < MAX_WAIT,
                "the night's check did not finish"
            );
            self.harness.step();
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn headline(&self) -> String {
        self.app().night_card().unwrap().headline.clone()
    }
}

fn log_events(night_path: &Path, data_dir: &Path) -> Vec<Event> {
    let (entries, problems) = NightLog::new(data_dir, night_path).read().unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    entries.into_iter().map(|entry| entry.event).collect()
}

#[test]
fn a_host_runs_card_talk_card_break_talk_to_the_end() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut night = Night::launch(&night_path, &data, ManualClock::new());

    // Doors open: the first card, its deck armed, one button to start it.
    night.wait_for_armed_card(0);
    assert_eq!(night.headline(), "Әйгерім");
    assert_eq!(night.app().night_card().unwrap().title, "«Арықтар»");
    assert!(
        night.has_label_containing("Start talk 1: Әйгерім"),
        "{:?}",
        night.labels()
    );
    assert!(
        night.painted().iter().any(|text| text == "урбанист"),
        "the console shows the card"
    );

    night.wait_until_checked();

    // Space starts the talk; it runs by itself and ends; the next card follows at once.
    night.press(Key::Space);
    assert!(matches!(night.stage(), Stage::Talk { item: 0, .. }));
    assert_eq!(
        night.app().talk().state(night.clock_now()),
        TalkState::Running
    );
    assert!(matches!(
        night.app().audience_frame(),
        FrameKind::Slide { slide: 1, .. }
    ));
    // During the talk the card already holds the next speaker, for the instant it ends.
    assert_eq!(night.headline(), "Данияр");
    night.advance(TALK + Duration::from_millis(1));
    assert_eq!(night.stage(), Stage::Card { item: 1 });
    assert_eq!(night.app().audience_frame(), FrameKind::NightCard);
    assert_eq!(night.headline(), "Данияр");

    night.wait_for_armed_card(1);
    night.press(Key::Space);
    night.advance(TALK + Duration::from_millis(1));

    // The break's card, then the break: a countdown on the projector, the music's problem on the
    // console, and the night goes on without it.
    assert_eq!(night.stage(), Stage::Card { item: 2 });
    assert_eq!(night.headline(), "Үзіліс");
    assert!(
        night.has_label_containing("Start the break"),
        "{:?}",
        night.labels()
    );
    night.press(Key::Space);
    assert!(matches!(night.stage(), Stage::Break { item: 2, .. }));
    assert_eq!(
        night.app().audience_frame(),
        FrameKind::BreakCard { seconds_left: 60 }
    );
    night.advance(Duration::from_secs(30));
    assert_eq!(
        night.app().audience_frame(),
        FrameKind::BreakCard { seconds_left: 30 }
    );
    assert!(
        night.painted().iter().any(|text| text == "0:30"),
        "{:?}",
        night.painted()
    );
    assert!(
        night.has_label_containing("no-such-music.ogg"),
        "the missing music is named: {:?}",
        night.labels()
    );
    // No sound device here: the console says the break is silent, not that it has no music.
    assert!(
        night.has_label_containing("Music: silent"),
        "{:?}",
        night.labels()
    );
    // A clicker pressed in the break does not end it.
    night.press(Key::Space);
    assert!(matches!(night.stage(), Stage::Break { .. }));
    night.advance(Duration::from_secs(30));
    assert_eq!(night.stage(), Stage::Card { item: 3 });
    assert_eq!(night.headline(), "Меруерт");

    night.wait_for_armed_card(3);
    night.press(Key::Space);
    night.advance(TALK + Duration::from_millis(1));
    assert_eq!(night.stage(), Stage::End);
    assert_eq!(night.app().audience_frame(), FrameKind::NightEnd);
    assert!(
        night.has_label_containing("The night is over"),
        "{:?}",
        night.labels()
    );
    assert!(
        night.has_label_containing("3 of 3 talks given"),
        "{:?}",
        night.labels()
    );
    let progress = night.app().night_progress().unwrap().clone();
    assert_eq!(progress.states, vec![ItemState::Done; 4]);

    // The log has each talk's start and end, the break, and the end of the night.
    night.wait_until("the log is written", |_| {
        log_events(&night_path, &data).last() == Some(&Event::NightEnded)
    });
    assert_each_talk_and_the_break_are_logged(&night_path, &data);
}

/// The log of the whole night: each talk's start and end (6:40 each), the break, the end.
fn assert_each_talk_and_the_break_are_logged(night_path: &Path, data: &Path) {
    let events = log_events(night_path, data);
    let started: Vec<usize> = events
        .iter()
        .filter_map(|event| match event {
            Event::TalkStarted { item, .. } => Some(*item),
            _ => None,
        })
        .collect();
    assert_eq!(started, vec![0, 1, 3]);
    let ended: Vec<(usize, u64)> = events
        .iter()
        .filter_map(|event| match event {
            Event::TalkEnded { item, talk_ms, .. } => Some((*item, *talk_ms)),
            _ => None,
        })
        .collect();
    assert_eq!(ended, vec![(0, 400_000), (1, 400_000), (3, 400_000)]);
    assert!(events.contains(&Event::BreakStarted { item: 2 }));
    assert!(events.contains(&Event::BreakEnded {
        item: 2,
        early: false
    }));
}

impl Night {
    fn clock_now(&self) -> Duration {
        pecha::clock::Clock::now(&self.clock)
    }
}

#[test]
fn the_host_skips_and_reorders_and_the_cards_follow() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_for_armed_card(0);

    // Меруерт goes first: moved from the 4th place to the 1st, her card goes up.
    night.apply(Command::Night(NightCommand::Move { from: 3, to: 0 }));
    assert_eq!(
        night.app().night_progress().unwrap().order,
        vec![3, 0, 1, 2]
    );
    night.wait_for_armed_card(3);
    assert_eq!(night.headline(), "Меруерт");
    // A click goes where the button was last painted: let the check's verdicts settle the rows.
    night.wait_until_checked();

    // Skipping the card on screen puts up the next one; the skipped talk is marked.
    let first_skip = night
        .harness
        .query_all_by_label("Skip")
        .next()
        .expect("a Skip button on the first row");
    first_skip.click();
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    assert_eq!(
        night.app().night_progress().unwrap().states[3],
        ItemState::Skipped
    );
    assert!(
        night.has_label_containing("skipped"),
        "{:?}",
        night.labels()
    );
    night.wait_for_armed_card(0);

    // Skip on the talk under way asks first; "Keep going" leaves it running.
    night.press(Key::Space);
    night.advance(Duration::from_secs(45));
    night
        .harness
        .query_all_by_label("Skip")
        .next()
        .expect("a Skip button on the row of the talk under way")
        .click();
    night.harness.run_ok();
    assert!(
        night.has_label_containing("The talk ends now"),
        "{:?}",
        night.labels()
    );
    assert!(matches!(night.stage(), Stage::Talk { item: 0, .. }));
    night.harness.get_by_label("Keep going").click();
    night.harness.run_ok();
    assert!(!night.has_label_containing("The talk ends now"));
    assert!(matches!(night.stage(), Stage::Talk { item: 0, .. }));
    // Skipped for real ("Skip it"), it stops at once: the next card is on the projector.
    night.apply(Command::Night(NightCommand::AskSkip(0)));
    night.harness.get_by_label("Skip it").click();
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 1 });
    assert_eq!(night.app().audience_frame(), FrameKind::NightCard);
    assert_eq!(night.headline(), "Данияр");

    // Run again: the skipped speaker arrived; her card goes up again.
    night.apply(Command::Night(NightCommand::Rerun(3)));
    assert_eq!(night.stage(), Stage::Card { item: 3 });
    night.wait_for_armed_card(3);
    assert_eq!(night.headline(), "Меруерт");

    // The file thread writes in order: once "put up again" is there, everything before it is.
    night.wait_until("the log is written", |_| {
        log_events(&night_path, &data).iter().any(
            |event| matches!(event, Event::Intervention { what, .. } if what == "put up again"),
        )
    });
    let events = log_events(&night_path, &data);
    let interventions: Vec<String> = events
        .iter()
        .filter_map(|event| match event {
            Event::Intervention { what, .. } => Some(what.clone()),
            _ => None,
        })
        .collect();
    assert!(
        interventions.iter().any(|what| what.contains("moved")),
        "{interventions:?}"
    );
    assert_eq!(
        events
            .iter()
            .filter(|event| matches!(event, Event::Skipped { .. }))
            .count(),
        2,
        "{events:?}"
    );
}

#[test]
fn the_console_bills_a_talk_as_the_night_does_not_as_its_deck_file() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_for_armed_card(0);
    night.press(Key::Space);
    night.harness.run_ok();
    // The deck file says "Тохтар Алимбеков"; the night gave the talk to Әйгерім, titled Арықтар.
    assert!(
        night.has_label_containing("— Әйгерім") && night.has_label_containing("Арықтар"),
        "{:?}",
        night.labels()
    );
    assert!(
        !night.has_label_containing("Тохтар"),
        "{:?}",
        night.labels()
    );
}

#[test]
fn a_deck_that_is_not_ready_says_why_on_its_row() {
    let nineteen = common::fixtures::data("nineteen.ron").display().to_string();
    let (_dir, night_path, data) = night_in_temp_dir(Some(&nineteen));
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_until_checked();
    night.harness.run_ok();
    assert!(
        night.has_label_containing("19 slides, PechaKucha needs 20"),
        "{:?}",
        night.labels()
    );
}

#[test]
fn a_break_that_ran_out_while_pecha_was_closed_ends_in_the_log_at_its_time() {
    use pecha::night::progress::Progress;
    let (_dir, night_path, data) = night_in_temp_dir(None);
    // Two talks given, the one-minute break begun two minutes ago: then Pecha went down.
    let started_unix = pecha::clock::unix_now() - 120;
    let mut progress = Progress::new(4);
    progress.states[0] = ItemState::Done;
    progress.states[1] = ItemState::Done;
    progress.stage = Stage::Break {
        item: 2,
        started_unix,
    };
    ProgressStore::new(&data, &night_path)
        .save(&progress)
        .unwrap();

    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.harness.run_ok();
    assert!(
        night.has_label_containing("the break's time ran out meanwhile"),
        "not 'go on with the break': {:?}",
        night.labels()
    );
    night
        .harness
        .get_by_label_contains("the break's time ran out meanwhile")
        .click();
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 3 });
    let log = NightLog::new(&data, &night_path);
    night.wait_until("the break's end is logged", |_| {
        log.read().is_ok_and(|(entries, _)| {
            entries.iter().any(|entry| {
                entry.event
                    == Event::BreakEnded {
                        item: 2,
                        early: false,
                    }
                    && entry.unix_ms == (started_unix + 60) * 1000
            })
        })
    });
}

#[test]
fn a_progress_whose_break_began_before_1970_starts_the_night_afresh_instead_of_crashing() {
    use pecha::night::progress::Progress;
    // Found while writing fuzz/progress: only a break that began in the future was refused, so
    // `started_unix: -9223372036854775808` reached the console's sums of when the break ran out
    // (an overflow: a panic in a debug build, a wrong time in the log in a release build).
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut progress = Progress::new(4);
    progress.states[0] = ItemState::Done;
    progress.states[1] = ItemState::Done;
    progress.stage = Stage::Break {
        item: 2,
        started_unix: i64::MIN,
    };
    ProgressStore::new(&data, &night_path)
        .save(&progress)
        .unwrap();

    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    assert!(
        notice_texts(night.app())
            .iter()
            .any(|notice| notice.contains("a break that began before 1970")),
        "{:?}",
        notice_texts(night.app())
    );
}

#[test]
fn the_projectors_monitor_gone_between_talks_is_said_on_the_stage_and_the_card_comes_back() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let clock = ManualClock::new();
    let mut harness = launch_night_with(
        &night_path,
        &data,
        &clock,
        LaunchOptions {
            projector: Some(ProjectorRequest::Name("HDMI-1".into())),
            ..Default::default()
        },
    );
    // As under eframe: the projector is a window of its own, not drawn inside the console.
    harness.ctx.set_embed_viewports(false);
    list_monitors(&mut harness, monitors(&["eDP-1", "HDMI-1"]));
    let mut night = Night { harness, clock };
    night.wait_for_armed_card(0);
    assert!(projector_output(&night.harness).is_some());

    list_monitors(&mut night.harness, monitors(&["eDP-1"]));
    night.harness.run_ok();
    assert!(
        night.has_label_containing("Projector monitor gone (HDMI-1)"),
        "{:?}",
        night.labels()
    );
    assert!(
        night.has_label_containing("The night goes on; it comes back when the monitor does"),
        "{:?}",
        night.labels()
    );
    assert!(projector_output(&night.harness).is_none());
    assert_eq!(
        night.stage(),
        Stage::Card { item: 0 },
        "the night is where it was"
    );
    // The walk takes the console's stage: the banner is there too.
    night.press(Key::W);
    assert!(night.has_label_containing("Projector monitor gone (HDMI-1)"));
    night.press(Key::Escape);

    list_monitors(&mut night.harness, monitors(&["eDP-1", "HDMI-1"]));
    night.harness.run_ok();
    assert!(!night.has_label_containing("Projector monitor gone"));
    let back = projector_output(&night.harness).expect("the projector window is back");
    assert_eq!(back.builder.monitor, Some(1));
    assert_eq!(night.app().audience_frame(), FrameKind::NightCard);
}

#[test]
fn a_projector_blacked_out_before_a_crash_stays_black_after_it() {
    use pecha::night::progress::Progress;
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_for_armed_card(0);
    night.press(Key::B);
    assert_eq!(night.app().audience_frame(), FrameKind::Black);
    let store = ProgressStore::new(&data, &night_path);
    night.wait_until("the blackout is saved", |_| {
        store
            .load(4)
            .ok()
            .flatten()
            .is_some_and(|progress: Progress| progress.blackout)
    });
    drop(night);

    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.harness.run_ok();
    night.harness.get_by_label("Resume at its card").click();
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    assert_eq!(
        night.app().audience_frame(),
        FrameKind::Black,
        "the audience must not see what the host had hidden"
    );
    night.press(Key::B);
    assert_eq!(night.app().audience_frame(), FrameKind::NightCard);
}

#[test]
fn walking_through_the_cards_shows_each_one_and_changes_nothing() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_for_armed_card(0);
    night.press(Key::W);
    let mut seen = vec![night.headline()];
    for _ in 0..3 {
        night.press(Key::PageDown);
        seen.push(night.headline());
    }
    assert_eq!(seen, ["Әйгерім", "Данияр", "Үзіліс", "Меруерт"]);
    assert_eq!(night.app().audience_frame(), FrameKind::NightCard);
    // The last stop is the closing card, the last thing the audience sees.
    night.press(Key::PageDown);
    assert_eq!(night.app().audience_frame(), FrameKind::NightEnd);
    assert!(
        night.has_label_containing("5 of 5 (the closing card)"),
        "{:?}",
        night.labels()
    );
    // A clicker pressed once too often keeps the last card up, and starts nothing.
    night.press(Key::PageDown);
    night.press(Key::PageDown);
    assert_eq!(night.app().audience_frame(), FrameKind::NightEnd);
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    night.press(Key::ArrowLeft);
    assert_eq!(night.headline(), "Меруерт");
    night.press(Key::ArrowLeft);
    assert_eq!(night.headline(), "Үзіліс");
    // The walk takes the console's stage: it says so there, too, when the audience sees black.
    night.press(Key::B);
    assert!(
        night.has_label_containing("PROJECTOR BLACKED OUT"),
        "{:?}",
        night.labels()
    );
    night.press(Key::B);
    assert!(!night.has_label_containing("PROJECTOR BLACKED OUT"));
    night.press(Key::Escape);
    assert_eq!(night.headline(), "Әйгерім");
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    assert!(
        night
            .app()
            .night_progress()
            .unwrap()
            .states
            .iter()
            .all(|state| *state == ItemState::Waiting)
    );
}

/// Run talk 1 up to slide 5, then "crash": the harness goes away with the progress on disk.
fn crash_on_slide_five(night_path: &Path, data: &Path) -> ManualClock {
    let clock = ManualClock::new();
    let mut night = Night::launch(night_path, data, clock.clone());
    night.wait_for_armed_card(0);
    night.press(Key::Space);
    night.advance(Duration::from_secs(85));
    assert_eq!(night.app().talk().current_slide(night.clock_now()), 5);
    let store = ProgressStore::new(data, night_path);
    night.wait_until("the progress file says slide 5", |_| {
        store.load(4).ok().flatten().is_some_and(|progress| {
            matches!(
                progress.stage,
                Stage::Talk {
                    item: 0,
                    slide: 5,
                    ..
                }
            )
        })
    });
    drop(night);
    clock
}

#[test]
fn after_a_crash_the_night_resumes_at_the_slide_it_was_on() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let clock = crash_on_slide_five(&night_path, &data);

    let mut night = Night::launch(&night_path, &data, clock);
    night.harness.run_ok();
    assert!(
        night.has_label_containing("Resume at slide 5"),
        "{:?}",
        night.labels()
    );
    // Until the host answers, the projector stays black and the keys move nothing.
    assert_eq!(night.app().audience_frame(), FrameKind::Black);
    night.press(Key::Space);
    night.press(Key::W);
    assert_eq!(night.app().audience_frame(), FrameKind::Black);
    assert!(
        night.has_label_containing("Resume at slide 5"),
        "{:?}",
        night.labels()
    );
    night
        .harness
        .get_by_label_contains("Resume at slide 5")
        .click();
    night.wait_until("talk 1 is back on slide 5", |app| {
        app.deck().slides.len() == 20 && app.talk().log().len() > 1
    });
    let now = night.clock_now();
    assert_eq!(night.app().talk().state(now), TalkState::Paused);
    assert_eq!(night.app().talk().current_slide(now), 5);
    assert!(matches!(
        night.app().audience_frame(),
        FrameKind::Slide { slide: 5, .. }
    ));
    // P goes on; the talk ends 16 slides later and the next card follows.
    night.press(Key::P);
    night.advance(Duration::from_secs(16 * 20) + Duration::from_millis(1));
    assert_eq!(night.stage(), Stage::Card { item: 1 });
    night.wait_until("the resume is logged", |_| {
        log_events(&night_path, &data)
            .iter()
            .any(|event| matches!(event, Event::Resumed { .. }))
    });
    // Everything up to the talk's end is in the log (the file thread writes in order).
    night.wait_until("the talk's end is logged", |_| {
        log_events(&night_path, &data)
            .iter()
            .any(|event| matches!(event, Event::TalkEnded { item: 0, .. }))
    });
    // The log names the slide it was really paused on (not one guessed from the talk clock,
    // which restarted at the resume).
    let paused: Vec<String> = log_events(&night_path, &data)
        .into_iter()
        .filter_map(|event| match event {
            Event::Intervention { what, .. } if what.starts_with("paused") => Some(what),
            _ => None,
        })
        .collect();
    assert_eq!(paused.last().map(String::as_str), Some("paused on slide 5"));
    // The talk got all its time, before the crash and after: its length is the whole talk's,
    // not the part after the resume (it is not "cut short").
    let lengths: Vec<u64> = log_events(&night_path, &data)
        .into_iter()
        .filter_map(|event| match event {
            Event::TalkEnded {
                item: 0, talk_ms, ..
            } => Some(talk_ms),
            _ => None,
        })
        .collect();
    assert_eq!(lengths, [TALK.as_millis() as u64]);
}

#[test]
fn after_a_crash_the_night_resumes_at_the_talks_card() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let clock = crash_on_slide_five(&night_path, &data);

    let mut night = Night::launch(&night_path, &data, clock);
    night.harness.run_ok();
    night.harness.get_by_label("Resume at its card").click();
    night.harness.run_ok();
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    night.wait_for_armed_card(0);
    assert_eq!(night.headline(), "Әйгерім");
    night.press(Key::Space);
    assert_eq!(night.app().talk().current_slide(night.clock_now()), 1);
}

#[test]
fn the_resume_question_answers_to_the_keyboard_and_can_wait_with_the_saved_order_behind_it() {
    let (_dir, night_path, data) = night_in_temp_dir(None);
    let clock = crash_on_slide_five(&night_path, &data);
    let mut night = Night::launch(&night_path, &data, clock);
    night.harness.run_ok();
    // Behind the question, the running order as saved: talk 1 was on, not "next".
    assert!(night.has_label_containing("as saved when Pecha stopped"));
    assert!(night.has_label_containing("now"), "{:?}", night.labels());
    // Esc: decide later. The question goes, the projector stays black, nothing moves.
    night.press(Key::Escape);
    assert!(
        !night.has_label_containing("Resume at slide 5"),
        "{:?}",
        night.labels()
    );
    assert!(night.has_label_containing("Decide where tonight's night goes on"));
    night.press(Key::Space);
    assert_eq!(night.app().audience_frame(), FrameKind::Black);
    assert_eq!(
        night.stage(),
        Stage::Card { item: 0 },
        "the live progress is untouched until the answer"
    );
    // Back to the question; Space (a clicker's key) answers nothing, the arrows choose, Enter takes.
    night
        .harness
        .get_by_label_contains("Decide where tonight's night goes on")
        .click();
    night.harness.run_ok();
    assert!(night.has_label_containing("Resume at slide 5"));
    night.press(Key::Space);
    assert!(night.has_label_containing("Resume at slide 5"));
    night.press(Key::ArrowDown);
    night.press(Key::Enter);
    night.harness.run_ok();
    assert!(
        !night.has_label_containing("Resume at slide 5"),
        "{:?}",
        night.labels()
    );
    assert_eq!(night.stage(), Stage::Card { item: 0 });
    assert!(!night.has_label_containing("as saved when Pecha stopped"));
    // The second choice was taken: go on at the card (not start over).
    night.wait_until("the resume is logged", |_| {
        log_events(&night_path, &data)
            .iter()
            .any(|event| matches!(event, Event::Resumed { at } if at.contains("card")))
    });
}

#[test]
fn a_missing_deck_is_reported_and_its_talk_skipped_cleanly() {
    let (dir, night_path, data) = night_in_temp_dir(Some("talks/nobody/"));
    let mut night = Night::launch(&night_path, &data, ManualClock::new());
    night.wait_for_armed_card(0);
    // The check marks Данияр's talk before doors open.
    let since = std::time::Instant::now();
    while !night.has_label_containing("problem") {
        assert!(since.elapsed() < MAX_WAIT, "{:?}", night.labels());
        night.harness.step();
        std::thread::sleep(Duration::from_millis(2));
    }
    assert!(night.has_label_containing("nobody"), "{:?}", night.labels());
    // A talk that will be skipped takes none of the night's time: two talks and the break.
    night.harness.run_ok();
    assert!(
        night.has_label_containing("· 14:20 to go"),
        "{:?}",
        night.labels()
    );
    night.press(Key::Space);
    night.advance(TALK + Duration::from_millis(1));
    // Данияр's deck cannot be read: the talk is skipped, the host told why, the break is next.
    night.wait_until("the break's card is up", |app| {
        app.night_progress().unwrap().stage == Stage::Card { item: 2 }
    });
    assert_eq!(
        night.app().night_progress().unwrap().states[1],
        ItemState::Skipped
    );
    assert!(
        notice_texts(night.app())
            .iter()
            .any(|notice| notice.contains("Данияр") && notice.contains("nobody")),
        "{:?}",
        notice_texts(night.app())
    );
    assert_eq!(night.headline(), "Үзіліс");

    // Данияр arrives with his deck after all: Run again reads it afresh instead of skipping
    // him again on what the first check found.
    let mended = dir.path().join("talks/nobody");
    std::fs::create_dir_all(&mended).unwrap();
    copy_good_deck(&mended);
    night.apply(Command::Night(NightCommand::Rerun(1)));
    night.wait_for_armed_card(1);
    assert_eq!(night.headline(), "Данияр");
    assert_eq!(
        night.app().night_progress().unwrap().states[1],
        ItemState::Waiting
    );
}
