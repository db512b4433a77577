//! Whether a deck is ready for the show: the report behind `pecha check` and the app's deck list.
//!
//! [`check_deck`] takes a loaded [`Deck`] (see [`crate::deck`]) and looks at everything that can
//! go wrong on the night, so a presenter or host can fix it all in one go before doors open:
//! - errors, which make a deck not ready: the slide count differs from the format's, an image is
//!   missing, an image does not decode;
//! - warnings, which still let the show go on: mixed aspect ratios, images below 1280 x 720,
//!   notes too long to say in the slide's time, files over 20 MB.
//!
//! Every image is decoded for real, in parallel, under [`decode_limits`], so a truncated file or
//! a decompression bomb is found here rather than on the projector; how an image is decoded,
//! and what is said of one that cannot be, is in `decode.rs`, and serves the slide pipeline too
//! through [`decode_image`]. [`quick_check`] is the part that needs no decoding, for every deck
//! the app opens. A whole night's report ([`check_night`]) is in `night.rs`.

mod decode;
mod night;

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::deck::{Deck, Format};
use crate::text::clock_time;
use crate::tr;

pub use decode::{
    ImageInfo, ImageProblem, MAX_DECODE_BYTES, MAX_IMAGE_SIDE, decode_image, decode_limits,
    probe_image,
};
pub use night::{
    MusicProblem, NightReport, TalkCheck, break_music_problems, check_night, check_talk,
    check_talk_with,
};

use decode::{mebibytes, sniff};

/// Smallest image that does not look soft on a 720p projector.
pub const MIN_SIZE: (u32, u32) = (1280, 720);
/// Files above this size get a warning: they slow loading on old laptops and USB sticks.
pub const LARGE_FILE_BYTES: u64 = 20 * 1024 * 1024;
/// Speaking pace used to decide whether notes fit in a slide's time.
pub const WORDS_PER_SECOND: u64 = 3;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The deck is not ready for the show until this is fixed.
    Error,
    /// Worth fixing, but the show can go on.
    Warning,
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&match self {
            Self::Error => tr!("severity-error"),
            Self::Warning => tr!("severity-warning"),
        })
    }
}

/// What is wrong, as a typed value: worded only when shown ([`Problem`]'s `Display`, in the
/// thread's language), so a check made on another thread (rayon's, the app's file thread) is
/// worded where it is read, and `--json` always says it in English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// Words from elsewhere, made where they were met (in every language): what loading the
    /// deck noticed, why an image cannot be decoded or a file read.
    Said(crate::i18n::Words),
    /// The deck has `slides` slides; `format` needs another number.
    SlideCount {
        /// Slides in the deck.
        slides: usize,
        /// The format it is shown in.
        format: Format,
    },
    /// The images do not share one shape: the most common shape and how many slides have it,
    /// then every other shape with its slides (1-based).
    MixedAspect {
        /// The most common shape (`16:9`) and its slide count.
        majority: (String, usize),
        /// The other shapes and their slides.
        others: Vec<(String, Vec<usize>)>,
    },
    /// The image is smaller than a 720p projector wants.
    BelowMinimum {
        /// Its width in pixels.
        width: u32,
        /// Its height in pixels.
        height: u32,
        /// The smallest width wanted (portrait slides have the sides swapped).
        min_width: u32,
        /// The smallest height wanted.
        min_height: u32,
    },
    /// The file is over [`LARGE_FILE_BYTES`].
    LargeFile {
        /// Its size in MB, rounded up.
        megabytes: u64,
    },
    /// More words of notes than can be said in the slide's time.
    NotesTooLong {
        /// Words in the notes.
        words: u64,
        /// The slide's seconds.
        seconds: u64,
    },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            Self::Said(words) => return write!(f, "{words}"),
            Self::SlideCount { slides, format } => {
                let name = if format.is_standard() {
                    format.name().to_owned()
                } else {
                    format.describe()
                };
                tr!(
                    "check-slide-count",
                    slides = (*slides),
                    format = name,
                    needed = format.slide_count()
                )
            }
            Self::MixedAspect { majority, others } => {
                let mut parts = vec![tr!(
                    "check-aspect-majority",
                    shape = majority.0.as_str(),
                    slides = majority.1
                )];
                for (shape, slides) in others {
                    let numbers: Vec<String> = slides.iter().map(ToString::to_string).collect();
                    parts.push(tr!(
                        "check-aspect-other",
                        shape = shape.as_str(),
                        count = slides.len(),
                        slides = numbers.join(", ")
                    ));
                }
                tr!("check-aspect", shapes = parts.join(", "))
            }
            Self::BelowMinimum {
                width,
                height,
                min_width,
                min_height,
            } => tr!(
                "check-below-minimum",
                width = (*width),
                height = (*height),
                min_width = (*min_width),
                min_height = (*min_height)
            ),
            Self::LargeFile { megabytes } => tr!(
                "check-large-file",
                size = (*megabytes),
                limit = mebibytes(LARGE_FILE_BYTES)
            ),
            Self::NotesTooLong { words, seconds } => tr!(
                "check-notes-too-long",
                words = (*words),
                seconds = (*seconds),
                fits = (WORDS_PER_SECOND * seconds),
                pace = WORDS_PER_SECOND
            ),
        };
        f.write_str(&text)
    }
}

