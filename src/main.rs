//! The `pecha` binary: parses the command line, sets up logging, then runs the app or a
//! subcommand. Everything else lives in the library so it can be tested.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::{Parser, Subcommand};
use pecha::check;
use pecha::deck::{Deck, Format};
use pecha::monitors::ProjectorRequest;

/// Pecha runs PechaKucha talks: 20 slides x 20 seconds, advancing by themselves, exact to the
/// frame, with a presenter view on the laptop and the slides on the projector.
#[derive(Debug, Parser)]
#[command(version, args_conflicts_with_subcommands = true)]
#[command(after_help = "\
Examples:
  pecha                          open the bundled example talk
  pecha talk.ron                 open a deck (a RON file, a folder of images or a PDF)
  pecha talk.pdf                 each page of the PDF is a slide
  pecha talk/ --projector HDMI-1 --start
  pecha check talk.ron           is this deck ready for the show? (exit 0 ready, 1 not, 2 unreadable)
  pecha check talk.ron --json    the same report for scripts

Keys while presenting: Space/Enter/PageDown start the talk; P pauses and resumes; F toggles
fullscreen on the projector; B blacks it out; see the README for host recovery keys.")]
struct Cli {
    /// Deck to open: a RON deck file, a folder of images or a PDF. Without it, the bundled example.
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
    /// `<SLIDES>x<SECONDS>`, e.g. `20x2` for a quick run-through.
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
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check whether a deck is ready for the show: slide count, every image decoded for real,
    /// resolution, aspect ratios, notes length, file sizes.
    ///
    /// Exit status: 0 ready (warnings allowed), 1 not ready, 2 the deck cannot be read at all.
    Check {
        /// The deck: a RON deck file, a folder of images or a PDF.
        path: PathBuf,
        /// Print the report as JSON instead of text.
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    // First thing: the app's clock counts from launch, which is how start-up time is measured.
    let clock = pecha::clock::SystemClock::new();
    env_logger::Builder::from_env(env_logger::Env::default().default_filter_or("warn"))
        .format_timestamp_millis()
        .init();
    let cli = Cli::parse();
    match cli.command {
        Some(Command::Check { path, json }) => run_check(&path, json),
        None => match run_app(cli.path.as_deref(), cli.show, clock) {
            Ok(code) => code,
            Err(error) => {
                eprintln!("pecha: {error:#}");
                ExitCode::from(2)
            }
        },
    }
}

/// `pecha check`: print the report and turn readiness into the documented exit status.
fn run_check(path: &std::path::Path, json: bool) -> ExitCode {
    let deck = match Deck::load(path) {
        Ok(deck) => deck,
        Err(error) => {
            if json {
                // The same shape as a report, so scripts can read `ready` and `findings` always.
                let report = serde_json::json!({
                    "deck": path,
                    "ready": false,
                    "error": error.to_string(),
                    "findings": [],
                });
                println!("{report:#}");
            } else {
                eprintln!("pecha check: {error}");
            }
            return ExitCode::from(2);
        }
    };
    let report = check::check_deck(&deck);
    if json {
        println!("{}", report.to_json());
    } else {
        print!("{}", report.to_text());
    }
    if report.is_ready() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

fn run_app(
    path: Option<&std::path::Path>,
    show: ShowArgs,
    clock: pecha::clock::SystemClock,
) -> anyhow::Result<ExitCode> {
    let deck = match path {
        // The error names the file itself: `talk.ron:4:5: ...`.
        Some(path) => Deck::load(path).context("cannot open the deck")?,
        None => pecha::example::example_deck().context("cannot unpack the bundled example talk")?,
    };
    let options = pecha::app::LaunchOptions {
        projector: show.projector,
        windowed: show.windowed,
        format: show.format,
        start: show.start,
        quit_when_done: show.quit_when_done,
        trace: show.trace,
    };
    pecha::app::run(deck, options, clock)?;
    Ok(ExitCode::SUCCESS)
}
