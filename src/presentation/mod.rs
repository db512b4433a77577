//! What a PowerPoint or Impress file says about itself, read without LibreOffice: its slides in
//! show order, which are hidden, each slide's speaker notes, the typefaces it names and the
//! video or sound it embeds.
//!
//! The pictures of the slides come from LibreOffice ([`crate::convert`] turns the file into a
//! PDF), but a PDF has no speaker notes, and whether it holds the hidden slides depends on the
//! export. So the notes and the hidden slides are read here, from the file itself: a `.pptx` is a
//! zip of XML (`pptx.rs`), an `.odp` too (`odp.rs`). The binary `.ppt` and Keynote's `.key` are
//! not read ([`read_outline`] answers `None`): LibreOffice still converts them, without notes.
//!
//! Pure and small: no process, no cache; every part read from the zip is capped
//! ([`MAX_PART_BYTES`]), so a zip bomb given as a deck is refused, not unpacked.

mod odp;
mod pptx;

use std::collections::BTreeSet;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The most one XML part of a presentation may unpack to. Notes and slides are kilobytes; a
/// part bigger than this is a zip bomb, not a slide.
pub const MAX_PART_BYTES: u64 = 64 * 1024 * 1024;

/// The first bytes of an OLE compound file: a `.ppt`, or an Office file saved with a password
/// (Office encrypts a `.pptx` into such a container, so it is no longer a zip).
const OLE_MAGIC: [u8; 8] = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/// One slide of the file, hidden or not, in show order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SlideOutline {
    /// Hidden in PowerPoint (`show="0"`) or Impress (`presentation:visibility="hidden"`): not
    /// part of the talk.
    pub hidden: bool,
    /// The speaker notes, paragraphs on their own lines; empty when there are none.
    pub notes: String,
    /// Video and sound the slide embeds or links (their file names), which a PDF cannot carry.
    pub media: Vec<String>,
}

/// What [`read_outline`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outline {
    /// Every slide, hidden ones included, in the order the file shows them.
    pub slides: Vec<SlideOutline>,
    /// The typefaces the file names (the theme's, and those set on text), for the check of
    /// fonts this machine does not have.
    pub fonts: BTreeSet<String>,
}

impl Outline {
    /// The slides that are shown, with their place among all slides (0-based).
    pub fn shown(&self) -> impl Iterator<Item = (usize, &SlideOutline)> {
        self.slides
            .iter()
            .enumerate()
            .filter(|(_, slide)| !slide.hidden)
    }

    /// The 1-based numbers of the hidden slides.
    #[must_use]
    pub fn hidden_numbers(&self) -> Vec<usize> {
        self.slides
            .iter()
            .enumerate()
            .filter(|(_, slide)| slide.hidden)
            .map(|(index, _)| index + 1)
            .collect()
    }
}

/// Why a presentation's own contents cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutlineError {
    /// The file could not be read at all.
    #[error("{}", crate::tr!("presentation-io", error = _0.as_str()))]
    Io(String),
    /// Saved with a password (the file is encrypted): neither Pecha nor LibreOffice can open it
    /// without it.
    #[error("{}", crate::tr!("presentation-password"))]
    PasswordProtected,
    /// Not a zip, or a zip without the parts a presentation has: damaged, or misnamed. The
    /// detail (which part, the zip reader's words) is technical and stays untranslated.
    #[error("{}", crate::tr!("presentation-damaged", detail = _0.as_str()))]
    Damaged(String),
}

/// What kind of presentation a path names, by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// Office Open XML: `.pptx`, `.ppsx`, `.pptm`.
    OfficeOpenXml,
    /// OpenDocument: `.odp`.
    OpenDocument,
    /// Formats only LibreOffice reads: `.ppt`, `.pps`, `.key`.
    Other,
}

