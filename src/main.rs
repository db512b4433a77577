//! The `pecha` binary: parses the command line, sets up logging, then runs the app or a
//! subcommand. Everything else lives in the library so it can be tested.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use pecha::check;
use pecha::deck::{Deck, Format};
use pecha::i18n::Language;
use pecha::monitors::ProjectorRequest;
use pecha::night::lock::{LockError, NightLock};
use pecha::open::{Kind, OpenError, Opened, open};

/// Pecha runs PechaKucha talks and whole PechaKucha Nights: 20 slides x 20 seconds, advancing
/// by themselves, exact to the frame, with a presenter view (or a night's host console) on the
/// laptop and only the slides and cards on the projector.
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
#[command(after_help = "\
Examples:
  pecha                          open the bundled example night (3 short talks and a break)
  pecha night.ron                run a PechaKucha Night: the host console and the cards
  pecha talk.ron                 open a deck (a RON file, a folder of images or a PDF)
  pecha talk.pdf                 each page of the PDF is a slide
  pecha talk.pptx                a PowerPoint, Impress (.odp) or Keynote deck, converted with
                                 LibreOffice (cached), with its notes and without hidden slides
  pecha talk/ --projector HDMI-1 --start
  pecha check talk.ron           is this deck ready for the show? (exit 0 ready, 1 not, 2 unreadable)
  pecha check talk.ron --json    the same report for scripts
  pecha check night.ron          every talk of a PechaKucha Night, and the night's length
  pecha --rehearse talk.ron      practise on one laptop: tap Space when done with a slide
  pecha history talk.ron         where past rehearsals ran over, slide by slide
  pecha pack night.ron DEST      the night and every deck it needs in one folder (or DEST.zip)
  pecha log night.ron            what happened during a night: each talk's real start, end, pauses
  pecha log                      the same for the bundled example night

Keys while presenting: Space/Enter/PageDown start the talk; P pauses and resumes; F toggles
fullscreen on the projector; B blacks it out; see the README for host recovery keys.
Keys while rehearsing: Space/PageDown tap \"done\" on a slide; L practises one slide on a loop;
H shows the run report; E edits the slide's notes and Ctrl+S saves them to the deck file.
Keys while hosting a night: Space starts the talk or break whose card is up; W walks through
every card (arrows step, Esc ends); M stops the break music; P, B and the show's keys in a talk.")]
struct Cli {
    /// The language of the window and of the text printed here: kk, ru or en. Without it, the
    /// one chosen in View → Language, else the system's locale. `--json` output and this help are
    #[arg(long, global = true, value_name = "kk|ru|en")]
    lang: Option<Language>,

    /// Deck to open: a RON deck file, a folder of images, a PDF, or a PowerPoint, Impress or
    /// Keynote file (.pptx, .ppt, .odp, .key: converted with LibreOffice, which must be installed,
    /// and cached by content); or a night file, which opens the host console. Without it, the
    /// bundled example night.
    path: Option<PathBuf>,

    #[command(flatten)]
    show: ShowArgs,

    #[command(subcommand)]
    command: Option<Command>,
}

/// Options for running a talk in the app.
#[derive(Debug, clap::Args)]
struct ShowArgs {
    /// Which monitor shows the projector window: its index (0, 1, ...), its name, or `off`.
    /// Without it: the monitor remembered from last time, else the first one that is not the
    /// laptop's, else a normal window.
    #[arg(long, value_name = "INDEX|NAME|off")]
    projector: Option<ProjectorRequest>,

    /// Keep the projector in a normal window instead of fullscreen.
    #[arg(long)]
    windowed: bool,

    /// Override the deck's format: `pechakucha` (20 x 20 s), `ignite` (20 x 15 s) or
    /// `<SLIDES>x<SECONDS>`, e.g. `20x2` for a quick run-through (1 to 100 slides of 1 to 600 s).
    #[arg(long, value_name = "pechakucha|ignite|SLIDESxSECONDS")]
    format: Option<Format>,

    /// Start the talk as soon as the first slides are ready.
    #[arg(long)]
    start: bool,

    /// Exit with status 0 once the talk has finished.
    #[arg(long)]
    quit_when_done: bool,

