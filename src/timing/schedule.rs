//! The arithmetic that keeps a started talk from drifting: one anchor, and every deadline
//! computed from it.
//!
//! A [`Schedule`] remembers the caller-clock instant at which one slide started with its full
//! time (the anchor; at first, the start of the talk) and the time spent paused. Slide `k`
//! starts at `anchor + (k - anchor slide) x slide_length`, whatever ticks the caller made in
//! between, and the slide on screen at any instant is a division, never a count of ticks.
//! Everything is integer nanoseconds, saturating at [`Duration::MAX`], so a deadline is exact
//! and no deck file can make it overflow. [`super::Talk`] moves the anchor when someone pauses,
//! restarts a slide or jumps.

use std::time::Duration;

use super::Timing;

/// Nanoseconds in a second.
pub(super) const NANOS_PER_SECOND: u128 = 1_000_000_000;

/// The anchor of a started talk, all in caller-clock time.
#[derive(Debug, Clone, Copy)]
pub(super) struct Schedule {
    /// When the talk was started.
    pub(super) started: Duration,
    /// Caller time not counted on the talk clock: completed pauses (and time spent finished
    /// before a [`Talk::resume_from`](super::Talk::resume_from)).
    pub(super) paused_total: Duration,
    /// When `anchor_slide` started with its full time. Pauses move it later.
    pub(super) anchor: Duration,
    /// 0-based index of the slide that started at `anchor`.
    pub(super) anchor_slide: usize,
    /// 0-based index of the last slide logged as shown.
    pub(super) shown: usize,
}

impl Schedule {
    /// A talk started at `now`, from slide `slide_index` (0-based).
    pub(super) fn starting(slide_index: usize, now: Duration) -> Self {
        Self {
            started: now,
            paused_total: Duration::ZERO,
            anchor: now,
            anchor_slide: slide_index,
            shown: slide_index,
        }
    }

    /// The talk clock at caller time `wall` (valid while running; frozen values are passed in
    /// for paused talks).
    pub(super) fn talk_clock(&self, wall: Duration) -> Duration {
        wall.saturating_sub(self.started)
            .saturating_sub(self.paused_total)
    }

    /// Caller time at which slide `index` (0-based, not before the anchor slide) starts; with
    /// `index == slide_count` it is the finish.
    pub(super) fn deadline(&self, index: usize, timing: Timing) -> Duration {
        let later = index.saturating_sub(self.anchor_slide);
        self.anchor
            .saturating_add(slides(timing.slide_length, later))
    }

    /// The slide index (0-based, may be `>= slide_count` once the talk is over) and the time
    /// elapsed in it at caller time `at`.
    pub(super) fn position(&self, at: Duration, timing: Timing) -> (usize, Duration) {
        let since_anchor = at.saturating_sub(self.anchor).as_nanos();
        let length = timing.slide_length.as_nanos().max(1);
        let steps = usize::try_from(since_anchor / length).unwrap_or(usize::MAX);
        (
            self.anchor_slide.saturating_add(steps),
            from_nanos(since_anchor % length),
        )
    }

    /// Re-anchors so that slide `index` starts at caller time `at` with its full time.
    pub(super) fn jump(&mut self, index: usize, at: Duration) {
        self.anchor = at;
        self.anchor_slide = index;
        self.shown = index;
    }
}

/// `count` slides of `length`, exact, saturating at [`Duration::MAX`].
pub(super) fn slides(length: Duration, count: usize) -> Duration {
    from_nanos(length.as_nanos().saturating_mul(count as u128))
}

/// A nanosecond count as a `Duration`, saturating at [`Duration::MAX`].
pub(super) fn from_nanos(nanos: u128) -> Duration {
    match u64::try_from(nanos / NANOS_PER_SECOND) {
        Ok(seconds) => Duration::new(seconds, (nanos % NANOS_PER_SECOND) as u32),
        Err(_) => Duration::MAX,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    #[test]
    fn deadlines_count_from_the_anchor_alone() {
        let timing = Timing::PECHA_KUCHA;
        let schedule = Schedule::starting(0, s(100));
        for (index, deadline) in [(0, s(100)), (1, s(120)), (7, s(240)), (20, s(500))] {
            assert_eq!(
                schedule.deadline(index, timing),
                deadline,
                "slide index {index}"
            );
        }
        // A slide before the anchor's is due at the anchor.
        let mut later = schedule;
        later.jump(6, s(300));
        assert_eq!(later.deadline(3, timing), s(300));
        assert_eq!(later.deadline(8, timing), s(340));
    }

    #[test]
    fn position_is_a_division_exact_to_the_nanosecond() {
        let timing = Timing::new(3, Duration::from_millis(1500));
        let schedule = Schedule::starting(0, s(10));
        let just_before = s(10) + Duration::from_nanos(1_499_999_999);
        assert_eq!(
            schedule.position(just_before, timing),
            (0, Duration::from_nanos(1_499_999_999))
        );
        assert_eq!(
            schedule.position(s(10) + Duration::from_millis(1500), timing),
            (1, Duration::ZERO)
        );
        // Before the start it is the start; after the end the index runs past the last slide.
        assert_eq!(schedule.position(s(1), timing), (0, Duration::ZERO));
        assert_eq!(schedule.position(s(20), timing).0, 6);
    }

    #[test]
    fn the_talk_clock_leaves_out_time_paused() {
        let mut schedule = Schedule::starting(0, s(100));
        schedule.paused_total = s(30);
        assert_eq!(schedule.talk_clock(s(150)), s(20));
        assert_eq!(schedule.talk_clock(s(50)), Duration::ZERO);
    }

    #[test]
    fn sums_saturate_instead_of_overflowing() {
        assert_eq!(slides(s(20), 20), s(400));
        assert_eq!(slides(Duration::MAX, 2), Duration::MAX);
        assert_eq!(slides(s(u64::MAX), usize::MAX), Duration::MAX);
        assert_eq!(from_nanos(u128::MAX), Duration::MAX);
        assert_eq!(from_nanos(1_500_000_000), Duration::from_millis(1500));
        let far = Schedule::starting(0, Duration::MAX.saturating_sub(s(1)));
        assert_eq!(far.deadline(20, Timing::PECHA_KUCHA), Duration::MAX);
    }
}
