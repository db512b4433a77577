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
//! a decompression bomb is found here rather than on the projector. The same limits and the same
//! error messages serve the slide pipeline through [`decode_image`].

use std::collections::HashMap;
use std::fmt::{self, Write as _};
use std::fs;
use std::io::{self, Cursor};
use std::path::{Path, PathBuf};

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};
use rayon::prelude::*;
use serde::{Serialize, Serializer};

use crate::deck::{Deck, Format};
use crate::text::{clock_time, plural};

/// Widest and tallest image pecha decodes, in pixels. 8K (7680 x 4320) fits with room to spare.
pub const MAX_IMAGE_SIDE: u32 = 16_384;
/// Most memory one decode may take: 512 MiB, a 16-bit RGBA 8K image with headroom.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;
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
        f.write_str(match self {
            Self::Error => "error",
            Self::Warning => "warning",
        })
    }
}

/// One problem found in a deck.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// The slide it is about, counting from 1; `None` for the deck as a whole.
    pub slide: Option<usize>,
    /// The slide's image, relative to the deck's folder where possible (as written in the deck).
    #[serde(serialize_with = "lossy_path_option")]
    pub file: Option<PathBuf>,
    /// What is wrong, in words.
    pub message: String,
}

impl Finding {
    /// The finding without its severity, as the app and the report show it:
    /// `slide 4 (04.jpg): image is missing`, `slide 4: image is missing`, or only the message
    /// for the deck as a whole (`19 slides, PechaKucha needs 20`).
    #[must_use]
    pub fn describe(&self) -> String {
        match (self.slide, &self.file) {
            (Some(slide), Some(file)) => {
                format!("slide {slide} ({}): {}", file.display(), self.message)
            }
            (Some(slide), None) => format!("slide {slide}: {}", self.message),
            (None, _) => self.message.clone(),
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
                write!(f, "{}: {}: {}", self.severity, file.display(), self.message)
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
            format!(
                "ready: {} slides x {} s ({}), {}",
                self.slide_count,
                self.seconds_per_slide,
                self.format,
                clock_time(self.total_seconds)
            )
        } else {
            format!("not ready: {}", plural(errors, "problem"))
        };
        if warnings > 0 {
            let _ = write!(line, ", {}", plural(warnings, "warning"));
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

/// The limits every slide image is decoded under: at most [`MAX_IMAGE_SIDE`] pixels a side and
/// [`MAX_DECODE_BYTES`] of memory. Shared by `pecha check` and the slide pipeline.
#[must_use]
pub fn decode_limits() -> Limits {
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_IMAGE_SIDE);
    limits.max_image_height = Some(MAX_IMAGE_SIDE);
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    limits
}

/// What [`probe_image`] learnt about an image that decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImageInfo {
    /// Width as shown, in pixels (after the EXIF orientation of camera photos).
    pub width: u32,
    /// Height as shown, in pixels.
    pub height: u32,
    /// Size of the file in bytes.
    pub file_size: u64,
}

/// Why an image cannot be shown. The `Display` form is a message about the image without its
/// path (the caller puts the slide and file in front): `image is missing`.
#[derive(Debug, thiserror::Error)]
pub enum ImageProblem {
    /// No file at that path.
    #[error("image is missing{}", match .similar {
        Some(name) => format!(" (there is `{name}`: file names are case-sensitive)"),
        None => String::new(),
    })]
    Missing {
        /// A file in the same folder whose name differs only in case, a common slip when decks
        /// move from Windows or macOS.
        similar: Option<String>,
    },
    /// The path is a folder.
    #[error("is a folder, not an image")]
    NotAFile,
    /// The file exists but cannot be read.
    #[error("cannot read the file: {0}")]
    Io(#[from] io::Error),
    /// Zero bytes.
    #[error("file is empty (0 bytes)")]
    Empty,
    /// Text, such as an HTML error page saved under an image's name.
    #[error("is a text file, not an image")]
    Text,
    /// Not a format pecha reads.
    #[error("is not an image pecha can read (PNG, JPEG, WebP, GIF, BMP or TIFF)")]
    UnknownFormat,
    /// Too big a file to read into memory for decoding.
    #[error("file is {} MB, over the {} MB limit for one image", mebibytes(*.size), mebibytes(MAX_DECODE_BYTES))]
    FileTooLarge {
        /// Size in bytes.
        size: u64,
    },
    /// The header claims more pixels a side than [`MAX_IMAGE_SIDE`]: a decompression bomb or
    /// a mistake. Refused before decoding.
    #[error(
        "claims {width} x {height} pixels, over the {MAX_IMAGE_SIDE} x {MAX_IMAGE_SIDE} limit; not decoded (a decompression bomb or a mistake)"
    )]
    TooManyPixels {
        /// Width the header claims.
        width: u32,
        /// Height the header claims.
        height: u32,
    },
    /// Decoding would take more than [`MAX_DECODE_BYTES`] of memory. Refused before decoding.
    #[error(
        "{width} x {height} pixels would need {} MB to decode, over the {} MB limit; not decoded",
        mebibytes(*.bytes), mebibytes(MAX_DECODE_BYTES)
    )]
    TooMuchMemory {
        /// Width the header claims.
        width: u32,
        /// Height the header claims.
        height: u32,
        /// Bytes the decoded image would take.
        bytes: u64,
    },
    /// The file ends before the image data does (an interrupted copy or download).
    #[error("{format} file is truncated: it ends before the image does")]
    Truncated {
        /// `JPEG`, `PNG`...
        format: &'static str,
    },
    /// The decoder refused the data.
    #[error("does not decode as {format}: {message}")]
    Decode {
        /// `JPEG`, `PNG`...
        format: &'static str,
        /// The decoder's reason.
        message: String,
    },
    /// A PDF deck's page cannot be shown.
    #[error("{0}")]
    Pdf(#[from] crate::pdf::PdfProblem),
}