    /// Write a CSV of when each slide was scheduled and when it was painted on the projector.
    #[arg(long, value_name = "FILE")]
    trace: Option<PathBuf>,

    /// Serve the speaker's view and the host's remote to phones on this network (as View ->
    /// Phones… does): on every interface at port 7820 without a value, or at [ADDR:]PORT. The
    /// two addresses, with their keys, are printed on standard output.
    #[arg(long, value_name = "[ADDR:]PORT", num_args = 0..=1, default_missing_value = "7820")]
    serve: Option<pecha::phones::ServeAddr>,

    /// Rehearse on one laptop: no projector window (unless --projector), cue sounds on, and
    /// Space / PageDown tap "done" on each slide; every run is kept in the deck's history.
    #[arg(long)]
    rehearse: bool,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check whether a deck is ready for the show: slide count, every image decoded for real,
    /// resolution, aspect ratios, notes length, file sizes; for a PowerPoint or Impress deck also
    /// its hidden slides (left out), embedded video or sound, and fonts missing on this machine.
    /// Given a night file, checks every talk's deck under its talk's name and totals the night's
    /// length.
    ///
    /// Exit status: 0 ready (warnings allowed), 1 not ready (for a night: any talk not ready),
    /// 2 the deck or night file cannot be read at all.
    Check {
        /// The deck (a RON deck file, a folder of images, a PDF, or a PowerPoint, Impress or
        /// Keynote file), or a night file.
        path: PathBuf,
        /// Print the report as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Print the deck's rehearsal history: one row per slide with the latest run's slack or
    /// overrun, the average of the last 5 runs, how often it ran over, and the trend.
    ///
    /// History is kept per deck content (slide pictures and format) in the user's data folder
    /// (`$XDG_DATA_HOME/pecha/history`, usually `~/.local/share/pecha/history`).
    History {
        /// The deck: a RON deck file, a folder of images or a PDF.
        path: PathBuf,
        /// The format rehearsed, if not the deck's own (each format has its own history).
        #[arg(long, value_name = "pechakucha|ignite|SLIDESxSECONDS")]
        format: Option<Format>,
    },
    /// Copy a night and everything it needs into one folder (or zip) to carry to the laptop that
    /// drives the projector: the night file, written anew with paths relative to it; every
    /// talk's deck in a folder of its own under `talks/` (RON decks with their pictures, folders
    /// of pictures, PDFs, PowerPoint and Impress files with the PDF LibreOffice made of them
    /// beside them, so the show laptop needs no LibreOffice); the break music under `music/`.
    /// Rehearsal history and the night's progress are not packed.
    ///
    /// DEST must be a new or empty folder; a name ending in `.zip` writes a zip instead (all in
    /// one folder inside it: unzip it, then open its night file). Nothing is left at DEST when
    /// the pack fails. Progress (files and megabytes) goes to stderr.
    ///
    /// Exit status: 0 packed, 1 a deck cannot be read or a file cannot be written, 2 the night
    /// file cannot be read or DEST is not new or empty.
    Pack {
        /// The night file.
        night: PathBuf,
        /// The folder to create (or an empty one), or a new `NAME.zip`.
        dest: PathBuf,
    },
    /// Print a night's log: when each talk really started and ended, breaks, pauses and the
    /// host's interventions (skip, run again, reorder, blackout, resume after a crash), then per
    /// talk its planned length against its actual start, end, length and time paused.
    ///
    /// The app writes the log as the night goes on, next to the night's progress in the user's
    /// data folder (`$XDG_DATA_HOME/pecha/nights`, usually `~/.local/share/pecha/nights`).
    ///
    /// A night run again here (opened afresh after it ended, or started over) is a new run in
    /// the same log: the latest is printed, `--all` prints every run.
    ///
    /// Exit status: 0 printed (also when the night has not been run here yet), 1 the log cannot
    /// be read, 2 the night file cannot be read.
    Log {
        /// The night file. Without it, the bundled example night's (the night `pecha` with no
        /// arguments runs).
        path: Option<PathBuf>,
        /// Every run of the night on this machine, oldest first, not only the latest.
        #[arg(long)]
        all: bool,
    },
}

fn main() -> ExitCode {
    // First thing: the app's clock counts from launch, which is how start-up time is measured.
    let clock = pecha::clock::SystemClock::new();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .format_timestamp_millis()
        .init();
    // What lines the app's times (trace, log) up with an outside probe's wall-clock timestamps.
    log::info!(
        "clock origin: unix {:.6} s",
        clock.origin_unix().as_secs_f64()
    );
    // Before any slide buffer exists: freed slides must go back to the system.
    if !pecha::allocator::return_large_buffers_when_freed() {
        log::debug!("the C library keeps its own rule for returning large buffers");
    }
    install_panic_hook();
    let cli = Cli::parse_from(lang_after_subcommand(std::env::args_os().collect()));
    let system_language = Language::from_system();
    // What this terminal reads: `--lang`, else the app's remembered choice, else the system's.
    pecha::i18n::set_language(
        cli.lang
            .or_else(|| {
                eframe::storage_dir("pecha")
                    .and_then(|dir| pecha::settings::remembered_language(&dir.join("app.ron")))
            })
            .unwrap_or(system_language),
    );
    match cli.command {
        Some(Command::Check { path, json }) => run_check(&path, json),
        Some(Command::History { path, format }) => match open(&path) {
            Ok(Opened::Night(_)) | Err(OpenError::Night(_)) => {
                eprintln!(
                    "pecha history: {}",
                    pecha::tr!(
                        "cli-history-night",
                        file = pecha::text::shown(&path).to_string()
                    )
                );
                ExitCode::from(2)
            }
            // As `pecha check`: a deck that cannot be read at all is exit status 2.
            Err(OpenError::Deck(error)) => {
                eprintln!("pecha history: {error}");
                ExitCode::from(2)
            }
            Ok(Opened::Deck(deck)) => match run_history(&deck, format) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    eprintln!("pecha history: {error:#}");
                    ExitCode::from(1)
                }
            },
        },
        Some(Command::Pack { night, dest }) => run_pack(&night, &dest),
        Some(Command::Log {
            path: Some(path),
            all,
        }) => run_log(&path, all),
        Some(Command::Log { path: None, all }) => match pecha::example::example_night() {
            Ok(path) => run_log(&path, all),
            Err(error) => {
                eprintln!(
                    "pecha log: {}",
                    pecha::tr!("cli-cannot-unpack", error = error.to_string())
                );
                ExitCode::from(2)
            }
        },
        None => match run_app(
            cli.path.as_deref(),
            cli.show,
            (cli.lang, system_language),
            clock,
        ) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("pecha: {error:#}");
                ExitCode::from(2)
            }
        },
    }
}

