//! Where time comes from.
//!
//! The talk engine in [`crate::timing`] never reads the time itself: every call takes a `now` that
//! the caller read from a [`Clock`]. This module is the only place in the crate that reads the real
//! time ([`SystemClock`], built on the monotonic [`Instant`]). Tests use a [`ManualClock`] instead,
//! which moves only when told to, so a whole 6:40 talk runs in microseconds and every deadline can
//! be checked to the nanosecond, with no sleeping and no flakiness.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant};

/// A source of monotonic time, measured from the clock's own origin.
///
/// Times from different clocks cannot be compared; a talk must be driven by one clock.
pub trait Clock: Send + Sync {
    /// Monotonic time since the clock's origin.
    fn now(&self) -> Duration;
}

/// The real clock: monotonic time since the moment it was created.
///
/// Wall-clock changes (NTP, daylight saving, the user setting the time) do not affect it.
#[derive(Debug, Clone, Copy)]
pub struct SystemClock {
    origin: Instant,
}

impl SystemClock {
    /// A clock whose origin is now.
    #[must_use]
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
        }
    }
}

impl Default for SystemClock {
    fn default() -> Self {
        Self::new()
    }
}

impl Clock for SystemClock {
    fn now(&self) -> Duration {
        self.origin.elapsed()
    }
}

/// A clock that only moves when told to, for tests and simulations.
///
/// Clones share the same time: hand one clone to the code under test and move the other.
/// It starts at zero. Nothing stops [`ManualClock::set`] from going backwards; keep it monotonic
/// when it drives a talk, as a real clock would be.
#[derive(Debug, Clone, Default)]
pub struct ManualClock {
    now: Arc<Mutex<Duration>>,
}

impl ManualClock {
    /// A clock at time zero.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the time (for this clock and all its clones).
    pub fn set(&self, t: Duration) {
        *self.lock() = t;
    }

    /// Moves the time forward by `by` (saturating at [`Duration::MAX`]).
    pub fn advance(&self, by: Duration) {
        let mut now = self.lock();
        *now = now.saturating_add(by);
    }

    /// The shared time. A panic while holding the lock cannot leave a `Duration` half-written,
    /// so a poisoned lock is simply used as is.
    fn lock(&self) -> MutexGuard<'_, Duration> {
        self.now.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Clock for ManualClock {
    fn now(&self) -> Duration {
        *self.lock()
    }
}

impl<C: Clock + ?Sized> Clock for Arc<C> {
    fn now(&self) -> Duration {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for Box<C> {
    fn now(&self) -> Duration {
        (**self).now()
    }
}

impl<C: Clock + ?Sized> Clock for &C {
    fn now(&self) -> Duration {
        (**self).now()
    }
}

/// The wall clock, `HH:MM`, now.
#[must_use]
pub fn local_hhmm() -> String {
    chrono::Local::now().format("%H:%M").to_string()
}

/// The wall clock `after` from now, `HH:MM`, to the nearest minute.
#[must_use]
pub fn local_hhmm_after(after: Duration) -> String {
    let after = chrono::Duration::from_std(after + Duration::from_secs(30))
        .unwrap_or(chrono::Duration::zero());
    (chrono::Local::now() + after).format("%H:%M").to_string()
}

/// How long until the wall clock shows the next minute.
#[must_use]
pub fn until_next_minute() -> Duration {
    Duration::from_secs(60 - u64::from(chrono::Timelike::second(&chrono::Local::now())))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manual_clock_starts_at_zero_and_moves_only_when_told() {
        let clock = ManualClock::new();
        assert_eq!(clock.now(), Duration::ZERO);
        assert_eq!(clock.now(), Duration::ZERO);
        clock.advance(Duration::from_millis(1500));
        assert_eq!(clock.now(), Duration::from_millis(1500));
        clock.set(Duration::from_secs(400));
        assert_eq!(clock.now(), Duration::from_secs(400));
    }

    #[test]
    fn manual_clock_clones_share_the_time() {
        let clock = ManualClock::new();
        let seen_by_code_under_test: Arc<dyn Clock> = Arc::new(clock.clone());
        clock.advance(Duration::from_secs(20));
        assert_eq!(seen_by_code_under_test.now(), Duration::from_secs(20));
    }

    #[test]
    fn manual_clock_advance_saturates() {
        let clock = ManualClock::new();
        clock.set(Duration::MAX);
        clock.advance(Duration::from_secs(1));
        assert_eq!(clock.now(), Duration::MAX);
    }

    #[test]
    fn system_clock_is_monotonic() {
        let clock = SystemClock::new();
        let first = clock.now();
        let second = clock.now();
        assert!(second >= first);
    }

    #[test]
    fn clocks_work_behind_pointers() {
        fn read(clock: &impl Clock) -> Duration {
            clock.now()
        }
        let clock = ManualClock::new();
        clock.set(Duration::from_secs(7));
        let boxed: Box<dyn Clock> = Box::new(clock.clone());
        assert_eq!(read(&boxed), Duration::from_secs(7));
        assert_eq!(read(&&clock), Duration::from_secs(7));
    }
}
