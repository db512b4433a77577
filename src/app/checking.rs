//! The night console's check of every deck, talk by talk on a background thread, with a time
//! limit: a talk whose check makes no progress for [`STALL_LIMIT`] (its deck file not read, no
//! slide probed: a hung network share, a stick that stopped answering) is marked "could not be
//! read in 10 s" and the check goes on with the next talk, so no row says "checking" forever.
//!
//! A slow deck is not a stuck one: each slide probed counts as progress
//! ([`crate::check::check_deck_counting`]), so a hundred 4K pictures on an old laptop take as long
//! as they take. A stuck thread cannot be stopped; it is left behind, and whatever it says later
//! is not listened to.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use std::time::Duration;

use crate::check::{TalkCheck, break_music_problems, check_talk_with};
use crate::convert::Converter;
use crate::night::{Item, Night};

/// How long a talk's check may go without progress before it counts as not readable in time.
pub(super) const STALL_LIMIT: Duration = Duration::from_secs(10);

/// What the checking thread says, item by item (items are 0-based in the night file).
pub(super) enum CheckEvent {
    /// It began checking talk `item`.
    Started(usize),
    /// Talk `item`, checked.
    Talk(usize, Box<TalkCheck>),
    /// Break `item`'s music problems (none: all plays).
    Music(usize, Vec<crate::check::MusicProblem>),
    /// A talk's deck is being converted with LibreOffice: `file`, `seconds` whole seconds so far
    /// (said once a second).
    Converting {
        /// The presentation.
        file: std::path::PathBuf,
        /// Whole seconds spent.
        seconds: u64,
    },
}

/// What the console learns from the check in one pass.
pub(super) enum CheckNews {
    /// An event from the thread.
    Event(CheckEvent),
    /// Talk `item` made no progress for [`STALL_LIMIT`]: the check moved on without it.
    Stalled(usize),
}

/// How one talk is checked: [`check_talk_with`], or a stand-in in tests.
type TalkChecker = fn(
    &Night,
    usize,
    &crate::night::Talk,
    &AtomicUsize,
    &Converter,
    &dyn Fn(crate::convert::Progress),
) -> TalkCheck;

/// The check under way.
pub(super) struct Checking {
    events: Receiver<CheckEvent>,
    slides_done: Arc<AtomicUsize>,
    watch: Option<StallWatch>,
    night: Night,
    waker: Arc<dyn Fn() + Send + Sync>,
    converter: Converter,
    checker: TalkChecker,
}

impl Checking {
    /// Check `night`'s items from `from` on (0-based, file order) on a new thread, converting
    /// PowerPoint and Impress decks with `converter`; `waker` repaints the console after each.
    /// `None` when no thread can be started.
    pub(super) fn spawn(
        night: &Night,
        from: usize,
        waker: Arc<dyn Fn() + Send + Sync>,
        converter: Converter,
    ) -> Option<Self> {
        Self::spawn_with(night, from, waker, converter, check_talk_with)
    }

    fn spawn_with(
        night: &Night,
        from: usize,
        waker: Arc<dyn Fn() + Send + Sync>,
        converter: Converter,
        checker: TalkChecker,
    ) -> Option<Self> {
        let (sender, events) = channel();
        let slides_done = Arc::new(AtomicUsize::new(0));
        let to_check = night.clone();
        let counter = Arc::clone(&slides_done);
        let wake = Arc::clone(&waker);
        let converts = converter.clone();
        std::thread::Builder::new()
            .name("pecha-check".into())
            .spawn(move || {
                for (item, entry) in to_check.running_order.iter().enumerate().skip(from) {
                    let event = match entry {
                        Item::Talk(talk) => {
                            if sender.send(CheckEvent::Started(item)).is_err() {
                                return;
                            }
                            wake();
                            let said = std::cell::Cell::new(None);
                            let watch = |progress: crate::convert::Progress| {
                                let crate::convert::Progress::Converting { file, spent } = progress;
                                let seconds = spent.as_secs();
                                if said.replace(Some(seconds)) != Some(seconds) {
                                    let _ = sender.send(CheckEvent::Converting { file, seconds });
                                    wake();
                                }
                            };
                            let check =
                                checker(&to_check, item + 1, talk, &counter, &converts, &watch);
                            CheckEvent::Talk(item, Box::new(check))
                        }
                        Item::Break(pause) => CheckEvent::Music(item, break_music_problems(pause)),
                    };
                    // The console moved on without this thread (it stalled, or was replaced).
                    if sender.send(event).is_err() {
                        return;
                    }
                    wake();
                }
            })
            .ok()?;
        Some(Self {
            events,
            slides_done,
            watch: None,
            night: night.clone(),
            waker,
            converter,
            checker,
        })
    }

    /// What happened since the last pass, in order; `done` is set once the check is over.
    pub(super) fn take(&mut self, now: Duration, done: &mut bool) -> Vec<CheckNews> {
        let mut news = Vec::new();
        loop {
            match self.events.try_recv() {
                Ok(event) => {
                    match event {
                        CheckEvent::Started(item) => {
                            self.watch = Some(StallWatch::new(item, self.progress(), now));
                        }
                        CheckEvent::Talk(..) => self.watch = None,
                        CheckEvent::Music(..) | CheckEvent::Converting { .. } => {}
                    }
                    news.push(CheckNews::Event(event));
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    *done = true;
                    return news;
                }
            }
        }
        let progress = self.progress();
        if let Some(item) = self
            .watch
            .as_mut()
            .and_then(|watch| watch.stalled(progress, now))
        {
            news.push(CheckNews::Stalled(item));
            // The stuck thread is left behind; a new one checks the items after it.
            match Self::spawn_with(
                &self.night,
                item + 1,
                Arc::clone(&self.waker),
                self.converter.clone(),
                self.checker,
            ) {
                Some(next) => *self = next,
                None => *done = true,
            }
        }
        news
    }