/// `pecha --lang ru check talk.ron` as `pecha check --lang ru talk.ron`: `--lang` is global, but
/// clap refuses any option before a subcommand here (`args_conflicts_with_subcommands`, which keeps
/// `pecha --start check x` from meaning nothing silently). Only a `--lang` that comes first
/// (straight after the program's name) moves, and only when a subcommand follows it.
fn lang_after_subcommand(mut args: Vec<std::ffi::OsString>) -> Vec<std::ffi::OsString> {
    const SUBCOMMANDS: [&str; 4] = ["check", "history", "log", "help"];
    let taken = match args.get(1).and_then(|arg| arg.to_str()) {
        Some("--lang") => 2,
        Some(arg) if arg.starts_with("--lang=") => 1,
        _ => return args,
    };
    let subcommand = 1 + taken;
    if args.len() <= subcommand
        || !SUBCOMMANDS.contains(&args[subcommand].to_str().unwrap_or_default())
    {
        return args;
    }
    let lang: Vec<_> = args.drain(1..subcommand).collect();
    let at = 2;
    args.splice(at..at, lang);
    args
}

/// A panic (ours, or one inside the windowing system) is logged where the log goes, then
/// reported as Rust reports it (with the backtrace under `RUST_BACKTRACE=1`). It then unwinds out
/// of the event loop, which drops the app: that writes the trace, notes and history it holds
/// (`PechaApp`'s `Drop`). A night's progress and log are on disk already, written as they change,
/// so `pecha night.ron` offers to resume where it stopped.
fn install_panic_hook() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|text| (*text).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "(no message)".to_owned());
        let place = info.location().map_or_else(String::new, |location| {
            format!(" at {}:{}", location.file(), location.line())
        });
        log::error!(
            "panic in thread {}{place}: {message}",
            std::thread::current().name().unwrap_or("unnamed")
        );
        report(info);
    }));
}

