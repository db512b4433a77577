//! `pecha check` and `pecha --help` through the real binary: exit statuses, the summary line, one
//! line per problem, JSON for scripts, and clap's messages for bad options. The report itself is
//! tested in depth in `tests/deck_files.rs`; here we check what a user sees in a terminal.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::{Run, pecha, pecha_with_data_home};
use common::fixtures::{copy_good_images, copy_of_good_deck, data};

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tempfile::TempDir;

/// The summary of a ready 20 x 20 deck, as the issue spells it.
const READY_PECHAKUCHA: &str = "ready: 20 slides x 20 s (PechaKucha), 6:40";

fn check(path: &Path) -> Run {
    pecha([Path::new("check"), path])
}

fn check_json(path: &Path) -> Run {
    pecha([Path::new("check"), path, Path::new("--json")])
}

/// A copy of the good deck whose slide 7 names an image that is not there.
fn deck_with_missing_image() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    copy_good_images(temp.path());
    let text = fs::read_to_string(data("good/deck.ron")).unwrap();
    assert!(text.contains("\"07.png\""));
    let path = temp.path().join("deck.ron");
    fs::write(&path, text.replace("\"07.png\"", "\"пропал 07.jpg\"")).unwrap();
    (temp, path)
}

// ---- exit 0: ready ------------------------------------------------------------------------------

#[test]
fn check_good_ron_deck_is_ready_with_exit_0() {
    let run = check(&data("good/deck.ron"));
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert_eq!(run.stdout, format!("{READY_PECHAKUCHA}\n"));
    assert_eq!(run.stderr, "");
}

#[test]
fn check_folder_holding_deck_ron_is_ready_with_exit_0() {
    let run = check(&data("good"));
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert_eq!(run.stdout.lines().next(), Some(READY_PECHAKUCHA));
}

#[test]
fn check_plain_image_folder_is_ready_with_exit_0() {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("Менің слайдтарым");
    copy_good_images(&dir);
    let run = check(&dir);
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert_eq!(run.stdout, format!("{READY_PECHAKUCHA}\n"));
}

// ---- exit 1: not ready --------------------------------------------------------------------------

#[test]
fn check_nineteen_slides_exits_1_and_says_19_and_20() {
    let run = check(&data("nineteen.ron"));
    assert_eq!(run.status, Some(1), "{}", run.all());
    let mut lines = run.stdout.lines();
    assert_eq!(lines.next(), Some("not ready: 1 problem"));
    let problem = lines.next().unwrap();
    assert!(
        problem.contains("19") && problem.contains("20"),
        "{problem}"
    );
    assert_eq!(lines.next(), None, "{}", run.stdout);
}

#[test]
fn check_missing_image_exits_1_and_names_slide_and_file() {
    let (_temp, path) = deck_with_missing_image();
    let run = check(&path);
    assert_eq!(run.status, Some(1), "{}", run.all());
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(
        lines.first(),
        Some(&"not ready: 1 problem"),
        "{}",
        run.stdout
    );
    let problem = lines
        .iter()
        .find(|line| line.contains("пропал 07.jpg"))
        .unwrap_or_else(|| panic!("no line names the file:\n{}", run.stdout));
    assert!(problem.contains("slide 7"), "{problem}");
    assert!(problem.contains("missing"), "{problem}");
}

// ---- exit 2: cannot be read ---------------------------------------------------------------------

