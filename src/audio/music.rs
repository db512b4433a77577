//! Break music for a PechaKucha Night: a playlist that fades in when the break starts, loops until
//! the break ends, fades out, and can be silenced at once by the host.
//!
//! Why a module of its own: the cues in [`super`] are a few decoded samples handed to the mixer,
//! but music is minutes of audio from files the organisers supplied, on a USB stick or a slow
//! disk, some of which will be missing or broken. Opening them must never stall the UI (the host
//! console and the projector keep painting), so a [`BreakMusic`] owns a thread that opens the
//! files one ahead of the one playing, skips the ones that fail with a named [`MusicProblem`],
//! and feeds the good ones into one rodio queue.
//!
//! The volume envelope (fade in, hold, fade out) is applied per sample by a [`Source`] wrapper
//! around that queue, inside the audio callback: a volume poked from the UI thread would step
//! once per frame and click. The host's wishes reach it through two atomics, so a fade-out
//! starts, and a stop silences, within one audio buffer.
//!
//! [`check`](crate::check) uses [`super::probe_music`] to find unplayable files before doors
//! open; this module meets the same problems again at play time, because files move.

use std::collections::VecDeque;
use std::io::BufReader;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use rodio::mixer::Mixer;
use rodio::queue::SourcesQueueOutput;
use rodio::source::SeekError;
use rodio::{ChannelCount, Decoder, Sample, SampleRate, Source};

use super::{MusicProblem, open_music};

/// A file that ends sooner than this is treated as unplayable: looping a playlist of such files
/// would reopen them hundreds of times a second instead of playing music.
const SHORTEST_PLAYABLE: Duration = Duration::from_millis(100);

/// What the break music is doing, for the host console.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MusicStatus {
    /// The first file is being opened.
    Starting,
    /// `file` is playing (or fading in).
    Playing {
        /// The file being heard.
        file: PathBuf,
    },
    /// Ramping down to silence; [`MusicStatus::Stopped`] follows.
    FadingOut,
    /// Silent: faded out, stopped by the host, or the sound device let go.
    Stopped,
    /// No file of the playlist can be played (any more); [`BreakMusic::problems`] says why.
    Failed,
}

/// Plays a break's playlist on its own thread.
///
/// Dropping it stops the music at once.
pub struct BreakMusic {
    control: Arc<Control>,
    shared: Arc<Shared>,
    events: Sender<Event>,
}

impl BreakMusic {
    /// Start playing `files` in order, looping the whole list until stopped, fading in over
    /// `fade_in`, at `volume` (0..=1). Returns at once. `wake` is called (from the music thread)
    /// whenever [`Self::status`] or [`Self::problems`] changes, so the UI can repaint.
    pub fn play(
        mixer: &Mixer,
        files: Vec<PathBuf>,
        volume: f32,
        fade_in: Duration,
        wake: impl Fn() + Send + 'static,
    ) -> Self {
        let control = Arc::new(Control::default());
        let shared = Arc::new(Shared::default());
        let (events, inbox) = channel();
        let playlist = Playlist {
            mixer: mixer.clone(),
            files,
            volume: volume.clamp(0.0, 1.0),
            fade_in,
            control: Arc::clone(&control),
            shared: Arc::clone(&shared),
            events: events.clone(),
            inbox,
            wake: Box::new(wake),
        };
        let spawned = std::thread::Builder::new()
            .name("break music".into())
            .spawn(move || playlist.run());
        if let Err(error) = spawned {
            log::warn!("break music: no thread: {error}");
            shared.report(crate::i18n::Words::of(|| {
                crate::tr!("music-no-thread", error = error.to_string())
            }));
            shared.set_status(MusicStatus::Failed);
        }
        // The thread is detached: it ends by itself once stopped, and joining it could wait on
        // a file being opened from a dead network drive.
        Self {
            control,
            shared,
            events,
        }
    }

    /// Ramp down to silence over `over`, then stop. Returns at once.
    ///
    /// Only the first call counts (a second one would jump the volume); use
    /// [`Self::stop_now`] to cut a fade short.
    pub fn fade_out(&self, over: Duration) {
        self.control.request_fade_out(over);
        // A closed channel means the thread has already finished: nothing left to fade.
        let _ = self.events.send(Event::Nudge);
    }