/// `pecha check`: print the report and turn readiness into the documented exit status. A night
/// file checks every talk's deck under its talk's name, and the night's length.
fn run_check(path: &std::path::Path, json: bool) -> ExitCode {
    match open_in_terminal(path) {
        Ok(Opened::Deck(deck)) => {
            let report = check::check_deck(&deck);
            reported(
                json,
                &report.to_text(),
                &report.to_json(),
                report.is_ready(),
            )
        }
        Ok(Opened::Night(night)) => {
            let report = check::check_night(&night);
            reported(json, &report.to_text(), &report.to_json(), report.ready)
        }
        Err(error) => {
            let shape = match error.kind() {
                Kind::Deck => ("deck", "findings"),
                Kind::Night => ("night", "talks"),
            };
            unreadable(json, shape, path, &error)
        }
    }
}

/// [`open`], saying on stderr that a PowerPoint or Impress deck is being converted with
/// LibreOffice (it takes seconds, before anything else is printed or a window opens), and every
/// ten seconds how long it has taken.
fn open_in_terminal(path: &std::path::Path) -> Result<Opened, OpenError> {
    let said = std::cell::Cell::new(None::<u64>);
    let watch = |progress: pecha::convert::Progress| {
        let pecha::convert::Progress::Converting { file, spent } = progress;
        let tens = spent.as_secs() / 10;
        if said.replace(Some(tens)) == Some(tens) {
            return;
        }
        let name = pecha::text::shown(
            file.file_name()
                .map_or(file.as_path(), std::path::Path::new),
        )
        .to_string();
        if tens == 0 {
            eprintln!("{}", pecha::tr!("cli-converting", file = name.as_str()));
        } else {
            eprintln!(
                "{}",
                pecha::tr!(
                    "notice-converting",
                    file = name.as_str(),
                    seconds = (tens * 10)
                )
            );
        }
    };
    pecha::open::open_with(path, &pecha::convert::Converter::from_env(), &watch)
}

