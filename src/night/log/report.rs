//! The text `pecha log` prints from a night's log: what happened, line by line, then a row for
//! each talk and break as it was given, counted as the console counts them; the log's runs of
//! the night (each opening afresh begins one) told apart.
//!
//! Reading and writing the log file is [`super`]'s; this module only turns entries into words.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use chrono::TimeZone;

use super::{Entry, Event};
use crate::night::{Item, Night};
use crate::text::clock_time;
use crate::tr;

/// The text `pecha log` prints: a header (the night's title, night file, `log_file`), the
/// problems met reading the log, one row per entry (local time `HH:MM:SS`, a date line whenever
/// the day changes, and what happened, with talks named `4. Presenter` by their place in the
/// night file), then one row per talk or break given: planned length against actual start,
/// end, length and time paused, and the talks not given.
///
/// A night run again on the same machine (opened afresh after it ended, or started over) adds
/// a run to the same log: `runs` says whether to print the latest run only (with a line saying
/// how many came before) or every run, each under its own heading.
#[must_use]
pub fn to_text(
    night: &Night,
    log_file: &Path,
    entries: &[Entry],
    problems: &[String],
    runs: Runs,
) -> String {
    render_runs(night, log_file, entries, problems, runs, &chrono::Local)
}

/// Which runs of a night `pecha log` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runs {
    /// The latest run (the default).
    Latest,
    /// Every run, oldest first (`pecha log --all`).
    All,
}

/// The log's entries split into runs of the night: each opening afresh
/// ([`Event::NightOpened`]) begins one; a resume after a crash goes on with the run it was in.
#[must_use]
pub fn runs_of(entries: &[Entry]) -> Vec<&[Entry]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for (index, entry) in entries.iter().enumerate() {
        if entry.event == Event::NightOpened && index > start {
            runs.push(&entries[start..index]);
            start = index;
        }
    }
    if start < entries.len() {
        runs.push(&entries[start..]);
    }
    runs
}

/// [`to_text`] in the time zone `zone`.
fn render_runs<Tz: TimeZone>(
    night: &Night,
    log_file: &Path,
    entries: &[Entry],
    problems: &[String],
    which: Runs,
    zone: &Tz,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let runs = runs_of(entries);
    match (which, runs.as_slice()) {
        (_, []) => render(night, log_file, &[], problems, zone),
        (Runs::Latest, [.., latest]) => {
            let mut text = render(night, log_file, latest, problems, zone);
            if runs.len() > 1 {
                let note = tr!("log-runs-before", runs = runs.len()) + "\n";
                let at = text.find("\n\n").map_or(text.len(), |at| at + 1);
                text.insert_str(at, &note);
            }
            text
        }
        (Runs::All, all) => {
            let mut text = String::new();
            for (number, run) in all.iter().enumerate() {
                if number > 0 {
                    text.push('\n');
                }
                let _ = writeln!(
                    text,
                    "=== {} ===",
                    tr!("log-run-of", run = (number + 1), runs = all.len())
                );
                text.push_str(&render(night, log_file, run, problems, zone));
            }
            text
        }
    }
}

/// One run of the log in the time zone `zone` (tests use UTC).
fn render<Tz: TimeZone>(
    night: &Night,
    log_file: &Path,
    entries: &[Entry],
    problems: &[String],
    zone: &Tz,
) -> String
where
    Tz::Offset: std::fmt::Display,
{
    let mut text = String::new();
    let _ = writeln!(text, "{}", tr!("log-title", title = night.title.as_str()));
    let _ = writeln!(
        text,
        "{}",
        tr!(
            "log-night-file",
            file = crate::text::shown(&night.source).to_string()
        )
    );
    let _ = writeln!(
        text,
        "{}",
        tr!(
            "log-log-file",
            file = crate::text::shown(&log_file).to_string()
        )
    );
    for problem in problems {
        let _ = writeln!(
            text,
            "{}: {}",
            crate::check::Severity::Warning,
            tr!("log-problem", problem = problem.as_str())
        );
    }
    if entries.is_empty() {
        text.push('\n');
        text.push_str(&tr!("log-nothing"));
        text.push('\n');
        return text;
    }
    text.push('\n');
    let mut day = String::new();
    let mut order = Numbering::file_order(night);
    for entry in entries {
        if let Event::RunningOrder { order: new } = &entry.event {
            order = Numbering(new.clone());
            continue;
        }
        let (date, time) = local(entry.unix_ms, zone);
        if date != day {
            let _ = writeln!(text, "{date}");
            day = date;
        }
        let _ = writeln!(text, "  {time}  {}", describe(night, &order, &entry.event));
    }
    summary(&mut text, night, entries, zone);
    text
}