fn mebibytes(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// Display name of an image format, for messages.
fn format_label(format: ImageFormat) -> &'static str {
    match format {
        ImageFormat::Png => "PNG",
        ImageFormat::Jpeg => "JPEG",
        ImageFormat::WebP => "WebP",
        ImageFormat::Gif => "GIF",
        ImageFormat::Bmp => "BMP",
        ImageFormat::Tiff => "TIFF",
        _ => "image",
    }
}

/// Decodes the image at `path` for real under [`decode_limits`] and reports its size.
///
/// The decoded pixels are dropped; use [`decode_image`] to keep them.
pub fn probe_image(path: &Path) -> Result<ImageInfo, ImageProblem> {
    let decoded = decode(path)?;
    let (width, height) = match decoded.orientation {
        Orientation::Rotate90
        | Orientation::Rotate270
        | Orientation::Rotate90FlipH
        | Orientation::Rotate270FlipH => (decoded.image.height(), decoded.image.width()),
        _ => (decoded.image.width(), decoded.image.height()),
    };
    Ok(ImageInfo {
        width,
        height,
        file_size: decoded.file_size,
    })
}

/// Decodes the image at `path` under [`decode_limits`], turned upright as its EXIF says.
pub fn decode_image(path: &Path) -> Result<DynamicImage, ImageProblem> {
    let mut decoded = decode(path)?;
    decoded.image.apply_orientation(decoded.orientation);
    Ok(decoded.image)
}

/// An image as decoded, before its orientation is applied.
struct Decoded {
    image: DynamicImage,
    orientation: Orientation,
    file_size: u64,
}

/// An image file read whole and sniffed, not decoded yet.
struct Sniffed {
    bytes: Vec<u8>,
    format: ImageFormat,
    file_size: u64,
}

/// Read the file and tell what it is, without decoding it: catches the missing, the empty, the
/// not-an-image and the JPEG cut short, at the cost of one read.
fn sniff(path: &Path) -> Result<Sniffed, ImageProblem> {
    let metadata = match fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(ImageProblem::Missing {
                similar: same_name_other_case(path),
            });
        }
        Err(e) => return Err(e.into()),
    };
    if metadata.is_dir() {
        return Err(ImageProblem::NotAFile);
    }
    let file_size = metadata.len();
    if file_size == 0 {
        return Err(ImageProblem::Empty);
    }
    if file_size > MAX_DECODE_BYTES {
        return Err(ImageProblem::FileTooLarge { size: file_size });
    }
    let bytes = fs::read(path)?;
    let Ok(format) = image::guess_format(&bytes) else {
        return Err(if looks_like_text(&bytes) {
            ImageProblem::Text
        } else {
            ImageProblem::UnknownFormat
        });
    };
    if format == ImageFormat::Jpeg && !jpeg_is_complete(&bytes) {
        // The JPEG decoder fills a cut-off picture with grey instead of failing.
        return Err(ImageProblem::Truncated {
            format: format_label(format),
        });
    }
    Ok(Sniffed {
        bytes,
        format,
        file_size,
    })
}

