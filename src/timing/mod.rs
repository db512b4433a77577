//! The talk engine: when each slide of an auto-advancing talk is shown.
//!
//! A Pecha Kucha talk is 20 slides of 20 seconds that advance by themselves. [`Talk`] is the pure
//! state machine behind that: it never reads the time, every method takes a `now` that the caller
//! read from a [`Clock`](crate::clock::Clock), so the same code runs the show, the rehearsal view
//! and a whole 6:40 talk simulated in a test in microseconds.
//!
//! # Never drifting
//!
//! Tools that schedule each slide from the moment the previous one appeared run late by a frame
//! or a tick per slide, seconds per talk. Here every deadline is computed from one anchor: the
//! caller-clock instant at which a slide started with its full time. While nothing intervenes the
//! anchor is the start of the talk, and slide `k` (1-based) becomes current at exactly
//! `start + (k - 1) x slide_length + time spent paused`, however late or irregular the caller's
//! ticks are. Pausing moves the anchor by the time paused; restarting a slide, resuming from a
//! slide or advancing by hand re-anchors so that slide starts at `now`. Arithmetic is in integer
//! nanoseconds, so results are exact.
//!
//! # Queries are derived, the log is written by `update`
//!
//! What is on screen ([`Talk::state`], [`Talk::current_slide`], the countdowns) is a pure
//! function of the interventions so far and the `now` passed in, whether or not
//! [`Talk::update`] was called. `update` only writes the [`LogEvent`]s whose time has come into the
//! log (each slide at its *scheduled* time, not at the late tick that noticed it) and returns the
//! entries added since the previous call, e.g. to play a cue. Every intervention first catches up
//! the same way, so the log is always in time order.
//!
//! Every intervention ([`Talk::start`], [`Talk::pause`], ...) returns `true` if it was applied and
//! logged, `false` if it does not apply in the current state (starting twice, resuming a talk that
//! is not paused, a slide number out of range): then nothing changes and nothing is logged.
//! Pause stays paused until [`Talk::resume`]: nothing else unpauses, not even a jump to another
//! slide.
//!
//! # Where each part lives
//!
//! This file holds the talk's vocabulary: its [`Timing`], the [`TalkState`] the UI shows, and
//! the [`LogEntry`]s of what happened. `schedule.rs` is the arithmetic that keeps a started talk
//! from drifting (one anchor, every deadline computed from it, in integer nanoseconds);
//! `talk.rs` is the state machine [`Talk`] built on it: its interventions, its queries and its
//! log. A format becomes a [`Timing`] in one place only: [`crate::deck::Format::timing`].

mod schedule;
mod talk;

use std::time::Duration;

pub use talk::Talk;

use schedule::slides;

/// The shortest slide a [`Talk`] accepts; shorter (zero) lengths are raised to it.
pub const MIN_SLIDE_LENGTH: Duration = Duration::from_millis(1);

/// How long a start armed by [`Talk::start_on_screen`] waits for a screen to say it shows slide
/// 1 before the talk starts anyway. A projector window takes a few hundred milliseconds to be
/// mapped and made fullscreen at launch; one that has shown nothing after a second is not coming.
pub const START_WAIT: Duration = Duration::from_secs(1);

/// The shape of a talk: how many slides, and how long each one is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Timing {
    /// Number of slides (at least 1 in a [`Talk`]).
    pub slide_count: usize,
    /// How long each slide is shown (at least [`MIN_SLIDE_LENGTH`] in a [`Talk`]).
    pub slide_length: Duration,
}

impl Timing {
    /// Pecha Kucha: 20 slides x 20 s = 6:40.
    pub const PECHA_KUCHA: Self = Self::new(20, Duration::from_secs(20));
    /// Ignite: 20 slides x 15 s = 5:00.
    pub const IGNITE: Self = Self::new(20, Duration::from_secs(15));

    /// A talk of `slide_count` slides of `slide_length` each.
    #[must_use]
    pub const fn new(slide_count: usize, slide_length: Duration) -> Self {
        Self {
            slide_count,
            slide_length,
        }
    }

    /// Length of the whole talk without pauses or interventions.
    #[must_use]
    pub fn total(self) -> Duration {
        slides(self.slide_length, self.slide_count)
    }

    /// At least one slide of at least [`MIN_SLIDE_LENGTH`], so the engine never divides by zero.
    fn normalized(self) -> Self {
        Self {
            slide_count: self.slide_count.max(1),
            slide_length: self.slide_length.max(MIN_SLIDE_LENGTH),
        }
    }
}

impl Default for Timing {
    /// [`Timing::PECHA_KUCHA`].
    fn default() -> Self {
        Self::PECHA_KUCHA
    }
}

/// Where a talk is, as the UI shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TalkState {
    /// Armed, not started: the title card, slide 1 waiting with its full time (also while a
    /// start waits for slide 1 to reach the screen: see [`Talk::start_on_screen`]).
    Ready,
    /// Slides advance by themselves.
    Running,
    /// Frozen until [`Talk::resume`]; nothing else unpauses.
    Paused,
    /// The last slide's time is up (or it was advanced past by hand).
    Finished,
}

/// Something a person did to a talk (all are logged).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Intervention {
    /// The talk was started from slide 1.
    Start,
    /// The talk was paused.
    Pause,
    /// The talk was resumed after a pause.
    Resume,
    /// The current slide got its full time again (the slide is in the following
    /// [`LogEvent::SlideShown`]).
    RestartSlide,
    /// The talk jumped to `slide` (1-based) with its full time.
    ResumeFrom {
        /// The slide jumped to, 1-based.
        slide: usize,
    },
    /// Last resort: the next slide was shown by hand, before its time.
    ManualAdvance,
}

/// What happened, in a [`LogEntry`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LogEvent {
    /// `slide` (1-based) became current with its full time: at its deadline, at the start, or
    /// right after an intervention that jumped to it or restarted it.
    SlideShown {
        /// The slide shown, 1-based.
        slide: usize,
    },
    /// A person intervened.
    Intervention(Intervention),
    /// The talk finished.
    Finished,
}

/// One line of a talk's log.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct LogEntry {
    /// Talk clock: time since the start minus time spent paused (see [`Talk::talk_elapsed`]).
    /// For slides and the finish this is their scheduled time, not the tick that noticed them.
    pub at: Duration,
    /// The caller's clock at that moment (the raw `now`, or the scheduled deadline).
    pub wall: Duration,
    /// What happened.
    pub event: LogEvent,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timing_totals() {
        let (s, ms) = (Duration::from_secs, Duration::from_millis);
        assert_eq!(Timing::PECHA_KUCHA.total(), s(400));
        assert_eq!(Timing::IGNITE.total(), s(300));
        assert_eq!(Timing::default(), Timing::PECHA_KUCHA);
        assert_eq!(Timing::new(6, s(10)).total(), s(60));
        assert_eq!(Timing::new(3, ms(1500)).total(), ms(4500));
        assert_eq!(Timing::new(2, Duration::MAX).total(), Duration::MAX);
    }
}