/// One problem found in a deck.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The slide it is about, counting from 1; `None` for the deck as a whole.
    pub slide: Option<usize>,
    /// The slide's image, relative to the deck's folder where possible (as written in the deck).
    pub file: Option<PathBuf>,
    /// What is wrong.
    pub problem: Problem,
}

/// A finding as `--json` writes it: `message` in English whatever the language.
impl Serialize for Finding {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Json<'a> {
            severity: Severity,
            slide: Option<usize>,
            #[serde(serialize_with = "lossy_path_option")]
            file: &'a Option<PathBuf>,
            message: String,
        }
        Json {
            severity: self.severity,
            slide: self.slide,
            file: &self.file,
            message: crate::i18n::in_language(crate::i18n::Language::En, || self.message()),
        }
        .serialize(serializer)
    }
}

impl Finding {
    /// What is wrong, in words, in this thread's language.
    #[must_use]
    pub fn message(&self) -> String {
        self.problem.to_string()
    }

    /// The finding without its severity, as the app and the report show it:
    /// `slide 4 (04.jpg): image is missing`, `slide 4: image is missing`, or only the message
    /// for the deck as a whole (`19 slides, PechaKucha needs 20`).
    #[must_use]
    pub fn describe(&self) -> String {
        match (self.slide, &self.file) {
            (Some(slide), Some(file)) => tr!(
                "check-slide-file",
                slide = slide,
                file = crate::text::shown(&file).to_string(),
                problem = self.message()
            ),
            (Some(slide), None) => tr!("check-slide", slide = slide, problem = self.message()),
            (None, _) => self.message(),
        }
    }
}

impl fmt::Display for Finding {
    /// `error: slide 4 (04.jpg): image is missing`, or `error: 19 slides, PechaKucha needs 20`:
    /// the severity, then [`Finding::describe`] (a file without a slide is named before the
    /// message, `error: 04.jpg: ...`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.slide, &self.file) {
            (None, Some(file)) => {
                write!(
                    f,
                    "{}: {}: {}",
                    self.severity,
                    crate::text::shown(&file),
                    self.message()
                )
            }
            _ => write!(f, "{}: {}", self.severity, self.describe()),
        }
    }
}