fn decode(path: &Path) -> Result<Decoded, ImageProblem> {
    let Sniffed {
        bytes,
        format,
        file_size,
    } = sniff(path)?;
    let label = format_label(format);
    let decode_error = |error: image::ImageError| ImageProblem::Decode {
        format: label,
        message: error.to_string(),
    };

    // Read the header with only the memory limit, so a refusal can say what the file claims.
    let mut header_limits = Limits::default();
    header_limits.max_alloc = Some(MAX_DECODE_BYTES);
    let mut reader = ImageReader::with_format(Cursor::new(&bytes), format);
    reader.limits(header_limits);
    let mut decoder = reader.into_decoder().map_err(decode_error)?;
    let (width, height) = decoder.dimensions();
    if width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE {
        return Err(ImageProblem::TooManyPixels { width, height });
    }
    let bytes_needed = decoder.total_bytes();
    if bytes_needed > MAX_DECODE_BYTES {
        return Err(ImageProblem::TooMuchMemory {
            width,
            height,
            bytes: bytes_needed,
        });
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut limits = decode_limits();
    limits.reserve(bytes_needed).map_err(decode_error)?;
    decoder.set_limits(limits).map_err(decode_error)?;
    let image = DynamicImage::from_decoder(decoder).map_err(decode_error)?;
    Ok(Decoded {
        image,
        orientation,
        file_size,
    })
}

/// Whether the start of a file is text: printable UTF-8 with no NUL bytes.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(512)];
    let text = match std::str::from_utf8(head) {
        Ok(text) => text,
        // A multi-byte character cut at the 512th byte is still text.
        Err(e) if e.error_len().is_none() => {
            std::str::from_utf8(&head[..e.valid_up_to()]).unwrap_or_default()
        }
        Err(_) => return false,
    };
    !text.is_empty()
        && text
            .chars()
            .all(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
}

/// A file next to `path` whose name differs only in letter case.
fn same_name_other_case(path: &Path) -> Option<String> {
    let wanted = path.file_name()?.to_string_lossy().to_lowercase();
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.to_lowercase() == wanted)
}

/// Walks a JPEG's segments to its end-of-image marker; false when the file stops before it.
fn jpeg_is_complete(bytes: &[u8]) -> bool {
    const SOI: u8 = 0xD8;
    const EOI: u8 = 0xD9;
    const SOS: u8 = 0xDA;
    let is_restart = |marker: u8| (0xD0..=0xD7).contains(&marker);
    if bytes.get(..2) != Some(&[0xFF, SOI][..]) {
        return false;
    }
    let mut at = 2;
    loop {
        // Skip anything up to a marker, then its fill bytes.
        while at < bytes.len() && bytes[at] != 0xFF {
            at += 1;
        }
        while at < bytes.len() && bytes[at] == 0xFF {
            at += 1;
        }
        let Some(&marker) = bytes.get(at) else {
            return false;
        };
        at += 1;
        match marker {
            EOI => return true,
            0x01 => {}
            m if is_restart(m) => {}
            _ => {
                let Some(length) = bytes.get(at..at + 2) else {
                    return false;
                };
                let length = usize::from(u16::from_be_bytes([length[0], length[1]]));
                if length < 2 {
                    return false;
                }
                at += length;
                if marker == SOS {
                    // Entropy-coded data: runs until a marker other than a stuffed 0xFF00 or a
                    // restart marker.
                    loop {
                        let Some(&byte) = bytes.get(at) else {
                            return false;
                        };
                        if byte == 0xFF {
                            match bytes.get(at + 1) {
                                None => return false,
                                Some(&next) if next == 0x00 || is_restart(next) => at += 2,
                                Some(_) => break,
                            }
                        } else {
                            at += 1;
                        }
                    }
                }
            }
        }
    }
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
                Err(error) => Some(crate::deck::io_reason(&error)),
                Ok(_) => None,
            }
        } else {
            sniff(&slide.image).err().map(|problem| problem.to_string())
        };
        if let Some(message) = problem {
            findings.push(Finding {
                severity: Severity::Error,
                slide: Some(index + 1),
                file: Some(relative_file(deck, &slide.image)),
                message,
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
            message: message.clone(),
        })
        .collect();
    let expected = format.slide_count();
    if deck.slides.len() != expected {
        findings.push(Finding {
            severity: Severity::Error,
            slide: None,
            file: None,
            message: format!(
                "{}, {} needs {expected}",
                plural(deck.slides.len(), "slide"),
                if format.is_standard() {
                    format.name().to_owned()
                } else {
                    format.describe()
                },
            ),
        });
    }
    findings
}