/// A Unix time in milliseconds as local `YYYY-MM-DD` and `HH:MM:SS`.
fn local<Tz: TimeZone>(unix_ms: i64, zone: &Tz) -> (String, String)
where
    Tz::Offset: std::fmt::Display,
{
    chrono::DateTime::from_timestamp_millis(unix_ms).map_or_else(
        || (tr!("log-unknown-date"), "??:??:??".to_owned()),
        |time| {
            let time = time.with_timezone(zone);
            // Each language's own way of writing a date, as `pecha history` writes it.
            let date = match crate::i18n::language() {
                crate::i18n::Language::En => "%Y-%m-%d",
                crate::i18n::Language::Ru | crate::i18n::Language::Kk => "%d.%m.%Y",
            };
            (
                time.format(date).to_string(),
                time.format("%H:%M:%S").to_string(),
            )
        },
    )
}

/// `6:40` from milliseconds, to the nearest second.
fn length_ms(ms: u64) -> String {
    clock_time(ms.saturating_add(500) / 1000)
}

/// How the console numbered the items: by their place in the running order as the host arranged
/// it (items are 0-based in the night file).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Numbering(Vec<usize>);

impl Numbering {
    /// The night file's own order, before any move.
    fn file_order(night: &Night) -> Self {
        Self((0..night.running_order.len()).collect())
    }

    /// The last running order `entries` logged, else the file's.
    fn last_in(night: &Night, entries: &[Entry]) -> Self {
        entries
            .iter()
            .rev()
            .find_map(|entry| match &entry.event {
                Event::RunningOrder { order } => Some(Self(order.clone())),
                _ => None,
            })
            .unwrap_or_else(|| Self::file_order(night))
    }

    /// `item`'s number, from 1; an item the order does not list keeps its file number.
    fn number(&self, item: usize) -> usize {
        self.0
            .iter()
            .position(|&listed| listed == item)
            .unwrap_or(item)
            + 1
    }
}

/// The item as the log rows name it: `4. Меруерт Оспанова`, `3. break`, numbered as the console
/// numbered it then. `presenter` is the name the event recorded, which wins over the night
/// file's (the file may have changed since).
fn item_label(night: &Night, order: &Numbering, item: usize, presenter: Option<&str>) -> String {
    let number = order.number(item);
    let recorded = presenter.filter(|name| !name.trim().is_empty());
    match (night.running_order.get(item), recorded) {
        (Some(Item::Talk(talk)), _) => format!("{number}. {}", recorded.unwrap_or(&talk.presenter)),
        (Some(Item::Break(_)), _) => format!("{number}. {}", tr!("log-break")),
        (None, Some(name)) => tr!("log-gone-named", number = number, name = name),
        (None, None) => tr!("log-gone", number = number),
    }
}

