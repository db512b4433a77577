//! What a talk is: its slides, their notes and its format, and how it is loaded.
//!
//! A deck comes from one of three places:
//! - a RON file that lists the slide images (relative to the file) with optional speaker notes,
//!   a title, a presenter and a [`Format`], or names a PDF and gives the notes of its pages;
//! - a plain folder of images, taken in natural order (`slide2` before `slide10`);
//! - a PDF, one slide per page ([`crate::pdf`] reads it);
//! - a PowerPoint, Impress or Keynote file, shown as the PDF LibreOffice makes of it, with the
//!   file's own notes and without its hidden slides (`presentation.rs`).
//!
//! Loading only reads the deck's description: it does not open the images. Whether every image
//! exists and decodes is the job of [`crate::check`], which reports all problems at once; the
//! timing engine ([`crate::timing`]) only needs the [`Format`], which `format.rs` holds: the one
//! place a format becomes time ([`Format::timing`], [`Format::total`]) or words
//! ([`Format::label`], [`Format::describe`]). Whether a path is a deck at all, or a night, is
//! [`crate::open`]'s question. Errors name the file, and for RON the line and column, in the
//! `path:line:col: message` form of a compiler, because presenters edit deck files by hand,
//! often in Cyrillic, and need to find the mistake quickly.

mod format;
pub mod presentation;

use std::cmp::Ordering;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::i18n::Words;
use crate::tr;

pub use format::{Format, MAX_SECONDS_PER_SLIDE, MAX_SLIDES, ParseFormatError};

/// File extensions (lower case) that a folder deck takes as slide images.
pub const IMAGE_EXTENSIONS: &[&str] = &["png", "jpg", "jpeg", "webp", "gif", "bmp", "tif", "tiff"];

/// Slide shows of other programs, converted with LibreOffice (lowercase).
pub const PRESENTATION_EXTENSIONS: &[&str] = &["pptx", "ppt", "pps", "ppsx", "pptm", "odp", "key"];

/// The file a folder may hold to describe itself; [`Deck::load`] prefers it to the bare images.
pub const DECK_FILE_NAME: &str = "deck.ron";

/// One slide: a picture and what the presenter wants to say over it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// The file the picture comes from, resolved against the deck's folder: an image, or for a
    /// PDF deck the PDF.
    pub image: PathBuf,
    /// For a PDF deck, the page of `image` this slide shows (1-based); `None` for an image.
    pub page: Option<usize>,
    /// Speaker notes; empty when there are none.
    pub notes: String,
}

impl Slide {
    /// An image slide.
    #[must_use]
    pub fn image(image: PathBuf, notes: String) -> Self {
        Self {
            image,
            page: None,
            notes,
        }
    }
}

/// A talk ready to be checked and shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deck {
    /// Title shown on the speaker's card; defaults to the file or folder name.
    pub title: String,
    /// Who gives the talk; empty when the deck does not say.
    pub presenter: String,
    /// Slide count and slide length.
    pub format: Format,
    /// The slides in show order. May differ in number from the format's: [`crate::check`] says so.
    pub slides: Vec<Slide>,
    /// The RON file or image folder the deck was loaded from.
    pub source: PathBuf,
    /// The folder the slide images are relative to: the RON file's folder, or the image folder.
    pub base_dir: PathBuf,
    /// What loading noticed but did not refuse, e.g. notes for pages a PDF no longer has;
    /// `pecha check` reports them as warnings.
    pub load_warnings: Vec<Words>,
}

