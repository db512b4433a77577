//! Rehearsal: what a presenter learns from practising a talk whose slides advance by themselves.
//!
//! Timing each slide by how long the presenter lingered (PowerPoint's "rehearse timings") means
//! nothing when slides advance on their own. What matters is where the presenter runs out of time
//! and where they stand in silence. So the presenter taps (Space, or a clicker's PageDown) when
//! they have said what they wanted on a slide, and [`RunRecorder`] turns the taps into one
//! [`Outcome`] per slide:
//!
//! - a tap on the slide itself records its **slack**, the time that was left;
//! - a slide that advanced by itself untapped is **over**; a tap in the first half of the
//!   following slide (or after the last slide ends) is the late tap that says how far over;
//! - a second tap on a slide is ignored, so a nervous double tap changes nothing.
//!
//! [`SlideLoop`] practises one slide again and again with a short gap between tries, and
//! [`pacing`] compares a slide's notes with its seconds. Like [`crate::timing`], nothing here reads
//! the time or knows about egui: every call takes the instant or the talk time it concerns.

use crate::tr;
use std::time::Duration;

use serde::{Deserialize, Serialize};

/// How a slide went in one run. Times are whole milliseconds, exact and compact in the history
/// file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    /// Tapped with this many milliseconds of the slide left.
    Slack(u64),
    /// Tapped this many milliseconds after the slide advanced: over by that much.
    Over(u64),
    /// The slide advanced untapped and no late tap followed: over, by an unknown amount.
    OverUntapped,
}

impl Outcome {
    /// Seconds to spare (positive) or over (negative); `None` when over by an unknown amount.
    #[must_use]
    pub fn signed_seconds(self) -> Option<f64> {
        match self {
            Self::Slack(ms) => Some(ms as f64 / 1000.0),
            Self::Over(ms) => Some(-(ms as f64) / 1000.0),
            Self::OverUntapped => None,
        }
    }

    /// Whether the slide ran over.
    #[must_use]
    pub fn is_over(self) -> bool {
        !matches!(self, Self::Slack(_))
    }

    /// Short text: `3.2 s left`, `over 1.5 s`, `over (no tap)`.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Slack(ms) => tr!("outcome-left", seconds = tenths(ms)),
            Self::Over(ms) => tr!("outcome-over", seconds = tenths_up(ms)),
            Self::OverUntapped => tr!("outcome-over-untapped"),
        }
    }
}

/// Time to spare as seconds with one decimal, rounded down so `0.96 s left` never reads as 1.0.
fn tenths(ms: u64) -> String {
    format!(
        "{}{}{}",
        ms / 1000,
        crate::i18n::decimal_separator(),
        (ms % 1000) / 100
    )
}

/// Time over as seconds with one decimal, rounded up so `0.99 s` over never reads as 0.9: both
/// roundings err on the side of cutting words.
fn tenths_up(ms: u64) -> String {
    tenths(ms.div_ceil(100) * 100)
}

/// Seconds to spare (positive) or over (negative) to one decimal, rounded as every figure of a
/// rehearsal is: time to spare down, time over up (away from zero), so a figure never promises
/// more time than there was. `1.509` s over reads `-1.6`, `0.96` s to spare `0.9`.
#[must_use]
pub fn cautious_tenths(seconds: f64) -> f64 {
    // Both are a floor on the number line; the nudge keeps 2.3 (22.999… tenths) at 2.3.
    ((seconds * 10.0) + 1e-6).floor() / 10.0
}

fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}

/// What a tap meant, so the presenter view can say it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tap {
    /// Done on `slide` with time to spare.
    Done {
        /// The slide, 1-based.
        slide: usize,
        /// Milliseconds left on it.
        slack_ms: u64,
    },
    /// The late tap for `slide`, which advanced untapped.
    Late {
        /// The slide that ran over, 1-based.
        slide: usize,
        /// How far over, in milliseconds.
        over_ms: u64,
    },
    /// `slide` was already tapped; nothing changed.
    AlreadyDone {
        /// The slide, 1-based.
        slide: usize,
    },
}