/// Everything [`check_deck`] found, ready to print as text or JSON.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Report {
    /// Where the deck was loaded from.
    #[serde(serialize_with = "lossy_path")]
    pub deck: PathBuf,
    /// The deck's title.
    pub title: String,
    /// The deck's presenter, possibly empty.
    pub presenter: String,
    /// The deck's format (its name in JSON: `PechaKucha`, `Ignite` or `Custom`).
    #[serde(serialize_with = "format_name")]
    pub format: Format,
    /// Slides the deck has.
    pub slide_count: usize,
    /// Slides the format needs.
    pub expected_slides: usize,
    /// Seconds each slide stays on screen.
    pub seconds_per_slide: u64,
    /// Length of the talk in seconds, as the format says.
    pub total_seconds: u64,
    /// No errors: the deck can be shown. Warnings are allowed.
    pub ready: bool,
    /// Errors first, then warnings; deck-wide findings before those of slides, slides in order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether the deck can be shown: no errors (warnings allowed).
    #[must_use]
    pub fn is_ready(&self) -> bool {
        self.ready
    }

    /// The findings that make the deck not ready.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }

    /// The findings that do not stop the show.
    pub fn warnings(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
    }

    /// One line: `ready: 20 slides x 20 s (PechaKucha), 6:40`, with `, 2 warnings` when there
    /// are some, or `not ready: 3 problems`.
    #[must_use]
    pub fn summary(&self) -> String {
        let errors = self.errors().count();
        let warnings = self.warnings().count();
        let mut line = if self.ready {
            tr!(
                "check-ready",
                slides = self.slide_count,
                seconds = self.seconds_per_slide,
                format = self.format.name(),
                length = clock_time(self.total_seconds)
            )
        } else {
            tr!("check-not-ready", problems = errors)
        };
        if warnings > 0 {
            let _ = write!(line, ", {}", tr!("check-warnings", warnings = warnings));
        }
        line
    }

    /// The summary line, then one line per finding; every line ends with a newline.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut text = self.summary();
        text.push('\n');
        for finding in &self.findings {
            let _ = writeln!(text, "{finding}");
        }
        text
    }

    /// The whole report as pretty-printed JSON, for scripts.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Every field serializes (paths lossily), so this cannot fail; stay total all the same.
        serde_json::to_string_pretty(self)
            .unwrap_or_else(|e| format!("{{\"error\": {:?}}}", e.to_string()))
    }
}

fn lossy_path<S: Serializer>(path: &Path, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&path.to_string_lossy())
}

#[allow(clippy::ref_option)] // serde's `serialize_with` passes `&Option<_>`.
fn lossy_path_option<S: Serializer>(
    path: &Option<PathBuf>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match path {
        Some(path) => lossy_path(path, serializer),
        None => serializer.serialize_none(),
    }
}

fn format_name<S: Serializer>(format: &Format, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(format.name())
}

/// The size a PDF page is rendered at to check it: small, since it only has to render.
const PDF_CHECK_SIZE: (u32, u32) = (480, 270);

/// Probes one slide: its image decoded for real, or its PDF page rendered for real (small).
///
/// A PDF page reports the size it takes on a 1080p screen: pages are vector drawings rendered at
/// the screen's resolution, so they are never too small, and their shape is their own. The PDF's
/// file size is not a slide's, so it is not reported.
fn probe_slide(slide: &crate::deck::Slide) -> Result<ImageInfo, ImageProblem> {
    let Some(page) = slide.page else {
        return probe_image(&slide.image);
    };
    let size = crate::pdf::page_size(&slide.image, page)?;
    crate::pdf::render_page(&slide.image, page, PDF_CHECK_SIZE)?;
    let (width, height) = crate::pdf::fitted_size(size, (1920, 1080));
    Ok(ImageInfo {
        width,
        height,
        file_size: 0,
    })
}

/// What can be told about a deck shown in `format` without decoding a picture: the slide count,
/// and each slide's file read and sniffed (missing, empty, not an image, a JPEG cut short).
/// Quick enough for every deck the app opens, on a background thread; [`check_deck`] decodes
/// every picture and says more.
#[must_use]
pub fn quick_check(deck: &Deck, format: Format) -> Vec<Finding> {
    let mut findings: Vec<Finding> = deck_findings(deck, format)
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .collect();
    for (index, slide) in deck.slides.iter().enumerate() {
        let problem = if slide.page.is_some() {
            // A PDF's page is only known by rendering it; here, only that the file is there.
            match fs::metadata(&slide.image) {
                Err(error) => Some(crate::i18n::Words::of(|| crate::deck::io_reason(&error))),
                Ok(_) => None,
            }
        } else {
            sniff(&slide.image)
                .err()
                .map(|problem| crate::i18n::Words::of(|| problem.to_string()))
        };
        if let Some(message) = problem {
            findings.push(Finding {
                severity: Severity::Error,
                slide: Some(index + 1),
                file: Some(relative_file(deck, &slide.image)),
                problem: Problem::Said(message),
            });
        }
    }
    findings
}

