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
mod tests {
    use super::*;
    use crate::clock::{Clock, ManualClock};
    use crate::timing::MIN_SLIDE_LENGTH;

    fn ms(millis: u64) -> Duration {
        Duration::from_millis(millis)
    }

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    fn shown(slide: usize) -> LogEvent {
        LogEvent::SlideShown { slide }
    }

    fn did(intervention: Intervention) -> LogEvent {
        LogEvent::Intervention(intervention)
    }

    /// The log as (wall, talk clock, event), easy to compare with a table.
    fn entries(talk: &Talk) -> Vec<(Duration, Duration, LogEvent)> {
        talk.log()
            .iter()
            .map(|entry| (entry.wall, entry.at, entry.event.clone()))
            .collect()
    }

    fn running_pecha_kucha(start: Duration) -> Talk {
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        assert!(talk.start(start));
        talk
    }

    #[test]
    fn degenerate_timing_is_normalized() {
        let talk = Talk::new(Timing::new(0, Duration::ZERO));
        assert_eq!(talk.timing(), Timing::new(1, MIN_SLIDE_LENGTH));
        assert_eq!(talk.current_slide(s(5)), 1);
        assert_eq!(talk.talk_remaining(s(5)), MIN_SLIDE_LENGTH);
    }

    #[test]
    fn ready_talk_shows_slide_one_with_full_time() {
        let talk = Talk::new(Timing::PECHA_KUCHA);
        let now = s(1000);
        assert_eq!(talk.state(now), TalkState::Ready);
        assert_eq!(talk.current_slide(now), 1);
        assert_eq!(talk.slide_remaining(now), s(20));
        assert_eq!(talk.talk_remaining(now), s(400));
        assert_eq!(talk.talk_elapsed(now), Duration::ZERO);
        assert_eq!(talk.slide_deadline(1), None);
        assert_eq!(talk.finish_deadline(), None);
        assert_eq!(talk.next_visible_change(now), None);
        assert!(talk.log().is_empty());
    }

    #[test]
    fn start_twice_is_a_no_op() {
        let mut talk = running_pecha_kucha(s(10));
        assert!(!talk.start(s(15)));
        assert_eq!(talk.current_slide(s(30)), 2);
        assert_eq!(talk.slide_deadline(2), Some(s(30)));
        assert_eq!(
            entries(&talk),
            [
                (s(10), s(0), did(Intervention::Start)),
                (s(10), s(0), shown(1))
            ]
        );
    }

    #[test]
    fn queries_are_derived_from_now_without_update() {
        // Started at 3 s on the caller's clock, never updated.
        let talk = running_pecha_kucha(s(3));
        for (now, state, slide, slide_remaining, talk_remaining) in [
            (s(3), TalkState::Running, 1, s(20), s(400)),
            (ms(22_999), TalkState::Running, 1, ms(1), ms(380_001)),
            (s(23), TalkState::Running, 2, s(20), s(380)),
            (ms(150_500), TalkState::Running, 8, ms(12_500), ms(252_500)),
            (ms(402_999), TalkState::Running, 20, ms(1), ms(1)),
            (s(403), TalkState::Finished, 20, s(0), s(0)),
            (s(9999), TalkState::Finished, 20, s(0), s(0)),
        ] {
            assert_eq!(talk.state(now), state, "at {now:?}");
            assert_eq!(talk.current_slide(now), slide, "at {now:?}");
            assert_eq!(talk.slide_remaining(now), slide_remaining, "at {now:?}");
            assert_eq!(talk.talk_remaining(now), talk_remaining, "at {now:?}");
        }
        assert_eq!(talk.talk_elapsed(ms(150_500)), ms(147_500));
        assert_eq!(talk.talk_elapsed(s(9999)), s(400));
        assert_eq!(talk.slide_deadline(1), Some(s(3)));
        assert_eq!(talk.slide_deadline(20), Some(s(383)));
        assert_eq!(talk.slide_deadline(21), None);
        assert_eq!(talk.slide_deadline(0), None);
        assert_eq!(talk.finish_deadline(), Some(s(403)));
    }