impl Tap {
    /// What the presenter view says after the tap.
    #[must_use]
    pub fn describe(self) -> String {
        match self {
            Self::Done { slide, slack_ms } => {
                tr!("tap-done", slide = slide, seconds = tenths(slack_ms))
            }
            Self::Late { slide, over_ms } => {
                tr!("tap-late", slide = slide, seconds = tenths_up(over_ms))
            }
            Self::AlreadyDone { slide } => tr!("tap-already", slide = slide),
        }
    }
}

/// Turns the taps of one run through a talk into an [`Outcome`] per slide.
///
/// The app tells it what the talk did ([`RunRecorder::advanced`], [`RunRecorder::finished`],
/// [`RunRecorder::slide_restarted`]) and passes each tap with the talk's position at that moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunRecorder {
    outcomes: Vec<Option<Outcome>>,
    /// How long into the next slide a tap still counts as the late tap of the previous one.
    late_window: Duration,
    /// The slide that advanced untapped and may still get its late tap.
    awaiting_late_tap: Option<usize>,
}

impl RunRecorder {
    /// A run through `slide_count` slides of `slide_length`. Late taps count during the first
    /// half of the next slide: after that a tap means the presenter is done with that one.
    #[must_use]
    pub fn new(slide_count: usize, slide_length: Duration) -> Self {
        Self {
            outcomes: vec![None; slide_count.max(1)],
            late_window: slide_length / 2,
            awaiting_late_tap: None,
        }
    }

    /// How long the late tap may come after an advance.
    #[must_use]
    pub fn late_window(&self) -> Duration {
        self.late_window
    }

    /// The outcome of each slide so far (`None`: not reached yet, or left by a jump).
    #[must_use]
    pub fn outcomes(&self) -> &[Option<Outcome>] {
        &self.outcomes
    }

    /// The slide that advanced untapped and can still get its late tap.
    #[must_use]
    pub fn awaiting_late_tap(&self) -> Option<usize> {
        self.awaiting_late_tap
    }

    /// The talk went from `from` to `to` (1-based). `by_itself` is true for the deadline advance;
    /// an untapped slide left that way ran over. A jump or a manual advance says nothing about
    /// the slide left, so it keeps no outcome.
    pub fn advanced(&mut self, from: usize, to: usize, by_itself: bool) {
        self.awaiting_late_tap = None;
        if by_itself && to == from + 1 {
            self.mark_over(from);
        }
    }

    /// The last slide's time ran out: untapped, it ran over, and a late tap may follow.
    pub fn finished(&mut self, last: usize) {
        self.awaiting_late_tap = None;
        self.mark_over(last);
    }

    fn mark_over(&mut self, slide: usize) {
        if let Some(outcome @ None) = self.outcomes.get_mut(slide.wrapping_sub(1)) {
            *outcome = Some(Outcome::OverUntapped);
            self.awaiting_late_tap = Some(slide);
        }
    }

    /// The slide got its full time again: whatever was tapped on it no longer holds. A late tap
    /// for the slide before can no longer be measured (time into this slide started over), so
    /// that one stays over without a tap.
    pub fn slide_restarted(&mut self, slide: usize) {
        if let Some(outcome) = self.outcomes.get_mut(slide.wrapping_sub(1)) {
            *outcome = None;
        }
        self.awaiting_late_tap = None;
    }

    /// A tap while `slide` is current, `into_slide` after it began (talk time, pauses excluded)
    /// with `remaining` left. After the finish pass the last slide's number, the time since the
    /// finish and zero remaining.
    pub fn tap(&mut self, slide: usize, into_slide: Duration, remaining: Duration) -> Tap {
        if let Some(late) = self.awaiting_late_tap.take()
            && into_slide <= self.late_window
        {
            self.outcomes[late - 1] = Some(Outcome::Over(millis(into_slide)));
            return Tap::Late {
                slide: late,
                over_ms: millis(into_slide),
            };
        }
        match self.outcomes.get_mut(slide.wrapping_sub(1)) {
            Some(outcome @ None) => {
                *outcome = Some(Outcome::Slack(millis(remaining)));
                Tap::Done {
                    slide,
                    slack_ms: millis(remaining),
                }
            }
            _ => Tap::AlreadyDone { slide },
        }
    }
}

