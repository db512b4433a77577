//! `--trace FILE`: when each slide was due and when the projector frame showing it reached the
//! screen.
//!
//! This is how Pecha's timing promise is checked from outside the engine: one CSV row per slide
//! shown, `slide,scheduled_ms,presented_ms`, both measured from the talk's start on the same
//! clock. "Presented" is the moment the renderer had finished drawing the projector's frame
//! showing the slide, right before its swap onto the screen (see [`crate::ui::feed`] for how,
//! and the README for how close that is to the pixels changing). The talk's start is itself the
//! instant slide 1 was presented, so slide 1's row reads 0 there. A slide the talk showed while no
//! projector presented it (the window closed, by the host or from outside) still has its row,
//! with `presented_ms` empty: the trace says what the audience missed instead of leaving it out.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::timing::{Intervention, LogEvent, Talk};

/// One slide shown on the projector.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TraceRow {
    /// Slide number, 1-based.
    pub slide: usize,
    /// When it was due, from the talk's start.
    pub scheduled: Duration,
    /// When the projector frame showing it was presented, from the talk's start; `None` when no
    /// projector frame showed it (the projector window was closed).
    pub presented: Option<Duration>,
}

/// Why the trace could not be written.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("trace-write", file = path.display().to_string(), error = source.to_string()))]
pub struct TraceError {
    path: PathBuf,
    source: std::io::Error,
}

/// Collects rows during the talk and writes them at the end.
#[derive(Debug)]
pub struct TraceRecorder {
    path: PathBuf,
    rows: Vec<TraceRow>,
}

impl TraceRecorder {
    /// A recorder that will write to `path`.
    #[must_use]
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            rows: Vec::new(),
        }
    }

    /// The projector presented a frame showing `slide` at caller time `now`. Only the first
    /// frame of each showing counts.
    pub fn presented(&mut self, talk: &Talk, slide: usize, now: Duration) {
        let log = talk.log();
        let Some(start) = talk_start(talk) else {
            return;
        };
        let Some(shown) = log
            .iter()
            .rev()
            .find(|entry| entry.event == LogEvent::SlideShown { slide })
        else {
            return;
        };
        let scheduled = shown.wall.saturating_sub(start);
        if self.has_row(slide, scheduled) {
            return;
        }
        self.rows.push(TraceRow {
            slide,
            scheduled,
            presented: Some(now.saturating_sub(start)),
        });
    }

    /// Add a row, with no presentation time, for every slide `talk` showed that no projector
    /// frame presented (the window was closed), so that the trace has every slide of the talk;
    /// called before [`Self::write`].
    pub fn complete(&mut self, talk: &Talk) {
        let log = talk.log();
        let Some(start) = talk_start(talk) else {
            return;
        };
        for entry in log {
            let LogEvent::SlideShown { slide } = entry.event else {
                continue;
            };
            let Some(scheduled) = entry.wall.checked_sub(start) else {
                continue;
            };
            if !self.has_row(slide, scheduled) {
                self.rows.push(TraceRow {
                    slide,
                    scheduled,
                    presented: None,
                });
            }
        }
        self.rows.sort_by_key(|row| row.scheduled);
    }

    /// Whether the showing of `slide` due at `scheduled` has its row already.
    fn has_row(&self, slide: usize, scheduled: Duration) -> bool {
        self.rows
            .iter()
            .any(|row| row.slide == slide && row.scheduled == scheduled)
    }

    /// The rows so far.
    #[must_use]
    pub fn rows(&self) -> &[TraceRow] {
        &self.rows
    }

    /// The CSV text.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("slide,scheduled_ms,presented_ms\n");
        for row in &self.rows {
            let presented = row.presented.map_or_else(String::new, |presented| {
                format!("{:.3}", presented.as_secs_f64() * 1000.0)
            });
            let _ = writeln!(
                csv,
                "{},{:.3},{presented}",
                row.slide,
                row.scheduled.as_secs_f64() * 1000.0,
            );
        }
        csv
    }

    /// Write the CSV next to its target, then rename: never a half-written file.
    pub fn write(&self) -> Result<(), TraceError> {
        write_atomically(&self.path, self.to_csv().as_bytes()).map_err(|source| TraceError {
            path: self.path.clone(),
            source,
        })
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes)?;
    std::fs::rename(&partial, path)
}

/// When `talk` started, on the caller's clock (the trace counts from there).
fn talk_start(talk: &Talk) -> Option<Duration> {
    talk.log()
        .iter()
        .find(|entry| entry.event == LogEvent::Intervention(Intervention::Start))
        .map(|entry| entry.wall)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::timing::Timing;

    #[test]
    fn rows_measure_from_the_start_and_count_each_showing_once() {
        let mut talk = Talk::new(Timing::new(3, Duration::from_secs(2)));
        let start = Duration::from_secs(100);
        talk.start(start);
        let mut recorder = TraceRecorder::new(PathBuf::from("unused.csv"));
        for millis in [0, 5, 2_004, 2_010, 4_016] {
            let now = start + Duration::from_millis(millis);
            talk.update(now);
            recorder.presented(&talk, talk.current_slide(now), now);
        }
        let rows: Vec<(usize, u128, u128)> = recorder
            .rows()
            .iter()
            .map(|row| {
                (
                    row.slide,
                    row.scheduled.as_millis(),
                    row.presented.unwrap().as_millis(),
                )
            })
            .collect();
        assert_eq!(rows, vec![(1, 0, 0), (2, 2_000, 2_004), (3, 4_000, 4_016)]);
        assert!(
            recorder
                .to_csv()
                .starts_with("slide,scheduled_ms,presented_ms\n1,0.000,0.000\n")
        );
    }

    #[test]
    fn slides_no_projector_presented_keep_their_row_without_a_time() {
        let mut talk = Talk::new(Timing::new(3, Duration::from_secs(2)));
        let start = Duration::from_secs(100);
        talk.start(start);
        let mut recorder = TraceRecorder::new(PathBuf::from("unused.csv"));
        recorder.presented(&talk, 1, start + Duration::from_millis(3));
        // The projector window is gone: slides 2 and 3 are shown on no projector.
        talk.update(start + Duration::from_secs(5));
        recorder.complete(&talk);
        recorder.complete(&talk);
        assert_eq!(
            recorder.to_csv(),
            "slide,scheduled_ms,presented_ms\n1,0.000,3.000\n2,2000.000,\n3,4000.000,\n"
        );
    }

    #[test]
    fn writes_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trace.csv");
        let recorder = TraceRecorder::new(path.clone());
        recorder.write().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "slide,scheduled_ms,presented_ms\n"
        );
        assert!(!dir.path().join("trace.csv.partial").exists());
    }
}
