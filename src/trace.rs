//! `--trace FILE`: when each slide was due and when the projector frame showing it was painted.
//!
//! This is how Pecha's timing promise is checked from outside the engine: one CSV row per slide
//! shown, `slide,scheduled_ms,painted_ms`, both measured from the talk's start on the same clock.
//! "Painted" is the moment the projector's frame showing the slide was built and handed to the
//! renderer (the GPU swap follows within the same frame). A slide the talk showed while the
//! projector could not (its window closed, its monitor unplugged) has a row with `painted_ms`
//! empty: the talk went through it, the audience did not see it.

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
    /// When the projector frame showing it was painted, from the talk's start; `None` when the
    /// projector never painted it.
    pub painted: Option<Duration>,
}

/// Why the trace could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write the trace {path}: {source}")]
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

    /// The projector just painted a frame showing `slide` at caller time `now`. Only the first
    /// frame of each showing counts.
    pub fn painted(&mut self, talk: &Talk, slide: usize, now: Duration) {
        let log = talk.log();
        let Some(start) = log
            .iter()
            .find(|entry| entry.event == LogEvent::Intervention(Intervention::Start))
            .map(|entry| entry.wall)
        else {
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
        if self
            .rows
            .iter()
            .any(|row| row.slide == slide && row.scheduled == scheduled)
        {
            return;
        }
        self.rows.push(TraceRow {
            slide,
            scheduled,
            painted: Some(now.saturating_sub(start)),
        });
    }

    /// The talk is over (or the app quits): a row for each slide it showed that the projector
    /// never painted, all rows in the order the slides were due.
    pub fn finish(&mut self, talk: &Talk) {
        let log = talk.log();
        let Some(start) = log
            .iter()
            .find(|entry| entry.event == LogEvent::Intervention(Intervention::Start))
            .map(|entry| entry.wall)
        else {
            return;
        };
        for entry in log {
            let LogEvent::SlideShown { slide } = entry.event else {
                continue;
            };
            let scheduled = entry.wall.saturating_sub(start);
            if !self
                .rows
                .iter()
                .any(|row| row.slide == slide && row.scheduled == scheduled)
            {
                self.rows.push(TraceRow {
                    slide,
                    scheduled,
                    painted: None,
                });
            }
        }
        self.rows.sort_by_key(|row| row.scheduled);
    }

    /// The rows so far.
    #[must_use]
    pub fn rows(&self) -> &[TraceRow] {
        &self.rows
    }

    /// The CSV text.
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut csv = String::from("slide,scheduled_ms,painted_ms\n");
        for row in &self.rows {
            let painted = row
                .painted
                .map(|painted| format!("{:.3}", painted.as_secs_f64() * 1000.0))
                .unwrap_or_default();
            let _ = writeln!(
                csv,
                "{},{:.3},{painted}",
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
            recorder.painted(&talk, talk.current_slide(now), now);
        }
        let rows: Vec<(usize, u128, u128)> = recorder
            .rows()
            .iter()
            .map(|row| {
                (
                    row.slide,
                    row.scheduled.as_millis(),
                    row.painted.unwrap().as_millis(),
                )
            })
            .collect();
        assert_eq!(rows, vec![(1, 0, 0), (2, 2_000, 2_004), (3, 4_000, 4_016)]);
        assert!(
            recorder
                .to_csv()
                .starts_with("slide,scheduled_ms,painted_ms\n1,0.000,0.000\n")
        );
    }

    #[test]
    fn a_slide_the_projector_never_painted_has_a_row_without_a_time() {
        let mut talk = Talk::new(Timing::new(3, Duration::from_secs(2)));
        let start = Duration::from_secs(100);
        talk.start(start);
        let mut recorder = TraceRecorder::new(PathBuf::from("unused.csv"));
        // Slide 2 comes and goes while the projector is away.
        for millis in [0, 4_030] {
            let now = start + Duration::from_millis(millis);
            talk.update(now);
            recorder.painted(&talk, talk.current_slide(now), now);
        }
        talk.update(start + Duration::from_secs(6));
        recorder.finish(&talk);
        assert_eq!(
            recorder.to_csv(),
            "slide,scheduled_ms,painted_ms\n1,0.000,0.000\n2,2000.000,\n3,4000.000,4030.000\n"
        );
        // Finishing twice adds nothing.
        recorder.finish(&talk);
        assert_eq!(recorder.rows().len(), 3);
    }

    #[test]
    fn writes_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("trace.csv");
        let recorder = TraceRecorder::new(path.clone());
        recorder.write().unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "slide,scheduled_ms,painted_ms\n"
        );
        assert!(!dir.path().join("trace.csv.partial").exists());
    }
}
