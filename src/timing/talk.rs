//! [`Talk`]: the state machine of one auto-advancing talk, its queries and its log.
//!
//! A talk is ready (armed, the title card up), running, paused or finished. What is on screen
//! is derived from the phase and the `now` passed in, never stored; [`Talk::update`] writes the
//! slides whose time has come into the log at their scheduled time. Deadlines come from the
//! [`Schedule`] of a started talk; every intervention changes that
//! schedule and is logged. See the [module documentation](super) for the model.
//!
//! # Starting when slide 1 is on the screen
//!
//! Every later slide is timed from the instant its deadline falls; slide 1 has no deadline
//! before it, and the first frame that shows it can take a while to reach the audience (a
//! projector window still being mapped and made fullscreen at launch, a frame to render after a
//! key press). So a show starts in two steps: [`Talk::start_on_screen`] arms the start (the
//! talk is still [`TalkState::Ready`]), and [`Talk::slide_one_on_screen`] starts the talk's clock
//! at the instant the screen showed slide 1. Should no screen say so within [`START_WAIT`], the
//! talk starts then anyway, at that instant: a broken window never holds the talk back.

use std::time::Duration;

use super::schedule::{NANOS_PER_SECOND, Schedule, from_nanos, slides};
use super::{Intervention, LogEntry, LogEvent, START_WAIT, TalkState, Timing};

/// The engine's own state; [`TalkState`] is derived from it and `now`.
#[derive(Debug, Clone, Copy)]
enum Phase {
    Ready,
    /// Asked to start at `asked`, waiting for slide 1 on the screen (shown as ready).
    Starting {
        asked: Duration,
    },
    Running(Schedule),
    Paused {
        schedule: Schedule,
        /// Caller time of the pause: everything is frozen as it was then.
        since: Duration,
    },
    Finished {
        schedule: Schedule,
        /// The talk clock when it finished, frozen.
        talk_elapsed: Duration,
    },
}

/// Everything the queries need, derived from the phase and `now`.
#[derive(Debug, Clone, Copy)]
struct Position {
    state: TalkState,
    /// 0-based, always `< slide_count`.
    index: usize,
    slide_elapsed: Duration,
    talk_elapsed: Duration,
}

/// One auto-advancing talk: the state machine, its queries and its log.
///
/// See the [module documentation](super) for the model. All times are caller-clock times
/// (`now`), which must come from one monotonic clock.
#[derive(Debug, Clone)]
pub struct Talk {
    timing: Timing,
    phase: Phase,
    log: Vec<LogEntry>,
    /// How many log entries [`Talk::update`] has already returned.
    reported: usize,
}

impl Talk {
    /// An armed talk: [`TalkState::Ready`], slide 1 waiting with its full time.
    ///
    /// A timing with no slides or zero-length slides is raised to 1 slide of at least
    /// [`MIN_SLIDE_LENGTH`](super::MIN_SLIDE_LENGTH) (reject such decks before, e.g. in `check`).
    #[must_use]
    pub fn new(timing: Timing) -> Self {
        Self {
            timing: timing.normalized(),
            phase: Phase::Ready,
            log: Vec::new(),
            reported: 0,
        }
    }

    /// The talk's timing (as normalized by [`Talk::new`]).
    #[must_use]
    pub fn timing(&self) -> Timing {
        self.timing
    }

    /// The state at `now`. A running talk whose time is up is [`TalkState::Finished`] even
    /// before [`Talk::update`] logs it.
    #[must_use]
    pub fn state(&self, now: Duration) -> TalkState {
        self.position(now).state
    }

    /// The slide on screen at `now`, 1-based: 1 when ready, the last one when finished.
    #[must_use]
    pub fn current_slide(&self, now: Duration) -> usize {
        self.position(now).index + 1
    }