    /// Silence now (the host's "stop music" key). Returns at once.
    pub fn stop_now(&self) {
        self.control.stop.store(true, Ordering::Relaxed);
        let _ = self.events.send(Event::Nudge);
    }

    /// What is happening, for the host console.
    ///
    /// It follows [`Self::fade_out`] and [`Self::stop_now`] within moments (the music thread
    /// updates it), while the sound itself reacts within one audio buffer.
    #[must_use]
    pub fn status(&self) -> MusicStatus {
        lock(&self.shared.status).clone()
    }

    /// One message per unplayable file, naming it and the problem, in the order found; and,
    /// if no file can be played, a last one that says so.
    #[must_use]
    pub fn problems(&self) -> Vec<String> {
        lock(&self.shared.problems)
            .iter()
            .map(ToString::to_string)
            .collect()
    }
}

impl Drop for BreakMusic {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// The host's wishes, read by the envelope in the audio callback and by the music thread.
/// Atomics rather than messages because the callback must never wait.
struct Control {
    stop: AtomicBool,
    /// The requested fade-out in nanoseconds, [`NO_FADE_OUT`] until one is asked for.
    fade_out_nanos: AtomicU64,
}

const NO_FADE_OUT: u64 = u64::MAX;

impl Default for Control {
    fn default() -> Self {
        Self {
            stop: AtomicBool::new(false),
            fade_out_nanos: AtomicU64::new(NO_FADE_OUT),
        }
    }
}

impl Control {
    fn request_fade_out(&self, over: Duration) {
        let nanos = u64::try_from(over.as_nanos()).unwrap_or(NO_FADE_OUT - 1);
        // First request wins; a failed exchange means a fade is already under way.
        let _ = self.fade_out_nanos.compare_exchange(
            NO_FADE_OUT,
            nanos.min(NO_FADE_OUT - 1),
            Ordering::Relaxed,
            Ordering::Relaxed,
        );
    }

    fn fade_out(&self) -> Option<Duration> {
        match self.fade_out_nanos.load(Ordering::Relaxed) {
            NO_FADE_OUT => None,
            nanos => Some(Duration::from_nanos(nanos)),
        }
    }

    fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }
}

/// What the UI reads; written by the music thread.
struct Shared {
    status: Mutex<MusicStatus>,
    problems: Mutex<Vec<crate::i18n::Words>>,
}

impl Default for Shared {
    fn default() -> Self {
        Self {
            status: Mutex::new(MusicStatus::Starting),
            problems: Mutex::new(Vec::new()),
        }
    }
}

impl Shared {
    /// Returns whether the status changed.
    fn set_status(&self, status: MusicStatus) -> bool {
        let mut current = lock(&self.status);
        if *current == status {
            return false;
        }
        *current = status;
        true
    }

    fn report(&self, problem: crate::i18n::Words) {
        log::warn!("break music: {}", problem.get(crate::i18n::Language::En));
        lock(&self.problems).push(problem);
    }
}

/// A status or problem list is still worth showing after a panic elsewhere: take it anyway.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// What wakes the music thread.
enum Event {
    /// The file at `index` came to its natural end after `played` of sound.
    Ended { index: usize, played: Duration },
    /// The host asked for a fade-out or a stop: read [`Control`].
    Nudge,
    /// The mixer let go of the music: it faded out, was stopped, or the device went away.
    Gone,
}

/// The music thread's state.
struct Playlist {
    mixer: Mixer,
    files: Vec<PathBuf>,
    volume: f32,
    fade_in: Duration,
    control: Arc<Control>,
    shared: Arc<Shared>,
    events: Sender<Event>,
    inbox: Receiver<Event>,
    wake: Box<dyn Fn() + Send>,
}

