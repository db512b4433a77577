//! The main flows in Kazakh and in Russian, driven as in `tests/ui.rs` and `tests/night_ui.rs`:
//! a talk started and paused, a rehearsal's report, a night's console. Each asserts the labels a
//! user reads are in that language, and that no English word is left among them (key names,
//! `PechaKucha` and the deck's own words aside). The harness panics on any glyph no font can
//! draw, so every frame here also proves the bundled fonts cover both alphabets.
#![allow(clippy::unwrap_used)]

mod common;
use common::app::{
    all_labels, assert_label, has_button, has_label_containing, launch_night_with, launch_with,
    press, secs, wait_until,
};
use common::fixtures::{good_deck, good_deck_path};

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use pecha::app::{LaunchOptions, PechaApp};
use pecha::clock::ManualClock;
use pecha::i18n::Language;
use pecha::monitors::ProjectorRequest;

/// Words a user reads the same in every language: keys as printed, product and format names.
const SAME_IN_EVERY_LANGUAGE: [&str; 8] = [
    "Enter",
    "PageDown",
    "Esc",
    "Ctrl",
    "Shift",
    "PechaKucha",
    "Pecha",
    "pecha",
];

/// Every word of three or more Latin letters in the labels that is not allowed to stay English
/// (file paths aside: they are the user's; and commands in backticks, `pecha log`).
fn english_words<S>(harness: &Harness<'_, S>) -> Vec<String> {
    all_labels(harness)
        .iter()
        .flat_map(|label| {
            label
                .split('`')
                .step_by(2)
                .flat_map(str::split_whitespace)
                .filter(|token| !token.contains('/'))
                .flat_map(|token| token.split(|c: char| !c.is_ascii_alphabetic()))
                .filter(|word| word.len() >= 3)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter(|word| !SAME_IN_EVERY_LANGUAGE.contains(&word.as_str()))
        .collect()
}

#[track_caller]
fn assert_no_english<S>(harness: &Harness<'_, S>) {
    let words = english_words(harness);
    assert!(
        words.is_empty(),
        "English left: {words:?} in {:?}",
        all_labels(harness)
    );
}

fn options(language: Language) -> LaunchOptions {
    LaunchOptions {
        projector: Some(ProjectorRequest::Off),
        language: Some(language),
        ..Default::default()
    }
}

/// What a talk's presenter view says, in one language.
struct TalkWords {
    ready: &'static str,
    running: &'static str,
    paused: &'static str,
    slide_3: &'static str,
    left: &'static str,
    resume: &'static str,
    menus: [&'static str; 5],
}

fn start_and_pause_a_talk(language: Language, words: &TalkWords) {
    let (mut harness, clock) = launch_with(good_deck(), options(language));
    harness.run_ok();
    assert_label(&harness, words.ready);
    for menu in words.menus {
        assert!(
            has_button(&harness, menu),
            "menu {menu}: {:?}",
            all_labels(&harness)
        );
    }
    assert_no_english(&harness);

    press(&mut harness, Key::Space);
    clock.set(secs(45.0));
    harness.step();
    assert_label(&harness, words.running);
    assert_label(&harness, words.slide_3);
    assert_no_english(&harness);

    press(&mut harness, Key::P);
    clock.set(secs(105.0));
    harness.step();
    assert_label(&harness, words.paused);
    assert_label(&harness, words.left);
    assert!(
        has_button(&harness, words.resume),
        "{:?}",
        all_labels(&harness)
    );
    assert_no_english(&harness);
}

#[test]
fn a_talk_started_and_paused_in_kazakh() {
    start_and_pause_a_talk(
        Language::Kk,
        &TalkWords {
            ready: "ДАЙЫН",
            running: "ЖҮРІП ЖАТЫР",
            paused: "КІДІРТІЛДІ",
            slide_3: "слайд 3 / 20",
            left: "баяндама соңына дейін 5:55",
            resume: "Жалғастыру",
            menus: [
                "Презентация",
                "Баяндама",
                "Дайындық",
                "Проектор",
                "Көрініс және дыбыс",
            ],
        },
    );
}

#[test]
fn a_talk_started_and_paused_in_russian() {
    start_and_pause_a_talk(
        Language::Ru,
        &TalkWords {
            ready: "ГОТОВ",
            running: "ИДЁТ",
            paused: "ПАУЗА",
            slide_3: "слайд 3 из 20",
            left: "до конца доклада 5:55",
            resume: "Продолжить",
            menus: [
                "Презентация",
                "Доклад",
                "Репетиция",
                "Проектор",
                "Вид и звук",
            ],
        },
    );
}

/// A rehearsal run in `language`, every slide tapped 2 s early but slide 2 (late by 1.2 s);
/// returns the app showing its report.
fn rehearse_one_run(language: Language) -> (Harness<'static, PechaApp>, tempfile::TempDir) {
    let history_dir = tempfile::tempdir().unwrap();
    let (mut harness, clock) = launch_with(
        good_deck(),
        LaunchOptions {
            rehearse: true,
            history_dir: Some(history_dir.path().to_path_buf()),
            language: Some(language),
            ..Default::default()
        },
    );
    wait_until(
        &mut harness,
        "the history is read",
        PechaApp::history_settled,
    );
    press(&mut harness, Key::Space);
    let tap = |harness: &mut Harness<'_, PechaApp>, at: f64| {
        clock.set(secs(at));
        harness.step();
        press(harness, Key::Space);
    };
    tap(&mut harness, 18.0);
    tap(&mut harness, 41.2);
    for slide in 3..=20 {
        tap(&mut harness, f64::from(slide) * 20.0 - 2.0);
    }
    clock.set(secs(400.0));
    harness.step();
    harness.run_ok();
    (harness, history_dir)
}

#[test]
fn the_rehearsal_report_in_russian() {
    let (harness, _history) = rehearse_one_run(Language::Ru);
    assert!(
        has_label_containing(&harness, "Прогон 1: 1 слайд сверх времени (2)"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(
        has_label_containing(&harness, "в запасе всего 38,0 с"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(&harness, "Сократите текст слайдов 2"));
    assert!(has_button(&harness, "Вернуться к слайдам"));
    assert_no_english(&harness);
}

#[test]
fn the_rehearsal_report_in_kazakh() {
    let (harness, _history) = rehearse_one_run(Language::Kk);
    assert!(
        has_label_containing(&harness, "1-жаттығу: 1 слайд уақыттан асты (2)"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(
        has_label_containing(&harness, "барлығы 38,0 с артық"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_button(&harness, "Слайдтарға оралу"));
    assert_no_english(&harness);
}

/// A night of two talks (the good deck) around a break, in a temporary folder.
fn night(dir: &std::path::Path) -> std::path::PathBuf {
    let good = good_deck_path().display().to_string();
    let path = dir.join("night.ron");
    std::fs::write(
        &path,
        format!(
            r#"(
    title: "Шымкент кеші",
    running_order: [
        Talk(deck: "{good}", presenter: "Әйгерім", title: "Арықтар"),
        Break(minutes: 15),
        Talk(deck: "{good}", presenter: "Данияр"),
    ],
)"#
        ),
    )
    .unwrap();
    path
}

fn night_console(language: Language, first_row: &str, start: &str, ready: &str, break_row: &str) {
    let dir = tempfile::tempdir().unwrap();
    let night_path = night(dir.path());
    let clock = ManualClock::new();
    let mut harness = launch_night_with(
        &night_path,
        &dir.path().join("data"),
        &clock,
        options(language),
    );
    wait_until(
        &mut harness,
        "the first card is armed",
        PechaApp::night_card_armed,
    );
    let waiting_since = std::time::Instant::now();
    while !has_label_containing(&harness, ready) {
        assert!(
            waiting_since.elapsed() < common::app::MAX_WAIT,
            "{:?}",
            all_labels(&harness)
        );
        harness.step();
        std::thread::yield_now();
    }
    harness.run_ok();
    assert!(
        has_label_containing(&harness, first_row),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_button(&harness, start), "{:?}", all_labels(&harness));
    assert!(
        has_label_containing(&harness, break_row),
        "{:?}",
        all_labels(&harness)
    );
    assert_no_english(&harness);

    // The talk under way, the running order beside it.
    press(&mut harness, Key::Space);
    clock.set(secs(30.0));
    harness.step();
    harness.run_ok();
    assert_no_english(&harness);
}

#[test]
fn a_nights_console_in_kazakh() {
    night_console(
        Language::Kk,
        "өткен баяндамалар: 0 / 2",
        "1-баяндаманы бастау: Әйгерім",
        "дайын",
        "үзіліс · 15 минут",
    );
}

#[test]
fn a_nights_console_in_russian() {
    night_console(
        Language::Ru,
        "докладов прошло: 0 из 2",
        "Начать доклад 1: Әйгерім",
        "готов",
        "перерыв · 15 минут",
    );
}

#[test]
fn the_language_menu_switches_at_once_and_is_remembered() {
    let (mut harness, _clock) = launch_with(good_deck(), options(Language::Ru));
    harness.state_mut().set_cues(None);
    harness.run_ok();
    assert_label(&harness, "ГОТОВ");
    assert_eq!(
        common::app::notice_texts(harness.state()),
        ["нет звукового устройства: сигналов не будет"]
    );
    common::app::apply(
        &mut harness,
        pecha::ui::Command::ChooseLanguage(Some(Language::Kk)),
    );
    harness.run_ok();
    assert_label(&harness, "ДАЙЫН");
    // The notice raised in Russian reads in Kazakh now.
    assert_label(&harness, "дыбыс құрылғысы жоқ: дыбыс белгілері естілмейді");
    assert_eq!(harness.state().settings().language, Some(Language::Kk));
    assert_eq!(harness.state().language(), Language::Kk);
    common::app::apply(&mut harness, pecha::ui::Command::ChooseLanguage(None));
    harness.run_ok();
    // Following the system: the tests' system is English.
    assert_label(&harness, "READY");
}

/// Open every menu of the presenter view (and View → Language) in `language` at 1280 × 720:
/// every item in that language.
fn every_menu_in(language: Language, menus: [&str; 5], language_menu: &str) {
    let (mut harness, _clock) = launch_with(
        good_deck(),
        LaunchOptions {
            rehearse: true,
            history_dir: Some(tempfile::tempdir().unwrap().keep()),
            ..options(language)
        },
    );
    harness.set_size(egui::vec2(1280.0, 720.0));
    harness.run_ok();
    let closed = all_labels(&harness).len();
    for menu in menus {
        harness.get_by_label(menu).click();
        harness.run_ok();
        assert!(
            all_labels(&harness).len() > closed + 2,
            "{menu} did not open: {:?}",
            all_labels(&harness)
        );
        assert_no_english(&harness);
        if menu == menus[4] {
            harness.get_by_label(language_menu).hover();
            harness.run_ok();
            assert!(
                has_label_containing(&harness, "Қазақша"),
                "{:?}",
                all_labels(&harness)
            );
            assert!(has_label_containing(&harness, "Русский"));
            // English is offered under its own name: the one English word allowed.
            assert!(has_label_containing(&harness, "English"));
        }
        press(&mut harness, Key::Escape);
    }
}

#[test]
fn every_menu_in_kazakh() {
    every_menu_in(
        Language::Kk,
        [
            "Презентация",
            "Баяндама",
            "Дайындық",
            "Проектор",
            "Көрініс және дыбыс",
        ],
        "Тіл",
    );
}

#[test]
fn every_menu_in_russian() {
    every_menu_in(
        Language::Ru,
        [
            "Презентация",
            "Доклад",
            "Репетиция",
            "Проектор",
            "Вид и звук",
        ],
        "Язык",
    );
}

#[test]
fn the_questions_in_russian() {
    let (mut harness, clock) = launch_with(good_deck(), options(Language::Ru));
    press(&mut harness, Key::Space);
    clock.set(secs(30.0));
    harness.step();
    press(&mut harness, Key::G);
    assert_label(&harness, "Перейти к слайду");
    assert_no_english(&harness);
    press(&mut harness, Key::Escape);
    press(&mut harness, Key::Escape);
    assert_label(&harness, "Выйти из Pecha?");
    assert!(
        has_button(&harness, "Продолжать"),
        "{:?}",
        all_labels(&harness)
    );
    assert_no_english(&harness);
}

#[test]
fn skipping_a_talk_is_asked_in_kazakh() {
    let dir = tempfile::tempdir().unwrap();
    let night_path = night(dir.path());
    let clock = ManualClock::new();
    let mut harness = launch_night_with(
        &night_path,
        &dir.path().join("data"),
        &clock,
        options(Language::Kk),
    );
    wait_until(
        &mut harness,
        "the first card is armed",
        PechaApp::night_card_armed,
    );
    press(&mut harness, Key::Space);
    clock.set(secs(10.0));
    harness.step();
    common::app::apply(
        &mut harness,
        pecha::ui::Command::Night(pecha::ui::NightCommand::AskSkip(0)),
    );
    assert!(
        has_label_containing(&harness, "Өткізіп жіберу: 1-баяндама (Әйгерім)?"),
        "{:?}",
        all_labels(&harness)
    );
    assert_no_english(&harness);
}

#[test]
fn after_a_crash_the_resume_question_is_in_kazakh() {
    let dir = tempfile::tempdir().unwrap();
    let night_path = night(dir.path());
    let data = dir.path().join("data");
    let clock = ManualClock::new();
    let mut harness = launch_night_with(&night_path, &data, &clock, options(Language::Kk));
    wait_until(
        &mut harness,
        "the first card is armed",
        PechaApp::night_card_armed,
    );
    press(&mut harness, Key::Space);
    clock.set(secs(85.0));
    harness.step();
    let store = pecha::night::progress::ProgressStore::new(&data, &night_path);
    wait_until(&mut harness, "the progress says slide 5", |_| {
        store.load(3).ok().flatten().is_some_and(|progress| {
            matches!(
                progress.stage,
                pecha::night::progress::Stage::Talk { slide: 5, .. }
            )
        })
    });
    drop(harness);

    let mut harness = launch_night_with(&night_path, &data, &clock, options(Language::Kk));
    harness.run_ok();
    assert_label(&harness, "Бүгінгі кешті жалғастырамыз ба?");
    assert!(
        has_label_containing(&harness, "5-слайдтан жалғастыру"),
        "{:?}",
        all_labels(&harness)
    );
    assert!(has_label_containing(
        &harness,
        "1-баяндама (Әйгерім), 5-слайд"
    ));
    assert_no_english(&harness);
}

#[test]
fn the_break_the_walk_and_the_end_of_a_night_in_kazakh() {
    use pecha::ui::{Command, NightCommand};
    let dir = tempfile::tempdir().unwrap();
    let night_path = night(dir.path());
    let clock = ManualClock::new();
    let mut harness = launch_night_with(
        &night_path,
        &dir.path().join("data"),
        &clock,
        options(Language::Kk),
    );
    wait_until(
        &mut harness,
        "the first card is armed",
        PechaApp::night_card_armed,
    );
    // Walking through the cards before doors open.
    press(&mut harness, Key::W);
    assert!(
        has_label_containing(&harness, "Заставкаларды қарау: 1 / 4"),
        "{:?}",
        all_labels(&harness)
    );
    assert_no_english(&harness);
    press(&mut harness, Key::Escape);
    // The first talk left out: the break's card, then the break.
    common::app::apply(&mut harness, Command::Night(NightCommand::Skip(0)));
    assert_label(&harness, "Проекторда: үзіліс заставкасы");
    press(&mut harness, Key::Space);
    clock.set(secs(60.0));
    harness.step();
    harness.run_ok();
    assert!(has_label_containing(&harness, "Үзілісті қазір аяқтау"));
    assert!(has_label_containing(&harness, "Кеш жалғасатын уақыт: "));
    assert_no_english(&harness);
    common::app::apply(&mut harness, Command::Night(NightCommand::EndBreak));
    common::app::apply(&mut harness, Command::Night(NightCommand::Skip(2)));
    assert_label(&harness, "Кеш аяқталды");
    assert_no_english(&harness);
}
