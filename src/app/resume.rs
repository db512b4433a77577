//! A single talk's crash-resume: while a show of one talk runs, its place (the slide on screen
//! and the talk time when it began) is written on each new slide ([`crate::resume`]), and
//! removed when the talk ends or is reset. Opening that deck again after a crash asks whether to
//! go on at that slide, paused, as a night asks after one.
//!
//! Only a show keeps its place: a rehearsal's runs are its record (a run cut short is simply not
//! one), and a night keeps its own progress. `--start` never waits for the question: it starts
//! from the top and says where the talk had stopped.

use std::time::Duration;

use super::PechaApp;
use super::notices::NoticeKind;
use crate::resume::{PlaceError, PlaceStore, TalkPlace};
use crate::timing::{Talk, TalkState};
use crate::ui::presenter::TalkResumeOffer;

/// The show's place on disk and the question about it.
#[derive(Debug, Default)]
pub(super) struct TalkResume {
    /// Where this deck's place is kept; `None` outside a show, or with nowhere to keep it.
    store: Option<PlaceStore>,
    /// A place found on opening, waiting for the presenter's answer.
    pub(super) offer: Option<TalkPlace>,
    /// The slide last written (0: none since the talk was last ready).
    saved_slide: usize,
    /// Talk time before the crash, when the talk went on at its slide: the talk's length counts
    /// it, and the places written later add to it.
    before_ms: u64,
}

/// Talk time, in milliseconds, when the slide on screen began: `before_ms` (time before a
/// crash-resume) plus the talk clock, less the time already spent on the current slide. A resume
/// there shows that slide again in full.
pub(super) fn talk_ms_at_slide_start(talk: &Talk, before_ms: u64, now: Duration) -> u64 {
    let into_slide = talk
        .timing()
        .slide_length
        .saturating_sub(talk.slide_remaining(now));
    let since_start = talk.talk_elapsed(now).saturating_sub(into_slide);
    before_ms.saturating_add(u64::try_from(since_start.as_millis()).unwrap_or(u64::MAX))
}

impl PechaApp {
    /// A deck was opened for a show: look for where its talk stopped last time (off the UI
    /// thread; the answer comes back as a file event).
    pub(super) fn look_for_talk_place(&mut self) {
        self.talk_resume = TalkResume::default();
        if !matches!(self.mode, super::Mode::Talk) {
            return;
        }
        let Some(dir) = &self.options.talk_place_dir else {
            return;
        };
        let store = PlaceStore::new(dir, &self.deck.source);
        if let Some(files) = &self.files {
            files.load_place(store.clone(), self.format.timing());
        }
        self.talk_resume.store = Some(store);
    }

    /// Where the talk stopped last time, read: ask, unless the talk has begun meanwhile or
    /// `--start` starts it from the top.
    pub(super) fn talk_place_loaded(
        &mut self,
        store: &PlaceStore,
        place: Result<Option<TalkPlace>, PlaceError>,
    ) {
        // An answer for a deck no longer open.
        if self.talk_resume.store.as_ref() != Some(store) {
            return;
        }
        let place = match place {
            Ok(Some(place)) => place,
            Ok(None) => return,
            Err(error) => {
                self.notify(
                    NoticeKind::TalkPlace,
                    crate::i18n::Words::of(|| {
                        crate::tr!("notice-place-unreadable", error = error.to_string())
                    }),
                );
                return;
            }
        };
        let now = self.clock.now();
        if self.options.start {
            self.notify(
                NoticeKind::TalkPlace,
                crate::i18n::Words::of(|| {
                    crate::tr!(
                        "notice-place-start-from-top",
                        slide = place.slide,
                        slides = place.slides
                    )
                }),
            );
        } else if self.talk.state(now) == TalkState::Ready && self.lead_in_until.is_none() {
            self.talk_resume.offer = Some(place);
        }
    }

    /// The question for the presenter view, while it is open.
    pub(super) fn talk_resume_offer(&self) -> Option<TalkResumeOffer> {
        self.talk_resume.offer.map(|place| TalkResumeOffer {
            slide: place.slide,
            slides: place.slides,
            talk_time: crate::text::clock_time(place.talk_ms / 1000),
            stopped_at: crate::history::local_time(place.saved_unix),
        })
    }

    /// The presenter's answer: go on at the saved slide, paused (P goes on, as after a night's
    /// crash), or start from the top. Starting from the top leaves the file until the new talk
    /// writes its own place, so a slip of the hand loses nothing before the talk begins.
    pub(super) fn answer_talk_resume(&mut self, at_slide: bool, now: Duration) {
        let Some(place) = self.talk_resume.offer.take() else {
            return;
        };
        if !at_slide {
            return;
        }
        self.lead_in_until = None;
        if self.talk.resume_from(place.slide, now) {
            self.talk.pause(now);
            self.talk_resume.before_ms = place.talk_ms;
            // Written again at once: the same place, until the talk moves on.
            self.talk_resume.saved_slide = 0;
        }
    }

    /// Keep the show's place on disk: on each new slide while the talk is under way, gone once
    /// it has finished.
    pub(super) fn keep_talk_place(&mut self, now: Duration) {
        let Some(store) = &self.talk_resume.store else {
            return;
        };
        let Some(files) = &self.files else {
            return;
        };
        match self.talk.state(now) {
            TalkState::Running | TalkState::Paused => {
                let slide = self.talk.current_slide(now);
                if slide != self.talk_resume.saved_slide {
                    self.talk_resume.saved_slide = slide;
                    let talk_ms =
                        talk_ms_at_slide_start(&self.talk, self.talk_resume.before_ms, now);
                    let place = TalkPlace::new(
                        self.talk.timing(),
                        slide,
                        talk_ms,
                        crate::clock::unix_now(),
                    );
                    files.save_place(store.clone(), place);
                }
            }
            TalkState::Finished if self.talk_resume.saved_slide != 0 => {
                files.clear_place(store.clone());
                self.talk_resume.saved_slide = 0;
                self.talk_resume.before_ms = 0;
            }
            TalkState::Ready | TalkState::Finished => {}
        }
    }

    /// The talk was reset by the presenter: its place is forgotten (deliberately, unlike a
    /// crash), and the time before a resume no longer counts.
    pub(super) fn forget_talk_place(&mut self) {
        if self.talk_resume.saved_slide != 0
            && let (Some(store), Some(files)) = (&self.talk_resume.store, &self.files)
        {
            files.clear_place(store.clone());
        }
        self.talk_resume.saved_slide = 0;
        self.talk_resume.before_ms = 0;
    }
}