impl Family {
    /// The family of `path`, by its extension (any case).
    #[must_use]
    pub fn of(path: &Path) -> Self {
        let extension = path
            .extension()
            .map(|extension| extension.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        match extension.as_str() {
            "pptx" | "ppsx" | "pptm" => Self::OfficeOpenXml,
            "odp" => Self::OpenDocument,
            _ => Self::Other,
        }
    }
}

/// Read the slides, hidden flags, notes, media and fonts of the presentation at `path`.
///
/// `Ok(None)` for the formats that are not read here (`.ppt`, `.key`). A `.pptx` saved with a
/// password is [`OutlineError::PasswordProtected`], as is an `.odp` whose parts are encrypted.
pub fn read_outline(path: &Path) -> Result<Option<Outline>, OutlineError> {
    let family = Family::of(path);
    if family == Family::Other {
        return Ok(None);
    }
    let mut file = File::open(path).map_err(|error| OutlineError::Io(error.to_string()))?;
    let mut magic = [0; 8];
    let read = file
        .read(&mut magic)
        .map_err(|error| OutlineError::Io(error.to_string()))?;
    if read == magic.len() && magic == OLE_MAGIC {
        // An OOXML or ODF file is a zip; inside an OLE container it is Office's encryption.
        return Err(OutlineError::PasswordProtected);
    }
    let file = File::open(path).map_err(|error| OutlineError::Io(error.to_string()))?;
    let mut zip = zip::ZipArchive::new(io::BufReader::new(file))
        .map_err(|error| OutlineError::Damaged(format!("not a zip: {error}")))?;
    let outline = match family {
        Family::OfficeOpenXml => pptx::read(&mut Parts(&mut zip))?,
        Family::OpenDocument => odp::read(&mut Parts(&mut zip))?,
        Family::Other => return Ok(None),
    };
    Ok(Some(outline))
}

/// The parts of a zip, read as text under [`MAX_PART_BYTES`].
struct Parts<'a, R: Read + io::Seek>(&'a mut zip::ZipArchive<R>);

impl<R: Read + io::Seek> Parts<'_, R> {
    /// The part `name` as text; `Ok(None)` when the zip has no such part.
    fn text(&mut self, name: &str) -> Result<Option<String>, OutlineError> {
        let part = match self.0.by_name(name) {
            Ok(part) => part,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(zip::result::ZipError::UnsupportedArchive(
                zip::result::ZipError::PASSWORD_REQUIRED,
            )) => return Err(OutlineError::PasswordProtected),
            Err(error) => return Err(OutlineError::Damaged(format!("{name}: {error}"))),
        };
        let mut bytes = Vec::new();
        part.take(MAX_PART_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|error| OutlineError::Damaged(format!("{name}: {error}")))?;
        if bytes.len() as u64 > MAX_PART_BYTES {
            return Err(OutlineError::Damaged(format!(
                "{name} unpacks to more than {} MB",
                MAX_PART_BYTES / (1024 * 1024)
            )));
        }
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| OutlineError::Damaged(format!("{name} is not UTF-8 XML")))
    }

    /// The part `name`, which the file must have.
    fn required(&mut self, name: &str) -> Result<String, OutlineError> {
        self.text(name)?
            .ok_or_else(|| OutlineError::Damaged(format!("it has no {name}")))
    }

    /// Every part's name.
    fn names(&self) -> Vec<String> {
        self.0
            .file_names()
            .filter_map(Result::ok)
            .map(std::borrow::Cow::into_owned)
            .collect()
    }
}

/// Parse `text` (the part `name`) as XML.
fn parse<'a>(name: &str, text: &'a str) -> Result<roxmltree::Document<'a>, OutlineError> {
    roxmltree::Document::parse_with_options(
        text,
        roxmltree::ParsingOptions {
            // Office files declare no DTD; one in a deck is an entity bomb, not a slide.
            allow_dtd: false,
            ..roxmltree::ParsingOptions::default()
        },
    )
    .map_err(|error| OutlineError::Damaged(format!("{name}: {error}")))
}

/// Paragraphs joined by newlines, with the blank lines at either end dropped.
fn join_paragraphs(paragraphs: &[String]) -> String {
    let text = paragraphs.join("\n");
    text.trim_matches(|c: char| c == '\n' || c.is_whitespace())
        .to_owned()
}
