//! A PowerPoint, Impress or Keynote file as a deck: the PDF LibreOffice makes of it
//! ([`crate::convert`]) for the pictures, the file's own notes and hidden slides
//! ([`crate::presentation`]) for the rest.
//!
//! The slides are the shown ones, in the file's order, each on its page of the PDF. Whether the
//! PDF holds the hidden slides depends on the LibreOffice that made it, so the pages are matched
//! to the slides by their count ([`pages_of_slides`]) rather than trusted to be one or the other.
//! What the PDF cannot carry (video, sound, fonts this machine lacks) becomes load warnings,
//! which `pecha check` reports.

use std::path::{Path, PathBuf};

use super::{Deck, DeckError, Format, Slide, default_title};
use crate::convert::{Converted, Converter, Made, Origin, Progress};
use crate::i18n::Words;
use crate::presentation::{Outline, read_outline};
use crate::tr;

/// Load the presentation at `path` as a deck, converting it if need be; `watch` hears about a
/// conversion under way.
pub(super) fn load(
    path: &Path,
    converter: &Converter,
    watch: &dyn Fn(Progress),
) -> Result<Deck, DeckError> {
    // Read first: a password-protected or damaged file is named as such, without LibreOffice.
    let outline = read_outline(path).map_err(|problem| DeckError::Presentation {
        path: path.to_path_buf(),
        problem,
    })?;
    let conversion_error = |problem| DeckError::Conversion {
        path: path.to_path_buf(),
        problem,
    };
    let Converted { pdf, origin } = converter.pdf_for(path, watch).map_err(conversion_error)?;
    let pages = crate::pdf::page_count(&pdf).map_err(|problem| DeckError::Pdf {
        path: pdf.clone(),
        problem,
    })?;
    let mut load_warnings = Vec::new();
    let slides = if let Some(outline) = &outline {
        let (slides, warnings) = pages_of_slides(outline, pages, Made::by(path));
        load_warnings.extend(warnings);
        // A PDF made elsewhere (packed beside the file) had that machine's fonts.
        if origin != Origin::Beside {
            load_warnings.extend(crate::convert::fonts::missing_warning(&outline.fonts));
        }
        slides
    } else {
        load_warnings.push(Words::of(|| tr!("presentation-notes-not-read")));
        (1..=pages).map(|page| (page, String::new())).collect()
    };
    let slides = slides
        .into_iter()
        .map(|(page, notes)| Slide {
            image: pdf.clone(),
            page: Some(page),
            notes,
        })
        .collect();
    Ok(Deck {
        title: default_title(path),
        presenter: String::new(),
        format: Format::PechaKucha,
        slides,
        source: path.to_path_buf(),
        base_dir: path.parent().unwrap_or(Path::new("")).to_path_buf(),
        load_warnings,
    })
}

/// The page (1-based) and notes of each shown slide, and what to warn about.
///
/// A PDF of as many pages as there are shown slides left the hidden ones out; one of as many as
/// all slides holds them, and they are skipped. Any other count is a PDF that does not match
/// the file: its pages are taken in order, with the notes of the shown slides in order, and a
/// warning.
#[must_use]
pub fn pages_of_slides(
    outline: &Outline,
    pages: usize,
    made: Made,
) -> (Vec<(usize, String)>, Vec<Words>) {
    let shown: Vec<(usize, &crate::presentation::SlideOutline)> = outline.shown().collect();
    let mut warnings = Vec::new();
    let hidden = outline.hidden_numbers();
    if !hidden.is_empty() {
        warnings.push(Words::of(|| {
            tr!(
                "presentation-hidden",
                count = hidden.len(),
                numbers = numbered(&hidden),
                made = made.name()
            )
        }));
    }
    let slides: Vec<(usize, String)> = if pages == shown.len() {
        shown
            .iter()
            .enumerate()
            .map(|(index, (_, slide))| (index + 1, slide.notes.clone()))
            .collect()
    } else if pages == outline.slides.len() {
        shown
            .iter()
            .map(|(place, slide)| (place + 1, slide.notes.clone()))
            .collect()
    } else {
        warnings.push(Words::of(|| {
            tr!(
                "presentation-pages-mismatch",
                pages = pages,
                slides = outline.slides.len(),
                shown = shown.len()
            )
        }));
        let mut notes = shown.iter().map(|(_, slide)| slide.notes.clone());
        (1..=pages)
            .map(|page| (page, notes.next().unwrap_or_default()))
            .collect()
    };
    for (number, (place, slide)) in shown.iter().enumerate() {
        if slide.media.is_empty() {
            continue;
        }
        let files = slide.media.join(", ");
        let (shown_number, in_file): (usize, usize) = (number + 1, place + 1);
        warnings.push(Words::of(|| {
            if shown_number == in_file {
                tr!(
                    "presentation-media",
                    slide = shown_number,
                    files = files.as_str()
                )
            } else {
                tr!(
                    "presentation-media-moved",
                    slide = shown_number,
                    in_file = in_file,
                    files = files.as_str()
                )
            }
        }));
    }
    (slides, warnings)
}

/// `3`, `3 and 7`, `2, 5 and 9`, in this thread's language.
fn numbered(numbers: &[usize]) -> String {
    let words: Vec<String> = numbers.iter().map(ToString::to_string).collect();
    match words.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => tr!(
            "presentation-list-and",
            rest = rest.join(", "),
            last = last.as_str()
        ),
    }
}

/// The PDF a presentation deck's slides show (they all show pages of one), if it has slides.
#[must_use]
pub fn converted_pdf(deck: &Deck) -> Option<PathBuf> {
    deck.slides
        .first()
        .filter(|slide| slide.page.is_some())
        .map(|slide| slide.image.clone())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::presentation::SlideOutline;

    fn outline(slides: &[(bool, &str)]) -> Outline {
        Outline {
            slides: slides
                .iter()
                .map(|(hidden, notes)| SlideOutline {
                    hidden: *hidden,
                    notes: (*notes).to_owned(),
                    media: Vec::new(),
                })
                .collect(),
            fonts: std::collections::BTreeSet::new(),
        }
    }

    #[test]
    fn pages_are_matched_to_the_shown_slides_by_their_count() {
        let file = outline(&[(false, "бір"), (true, "hidden"), (false, "үш")]);
        // LibreOffice left the hidden slide out: pages 1 and 2.
        let (slides, warnings) = pages_of_slides(&file, 2, Made::PowerPoint);
        assert_eq!(slides, [(1, "бір".to_owned()), (2, "үш".to_owned())]);
        assert_eq!(
            warnings[0].to_string(),
            "slide 2 is hidden in PowerPoint and left out"
        );
        // It exported it: pages 1 and 3.
        let (slides, _) = pages_of_slides(&file, 3, Made::PowerPoint);
        assert_eq!(slides, [(1, "бір".to_owned()), (3, "үш".to_owned())]);
        // Neither: every page, the notes in order, and a warning.
        let (slides, warnings) = pages_of_slides(&file, 4, Made::Impress);
        assert_eq!(slides.len(), 4);
        assert_eq!(slides[1], (2, "үш".to_owned()));
        assert!(warnings[1].to_string().contains("4 pages"), "{warnings:?}");
    }

    #[test]
    fn hidden_slides_are_listed() {
        assert_eq!(numbered(&[3]), "3");
        assert_eq!(numbered(&[3, 7]), "3 and 7");
        assert_eq!(numbered(&[2, 5, 9]), "2, 5 and 9");
    }
}