/// Checks a deck for the show: the slide count, then every image, decoded in parallel.
///
/// Never fails: whatever is wrong becomes a [`Finding`] in the report.
#[must_use]
pub fn check_deck(deck: &Deck) -> Report {
    let format = deck.format;
    let probes: Vec<Result<ImageInfo, ImageProblem>> =
        deck.slides.par_iter().map(probe_slide).collect();

    let mut findings = deck_findings(deck, format);
    let expected = format.slide_count();
    if let Some(message) = aspect_ratio_warning(&probes) {
        findings.push(Finding {
            severity: Severity::Warning,
            slide: None,
            file: None,
            message,
        });
    }

    let seconds = format.seconds_per_slide();
    for (index, (slide, probe)) in deck.slides.iter().zip(&probes).enumerate() {
        let file = relative_file(deck, &slide.image);
        let mut add = |severity, message: String| {
            findings.push(Finding {
                severity,
                slide: Some(index + 1),
                file: Some(file.clone()),
                message,
            });
        };
        match probe {
            Err(problem) => add(Severity::Error, problem.to_string()),
            Ok(info) => {
                // A portrait slide is held to the same size turned on its side.
                let (min_width, min_height) = if info.height > info.width {
                    (MIN_SIZE.1, MIN_SIZE.0)
                } else {
                    MIN_SIZE
                };
                if info.width < min_width || info.height < min_height {
                    add(
                        Severity::Warning,
                        format!(
                            "{} x {} is below {min_width} x {min_height}",
                            info.width, info.height
                        ),
                    );
                }
                if info.file_size > LARGE_FILE_BYTES {
                    add(
                        Severity::Warning,
                        format!(
                            "file is {} MB, over {} MB; it will be slow to load",
                            mebibytes(info.file_size),
                            mebibytes(LARGE_FILE_BYTES)
                        ),
                    );
                }
            }
        }
        let words = slide.notes.split_whitespace().count() as u64;
        if words > WORDS_PER_SECOND * seconds {
            add(
                Severity::Warning,
                format!(
                    "notes are {words} words, too many to say in {seconds} s (about {} at {WORDS_PER_SECOND} words a second)",
                    WORDS_PER_SECOND * seconds
                ),
            );
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
fn aspect_ratio_warning(probes: &[Result<ImageInfo, ImageProblem>]) -> Option<String> {
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
    let mut parts = vec![format!(
        "{} on {}",
        groups[majority].0,
        plural(groups[majority].1.len(), "slide")
    )];
    for (index, (label, slides)) in groups.iter().enumerate() {
        if index != majority {
            let numbers: Vec<String> = slides.iter().map(ToString::to_string).collect();
            let noun = if slides.len() == 1 { "slide" } else { "slides" };
            parts.push(format!("{label} on {noun} {}", numbers.join(", ")));
        }
    }
    Some(format!("mixed aspect ratios: {}", parts.join(", ")))
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

/// One talk of a night, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TalkCheck {
    /// Its place in the running order, from 1 (breaks count).
    pub position: usize,
    /// Who speaks.
    pub presenter: String,
    /// The talk's title (the night's or the deck's), when the deck could be read.
    pub title: String,
    /// The deck.
    #[serde(serialize_with = "lossy_path")]
    pub deck: PathBuf,
    /// The deck's report, when it could be read.
    pub report: Option<Report>,
    /// Why the deck could not be read at all.
    pub error: Option<String>,
    /// Ready for the show.
    pub ready: bool,
}

/// Everything [`check_night`] found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NightReport {
    /// The night file.
    #[serde(serialize_with = "lossy_path")]
    pub night: PathBuf,
    /// The night's title.
    pub title: String,
    /// Every talk, in running order.
    pub talks: Vec<TalkCheck>,
    /// Breaks in the running order.
    pub breaks: usize,
    /// Talks and breaks, in seconds.
    pub total_seconds: u64,
    /// Problems that do not stop the night, such as missing break music.
    pub warnings: Vec<String>,
    /// The break music problems again, by item (0-based, in the night file's order), for the
    /// console's break rows.
    #[serde(skip)]
    pub music_problems: Vec<(usize, String)>,
    /// Every talk is ready.
    pub ready: bool,
}

impl NightReport {
    /// The first line: `Night "…": 3 talks, 1 break, 35:00 in all. Ready.` or
    /// `… Not ready: talk 3 (Тохтар) has problems.`
    #[must_use]
    pub fn summary(&self) -> String {
        let not_ready: Vec<String> = self
            .talks
            .iter()
            .filter(|talk| !talk.ready)
            .map(|talk| format!("{} ({})", talk.position, talk.presenter))
            .collect();
        let verdict = match not_ready.len() {
            0 => "ready".to_owned(),
            1 => format!("not ready: item {} has problems", not_ready[0]),
            _ => format!("not ready: items {} have problems", not_ready.join(", ")),
        };
        format!(
            "Night \"{}\": {}, {}, {} in all: {verdict}",
            self.title,
            plural(self.talks.len(), "talk"),
            plural(self.breaks, "break"),
            clock_time(self.total_seconds)
        )
    }

    /// The summary, then each talk with its verdict and, for talks not ready, their problems.
    #[must_use]
    pub fn to_text(&self) -> String {
        let mut text = self.summary();
        text.push('\n');
        for talk in &self.talks {
            let verdict = if talk.ready { "ready" } else { "NOT READY" };
            let _ = writeln!(
                text,
                "{:>3}. {}{}: {verdict} ({})",
                talk.position,
                talk.presenter,
                // A deck that cannot be read has no title to show.
                if talk.title.is_empty() {
                    String::new()
                } else {
                    format!(" — {}", talk.title)
                },
                talk.deck.display()
            );
            if let Some(error) = &talk.error {
                let _ = writeln!(text, "       error: {error}");
            }
            if let Some(report) = &talk.report {
                for finding in &report.findings {
                    let _ = writeln!(text, "       {finding}");
                }
            }
        }
        for warning in &self.warnings {
            let _ = writeln!(text, "warning: {warning}");
        }
        text
    }

    /// The report as pretty JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Check every deck of a night, each under its talk's name, in the night's format; total the
/// night's length; warn about break music that is missing or will not play. Never fails: a deck that cannot be
/// read is a talk that is not ready.
#[must_use]
pub fn check_night(night: &crate::night::Night) -> NightReport {
    use crate::night::Item;
    let mut talks = Vec::new();
    let mut breaks = 0;
    let mut warnings = Vec::new();
    let mut music_problems = Vec::new();
    for (index, item) in night.running_order.iter().enumerate() {
        let position = index + 1;
        match item {
            Item::Talk(talk) => {
                let check = match night.load_deck(talk) {
                    Ok(deck) => {
                        let report = check_deck(&deck);
                        TalkCheck {
                            position,
                            presenter: talk.presenter.clone(),
                            title: deck.title.clone(),
                            deck: talk.deck.clone(),
                            ready: report.is_ready(),
                            report: Some(report),
                            error: None,
                        }
                    }
                    Err(error) => TalkCheck {
                        position,
                        presenter: talk.presenter.clone(),
                        title: talk.title.clone(),
                        deck: talk.deck.clone(),
                        report: None,
                        error: Some(error.to_string()),
                        ready: false,
                    },
                };
                talks.push(check);
            }
            Item::Break(pause) => {
                breaks += 1;
                for music in &pause.music {
                    if let Err(problem) = crate::audio::probe_music(music) {
                        let message = format!(
                            "music {} {problem}; the break goes on without it",
                            music.display()
                        );
                        warnings.push(format!("item {position} (break): {message}"));
                        music_problems.push((position - 1, message));
                    }
                }
            }
        }
    }
    NightReport {
        night: night.source.clone(),
        title: night.title.clone(),
        ready: talks.iter().all(|talk| talk.ready),
        talks,
        breaks,
        total_seconds: night.length().as_secs(),
        warnings,
        music_problems,
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
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
            message: "image is missing".to_owned(),
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

    #[test]
    fn text_detection() {
        assert!(looks_like_text(b"<html>Not found</html>\n"));
        assert!(looks_like_text("Слайд әғқңөұүһі".as_bytes()));
        assert!(!looks_like_text(&[0x89, b'P', b'N', b'G', 0, 0]));
        assert!(!looks_like_text(b""));
    }

    #[test]
    fn jpeg_structure() {
        // SOI, a comment segment, SOS with one byte of data and a stuffed 0xFF00, EOI.
        let complete = [
            0xFF, 0xD8, 0xFF, 0xFE, 0x00, 0x04, b'h', b'i', 0xFF, 0xDA, 0x00, 0x02, 0x12, 0xFF,
            0x00, 0xFF, 0xD0, 0x34, 0xFF, 0xD9,
        ];
        assert!(jpeg_is_complete(&complete));
        for cut in 0..complete.len() - 1 {
            assert!(!jpeg_is_complete(&complete[..cut]), "cut at {cut}");
        }
    }

    #[test]
    fn limits_allow_8k_and_refuse_more() {
        let limits = decode_limits();
        assert!(limits.check_dimensions(7680, 4320).is_ok());
        assert!(limits.check_dimensions(30_000, 30_000).is_err());
        assert_eq!(limits.max_alloc, Some(MAX_DECODE_BYTES));
    }
}
