//! PDF decks: each page of a PDF is a slide.
//!
//! Organisers get most decks as PDF exports from PowerPoint, Keynote or Google Slides. Pages are
//! rendered by hayro, a pure-Rust renderer, so a PDF deck needs no system library; each page is
//! rendered directly at the size of the screen that shows it (no scaling step, text stays
//! sharp). Like every slide, pages are rendered on background threads, never on the frame path.
//!
//! A worker keeps the last PDF it opened, so rendering page after page of one deck reads and
//! parses the file once. The renderer is young: a page it cannot render (or that makes it
//! panic) becomes an error for that slide, shown as black on the projector, never a crash.

use std::cell::RefCell;
use std::fs;
use std::io;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

use hayro::hayro_interpret::InterpreterSettings;
use hayro::hayro_syntax::page::Page;
use hayro::hayro_syntax::{LoadPdfError, Pdf};
use hayro::vello_cpu::color::palette::css::WHITE;
use hayro::{PixmapSettings, RenderCache, RenderSettings};

/// Largest PDF file read, like the memory limit on images: 512 MiB.
pub const MAX_PDF_BYTES: u64 = 512 * 1024 * 1024;

/// Why a PDF, or one of its pages, cannot be shown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfProblem {
    /// The file is not there.
    #[error("{}", crate::tr!("pdf-missing"))]
    Missing,
    /// The file could not be read.
    #[error("{}", crate::tr!("pdf-io", error = _0.as_str()))]
    Io(String),
    /// Not a PDF, or damaged beyond repair.
    #[error("{}", crate::tr!("pdf-invalid"))]
    Invalid,
    /// Password-protected or encrypted in a way the renderer cannot open.
    #[error("{}", crate::tr!("pdf-encrypted"))]
    Encrypted,
    /// A PDF without pages.
    #[error("{}", crate::tr!("pdf-no-pages"))]
    NoPages,
    /// Bigger than [`MAX_PDF_BYTES`].
    #[error("{}", crate::tr!("pdf-too-large", size = (*mebibytes), limit = (MAX_PDF_BYTES / (1024 * 1024))))]
    TooLarge {
        /// Its size in MiB.
        mebibytes: u64,
    },
    /// The deck names a page the PDF does not have.
    #[error("{}", crate::tr!("pdf-no-such-page", page = (*page), pages = (*pages)))]
    NoSuchPage {
        /// The page asked for, 1-based.
        page: usize,
        /// Pages the PDF has.
        pages: usize,
    },
    /// The page has no size, or the renderer failed on it.
    #[error("{}", crate::tr!("pdf-render", page = (*page), reason = reason.as_str()))]
    Render {
        /// The page, 1-based.
        page: usize,
        /// What went wrong.
        reason: String,
    },
}