/// Why a deck could not be loaded. The `Display` form names the path, and for RON errors the line
/// and column: `talk/deck.ron:4:5: unknown field ...`.
#[derive(Debug)]
pub enum DeckError {
    /// The file or folder could not be read (missing, no permission...).
    Io {
        /// What could not be read.
        path: PathBuf,
        /// The operating system's reason, already said in the message in words; not a
        /// `source`, so error chains (`{:#}`) do not repeat it as "(os error 2)".
        cause: io::Error,
    },
    /// The deck file is not UTF-8 text (often Windows-1251 from an old editor).
    NotUtf8 {
        /// The deck file.
        path: PathBuf,
        /// 1-based line of the first byte that is not UTF-8.
        line: usize,
        /// 1-based column (in characters) of that byte.
        column: usize,
    },
    /// The deck file is not valid RON, or a value has the wrong type.
    Syntax {
        /// The deck file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column, counted in characters (Cyrillic letters count as one).
        column: usize,
        /// What is wrong, in words (ron's own, or ours in every language).
        message: Words,
    },
    /// The deck file has a field that pecha does not know, usually a typo.
    UnknownField {
        /// The deck file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column in characters.
        column: usize,
        /// The field as written.
        field: String,
        /// Where it was found: `the deck`, `a slide` or `the format`.
        place: Words,
        /// The fields allowed there.
        expected: Vec<String>,
    },
    /// The deck's format makes no sense, e.g. `Custom(slides: 0, seconds: 20)`.
    InvalidFormat {
        /// The deck file.
        path: PathBuf,
        /// What is wrong with it.
        message: Words,
    },
    /// A folder was given as a deck but holds no slide images.
    NoImages {
        /// The folder.
        dir: PathBuf,
    },
    /// The PDF a RON deck names in its `pdf:` field cannot be opened: the deck file and the
    /// field's line are named first, then the PDF and its problem.
    DeckPdf {
        /// The deck file.
        deck: PathBuf,
        /// The line of its `pdf:` field (1-based).
        line: usize,
        /// The PDF it names.
        pdf: PathBuf,
        /// What is wrong with it.
        problem: crate::pdf::PdfProblem,
    },
    /// A PDF deck whose PDF cannot be opened (so its slides cannot be counted).
    Pdf {
        /// The PDF.
        path: PathBuf,
        /// What is wrong with it.
        problem: crate::pdf::PdfProblem,
    },
    /// A RON deck that gives both `slides` and `pdf`, or neither, or `notes` without `pdf`.
    Contents {
        /// The deck file.
        path: PathBuf,
        /// What is wrong, and how to write it instead.
        message: Words,
    },
    /// A PowerPoint or Impress file whose own contents cannot be read: password-protected,
    /// damaged.
    Presentation {
        /// The presentation.
        path: PathBuf,
        /// What is wrong with it.
        problem: crate::presentation::OutlineError,
    },
    /// A presentation that could not be converted to PDF (no LibreOffice, a conversion that
    /// hung or crashed).
    Conversion {
        /// The presentation.
        path: PathBuf,
        /// What went wrong.
        problem: crate::convert::ConvertProblem,
    },
    /// A file that is not a deck description, such as a single image.
    Unsupported {
        /// The file.
        path: PathBuf,
        /// Why, and what to do instead.
        reason: Words,
    },
}

impl std::error::Error for DeckError {}

/// In the thread's language; the path (and for RON the line and column) first.
impl fmt::Display for DeckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = crate::text::shown(self.path());
        match self {
            Self::Io { cause, .. } => write!(f, "{path}: {}", io_reason(cause)),
            Self::NotUtf8 { line, column, .. } => {
                write!(f, "{path}:{line}:{column}: {}", tr!("deck-not-utf8"))
            }
            Self::Syntax {
                line,
                column,
                message,
                ..
            } => write!(f, "{path}:{line}:{column}: {message}"),
            Self::UnknownField {
                line,
                column,
                field,
                place,
                expected,
                ..
            } => write!(
                f,
                "{path}:{line}:{column}: {}{}",
                tr!(
                    "deck-unknown-field",
                    field = field.as_str(),
                    place = place.to_string(),
                    expected = one_of(expected)
                ),
                did_you_mean(field, expected)
            ),
            Self::InvalidFormat { message, .. } | Self::Contents { message, .. } => {
                write!(f, "{path}: {message}")
            }
            Self::NoImages { .. } => write!(f, "{path}: {}", tr!("deck-no-images")),
            Self::DeckPdf {
                line, pdf, problem, ..
            } => write!(
                f,
                "{path}:{line}: {}",
                tr!(
                    "deck-pdf",
                    pdf = crate::text::shown(pdf).to_string(),
                    problem = problem.to_string()
                )
            ),
            Self::Pdf { problem, .. } => write!(f, "{path}: {problem}"),
            Self::Presentation { problem, .. } => write!(f, "{path}: {problem}"),
            Self::Conversion { problem, .. } => write!(f, "{path}: {problem}"),
            Self::Unsupported { reason, .. } => write!(f, "{path}: {reason}"),
        }
    }
}

