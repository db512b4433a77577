//! Whether a whole night is ready: every talk's deck checked under its talk's name, the break
//! music tried, and the night's length, for `pecha check night.ron` and the host console.
//!
//! A deck that cannot be read is a talk that is not ready, not a failure of the check: the host
//! sees every problem of the night at once. Each deck is checked by [`super::check_deck`] in the
//! night's format ([`crate::night::Night::load_deck`]).

use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::atomic::AtomicUsize;

use serde::Serialize;

use super::{Report, check_deck_counting, lossy_path};
use crate::text::clock_time;
use crate::tr;

/// One talk of a night, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkCheck {
    /// Its place in the running order, from 1 (breaks count).
    pub position: usize,
    /// Who speaks.
    pub presenter: String,
    /// The talk's title (the night's or the deck's), when the deck could be read.
    pub title: String,
    /// The deck.
    #[serde(serialize_with = "lossy_path")]
    pub deck: PathBuf,
    /// The deck's report, when it could be read.
    pub report: Option<Report>,
    /// Why the deck could not be read at all, in every language (a night is checked on the
    /// console's thread too); `--json` says it in English.
    #[serde(serialize_with = "english")]
    pub error: Option<crate::i18n::Words>,
    /// Ready for the show.
    pub ready: bool,
}

