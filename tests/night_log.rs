//! `pecha log night.ron` through the real binary, with the user's data folder in a temporary
//! folder: entries written with the library's [`NightLog`] (as the app writes them) come out as
//! rows naming the presenters, with each talk's start, end, length and pauses. Times are fixed
//! Unix times shown in UTC (`TZ=UTC`), so nothing here waits for a clock.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::{Run, pecha_with_env};
use common::fixtures::example_night;

use std::ffi::OsStr;
use std::fs;
use std::io::Write as _;
use std::path::Path;

use pecha::night::log::{Entry, Event, NightLog};
use tempfile::TempDir;

/// 2025-11-27 19:00:00 UTC.
const SEVEN_PM: i64 = 1_764_270_000_000;

/// Runs `pecha` (from the crate's folder, so `examples/night/night.ron` is the example night)
/// with the user's data folder in `data_home` and local time in UTC.
fn pecha(data_home: &Path, args: &[&str]) -> Run {
    pecha_with_env(
        args,
        [
            ("XDG_DATA_HOME", data_home.as_os_str()),
            ("TZ", OsStr::new("UTC")),
        ],
    )
}

/// The log of the example night in `data_home`, where the app keeps it.
fn example_log(data_home: &Path) -> NightLog {
    NightLog::new(&data_home.join("pecha/nights"), &example_night())
}

fn at(seconds: i64, event: Event) -> Entry {
    Entry {
        unix_ms: SEVEN_PM + seconds * 1000,
        event,
    }
}