impl DeckError {
    /// The file or folder the error is about.
    #[must_use]
    pub fn path(&self) -> &Path {
        match self {
            Self::Io { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Syntax { path, .. }
            | Self::UnknownField { path, .. }
            | Self::InvalidFormat { path, .. }
            | Self::Pdf { path, .. }
            | Self::DeckPdf { deck: path, .. }
            | Self::Contents { path, .. }
            | Self::Presentation { path, .. }
            | Self::Conversion { path, .. }
            | Self::Unsupported { path, .. } => path,
            Self::NoImages { dir } => dir,
        }
    }

    fn io(path: &Path, cause: io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            cause,
        }
    }
}

/// "one of \`a\`, \`b\` or \`c\`" for error messages.
fn one_of(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("`{n}`")).collect();
    match quoted.as_slice() {
        [] => tr!("deck-expected-nothing"),
        [one] => one.clone(),
        [first, second] => tr!(
            "deck-expected-two",
            first = first.as_str(),
            second = second.as_str()
        ),
        [rest @ .., last] => tr!(
            "deck-expected-many",
            names = rest.join(", "),
            last = last.as_str()
        ),
    }
}

/// ` (did you mean `notes`?)` when a known name is one or two edits away from a typo.
fn did_you_mean(field: &str, expected: &[String]) -> String {
    expected
        .iter()
        .map(|name| (edit_distance(field, name), name))
        .filter(|(distance, _)| *distance <= 2)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, name)| format!(" {}", tr!("deck-did-you-mean", name = name.as_str())))
        .unwrap_or_default()
}