    /// When the talk under check will count as stalled if nothing moves: the console wakes then.
    pub(super) fn stall_deadline(&self) -> Option<Duration> {
        self.watch.as_ref().map(StallWatch::deadline)
    }

    fn progress(&self) -> usize {
        self.slides_done.load(Ordering::Relaxed)
    }
}

/// The talk under check, and when its check last moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StallWatch {
    item: usize,
    progress: usize,
    since: Duration,
}

impl StallWatch {
    fn new(item: usize, progress: usize, now: Duration) -> Self {
        Self {
            item,
            progress,
            since: now,
        }
    }

    /// The item, once its check has made no progress for [`STALL_LIMIT`]; progress restarts the
    /// wait.
    fn stalled(&mut self, progress: usize, now: Duration) -> Option<usize> {
        if progress != self.progress {
            self.progress = progress;
            self.since = now;
            return None;
        }
        (now >= self.deadline()).then_some(self.item)
    }

    fn deadline(&self) -> Duration {
        self.since + STALL_LIMIT
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::time::Instant;

    /// Talk 1's deck hangs (never answers); the others check at once.
    fn first_talk_hangs(
        _night: &Night,
        position: usize,
        talk: &crate::night::Talk,
        _slides_done: &AtomicUsize,
        _converter: &Converter,
        _watch: &dyn Fn(crate::convert::Progress),
    ) -> TalkCheck {
        if position == 1 {
            loop {
                std::thread::park();
            }
        }
        TalkCheck {
            position,
            presenter: talk.presenter.clone(),
            title: String::new(),
            deck: talk.deck.clone(),
            report: None,
            error: None,
            ready: true,
        }
    }

    /// Every event until `until` says the check is over or has what it needs, with `now` fixed.
    fn news_until(
        checking: &mut Checking,
        now: Duration,
        mut until: impl FnMut(&CheckNews) -> bool,
    ) -> Vec<CheckNews> {
        let mut all = Vec::new();
        let since = Instant::now();
        loop {
            let mut done = false;
            let news = checking.take(now, &mut done);
            let found = news.iter().any(&mut until);
            all.extend(news);
            if done || found {
                return all;
            }
            assert!(
                since.elapsed() < Duration::from_mins(1),
                "the check never answered"
            );
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    #[test]
    fn a_stuck_deck_is_left_behind_and_the_check_goes_on_with_the_next_talks() {
        let night = Night::from_ron_str(
            r#"(format: Custom(slides: 20, seconds: 4), running_order: [
                Talk(deck: "stuck.ron", presenter: "Әйгерім"),
                Break(minutes: 10),
                Talk(deck: "fine.ron", presenter: "Данияр"),
            ])"#,
            Path::new("night.ron"),
        )
        .unwrap();
        let mut checking = Checking::spawn_with(
            &night,
            0,
            Arc::new(|| {}),
            Converter::from_env(),
            first_talk_hangs,
        )
        .unwrap();
        let news = news_until(&mut checking, secs(0), |news| {
            matches!(news, CheckNews::Event(CheckEvent::Started(0)))
        });
        assert_eq!(news.len(), 1);
        assert_eq!(checking.stall_deadline(), Some(secs(10)));
        // 9.9 s on: still waiting for it.
        let mut done = false;
        assert!(
            checking
                .take(Duration::from_millis(9_900), &mut done)
                .is_empty()
        );
        // 10 s without a sign of life: talk 1 could not be read in time.
        let news = checking.take(secs(10), &mut done);
        assert!(matches!(news.as_slice(), [CheckNews::Stalled(0)]));
        assert!(!done);
        // The break and talk 3 are checked by a new thread.
        let news = news_until(&mut checking, secs(10), |news| {
            matches!(news, CheckNews::Event(CheckEvent::Talk(2, _)))
        });
        let items: Vec<usize> = news
            .iter()
            .filter_map(|news| match news {
                CheckNews::Event(CheckEvent::Music(item, _) | CheckEvent::Talk(item, _)) => {
                    Some(*item)
                }
                _ => None,
            })
            .collect();
        assert_eq!(items, [1, 2]);
    }

    fn secs(seconds: u64) -> Duration {
        Duration::from_secs(seconds)
    }

    #[test]
    fn a_check_that_does_not_move_for_ten_seconds_has_stalled() {
        let mut watch = StallWatch::new(3, 0, secs(100));
        assert_eq!(watch.stalled(0, secs(105)), None);
        assert_eq!(watch.stalled(0, secs(109)), None);
        assert_eq!(watch.deadline(), secs(110));
        assert_eq!(watch.stalled(0, secs(110)), Some(3));
    }

    #[test]
    fn each_slide_probed_restarts_the_wait() {
        let mut watch = StallWatch::new(1, 40, secs(0));
        // A slow deck: a slide every 9 s, for a minute, never stalls.
        for step in 1..=7 {
            assert_eq!(watch.stalled(40 + step, secs(9 * step as u64)), None);
        }
        assert_eq!(watch.deadline(), secs(63 + 10));
        assert_eq!(watch.stalled(47, secs(72)), None);
        assert_eq!(watch.stalled(47, secs(73)), Some(1));
    }
}
