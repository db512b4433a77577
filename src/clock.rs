//! Where time comes from: the only place in the crate that reads the real time.
//!
//! Two kinds of time are read here and nowhere else:
//! - monotonic time, for the talk: the engine in [`crate::timing`] never reads the time itself,
//!   every call takes a `now` that the caller read from a [`Clock`]. [`SystemClock`] is the real
//!   one, built on the monotonic [`Instant`]; tests use a [`ManualClock`] instead, which moves
//!   only when told to, so a whole 6:40 talk runs in microseconds and every deadline can be
//!   checked to the nanosecond, with no sleeping and no flakiness;
//! - the wall clock, for people and files: [`unix_now`] and [`unix_now_ms`] stamp rehearsal runs
//!   and the night's log, [`local_now`] names files set aside, and [`local_hhmm`],
//!   [`local_hhmm_after`] and [`until_next_minute`] are the clock the presenter and the host
//!   see. The wall clock can jump (NTP, daylight saving, the user setting the time), so no talk
//!   deadline is ever computed from it.

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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
    /// The wall clock at `origin`, read right after it.
    origin_unix: Duration,
}

impl SystemClock {
    /// A clock whose origin is now.
    #[must_use]
    pub fn new() -> Self {
        Self {
            origin: Instant::now(),
            origin_unix: since_epoch(),
        }
    }

    /// The clock's origin by the wall clock, since the Unix epoch (read within a microsecond of
    /// it). Never used for a deadline: it lines this clock's readings up with timestamps taken
    /// outside the app, such as `pixel-probe`'s (`scripts/stage-probe.sh`), for as long as
    /// nobody sets the wall clock.
    #[must_use]
    pub fn origin_unix(&self) -> Duration {
        self.origin_unix
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

/// Time since the Unix epoch by the wall clock; zero if the clock is set before 1970.
fn since_epoch() -> Duration {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default()
}

/// Now by the wall clock, in seconds since the Unix epoch (what a rehearsal run's
/// [`crate::history::RunRecord::finished_at`] holds).
#[must_use]
pub fn unix_now() -> i64 {
    i64::try_from(since_epoch().as_secs()).unwrap_or(i64::MAX)
}

/// Now by the wall clock, in milliseconds since the Unix epoch (what the night log's
/// [`crate::night::log::Entry::unix_ms`] holds).
#[must_use]
pub fn unix_now_ms() -> i64 {
    i64::try_from(since_epoch().as_millis()).unwrap_or(i64::MAX)
}

/// Now by the wall clock, in the local time zone.
#[must_use]
pub fn local_now() -> chrono::DateTime<chrono::Local> {
    chrono::Local::now()
}

/// The local wall-clock time now, `HH:MM`.
#[must_use]
pub fn local_hhmm() -> String {
    local_now().format("%H:%M").to_string()
}

/// The local wall-clock time `after` from now, `HH:MM`, to the nearest minute (cut down
/// instead, an end at 21:59:50 would read 21:59). Never panics: `after` beyond what a time span
/// holds (some 292 million years) counts as zero, and a time past the calendar's end is `--:--`.
#[must_use]
pub fn local_hhmm_after(after: Duration) -> String {
    let after = chrono::Duration::from_std(after.saturating_add(Duration::from_secs(30)))
        .unwrap_or(chrono::Duration::zero());
    local_now()
        .checked_add_signed(after)
        .map_or_else(|| "--:--".to_owned(), |at| at.format("%H:%M").to_string())
}

/// How long until the wall clock's minute changes (1 to 60 s): when a clock showing `HH:MM`
/// must be painted again.
#[must_use]
pub fn until_next_minute() -> Duration {
    let second = chrono::Timelike::second(&local_now());
    Duration::from_secs(60_u64.saturating_sub(u64::from(second)))
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
    fn system_clock_knows_its_origin_by_the_wall_clock() {
        let before = since_epoch();
        let clock = SystemClock::new();
        let after = since_epoch();
        assert!(before <= clock.origin_unix() && clock.origin_unix() <= after);
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

    #[test]
    fn the_wall_clock_reads_agree() {
        let seconds = unix_now();
        let millis = unix_now_ms();
        assert!(seconds > 1_600_000_000, "{seconds}");
        assert!((millis / 1000 - seconds).abs() <= 1, "{millis} {seconds}");
        assert!((local_now().timestamp() - seconds).abs() <= 1);
    }

    #[test]
    fn wall_clock_times_are_hours_and_minutes() {
        let is_hhmm = |text: &str| {
            text.len() == 5
                && text.as_bytes()[2] == b':'
                && text
                    .bytes()
                    .enumerate()
                    .all(|(i, b)| i == 2 || b.is_ascii_digit())
        };
        assert!(is_hhmm(&local_hhmm()), "{}", local_hhmm());
        let in_an_hour = local_hhmm_after(Duration::from_hours(1));
        assert!(is_hhmm(&in_an_hour), "{in_an_hour}");
        // Far past any calendar: never a panic.
        assert!(is_hhmm(&local_hhmm_after(Duration::MAX)));
        assert_eq!(
            local_hhmm_after(Duration::from_hours(400_000 * 365 * 24)),
            "--:--"
        );
        let wait = until_next_minute();
        assert!(wait >= Duration::from_secs(1) && wait <= Duration::from_mins(1));
    }
}