/// Everything [`check_night`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NightReport {
    /// The night file.
    #[serde(serialize_with = "lossy_path")]
    pub night: PathBuf,
    /// The night's title.
    pub title: String,
    /// Every talk, in running order.
    pub talks: Vec<TalkCheck>,
    /// Breaks in the running order.
    pub breaks: usize,
    /// Talks and breaks, in seconds.
    pub total_seconds: u64,
    /// Problems that do not stop the night, such as missing break music, in English (what
    /// `--json` says in every language).
    pub warnings: Vec<String>,
    /// The break music problems, by item (0-based, in the night file's order), for the text and
    /// the console's break rows, worded where they are shown.
    #[serde(skip)]
    pub music_problems: Vec<(usize, MusicProblem)>,
    /// Every talk is ready.
    pub ready: bool,
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<_>`.
fn english<S: serde::Serializer>(
    words: &Option<crate::i18n::Words>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match words {
        Some(words) => serializer.serialize_str(words.get(crate::i18n::Language::En)),
        None => serializer.serialize_none(),
    }
}

/// A break's music file that will not play.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MusicProblem {
    /// The music file, as the night names it.
    pub file: PathBuf,
    /// What is wrong with it, in every language (it is found on the checking thread).
    pub problem: crate::i18n::Words,
}

impl std::fmt::Display for MusicProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&tr!(
            "night-check-music",
            file = crate::text::shown(&self.file).to_string(),
            problem = self.problem.to_string()
        ))
    }
}

impl NightReport {
    /// The first line: `Night "…": 3 talks, 1 break, 35:00 in all. Ready.` or
    /// `… Not ready: talk 3 (Тохтар) has problems.`
    #[must_use]
    pub fn summary(&self) -> String {
        let not_ready: Vec<String> = self
            .talks
            .iter()
            .filter(|talk| !talk.ready)
            .map(|talk| format!("{} ({})", talk.position, talk.presenter))
            .collect();
        let verdict = match not_ready.len() {
            0 => tr!("night-check-ready"),
            1 => tr!("night-check-not-ready-one", items = not_ready[0].as_str()),
            _ => tr!("night-check-not-ready-many", items = not_ready.join(", ")),
        };
        tr!(
            "night-check-summary",
            title = self.title.as_str(),
            talks = self.talks.len(),
            breaks = self.breaks,
            length = clock_time(self.total_seconds),
            verdict = verdict
        )
    }

    /// The summary, then each talk with its verdict and, for talks not ready, their problems.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut text = self.summary();
        text.push('\n');
        for talk in &self.talks {
            let verdict = if talk.ready {
                tr!("night-check-talk-ready")
            } else {
                tr!("night-check-talk-not-ready")
            };
            let _ = writeln!(
                text,
                "{:>3}. {}{}: {verdict} ({})",
                talk.position,
                talk.presenter,
                // A deck that cannot be read has no title to show.
                if talk.title.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", talk.title)
                },
                crate::text::shown(&talk.deck)
            );
            if let Some(error) = &talk.error {
                let _ = writeln!(text, "       {}: {error}", super::Severity::Error);
            }
            if let Some(report) = &talk.report {
                for finding in &report.findings {
                    let _ = writeln!(text, "       {finding}");
                }
            }
        }
        for (item, warning) in &self.music_problems {
            let _ = writeln!(
                text,
                "{}: {}",
                super::Severity::Warning,
                tr!(
                    "night-check-music-item",
                    position = (item + 1),
                    warning = warning.to_string()
                )
            );
        }
        text
    }

    /// The report as pretty JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Check one talk of a night: its deck read and checked in the night's format, under the talk's
/// name, at `position` in the running order (from 1). `slides_done` counts the slides probed
/// ([`super::check_deck_counting`]). Never fails: a deck that cannot be read is a talk that is not
/// ready.
#[must_use]
pub fn check_talk(
    night: &crate::night::Night,
    position: usize,
    talk: &crate::night::Talk,
    slides_done: &AtomicUsize,
) -> TalkCheck {
    check_talk_with(
        night,
        position,
        talk,
        slides_done,
        &crate::convert::Converter::from_env(),
        &|_| {},
    )
}

/// [`check_talk`], converting a PowerPoint or Impress deck with `converter` and telling `watch`
/// about a conversion under way.
#[must_use]
pub fn check_talk_with(
    night: &crate::night::Night,
    position: usize,
    talk: &crate::night::Talk,
    slides_done: &AtomicUsize,
    converter: &crate::convert::Converter,
    watch: &dyn Fn(crate::convert::Progress),
) -> TalkCheck {
    // A conversion with LibreOffice is progress too: the console's stall watch must not take a
    // deck that converts for 30 s for one that does not answer.
    let converting = |progress| {
        slides_done.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        watch(progress);
    };
    match night.load_deck_with(talk, converter, &converting) {
        Ok(deck) => {
            let report = check_deck_counting(&deck, slides_done);
            TalkCheck {
                position,
                presenter: talk.presenter.clone(),
                title: deck.title.clone(),
                deck: talk.deck.clone(),
                ready: report.is_ready(),
                report: Some(report),
                error: None,
            }
        }
        Err(error) => TalkCheck {
            position,
            presenter: talk.presenter.clone(),
            title: talk.title.clone(),
            deck: talk.deck.clone(),
            report: None,
            error: Some(crate::i18n::Words::of(|| error.to_string())),
            ready: false,
        },
    }
}

/// The break's music that is missing or will not play, one problem per file (worded where it is
/// shown: this runs on the console's checking thread too).
#[must_use]
pub fn break_music_problems(pause: &crate::night::Break) -> Vec<MusicProblem> {
    pause
        .music
        .iter()
        .filter_map(|music| {
            crate::audio::probe_music(music)
                .err()
                .map(|problem| MusicProblem {
                    file: music.clone(),
                    problem: crate::i18n::Words::of(|| problem.to_string()),
                })
        })
        .collect()
}

/// Check every deck of a night, each under its talk's name, in the night's format
/// ([`check_talk`]); total the night's length; warn about break music that is missing or will not
/// play. Never fails: a deck that cannot be read is a talk that is not ready.
#[must_use]
pub fn check_night(night: &crate::night::Night) -> NightReport {
    use crate::night::Item;
    let mut talks = Vec::new();
    let mut breaks = 0;
    let mut warnings = Vec::new();
    let mut music_problems = Vec::new();
    for (index, item) in night.running_order.iter().enumerate() {
        let position = index + 1;
        match item {
            Item::Talk(talk) => {
                talks.push(check_talk(night, position, talk, &AtomicUsize::new(0)));
            }
            Item::Break(pause) => {
                breaks += 1;
                for problem in break_music_problems(pause) {
                    warnings.push(crate::i18n::in_language(crate::i18n::Language::En, || {
                        tr!(
                            "night-check-music-item",
                            position = position,
                            warning = problem.to_string()
                        )
                    }));
                    music_problems.push((index, problem));
                }
            }
        }
    }
    NightReport {
        night: night.source.clone(),
        title: night.title.clone(),
        ready: talks.iter().all(|talk| talk.ready),
        talks,
        breaks,
        total_seconds: night.length().as_secs(),
        warnings,
        music_problems,
    }
}