/// The numbers of one run, for its summary line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RunSummary {
    /// Slides that ran over (tapped late or not at all).
    pub slides_over: usize,
    /// Seconds to spare, summed over the slides tapped in time.
    pub total_slack: f64,
    /// Seconds over, summed over the late taps (untapped overruns add nothing: unknown).
    pub total_over: f64,
    /// Slides with an outcome.
    pub slides_recorded: usize,
}

/// Sum up one run's outcomes.
#[must_use]
pub fn summarize(outcomes: &[Option<Outcome>]) -> RunSummary {
    let mut summary = RunSummary {
        slides_over: 0,
        total_slack: 0.0,
        total_over: 0.0,
        slides_recorded: 0,
    };
    for outcome in outcomes.iter().flatten() {
        summary.slides_recorded += 1;
        match outcome {
            Outcome::Slack(ms) => summary.total_slack += *ms as f64 / 1000.0,
            Outcome::Over(ms) => {
                summary.slides_over += 1;
                summary.total_over += *ms as f64 / 1000.0;
            }
            Outcome::OverUntapped => summary.slides_over += 1,
        }
    }
    summary
}

/// One slide across the last runs: the comparison the report and `pecha history` show.
#[derive(Debug, Clone, PartialEq)]
pub struct SlideTrend {
    /// The latest run's outcome.
    pub latest: Option<Outcome>,
    /// Mean of the known signed seconds (slack +, over −) over the runs looked at.
    pub average: Option<f64>,
    /// How many of those runs it ran over in.
    pub times_over: usize,
    /// Runs that recorded this slide.
    pub runs: usize,
    /// Getting better or worse: the latest against the mean of the runs before it.
    pub direction: Direction,
}

/// Which way a slide is going.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// More time to spare than before (by at least half a second).
    Better,
    /// Less time to spare than before (by at least half a second).
    Worse,
    /// About the same, or not enough runs to say.
    Steady,
}

impl Direction {
    /// An arrow for tables.
    #[must_use]
    pub fn arrow(self) -> &'static str {
        match self {
            Self::Better => "↑",
            Self::Worse => "↓",
            Self::Steady => "·",
        }
    }
}

/// How each of `slide_count` slides went over `runs` (oldest first; only the last `last` count).
#[must_use]
pub fn trends(runs: &[Vec<Option<Outcome>>], slide_count: usize, last: usize) -> Vec<SlideTrend> {
    let recent = &runs[runs.len().saturating_sub(last)..];
    (0..slide_count)
        .map(|index| {
            let outcomes: Vec<Outcome> = recent
                .iter()
                .filter_map(|run| run.get(index).copied().flatten())
                .collect();
            let known: Vec<f64> = outcomes
                .iter()
                .filter_map(|outcome| outcome.signed_seconds())
                .collect();
            let latest = recent
                .last()
                .and_then(|run| run.get(index).copied().flatten());
            let direction = match (known.split_last(), latest) {
                (Some((latest_value, earlier)), Some(outcome))
                    if !earlier.is_empty() && outcome.signed_seconds().is_some() =>
                {
                    let before = mean(earlier).unwrap_or(*latest_value);
                    if latest_value - before >= 0.5 {
                        Direction::Better
                    } else if before - latest_value >= 0.5 {
                        Direction::Worse
                    } else {
                        Direction::Steady
                    }
                }
                _ => Direction::Steady,
            };
            SlideTrend {
                latest,
                average: mean(&known),
                times_over: outcomes.iter().filter(|outcome| outcome.is_over()).count(),
                runs: outcomes.len(),
                direction,
            }
        })
        .collect()
}

fn mean(values: &[f64]) -> Option<f64> {
    (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64)
}

