//! What the views are shown: the presenter view's model (with the rehearsal's and the host
//! console's parts), and the projector's frames, read off the app's state.
//!
//! Nothing here changes the app: each function reads the state and returns a model the views in
//! [`crate::ui`] draw. The projector's frame for now and for the next deadline is worked out here
//! too ([`PechaApp::projector_frames`]), so the projector and the "audience sees" inset always
//! show the same.

use std::time::Duration;

use super::night::{Checked, Hosting};
use super::rehearsal::{HistoryState, TAP_MESSAGE_TIME};
use super::{Modal, PechaApp};
use crate::audio::music::{BreakMusic, MusicStatus};
use crate::night::Item;
use crate::night::progress::{ItemState, Stage};
use crate::rehearsal::{LoopPhase, Outcome};
use crate::settings::Card;
use crate::timing::TalkState;
use crate::ui::feed::{FrameKind, ProjectorFrame};
use crate::ui::host::{BreakView, HostModel, HostStage, ResumeOffer, Row, RowStatus};
use crate::ui::keys::KeyContext;
use crate::ui::presenter::{PresenterModel, ProjectorStatus};
use crate::ui::projector::{NightCardText, ProjectorContent, ProjectorModel};
use crate::ui::rehearsal::{LoopStatus, RehearsalModel, ReportModel};
use crate::ui::widgets::SlidePicture;

impl PechaApp {
    /// What the projector shows now (tests and tools; the projector window paints the same).
    #[must_use]
    pub fn audience_frame(&self) -> FrameKind {
        let (state, slide, _) = self.shown_state(self.clock.now());
        self.projector_frame(state, slide).kind
    }