/// Print a check's report as text or JSON; exit 0 when ready, 1 when not.
fn reported(json: bool, text: &str, json_text: &str, ready: bool) -> ExitCode {
    if json {
        println!("{json_text}");
    } else {
        print!("{text}");
    }
    if ready {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// A deck or night that cannot be read at all: exit 2. In JSON the answer has the report's
/// shape (`ready`, an empty list), so scripts can always read it.
fn unreadable(
    json: bool,
    (subject, list): (&str, &str),
    path: &std::path::Path,
    error: &dyn std::fmt::Display,
) -> ExitCode {
    if json {
        let mut report = serde_json::json!({
            "ready": false,
            // English in every language, as the rest of `--json`.
            "error": pecha::i18n::in_language(Language::En, || error.to_string()),
        });
        report[subject] = serde_json::json!(path);
        report[list] = serde_json::json!([]);
        println!("{report:#}");
    } else {
        eprintln!("pecha check: {error}");
    }
    ExitCode::from(2)
}

/// `pecha history`: the same record the rehearsal report shows, in the terminal.
fn run_history(deck: &Deck, format: Option<Format>) -> anyhow::Result<()> {
    use pecha::history::{History, HistoryStore, deck_key};
    let format = format.unwrap_or(deck.format);
    let timing = format.timing();
    let key = deck_key(deck, timing)?;
    let store = HistoryStore::user()?;
    let history = store
        .read(&key)?
        .unwrap_or_else(|| History::new(&deck.title, timing));
    print!("{}", history.to_text(&format.describe()));
    if !history.runs.is_empty() {
        println!(
            "{}",
            pecha::tr!(
                "cli-history-file",
                file = store.path_for(&key).display().to_string()
            )
        );
    }
    Ok(())
}

/// `pecha pack night.ron DEST`: plan (every deck read, presentations converted), then write,
/// with a progress line on stderr at most once a second.
fn run_pack(night_path: &std::path::Path, dest: &std::path::Path) -> ExitCode {
    use pecha::pack::{PackError, PackProgress};
    let night = match pecha::night::Night::load(night_path) {
        Ok(night) => night,
        Err(error) => {
            eprintln!("pecha pack: {error}");
            return ExitCode::from(2);
        }
    };
    if let Err(error) = pecha::pack::refuse_taken(dest) {
        eprintln!("pecha pack: {error}");
        return ExitCode::from(2);
    }
    let converting = std::cell::Cell::new(None::<std::path::PathBuf>);
    let watch = |progress: pecha::convert::Progress| {
        let pecha::convert::Progress::Converting { file, .. } = progress;
        if converting.replace(Some(file.clone())).as_ref() != Some(&file) {
            eprintln!(
                "{}",
                pecha::tr!(
                    "cli-converting",
                    file = pecha::text::shown(&file).to_string()
                )
            );
        }
    };
    let outcome = pecha::pack::plan(&night, &pecha::convert::Converter::from_env(), &watch)
        .and_then(|plan| {
            for warning in &plan.warnings {
                eprintln!("{}: {warning}", pecha::tr!("severity-warning"));
            }
            let last = std::cell::Cell::new(None::<std::time::Instant>);
            let progress = |status: PackProgress| {
                let due = last
                    .get()
                    .is_none_or(|at| at.elapsed() >= std::time::Duration::from_secs(1));
                if due && status.files_done < status.files {
                    last.set(Some(std::time::Instant::now()));
                    eprintln!(
                        "{}",
                        pecha::tr!(
                            "cli-packing",
                            done = status.files_done,
                            files = status.files,
                            megabytes = (status.bytes_done / 1_000_000),
                            total = (status.bytes.div_ceil(1_000_000))
                        )
                    );
                }
            };
            pecha::pack::write(&plan, dest, &progress)
        });
    match outcome {
        Ok(packed) => {
            println!(
                "{}",
                pecha::tr!(
                    "cli-packed",
                    title = night.title.as_str(),
                    files = packed.files,
                    megabytes = pecha::i18n::decimal(packed.bytes as f64 / 1_000_000.0, 1),
                    dest = pecha::text::shown(&packed.dest).to_string()
                )
            );
            let night_file = pecha::text::shown(&packed.night).to_string();
            if pecha::pack::is_zip(dest) {
                println!("{}", pecha::tr!("cli-packed-zip", night = night_file));
            } else {
                println!("{}", pecha::tr!("cli-packed-folder", night = night_file));
            }
            ExitCode::SUCCESS
        }
        Err(
            error @ (PackError::NotEmpty { .. } | PackError::Exists { .. } | PackError::Night(_)),
        ) => {
            eprintln!("pecha pack: {error}");
            ExitCode::from(2)
        }
        Err(error) => {
            eprintln!(
                "pecha pack: {}",
                pecha::tr!("cli-pack-failed", error = error.to_string())
            );
            ExitCode::from(1)
        }
    }
}

/// `pecha log night.ron`: the night's log from the user's data folder.
fn run_log(path: &std::path::Path, all: bool) -> ExitCode {
    let opened = if path.is_file() {
        open(path)
    } else {
        // Not a file (missing, a folder): nothing to tell apart; say, as always, what reading it
        // as a night met.
        pecha::night::Night::load(path)
            .map(Opened::Night)
            .map_err(OpenError::Night)
    };
    let night = match opened {
        Ok(Opened::Night(night)) => night,
        // A deck given by mistake: say that, not what the deck parser thought of it.
        Ok(Opened::Deck(_)) | Err(OpenError::Deck(_)) => {
            eprintln!(
                "pecha log: {}",
                pecha::tr!(
                    "cli-log-not-night",
                    file = pecha::text::shown(&path).to_string()
                )
            );
            return ExitCode::from(2);
        }
        Err(OpenError::Night(error)) => {
            eprintln!("pecha log: {error}");
            return ExitCode::from(2);
        }
    };
    match print_log(&night, all) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("pecha log: {error:#}");
            ExitCode::from(1)
        }
    }
}