/// Levenshtein distance in characters, case-insensitive.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().flat_map(char::to_lowercase).collect();
    let b: Vec<char> = b.chars().flat_map(char::to_lowercase).collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut current = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != cb);
            current.push(substitution.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

/// The deck file as written. Private: the public [`Deck`] has resolved paths and defaults.
#[derive(Deserialize)]
#[serde(rename = "Deck", deny_unknown_fields)]
struct RawDeck {
    #[serde(default)]
    title: String,
    #[serde(default)]
    presenter: String,
    #[serde(default)]
    format: Format,
    /// Image slides; or, instead, `pdf` and `notes`.
    #[serde(default)]
    slides: Vec<RawSlide>,
    /// A PDF whose pages are the slides (a plain string, not `Some(...)`: written by hand).
    #[serde(default)]
    pdf: String,
    /// With `pdf`: the notes of each page, in order.
    #[serde(default)]
    notes: Vec<String>,
}

/// One slide as written in the deck file.
#[derive(Deserialize)]
#[serde(rename = "Slide", deny_unknown_fields)]
struct RawSlide {
    image: String,
    #[serde(default)]
    notes: String,
}

impl RawDeck {
    /// The deck with [`unix_line_ends`] applied to every text in it, as to the file: a `\r\n`
    /// written as escapes (`"a\r\nb"`) would otherwise be saved as a real line end
    /// ([`Deck::to_ron`] writes control characters as they are) and come back as `\n`, so the
    /// notes would change with each save.
    fn with_unix_line_ends(mut self) -> Self {
        let texts = [&mut self.title, &mut self.presenter, &mut self.pdf]
            .into_iter()
            .chain(self.notes.iter_mut())
            .chain(
                self.slides
                    .iter_mut()
                    .flat_map(|slide| [&mut slide.image, &mut slide.notes]),
            );
        for text in texts {
            if text.contains('\r') {
                *text = unix_line_ends(text);
            }
        }
        self
    }
}

/// `text` with the carriage returns that end its lines taken out: `\r\n` becomes `\n`, and so
/// does the `\r\r\n` of a file converted to Windows line endings twice (taking out one `\r`
/// would leave a `\r\n`, and a second load would take out another). A `\r` elsewhere stays.
fn unix_line_ends(text: &str) -> String {
    let mut unix = String::with_capacity(text.len());
    let mut returns = 0;
    for c in text.chars() {
        match c {
            '\r' => returns += 1,
            '\n' => {
                returns = 0;
                unix.push('\n');
            }
            other => {
                unix.extend(std::iter::repeat_n('\r', returns));
                returns = 0;
                unix.push(other);
            }
        }
    }
    unix.extend(std::iter::repeat_n('\r', returns));
    unix
}

impl Deck {
    /// Loads a deck from a RON file (any extension) or a folder.
    ///
    /// A folder that holds a `deck.ron` is loaded from that file, so notes and order written for
    /// it are not lost; any other folder is a folder deck ([`Deck::from_folder`]).
    pub fn load(path: &Path) -> Result<Self, DeckError> {
        Self::load_with(path, &crate::convert::Converter::from_env(), &|_| {})
    }

    /// [`Deck::load`], converting a PowerPoint, Impress or Keynote file with `converter` and
    /// telling `watch` about a conversion under way, which takes seconds.
    pub fn load_with(
        path: &Path,
        converter: &crate::convert::Converter,
        watch: &dyn Fn(crate::convert::Progress),
    ) -> Result<Self, DeckError> {
        if Self::is_presentation(path) {
            return Self::from_presentation(path, converter, watch);
        }
        let metadata = fs::metadata(path).map_err(|e| DeckError::io(path, e))?;
        if metadata.is_dir() {
            let deck_file = path.join(DECK_FILE_NAME);
            if deck_file.is_file() {
                return Self::load_ron_file(&deck_file);
            }
            return Self::from_folder(path);
        }
        Self::load_ron_file(path)
    }

    /// Reads and parses a RON deck file.
    fn load_ron_file(path: &Path) -> Result<Self, DeckError> {
        let extension = lowercase_extension(path);
        if IMAGE_EXTENSIONS.contains(&extension.as_str()) {
            return Err(DeckError::Unsupported {
                path: path.to_path_buf(),
                reason: Words::of(|| tr!("deck-single-image")),
            });
        }
        if extension == "pdf" {
            return Self::from_pdf(path);
        }
        if extension == "zip" {
            return Err(DeckError::Unsupported {
                path: path.to_path_buf(),
                reason: Words::of(|| tr!("deck-zip")),
            });
        }
        let bytes = crate::read::whole_file(path, crate::read::TEXT_FILE_CAP)
            .map_err(|e| DeckError::io(path, e))?;
        Self::from_ron_bytes(bytes, path)
    }

    /// Parses a deck from the bytes of a RON deck file, as [`Deck::from_ron_str`] does once they
    /// are known to be UTF-8 text; bytes that are not are [`DeckError::NotUtf8`], with the line
    /// and column of the first wrong byte. `source` names the file in errors.
    pub fn from_ron_bytes(bytes: Vec<u8>, source: &Path) -> Result<Self, DeckError> {
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            // The valid prefix is UTF-8 by definition; lossy conversion cannot change it.
            let (line, column) = end_position(&String::from_utf8_lossy(valid));
            DeckError::NotUtf8 {
                path: source.to_path_buf(),
                line,
                column,
            }
        })?;
        Self::from_ron_str(&text, source)
    }

    /// Whether `path` names a file [`Deck::load`] takes by its name alone, without reading it
    /// as text: a PDF (one slide per page) or a single image (refused, with the reason).
    #[must_use]
    pub fn is_pdf_or_image(path: &Path) -> bool {
        let extension = lowercase_extension(path);
        extension == "pdf" || IMAGE_EXTENSIONS.contains(&extension.as_str())
    }

    /// Whether `path` is named like a zip file, which is refused with the advice to unzip it
    /// (never read as RON text).
    #[must_use]
    pub fn is_zip(path: &Path) -> bool {
        lowercase_extension(path) == "zip"
    }

    /// Whether `path` is named like a slide show of another program (PowerPoint, Impress,
    /// Keynote), which is converted with LibreOffice, never read as RON text.
    #[must_use]
    pub fn is_presentation(path: &Path) -> bool {
        PRESENTATION_EXTENSIONS.contains(&lowercase_extension(path).as_str())
    }

    /// Parses a deck from RON text. `source` names the file in errors and gives the folder image
    /// paths are relative to; it need not exist (the app embeds an example deck this way). A
    /// deck that names a `pdf` reads that PDF, to make one slide per page.
    ///
    /// A UTF-8 byte order mark and CRLF line endings are accepted.
    pub fn from_ron_str(text: &str, source: &Path) -> Result<Self, DeckError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        // Keeps lines and columns as they are (the `\r` ends a line) and keeps notes free of `\r`.
        let text = unix_line_ends(text);
        let raw = ron::from_str::<RawDeck>(&text)
            .map_err(|e| ron_error(&e, source))?
            .with_unix_line_ends();
        let format = raw
            .format
            .validate()
            .map_err(|_| DeckError::InvalidFormat {
                path: source.to_path_buf(),
                // Worded in every language (decks load on other threads too): the check is pure.
                message: Words::of(|| raw.format.validate().err().unwrap_or_default()),
            })?;
        let base_dir = source.parent().unwrap_or(Path::new("")).to_path_buf();
        let title = if raw.title.trim().is_empty() {
            default_title(source)
        } else {
            raw.title
        };
        let mut load_warnings = Vec::new();
        let contents_error = |message: Words| DeckError::Contents {
            path: source.to_path_buf(),
            message,
        };
        let pdf = Some(raw.pdf).filter(|pdf| !pdf.trim().is_empty());
        let slides = match pdf {
            Some(_) if !raw.slides.is_empty() => {
                return Err(contents_error(Words::of(|| tr!("deck-slides-and-pdf"))));
            }
            Some(pdf) => {
                let pdf = base_dir.join(pdf);
                let pages = crate::pdf::page_count(&pdf).map_err(|problem| DeckError::DeckPdf {
                    deck: source.to_path_buf(),
                    line: crate::text::field_position(&text, "pdf")
                        .map_or(1, |at| text[..at].matches('\n').count() + 1),
                    pdf: pdf.clone(),
                    problem,
                })?;
                if raw.notes.len() > pages {
                    load_warnings.push(Words::of(|| {
                        tr!(
                            "deck-notes-past-pdf",
                            notes = raw.notes.len(),
                            pdf = pdf.file_name().unwrap_or_default().to_string_lossy(),
                            pages = pages
                        )
                    }));
                }
                pdf_slides(&pdf, pages, raw.notes)
            }
            None if !raw.notes.is_empty() => {
                return Err(contents_error(Words::of(|| tr!("deck-notes-without-pdf"))));
            }
            None if raw.slides.is_empty() => {
                return Err(contents_error(Words::of(|| tr!("deck-no-slides"))));
            }
            None => raw
                .slides
                .into_iter()
                .map(|slide| Slide::image(base_dir.join(slide.image), slide.notes))
                .collect(),
        };
        Ok(Self {
            title,
            presenter: raw.presenter,
            format,
            slides,
            source: source.to_path_buf(),
            base_dir,
            load_warnings,
        })
    }

    /// Makes a deck of the images directly in `dir` (not in subfolders), in natural order:
    /// `slide2` before `slide10`, case ignored. Hidden files are skipped. The title is the
    /// folder's name, the format [`Format::PechaKucha`], and there are no notes.
    pub fn from_folder(dir: &Path) -> Result<Self, DeckError> {
        let entries = fs::read_dir(dir).map_err(|e| DeckError::io(dir, e))?;
        let mut images: Vec<(String, PathBuf)> = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| DeckError::io(dir, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = entry.path();
            if name.starts_with('.')
                || !IMAGE_EXTENSIONS.contains(&lowercase_extension(&path).as_str())
            {
                continue;
            }
            // Follows symbolic links, so a folder of links to images works.
            if path.is_file() {
                images.push((name, path));
            }
        }
        if images.is_empty() {
            return Err(DeckError::NoImages {
                dir: dir.to_path_buf(),
            });
        }
        images.sort_by(|(a, _), (b, _)| natural_order(a, b));
        Ok(Self {
            title: folder_name(dir),
            presenter: String::new(),
            format: Format::PechaKucha,
            slides: images
                .into_iter()
                .map(|(_, image)| Slide::image(image, String::new()))
                .collect(),
            source: dir.to_path_buf(),
            base_dir: dir.to_path_buf(),
            load_warnings: Vec::new(),
        })
    }

    /// Makes a deck of a PowerPoint, Impress or Keynote file: its shown slides as pages of the
    /// PDF `converter` finds or makes (`watch` hears about a conversion under way), with the
    /// file's own notes; titled after the file, in the [`Format::PechaKucha`] format.
    pub fn from_presentation(
        path: &Path,
        converter: &crate::convert::Converter,
        watch: &dyn Fn(crate::convert::Progress),
    ) -> Result<Self, DeckError> {
        presentation::load(path, converter, watch)
    }

    /// Makes a deck of the pages of a PDF: one slide per page, titled after the file, in the
    /// [`Format::PechaKucha`] format, without notes (a RON deck with `pdf:` adds them).
    pub fn from_pdf(path: &Path) -> Result<Self, DeckError> {
        let pages = crate::pdf::page_count(path).map_err(|problem| DeckError::Pdf {
            path: path.to_path_buf(),
            problem,
        })?;
        Ok(Self {
            title: default_title(path),
            presenter: String::new(),
            format: Format::PechaKucha,
            slides: pdf_slides(path, pages, Vec::new()),
            source: path.to_path_buf(),
            base_dir: path.parent().unwrap_or(Path::new("")).to_path_buf(),
            load_warnings: Vec::new(),
        })
    }
}