impl Playlist {
    fn run(self) {
        let (queue, queue_output) = rodio::queue::queue(true);
        // Added to the mixer only once the first file has opened, so the fade-in is heard from
        // its start instead of running while a slow disk spins up.
        let mut envelope = Some(Envelope::new(
            queue_output,
            self.volume,
            self.fade_in,
            Arc::clone(&self.control),
            self.events.clone(),
        ));
        let mut unplayable = vec![false; self.files.len()];
        let mut next = 0;
        // Files handed to the queue and not yet ended; the front one is being heard. Keeping
        // one ahead makes the change from one file to the next seamless.
        let mut queued: VecDeque<usize> = VecDeque::new();
        let mut fading = false;
        // Whether any file played through: decides how the give-up message reads.
        let mut heard = false;
        loop {
            if self.control.stopped() {
                self.set_status(MusicStatus::Stopped);
                break;
            }
            if !fading && self.control.fade_out().is_some() {
                if envelope.is_some() {
                    // Nothing has been heard yet: there is nothing to fade.
                    self.set_status(MusicStatus::Stopped);
                    break;
                }
                fading = true;
                self.set_status(MusicStatus::FadingOut);
            }
            if queued.len() < 2
                && let Some(index) = next_playable(&unplayable, next)
            {
                next = (index + 1) % self.files.len();
                match open_music(&self.files[index]) {
                    Ok(decoder) => {
                        queue.append(Tracked::new(decoder, index, self.events.clone()));
                        if let Some(envelope) = envelope.take() {
                            self.mixer.add(envelope);
                        }
                        queued.push_back(index);
                        if queued.len() == 1 && !fading {
                            self.playing(index);
                        }
                    }
                    Err(problem) => {
                        unplayable[index] = true;
                        self.report(index, &problem);
                    }
                }
                // Look at the host's wishes again before opening another file.
                continue;
            }
            if queued.is_empty() {
                self.give_up(heard);
                break;
            }
            match self.inbox.recv() {
                Ok(Event::Ended { index, played }) => {
                    queued.pop_front();
                    heard |= played >= SHORTEST_PLAYABLE;
                    if played < SHORTEST_PLAYABLE && !unplayable[index] {
                        unplayable[index] = true;
                        let problem = if played.is_zero() {
                            MusicProblem::Empty
                        } else {
                            MusicProblem::TooShort
                        };
                        self.report(index, &problem);
                    }
                    if let Some(&playing) = queued.front()
                        && !fading
                    {
                        self.playing(playing);
                    }
                }
                Ok(Event::Nudge) => {}
                // The sender in `self.events` keeps the channel open, so only `Gone` ends here.
                Ok(Event::Gone) | Err(_) => {
                    self.set_status(MusicStatus::Stopped);
                    break;
                }
            }
        }
        // However the thread ends, the envelope must not linger in the mixer playing silence.
        self.control.stop.store(true, Ordering::Relaxed);
    }

    fn playing(&self, index: usize) {
        self.set_status(MusicStatus::Playing {
            file: self.files[index].clone(),
        });
    }

    fn report(&self, index: usize, problem: &MusicProblem) {
        // Worded in every language here, on the music's thread: the console shows them later.
        self.shared.report(crate::i18n::Words::of(|| {
            crate::tr!(
                "music-file-problem",
                file = crate::text::shown(&self.files[index]).to_string(),
                problem = problem.to_string()
            )
        }));
        (self.wake)();
    }

    /// Every file has failed; `heard` says whether any played before.
    fn give_up(&self, heard: bool) {
        let files = self.files.len();
        let message = crate::i18n::Words::of(|| {
            if files == 0 {
                crate::tr!("music-no-files")
            } else if heard {
                crate::tr!("music-none-any-more")
            } else {
                crate::tr!("music-none-playable", files = files)
            }
        });
        self.shared.report(message);
        self.set_status(MusicStatus::Failed);
    }

    fn set_status(&self, status: MusicStatus) {
        if self.shared.set_status(status) {
            (self.wake)();
        }
    }
}

/// The first playable file at or after `from`, going round the list once.
fn next_playable(unplayable: &[bool], from: usize) -> Option<usize> {
    let count = unplayable.len();
    (0..count)
        .map(|offset| (from + offset) % count)
        .find(|&index| !unplayable[index])
}

/// Where a fade-out began, in seconds of music heard, and how long it lasts.
#[derive(Debug, Clone, Copy, PartialEq)]
struct FadeOut {
    start: f64,
    over: f64,
}

