//! Cue sounds: a soft click when a slide advances, ticks in a slide's last seconds, a gong at the
//! end of a talk. Speakers often cannot look at a screen while they talk; these let them hear
//! where they are.
//!
//! The sounds are bundled in `assets/` (made by `assets/make-sounds.py`) and decoded once at
//! start. A laptop without a sound device is normal at a venue: then [`Cues::open`] fails, the
//! app keeps `None`, says so once and plays nothing.
//!
//! A night's break music (mp3, ogg, flac or wav) is checked before doors open with
//! [`probe_music`], so a file that will not play is found by `pecha check`, not in the break;
//! [`music`] plays it during the break, into the same device as the cues ([`Cues::mixer`]).

pub mod music;

use std::fs::File;
use std::io::{BufReader, Cursor};
use std::path::Path;

use rodio::buffer::SamplesBuffer;
use rodio::{Decoder, DeviceSinkBuilder, MixerDeviceSink, Source};

const CLICK: &[u8] = include_bytes!("../assets/click.wav");
const TICK: &[u8] = include_bytes!("../assets/tick.wav");
const GONG: &[u8] = include_bytes!("../assets/gong.wav");

/// Why a music file will not play.
#[derive(Debug, thiserror::Error)]
pub enum MusicProblem {
    /// No file at that path.
    #[error("{}", crate::tr!("music-missing"))]
    Missing,
    /// The file exists but cannot be read.
    #[error("{}", crate::tr!("music-read", error = _0.to_string()))]
    Read(std::io::Error),
    /// Not audio Pecha can decode.
    #[error("{}", crate::tr!("music-decode", error = _0.to_string()))]
    Decode(rodio::decoder::DecoderError),
    /// Decodes, but holds no sound.
    #[error("{}", crate::tr!("music-empty"))]
    Empty,
    /// Ends after a moment: too short to loop through a break, or damaged near its start.
    #[error("{}", crate::tr!("music-too-short"))]
    TooShort,
}

/// Check that a music file plays: open it and decode its first samples (not the whole file, so
/// a night's music is checked in moments).
pub fn probe_music(path: &Path) -> Result<(), MusicProblem> {
    let mut decoder = open_music(path)?;
    decoder.next().map(|_| ()).ok_or(MusicProblem::Empty)
}

/// Open a music file and read its header; the samples are decoded as they are played.
fn open_music(path: &Path) -> Result<Decoder<BufReader<File>>, MusicProblem> {
    // A named pipe or a device would block the music thread, or never end.
    if std::fs::metadata(path).is_ok_and(|metadata| !metadata.is_file()) {
        return Err(MusicProblem::Read(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            crate::read::Refusal::NotAFile(crate::read::NotAFile::Other),
        )));
    }
    let file = File::open(path).map_err(|error| {
        if error.kind() == std::io::ErrorKind::NotFound {
            MusicProblem::Missing
        } else {
            MusicProblem::Read(error)
        }
    })?;
    Decoder::try_from(file).map_err(MusicProblem::Decode)
}

/// Which cue to play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// A slide advanced.
    Advance,
    /// One of the last seconds of a slide.
    Tick,
    /// The talk finished.
    End,
}

/// Why there is no sound.
#[derive(Debug, thiserror::Error)]
pub enum AudioError {
    /// No output device could be opened.
    #[error("{}", crate::tr!("audio-no-device", error = _0.to_string()))]
    NoDevice(#[from] rodio::DeviceSinkError),
    /// A bundled sound did not decode (a packaging bug).
    #[error("{}", crate::tr!("audio-bundled", error = _0.to_string()))]
    Decode(#[from] rodio::decoder::DecoderError),
}

/// The open sound device and the decoded cues.
pub struct Cues {
    device: MixerDeviceSink,
    click: SamplesBuffer,
    tick: SamplesBuffer,
    gong: SamplesBuffer,
}

impl Cues {
    /// Open the default output device and decode the bundled sounds.
    pub fn open() -> Result<Self, AudioError> {
        let mut device = DeviceSinkBuilder::open_default_sink()?;
        device.log_on_drop(false);
        Ok(Self {
            device,
            click: decode(CLICK)?,
            tick: decode(TICK)?,
            gong: decode(GONG)?,
        })
    }

    /// Play a cue at `volume` (0.0 silent .. 1.0 full); returns at once.
    pub fn play(&self, cue: Cue, volume: f32) {
        let sound = match cue {
            Cue::Advance => &self.click,
            Cue::Tick => &self.tick,
            Cue::End => &self.gong,
        };
        self.device
            .mixer()
            .add(sound.clone().amplify(volume.clamp(0.0, 1.0)));
    }

    /// The device's mixer, for [`music::BreakMusic::play`]: break music and cues share the one
    /// open device.
    #[must_use]
    pub fn mixer(&self) -> &rodio::mixer::Mixer {
        self.device.mixer()
    }
}

fn decode(bytes: &'static [u8]) -> Result<SamplesBuffer, AudioError> {
    let decoder = Decoder::new(Cursor::new(bytes))?;
    let channels = decoder.channels();
    let sample_rate = decoder.sample_rate();
    let samples: Vec<_> = decoder.collect();
    Ok(SamplesBuffer::new(channels, sample_rate, samples))
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn break_music_that_is_a_named_pipe_or_a_device_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("break.ogg");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening the pipe would wait for a writer forever.
        for path in [fifo.as_path(), Path::new("/dev/zero")] {
            assert!(
                matches!(probe_music(path), Err(MusicProblem::Read(_))),
                "{}",
                path.display()
            );
        }
    }

    #[test]
    fn bundled_cues_decode_and_are_short() {
        for (name, bytes, max_seconds) in [
            ("click", CLICK, 0.2),
            ("tick", TICK, 0.2),
            ("gong", GONG, 3.0),
        ] {
            let buffer = decode(bytes).unwrap();
            let seconds = buffer.total_duration().unwrap().as_secs_f32();
            assert!(
                seconds > 0.0 && seconds <= max_seconds,
                "{name}: {seconds} s"
            );
        }
    }
}