/// The deck file as Pecha writes it when notes are saved: the same shape as [`RawDeck`].
#[derive(Serialize)]
#[serde(rename = "Deck")]
struct WrittenDeck<'a> {
    title: &'a str,
    presenter: &'a str,
    format: Format,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    slides: Vec<WrittenSlide<'a>>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pdf: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<&'a str>,
}

#[derive(Serialize)]
#[serde(rename = "Slide")]
struct WrittenSlide<'a> {
    image: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
}

impl Deck {
    /// The deck file notes are saved to: the RON file it came from; `deck.ron` in a folder deck's
    /// folder (which [`Deck::load`] then prefers to the bare images); `NAME.ron` beside a bare
    /// PDF.
    #[must_use]
    pub fn notes_file(&self) -> PathBuf {
        if self.source.is_dir() {
            return self.source.join(DECK_FILE_NAME);
        }
        if lowercase_extension(&self.source) == "pdf" {
            return self.source.with_extension("ron");
        }
        self.source.clone()
    }

    /// The deck as a RON deck file, image paths relative to `dir` (the folder it will be
    /// written to) where they can be. Comments of a hand-written file are not kept; the save
    /// keeps the previous file as `.bak`.
    #[must_use]
    pub fn to_ron(&self, dir: &Path) -> String {
        let relative = |path: &Path| {
            let written = path.strip_prefix(dir).unwrap_or(path).to_string_lossy();
            // Windows' separators are written as `/`, so a deck saved there opens everywhere.
            // Elsewhere a `\` is part of a file's name: turned into `/`, it would make `\x.png`
            // the absolute `/x.png`.
            if cfg!(windows) {
                written.replace('\\', "/")
            } else {
                written.into_owned()
            }
        };
        let pdf = self.slides.first().filter(|first| {
            self.slides
                .iter()
                .all(|slide| slide.page.is_some() && slide.image == first.image)
        });
        let written = WrittenDeck {
            title: &self.title,
            presenter: &self.presenter,
            format: self.format,
            slides: if pdf.is_some() {
                Vec::new()
            } else {
                self.slides
                    .iter()
                    .map(|slide| WrittenSlide {
                        image: relative(&slide.image),
                        notes: &slide.notes,
                    })
                    .collect()
            },
            pdf: pdf.map(|first| relative(&first.image)).unwrap_or_default(),
            notes: if pdf.is_some() {
                let mut notes: Vec<&str> = self
                    .slides
                    .iter()
                    .map(|slide| slide.notes.as_str())
                    .collect();
                while notes.last().is_some_and(|last| last.is_empty()) {
                    notes.pop();
                }
                notes
            } else {
                Vec::new()
            },
        };
        let config = ron::ser::PrettyConfig::default()
            .escape_strings(false)
            .struct_names(false);
        // Serializing plain strings and numbers cannot fail.
        let body = ron::ser::to_string_pretty(&written, config).unwrap_or_default();
        format!(
            "// A Pecha deck, saved by Pecha; each save keeps the file it replaces as NAME.bak.\n{body}\n"
        )
    }