/// The gain (0..=1) `elapsed` seconds after the music started: rising linearly over `fade_in`
/// seconds, then holding, then falling linearly to 0 over a fade-out; `None` once the fade-out
/// is over. Fade-in and fade-out multiply, so a fade-out that starts during the fade-in falls
/// from wherever the gain was, without a jump.
fn gain_at(elapsed: f64, fade_in: f64, fade_out: Option<FadeOut>) -> Option<f32> {
    let rising = if fade_in > 0.0 {
        (elapsed / fade_in).clamp(0.0, 1.0)
    } else {
        1.0
    };
    let falling = match fade_out {
        None => 1.0,
        Some(FadeOut { start, over }) => {
            let into = elapsed - start;
            if into >= over {
                return None;
            }
            (1.0 - into / over).clamp(0.0, 1.0)
        }
    };
    Some((rising * falling) as f32)
}

/// Applies the volume envelope and the host's stop to everything the queue plays.
struct Envelope {
    inner: SourcesQueueOutput,
    volume: f32,
    fade_in: f64,
    control: Arc<Control>,
    /// Seconds of music produced so far.
    elapsed: f64,
    fade_out: Option<FadeOut>,
    events: Sender<Event>,
}

impl Envelope {
    fn new(
        inner: SourcesQueueOutput,
        volume: f32,
        fade_in: Duration,
        control: Arc<Control>,
        events: Sender<Event>,
    ) -> Self {
        Self {
            inner,
            volume,
            fade_in: fade_in.as_secs_f64(),
            control,
            elapsed: 0.0,
            fade_out: None,
            events,
        }
    }
}

impl Iterator for Envelope {
    type Item = Sample;

    fn next(&mut self) -> Option<Sample> {
        // Ending the source (rather than playing zeros) lets the mixer drop it and the files.
        if self.control.stopped() {
            return None;
        }
        if self.fade_out.is_none()
            && let Some(over) = self.control.fade_out()
        {
            self.fade_out = Some(FadeOut {
                start: self.elapsed,
                over: over.as_secs_f64(),
            });
        }
        let gain = gain_at(self.elapsed, self.fade_in, self.fade_out)?;
        let sample = self.inner.next()?;
        // The rate is read per sample because files in one playlist may differ.
        let samples_per_second =
            f64::from(self.inner.sample_rate().get()) * f64::from(self.inner.channels().get());
        self.elapsed += 1.0 / samples_per_second;
        Some(sample * (gain * self.volume))
    }
}

impl Source for Envelope {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }

    fn channels(&self) -> ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        None
    }

    fn try_seek(&mut self, _: Duration) -> Result<(), SeekError> {
        Err(SeekError::NotSupported {
            underlying_source: std::any::type_name::<Self>(),
        })
    }
}

impl Drop for Envelope {
    fn drop(&mut self) {
        // The thread may be gone already; then nobody needs to know.
        let _ = self.events.send(Event::Gone);
    }
}

/// One file of the playlist, telling the music thread when it ends and how much it played, so
/// the thread can queue the next and refuse files too short to loop.
struct Tracked {
    inner: Decoder<BufReader<std::fs::File>>,
    index: usize,
    samples: u64,
    events: Sender<Event>,
    ended: bool,
}

impl Tracked {
    fn new(inner: Decoder<BufReader<std::fs::File>>, index: usize, events: Sender<Event>) -> Self {
        Self {
            inner,
            index,
            samples: 0,
            events,
            ended: false,
        }
    }
}

impl Iterator for Tracked {
    type Item = Sample;

    fn next(&mut self) -> Option<Sample> {
        if let Some(sample) = self.inner.next() {
            self.samples += 1;
            return Some(sample);
        }
        if !self.ended {
            self.ended = true;
            let samples_per_second =
                f64::from(self.inner.sample_rate().get()) * f64::from(self.inner.channels().get());
            let played = Duration::from_secs_f64(self.samples as f64 / samples_per_second);
            let _ = self.events.send(Event::Ended {
                index: self.index,
                played,
            });
        }
        None
    }
}

impl Source for Tracked {
    fn current_span_len(&self) -> Option<usize> {
        self.inner.current_span_len()
    }

    fn is_exhausted(&self) -> bool {
        self.inner.is_exhausted()
    }

    fn channels(&self) -> ChannelCount {
        self.inner.channels()
    }

    fn sample_rate(&self) -> SampleRate {
        self.inner.sample_rate()
    }

    fn total_duration(&self) -> Option<Duration> {
        self.inner.total_duration()
    }