#[test]
fn a_night_not_run_here_says_where_its_log_would_be() {
    let data_home = TempDir::new().unwrap();
    let run = pecha(data_home.path(), &["log", "examples/night/night.ron"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    let expected = example_log(data_home.path());
    assert!(
        run.stdout.contains("has not been run on this machine")
            && run.stdout.contains("PechaKucha Night Шымкент · Vol. 1")
            && run.stdout.contains(&expected.path().display().to_string()),
        "{}",
        run.all()
    );
    assert!(!expected.path().exists(), "reading creates nothing");
}

const AIGERIM: &str = "Әйгерім Құрманғалиқызы";
const DANIYAR: &str = "Данияр Сейітқали";
const MERUERT: &str = "Меруерт Оспанова";

/// The example night as the app would log it: talk 1 with a pause, talk 4 moved up to second,
/// the break cut short, a restart, talk 2 cut short.
fn an_evening() -> Vec<Entry> {
    vec![
        at(0, Event::NightOpened),
        at(
            30,
            Event::TalkStarted {
                item: 0,
                presenter: AIGERIM.into(),
            },
        ),
        at(
            60,
            Event::Intervention {
                item: Some(0),
                what: "paused on slide 4".into(),
            },
        ),
        at(
            65,
            Event::Intervention {
                item: Some(0),
                what: "resumed".into(),
            },
        ),
        at(
            195,
            Event::TalkEnded {
                item: 0,
                presenter: AIGERIM.into(),
                talk_ms: 160_000,
                paused_ms: 5_000,
            },
        ),
        at(
            200,
            Event::Intervention {
                item: Some(3),
                what: "moved to 2nd".into(),
            },
        ),
        at(
            210,
            Event::TalkStarted {
                item: 3,
                presenter: MERUERT.into(),
            },
        ),
        at(
            370,
            Event::TalkEnded {
                item: 3,
                presenter: MERUERT.into(),
                talk_ms: 160_000,
                paused_ms: 0,
            },
        ),
        at(380, Event::BreakStarted { item: 2 }),
        at(
            425,
            Event::BreakEnded {
                item: 2,
                early: true,
            },
        ),
        at(
            430,
            Event::Resumed {
                at: "card of talk 2".into(),
            },
        ),
        at(
            440,
            Event::TalkStarted {
                item: 1,
                presenter: DANIYAR.into(),
            },
        ),
        at(
            540,
            Event::TalkEnded {
                item: 1,
                presenter: DANIYAR.into(),
                talk_ms: 100_000,
                paused_ms: 0,
            },
        ),
        at(545, Event::NightEnded),
    ]
}

#[test]
fn the_log_prints_each_talk_with_its_real_start_end_and_pauses() {
    let data_home = TempDir::new().unwrap();
    let log = example_log(data_home.path());
    let (aigerim, daniyar, meruert) = (AIGERIM, DANIYAR, MERUERT);
    for entry in an_evening() {
        log.append(&entry).unwrap();
    }
    // The machine died while writing one more line.
    fs::OpenOptions::new()
        .append(true)
        .open(log.path())
        .unwrap()
        .write_all(b"(unix_ms:1764270550000,event:Interv")
        .unwrap();

    // Relative here, absolute above: the same night, the same log.
    let run = pecha(data_home.path(), &["log", "examples/night/night.ron"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    let out = &run.stdout;
    for expected in [
        "Night log of \"PechaKucha Night Шымкент · Vol. 1\"\n",
        &format!("Log file:   {}\n", log.path().display()),
        "warning: log line 15 is damaged",
        "2025-11-27\n",
        "  19:00:00  night opened\n",
        &format!("  19:00:30  1. {aigerim}: talk started\n"),
        &format!("  19:01:00  1. {aigerim}: paused on slide 4\n"),
        &format!("  19:03:15  1. {aigerim}: talk ended after 2:40, paused 0:05\n"),
        &format!("  19:03:20  4. {meruert}: moved to 2nd\n"),
        "  19:06:20  3. break: break started (1:00 planned)\n",
        "  19:07:05  3. break: break ended early\n",
        "  19:07:10  night resumed after a restart, at card of talk 2\n",
        &format!("  19:09:00  2. {daniyar}: talk ended after 1:40\n"),
        "  19:09:05  night ended\n",
        "Talks and breaks: 3 of 3 talks given\n",
        "The night: 19:00:00 to 19:09:05, 9:05 in all; the running order plans 9:00",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    let table: Vec<&str> = out
        .lines()
        .skip_while(|line| !line.starts_with("  #  presenter"))
        .take(5)
        .collect();
    assert_eq!(
        table,
        [
            "  #  presenter               planned  start     end       length  paused",
            &format!("  1  {aigerim}     2:40  19:00:30  19:03:15    2:40    0:05"),
            &format!("  4  {meruert}           2:40  19:03:30  19:06:10    2:40    0:00"),
            "  3  break                      1:00  19:06:20  19:07:05    0:45          ended early",
            &format!(
                "  2  {daniyar}           2:40  19:07:20  19:09:00    1:40    0:00  cut short"
            ),
        ],
        "\n{out}"
    );
}

#[test]
fn the_log_speaks_russian_and_kazakh() {
    let data_home = TempDir::new().unwrap();
    let log = example_log(data_home.path());
    let (aigerim, meruert) = (AIGERIM, MERUERT);
    for entry in an_evening() {
        log.append(&entry).unwrap();
    }
    let run = pecha(
        data_home.path(),
        &["log", "examples/night/night.ron", "--lang", "ru"],
    );
    assert_eq!(run.status, Some(0), "{}", run.all());
    let out = &run.stdout;
    for expected in [
        "Журнал вечера «PechaKucha Night Шымкент · Vol. 1»\n",
        "27.11.2025\n",
        "  19:00:00  вечер открыт\n",
        &format!("  19:00:30  1. {aigerim}: доклад начался\n"),
        // What the host did is kept in the log as the app wrote it: in English.
        &format!("  19:01:00  1. {aigerim}: paused on slide 4\n"),
        &format!("  19:03:15  1. {aigerim}: доклад закончился через 2:40, на паузе 0:05\n"),
        "  19:06:20  3. перерыв: перерыв начался (по плану 1:00)\n",
        "  19:07:05  3. перерыв: перерыв закончился досрочно\n",
        "Доклады и перерывы: прошло 3 из 3 докладов\n",
        "  #  выступающий                план  начало    конец      длина   пауза\n",
        "Вечер: с 19:00:00 до 19:09:05, всего 9:05;",
    ] {
        assert!(out.contains(expected), "missing {expected:?} in\n{out}");
    }
    assert!(
        out.contains(&format!(
            "  4  {meruert}           2:40  19:03:30  19:06:10    2:40    0:00"
        )),
        "{out}"
    );
    let run = pecha(
        data_home.path(),
        &["log", "examples/night/night.ron", "--lang", "kk"],
    );
    assert!(
        run.stdout.contains("  19:09:05  кеш аяқталды\n") && run.stdout.contains("үзілді"),
        "{}",
        run.stdout
    );
}

#[test]
fn plain_pecha_log_prints_the_bundled_example_nights_log() {
    // `pecha` with no arguments runs the example night unpacked in the cache folder; plain
    // `pecha log` must find that night's log, not ask for a path.
    let data_home = TempDir::new().unwrap();
    let cache_home = TempDir::new().unwrap();
    let run_plain = |data: &Path| {
        let run = pecha_with_env(
            ["log"],
            [
                ("XDG_DATA_HOME", data.as_os_str()),
                ("XDG_CACHE_HOME", cache_home.path().as_os_str()),
                ("TZ", OsStr::new("UTC")),
            ],
        );
        assert_eq!(run.status, Some(0), "{run:?}");
        run.stdout
    };
    let before = run_plain(data_home.path());
    assert!(
        before.contains("has not been run on this machine"),
        "{before}"
    );

    let unpacked = cache_home.path().join(format!(
        "pecha/example-{}/night/night.ron",
        env!("CARGO_PKG_VERSION")
    ));
    assert!(
        unpacked.is_file(),
        "the example night is unpacked where `pecha` runs it"
    );
    let log = NightLog::new(&data_home.path().join("pecha/nights"), &unpacked);
    log.append(&at(0, Event::NightOpened)).unwrap();
    let after = run_plain(data_home.path());
    assert!(
        after.contains("  19:00:00  night opened\n")
            && after.contains(&format!("Log file:   {}", log.path().display())),
        "{after}"
    );
}

#[test]
fn a_night_file_that_cannot_be_read_exits_2_naming_it() {
    let data_home = TempDir::new().unwrap();
    let run = pecha(data_home.path(), &["log", "no/such/night.ron"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("no/such/night.ron"), "{}", run.all());

    // A deck is not a night: say so.
    let run = pecha(data_home.path(), &["log", "tests/data/good/deck.ron"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("tests/data/good/deck.ron")
            && run.stderr.contains("is not a night file")
            && run.stderr.lines().count() == 1,
        "{}",
        run.all()
    );
}

#[test]
fn help_lists_the_log_command() {
    let data_home = TempDir::new().unwrap();
    let run = pecha(data_home.path(), &["--help"]);
    assert!(run.stdout.contains("pecha log night.ron"), "{}", run.all());
    let run = pecha(data_home.path(), &["log", "--help"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("interventions") && run.stdout.contains("pecha/nights"),
        "{}",
        run.all()
    );
}