/// A rendered page: straight RGBA8, opaque (rendered on white), row-major.
#[derive(Clone)]
pub struct RenderedPage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height * 4` bytes.
    pub rgba: Vec<u8>,
}

impl std::fmt::Debug for RenderedPage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "RenderedPage({} x {})", self.width, self.height)
    }
}

/// An open PDF, remembered with the file's identity so a changed file is read again.
struct OpenPdf {
    path: PathBuf,
    modified: Option<SystemTime>,
    length: u64,
    pdf: Arc<Pdf>,
}

thread_local! {
    /// The PDF this thread rendered last (a slide worker renders page after page of one deck).
    static LAST_OPENED: RefCell<Option<OpenPdf>> = const { RefCell::new(None) };
}

/// Whether [`open`] keeps the PDF for this thread's next call.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Keep {
    /// A worker that renders page after page.
    ForNextPage,
    /// A one-off look (counting pages while a deck loads): nothing stays in memory.
    No,
}

/// Open `path`, or reuse this thread's last opened PDF if it is the same, unchanged file.
fn open(path: &Path, keep: Keep) -> Result<Arc<Pdf>, PdfProblem> {
    let metadata = fs::metadata(path).map_err(|error| match error.kind() {
        io::ErrorKind::NotFound => PdfProblem::Missing,
        _ => PdfProblem::Io(error.to_string()),
    })?;
    if metadata.is_dir() {
        return Err(PdfProblem::Io("it is a folder".to_owned()));
    }
    if !metadata.is_file() {
        // A named pipe or a device would block the reader, or never end.
        return Err(PdfProblem::Io(
            "it is not a file (a named pipe, a device or a socket)".to_owned(),
        ));
    }
    let length = metadata.len();
    if length > MAX_PDF_BYTES {
        return Err(PdfProblem::TooLarge {
            mebibytes: length.div_ceil(1024 * 1024),
        });
    }
    let modified = metadata.modified().ok();
    let cached = LAST_OPENED.with_borrow(|last| {
        last.as_ref()
            .filter(|open| open.path == path && open.modified == modified && open.length == length)
            .map(|open| Arc::clone(&open.pdf))
    });
    if let Some(pdf) = cached {
        return Ok(pdf);
    }
    let bytes = fs::read(path).map_err(|error| PdfProblem::Io(error.to_string()))?;
    let pdf = catch_unwind(|| Pdf::new(bytes))
        .map_err(|_| PdfProblem::Invalid)?
        .map_err(|error| match error {
            LoadPdfError::Decryption(_) => PdfProblem::Encrypted,
            LoadPdfError::Invalid => PdfProblem::Invalid,
        })?;
    if pdf.pages().is_empty() {
        return Err(PdfProblem::NoPages);
    }
    let pdf = Arc::new(pdf);
    if keep == Keep::No {
        return Ok(pdf);
    }
    LAST_OPENED.with_borrow_mut(|last| {
        *last = Some(OpenPdf {
            path: path.to_path_buf(),
            modified,
            length,
            pdf: Arc::clone(&pdf),
        });
    });
    Ok(pdf)
}

/// Page `page` (1-based) of `pdf`.
fn nth_page(pdf: &Pdf, page: usize) -> Result<&Page<'_>, PdfProblem> {
    let pages = pdf.pages();
    page.checked_sub(1)
        .and_then(|index| pages.get(index))
        .ok_or(PdfProblem::NoSuchPage {
            page,
            pages: pages.len(),
        })
}

/// How many pages (slides) the PDF at `path` has.
pub fn page_count(path: &Path) -> Result<usize, PdfProblem> {
    Ok(open(path, Keep::No)?.pages().len())
}

/// The size of page `page` (1-based) in points, as it is shown (rotation applied).
pub fn page_size(path: &Path, page: usize) -> Result<(f32, f32), PdfProblem> {
    let pdf = open(path, Keep::ForNextPage)?;
    Ok(nth_page(&pdf, page)?.render_dimensions())
}

/// The pixel size page `page_size` renders at to fit `fit` without changing its shape.
#[must_use]
pub fn fitted_size(page_size: (f32, f32), fit: (u32, u32)) -> (u32, u32) {
    let (width, height) = page_size;
    let scale = f32::min(fit.0 as f32 / width, fit.1 as f32 / height);
    let side = |points: f32| ((points * scale).round() as u32).max(1);
    (
        side(width).min(fit.0.max(1)),
        side(height).min(fit.1.max(1)),
    )
}

/// Render page `page` (1-based) of the PDF at `path` as large as fits in `fit`, on white.
pub fn render_page(path: &Path, page: usize, fit: (u32, u32)) -> Result<RenderedPage, PdfProblem> {
    let pdf = open(path, Keep::ForNextPage)?;
    let found = nth_page(&pdf, page)?;
    let render_error = |reason: &str| PdfProblem::Render {
        page,
        reason: reason.to_owned(),
    };
    let (width, height) = found.render_dimensions();
    if !(width.is_finite() && height.is_finite() && width >= 1.0 && height >= 1.0) {
        return Err(render_error("the page has no size"));
    }
    let (pixels_wide, pixels_high) = fitted_size((width, height), fit);
    if pixels_wide > u32::from(u16::MAX) || pixels_high > u32::from(u16::MAX) {
        return Err(render_error("the screen is too large to render for"));
    }
    let settings = PixmapSettings {
        x_scale: pixels_wide as f32 / width,
        y_scale: pixels_high as f32 / height,
        bg_color: WHITE,
    };
    let pixmap = catch_unwind(AssertUnwindSafe(|| {
        hayro::render(
            found,
            &RenderCache::new(),
            &InterpreterSettings::default(),
            &RenderSettings::default(),
            &settings,
        )
    }))
    .map_err(|_| render_error("the PDF renderer failed on it"))?;
    // Rendered on opaque white, so the premultiplied pixels are the straight ones.
    Ok(RenderedPage {
        width: u32::from(pixmap.width()),
        height: u32::from(pixmap.height()),
        rgba: pixmap.data_as_u8_slice().to_vec(),
    })
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn pages_fit_the_screen_keeping_their_shape() {
        // A 16:9 slide export (960 x 540 pt), a 4:3 one and A4 portrait, on a 1080p projector.
        assert_eq!(fitted_size((960.0, 540.0), (1920, 1080)), (1920, 1080));
        assert_eq!(fitted_size((720.0, 540.0), (1920, 1080)), (1440, 1080));
        assert_eq!(fitted_size((595.0, 842.0), (1920, 1080)), (763, 1080));
    }

    #[test]
    fn a_file_that_is_not_a_pdf_is_named_as_such() {
        let dir = tempfile::tempdir().unwrap();
        let text = dir.path().join("talk.pdf");
        fs::write(&text, "these are my notes, not a PDF").unwrap();
        assert_eq!(page_count(&text).unwrap_err(), PdfProblem::Invalid);
        assert_eq!(
            page_count(&dir.path().join("gone.pdf")).unwrap_err(),
            PdfProblem::Missing
        );
    }
}