/// One log row's words.
fn describe(night: &Night, order: &Numbering, event: &Event) -> String {
    let item_label =
        |item: usize, presenter: Option<&str>| item_label(night, order, item, presenter);
    match event {
        Event::NightOpened => tr!("log-night-opened"),
        Event::Resumed { at } => tr!("log-resumed", at = at.as_str()),
        Event::TalkStarted { item, presenter } => {
            tr!(
                "log-talk-started",
                item = item_label(*item, Some(presenter))
            )
        }
        Event::TalkEnded {
            item,
            presenter,
            talk_ms,
            paused_ms,
        } => {
            let item = item_label(*item, Some(presenter));
            if *paused_ms > 0 {
                tr!(
                    "log-talk-ended-paused",
                    item = item,
                    length = length_ms(*talk_ms),
                    paused = length_ms(*paused_ms)
                )
            } else {
                tr!("log-talk-ended", item = item, length = length_ms(*talk_ms))
            }
        }
        Event::BreakStarted { item } => {
            let label = item_label(*item, None);
            if let Some(Item::Break(pause)) = night.running_order.get(*item) {
                tr!(
                    "log-break-started-planned",
                    item = label,
                    planned = clock_time(pause.length.as_secs())
                )
            } else {
                tr!("log-break-started", item = label)
            }
        }
        Event::BreakEnded { item, early: true } => {
            tr!("log-break-ended-early", item = item_label(*item, None))
        }
        Event::BreakEnded { item, early: false } => {
            tr!("log-break-ended", item = item_label(*item, None))
        }
        Event::Intervention {
            item: Some(item),
            what,
        } => format!("{}: {what}", item_label(*item, None)),
        Event::Intervention { item: None, what } => tr!("log-host", what = what.as_str()),
        Event::Skipped { item } => tr!("log-skipped", item = item_label(*item, None)),
        Event::NightEnded => tr!("log-night-ended"),
        // Not a row: it renumbers the rows after it.
        Event::RunningOrder { .. } => String::new(),
    }
}

/// One talk or break as it was given (a talk run again is given twice).
struct Given {
    item: usize,
    /// `None` for a break.
    presenter: Option<String>,
    start: Option<i64>,
    end: Option<i64>,
    talk_ms: Option<u64>,
    paused_ms: Option<u64>,
    early: bool,
    again: bool,
    /// The host stopped it under way: it ended, but was not given in full.
    skipped: bool,
}

impl Given {
    fn new(item: usize, presenter: Option<String>, again: bool) -> Self {
        Self {
            item,
            presenter,
            start: None,
            end: None,
            talk_ms: None,
            paused_ms: None,
            early: false,
            again,
            skipped: false,
        }
    }
}

/// Pair each start with its end, in the order things were given.
fn given(entries: &[Entry]) -> Vec<Given> {
    let mut given: Vec<Given> = Vec::new();
    // Item -> index in `given` of its run that has started and not ended.
    let mut open: HashMap<usize, usize> = HashMap::new();
    let seen = |given: &[Given], item: usize| given.iter().any(|run| run.item == item);
    for entry in entries {
        match &entry.event {
            Event::TalkStarted { item, presenter } => {
                let again = seen(&given, *item);
                let mut run = Given::new(*item, Some(presenter.clone()), again);
                run.start = Some(entry.unix_ms);
                open.insert(*item, given.len());
                given.push(run);
            }
            Event::BreakStarted { item } => {
                let again = seen(&given, *item);
                let mut run = Given::new(*item, None, again);
                run.start = Some(entry.unix_ms);
                open.insert(*item, given.len());
                given.push(run);
            }
            Event::TalkEnded {
                item,
                presenter,
                talk_ms,
                paused_ms,
            } => {
                let index = open.remove(item).unwrap_or_else(|| {
                    let again = seen(&given, *item);
                    given.push(Given::new(*item, Some(presenter.clone()), again));
                    given.len() - 1
                });
                let run = &mut given[index];
                run.end = Some(entry.unix_ms);
                run.talk_ms = Some(*talk_ms);
                run.paused_ms = Some(*paused_ms);
            }
            Event::BreakEnded { item, early } => {
                let index = open.remove(item).unwrap_or_else(|| {
                    let again = seen(&given, *item);
                    given.push(Given::new(*item, None, again));
                    given.len() - 1
                });
                let run = &mut given[index];
                run.end = Some(entry.unix_ms);
                run.early = *early;
            }
            Event::Skipped { item } => {
                // Stopped under way: its latest run ended just before (the console logs the
                // end, then the skip). A skip long after an earlier run is of a run again not begun.
                if !open.contains_key(item)
                    && let Some(run) = given.iter_mut().rev().find(|run| run.item == *item)
                    && run
                        .end
                        .is_some_and(|end| entry.unix_ms.saturating_sub(end) < 1000)
                {
                    run.skipped = true;
                }
            }
            _ => {}
        }
    }
    given
}