#[test]
fn opening_a_deck_that_does_not_exist_says_so_in_words_before_any_window() {
    let temp = TempDir::new().unwrap();
    let run = pecha([temp.path().join("пропал.ron")]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("пропал.ron: does not exist") && !run.stderr.contains("os error"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_path_that_does_not_exist_exits_2_naming_it() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("no such deck.ron");
    let run = check(&path);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert_eq!(run.stdout, "", "nothing on stdout without --json");
    assert!(run.stderr.contains("no such deck.ron"), "{}", run.stderr);
    // In a host's words, not the system's `(os error 2)`.
    assert!(
        run.stderr.contains("no such deck.ron: does not exist") && !run.stderr.contains("os error"),
        "{}",
        run.stderr
    );
}

#[test]
fn check_syntax_error_exits_2_with_file_line_and_column() {
    let run = check(&data("syntax_error.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("syntax_error.ron:4:5"),
        "stderr should name the file, line 4 and column 5:\n{}",
        run.stderr
    );
}

#[test]
fn check_unknown_field_exits_2_naming_the_field() {
    let run = check(&data("unknown_field.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("unknown_field.ron"), "{}", run.stderr);
    assert!(run.stderr.contains("`note`"), "{}", run.stderr);
}

// ---- --json -------------------------------------------------------------------------------------

#[test]
fn check_json_ready_deck() {
    let run = check_json(&data("good/deck.ron"));
    assert_eq!(run.status, Some(0), "{}", run.all());
    let report = run.json();
    assert_eq!(report["ready"], Value::Bool(true));
    assert_eq!(report["findings"], Value::Array(Vec::new()));
    assert_eq!(report["format"], "PechaKucha");
    assert_eq!(report["slide_count"], 20);
    assert_eq!(report["total_seconds"], 400);
    assert_eq!(report["title"], "Как молодые люди меняют Шымкент");
}

#[test]
fn check_json_nineteen_slides_is_not_ready() {
    let run = check_json(&data("nineteen.ron"));
    assert_eq!(run.status, Some(1), "{}", run.all());
    let report = run.json();
    assert_eq!(report["ready"], Value::Bool(false));
    assert_eq!(report["slide_count"], 19);
    assert_eq!(report["expected_slides"], 20);
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["slide"], Value::Null);
    let message = findings[0]["message"].as_str().unwrap();
    assert!(
        message.contains("19") && message.contains("20"),
        "{message}"
    );
}

#[test]
fn check_json_missing_image_names_slide_and_file() {
    let (_temp, path) = deck_with_missing_image();
    let run = check_json(&path);
    assert_eq!(run.status, Some(1), "{}", run.all());
    let report = run.json();
    assert_eq!(report["ready"], Value::Bool(false));
    let findings = report["findings"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{findings:?}");
    assert_eq!(findings[0]["severity"], "error");
    assert_eq!(findings[0]["slide"], 7);
    assert_eq!(findings[0]["file"], "пропал 07.jpg");
}

#[test]
fn check_json_unreadable_path_exits_2_with_an_error_string() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("gone.ron");
    let run = check_json(&path);
    assert_eq!(run.status, Some(2), "{}", run.all());
    let report = run.json();
    assert_eq!(report["ready"], Value::Bool(false));
    let error = report["error"].as_str().unwrap();
    assert!(error.contains("gone.ron"), "{error}");
}

#[test]
fn check_json_syntax_error_exits_2_with_line_and_column() {
    let run = check_json(&data("syntax_error.ron"));
    assert_eq!(run.status, Some(2), "{}", run.all());
    let report = run.json();
    assert_eq!(report["ready"], Value::Bool(false));
    let error = report["error"].as_str().unwrap();
    assert!(error.contains("syntax_error.ron:4:5"), "{error}");
}

// ---- help and bad options -----------------------------------------------------------------------

#[test]
fn help_lists_the_subcommand_and_every_show_option() {
    let run = pecha(["--help"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    for word in [
        "check",
        "--projector",
        "--format",
        "--start",
        "--quit-when-done",
        "--trace",
        "--windowed",
        "--rehearse",
        "history",
    ] {
        assert!(
            run.stdout.contains(word),
            "--help lacks {word}:\n{}",
            run.stdout
        );
    }
}

#[test]
fn check_help_explains_the_exit_statuses() {
    let run = pecha(["check", "--help"]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    for status in [
        "0 ready",
        "1 not ready",
        "2 the deck or night file cannot be read",
    ] {
        assert!(
            run.stdout.contains(status),
            "check --help lacks `{status}`:\n{}",
            run.stdout
        );
    }
    assert!(run.stdout.contains("--json"), "{}", run.stdout);
}

#[test]
fn unknown_format_is_refused_naming_the_accepted_forms() {
    let run = pecha(["--format", "nonsense", "x"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("nonsense"), "{}", run.stderr);
    for form in ["pechakucha", "ignite", "20x10"] {
        assert!(run.stderr.contains(form), "lacks `{form}`:\n{}", run.stderr);
    }
}

#[test]
fn check_without_a_path_is_a_usage_error() {
    let run = pecha(["check"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("<PATH>"), "{}", run.stderr);
}

// ---- history ------------------------------------------------------------------------------------

#[test]
fn history_without_rehearsals_says_how_to_make_some() {
    let data_home = TempDir::new().unwrap();
    let deck = data("good/deck.ron");
    let run = pecha_with_data_home(data_home.path(), ["history", deck.to_str().unwrap()]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    assert!(
        run.stdout.contains("No rehearsals of") && run.stdout.contains("pecha --rehearse"),
        "{}",
        run.all()
    );
}

#[test]
fn history_prints_one_row_per_slide_with_the_latest_and_the_average() {
    use pecha::history::{History, HistoryStore, RunRecord, deck_key};
    use pecha::rehearsal::Outcome::{Over, OverUntapped, Slack};
    use pecha::timing::Timing;
    let data_home = TempDir::new().unwrap();
    let deck_path = data("good/deck.ron");
    let deck = pecha::deck::Deck::load(&deck_path).unwrap();
    let key = deck_key(&deck, Timing::PECHA_KUCHA).unwrap();
    let mut history = History::new(&deck.title, Timing::PECHA_KUCHA);
    let mut first = vec![Some(Slack(1000)); 20];
    first[1] = Some(Over(3000));
    let mut second = vec![Some(Slack(3000)); 20];
    second[1] = Some(Over(1000));
    second[19] = Some(OverUntapped);
    for (at, outcomes) in [(1_764_000_000, first), (1_764_086_400, second)] {
        history.push(RunRecord {
            finished_at: at,
            outcomes,
        });
    }
    HistoryStore::new(data_home.path().join("pecha/history"))
        .save(&key, &history)
        .unwrap();
    let run = pecha_with_data_home(data_home.path(), ["history", deck_path.to_str().unwrap()]);
    assert_eq!(run.status, Some(0), "{}", run.all());
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| {
            line.trim_start()
                .split(' ')
                .next()
                .is_some_and(|n| n.parse::<usize>().is_ok())
        })
        .collect();
    assert_eq!(rows.len(), 20, "{}", run.stdout);
    assert!(run.stdout.contains("2 runs"), "{}", run.stdout);
    // Slide 1: 3.0 s left, average +2.0 s, never over, getting better.
    assert!(
        rows[0].contains("3.0 s left")
            && rows[0].contains("+2.0 s")
            && rows[0].contains("0/2")
            && rows[0].contains('↑'),
        "{}",
        rows[0]
    );
    // Slide 2: over both times, by less the second time.
    assert!(
        rows[1].contains("over 1.0 s") && rows[1].contains("-2.0 s") && rows[1].contains("2/2"),
        "{}",
        rows[1]
    );
    // Slide 20: over without a tap; the average is the one run that measured it.
    assert!(
        rows[19].contains("over (no tap)")
            && rows[19].contains("+1.0 s")
            && rows[19].contains("1/2"),
        "{}",
        rows[19]
    );
    assert!(
        run.stdout.contains("Latest run: 2 slides over"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains(&format!("{key}.ron")), "{}", run.stdout);
}

#[test]
fn history_of_a_deck_that_cannot_be_read_exits_2_naming_it() {
    let data_home = TempDir::new().unwrap();
    let run = pecha_with_data_home(data_home.path(), ["history", "no/such/deck.ron"]);
    assert_eq!(run.status, Some(2), "as `pecha check`: {}", run.all());
    assert!(run.stderr.contains("no/such/deck.ron"), "{}", run.all());
}

#[test]
fn history_of_a_night_file_says_it_wants_a_talk() {
    let data_home = TempDir::new().unwrap();
    let run = pecha_with_data_home(data_home.path(), ["history", "examples/night/night.ron"]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("is a night file") && !run.stderr.contains("unknown field"),
        "{}",
        run.all()
    );
}

fn mkfifo(path: &Path) {
    assert!(
        std::process::Command::new("mkfifo")
            .arg(path)
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn a_slide_that_is_a_named_pipe_is_a_problem_of_its_slide_not_a_hang() {
    let (dir, deck) = copy_of_good_deck();
    let slide = dir.path().join("05.png");
    fs::remove_file(&slide).unwrap();
    mkfifo(&slide);
    let run = check(&deck);
    assert_eq!(run.status, Some(1), "{}", run.all());
    assert!(
        run.stdout.contains("slide 5") && run.stdout.contains("not a file"),
        "{}",
        run.all()
    );
}

#[test]
fn a_device_or_a_named_pipe_is_refused_at_once_and_named() {
    let temp = TempDir::new().unwrap();
    let fifo = temp.path().join("deck.ron");
    mkfifo(&fifo);
    // With no writer on the pipe, reading it would wait forever: the run must end, exit 2.
    for (path, what) in [
        (fifo.as_path(), "named pipe"),
        (Path::new("/dev/zero"), "device"),
        (Path::new("/dev/urandom"), "device"),
    ] {
        let run = check(path);
        assert_eq!(run.status, Some(2), "{}", run.all());
        assert!(
            run.stderr.contains(&path.display().to_string()) && run.stderr.contains(what),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_night_in_a_format_too_long_is_refused_at_its_line_not_a_panic() {
    let temp = TempDir::new().unwrap();
    let night = temp.path().join("night.ron");
    fs::write(
        &night,
        "(\n    title: \"Ночь\",\n    format: Custom(slides: 4294967295, seconds: 4294967295),\n    running_order: [Talk(deck: \"a.ron\", presenter: \"А\"), Talk(deck: \"b.ron\", presenter: \"Б\")],\n)",
    )
    .unwrap();
    let run = check(&night);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("night.ron:3:"), "{}", run.stderr);
    assert!(run.stderr.contains("at most 100 slides"), "{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn a_night_with_a_typo_is_reported_as_a_night_at_the_typo() {
    let temp = TempDir::new().unwrap();
    let night = temp.path().join("night.ron");
    // The comma after the title is missing.
    fs::write(
        &night,
        "(\n    title: \"Ночь\"\n    running_order: [Talk(deck: \"a.ron\", presenter: \"А\")],\n)",
    )
    .unwrap();
    let run = check(&night);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("night.ron:3:"), "{}", run.stderr);
    assert!(!run.stderr.contains("in the deck"), "{}", run.stderr);
}

#[test]
fn a_format_too_long_on_the_command_line_is_a_usage_error_not_an_abort() {
    let run = pecha([
        "examples/shymkent/deck.ron",
        "--format",
        "4294967295x4294967295",
    ]);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(run.stderr.contains("too long"), "{}", run.stderr);
}

#[test]
fn a_powerpoint_file_says_to_export_it_as_pdf() {
    let temp = TempDir::new().unwrap();
    let pptx = temp.path().join("aigerim.pptx");
    // A .pptx is a zip: not text, and not to be read as a deck file.
    fs::write(&pptx, b"PK\x03\x04 not really a presentation").unwrap();
    let run = check(&pptx);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert!(
        run.stderr.contains("aigerim.pptx") && run.stderr.contains("export the deck as PDF"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("UTF-8"), "{}", run.stderr);
}

#[test]
fn control_characters_in_a_path_are_escaped_and_cannot_split_a_line() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("deck\nerror: forged.ron");
    let run = check(&path);
    assert_eq!(run.status, Some(2), "{}", run.all());
    assert_eq!(run.stderr.lines().count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("deck\\nerror: forged.ron: does not exist"),
        "{}",
        run.stderr
    );
}