    /// Exact time left on the current slide: the full length when ready, frozen when paused,
    /// zero when finished. The UI shows it rounded up to whole seconds (20, 19, ... 1).
    #[must_use]
    pub fn slide_remaining(&self, now: Duration) -> Duration {
        let position = self.position(now);
        if position.state == TalkState::Finished {
            Duration::ZERO
        } else {
            self.timing
                .slide_length
                .saturating_sub(position.slide_elapsed)
        }
    }

    /// Time left until the talk finishes if nothing intervenes: [`Timing::total`] when ready,
    /// frozen when paused, zero when finished.
    #[must_use]
    pub fn talk_remaining(&self, now: Duration) -> Duration {
        let position = self.position(now);
        let later_slides = self.timing.slide_count - 1 - position.index;
        slides(self.timing.slide_length, later_slides).saturating_add(self.slide_remaining(now))
    }

    /// The talk clock: time since the start minus time spent paused. Zero when ready, frozen
    /// when paused and when finished. Restarts and jumps do not rewind it, so after them it can
    /// exceed [`Timing::total`]: that is how long the talk really took.
    #[must_use]
    pub fn talk_elapsed(&self, now: Duration) -> Duration {
        self.position(now).talk_elapsed
    }

    /// Caller time spent paused so far; a pause under way counts up to `now`. Zero when ready.
    /// (Time spent finished before a [`Talk::resume_from`] counts too: the talk was not running.)
    #[must_use]
    pub fn paused_total(&self, now: Duration) -> Duration {
        match self.phase {
            Phase::Ready | Phase::Starting { .. } => Duration::ZERO,
            Phase::Running(schedule) | Phase::Finished { schedule, .. } => schedule.paused_total,
            Phase::Paused { schedule, since } => schedule
                .paused_total
                .saturating_add(now.saturating_sub(since)),
        }
    }

    /// Caller-clock time at which `slide` (1-based) becomes current under the present schedule.
    ///
    /// `None` when ready, paused (the future depends on when the talk is resumed) or finished,
    /// for slides out of range, and for slides shown before the latest restart or jump (look
    /// those up in the [log](Talk::log)). Past deadlines since then are returned as they were.
    #[must_use]
    pub fn slide_deadline(&self, slide: usize) -> Option<Duration> {
        let Phase::Running(schedule) = self.phase else {
            return None;
        };
        let index = slide.checked_sub(1)?;
        (index >= schedule.anchor_slide && index < self.timing.slide_count)
            .then(|| schedule.deadline(index, self.timing))
    }

    /// Caller-clock time at which the talk finishes if nothing intervenes; `None` unless running.
    #[must_use]
    pub fn finish_deadline(&self) -> Option<Duration> {
        let Phase::Running(schedule) = self.phase else {
            return None;
        };
        Some(schedule.deadline(self.timing.slide_count, self.timing))
    }

    /// The next caller-clock instant after `now` at which what the UI shows changes: the
    /// whole-second countdown of the slide (`ceil(slide_remaining)`), the next slide or the
    /// finish, whichever comes first. For whole-second slide lengths the total countdown
    /// changes at the same instants.
    ///
    /// `None` when ready, paused or finished: nothing changes until someone acts, so the UI
    /// can sleep until then instead of repainting. While a start waits for slide 1 on the
    /// screen, the instant it stops waiting ([`START_WAIT`] after it was asked for).
    #[must_use]
    pub fn next_visible_change(&self, now: Duration) -> Option<Duration> {
        if let Some(gives_up) = self.start_waits_until(now) {
            return Some(gives_up);
        }
        if self.position(now).state != TalkState::Running {
            return None;
        }
        // Running, so 0 < remaining <= slide_length.
        let remaining = self.slide_remaining(now).as_nanos();
        let shown_seconds = remaining.div_ceil(NANOS_PER_SECOND);
        let next_shown = shown_seconds.saturating_sub(1) * NANOS_PER_SECOND;
        Some(now.saturating_add(from_nanos(remaining - next_shown)))
    }