/// Widest presenter column, in characters; longer names are cut with `…`.
const NAME_WIDTH_MAX: usize = 30;

/// `text` in exactly `width` characters (not bytes: Cyrillic letters take two bytes each), cut
/// with `…` or padded with spaces.
fn fit(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count > width {
        let mut cut: String = text.chars().take(width.saturating_sub(1)).collect();
        cut.push('…');
        cut
    } else {
        let mut padded = text.to_owned();
        padded.extend(std::iter::repeat_n(' ', width - count));
        padded
    }
}

/// One row of the per-talk table, as printed.
struct Row {
    number: usize,
    who: String,
    planned: String,
    start: String,
    end: String,
    length: String,
    paused: String,
    note: String,
}

/// The table's row for one talk or break as given; `clock` shows a time as `HH:MM:SS`.
fn given_row(
    night: &Night,
    order: &Numbering,
    run: &Given,
    clock: impl Fn(Option<i64>) -> String,
) -> Row {
    let planned_talk = night.format.total();
    let in_file = night.running_order.get(run.item);
    let mut notes = Vec::new();
    if run.again {
        notes.push(tr!("log-note-again"));
    }
    if run.start.is_none() {
        notes.push(tr!("log-note-no-start"));
    }
    if run.end.is_none() {
        notes.push(tr!("log-note-no-end"));
    }
    if let Some(presenter) = &run.presenter {
        if run.skipped {
            notes.push(tr!("log-note-skipped-under-way"));
        } else if let Some(talk_ms) = run.talk_ms
            && u128::from(talk_ms) + 500 < planned_talk.as_millis()
        {
            notes.push(tr!("log-note-cut-short"));
        }
        let who = match in_file {
            Some(Item::Talk(talk)) if presenter.trim().is_empty() => talk.presenter.clone(),
            _ => presenter.clone(),
        };
        Row {
            number: order.number(run.item),
            who,
            planned: clock_time(planned_talk.as_secs()),
            start: clock(run.start),
            end: clock(run.end),
            length: run.talk_ms.map_or_else(|| "—".to_owned(), length_ms),
            paused: run.paused_ms.map_or_else(|| "—".to_owned(), length_ms),
            note: notes.join(", "),
        }
    } else {
        if run.early {
            notes.push(tr!("log-note-ended-early"));
        }
        let length = match (run.start, run.end) {
            (Some(start), Some(end)) if end >= start => length_ms(end.abs_diff(start)),
            _ => "—".to_owned(),
        };
        Row {
            number: order.number(run.item),
            who: tr!("log-break"),
            planned: match in_file {
                Some(Item::Break(pause)) => clock_time(pause.length.as_secs()),
                _ => "—".to_owned(),
            },
            start: clock(run.start),
            end: clock(run.end),
            length,
            paused: String::new(),
            note: notes.join(", "),
        }
    }
}