/// A slide's file as `pecha check` names it: relative to the deck's folder.
fn relative_file(deck: &Deck, image: &Path) -> PathBuf {
    image
        .strip_prefix(&deck.base_dir)
        .ok()
        .filter(|relative| !relative.as_os_str().is_empty())
        .unwrap_or(image)
        .to_path_buf()
}

/// What concerns the deck as a whole: what loading noticed, and the slide count for `format`.
fn deck_findings(deck: &Deck, format: Format) -> Vec<Finding> {
    let mut findings: Vec<Finding> = deck
        .load_warnings
        .iter()
        .map(|message| Finding {
            severity: Severity::Warning,
            slide: None,
            file: None,
            problem: Problem::Said(message.clone()),
        })
        .collect();
    let expected = format.slide_count();
    if deck.slides.len() != expected {
        findings.push(Finding {
            severity: Severity::Error,
            slide: None,
            file: None,
            problem: Problem::SlideCount {
                slides: deck.slides.len(),
                format,
            },
        });
    }
    findings
}

/// Checks a deck for the show: the slide count, then every image, decoded in parallel.
///
/// Never fails: whatever is wrong becomes a [`Finding`] in the report.
#[must_use]
pub fn check_deck(deck: &Deck) -> Report {
    check_deck_counting(deck, &AtomicUsize::new(0))
}

/// [`check_deck`], counting the slides probed in `slides_done` as it goes: another thread reading
/// it sees the check move on, and can tell a slow deck (many big pictures) from a stuck file (a
/// hung network share), which never moves.
pub fn check_deck_counting(deck: &Deck, slides_done: &AtomicUsize) -> Report {
    let format = deck.format;
    let probes: Vec<Result<ImageInfo, ImageProblem>> = deck
        .slides
        .par_iter()
        .map(|slide| {
            let probe = probe_slide(slide);
            slides_done.fetch_add(1, Ordering::Relaxed);
            probe
        })
        .collect();

    let mut findings = deck_findings(deck, format);
    let expected = format.slide_count();
    if let Some(problem) = aspect_ratio_warning(&probes) {
        findings.push(Finding {
            severity: Severity::Warning,
            slide: None,
            file: None,
            problem,
        });
    }

    let seconds = format.seconds_per_slide();
    for (index, (slide, probe)) in deck.slides.iter().zip(&probes).enumerate() {
        let file = relative_file(deck, &slide.image);
        let mut add = |severity, problem: Problem| {
            findings.push(Finding {
                severity,
                slide: Some(index + 1),
                file: Some(file.clone()),
                problem,
            });
        };
        match probe {
            Err(problem) => add(
                Severity::Error,
                Problem::Said(crate::i18n::Words::of(|| problem.to_string())),
            ),
            Ok(info) => {
                // A portrait slide is held to the same size turned on its side.
                let (min_width, min_height) = if info.height > info.width {
                    (MIN_SIZE.1, MIN_SIZE.0)
                } else {
                    MIN_SIZE
                };
                // A PDF page is drawn at the screen's size: it is never too small.
                if slide.page.is_none() && (info.width < min_width || info.height < min_height) {
                    add(
                        Severity::Warning,
                        Problem::BelowMinimum {
                            width: info.width,
                            height: info.height,
                            min_width,
                            min_height,
                        },
                    );
                }
                if info.file_size > LARGE_FILE_BYTES {
                    add(
                        Severity::Warning,
                        Problem::LargeFile {
                            megabytes: mebibytes(info.file_size),
                        },
                    );
                }
            }
        }
        let words = slide.notes.split_whitespace().count() as u64;
        if words > WORDS_PER_SECOND * seconds {
            add(Severity::Warning, Problem::NotesTooLong { words, seconds });
        }
    }
    // Stable: errors first, each group keeping deck-wide findings first and slides in order.
    findings.sort_by_key(|f| f.severity != Severity::Error);

    Report {
        deck: deck.source.clone(),
        title: deck.title.clone(),
        presenter: deck.presenter.clone(),
        format,
        slide_count: deck.slides.len(),
        expected_slides: expected,
        seconds_per_slide: seconds,
        total_seconds: format.total().as_secs(),
        ready: findings.iter().all(|f| f.severity != Severity::Error),
        findings,
    }
}