/// Where one slide's loop is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopPhase {
    /// Try number `attempt` (1-based) is running with `remaining` left.
    Speaking {
        /// The try, 1-based.
        attempt: usize,
        /// Time left of the slide's time.
        remaining: Duration,
    },
    /// Between tries: try `next_attempt` starts in `starts_in`.
    Gap {
        /// The try that comes next, 1-based.
        next_attempt: usize,
        /// Time until it starts.
        starts_in: Duration,
    },
}

/// One slide practised on a loop: its time again and again, with a short gap between tries.
/// Tries never drift: try `n` starts at `anchor + (n - 1) x (slide length + gap)`, pauses
/// excluded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlideLoop {
    slide: usize,
    slide_length: Duration,
    gap: Duration,
    anchor: Duration,
    paused_at: Option<Duration>,
    /// Taps, by try (index 0 = try 1).
    taps: Vec<Option<Outcome>>,
}

impl SlideLoop {
    /// The pause between tries: long enough to breathe, short enough to keep going.
    pub const GAP: Duration = Duration::from_secs(3);

    /// Start practising `slide` (1-based) at `now`.
    #[must_use]
    pub fn new(slide: usize, slide_length: Duration, now: Duration) -> Self {
        Self {
            slide,
            slide_length: slide_length.max(crate::timing::MIN_SLIDE_LENGTH),
            gap: Self::GAP,
            anchor: now,
            paused_at: None,
            taps: Vec::new(),
        }
    }

    /// The slide being practised.
    #[must_use]
    pub fn slide(&self) -> usize {
        self.slide
    }

    fn period(&self) -> Duration {
        self.slide_length + self.gap
    }

    fn looped(&self, now: Duration) -> Duration {
        self.paused_at.unwrap_or(now).saturating_sub(self.anchor)
    }

    /// Which try, and how far into its period (slide time then gap).
    fn position(&self, now: Duration) -> (usize, Duration) {
        let looped = self.looped(now).as_nanos();
        let period = self.period().as_nanos();
        let attempt = (looped / period) as usize + 1;
        let into = Duration::from_nanos((looped % period) as u64);
        (attempt, into)
    }

    /// Where the loop is at `now`.
    #[must_use]
    pub fn phase(&self, now: Duration) -> LoopPhase {
        let (attempt, into) = self.position(now);
        if into < self.slide_length {
            LoopPhase::Speaking {
                attempt,
                remaining: self.slide_length.saturating_sub(into),
            }
        } else {
            LoopPhase::Gap {
                next_attempt: attempt + 1,
                starts_in: self.period().saturating_sub(into),
            }
        }
    }

    /// Whether the loop is paused.
    #[must_use]
    pub fn is_paused(&self) -> bool {
        self.paused_at.is_some()
    }

    /// Pause, or resume where it was.
    pub fn toggle_pause(&mut self, now: Duration) {
        match self.paused_at.take() {
            Some(paused_at) => self.anchor += now.saturating_sub(paused_at),
            None => self.paused_at = Some(now),
        }
    }

    /// A tap: on a try, its slack; in the gap after it, how far over it went. Only the first tap
    /// of a try counts.
    pub fn tap(&mut self, now: Duration) -> Option<Outcome> {
        let (attempt, into) = self.position(now);
        if self.taps.len() < attempt {
            self.taps.resize(attempt, None);
        }
        let tap = &mut self.taps[attempt - 1];
        if tap.is_some() {
            return None;
        }
        let outcome = if into < self.slide_length {
            Outcome::Slack(millis(self.slide_length.saturating_sub(into)))
        } else {
            Outcome::Over(millis(into.saturating_sub(self.slide_length)))
        };
        *tap = Some(outcome);
        Some(outcome)
    }

    /// The outcome of every try that has had its say: tapped tries, and finished tries without a
    /// tap (over). The try under way shows once it is tapped or over.
    #[must_use]
    pub fn results(&self, now: Duration) -> Vec<Outcome> {
        let (attempt, _) = self.position(now);
        let completed = attempt - 1;
        (0..attempt)
            .filter_map(|index| match self.taps.get(index).copied().flatten() {
                Some(outcome) => Some(outcome),
                None if index < completed => Some(Outcome::OverUntapped),
                None => None,
            })
            .collect()
    }

