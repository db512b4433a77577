//! The command line in Kazakh, Russian and English: `pecha check`'s text in each language, the
//! language chosen by `--lang`, the locale or the app's remembered choice, and `--json` the same
//! byte for byte whatever the language (scripts rely on it).
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::{Run, pecha, pecha_with_env};
use common::fixtures::{copy_good_images, data, example_night};

use std::ffi::OsString;
use std::path::Path;

use pecha::i18n::Language;
use tempfile::TempDir;

fn check_in(language: &str, path: &Path) -> Run {
    pecha([
        OsString::from("check"),
        path.into(),
        "--lang".into(),
        language.into(),
    ])
}

#[test]
fn check_speaks_each_language() {
    let nineteen = data("nineteen.ron");
    for (language, expected) in [
        (
            "en",
            "not ready: 1 problem\nerror: 19 slides, PechaKucha needs 20\n",
        ),
        (
            "ru",
            "не готово: 1 проблема\nошибка: 19 слайдов, а PechaKucha нужно 20\n",
        ),
        (
            "kk",
            "дайын емес: 1 ақау\nқате: 19 слайд, ал PechaKucha үшін 20 керек\n",
        ),
    ] {
        let run = check_in(language, &nineteen);
        assert_eq!(run.status, Some(1), "{}", run.all());
        assert_eq!(run.stdout, expected, "{language}");
    }
    for (language, expected) in [
        ("en", "ready: 20 slides x 20 s (PechaKucha), 6:40\n"),
        ("ru", "готово: 20 слайдов x 20 с (PechaKucha), 6:40\n"),
        ("kk", "дайын: 20 слайд x 20 с (PechaKucha), 6:40\n"),
    ] {
        let run = check_in(language, &data("good/deck.ron"));
        assert_eq!(run.status, Some(0), "{}", run.all());
        assert_eq!(run.stdout, expected, "{language}");
    }
}

#[test]
fn a_nights_check_speaks_the_language_too() {
    let run = check_in("ru", &example_night());
    assert_eq!(run.status, Some(0), "{}", run.all());
    let first = run.stdout.lines().next().unwrap();
    assert!(
        first.starts_with("Вечер «") && first.contains("3 доклада, 1 перерыв"),
        "{first}"
    );
    assert!(run.stdout.contains(": готов ("), "{}", run.stdout);
    let run = check_in("kk", &example_night());
    assert!(
        run.stdout.contains("3 баяндама, 1 үзіліс"),
        "{}",
        run.stdout
    );
}

#[test]
fn json_is_the_same_in_every_language() {
    let temp = TempDir::new().unwrap();
    // A deck with a missing slide and a too-small one: findings of both kinds.
    copy_good_images(temp.path());
    std::fs::remove_file(temp.path().join("07.png")).unwrap();
    let deck_dir = temp.path().to_path_buf();
    // A night whose second talk's deck is not there, and whose break music is missing.
    let night = temp.path().join("night.ron");
    std::fs::write(
        &night,
        format!(
            r#"(title: "Кеш", running_order: [
                Talk(deck: "{}", presenter: "Әйгерім"),
                Break(minutes: 5, music: ["жоқ.ogg"]),
                Talk(deck: "жоқ.ron", presenter: "Данияр"),
            ])"#,
            data("good/deck.ron").display()
        ),
    )
    .unwrap();
    // A deck whose format makes no sense.
    let zero = temp.path().join("zero.ron");
    std::fs::write(
        &zero,
        std::fs::read_to_string(data("good/deck.ron"))
            .unwrap()
            .replace(
                "format: PechaKucha",
                "format: Custom(slides: 0, seconds: 20)",
            ),
    )
    .unwrap();
    for path in [
        zero,
        night,
        data("good/deck.ron"),
        data("nineteen.ron"),
        data("syntax_error.ron"),
        deck_dir,
        example_night(),
        temp.path().join("no-such-deck.ron"),
    ] {
        let json = |language: &str| {
            let run = pecha([
                OsString::from("check"),
                path.clone().into(),
                "--json".into(),
                "--lang".into(),
                language.into(),
            ]);
            assert!(run.stderr.is_empty(), "{}", run.stderr);
            (run.status, run.stdout)
        };
        let english = json("en");
        assert!(english.1.starts_with('{'), "{}", english.1);
        assert_eq!(json("ru"), english, "{}", path.display());
        assert_eq!(json("kk"), english, "{}", path.display());
        let by_locale = pecha_with_env(
            [
                OsString::from("check"),
                path.clone().into(),
                "--json".into(),
            ],
            [("LANG", "ru_RU.UTF-8")],
        );
        assert_eq!((by_locale.status, by_locale.stdout), english);
    }
}