    #[test]
    fn pause_just_before_a_deadline_keeps_the_slide() {
        let clock = ManualClock::new();
        let mut talk = running_pecha_kucha(clock.now());
        clock.set(ms(19_999));
        assert!(talk.pause(clock.now()));
        clock.advance(s(60));
        let new: Vec<_> = talk
            .update(clock.now())
            .into_iter()
            .map(|e| e.event)
            .collect();
        assert_eq!(
            new,
            [did(Intervention::Start), shown(1), did(Intervention::Pause)]
        );
        assert_eq!(talk.current_slide(clock.now()), 1);
        assert_eq!(talk.slide_remaining(clock.now()), ms(1));

        let resumed_at = clock.now();
        assert!(talk.resume(resumed_at));
        assert_eq!(talk.state(resumed_at), TalkState::Running);
        assert_eq!(talk.current_slide(resumed_at), 1);
        assert_eq!(talk.slide_remaining(resumed_at), ms(1));
        assert_eq!(talk.slide_deadline(2), Some(resumed_at + ms(1)));
        assert_eq!(
            talk.current_slide(resumed_at + Duration::from_nanos(999_999)),
            1
        );
        assert_eq!(talk.current_slide(resumed_at + ms(1)), 2);

        clock.advance(s(1));
        let new = talk.update(clock.now());
        let slide_two = new.iter().find(|entry| entry.event == shown(2)).unwrap();
        assert_eq!(slide_two.wall, resumed_at + ms(1));
        assert_eq!(slide_two.at, s(20));
    }

