//! Decoding a slide's image for real, under limits: what `pecha check` and the slide pipeline
//! both do to an image file.
//!
//! [`probe_image`] and [`decode_image`] read the file once, tell what it is before decoding it
//! (missing, empty, text, a JPEG cut short: [`ImageProblem`]), refuse a header that claims more
//! than [`decode_limits`] allow (a decompression bomb is refused before a byte is decoded), then
//! decode; a decoder that panics on a damaged file is caught, and the file is damaged like any
//! other. The check ([`super::check_deck`]) keeps only the size; the slide pipeline
//! ([`crate::slides`]) keeps the pixels, turned upright as the camera's EXIF says. Both say the
//! same words about the same broken file.

use std::fs;
use std::io::{self, Cursor};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

use crate::tr;

/// Widest and tallest image pecha decodes, in pixels. 8K (7680 x 4320) fits with room to spare.
pub const MAX_IMAGE_SIDE: u32 = 16_384;
/// Most memory one decode may take: 512 MiB, a 16-bit RGBA 8K image with headroom.
pub const MAX_DECODE_BYTES: u64 = 512 * 1024 * 1024;

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
#[derive(Debug)]
pub enum ImageProblem {
    /// No file at that path.
    Missing {
        /// A file in the same folder whose name differs only in case, a common slip when decks
        /// move from Windows or macOS.
        similar: Option<String>,
    },
    /// The path is a folder.
    NotAFile,
    /// The path is a named pipe, a device or a socket: reading it could wait forever.
    NotRegular,
    /// The file exists but cannot be read.
    Io(io::Error),
    /// Zero bytes.
    Empty,
    /// Text, such as an HTML error page saved under an image's name.
    Text,
    /// Not a format pecha reads.
    UnknownFormat,
    /// Too big a file to read into memory for decoding.
    FileTooLarge {
        /// Size in bytes.
        size: u64,
    },
    /// The header claims more pixels a side than [`MAX_IMAGE_SIDE`]: a decompression bomb or
    /// a mistake. Refused before decoding.
    TooManyPixels {
        /// Width the header claims.
        width: u32,
        /// Height the header claims.
        height: u32,
    },
    /// Decoding would take more than [`MAX_DECODE_BYTES`] of memory. Refused before decoding.
    TooMuchMemory {
        /// Width the header claims.
        width: u32,
        /// Height the header claims.
        height: u32,
        /// Bytes the decoded image would take.
        bytes: u64,
    },
    /// The file ends before the image data does (an interrupted copy or download).
    Truncated {
        /// `JPEG`, `PNG`...
        format: &'static str,
    },
    /// The decoder refused the data: in plain words what that means and what to do, then the
    /// decoder's own words for the curious.
    Decode {
        /// `JPEG`, `PNG`...
        format: &'static str,
        /// What kind of refusal it was.
        trouble: DecodeTrouble,
        /// The decoder's reason, as it said it.
        message: String,
    },
    /// A PDF deck's page cannot be shown.
    Pdf(crate::pdf::PdfProblem),
}

impl From<io::Error> for ImageProblem {
    fn from(error: io::Error) -> Self {
        Self::Io(error)
    }
}

impl From<crate::pdf::PdfProblem> for ImageProblem {
    fn from(problem: crate::pdf::PdfProblem) -> Self {
        Self::Pdf(problem)
    }
}

impl std::error::Error for ImageProblem {}

/// In the thread's language (the decoder's own words stay as it said them).
impl std::fmt::Display for ImageProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let limit = mebibytes(MAX_DECODE_BYTES);
        let text = match self {
            Self::Missing {
                similar: Some(name),
            } => {
                tr!("image-missing-similar", similar = name.as_str())
            }
            Self::Missing { similar: None } => tr!("image-missing"),
            Self::NotAFile => tr!("image-folder"),
            Self::NotRegular => tr!("image-not-regular"),
            Self::Io(error) => tr!("image-io", error = error.to_string()),
            Self::Empty => tr!("image-empty"),
            Self::Text => tr!("image-text"),
            Self::UnknownFormat => tr!("image-unknown-format"),
            Self::FileTooLarge { size } => tr!(
                "image-file-too-large",
                size = mebibytes(*size),
                limit = limit
            ),
            Self::TooManyPixels { width, height } => tr!(
                "image-too-many-pixels",
                width = (*width),
                height = (*height),
                side = MAX_IMAGE_SIDE
            ),
            Self::TooMuchMemory {
                width,
                height,
                bytes,
            } => tr!(
                "image-too-much-memory",
                width = (*width),
                height = (*height),
                size = mebibytes(*bytes),
                limit = limit
            ),
            Self::Truncated { format } => tr!("image-truncated", format = (*format)),
            Self::Decode {
                format,
                trouble,
                message,
            } => tr!(
                "image-decode",
                format = (*format),
                trouble = trouble.words(),
                message = message.as_str()
            ),
            Self::Pdf(problem) => return write!(f, "{problem}"),
        };
        f.write_str(&text)
    }
}