    /// Everything logged so far, in time order.
    #[must_use]
    pub fn log(&self) -> &[LogEntry] {
        &self.log
    }

    /// Brings the log up to `now`: logs [`LogEvent::SlideShown`] for every slide whose deadline
    /// has passed (several if the ticks were late), each at its scheduled time, and
    /// [`LogEvent::Finished`] at the scheduled finish. Returns the log entries added since the
    /// previous call, interventions included, in order; calling it twice with the same `now`
    /// returns them once. The queries do not need it.
    pub fn update(&mut self, now: Duration) -> Vec<LogEntry> {
        self.catch_up(now);
        let new = self.log[self.reported..].to_vec();
        self.reported = self.log.len();
        new
    }

    /// Starts a ready talk at `now` from slide 1, whatever the screen shows (a start waiting for
    /// slide 1 on the screen starts now too); `false` (nothing changes) in any other state.
    /// For an instant known ahead, such as the end of a lead-in, at which the screen shows slide
    /// 1 as it shows every later slide at its deadline; otherwise see [`Talk::start_on_screen`].
    pub fn start(&mut self, now: Duration) -> bool {
        if !matches!(self.phase, Phase::Ready | Phase::Starting { .. }) {
            return false;
        }
        self.begin(now);
        true
    }

    /// Arms the start of a ready talk, asked for at `now`: it stays [`TalkState::Ready`] until
    /// [`Talk::slide_one_on_screen`] says when the screen showed slide 1, and its clock starts
    /// then. Should that not come within [`START_WAIT`], the talk starts at `now + START_WAIT`.
    /// `false` (nothing changes) unless the talk is ready and not already starting.
    pub fn start_on_screen(&mut self, now: Duration) -> bool {
        if !matches!(self.phase, Phase::Ready) {
            return false;
        }
        self.phase = Phase::Starting { asked: now };
        true
    }

    /// The screen showed slide 1 from `at` on (when the first frame showing it was presented):
    /// a talk armed by [`Talk::start_on_screen`] starts its clock at `at`, so that slide 1 has
    /// its full time on the screen. A frame presented before the start was asked for cannot be
    /// the one that shows it, so an earlier `at` counts as the instant of asking; one later than
    /// the wait counts as its end, when the talk had started anyway. `false` (nothing changes)
    /// if no start was waiting for slide 1.
    pub fn slide_one_on_screen(&mut self, at: Duration) -> bool {
        let Phase::Starting { asked } = self.phase else {
            return false;
        };
        self.begin(at.clamp(asked, asked.saturating_add(START_WAIT)));
        true
    }

    /// Whether an armed start is still waiting for slide 1 on the screen at `now`.
    #[must_use]
    pub fn waits_for_slide_one(&self, now: Duration) -> bool {
        self.start_waits_until(now).is_some()
    }

    /// While an armed start waits for slide 1 at `now`: the instant it stops waiting.
    fn start_waits_until(&self, now: Duration) -> Option<Duration> {
        let Phase::Starting { asked } = self.phase else {
            return None;
        };
        Some(asked.saturating_add(START_WAIT)).filter(|gives_up| now < *gives_up)
    }

    /// Runs the talk from slide 1 with its clock started at `at`.
    fn begin(&mut self, at: Duration) {
        self.phase = Phase::Running(Schedule::starting(0, at));
        self.push(
            at,
            Duration::ZERO,
            LogEvent::Intervention(Intervention::Start),
        );
        self.push(at, Duration::ZERO, LogEvent::SlideShown { slide: 1 });
    }

    /// Pauses a running talk: the slide, the countdowns and the talk clock freeze. `false` if
    /// it is not running (already paused, ready or finished).
    pub fn pause(&mut self, now: Duration) -> bool {
        self.catch_up(now);
        let Phase::Running(schedule) = self.phase else {
            return false;
        };
        self.phase = Phase::Paused {
            schedule,
            since: now,
        };
        self.push(
            now,
            schedule.talk_clock(now),
            LogEvent::Intervention(Intervention::Pause),
        );
        true
    }