    pub(super) fn presenter_model(&self, now: Duration) -> PresenterModel<'_> {
        let (state, slide, slide_remaining) = self.shown_state(now);
        let looping = self
            .mode
            .rehearsal()
            .is_some_and(|rehearsing| rehearsing.slide_loop.is_some());
        let count = self.deck.slides.len();
        let timing = self.talk.timing();
        let next = if looping {
            // A loop's next try is the same slide again.
            self.slides.picture(slide)
        } else if slide < count.min(timing.slide_count) {
            self.slides.picture(slide + 1)
        } else if slide < timing.slide_count {
            SlidePicture::NotInDeck
        } else {
            SlidePicture::None
        };
        // In a night the host sees the talk as the night bills it.
        let (presenter, title) = self.mode.night().and_then(Hosting::billing).map_or(
            (self.deck.presenter.as_str(), self.deck.title.as_str()),
            |(presenter, title)| {
                (
                    presenter,
                    if title.is_empty() {
                        self.deck.title.as_str()
                    } else {
                        title
                    },
                )
            },
        );
        PresenterModel {
            title,
            presenter,
            format_label: self.format.label(),
            standard_format: self.format.is_standard(),
            state,
            slide,
            slide_count: timing.slide_count,
            slide_remaining,
            slide_length: timing.slide_length,
            talk_remaining: self.talk.talk_remaining(now),
            current: if slide > count {
                SlidePicture::NotInDeck
            } else {
                self.slides.picture(slide)
            },
            next,
            notes: self
                .deck
                .slides
                .get(slide - 1)
                .map_or("", |slide| slide.notes.as_str()),
            lead_in: self
                .lead_in_until
                .map(|until| crate::ui::widgets::countdown_seconds(until.saturating_sub(now))),
            wall_clock: crate::clock::local_hhmm(),
            settings: &self.settings,
            projector: ProjectorStatus {
                open: self.projector.open,
                closed_by_host: self.projector.closed_by_host && !self.projector.open,
                fullscreen: self.projector.fullscreen,
                blackout: self.projector.blackout,
                monitors: self.projector.watch.listed(),
                monitor: self.projector.monitor_index(),
                laptop: self.projector.laptop_index(),
                monitor_gone: self.projector.watch.gone(),
                plugged: self.projector.watch.plugged(),
            },
            notices: self.notices.texts(),
            go_to_open: self.modal == Some(Modal::GoTo),
            quit_question: self.modal == Some(Modal::Quit),
            talk_resume: self.talk_resume_offer().filter(|_| self.modal.is_none()),
            notes_save_failed: self.notes_save_failed(),
            rehearsal: self.rehearsal_model(now, state, slide),
            host: self.host_model(now, self.audience_view(state, slide)),
            language_chosen: self.language_chosen(),
            system_language: self.options.system_language,
            phones: self.phones_model(),
        }
    }

    /// What the talk looks like now: its own state, or the slide loop's while one runs.
    pub(super) fn shown_state(&self, now: Duration) -> (TalkState, usize, Duration) {
        if let Some(slide_loop) = self
            .mode
            .rehearsal()
            .and_then(|rehearsing| rehearsing.slide_loop.as_ref())
        {
            let remaining = match slide_loop.phase(now) {
                LoopPhase::Speaking { remaining, .. } => remaining,
                LoopPhase::Gap { .. } => self.talk.timing().slide_length,
            };
            let state = if slide_loop.is_paused() {
                TalkState::Paused
            } else {
                TalkState::Running
            };
            return (state, slide_loop.slide(), remaining);
        }
        (
            self.talk.state(now),
            self.talk.current_slide(now),
            self.talk.slide_remaining(now),
        )
    }

    pub(super) fn key_context(&self, now: Duration, state: TalkState) -> KeyContext {
        KeyContext {
            state,
            rehearsing: self.mode.is_rehearsal(),
            looping: self
                .mode
                .rehearsal()
                .is_some_and(|rehearsing| rehearsing.slide_loop.is_some()),
            report_open: self
                .mode
                .rehearsal()
                .is_some_and(|rehearsing| rehearsing.report_open),
            slide: self.talk.current_slide(now),
            night: self.mode.night().map(Hosting::stage),
            walking: self.mode.night().and_then(|hosting| {
                hosting
                    .walking
                    .map(|position| (position, hosting.walk_stops()))
            }),
        }
    }

    pub(super) fn rehearsal_model(
        &self,
        now: Duration,
        state: TalkState,
        slide: usize,
    ) -> Option<RehearsalModel<'_>> {
        let rehearsing = self.mode.rehearsal()?;
        let timing = self.talk.timing();
        let loop_status = rehearsing.slide_loop.as_ref().map(|slide_loop| {
            let (attempt, gap_seconds) = match slide_loop.phase(now) {
                LoopPhase::Speaking { attempt, .. } => (attempt, None),
                LoopPhase::Gap {
                    next_attempt,
                    starts_in,
                } => (
                    next_attempt,
                    Some(crate::ui::widgets::countdown_seconds(starts_in)),
                ),
            };
            LoopStatus {
                slide: slide_loop.slide(),
                attempt,
                gap_seconds,
                paused: slide_loop.is_paused(),
                results: slide_loop.results(now),
            }
        });
        let report = rehearsing.report_open.then(|| ReportModel {
            run_number: rehearsing.run_count(),
            runs: rehearsing.recent_outcomes(crate::history::RUNS_COMPARED),
            slide_count: timing.slide_count,
            slide_seconds: timing.slide_length.as_secs_f64(),
            unsaved: !matches!(rehearsing.history, HistoryState::Ready { .. })
                || rehearsing.runs_unsaved() > 0,
            // Named as where the runs are kept only while they are.
            history_file: match &rehearsing.history {
                HistoryState::Ready { path, .. } if rehearsing.runs_unsaved() == 0 => {
                    Some(path.display().to_string())
                }
                HistoryState::Ready { .. } | HistoryState::Loading | HistoryState::Unavailable => {
                    None
                }
            },
        });
        let notes = self
            .deck
            .slides
            .get(slide.wrapping_sub(1))
            .map_or("", |slide| slide.notes.as_str());
        let awaiting_late_tap = rehearsing.recorder.awaiting_late_tap().filter(|_| {
            let into = match state {
                TalkState::Finished => rehearsing
                    .finished_at
                    .map_or(Duration::MAX, |at| now.saturating_sub(at)),
                _ => timing
                    .slide_length
                    .saturating_sub(self.talk.slide_remaining(now)),
            };
            rehearsing.slide_loop.is_none() && into <= rehearsing.recorder.late_window()
        });
        Some(RehearsalModel {
            tap_message: rehearsing
                .last_tap
                .as_ref()
                .filter(|(_, at)| now < *at + TAP_MESSAGE_TIME)
                .map(|(message, _)| message.as_str()),
            awaiting_late_tap,
            loop_status,
            report,
            runs_recorded: rehearsing.run_count(),
            runs_unsaved: rehearsing.runs_unsaved(),
            // While editing, the hint follows what is being typed.
            pacing: crate::rehearsal::pacing(
                self.notes
                    .edit
                    .as_ref()
                    .map_or(notes, |edit| edit.text.as_str()),
                timing.slide_length,
            )
            .describe(timing.slide_length.as_secs_f64()),
            notes_edit: self
                .notes
                .edit
                .as_ref()
                .map(|edit| (edit.slide, edit.text.as_str())),
            notes_unsaved: self.notes_unsaved(),
            inset: self
                .settings
                .rehearsal_inset
                .then(|| self.audience_view(state, slide)),
            strip_marks: rehearsing
                .recorder
                .outcomes()
                .iter()
                .map(|outcome| outcome.map(Outcome::is_over))
                .collect(),
        })
    }

    /// What the projector shows for the talk in `state` on `slide`, for the rehearsal inset.
    pub(super) fn audience_view(&self, state: TalkState, slide: usize) -> ProjectorModel<'_> {
        let content = match self.projector_frame(state, slide).kind {
            FrameKind::Black => ProjectorContent::Black,
            FrameKind::TitleCard => ProjectorContent::TitleCard {
                title: &self.deck.title,
                presenter: &self.deck.presenter,
            },
            FrameKind::EndCard => ProjectorContent::EndCard {
                presenter: &self.deck.presenter,
                thanks: crate::ui::projector::thanks(self.settings.cards_in_ui_language),
            },
            FrameKind::Slide { slide, .. } => ProjectorContent::Slide(self.slides.picture(slide)),
            kind @ (FrameKind::NightCard | FrameKind::BreakCard { .. } | FrameKind::NightEnd) => {
                match self.mode.night() {
                    Some(hosting) => Self::night_audience(
                        kind,
                        &hosting.card,
                        self.settings.cards_in_ui_language,
                    )
                    .unwrap_or(ProjectorContent::Black),
                    None => ProjectorContent::Black,
                }
            }
        };
        ProjectorModel {
            content,
            audience_progress: None,
        }
    }

    /// What the projector shows now, and from when it shows what next (the next slide at its
    /// deadline, the end, the break's next second): the projector wakes for that by itself.
    pub(super) fn projector_frames(
        &self,
        now: Duration,
    ) -> (ProjectorFrame, Option<(Duration, ProjectorFrame)>) {
        let (state, slide, _) = self.shown_state(now);
        let looping = self
            .mode
            .rehearsal()
            .is_some_and(|rehearsing| rehearsing.slide_loop.is_some());
        let shown = self.projector_frame(state, slide);
        let count = self.talk.timing().slide_count;
        let upcoming = if let FrameKind::BreakCard { seconds_left } = shown.kind {
            // The break's countdown: the projector wakes by itself for each second.
            self.mode
                .night()
                .and_then(|hosting| hosting.break_ends)
                .filter(|_| seconds_left > 0)
                .map(|ends| {
                    let at = ends.saturating_sub(Duration::from_secs(seconds_left - 1));
                    let frame = ProjectorFrame {
                        kind: FrameKind::BreakCard {
                            seconds_left: seconds_left - 1,
                        },
                        ..shown
                    };
                    (at, frame)
                })
        } else if state != TalkState::Running || looping {
            None
        } else if slide < count {
            self.talk
                .slide_deadline(slide + 1)
                .map(|at| (at, self.projector_frame(TalkState::Running, slide + 1)))
        } else {
            self.talk
                .finish_deadline()
                .map(|at| (at, self.projector_frame(TalkState::Finished, slide)))
        };
        (shown, upcoming)
    }

    /// The projector's picture for the talk in `state` on `slide`.
    pub(super) fn projector_frame(&self, state: TalkState, slide: usize) -> ProjectorFrame {
        let kind = if self.projector.blackout {
            FrameKind::Black
        } else if let Some(kind) = self.night_frame(state, self.clock.now()) {
            kind
        } else {
            match (state, self.settings.before_start, self.settings.after_end) {
                (TalkState::Ready, Card::Card, _) => FrameKind::TitleCard,
                (TalkState::Finished, _, Card::Card) => FrameKind::EndCard,
                (TalkState::Ready, Card::Black, _) | (TalkState::Finished, _, Card::Black) => {
                    FrameKind::Black
                }
                (TalkState::Running | TalkState::Paused, _, _) => FrameKind::Slide {
                    slide,
                    picture: match self.slides.picture(slide) {
                        SlidePicture::Ready { texture, size, .. } => Some((texture, size)),
                        _ => None,
                    },
                },
            }
        };
        // The bar moves a step per slide: the projector repaints only when its picture changes.
        let audience_progress = (self.settings.audience_bar
            && matches!(state, TalkState::Running | TalkState::Paused))
        .then(|| slide.saturating_sub(1) as f32 / self.talk.timing().slide_count.max(1) as f32);
        ProjectorFrame {
            kind,
            audience_progress,
        }
    }

    /// The projector's frame while a night is on and no talk is showing slides; `None` when the
    /// talk's own frame applies.
    pub(super) fn night_frame(&self, state: TalkState, now: Duration) -> Option<FrameKind> {
        let hosting = self.mode.night()?;
        if hosting.resume_offer.is_some() {
            return Some(FrameKind::Black);
        }
        if let Some(position) = hosting.walking {
            return Some(if position < hosting.progress.order.len() {
                FrameKind::NightCard
            } else {
                FrameKind::NightEnd
            });
        }
        Some(match hosting.progress.stage {
            Stage::Card { .. } => FrameKind::NightCard,
            Stage::Talk { item, .. } => match state {
                TalkState::Running | TalkState::Paused => return None,
                TalkState::Ready => FrameKind::NightCard,
                TalkState::Finished if hosting.waiting_after(item).is_some() => {
                    FrameKind::NightCard
                }
                TalkState::Finished => FrameKind::NightEnd,
            },
            Stage::Break { .. } => FrameKind::BreakCard {
                seconds_left: crate::ui::widgets::countdown_seconds(
                    hosting
                        .break_ends
                        .map_or(Duration::ZERO, |ends| ends.saturating_sub(now)),
                ),
            },
            Stage::End => FrameKind::NightEnd,
        })
    }

    /// The words the projector's night cards show now.
    pub(super) fn night_card_text(&self, state: TalkState) -> Option<NightCardText> {
        let hosting = self.mode.night()?;
        let item = if let Some(position) = hosting.walking {
            hosting.progress.order.get(position).copied()
        } else {
            match hosting.progress.stage {
                Stage::Card { item } => Some(item),
                // During a talk the card is already the next one, for the instant it ends.
                Stage::Talk { item, .. } if state == TalkState::Ready => Some(item),
                Stage::Talk { item, .. } => hosting.waiting_after(item),
                Stage::Break { item, .. } => {
                    let mut text = hosting.card_text(item, self.settings.cards_in_ui_language);
                    // The headline already says it is a break.
                    text.kicker.clear();
                    text.title.clear();
                    let back_at = hosting.break_ends.map(|ends| {
                        crate::clock::local_hhmm_after(ends.saturating_sub(self.clock.now()))
                    });
                    if let Some(back_at) = back_at {
                        text.detail = if self.settings.cards_in_ui_language {
                            crate::tr!("card-back-at", time = back_at)
                        } else {
                            format!("Жалғасы · Продолжим · Back at {back_at}")
                        };
                    }
                    return Some(text);
                }
                Stage::End => None,
            }
        };
        Some(item.map_or_else(
            || NightCardText {
                night_title: hosting.night.title.clone(),
                ..NightCardText::default()
            },
            |item| hosting.card_text(item, self.settings.cards_in_ui_language),
        ))
    }

    /// The console's model.
    pub(super) fn host_model<'a>(
        &'a self,
        now: Duration,
        audience: ProjectorModel<'a>,
    ) -> Option<HostModel<'a>> {
        let hosting = self.mode.night()?;
        let stage = hosting.stage();
        let current = hosting.progress.current_item();
        let rows = hosting.rows();
        // What is left: the rest of what is on, then every waiting item in full.
        let on_now_left = match hosting.progress.stage {
            Stage::Talk { .. } => self.talk.talk_remaining(now),
            Stage::Break { .. } => hosting
                .break_ends
                .map_or(Duration::ZERO, |ends| ends.saturating_sub(now)),
            Stage::Card { .. } | Stage::End => Duration::ZERO,
        };
        let waiting_left: Duration = hosting
            .progress
            .order
            .iter()
            .filter(|&&item| {
                hosting.progress.states.get(item) == Some(&ItemState::Waiting)
                    && !(current == Some(item)
                        && matches!(stage, HostStage::Talk | HostStage::Break))
                    // A talk whose deck cannot be read will be skipped: it takes no time.
                    && !matches!(
                        hosting.checks.as_ref().and_then(|checks| checks.get(item)),
                        Some(Some(Checked::Unreadable(_)))
                    )
            })
            .map(|&item| hosting.planned(item))
            .sum();
        let left_in_night = on_now_left + waiting_left;
        let talks_total = hosting
            .night
            .running_order
            .iter()
            .filter(|item| matches!(item, Item::Talk(_)))
            .count();
        let talks_done = hosting
            .night
            .running_order
            .iter()
            .enumerate()
            .filter(|(item, kind)| {
                matches!(kind, Item::Talk(_))
                    && hosting.progress.states.get(*item) == Some(&ItemState::Done)
            })
            .count();
        let (primary, waiting_for) = match hosting.progress.stage {
            Stage::Card { item } => match &hosting.night.running_order[item] {
                Item::Talk(talk) => {
                    if hosting.deck_item == Some(item) && self.talk.state(now) == TalkState::Ready {
                        (
                            Some(crate::tr!(
                                "start-talk",
                                place = (hosting.position_of(item) + 1),
                                presenter = talk.presenter.as_str()
                            )),
                            None,
                        )
                    } else {
                        (
                            None,
                            Some(crate::tr!(
                                "loading-deck",
                                presenter = talk.presenter.as_str()
                            )),
                        )
                    }
                }
                Item::Break(_) => (Some(crate::tr!("start-break")), None),
            },
            _ => (None, None),
        };
        let break_view = hosting.break_view(now);
        let resume_offer = hosting.resume_question();
        // Nothing loads until the host answers where the night goes on.
        let waiting_for = waiting_for.filter(|_| resume_offer.is_none());
        Some(HostModel {
            night_title: &hosting.night.title,
            rows,
            stage,
            primary: primary.filter(|_| hosting.walking.is_none()),
            waiting_for,
            left_in_night,
            expected_end: crate::clock::local_hhmm_after(left_in_night),
            talks_done: (talks_done, talks_total),
            break_view,
            audience,
            walking: hosting
                .walking
                .map(|position| (position, hosting.walk_stops())),
            resume_offer,
            log_command: &hosting.log_command,
            // `advance_night` drops the question when its talk ends.
            skip_question: match self.modal {
                Some(Modal::SkipTalk(item)) => Some((item, hosting.talk_name(item))),
                _ => None,
            },
        })
    }

    /// The audience's picture for the console's stage panel.
    fn night_audience(
        kind: FrameKind,
        text: &NightCardText,
        ui_language_only: bool,
    ) -> Option<ProjectorContent<'_>> {
        Some(match kind {
            FrameKind::NightCard => ProjectorContent::NightCard(text),
            FrameKind::BreakCard { seconds_left } => {
                ProjectorContent::BreakCard { text, seconds_left }
            }
            FrameKind::NightEnd => ProjectorContent::NightEnd {
                night_title: &text.night_title,
                thanks: crate::ui::projector::thanks(ui_language_only),
            },
            _ => return None,
        })
    }
}