fn print_log(night: &pecha::night::Night, all: bool) -> anyhow::Result<()> {
    use pecha::night::log::{NightLog, Runs, to_text};
    let log = NightLog::user(&night.source)?;
    let (entries, problems) = log.read()?;
    if entries.is_empty() && problems.is_empty() {
        println!(
            "{}",
            pecha::tr!(
                "cli-log-not-run",
                title = night.title.as_str(),
                file = pecha::text::shown(&log.path()).to_string()
            )
        );
    } else {
        let runs = if all { Runs::All } else { Runs::Latest };
        print!("{}", to_text(night, log.path(), &entries, &problems, runs));
    }
    Ok(())
}

fn run_app(
    path: Option<&std::path::Path>,
    show: ShowArgs,
    (language, system_language): (Option<Language>, Language),
    clock: pecha::clock::SystemClock,
) -> anyhow::Result<ExitCode> {
    let opened = if let Some(path) = path {
        let opened = open_in_terminal(path);
        let kind = opened.as_ref().map_or_else(OpenError::kind, Opened::kind);
        if kind == Kind::Night {
            // A night's format is in its file, and its host starts each talk.
            let single_talk_only = [
                (show.format.is_some(), "--format"),
                (show.start, "--start"),
                (show.quit_when_done, "--quit-when-done"),
                (show.rehearse, "--rehearse"),
            ];
            if let Some((_, flag)) = single_talk_only.iter().find(|(given, _)| *given) {
                anyhow::bail!(pecha::tr!(
                    "cli-flag-for-one-talk",
                    flag = (*flag),
                    file = pecha::text::shown(&path).to_string()
                ));
            }
        }
        // The error names the file itself: `talk.ron:4:5: ...`, `night.ron:4:5: ...`.
        opened.with_context(|| match kind {
            Kind::Deck => pecha::tr!("cli-cannot-open-deck"),
            Kind::Night => pecha::tr!("cli-cannot-open-night"),
        })?
    } else {
        let night = pecha::example::example_night()
            .with_context(|| pecha::tr!("cli-cannot-unpack-example"))?;
        Opened::Night(
            pecha::night::Night::load(&night)
                .with_context(|| pecha::tr!("cli-cannot-open-example"))?,
        )
    };
    // One Pecha per night file: a second one is refused here, before any window opens.
    let night_lock = match (&opened, pecha::night::user_data_dir()) {
        (Opened::Night(night), Some(dir)) => match NightLock::acquire(&dir, &night.source) {
            Ok(lock) => Some(lock),
            Err(error @ LockError::Held { .. }) => {
                eprintln!("pecha: {}: {error}", night.source.display());
                return Ok(ExitCode::from(2));
            }
            // The app tries again and tells the host; a read-only disk must not stop the show.
            Err(error @ LockError::Io { .. }) => {
                log::warn!("{error}");
                None
            }
        },
        _ => None,
    };
    let options = pecha::app::LaunchOptions {
        projector: show.projector,
        windowed: show.windowed,
        format: show.format,
        start: show.start,
        quit_when_done: show.quit_when_done,
        trace: show.trace,
        rehearse: show.rehearse,
        history_dir: None,
        night_dir: None,
        talk_place_dir: pecha::resume::PlaceStore::user_dir(),
        language,
        system_language,
        serve: show.serve,
        converter: None,
    };
    pecha::app::run(opened, night_lock, options, clock)?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::lang_after_subcommand;

    fn moved(args: &[&str]) -> Vec<String> {
        lang_after_subcommand(args.iter().map(Into::into).collect())
            .into_iter()
            .map(|arg| arg.into_string().unwrap_or_default())
            .collect()
    }

    #[test]
    fn a_leading_lang_goes_after_the_subcommand() {
        for (given, expected) in [
            (
                &["pecha", "--lang", "ru", "check", "x.ron"][..],
                &["pecha", "check", "--lang", "ru", "x.ron"][..],
            ),
            (
                &["pecha", "--lang=kk", "log"],
                &["pecha", "log", "--lang=kk"],
            ),
            // The app, and anything else, as given.
            (
                &["pecha", "--lang", "ru", "talk.ron"],
                &["pecha", "--lang", "ru", "talk.ron"],
            ),
            (
                &["pecha", "check", "x", "--lang", "ru"],
                &["pecha", "check", "x", "--lang", "ru"],
            ),
            (&["pecha", "--lang"], &["pecha", "--lang"]),
        ] {
            assert_eq!(moved(given), expected, "{given:?}");
        }
    }
}