    /// Resumes a paused talk where it froze: the current slide keeps the time it had left and
    /// every later deadline moves by the time paused. `false` if it is not paused.
    pub fn resume(&mut self, now: Duration) -> bool {
        self.catch_up(now);
        let Phase::Paused {
            mut schedule,
            since,
        } = self.phase
        else {
            return false;
        };
        let paused = now.saturating_sub(since);
        schedule.anchor = schedule.anchor.saturating_add(paused);
        schedule.paused_total = schedule.paused_total.saturating_add(paused);
        self.phase = Phase::Running(schedule);
        self.push(
            now,
            schedule.talk_clock(now),
            LogEvent::Intervention(Intervention::Resume),
        );
        true
    }

    /// Gives the current slide its full time again from `now`; later deadlines move
    /// accordingly. A paused talk stays paused (the full time starts at resume). `false` when
    /// ready or finished (use [`Talk::resume_from`] to bring back the last slide).
    pub fn restart_slide(&mut self, now: Duration) -> bool {
        self.catch_up(now);
        let position = self.position(now);
        if !matches!(position.state, TalkState::Running | TalkState::Paused) {
            return false;
        }
        self.jump(position.index, now, Intervention::RestartSlide);
        true
    }

    /// Jumps to `slide` (1-based) with its full time from `now`. Keeps the state: a running
    /// talk goes on from there, a paused one stays paused at the start of that slide, a
    /// finished one runs again (the time it spent finished does not count on the talk clock),
    /// and a ready one starts there (to rehearse one slide; the log then has no
    /// [`Intervention::Start`]). `false` if `slide` is not in `1..=slide_count`.
    pub fn resume_from(&mut self, slide: usize, now: Duration) -> bool {
        if slide == 0 || slide > self.timing.slide_count {
            return false;
        }
        self.catch_up(now);
        self.jump(slide - 1, now, Intervention::ResumeFrom { slide });
        true
    }

    /// Last resort: shows the next slide now with its full time (a paused talk stays paused);
    /// on the last slide the talk finishes now. `false` when ready or finished.
    pub fn manual_advance(&mut self, now: Duration) -> bool {
        self.catch_up(now);
        let position = self.position(now);
        let schedule = match self.phase {
            Phase::Running(schedule) | Phase::Paused { schedule, .. } => schedule,
            Phase::Ready | Phase::Starting { .. } | Phase::Finished { .. } => return false,
        };
        if position.index + 1 < self.timing.slide_count {
            self.jump(position.index + 1, now, Intervention::ManualAdvance);
        } else {
            self.phase = Phase::Finished {
                schedule,
                talk_elapsed: position.talk_elapsed,
            };
            let event = LogEvent::Intervention(Intervention::ManualAdvance);
            self.push(now, position.talk_elapsed, event);
            self.push(now, position.talk_elapsed, LogEvent::Finished);
        }
        true
    }

    /// The phase at `now`: a start still waiting for slide 1 after [`START_WAIT`] has begun
    /// (as [`Talk::update`] will log it).
    fn phase_at(&self, now: Duration) -> Phase {
        match self.phase {
            Phase::Starting { asked } if self.start_waits_until(now).is_none() => {
                Phase::Running(Schedule::starting(0, asked.saturating_add(START_WAIT)))
            }
            phase => phase,
        }
    }