impl Hosting {
    /// The running order's rows, as the console lists them; while the host is asked where a
    /// night cut short goes on, as they were saved.
    fn rows(&self) -> Vec<Row<'_>> {
        let progress = self.resume_offer.as_ref().unwrap_or(&self.progress);
        let stage = self.stage_of(progress);
        let current = progress.current_item();
        progress
            .order
            .iter()
            .enumerate()
            .map(|(position, &item)| {
                let check = self
                    .checks
                    .as_ref()
                    .and_then(|checks| checks.get(item).cloned().flatten());
                let on_now = current == Some(item);
                let status = match progress.states.get(item) {
                    Some(ItemState::Done) => RowStatus::Done,
                    Some(ItemState::Skipped) => RowStatus::Skipped,
                    _ if on_now && matches!(stage, HostStage::Talk | HostStage::Break) => {
                        RowStatus::Current
                    }
                    _ if on_now => RowStatus::Next,
                    _ => match check {
                        None => RowStatus::Checking,
                        Some(Checked::Ready) => RowStatus::Ready,
                        Some(Checked::Problem(_) | Checked::Unreadable(_)) => RowStatus::Problem,
                    },
                };
                let problem = match check {
                    Some(Checked::Problem(message) | Checked::Unreadable(message)) => {
                        Some(message.to_string())
                    }
                    _ => None,
                };
                match &self.night.running_order[item] {
                    Item::Talk(talk) => Row {
                        item,
                        position,
                        is_break: false,
                        name: talk.presenter.as_str().into(),
                        detail: self.titles[item].clone(),
                        status,
                        problem,
                    },
                    Item::Break(pause) => Row {
                        item,
                        position,
                        is_break: true,
                        name: if pause.message.is_empty() {
                            crate::tr!("row-break").into()
                        } else {
                            pause.message.as_str().into()
                        },
                        detail: crate::tr!(
                            "row-break-detail",
                            minutes = pause.length.as_secs().div_ceil(60)
                        ),
                        status,
                        problem: self.music_warnings_of(item),
                    },
                }
            })
            .collect()
    }

    /// What the music is doing, in words, and whether it can be stopped.
    fn music_status(&self) -> (String, bool) {
        match self.music.as_ref().map(BreakMusic::status) {
            // Nothing plays because something is wrong: the reason is listed right below.
            None if !self.music_problems.is_empty() => (crate::tr!("music-silent"), false),
            None => (crate::tr!("music-none"), false),
            Some(MusicStatus::Starting) => (crate::tr!("music-starting"), true),
            Some(MusicStatus::Playing { file }) => (
                crate::tr!(
                    "music-playing",
                    file = file.file_name().map_or_else(
                        || file.display().to_string(),
                        |name| name.to_string_lossy().into_owned()
                    )
                ),
                true,
            ),
            Some(MusicStatus::FadingOut) => (crate::tr!("music-fading-out"), false),
            Some(MusicStatus::Stopped) => (crate::tr!("music-stopped"), false),
            Some(MusicStatus::Failed) => (crate::tr!("music-failed"), false),
        }
    }

    /// The break under way, for the console.
    fn break_view(&self, now: Duration) -> Option<BreakView> {
        match self.progress.stage {
            Stage::Break { item, .. } => {
                let remaining = self
                    .break_ends
                    .map_or(Duration::ZERO, |ends| ends.saturating_sub(now));
                let (music, music_playing) = self.music_status();
                // What playing found; before it knows, what the check found before doors opened.
                let mut music_problems = self.music_problems.clone();
                let played = self
                    .music
                    .as_ref()
                    .map(BreakMusic::problems)
                    .unwrap_or_default();
                if played.is_empty() {
                    music_problems.extend(self.music_warnings_of(item));
                } else {
                    music_problems.extend(played);
                }
                Some(BreakView {
                    remaining,
                    back_at: crate::clock::local_hhmm_after(remaining),
                    music,
                    music_playing,
                    music_problems,
                })
            }
            _ => None,
        }
    }

    /// The question after a restart, while it is open.
    fn resume_question(&self) -> Option<ResumeOffer> {
        self.resume_offer.as_ref().map(|saved| ResumeOffer {
            was_at: match saved.stage {
                Stage::Talk { item, slide, .. } => crate::tr!(
                    "place-at-slide",
                    name = self.talk_name_in(item, &saved.order),
                    slide = slide
                ),
                Stage::Card { item } => crate::tr!(
                    "place-card-of",
                    name = self.talk_name_in(item, &saved.order)
                ),
                Stage::Break { item, .. } => self.talk_name_in(item, &saved.order),
                Stage::End => crate::tr!("name-the-end"),
            },
            in_break: matches!(saved.stage, Stage::Break { .. }),
            break_over: self.break_ran_out(&saved.stage).is_some(),
            items: saved.states.len(),
            done: saved
                .states
                .iter()
                .filter(|state| **state != ItemState::Waiting)
                .count(),
            deferred: self.resume_deferred,
            at_slide: match saved.stage {
                Stage::Talk { slide, .. } => Some(slide),
                _ => None,
            },
        })
    }
}