/// The per-talk table and the night's span, appended to `text`.
fn summary<Tz: TimeZone>(text: &mut String, night: &Night, entries: &[Entry], zone: &Tz)
where
    Tz::Offset: std::fmt::Display,
{
    let clock =
        |unix_ms: Option<i64>| unix_ms.map_or_else(|| "—".to_owned(), |ms| local(ms, zone).1);
    let runs = given(entries);
    // The table numbers items as the console did at the end of the run.
    let order = Numbering::last_in(night, entries);
    let mut rows: Vec<Row> = runs
        .iter()
        .map(|run| given_row(night, &order, run, clock))
        .collect();
    let given_rows = rows.len();
    for (item, thing) in night.running_order.iter().enumerate() {
        if let Item::Talk(talk) = thing
            && !runs.iter().any(|run| run.item == item)
        {
            rows.push(Row {
                number: order.number(item),
                who: talk.presenter.clone(),
                planned: clock_time(night.format.total().as_secs()),
                start: "—".to_owned(),
                end: "—".to_owned(),
                length: "—".to_owned(),
                paused: "—".to_owned(),
                note: tr!("log-note-not-given"),
            });
        }
    }
    // The talks not given in the order they were due.
    rows[given_rows..].sort_by_key(|row| row.number);
    let mut given_talks: Vec<usize> = runs
        .iter()
        .filter(|run| {
            run.end.is_some()
                && !run.skipped
                && matches!(night.running_order.get(run.item), Some(Item::Talk(_)))
        })
        .map(|run| run.item)
        .collect();
    given_talks.sort_unstable();
    given_talks.dedup();
    let _ = writeln!(
        text,
        "\n{}",
        tr!(
            "log-given",
            given = given_talks.len(),
            talks = night.talks().count()
        )
    );
    write_table(text, &rows);
    let _ = writeln!(text, "{}", tr!("log-length-legend"));
    if let (Some(first), Some(last)) = (entries.first(), entries.last()) {
        let span = if last.unix_ms >= first.unix_ms {
            length_ms(last.unix_ms.abs_diff(first.unix_ms))
        } else {
            "—".to_owned()
        };
        let ended = entries.iter().any(|entry| entry.event == Event::NightEnded);
        let (from, to, planned) = (
            local(first.unix_ms, zone).1,
            local(last.unix_ms, zone).1,
            clock_time(night.length().as_secs()),
        );
        let line = if ended {
            tr!(
                "log-span",
                from = from,
                to = to,
                span = span,
                planned = planned
            )
        } else {
            tr!(
                "log-span-not-ended",
                from = from,
                to = to,
                span = span,
                planned = planned
            )
        };
        let _ = writeln!(text, "{line}");
    }
}