    /// Derives what is on screen at `now` without changing anything.
    fn position(&self, now: Duration) -> Position {
        let last = self.timing.slide_count - 1;
        let finished = |talk_elapsed| Position {
            state: TalkState::Finished,
            index: last,
            slide_elapsed: self.timing.slide_length,
            talk_elapsed,
        };
        match self.phase_at(now) {
            Phase::Ready | Phase::Starting { .. } => Position {
                state: TalkState::Ready,
                index: 0,
                slide_elapsed: Duration::ZERO,
                talk_elapsed: Duration::ZERO,
            },
            Phase::Running(schedule) => {
                let (index, slide_elapsed) = schedule.position(now, self.timing);
                if index > last {
                    let finish = schedule.deadline(self.timing.slide_count, self.timing);
                    finished(schedule.talk_clock(finish))
                } else {
                    Position {
                        state: TalkState::Running,
                        index,
                        slide_elapsed,
                        talk_elapsed: schedule.talk_clock(now),
                    }
                }
            }
            Phase::Paused { schedule, since } => {
                // A pause always begins before the finish (pause() catches up first).
                let (index, slide_elapsed) = schedule.position(since, self.timing);
                Position {
                    state: TalkState::Paused,
                    index: index.min(last),
                    slide_elapsed,
                    talk_elapsed: schedule.talk_clock(since),
                }
            }
            Phase::Finished { talk_elapsed, .. } => finished(talk_elapsed),
        }
    }

    /// Logs the slides and the finish whose scheduled time is at or before `now` (and the start
    /// that stopped waiting for slide 1 on the screen, at the instant it stopped).
    fn catch_up(&mut self, now: Duration) {
        if let Phase::Starting { asked } = self.phase
            && self.start_waits_until(now).is_none()
        {
            self.begin(asked.saturating_add(START_WAIT));
        }
        let Phase::Running(mut schedule) = self.phase else {
            return;
        };
        let (index, _) = schedule.position(now, self.timing);
        let last = self.timing.slide_count - 1;
        while schedule.shown < index.min(last) {
            schedule.shown += 1;
            let wall = schedule.deadline(schedule.shown, self.timing);
            let slide = schedule.shown + 1;
            self.push(
                wall,
                schedule.talk_clock(wall),
                LogEvent::SlideShown { slide },
            );
        }
        if index > last {
            let wall = schedule.deadline(self.timing.slide_count, self.timing);
            let talk_elapsed = schedule.talk_clock(wall);
            self.push(wall, talk_elapsed, LogEvent::Finished);
            self.phase = Phase::Finished {
                schedule,
                talk_elapsed,
            };
        } else {
            self.phase = Phase::Running(schedule);
        }
    }

    /// Shows slide `index` (0-based) with its full time from `now`, keeping the state (see
    /// [`Talk::resume_from`]), and logs `why` followed by the slide.
    fn jump(&mut self, index: usize, now: Duration, why: Intervention) {
        let talk_clock;
        self.phase = match self.phase {
            Phase::Ready | Phase::Starting { .. } => {
                talk_clock = Duration::ZERO;
                Phase::Running(Schedule::starting(index, now))
            }
            Phase::Running(mut schedule) => {
                talk_clock = schedule.talk_clock(now);
                schedule.jump(index, now);
                Phase::Running(schedule)
            }
            Phase::Paused {
                mut schedule,
                since,
            } => {
                // Frozen at the start of the slide; resume() moves the anchor to the resume time.
                talk_clock = schedule.talk_clock(since);
                schedule.jump(index, since);
                Phase::Paused { schedule, since }
            }
            Phase::Finished {
                schedule,
                talk_elapsed,
            } => {
                talk_clock = talk_elapsed;
                // The talk clock goes on from where it stopped: the time spent finished counts
                // as paused.
                let mut schedule = schedule;
                schedule.paused_total = now
                    .saturating_sub(schedule.started)
                    .saturating_sub(talk_elapsed);
                schedule.jump(index, now);
                Phase::Running(schedule)
            }
        };
        self.push(now, talk_clock, LogEvent::Intervention(why));
        self.push(now, talk_clock, LogEvent::SlideShown { slide: index + 1 });
    }

    fn push(&mut self, wall: Duration, at: Duration, event: LogEvent) {
        self.log.push(LogEntry { at, wall, event });
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