    /// Write the deck, with its notes as they are now, to [`Deck::notes_file`], atomically and
    /// keeping the previous file as a backup. Returns the file written; from then on it is the
    /// deck's source. A bare PDF's notes file is never written over an existing file.
    pub fn save(&mut self) -> Result<PathBuf, crate::save::SaveError> {
        if Self::is_presentation(&self.source) {
            // Pecha never writes into a presenter's .pptx; a RON deck beside it would point at
            // the cache, which is no place for a deck's pictures.
            return Err(crate::save::SaveError {
                source: io::Error::new(
                    io::ErrorKind::Unsupported,
                    crate::read::Refusal::PresentationNotes,
                ),
                path: self.source.clone(),
            });
        }
        let target = self.notes_file();
        if lowercase_extension(&self.source) == "pdf" && target.exists() {
            return Err(crate::save::SaveError {
                source: io::Error::new(io::ErrorKind::AlreadyExists, crate::read::Refusal::Exists),
                path: target,
            });
        }
        let dir = target.parent().unwrap_or(Path::new("")).to_path_buf();
        let text = self.to_ron(&dir);
        crate::save::write_atomically(&target, text.as_bytes(), crate::save::Backup::Keep)?;
        self.source.clone_from(&target);
        self.base_dir = dir;
        Ok(target)
    }
}