    fn try_seek(&mut self, position: Duration) -> Result<(), SeekError> {
        self.inner.try_seek(position)
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use rodio::mixer::MixerSource;
    use std::num::NonZero;
    use std::path::Path;
    use std::sync::atomic::AtomicUsize;
    use std::time::Instant;

    const RATE: u32 = 8000;

    /// A mono 16-bit wav at [`RATE`] holding `seconds` of the constant `level` (0..1), so a
    /// sample's value reads back the gain applied to it.
    fn write_wav(path: &Path, seconds: f64, level: f32) {
        let frames = (seconds * f64::from(RATE)) as u32;
        let value = (level * 32767.0) as i16;
        let data_len = frames * 2;
        let mut bytes = Vec::new();
        bytes.extend_from_slice(b"RIFF");
        bytes.extend_from_slice(&(36 + data_len).to_le_bytes());
        bytes.extend_from_slice(b"WAVEfmt ");
        bytes.extend_from_slice(&16u32.to_le_bytes());
        bytes.extend_from_slice(&1u16.to_le_bytes()); // PCM
        bytes.extend_from_slice(&1u16.to_le_bytes()); // mono
        bytes.extend_from_slice(&RATE.to_le_bytes());
        bytes.extend_from_slice(&(RATE * 2).to_le_bytes());
        bytes.extend_from_slice(&2u16.to_le_bytes());
        bytes.extend_from_slice(&16u16.to_le_bytes());
        bytes.extend_from_slice(b"data");
        bytes.extend_from_slice(&data_len.to_le_bytes());
        for _ in 0..frames {
            bytes.extend_from_slice(&value.to_le_bytes());
        }
        std::fs::write(path, bytes).unwrap();
    }

    /// A mixer like the device's, whose output the test pulls by hand.
    fn test_mixer() -> (Mixer, MixerSource) {
        rodio::mixer::mixer(NonZero::new(1).unwrap(), NonZero::new(RATE).unwrap())
    }

    /// Poll a condition the music thread brings about; bounded so a bug fails instead of hangs.
    fn wait_for(what: &str, mut condition: impl FnMut() -> bool) {
        let deadline = Instant::now() + Duration::from_secs(20);
        while !condition() {
            assert!(Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn wait_for_status(music: &BreakMusic, wanted: &MusicStatus) {
        wait_for(&format!("{wanted:?}"), || music.status() == *wanted);
    }

    fn playing(path: &Path) -> MusicStatus {
        MusicStatus::Playing {
            file: path.to_path_buf(),
        }
    }

    #[test]
    fn gain_rises_holds_and_falls() {
        let fade_out = Some(FadeOut {
            start: 10.0,
            over: 4.0,
        });
        for (elapsed, fade_in, fade_out, expected) in [
            (0.0, 2.0, None, Some(0.0)),
            (0.5, 2.0, None, Some(0.25)),
            (2.0, 2.0, None, Some(1.0)),
            (100.0, 2.0, None, Some(1.0)),
            // No fade-in: full volume at once.
            (0.0, 0.0, None, Some(1.0)),
            (10.0, 2.0, fade_out, Some(1.0)),
            (11.0, 2.0, fade_out, Some(0.75)),
            (13.0, 2.0, fade_out, Some(0.25)),
            (14.0, 2.0, fade_out, None),
            (15.0, 2.0, fade_out, None),
            // A fade-out during the fade-in falls from where the gain was.
            (
                1.0,
                2.0,
                Some(FadeOut {
                    start: 1.0,
                    over: 1.0,
                }),
                Some(0.5),
            ),
            (
                1.5,
                2.0,
                Some(FadeOut {
                    start: 1.0,
                    over: 1.0,
                }),
                Some(0.375),
            ),
            // A zero-length fade-out ends the music at once.
            (
                5.0,
                0.0,
                Some(FadeOut {
                    start: 5.0,
                    over: 0.0,
                }),
                None,
            ),
        ] {
            let gain = gain_at(elapsed, fade_in, fade_out);
            match (gain, expected) {
                (Some(gain), Some(expected)) => assert!(
                    (gain - expected).abs() < 1e-6,
                    "t={elapsed} in={fade_in} out={fade_out:?}: {gain} != {expected}"
                ),
                (gain, expected) => assert_eq!(gain, expected, "t={elapsed} out={fade_out:?}"),
            }
        }
    }

    #[test]
    fn next_playable_skips_failed_files_and_wraps() {
        assert_eq!(next_playable(&[false, true, false], 1), Some(2));
        assert_eq!(next_playable(&[false, true, true], 1), Some(0));
        assert_eq!(next_playable(&[true, true], 0), None);
        assert_eq!(next_playable(&[], 0), None);
    }

    #[test]
    fn fades_in_from_silence_to_full_volume() {
        let folder = tempfile::tempdir().unwrap();
        let song = folder.path().join("song.wav");
        write_wav(&song, 2.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let wakes = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&wakes);
        let music = BreakMusic::play(
            &mixer,
            vec![song.clone()],
            0.8,
            Duration::from_secs(1),
            move || {
                counter.fetch_add(1, Ordering::Relaxed);
            },
        );
        wait_for_status(&music, &playing(&song));
        assert!(wakes.load(Ordering::Relaxed) >= 1, "the UI was not woken");

        let heard: Vec<f32> = output.by_ref().take(RATE as usize * 3 / 2).collect();
        assert!(heard[0].abs() < 0.01, "starts at {}", heard[0]);
        // Half way through the one-second fade: half of 0.5 x 0.8.
        let half = heard[RATE as usize / 2];
        assert!((half - 0.2).abs() < 0.01, "half way at {half}");
        assert!(heard.windows(2).take(RATE as usize).all(|w| w[1] >= w[0]));
        for sample in &heard[RATE as usize..] {
            assert!((sample - 0.4).abs() < 0.005, "full volume is {sample}");
        }
        assert!(music.problems().is_empty(), "{:?}", music.problems());
    }

    #[test]
    fn fade_out_ramps_down_then_stops() {
        let folder = tempfile::tempdir().unwrap();
        let song = folder.path().join("song.wav");
        write_wav(&song, 2.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(&mixer, vec![song.clone()], 1.0, Duration::ZERO, || {});
        wait_for_status(&music, &playing(&song));
        let before: Vec<f32> = output.by_ref().take(100).collect();
        assert!(before.iter().all(|sample| (sample - 0.5).abs() < 0.005));

        music.fade_out(Duration::from_millis(500));
        let fading: Vec<f32> = output.by_ref().take(RATE as usize).collect();
        // Half a second at RATE, then the music ends and the mixer has nothing left.
        let expected = RATE as usize / 2;
        assert!(
            fading.len().abs_diff(expected) <= 2,
            "faded over {} samples",
            fading.len()
        );
        assert!(
            (fading[0] - 0.5).abs() < 0.005,
            "fade starts at {}",
            fading[0]
        );
        assert!(fading.windows(2).all(|w| w[1] <= w[0]), "not a ramp down");
        assert!(fading.last().unwrap().abs() < 0.005);
        wait_for_status(&music, &MusicStatus::Stopped);
    }

    #[test]
    fn stop_now_silences_at_once() {
        let folder = tempfile::tempdir().unwrap();
        let song = folder.path().join("song.wav");
        write_wav(&song, 2.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(&mixer, vec![song.clone()], 1.0, Duration::ZERO, || {});
        wait_for_status(&music, &playing(&song));
        assert!(output.by_ref().take(100).all(|sample| sample > 0.4));

        music.stop_now();
        // The very next sample: the music has left the mixer.
        assert_eq!(output.next(), None);
        wait_for_status(&music, &MusicStatus::Stopped);
    }

    #[test]
    fn dropping_the_music_stops_it() {
        let folder = tempfile::tempdir().unwrap();
        let song = folder.path().join("song.wav");
        write_wav(&song, 2.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(&mixer, vec![song.clone()], 1.0, Duration::ZERO, || {});
        wait_for_status(&music, &playing(&song));
        assert!(output.next().is_some());
        drop(music);
        assert_eq!(output.next(), None);
    }

    #[test]
    fn a_bad_file_is_named_and_the_next_one_plays() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("missing.mp3");
        let garbage = folder.path().join("garbage.mp3");
        std::fs::write(&garbage, "this is not music, only words in a file").unwrap();
        let song = folder.path().join("song.wav");
        write_wav(&song, 2.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(
            &mixer,
            vec![missing.clone(), garbage.clone(), song.clone()],
            1.0,
            Duration::ZERO,
            || {},
        );
        wait_for_status(&music, &playing(&song));
        assert!(output.by_ref().take(100).all(|sample| sample > 0.4));

        let problems = music.problems();
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert_eq!(
            problems[0],
            format!(
                "{} is missing; the break goes on without it",
                missing.display()
            )
        );
        assert!(
            problems[1].starts_with(&format!("{} cannot be played (", garbage.display())),
            "{}",
            problems[1]
        );
        assert!(problems[1].ends_with("; the break goes on without it"));
    }

    #[test]
    fn when_every_file_fails_the_status_is_failed() {
        let folder = tempfile::tempdir().unwrap();
        let missing = folder.path().join("missing.ogg");
        let garbage = folder.path().join("garbage.flac");
        std::fs::write(&garbage, "not a flac").unwrap();
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(
            &mixer,
            vec![missing.clone(), garbage.clone()],
            1.0,
            Duration::from_secs(1),
            || {},
        );
        wait_for_status(&music, &MusicStatus::Failed);
        let problems = music.problems();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("missing.ogg"));
        assert!(problems[1].contains("garbage.flac"));
        assert_eq!(
            problems[2],
            "none of the break's 2 music file(s) can be played; the break is silent"
        );
        assert_eq!(output.next(), None, "nothing was added to the mixer");
    }

    #[test]
    fn a_file_with_no_sound_fails_instead_of_looping() {
        let folder = tempfile::tempdir().unwrap();
        let silent = folder.path().join("empty.wav");
        write_wav(&silent, 0.0, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(&mixer, vec![silent.clone()], 1.0, Duration::ZERO, || {});
        // Pull what there is, so the file can come to its (immediate) end.
        wait_for("the empty file to be given up", || {
            let _ = output.next();
            music.status() == MusicStatus::Failed
        });
        let problems = music.problems();
        assert!(
            problems[0].starts_with(&silent.display().to_string()),
            "{problems:?}"
        );
        assert_eq!(
            problems.last().unwrap(),
            "none of the break's 1 music file(s) can be played; the break is silent"
        );
    }

    #[test]
    fn no_files_is_failed() {
        let (mixer, _output) = test_mixer();
        let music = BreakMusic::play(&mixer, Vec::new(), 1.0, Duration::ZERO, || {});
        wait_for_status(&music, &MusicStatus::Failed);
        assert_eq!(
            music.problems(),
            ["the break has no music files; it is silent"]
        );
    }

    #[test]
    fn the_playlist_plays_in_order_and_starts_over() {
        let folder = tempfile::tempdir().unwrap();
        let first = folder.path().join("first.wav");
        let second = folder.path().join("second.wav");
        write_wav(&first, 0.5, 0.25);
        write_wav(&second, 0.5, 0.5);
        let (mixer, mut output) = test_mixer();
        let music = BreakMusic::play(
            &mixer,
            vec![first.clone(), second.clone()],
            1.0,
            Duration::ZERO,
            || {},
        );
        wait_for_status(&music, &playing(&first));
        // Which file each stretch of sound came from, in order; a gap (the thread not yet
        // done opening the next file) is silence and is waited out.
        let mut heard: Vec<&str> = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        while heard.len() < 4 {
            assert!(Instant::now() < deadline, "heard only {heard:?}");
            let sample = output.next().unwrap();
            let which = if (sample - 0.25).abs() < 0.01 {
                "first"
            } else if (sample - 0.5).abs() < 0.01 {
                "second"
            } else {
                std::thread::sleep(Duration::from_millis(1));
                continue;
            };
            if heard.last() != Some(&which) {
                heard.push(which);
            }
        }
        assert_eq!(heard, ["first", "second", "first", "second"]);
        assert!(music.problems().is_empty());
    }

    #[test]
    fn the_example_nights_break_music_plays() {
        let song = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/night/music/break.wav");
        let (mixer, mut output) =
            rodio::mixer::mixer(NonZero::new(2).unwrap(), NonZero::new(44_100).unwrap());
        let music = BreakMusic::play(&mixer, vec![song.clone()], 1.0, Duration::ZERO, || {});
        wait_for_status(&music, &playing(&song));
        assert!(
            output
                .by_ref()
                .take(44_100)
                .any(|sample| sample.abs() > 0.01)
        );
        music.fade_out(Duration::from_millis(10));
        assert!(output.by_ref().take(10_000).count() < 1000);
        wait_for_status(&music, &MusicStatus::Stopped);
    }
}