    #[test]
    fn pause_across_a_deadline_defers_the_next_slide() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.pause(s(15)));
        // 30 s of pause, ticked every 100 ms: nothing moves.
        for tick in 150..=450 {
            let now = ms(tick * 100);
            talk.update(now);
            assert_eq!(talk.current_slide(now), 1);
            assert_eq!(talk.slide_remaining(now), s(5));
            assert_eq!(talk.talk_elapsed(now), s(15));
        }
        assert!(talk.resume(s(45)));
        assert_eq!(talk.slide_deadline(2), Some(s(50)));
        assert_eq!(talk.finish_deadline(), Some(s(430)));
        assert_eq!(talk.current_slide(ms(49_999)), 1);
        assert_eq!(talk.current_slide(s(50)), 2);
        talk.update(s(51));
        assert_eq!(
            entries(&talk),
            [
                (s(0), s(0), did(Intervention::Start)),
                (s(0), s(0), shown(1)),
                (s(15), s(15), did(Intervention::Pause)),
                (s(45), s(15), did(Intervention::Resume)),
                (s(50), s(20), shown(2)),
            ]
        );
    }

    #[test]
    fn paused_total_counts_every_pause_and_the_one_under_way() {
        let mut talk = Talk::new(Timing::new(20, s(20)));
        assert_eq!(talk.paused_total(s(5)), Duration::ZERO);
        assert!(talk.start(s(0)));
        assert!(talk.pause(s(10)));
        assert_eq!(talk.paused_total(s(17)), s(7));
        assert!(talk.resume(s(20)));
        assert_eq!(talk.paused_total(s(100)), s(10));
        assert!(talk.pause(s(100)));
        assert_eq!(talk.paused_total(s(103)), s(13));
        assert!(talk.resume(s(105)));
        // The talk ends 15 s late, and that is all it was paused.
        talk.update(s(500));
        assert_eq!(talk.state(s(500)), TalkState::Finished);
        assert_eq!(talk.paused_total(s(500)), s(15));
    }

    #[test]
    fn pause_stays_paused_until_resumed() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.pause(s(30)));
        assert!(!talk.pause(s(31)), "pausing twice is refused");
        assert!(!talk.start(s(32)), "start does not unpause");
        talk.update(s(100_000));
        let far = s(100_000);
        assert_eq!(talk.state(far), TalkState::Paused);
        assert_eq!(talk.current_slide(far), 2);
        assert_eq!(talk.slide_remaining(far), s(10));
        assert_eq!(talk.talk_remaining(far), s(370));
        assert_eq!(talk.slide_deadline(3), None);
        assert_eq!(talk.finish_deadline(), None);
        assert_eq!(talk.next_visible_change(far), None);
        // Jumps keep it paused too.
        assert!(talk.resume_from(5, far));
        assert!(talk.manual_advance(far));
        assert!(talk.restart_slide(far));
        assert_eq!(talk.state(far + s(1000)), TalkState::Paused);
        assert_eq!(talk.current_slide(far + s(1000)), 6);
        assert!(talk.resume(far + s(1000)));
        assert_eq!(talk.slide_remaining(far + s(1005)), s(15));
    }

    #[test]
    fn restart_slide_gives_full_time_and_shifts_later_deadlines() {
        let mut talk = running_pecha_kucha(s(0));
        // Slide 3 starts at 40 s; restart it at 47.5 s.
        assert!(talk.restart_slide(ms(47_500)));
        assert_eq!(talk.current_slide(ms(47_500)), 3);
        assert_eq!(talk.slide_remaining(ms(47_500)), s(20));
        assert_eq!(talk.slide_deadline(4), Some(ms(67_500)));
        assert_eq!(talk.finish_deadline(), Some(ms(407_500)));
        assert_eq!(talk.talk_remaining(ms(47_500)), s(360));
        assert_eq!(talk.talk_elapsed(ms(47_500)), ms(47_500));
        assert_eq!(talk.slide_deadline(2), None, "shown before the restart");
        talk.update(s(70));
        assert_eq!(
            entries(&talk)[2..],
            [
                (s(20), s(20), shown(2)),
                (s(40), s(40), shown(3)),
                (ms(47_500), ms(47_500), did(Intervention::RestartSlide)),
                (ms(47_500), ms(47_500), shown(3)),
                (ms(67_500), ms(67_500), shown(4)),
            ]
        );
    }

    #[test]
    fn restart_slide_while_paused_gives_full_time_at_resume() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.pause(s(35)));
        assert!(talk.restart_slide(s(50)));
        assert_eq!(talk.state(s(50)), TalkState::Paused);
        assert_eq!(talk.current_slide(s(50)), 2);
        assert_eq!(talk.slide_remaining(s(50)), s(20));
        assert!(talk.resume(s(60)));
        assert_eq!(talk.slide_deadline(3), Some(s(80)));
        assert_eq!(talk.talk_elapsed(s(60)), s(35));
    }

    #[test]
    fn restart_slide_is_refused_when_ready_or_finished() {
        let mut talk = Talk::new(Timing::IGNITE);
        assert!(!talk.restart_slide(s(1)));
        assert!(talk.start(s(1)));
        assert!(!talk.restart_slide(s(301)), "finished at 301 s");
        assert_eq!(talk.log().last().unwrap().event, LogEvent::Finished);
    }

    #[test]
    fn resume_from_slide_seven() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.resume_from(7, s(50)));
        assert_eq!(talk.current_slide(s(50)), 7);
        assert_eq!(talk.slide_remaining(s(50)), s(20));
        assert_eq!(talk.slide_deadline(8), Some(s(70)));
        assert_eq!(talk.finish_deadline(), Some(s(330)));
        assert_eq!(talk.talk_remaining(s(50)), s(280));
        talk.update(s(70));
        assert_eq!(
            entries(&talk)[4..],
            [
                (s(50), s(50), did(Intervention::ResumeFrom { slide: 7 })),
                (s(50), s(50), shown(7)),
                (s(70), s(70), shown(8)),
            ]
        );
    }

    #[test]
    fn resume_from_out_of_range_is_refused() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(!talk.resume_from(0, s(5)));
        assert!(!talk.resume_from(21, s(5)));
        assert_eq!(talk.log().len(), 2);
        assert_eq!(talk.current_slide(s(5)), 1);
    }

    #[test]
    fn resume_from_while_paused_keeps_the_pause() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.pause(s(30)));
        assert!(talk.resume_from(7, s(40)));
        assert_eq!(talk.state(s(100)), TalkState::Paused);
        assert_eq!(talk.current_slide(s(100)), 7);
        assert_eq!(talk.slide_remaining(s(100)), s(20));
        assert!(talk.resume(s(100)));
        assert_eq!(talk.slide_deadline(8), Some(s(120)));
    }

    #[test]
    fn resume_from_a_finished_talk_runs_again() {
        let mut talk = Talk::new(Timing::new(6, s(10)));
        assert!(talk.start(s(0)));
        talk.update(s(100));
        assert_eq!(talk.state(s(100)), TalkState::Finished);
        assert!(talk.resume_from(6, s(100)));
        assert_eq!(talk.state(s(100)), TalkState::Running);
        assert_eq!(talk.current_slide(s(100)), 6);
        // The 40 s spent finished do not count on the talk clock.
        assert_eq!(talk.talk_elapsed(s(105)), s(65));
        assert_eq!(talk.finish_deadline(), Some(s(110)));
        talk.update(s(110));
        assert_eq!(
            entries(&talk)[7..],
            [
                (s(60), s(60), LogEvent::Finished),
                (s(100), s(60), did(Intervention::ResumeFrom { slide: 6 })),
                (s(100), s(60), shown(6)),
                (s(110), s(70), LogEvent::Finished),
            ]
        );
    }

    #[test]
    fn resume_from_a_ready_talk_starts_there() {
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        assert!(talk.resume_from(12, s(5)));
        assert_eq!(talk.state(s(5)), TalkState::Running);
        assert_eq!(talk.current_slide(s(25)), 13);
        assert_eq!(talk.talk_elapsed(s(25)), s(20));
        assert_eq!(talk.talk_remaining(s(5)), s(180));
    }

    #[test]
    fn manual_advance_shows_the_next_slide_with_full_time() {
        let mut talk = running_pecha_kucha(s(0));
        assert!(talk.manual_advance(s(8)));
        assert_eq!(talk.current_slide(s(8)), 2);
        assert_eq!(talk.slide_remaining(s(8)), s(20));
        assert_eq!(talk.slide_deadline(3), Some(s(28)));
        assert_eq!(talk.finish_deadline(), Some(s(388)));
    }

    #[test]
    fn manual_advance_on_the_last_slide_finishes() {
        let mut talk = Talk::new(Timing::new(3, s(10)));
        assert!(!talk.manual_advance(s(0)), "not before the start");
        assert!(talk.start(s(0)));
        assert!(talk.manual_advance(s(25)), "slide 3 has 5 s left");
        assert_eq!(talk.state(s(25)), TalkState::Finished);
        assert_eq!(talk.current_slide(s(25)), 3);
        assert_eq!(talk.slide_remaining(s(25)), Duration::ZERO);
        assert_eq!(talk.talk_elapsed(s(99)), s(25));
        assert!(!talk.manual_advance(s(26)), "already finished");
        talk.update(s(1000));
        assert_eq!(
            entries(&talk)[4..],
            [
                (s(25), s(25), did(Intervention::ManualAdvance)),
                (s(25), s(25), LogEvent::Finished),
            ]
        );
    }

    #[test]
    fn manual_advance_while_paused_on_the_last_slide_finishes() {
        let mut talk = Talk::new(Timing::new(2, s(10)));
        assert!(talk.start(s(0)));
        assert!(talk.pause(s(15)));
        assert!(talk.manual_advance(s(40)));
        assert_eq!(talk.state(s(40)), TalkState::Finished);
        assert_eq!(talk.talk_elapsed(s(40)), s(15));
        assert!(!talk.resume(s(41)));
    }

    /// A deterministic pseudo-random step between 1 ms and 900 ms (xorshift).
    fn irregular_steps(mut seed: u64) -> impl Iterator<Item = Duration> {
        std::iter::repeat_with(move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            Duration::from_micros(1_000 + seed % 899_001)
        })
    }

    #[test]
    fn full_talk_with_irregular_ticks_never_drifts() {
        for (timing, start) in [
            (Timing::PECHA_KUCHA, ms(1234)),
            (Timing::IGNITE, s(0)),
            (Timing::new(6, s(10)), ms(77)),
        ] {
            let clock = ManualClock::new();
            clock.set(start);
            let mut talk = Talk::new(timing);
            assert!(talk.start(clock.now()));
            let mut previous_slide = 1;
            let mut ticks = 0;
            for step in irregular_steps(0x9e37_79b9_7f4a_7c15) {
                clock.advance(step);
                ticks += 1;
                let now = clock.now();
                talk.update(now);
                let slide = talk.current_slide(now);
                assert!(slide == previous_slide || slide == previous_slide + 1);
                previous_slide = slide;
                if talk.state(now) == TalkState::Finished {
                    break;
                }
            }
            assert!(
                ticks > 100,
                "{timing:?}: the clock was ticked {ticks} times"
            );

            let mut expected = vec![
                (start, s(0), did(Intervention::Start)),
                (start, s(0), shown(1)),
            ];
            for slide in 2..=timing.slide_count {
                let scheduled = slides(timing.slide_length, slide - 1);
                expected.push((start + scheduled, scheduled, shown(slide)));
            }
            expected.push((start + timing.total(), timing.total(), LogEvent::Finished));
            assert_eq!(entries(&talk), expected, "{timing:?}");
            assert_eq!(talk.talk_elapsed(clock.now()), timing.total());
        }
    }

    #[test]
    fn late_tick_logs_every_missed_slide_at_its_scheduled_time() {
        let mut talk = running_pecha_kucha(s(0));
        let new = talk.update(ms(65_300));
        let expected: Vec<_> = [
            (s(0), did(Intervention::Start)),
            (s(0), shown(1)),
            (s(20), shown(2)),
            (s(40), shown(3)),
            (s(60), shown(4)),
        ]
        .into_iter()
        .map(|(at, event)| LogEntry {
            at,
            wall: at,
            event,
        })
        .collect();
        assert_eq!(new, expected);
    }

    #[test]
    fn update_with_the_same_now_logs_once() {
        let mut talk = running_pecha_kucha(s(0));
        assert_eq!(talk.update(s(0)).len(), 2, "start and slide 1");
        assert!(talk.update(s(0)).is_empty());
        assert_eq!(talk.update(s(20)).len(), 1);
        assert!(talk.update(s(20)).is_empty());
        assert!(talk.update(ms(20_500)).is_empty());
        assert_eq!(
            talk.update(s(400)).len(),
            19,
            "slides 3..=20 and the finish"
        );
        assert!(talk.update(s(400)).is_empty());
        assert!(talk.update(s(500)).is_empty());
        assert_eq!(talk.log().len(), 22);
    }

    #[test]
    fn interventions_are_returned_by_the_next_update() {
        let mut talk = running_pecha_kucha(s(0));
        talk.update(s(0));
        assert!(talk.pause(s(25)));
        let new: Vec<_> = talk.update(s(26)).into_iter().map(|e| e.event).collect();
        assert_eq!(new, [shown(2), did(Intervention::Pause)]);
    }

    #[test]
    fn next_visible_change_is_the_next_countdown_tick_or_deadline() {
        let mut talk = running_pecha_kucha(s(100));
        for (now, next) in [
            (s(100), s(101)),
            (ms(100_001), s(101)),
            (ms(100_999), s(101)),
            (s(101), s(102)),
            (ms(119_400), s(120)),
            (s(120), s(121)),
            (ms(499_999), s(500)),
        ] {
            assert_eq!(talk.next_visible_change(now), Some(next), "at {now:?}");
        }
        assert_eq!(talk.next_visible_change(s(500)), None, "finished");

        // Seconds count from the slide's own start after a restart at a fractional time.
        assert!(talk.restart_slide(ms(130_250)));
        assert_eq!(talk.next_visible_change(ms(130_250)), Some(ms(131_250)));
        assert!(talk.pause(ms(131_500)));
        assert_eq!(talk.next_visible_change(ms(131_500)), None, "paused");
        assert!(talk.resume(s(140)));
        // 18.75 s left: the display shows 19 until 18 s are left.
        assert_eq!(talk.slide_remaining(s(140)), ms(18_750));
        assert_eq!(talk.next_visible_change(s(140)), Some(ms(140_750)));

        let fractional = Talk::new(Timing::new(2, ms(1500)));
        assert_eq!(fractional.next_visible_change(s(0)), None, "ready");
        let mut fractional = fractional;
        assert!(fractional.start(s(0)));
        assert_eq!(fractional.next_visible_change(s(0)), Some(ms(500)));
        assert_eq!(fractional.next_visible_change(ms(500)), Some(ms(1500)));
    }

    #[test]
    fn every_intervention_is_logged_with_its_time() {
        let mut talk = running_pecha_kucha(s(1));
        assert!(talk.pause(s(5)));
        assert!(talk.resume(s(8)));
        assert!(talk.restart_slide(s(10)));
        assert!(talk.resume_from(7, s(12)));
        assert!(talk.manual_advance(s(15)));
        assert!(talk.resume_from(20, s(16)));
        assert!(talk.manual_advance(s(17)));
        // Refused ones are not logged.
        assert!(!talk.pause(s(18)));
        assert!(!talk.resume(s(18)));
        assert!(!talk.start(s(18)));
        talk.update(s(1000));
        assert_eq!(
            entries(&talk),
            [
                (s(1), s(0), did(Intervention::Start)),
                (s(1), s(0), shown(1)),
                (s(5), s(4), did(Intervention::Pause)),
                (s(8), s(4), did(Intervention::Resume)),
                (s(10), s(6), did(Intervention::RestartSlide)),
                (s(10), s(6), shown(1)),
                (s(12), s(8), did(Intervention::ResumeFrom { slide: 7 })),
                (s(12), s(8), shown(7)),
                (s(15), s(11), did(Intervention::ManualAdvance)),
                (s(15), s(11), shown(8)),
                (s(16), s(12), did(Intervention::ResumeFrom { slide: 20 })),
                (s(16), s(12), shown(20)),
                (s(17), s(13), did(Intervention::ManualAdvance)),
                (s(17), s(13), LogEvent::Finished),
            ]
        );
    }

    #[test]
    fn a_start_on_screen_times_the_talk_from_when_slide_one_reached_the_screen() {
        // Asked at 10 s (a key, or --start once slide 1 is decoded); the projector's window took
        // 140 ms to show slide 1. The talk's clock starts then, not at the asking: slide 1 is on
        // the screen for its whole 20 s, and every later deadline follows from there.
        let clock = ManualClock::new();
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        clock.set(s(10));
        assert!(talk.start_on_screen(clock.now()));
        assert!(!talk.start_on_screen(clock.now()), "asked once");
        clock.set(ms(10_100));
        let now = clock.now();
        assert_eq!(talk.state(now), TalkState::Ready, "waiting for the screen");
        assert!(talk.waits_for_slide_one(now));
        assert_eq!(talk.slide_remaining(now), s(20));
        assert_eq!(talk.talk_elapsed(now), Duration::ZERO);
        assert_eq!(talk.slide_deadline(2), None);
        assert_eq!(
            talk.next_visible_change(now),
            Some(s(11)),
            "wakes to stop waiting"
        );
        assert!(talk.update(now).is_empty(), "nothing happened yet");
        assert!(talk.slide_one_on_screen(ms(10_140)));
        assert!(!talk.waits_for_slide_one(ms(10_140)));
        assert!(
            !talk.slide_one_on_screen(ms(10_150)),
            "only the first frame counts"
        );
        clock.set(ms(10_200));
        assert_eq!(talk.state(clock.now()), TalkState::Running);
        assert_eq!(talk.slide_remaining(clock.now()), ms(19_940));
        assert_eq!(talk.slide_deadline(2), Some(ms(30_140)));
        assert_eq!(talk.slide_deadline(20), Some(ms(390_140)));
        assert_eq!(talk.finish_deadline(), Some(ms(410_140)));
        clock.set(ms(30_139));
        assert_eq!(talk.current_slide(clock.now()), 1);
        clock.set(ms(30_140));
        assert_eq!(talk.current_slide(clock.now()), 2);
        talk.update(s(500));
        assert_eq!(
            entries(&talk)[..3],
            [
                (ms(10_140), s(0), did(Intervention::Start)),
                (ms(10_140), s(0), shown(1)),
                (ms(30_140), s(20), shown(2)),
            ]
        );
        assert_eq!(talk.log().last().unwrap().wall, ms(410_140));
    }

    #[test]
    fn a_frame_from_before_the_asking_counts_as_the_asking() {
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        assert!(talk.start_on_screen(s(10)));
        assert!(talk.slide_one_on_screen(s(9)));
        assert_eq!(talk.slide_deadline(2), Some(s(30)));
    }

    #[test]
    fn a_start_no_screen_answers_begins_when_the_wait_is_over() {
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        assert!(talk.start_on_screen(s(10)));
        let gives_up = s(10) + START_WAIT;
        assert_eq!(talk.next_visible_change(s(10)), Some(gives_up));
        // Derived without an update: running since the end of the wait.
        let later = gives_up + ms(500);
        assert!(!talk.waits_for_slide_one(gives_up));
        assert_eq!(talk.state(later), TalkState::Running);
        assert_eq!(talk.slide_remaining(later), ms(19_500));
        // A screen that answers after the wait comes too late: the talk had started.
        let mut late_answer = talk.clone();
        assert!(late_answer.slide_one_on_screen(later));
        assert_eq!(late_answer.slide_deadline(2), Some(gives_up + s(20)));
        talk.update(later);
        assert_eq!(
            entries(&talk),
            [
                (gives_up, s(0), did(Intervention::Start)),
                (gives_up, s(0), shown(1)),
            ]
        );
        assert!(!talk.slide_one_on_screen(later), "already running");
    }

    #[test]
    fn while_a_start_waits_for_the_screen_the_talk_is_ready() {
        let mut talk = Talk::new(Timing::PECHA_KUCHA);
        assert!(!talk.slide_one_on_screen(s(1)), "nothing was asked");
        assert!(talk.start_on_screen(s(10)));
        let now = ms(10_050);
        assert!(!talk.pause(now));
        assert!(!talk.restart_slide(now));
        assert!(!talk.manual_advance(now));
        assert_eq!(talk.paused_total(now), Duration::ZERO);
        assert!(talk.log().is_empty());
        // The end of a lead-in, known ahead, starts it at once; so does going to a slide.
        let mut at_once = talk.clone();
        assert!(at_once.start(now));
        assert_eq!(at_once.slide_deadline(2), Some(now + s(20)));
        assert!(talk.resume_from(5, now));
        assert_eq!(talk.current_slide(now), 5);
        assert!(!talk.slide_one_on_screen(ms(10_060)));
    }
}