/// The per-talk table: its headings, then a line per row.
fn write_table(text: &mut String, rows: &[Row]) {
    let width = rows
        .iter()
        .map(|row| row.who.chars().count())
        .chain([tr!("log-col-presenter").chars().count()])
        .max()
        .unwrap_or(9)
        .min(NAME_WIDTH_MAX);
    // Headings padded as the columns are (by characters), so they line up in every language.
    let header = format!(
        "{:>3}  {}  {:>7}  {:<8}  {:<8}  {:>6}  {:>6}",
        "#",
        fit(&tr!("log-col-presenter"), width),
        tr!("log-col-planned"),
        tr!("log-col-start"),
        tr!("log-col-end"),
        tr!("log-col-length"),
        tr!("log-col-paused")
    );
    let _ = writeln!(text, "{}", header.trim_end());
    for row in rows {
        let line = format!(
            "{:>3}  {}  {:>7}  {:<8}  {:<8}  {:>6}  {:>6}  {}",
            row.number,
            fit(&row.who, width),
            row.planned,
            row.start,
            row.end,
            row.length,
            row.paused,
            row.note
        );
        let _ = writeln!(text, "{}", line.trim_end());
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(super) mod tests {
    use super::*;

    const NIGHT: &str = r#"(
        title: "PechaKucha Night Шымкент",
        format: PechaKucha,
        running_order: [
            Talk(deck: "a/", presenter: "Әйгерім Құрманғалиқызы"),
            Talk(deck: "b.pdf", presenter: "Тохтар"),
            Break(minutes: 15, message: "Үзіліс"),
            Talk(deck: "c/", presenter: "Меруерт Оспанова"),
        ],
    )"#;

    /// 2025-11-27 19:00:00 UTC.
    pub(in crate::night::log) const SEVEN_PM: i64 = 1_764_270_000_000;

    pub(in crate::night::log) fn at(seconds: i64, event: Event) -> Entry {
        Entry {
            unix_ms: SEVEN_PM + seconds * 1000,
            event,
        }
    }

    pub(in crate::night::log) fn night() -> Night {
        Night::from_ron_str(NIGHT, Path::new("nights/night.ron")).unwrap()
    }

    pub(in crate::night::log) fn evening() -> Vec<Entry> {
        vec![
            at(0, Event::NightOpened),
            at(
                60,
                Event::TalkStarted {
                    item: 0,
                    presenter: "Әйгерім Құрманғалиқызы".into(),
                },
            ),
            at(
                150,
                Event::Intervention {
                    item: Some(0),
                    what: "paused on slide 5".into(),
                },
            ),
            at(
                162,
                Event::Intervention {
                    item: Some(0),
                    what: "resumed".into(),
                },
            ),
            at(
                472,
                Event::TalkEnded {
                    item: 0,
                    presenter: "Әйгерім Құрманғалиқызы".into(),
                    talk_ms: 400_000,
                    paused_ms: 12_000,
                },
            ),
            at(
                480,
                Event::Intervention {
                    item: Some(1),
                    what: "skipped".into(),
                },
            ),
            at(490, Event::BreakStarted { item: 2 }),
            at(
                1090,
                Event::BreakEnded {
                    item: 2,
                    early: true,
                },
            ),
            at(
                1100,
                Event::Resumed {
                    at: "card of talk 4".into(),
                },
            ),
            at(
                1110,
                Event::TalkStarted {
                    item: 3,
                    presenter: "Меруерт Оспанова".into(),
                },
            ),
            at(
                1300,
                Event::TalkEnded {
                    item: 3,
                    presenter: "Меруерт Оспанова".into(),
                    talk_ms: 189_600,
                    paused_ms: 0,
                },
            ),
            at(
                1310,
                Event::Intervention {
                    item: None,
                    what: "blackout on".into(),
                },
            ),
            at(1320, Event::NightEnded),
        ]
    }

    #[test]
    fn a_night_run_again_is_its_own_run_and_the_latest_is_shown() {
        let started = |item: usize, presenter: &str| Event::TalkStarted {
            item,
            presenter: presenter.into(),
        };
        let mut entries = evening();
        let second_run_at = 6 * 3600;
        entries.push(at(second_run_at, Event::NightOpened));
        entries.push(at(second_run_at + 60, started(1, "Тохтар")));
        // A resume goes on with its run.
        entries.push(at(
            second_run_at + 120,
            Event::Resumed {
                at: "talk 2 (Тохтар), slide 3".into(),
            },
        ));
        assert_eq!(runs_of(&entries).len(), 2);
        let latest = render_runs(
            &night(),
            Path::new("x.log"),
            &entries,
            &[],
            Runs::Latest,
            &chrono::Utc,
        );
        assert!(latest.contains("run 2 times"), "{latest}");
        assert!(latest.contains("Тохтар: talk started"), "{latest}");
        assert!(latest.contains("night resumed"), "{latest}");
        assert!(
            !latest.contains("Әйгерім Құрманғалиқызы: talk started"),
            "the first run is not mixed in: {latest}"
        );
        let all = render_runs(
            &night(),
            Path::new("x.log"),
            &entries,
            &[],
            Runs::All,
            &chrono::Utc,
        );
        assert!(all.contains("=== Run 1 of 2 ===") && all.contains("=== Run 2 of 2 ==="));
        assert!(
            all.contains("Әйгерім Құрманғалиқызы: talk started"),
            "{all}"
        );
        // One run: no note.
        let one = render_runs(
            &night(),
            Path::new("x.log"),
            &evening(),
            &[],
            Runs::Latest,
            &chrono::Utc,
        );
        assert!(!one.contains("times on this machine"), "{one}");
    }

    #[test]
    fn items_are_numbered_by_the_running_order_as_the_console_numbers_them() {
        // The host moves Меруерт (item 3 of the file) to the front: she is no. 1 from then on,
        // in the rows and in the table, as on the console.
        let entries = vec![
            at(0, Event::NightOpened),
            at(
                5,
                Event::Intervention {
                    item: Some(3),
                    what: "moved to place 1".into(),
                },
            ),
            at(
                5,
                Event::RunningOrder {
                    order: vec![3, 0, 1, 2],
                },
            ),
            at(
                10,
                Event::TalkStarted {
                    item: 3,
                    presenter: "Меруерт Оспанова".into(),
                },
            ),
        ];
        let text = render(&night(), Path::new("x.log"), &entries, &[], &chrono::Utc);
        // Before the move she was no. 4; after it, no. 1.
        assert!(
            text.contains("4. Меруерт Оспанова: moved to place 1"),
            "{text}"
        );
        assert!(text.contains("1. Меруерт Оспанова: talk started"), "{text}");
        // No row for the order itself.
        assert_eq!(text.matches("19:00:05").count(), 1, "{text}");
        // The table: Әйгерім is no. 2 and Тохтар no. 3, not given, in that order.
        let rows: Vec<&str> = text
            .lines()
            .filter(|line| line.contains("not given"))
            .collect();
        assert_eq!(rows.len(), 2, "{text}");
        assert!(rows[0].trim_start().starts_with("2  Әйгерім"), "{text}");
        assert!(rows[1].trim_start().starts_with("3  Тохтар"), "{text}");
    }

    #[test]
    fn a_talk_skipped_under_way_is_not_counted_as_given_as_on_the_console() {
        let ended = |item: usize, presenter: &str, talk_ms: u64| Event::TalkEnded {
            item,
            presenter: presenter.into(),
            talk_ms,
            paused_ms: 0,
        };
        let entries = vec![
            at(0, Event::NightOpened),
            at(
                10,
                Event::TalkStarted {
                    item: 0,
                    presenter: "Әйгерім Құрманғалиқызы".into(),
                },
            ),
            at(410, ended(0, "Әйгерім Құрманғалиқызы", 400_000)),
            at(
                420,
                Event::TalkStarted {
                    item: 1,
                    presenter: "Тохтар".into(),
                },
            ),
            at(500, ended(1, "Тохтар", 80_000)),
            at(500, Event::Skipped { item: 1 }),
            // Skipped before it began: no run, and not given.
            at(510, Event::Skipped { item: 3 }),
        ];
        let text = render(&night(), Path::new("x.log"), &entries, &[], &chrono::Utc);
        assert!(text.contains("1 of 3 talks given"), "{text}");
        let tokhtar = text
            .lines()
            .find(|line| line.contains("Тохтар") && line.contains("6:40"))
            .unwrap_or_default();
        assert!(tokhtar.contains("skipped under way"), "{text}");
        assert!(!tokhtar.contains("cut short"), "{text}");
        assert!(text.contains("2. Тохтар: skipped"), "{text}");
    }

    #[test]
    fn the_text_names_talks_and_times_them() {
        let text = render(
            &night(),
            Path::new("/data/night-0123456789ab.log"),
            &evening(),
            &["line 4 is damaged (1:20: unexpected end); skipped".to_owned()],
            &chrono::Utc,
        );
        for expected in [
            "Night log of \"PechaKucha Night Шымкент\"",
            "Log file:   /data/night-0123456789ab.log",
            "warning: log line 4 is damaged",
            "2025-11-27\n",
            "  19:00:00  night opened\n",
            "  19:01:00  1. Әйгерім Құрманғалиқызы: talk started\n",
            "  19:02:30  1. Әйгерім Құрманғалиқызы: paused on slide 5\n",
            "  19:07:52  1. Әйгерім Құрманғалиқызы: talk ended after 6:40, paused 0:12\n",
            "  19:08:00  2. Тохтар: skipped\n",
            "  19:08:10  3. break: break started (15:00 planned)\n",
            "  19:18:10  3. break: break ended early\n",
            "  19:18:20  night resumed after a restart, at card of talk 4\n",
            "  19:21:40  4. Меруерт Оспанова: talk ended after 3:10\n",
            "  19:21:50  host: blackout on\n",
            "  19:22:00  night ended\n",
            "Talks and breaks: 2 of 3 talks given\n",
            "The night: 19:00:00 to 19:22:00, 22:00 in all; the running order plans 35:00",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
        let table: Vec<&str> = text
            .lines()
            .skip_while(|line| !line.starts_with("  #  presenter"))
            .take(5)
            .collect();
        assert_eq!(
            table,
            [
                "  #  presenter               planned  start     end       length  paused",
                "  1  Әйгерім Құрманғалиқызы     6:40  19:01:00  19:07:52    6:40    0:12",
                "  3  break                     15:00  19:08:10  19:18:10   10:00          ended early",
                "  4  Меруерт Оспанова           6:40  19:18:30  19:21:40    3:10    0:00  cut short",
                "  2  Тохтар                     6:40  —         —              —       —  not given",
            ],
            "\n{text}"
        );
        // The columns line up in characters, whatever the bytes.
        let columns: Vec<usize> = table[1..4]
            .iter()
            .map(|row| row.chars().take_while(|c| *c != ':').count())
            .collect();
        assert!(
            columns.windows(2).all(|pair| pair[0] == pair[1]),
            "{columns:?}"
        );
    }

    #[test]
    fn a_talk_run_again_or_cut_off_by_a_crash_gets_its_own_row() {
        let entries = vec![
            at(
                0,
                Event::TalkStarted {
                    item: 1,
                    presenter: "Тохтар".into(),
                },
            ),
            at(
                30,
                Event::Resumed {
                    at: "talk 2, slide 2".into(),
                },
            ),
            at(
                40,
                Event::TalkStarted {
                    item: 1,
                    presenter: "Тохтар".into(),
                },
            ),
            at(
                440,
                Event::TalkEnded {
                    item: 1,
                    presenter: "Тохтар".into(),
                    talk_ms: 399_700,
                    paused_ms: 0,
                },
            ),
            at(
                500,
                Event::TalkEnded {
                    item: 7,
                    presenter: "Гость".into(),
                    talk_ms: 1_000,
                    paused_ms: 0,
                },
            ),
        ];
        let text = render(&night(), Path::new("x.log"), &entries, &[], &chrono::Utc);
        assert!(text.contains("no end logged"), "{text}");
        assert!(text.contains("  2  Тохтар"), "{text}");
        let again = text
            .lines()
            .find(|line| line.contains("19:00:40  19:07:20"))
            .unwrap_or_else(|| panic!("{text}"));
        // 399.7 s rounds to the full 6:40: not cut short.
        assert!(again.ends_with("6:40    0:00  again"), "{again}\n{text}");
        assert!(
            text.contains("8. Гость (no longer in the night file): talk ended after 0:01"),
            "{text}"
        );
        assert!(text.contains("(not ended)"), "{text}");
        assert!(text.contains("1 of 3 talks given"), "{text}");
    }

    #[test]
    fn an_empty_log_says_so() {
        let text = render(&night(), Path::new("x.log"), &[], &[], &chrono::Utc);
        assert!(text.ends_with("Nothing logged yet.\n"), "{text}");
    }

    #[test]
    fn names_fit_their_column_in_characters() {
        assert_eq!(fit("Әйгерім", 9), "Әйгерім  ");
        assert_eq!(fit("Құрманғалиқызы", 5), "Құрм…");
        assert_eq!(length_ms(399_499), "6:39");
        assert_eq!(length_ms(399_500), "6:40");
    }
}
