//! The talk engine's tests: every intervention, query and log entry on a manual clock.

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