    /// When the display next changes (a whole second of the countdown, or a phase change).
    #[must_use]
    pub fn next_visible_change(&self, now: Duration) -> Option<Duration> {
        if self.is_paused() {
            return None;
        }
        let left = match self.phase(now) {
            LoopPhase::Speaking { remaining, .. } => remaining,
            LoopPhase::Gap { starts_in, .. } => starts_in,
        };
        let to_second = Duration::from_nanos((left.as_nanos() % 1_000_000_000) as u64);
        Some(
            now + if to_second.is_zero() {
                Duration::from_secs(1)
            } else {
                to_second
            },
        )
    }
}

/// How a slide's notes fit its time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaceVerdict {
    /// No notes to judge.
    NoNotes,
    /// A calm pace.
    Comfortable,
    /// Fast but sayable.
    Brisk,
    /// More words than the seconds hold: cut some.
    TooMany,
}

/// The pacing hint of one slide.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pacing {
    /// Words in the notes.
    pub words: usize,
    /// Words per minute if the notes are said in the slide's time.
    pub words_per_minute: f64,
    /// What that means.
    pub verdict: PaceVerdict,
}

impl Pacing {
    /// Up to this many words per minute is calm speech (in Russian and Kazakh too, whose words
    /// are longer than English ones, 120-140 wpm is a relaxed talk).
    pub const COMFORTABLE_WPM: f64 = 140.0;
    /// Above this, nobody says it clearly in time.
    pub const TOO_MANY_WPM: f64 = 170.0;

    /// One line: `41 words in 20 s · 123 words/min · comfortable`.
    #[must_use]
    pub fn describe(&self, seconds: f64) -> String {
        let verdict = match self.verdict {
            PaceVerdict::NoNotes => return tr!("pace-no-notes"),
            PaceVerdict::Comfortable => tr!("pace-comfortable"),
            PaceVerdict::Brisk => tr!("pace-brisk"),
            PaceVerdict::TooMany => tr!("pace-too-many"),
        };
        tr!(
            "pace-line",
            words = self.words,
            seconds = seconds.round(),
            per_minute = format!("{:.0}", self.words_per_minute),
            verdict = verdict
        )
    }
}