/// What kind of refusal a decoder gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeTrouble {
    /// The data is damaged (a bad checksum, a buffer it cannot fill).
    Damaged,
    /// The file uses a feature of its format the decoder cannot read.
    Unsupported,
    /// Anything else the decoder said.
    Other,
}

impl DecodeTrouble {
    fn of(error: &image::ImageError) -> Self {
        match error {
            image::ImageError::Decoding(_) | image::ImageError::IoError(_) => Self::Damaged,
            image::ImageError::Unsupported(_) => Self::Unsupported,
            _ => Self::Other,
        }
    }

    fn words(self) -> String {
        match self {
            Self::Damaged => tr!("decode-damaged"),
            Self::Unsupported => tr!("decode-unsupported"),
            Self::Other => tr!("decode-other"),
        }
    }
}

/// Bytes as whole mebibytes, rounded up, for messages.
pub(super) fn mebibytes(bytes: u64) -> u64 {
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
pub(super) struct Sniffed {
    bytes: Vec<u8>,
    format: ImageFormat,
    file_size: u64,
}

/// Read the file and tell what it is, without decoding it: catches the missing, the empty, the
/// not-an-image and the JPEG cut short, at the cost of one read.
pub(super) fn sniff(path: &Path) -> Result<Sniffed, ImageProblem> {
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
    if !metadata.is_file() {
        return Err(ImageProblem::NotRegular);
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
    let sniffed = sniff(path)?;
    let label = format_label(sniffed.format);
    // The decoders are not ours, and one can panic on a damaged file (png 0.18.1 does on a
    // palette that is not whole RGB triples, image-rs/image-png#694): that is a damaged slide,
    // not the end of `pecha check`'s workers or of the slide pipeline's thread. Nothing the
    // decoder touched outlives the call, so unwinding through it leaves nothing half-done.
    catch_unwind(AssertUnwindSafe(|| decode_sniffed(sniffed))).unwrap_or_else(|panic| {
        let said = panic
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| panic.downcast_ref::<&str>().copied())
            .unwrap_or("no reason given");
        Err(ImageProblem::Decode {
            format: label,
            trouble: DecodeTrouble::Damaged,
            message: format!("it failed on this file ({said})"),
        })
    })
}

fn decode_sniffed(sniffed: Sniffed) -> Result<Decoded, ImageProblem> {
    let Sniffed {
        bytes,
        format,
        file_size,
    } = sniffed;
    let label = format_label(format);
    let decode_error = |error: image::ImageError| ImageProblem::Decode {
        format: label,
        trouble: DecodeTrouble::of(&error),
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
    let mut bytes_needed = decoder.total_bytes();
    if format == ImageFormat::Jpeg {
        bytes_needed = bytes_needed.saturating_add(progressive_coefficient_bytes(&bytes));
    }
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

/// The memory a progressive JPEG's decoder takes besides the picture: it keeps every
/// component's DCT coefficients for the whole image (two bytes a sample, whole 8 x 8 blocks)
/// until the last scan, outside `image`'s memory limits; 0 for a baseline JPEG, which decodes
/// a row of blocks at a time. Without it a 400-byte progressive JPEG claiming 16384 x 10900
/// pixels passed the 512 MiB limit (536 MB of picture) and took 1.1 GB and 8 s to decode.
fn progressive_coefficient_bytes(bytes: &[u8]) -> u64 {
    let Some(frame) = jpeg_frame_header(bytes) else {
        return 0;
    };
    // Start-of-frame markers C2, C6, CA and CE are the progressive ones.
    if !matches!(frame.marker, 0xC2 | 0xC6 | 0xCA | 0xCE) {
        return 0;
    }
    let blocks = |side: u16| u64::from(side).div_ceil(8) * 8;
    2 * blocks(frame.width) * blocks(frame.height) * u64::from(frame.components)
}

/// What a JPEG's start-of-frame segment says.
struct JpegFrame {
    marker: u8,
    width: u16,
    height: u16,
    components: u8,
}

/// The first start-of-frame segment, found by walking the segments (as `jpeg_is_complete`
/// does, skipping stray bytes between them as decoders do), never looking inside one: an EXIF
/// thumbnail has frame headers of its own.
fn jpeg_frame_header(bytes: &[u8]) -> Option<JpegFrame> {
    let mut at = 2;
    loop {
        while *bytes.get(at)? != 0xFF {
            at += 1;
        }
        while *bytes.get(at)? == 0xFF {
            at += 1;
        }
        let marker = bytes[at];
        at += 1;
        match marker {
            // Start of frame (C4, C8 and CC are other segments that share the range).
            0xC0..=0xCF if !matches!(marker, 0xC4 | 0xC8 | 0xCC) => {
                let frame = bytes.get(at..at + 8)?;
                return Some(JpegFrame {
                    marker,
                    height: u16::from_be_bytes([frame[3], frame[4]]),
                    width: u16::from_be_bytes([frame[5], frame[6]]),
                    components: frame[7],
                });
            }
            // Start of scan or end of image before any frame: no frame header.
            0xDA | 0xD9 => return None,
            // Markers without a length.
            0x01 | 0xD0..=0xD8 => {}
            _ => {
                let length = bytes.get(at..at + 2)?;
                at += usize::from(u16::from_be_bytes([length[0], length[1]]));
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

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
    fn a_progressive_jpegs_coefficients_count_against_the_memory_limit() {
        // SOI, an APP0 segment, then a start-of-frame: 8-bit, height, width, 3 components.
        let header = |marker: u8, width: u16, height: u16| {
            let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, b'J', b'F'];
            jpeg.extend_from_slice(&[0xFF, marker, 0x00, 0x11, 8]);
            jpeg.extend_from_slice(&height.to_be_bytes());
            jpeg.extend_from_slice(&width.to_be_bytes());
            jpeg.push(3);
            jpeg
        };
        assert_eq!(progressive_coefficient_bytes(&header(0xC0, 7680, 4320)), 0);
        // An 8K progressive photo fits: 100 MB of picture and 199 MB of coefficients.
        let eight_k = progressive_coefficient_bytes(&header(0xC2, 7680, 4320));
        assert_eq!(eight_k, 2 * 7680 * 4320 * 3);
        assert!(7680 * 4320 * 3 + eight_k < MAX_DECODE_BYTES);
        // From fuzz/slide_image's slow units, grown to the limit: 536 MB of picture, which
        // passed, but 1.6 GB in all.
        let picture: u64 = 16_384 * 10_900 * 3;
        let claimed = progressive_coefficient_bytes(&header(0xC2, 16_384, 10_900));
        assert!(picture < MAX_DECODE_BYTES && picture + claimed > MAX_DECODE_BYTES);
        // Whole blocks; a frame inside a segment does not count; a cut header is none.
        assert_eq!(
            progressive_coefficient_bytes(&header(0xC2, 9, 1)),
            2 * 16 * 8 * 3
        );
        let mut in_a_segment = vec![0xFF, 0xD8, 0xFF, 0xE1, 0x00, 0x0D];
        in_a_segment.extend_from_slice(&header(0xC2, 7680, 4320)[8..]);
        assert_eq!(progressive_coefficient_bytes(&in_a_segment), 0);
        assert_eq!(
            progressive_coefficient_bytes(&header(0xC2, 7680, 4320)[..14]),
            0
        );
    }

    #[test]
    fn limits_allow_8k_and_refuse_more() {
        let limits = decode_limits();
        assert!(limits.check_dimensions(7680, 4320).is_ok());
        assert!(limits.check_dimensions(30_000, 30_000).is_err());
        assert_eq!(limits.max_alloc, Some(MAX_DECODE_BYTES));
    }
}