/// One slide per page of `pdf`, with `notes` given in page order (missing ones empty). Notes
/// beyond the last page are dropped; the caller warns about them.
fn pdf_slides(pdf: &Path, pages: usize, notes: Vec<String>) -> Vec<Slide> {
    let mut notes = notes.into_iter();
    (1..=pages)
        .map(|page| Slide {
            image: pdf.to_path_buf(),
            page: Some(page),
            notes: notes.next().unwrap_or_default(),
        })
        .collect()
}

/// Natural order ignoring case, then exact order so the result never depends on the file system.
fn natural_order(a: &str, b: &str) -> Ordering {
    natord::compare_ignore_case(a, b)
        .then_with(|| natord::compare(a, b))
        .then_with(|| a.cmp(b))
}

fn lowercase_extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// A folder's own name, even for `.` or `talk/`.
fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            fs::canonicalize(dir)
                .ok()
                .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_else(|| crate::text::shown(&dir).to_string())
}

/// The file stem, or the folder's name for a file called `deck.ron`, whose stem says nothing.
fn default_title(source: &Path) -> String {
    let stem = source
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if (stem.eq_ignore_ascii_case("deck") || stem.is_empty())
        && let Some(parent) = source.parent().filter(|p| !p.as_os_str().is_empty())
    {
        return folder_name(parent);
    }
    if stem.is_empty() {
        "Untitled".to_owned()
    } else {
        stem
    }
}

/// 1-based line and column just after the end of `text`, counting characters.
fn end_position(text: &str) -> (usize, usize) {
    let line = 1 + text.matches('\n').count();
    let column = 1 + text
        .rsplit('\n')
        .next()
        .map_or(0, |last| last.chars().count());
    (line, column)
}