/// `mixed aspect ratios: 16:9 on 18 slides, 4:3 on slides 3, 9` when the decodable images do not
/// all share one shape; slides are named for every shape but the most common one.
fn aspect_ratio_warning(probes: &[Result<ImageInfo, ImageProblem>]) -> Option<Problem> {
    // Shapes in order of first appearance, each with its slides (1-based).
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut index_of: HashMap<String, usize> = HashMap::new();
    for (index, probe) in probes.iter().enumerate() {
        let Ok(info) = probe else { continue };
        let label = aspect_label(info.width, info.height);
        let group = *index_of.entry(label.clone()).or_insert_with(|| {
            groups.push((label, Vec::new()));
            groups.len() - 1
        });
        groups[group].1.push(index + 1);
    }
    if groups.len() < 2 {
        return None;
    }
    // The most common shape; the first one seen wins a tie.
    let majority = groups
        .iter()
        .enumerate()
        .max_by(|(ia, a), (ib, b)| a.1.len().cmp(&b.1.len()).then(ib.cmp(ia)))
        .map_or(0, |(index, _)| index);
    let others = groups
        .iter()
        .enumerate()
        .filter(|&(index, _)| index != majority)
        .map(|(_, group)| group.clone())
        .collect();
    Some(Problem::MixedAspect {
        majority: (groups[majority].0.clone(), groups[majority].1.len()),
        others,
    })
}

/// A name for an image's shape: a common ratio within 1% (`16:9`, `4:3`...), else the exact
/// ratio when it is small (`5:2`), else a decimal (`1.85:1`).
fn aspect_label(width: u32, height: u32) -> String {
    const COMMON: &[(u32, u32)] = &[
        (16, 9),
        (4, 3),
        (16, 10),
        (3, 2),
        (1, 1),
        (5, 4),
        (21, 9),
        (9, 16),
        (3, 4),
        (2, 3),
    ];
    if height == 0 || width == 0 {
        return format!("{width}:{height}");
    }
    let ratio = f64::from(width) / f64::from(height);
    for &(w, h) in COMMON {
        let common = f64::from(w) / f64::from(h);
        if (ratio / common - 1.0).abs() < 0.01 {
            return format!("{w}:{h}");
        }
    }
    let divisor = gcd(width, height);
    let (w, h) = (width / divisor, height / divisor);
    if w <= 32 && h <= 32 {
        format!("{w}:{h}")
    } else {
        format!("{ratio:.2}:1")
    }
}

fn gcd(mut a: u32, mut b: u32) -> u32 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aspect_labels() {
        for (w, h, label) in [
            (1920, 1080, "16:9"),
            (1366, 768, "16:9"),
            (1024, 768, "4:3"),
            (1920, 1200, "16:10"),
            (1000, 1000, "1:1"),
            (1080, 1920, "9:16"),
            (2500, 1000, "5:2"),
            (1998, 1080, "1.85:1"),
        ] {
            assert_eq!(aspect_label(w, h), label, "{w} x {h}");
        }
    }

    #[test]
    fn findings_are_described_with_their_slide_and_file() {
        let finding = |slide, file: Option<&str>| Finding {
            severity: Severity::Error,
            slide,
            file: file.map(PathBuf::from),
            problem: Problem::Said(crate::i18n::Words::untranslated(
                "image is missing".to_owned(),
            )),
        };
        for (finding, described, shown) in [
            (
                finding(Some(4), Some("04.png")),
                "slide 4 (04.png): image is missing",
                "error: slide 4 (04.png): image is missing",
            ),
            (
                finding(Some(4), None),
                "slide 4: image is missing",
                "error: slide 4: image is missing",
            ),
            (
                finding(None, None),
                "image is missing",
                "error: image is missing",
            ),
            (
                finding(None, Some("04.png")),
                "image is missing",
                "error: 04.png: image is missing",
            ),
        ] {
            assert_eq!(finding.describe(), described);
            assert_eq!(finding.to_string(), shown);
        }
    }
}