#[test]
fn the_locale_chooses_the_language_and_lang_overrides_it() {
    let nineteen = data("nineteen.ron");
    let args = || [OsString::from("check"), nineteen.clone().into()];
    let first_line = |run: &Run| run.stdout.lines().next().unwrap_or_default().to_owned();
    let run = pecha_with_env(args(), [("LANG", "ru_RU.UTF-8")]);
    assert_eq!(first_line(&run), "не готово: 1 проблема");
    let run = pecha_with_env(args(), [("LC_ALL", "kk_KZ.UTF-8")]);
    assert_eq!(first_line(&run), "дайын емес: 1 ақау");
    // A language Pecha does not speak: English.
    let run = pecha_with_env(args(), [("LANG", "de_DE.UTF-8")]);
    assert_eq!(first_line(&run), "not ready: 1 problem");
    let mut with_lang = args().to_vec();
    with_lang.extend(["--lang".into(), "en".into()]);
    let run = pecha_with_env(with_lang, [("LANG", "ru_RU.UTF-8")]);
    assert_eq!(first_line(&run), "not ready: 1 problem");
    // Before the subcommand too.
    let run = pecha([
        OsString::from("--lang"),
        "kk".into(),
        "check".into(),
        nineteen.into(),
    ]);
    assert_eq!(first_line(&run), "дайын емес: 1 ақау");
}

/// The app's settings file as eframe writes it, remembering `language`.
fn remember(data_home: &Path, language: Language) {
    let settings = pecha::settings::Settings {
        language: Some(language),
        ..Default::default()
    };
    let stored: std::collections::HashMap<String, String> = [(
        pecha::settings::STORAGE_KEY.to_owned(),
        ron::to_string(&settings).unwrap(),
    )]
    .into();
    let dir = data_home.join("pecha");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("app.ron"), ron::to_string(&stored).unwrap()).unwrap();
}

#[test]
fn the_language_chosen_in_the_app_is_the_clis_too() {
    let home = TempDir::new().unwrap();
    remember(home.path(), Language::Kk);
    let nineteen = data("nineteen.ron");
    let run = pecha_with_env(
        [OsString::from("check"), nineteen.clone().into()],
        [
            ("XDG_DATA_HOME", home.path().as_os_str()),
            ("LANG", "ru_RU.UTF-8".as_ref()),
        ],
    );
    assert_eq!(run.stdout.lines().next(), Some("дайын емес: 1 ақау"));
    let run = pecha_with_env(
        [
            OsString::from("check"),
            nineteen.into(),
            "--lang".into(),
            "ru".into(),
        ],
        [("XDG_DATA_HOME", home.path())],
    );
    assert_eq!(run.stdout.lines().next(), Some("не готово: 1 проблема"));
}

#[test]
fn history_and_log_speak_the_language() {
    let home = TempDir::new().unwrap();
    let run = pecha_with_env(
        [
            OsString::from("history"),
            data("good/deck.ron").into(),
            "--lang".into(),
            "ru".into(),
        ],
        [("XDG_DATA_HOME", home.path())],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout
            .starts_with("Репетиций «Как молодые люди меняют Шымкент» в формате PechaKucha (20 x 20 с) ещё не записано"),
        "{}",
        run.stdout
    );
    let run = pecha_with_env(
        [
            OsString::from("log"),
            example_night().into(),
            "--lang".into(),
            "kk".into(),
        ],
        [("XDG_DATA_HOME", home.path())],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("кеші бұл компьютерде әлі өткізілмеген"),
        "{}",
        run.stdout
    );
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let run = check_in("de", &data("nineteen.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("kk, ru and en"), "{}", run.stderr);
}

#[test]
fn slide_and_deck_problems_are_worded_in_the_language() {
    let temp = TempDir::new().unwrap();
    copy_good_images(temp.path());
    std::fs::remove_file(temp.path().join("07.png")).unwrap();
    let run = check_in("ru", temp.path());
    assert_eq!(run.status, Some(1), "{}", run.all());
    assert!(
        run.stdout
            .contains("ошибка: 19 слайдов, а PechaKucha нужно 20"),
        "{}",
        run.stdout
    );
    let run = check_in("kk", &data("unknown_field.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains(
            ":6:32: слайдта белгісіз `note` өрісі бар, күтілгені: `image` немесе `notes` (`notes` болуы мүмкін бе?)"
        ),
        "{}",
        run.stderr
    );
    let run = check_in("ru", &temp.path().join("нет такой.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains(
            "нет такой.ron: не существует (перемещён, переименован или не скопирован сюда?)"
        ),
        "{}",
        run.stderr
    );
    // A slide whose image is gone, in a deck file.
    let text = std::fs::read_to_string(data("good/deck.ron")).unwrap();
    let deck = temp.path().join("deck.ron");
    std::fs::write(&deck, text.replace("\"07.png\"", "\"пропал 07.jpg\"")).unwrap();
    let run = check_in("kk", &deck);
    assert!(
        run.stdout
            .contains("қате: 7-слайд (пропал 07.jpg): сурет жоқ"),
        "{}",
        run.stdout
    );
}