/// Spoken words against the slide's seconds. Words are runs of letters or digits, so dashes
/// and emoji do not count.
#[must_use]
pub fn pacing(notes: &str, slide_length: Duration) -> Pacing {
    let words = notes
        .split_whitespace()
        .filter(|word| word.chars().any(char::is_alphanumeric))
        .count();
    let minutes = slide_length.as_secs_f64().max(0.001) / 60.0;
    let words_per_minute = words as f64 / minutes;
    let verdict = if words == 0 {
        PaceVerdict::NoNotes
    } else if words_per_minute <= Pacing::COMFORTABLE_WPM {
        PaceVerdict::Comfortable
    } else if words_per_minute <= Pacing::TOO_MANY_WPM {
        PaceVerdict::Brisk
    } else {
        PaceVerdict::TooMany
    };
    Pacing {
        words,
        words_per_minute,
        verdict,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_rounds_spare_down_and_over_up() {
        for (seconds, shown) in [
            (1.509, 1.5),
            (-1.509, -1.6),
            (0.96, 0.9),
            (-0.01, -0.1),
            (2.3, 2.3),
            (-2.3, -2.3),
            (0.0, 0.0),
        ] {
            assert!(
                (cautious_tenths(seconds) - shown).abs() < 1e-9,
                "{seconds} -> {}",
                cautious_tenths(seconds)
            );
        }
    }

    const SLIDE: Duration = Duration::from_secs(20);

    fn s(seconds: f64) -> Duration {
        Duration::from_secs_f64(seconds)
    }

    #[test]
    fn taps_become_slack_late_overruns_and_untapped_overruns() {
        let mut run = RunRecorder::new(4, SLIDE);
        // Slide 1: done with 3.5 s to spare; a second tap changes nothing.
        assert_eq!(
            run.tap(1, s(16.5), s(3.5)),
            Tap::Done {
                slide: 1,
                slack_ms: 3500
            }
        );
        assert_eq!(run.tap(1, s(17.0), s(3.0)), Tap::AlreadyDone { slide: 1 });
        run.advanced(1, 2, true);
        // Slide 2 untapped; the late tap 1.2 s into slide 3 says how far over.
        run.advanced(2, 3, true);
        assert_eq!(run.awaiting_late_tap(), Some(2));
        assert_eq!(
            run.tap(3, s(1.2), s(18.8)),
            Tap::Late {
                slide: 2,
                over_ms: 1200
            }
        );
        // The next tap is slide 3's own.
        assert_eq!(
            run.tap(3, s(15.0), s(5.0)),
            Tap::Done {
                slide: 3,
                slack_ms: 5000
            }
        );
        run.advanced(3, 4, true);
        // Slide 4 untapped, and the tap after the finish comes too late to count.
        run.finished(4);
        assert_eq!(
            run.tap(4, s(10.5), Duration::ZERO),
            Tap::AlreadyDone { slide: 4 }
        );
        assert_eq!(
            run.outcomes(),
            &[
                Some(Outcome::Slack(3500)),
                Some(Outcome::Over(1200)),
                Some(Outcome::Slack(5000)),
                Some(Outcome::OverUntapped),
            ]
        );
        let summary = summarize(run.outcomes());
        assert_eq!(summary.slides_over, 2);
        assert!((summary.total_slack - 8.5).abs() < 1e-9);
        assert!((summary.total_over - 1.2).abs() < 1e-9);
    }

    #[test]
    fn a_late_tap_after_the_window_is_the_current_slides_own() {
        let mut run = RunRecorder::new(3, SLIDE);
        run.advanced(1, 2, true);
        assert_eq!(
            run.tap(2, s(10.5), s(9.5)),
            Tap::Done {
                slide: 2,
                slack_ms: 9500
            }
        );
        assert_eq!(run.outcomes()[0], Some(Outcome::OverUntapped));
    }

    #[test]
    fn the_last_slide_takes_a_late_tap_after_the_finish() {
        let mut run = RunRecorder::new(2, SLIDE);
        run.tap(1, s(19.0), s(1.0));
        run.advanced(1, 2, true);
        run.finished(2);
        assert_eq!(
            run.tap(2, s(2.0), Duration::ZERO),
            Tap::Late {
                slide: 2,
                over_ms: 2000
            }
        );
    }

    #[test]
    fn jumps_and_restarts_record_nothing_for_the_slide_left() {
        let mut run = RunRecorder::new(5, SLIDE);
        run.advanced(1, 4, false);
        assert_eq!(run.outcomes()[0], None);
        assert_eq!(run.awaiting_late_tap(), None);
        run.tap(4, s(2.0), s(18.0));
        run.slide_restarted(4);
        assert_eq!(run.outcomes()[3], None);
        // A manual advance to the next slide is not "by itself" either.
        run.advanced(4, 5, false);
        assert_eq!(run.outcomes()[3], None);
    }

    #[test]
    fn a_restart_closes_the_late_tap_window_of_the_slide_before() {
        let mut run = RunRecorder::new(5, SLIDE);
        // Slide 1 runs out untapped; 2 s into slide 2 the host restarts slide 2.
        run.advanced(1, 2, true);
        assert_eq!(run.awaiting_late_tap(), Some(1));
        run.slide_restarted(2);
        // A tap 1 s into the restarted slide 2 is about slide 2, not "slide 1 over by 1 s"
        // (it was over by 3 s, which no one can tell now).
        assert_eq!(
            run.tap(2, s(1.0), s(19.0)),
            Tap::Done {
                slide: 2,
                slack_ms: 19_000
            }
        );
        assert_eq!(run.outcomes()[0], Some(Outcome::OverUntapped));
    }

    #[test]
    fn trends_compare_the_latest_run_with_the_ones_before() {
        let runs = vec![
            vec![Some(Outcome::Over(2000)), Some(Outcome::Slack(1000))],
            vec![Some(Outcome::OverUntapped), Some(Outcome::Slack(1000))],
            vec![Some(Outcome::Slack(3000)), Some(Outcome::Slack(1200))],
        ];
        let trends = trends(&runs, 2, 5);
        assert_eq!(trends[0].latest, Some(Outcome::Slack(3000)));
        assert_eq!(trends[0].times_over, 2);
        assert_eq!(trends[0].runs, 3);
        assert!((trends[0].average.unwrap_or_default() - 0.5).abs() < 1e-9);
        assert_eq!(trends[0].direction, Direction::Better);
        assert_eq!(trends[1].direction, Direction::Steady);
        // Only the last `last` runs count.
        let last_two = super::trends(&runs, 2, 2);
        assert_eq!(last_two[0].runs, 2);
        assert_eq!(last_two[0].average, Some(3.0));
    }

    #[test]
    fn a_slide_loop_repeats_with_gaps_and_records_each_try() {
        let start = s(100.0);
        let mut slide_loop = SlideLoop::new(7, SLIDE, start);
        assert_eq!(
            slide_loop.phase(start),
            LoopPhase::Speaking {
                attempt: 1,
                remaining: SLIDE
            }
        );
        assert_eq!(slide_loop.tap(start + s(18.0)), Some(Outcome::Slack(2000)));
        assert_eq!(slide_loop.tap(start + s(19.0)), None);
        assert_eq!(
            slide_loop.phase(start + s(21.0)),
            LoopPhase::Gap {
                next_attempt: 2,
                starts_in: s(2.0)
            }
        );
        // Try 2 untapped, and try 3 tapped in the gap after it: 1.5 s over.
        assert_eq!(
            slide_loop.tap(start + s(46.0) + s(21.5)),
            Some(Outcome::Over(1500))
        );
        // Paused 60 s in try 4: the loop resumes where it was.
        let in_try_4 = start + s(69.0) + s(5.0);
        slide_loop.toggle_pause(in_try_4);
        slide_loop.toggle_pause(in_try_4 + s(60.0));
        assert_eq!(
            slide_loop.phase(in_try_4 + s(60.0)),
            LoopPhase::Speaking {
                attempt: 4,
                remaining: s(15.0)
            }
        );
        assert_eq!(
            slide_loop.results(in_try_4 + s(60.0)),
            vec![
                Outcome::Slack(2000),
                Outcome::OverUntapped,
                Outcome::Over(1500)
            ]
        );
    }

    #[test]
    fn pacing_counts_spoken_words() {
        let notes = "Сәлеметсіздер ме! Шымкент — третий мегаполис Казахстана.";
        let hint = pacing(notes, SLIDE);
        assert_eq!(hint.words, 6);
        assert!((hint.words_per_minute - 18.0).abs() < 1e-9);
        assert_eq!(hint.verdict, PaceVerdict::Comfortable);
        let long = "слово ".repeat(60);
        assert_eq!(pacing(&long, SLIDE).verdict, PaceVerdict::TooMany);
        let brisk = "слово ".repeat(50);
        assert_eq!(pacing(&brisk, SLIDE).verdict, PaceVerdict::Brisk);
        assert_eq!(pacing("  — ", SLIDE).verdict, PaceVerdict::NoNotes);
        assert_eq!(
            pacing("one two", Duration::from_secs(20)).describe(20.0),
            "2 words in 20 s · 6 words/min · comfortable"
        );
    }

    #[test]
    fn outcomes_describe_themselves() {
        assert_eq!(Outcome::Slack(3960).describe(), "3.9 s left");
        assert_eq!(Outcome::Over(990).describe(), "over 1.0 s");
        assert_eq!(Outcome::Over(1500).describe(), "over 1.5 s");
        assert_eq!(
            Tap::Late {
                slide: 3,
                over_ms: 901
            }
            .describe(),
            "slide 3: over by 1.0 s"
        );
        assert_eq!(Outcome::Over(1500).describe(), "over 1.5 s");
        assert_eq!(Outcome::OverUntapped.describe(), "over (no tap)");
    }
}
