//! Impress's `.odp` (OpenDocument): the slides are the `draw:page`s of `content.xml`, in order.
//!
//! A hidden slide is one whose page style says `presentation:visibility="hidden"` (the
//! attribute is a drawing-page property, so it sits in the automatic styles, not on the page).
//! The notes are the `presentation:notes` page's frame of class `notes`. A file saved with a
//! password keeps its zip but encrypts the parts, which `META-INF/manifest.xml` says.

use std::collections::{BTreeSet, HashSet};

use roxmltree::{Document, Node};

use super::{Outline, OutlineError, Parts, SlideOutline, join_paragraphs, parse};

const DRAW: &str = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0";
const PRESENTATION: &str = "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0";
const STYLE: &str = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
const TEXT: &str = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
const XLINK: &str = "http://www.w3.org/1999/xlink";
const SVG: &str = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
const MANIFEST: &str = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0";

pub(super) fn read<R: std::io::Read + std::io::Seek>(
    parts: &mut Parts<'_, R>,
) -> Result<Outline, OutlineError> {
    if let Some(manifest) = parts.text("META-INF/manifest.xml")? {
        let manifest = parse("META-INF/manifest.xml", &manifest)?;
        if manifest
            .descendants()
            .any(|node| node.has_tag_name((MANIFEST, "encryption-data")))
        {
            return Err(OutlineError::PasswordProtected);
        }
    }
    let text = parts.required("content.xml")?;
    let content = parse("content.xml", &text)?;
    let hidden_styles = hidden_page_styles(&content);
    let slides = content
        .descendants()
        .filter(|node| node.has_tag_name((DRAW, "page")))
        .map(|page| {
            let hidden = page.attribute((PRESENTATION, "visibility")) == Some("hidden")
                || page
                    .attribute((DRAW, "style-name"))
                    .is_some_and(|style| hidden_styles.contains(style));
            SlideOutline {
                hidden,
                notes: notes_text(page),
                media: media(page),
            }
        })
        .collect();
    let mut fonts = BTreeSet::new();
    font_faces(&content, &mut fonts);
    if let Some(styles) = parts.text("styles.xml")? {
        font_faces(&parse("styles.xml", &styles)?, &mut fonts);
    }
    Ok(Outline { slides, fonts })
}

/// The names of the page styles that hide a slide.
fn hidden_page_styles<'a>(content: &'a Document<'_>) -> HashSet<&'a str> {
    content
        .descendants()
        .filter(|node| node.has_tag_name((STYLE, "drawing-page-properties")))
        .filter(|properties| properties.attribute((PRESENTATION, "visibility")) == Some("hidden"))
        .filter_map(|properties| properties.parent_element())
        .filter(|style| style.has_tag_name((STYLE, "style")))
        .filter_map(|style| style.attribute((STYLE, "name")))
        .collect()
}

/// The text of the page's notes: each paragraph on its own line.
fn notes_text(page: Node<'_, '_>) -> String {
    let mut paragraphs = Vec::new();
    let notes = page
        .children()
        .filter(|node| node.has_tag_name((PRESENTATION, "notes")));
    for frame in notes.flat_map(|notes| {
        notes
            .descendants()
            .filter(|node| node.has_tag_name((DRAW, "frame")))
            .filter(|frame| frame.attribute((PRESENTATION, "class")) == Some("notes"))
    }) {
        for paragraph in frame
            .descendants()
            .filter(|node| node.has_tag_name((TEXT, "p")) || node.has_tag_name((TEXT, "h")))
        {
            let mut line = String::new();
            paragraph_text(paragraph, &mut line);
            paragraphs.push(line);
        }
    }
    join_paragraphs(&paragraphs)
}

/// A paragraph's text: spans followed, `text:s` as its count of spaces, tabs and line breaks
/// as such.
fn paragraph_text(node: Node<'_, '_>, line: &mut String) {
    for child in node.children() {
        if child.is_text() {
            line.push_str(child.text().unwrap_or_default());
        } else if child.has_tag_name((TEXT, "s")) {
            let count = child
                .attribute((TEXT, "c"))
                .and_then(|count| count.parse::<usize>().ok())
                .unwrap_or(1)
                .min(1000);
            line.push_str(&" ".repeat(count));
        } else if child.has_tag_name((TEXT, "tab")) {
            line.push('\t');
        } else if child.has_tag_name((TEXT, "line-break")) {
            line.push('\n');
        } else if child.is_element() {
            paragraph_text(child, line);
        }
    }
}

/// Video and sound on the page (`draw:plugin`), by file name.
fn media(page: Node<'_, '_>) -> Vec<String> {
    let mut media: Vec<String> = page
        .descendants()
        .filter(|node| node.has_tag_name((DRAW, "plugin")))
        .filter_map(|plugin| plugin.attribute((XLINK, "href")))
        .map(|href| href.rsplit('/').next().unwrap_or(href).to_owned())
        .collect();
    media.sort();
    media.dedup();
    media
}

/// The font families a document declares (`style:font-face svg:font-family`).
fn font_faces(document: &Document<'_>, fonts: &mut BTreeSet<String>) {
    for face in document
        .descendants()
        .filter(|node| node.has_tag_name((STYLE, "font-face")))
    {
        if let Some(family) = face.attribute((SVG, "font-family")) {
            let family = family.trim_matches(|c| c == '\'' || c == '"').trim();
            if !family.is_empty() {
                fonts.insert(family.to_owned());
            }
        }
    }
}