/// Turns ron's error into ours, with the message in plain words.
fn ron_error(error: &ron::error::SpannedError, path: &Path) -> DeckError {
    use ron::error::Error as Ron;
    let (line, column) = (error.span.start.line, error.span.start.col);
    let place = |outer: &Option<String>| {
        Words::of(|| match outer.as_deref() {
            Some("Slide") => tr!("deck-place-slide"),
            Some("Custom") => tr!("deck-place-format"),
            Some("Deck") | None => tr!("deck-place-deck"),
            Some(other) => format!("`{other}`"),
        })
    };
    let message = match &error.code {
        Ron::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            return DeckError::UnknownField {
                path: path.to_path_buf(),
                line,
                column,
                field: found.clone(),
                place: place(outer),
                expected: expected.iter().map(|&s| s.to_owned()).collect(),
            };
        }
        Ron::MissingStructField { field, outer } => {
            let place = place(outer);
            Words::of(|| {
                tr!(
                    "deck-missing-field",
                    field = (*field),
                    place = place.to_string()
                )
            })
        }
        Ron::DuplicateStructField { field, outer } => {
            let place = place(outer);
            Words::of(|| {
                tr!(
                    "deck-duplicate-field",
                    field = (*field),
                    place = place.to_string()
                )
            })
        }
        Ron::NoSuchEnumVariant { found, .. } => {
            Words::of(|| tr!("deck-unknown-format", found = found.as_str()))
        }
        // ron's own words, English.
        other => Words::untranslated(lowercase_first(&other.to_string())),
    };
    DeckError::Syntax {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// ron's messages start with a capital; compiler-style messages do not.
fn lowercase_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_lowercase().chain(chars).collect()
    })
}

/// Why a file or folder could not be read, in the words a host needs: "does not exist" rather
/// than the system's `No such file or directory (os error 2)`.
#[must_use]
pub fn io_reason(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::NotFound => crate::tr!("io-not-found"),
        io::ErrorKind::PermissionDenied => crate::tr!("io-permission"),
        _ => crate::tr!("io-other", error = error.to_string()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_table() {
        for (a, b, d) in [
            ("notes", "notes", 0),
            ("note", "notes", 1),
            ("titel", "title", 2),
            ("", "ab", 2),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} {b}");
        }
    }

    #[test]
    fn one_of_lists() {
        let names = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        assert_eq!(one_of(&names(&["a"])), "`a`");
        assert_eq!(one_of(&names(&["a", "b"])), "`a` or `b`");
        assert_eq!(one_of(&names(&["a", "b", "c"])), "one of `a`, `b` or `c`");
    }

    #[test]
    fn end_position_counts_characters() {
        assert_eq!(end_position(""), (1, 1));
        assert_eq!(end_position("ab"), (1, 3));
        assert_eq!(end_position("a\nәғ"), (2, 3));
    }

    #[test]
    fn line_ends_in_texts_survive_a_save_and_a_load() {
        // Found by fuzz/deck_ron: a title with `\r\r\n` (a file converted to Windows line ends
        // twice) or notes with `\r\n` written as escapes lost a `\r` on every save and load.
        let text = "(title: \"Арыки\r\r\nи вода\", slides: [\r\n(image: \"01.png\", notes: \"a\\r\\nb\\r\\r\\nc\\rd\r\"),\r\r\n])";
        let deck = Deck::from_ron_str(text, Path::new("talk/deck.ron")).unwrap();
        assert_eq!(deck.title, "Арыки\nи вода");
        assert_eq!(deck.slides[0].notes, "a\nb\nc\rd\r");
        let saved = deck.to_ron(Path::new("talk"));
        let again = Deck::from_ron_str(&saved, Path::new("talk/deck.ron")).unwrap();
        assert_eq!(again, deck, "{saved}");
    }

    #[cfg(unix)]
    #[test]
    fn a_backslash_in_a_file_name_is_saved_as_it_is() {
        // Found by fuzz/deck_ron: saving wrote every `\` as `/`, so the slide `\\01.png` (a
        // name that starts with a backslash) came back as the absolute path `//01.png`.
        let text = r#"(slides: [(image: "\\\\01.png"), (image: "a\\b.png")])"#;
        let deck = Deck::from_ron_str(text, Path::new("talk/deck.ron")).unwrap();
        assert_eq!(deck.slides[0].image, Path::new("talk/\\\\01.png"));
        let saved = deck.to_ron(Path::new("talk"));
        let again = Deck::from_ron_str(&saved, Path::new("talk/deck.ron")).unwrap();
        assert_eq!(again, deck, "{saved}");
    }

    #[test]
    fn default_titles() {
        assert_eq!(default_title(Path::new("talks/Шымкент.ron")), "Шымкент");
        assert_eq!(
            default_title(Path::new("talks/Шымкент/deck.ron")),
            "Шымкент"
        );
        assert_eq!(default_title(Path::new("deck.ron")), "deck");
    }
}
