//! PowerPoint's `.pptx` (Office Open XML): which slides, in which order, hidden or not, with
//! which notes.
//!
//! The order is `ppt/presentation.xml`'s list of slide ids, not the slide files' numbers
//! (`slide7.xml` may well come first after slides were moved); each id names its slide through
//! `ppt/_rels/presentation.xml.rels`, and each slide its notes page through its own `_rels`. A
//! hidden slide is `<p:sld show="0">`. The notes are the text of the notes page's body
//! placeholder (not its slide image or slide number).

use std::collections::{BTreeSet, HashMap};

use roxmltree::{Document, Node};

use super::{Outline, OutlineError, Parts, SlideOutline, join_paragraphs, parse};

/// The relationships namespace (`r:id`).
const RELATIONSHIPS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The presentation markup (`p:`).
const PRESENTATION: &str = "http://schemas.openxmlformats.org/presentationml/2006/main";
/// The drawing markup (`a:`): text, fonts.
const DRAWING: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";

/// One relationship of a part: its type (a URI) and the part or file it points to, resolved to
/// a name in the zip.
struct Relationship {
    kind: String,
    target: String,
}

pub(super) fn read<R: std::io::Read + std::io::Seek>(
    parts: &mut Parts<'_, R>,
) -> Result<Outline, OutlineError> {
    let main = main_part(parts)?;
    let text = parts.required(&main)?;
    let document = parse(&main, &text)?;
    let relationships = relationships(parts, &main)?;
    let mut slides = Vec::new();
    let mut fonts = BTreeSet::new();
    for id in document
        .descendants()
        .filter(|node| node.has_tag_name((PRESENTATION, "sldId")))
    {
        let target = id
            .attribute((RELATIONSHIPS, "id"))
            .and_then(|id| relationships.get(id))
            .ok_or_else(|| {
                OutlineError::Damaged(format!("{main} lists a slide that is not in the file"))
            })?;
        slides.push(slide(parts, &target.target, &mut fonts)?);
    }
    // The theme's two fonts are what text without a font of its own is drawn in; the masters
    // and layouts set the titles'.
    for name in parts.names() {
        let design = ["ppt/theme/", "ppt/slideMasters/", "ppt/slideLayouts/"]
            .iter()
            .any(|folder| name.starts_with(folder))
            && std::path::Path::new(&name)
                .extension()
                .is_some_and(|extension| extension.eq_ignore_ascii_case("xml"));
        if design && let Some(text) = parts.text(&name)? {
            typefaces(&parse(&name, &text)?, &mut fonts);
        }
    }
    Ok(Outline { slides, fonts })
}

/// The slide at `part`: hidden or not, its notes and media; its typefaces go into `fonts`.
fn slide<R: std::io::Read + std::io::Seek>(
    parts: &mut Parts<'_, R>,
    part: &str,
    fonts: &mut BTreeSet<String>,
) -> Result<SlideOutline, OutlineError> {
    let text = parts.required(part)?;
    let document = parse(part, &text)?;
    let root = document.root_element();
    let hidden = matches!(root.attribute("show"), Some("0" | "false"));
    typefaces(&document, fonts);
    let mut notes = String::new();
    let mut media = Vec::new();
    for relationship in relationships(parts, part)?.into_values() {
        if relationship.kind.ends_with("/notesSlide") {
            if let Some(text) = parts.text(&relationship.target)? {
                notes = notes_text(&parse(&relationship.target, &text)?);
            }
        } else if ["/video", "/audio", "/media"]
            .iter()
            .any(|kind| relationship.kind.ends_with(kind))
        {
            let name = relationship
                .target
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_owned();
            if !media.contains(&name) {
                media.push(name);
            }
        }
    }
    media.sort();
    Ok(SlideOutline {
        hidden,
        notes,
        media,
    })
}

/// The presentation part, as `_rels/.rels` names it (`ppt/presentation.xml` in every file seen).
fn main_part<R: std::io::Read + std::io::Seek>(
    parts: &mut Parts<'_, R>,
) -> Result<String, OutlineError> {
    let found = relationships(parts, "")?
        .into_values()
        .find(|relationship| relationship.kind.ends_with("/officeDocument"))
        .map(|relationship| relationship.target);
    Ok(found.unwrap_or_else(|| "ppt/presentation.xml".to_owned()))
}

/// The relationships of `part` (`""` for the package's own), by id, targets resolved against the
/// part's folder. A part without relationships has none.
fn relationships<R: std::io::Read + std::io::Seek>(
    parts: &mut Parts<'_, R>,
    part: &str,
) -> Result<HashMap<String, Relationship>, OutlineError> {
    let (folder, file) = part.rsplit_once('/').unwrap_or(("", part));
    let name = if folder.is_empty() {
        format!("_rels/{file}.rels")
    } else {
        format!("{folder}/_rels/{file}.rels")
    };
    let Some(text) = parts.text(&name)? else {
        return Ok(HashMap::new());
    };
    let document = parse(&name, &text)?;
    Ok(document
        .descendants()
        .filter(|node| node.tag_name().name() == "Relationship")
        // A linked file (a video on the presenter's disk) is no part of the zip.
        .filter(|node| node.attribute("TargetMode") != Some("External") || is_media(node))
        .filter_map(|node| {
            let id = node.attribute("Id")?;
            let kind = node.attribute("Type")?.to_owned();
            let target = node.attribute("Target")?;
            Some((
                id.to_owned(),
                Relationship {
                    kind,
                    target: resolve(folder, target),
                },
            ))
        })
        .collect())
}

/// A relationship to video or sound, embedded or linked.
fn is_media(node: &Node<'_, '_>) -> bool {
    node.attribute("Type").is_some_and(|kind| {
        ["/video", "/audio", "/media"]
            .iter()
            .any(|end| kind.ends_with(end))
    })
}

/// `target` relative to `folder`, as a zip name: `../notesSlides/notesSlide1.xml` from
/// `ppt/slides` is `ppt/notesSlides/notesSlide1.xml`; `/ppt/x.xml` is from the top.
fn resolve(folder: &str, target: &str) -> String {
    let mut segments: Vec<&str> = if target.starts_with('/') {
        Vec::new()
    } else {
        folder.split('/').filter(|s| !s.is_empty()).collect()
    };
    for segment in target.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                segments.pop();
            }
            other => segments.push(other),
        }
    }
    segments.join("/")
}

/// The notes page's body text: each paragraph on its own line.
fn notes_text(document: &Document<'_>) -> String {
    let body = document
        .descendants()
        .filter(|node| node.has_tag_name((PRESENTATION, "sp")))
        .filter(|shape| {
            shape
                .descendants()
                .find(|node| node.has_tag_name((PRESENTATION, "ph")))
                .is_some_and(|placeholder| placeholder.attribute("type") == Some("body"))
        });
    let mut paragraphs = Vec::new();
    for shape in body {
        for paragraph in shape
            .descendants()
            .filter(|node| node.has_tag_name((DRAWING, "p")))
        {
            let mut line = String::new();
            for node in paragraph.descendants() {
                if node.has_tag_name((DRAWING, "t")) {
                    line.push_str(node.text().unwrap_or_default());
                } else if node.has_tag_name((DRAWING, "br")) {
                    line.push('\n');
                }
            }
            paragraphs.push(line);
        }
    }
    join_paragraphs(&paragraphs)
}

/// Every typeface set on text in `document` (`<a:latin typeface="Calibri"/>`, East Asian and
/// complex-script ones too); `+mn-lt` and the like point at the theme's, which is read itself.
fn typefaces(document: &Document<'_>, fonts: &mut BTreeSet<String>) {
    for node in document.descendants() {
        let font_element = ["latin", "ea", "cs"]
            .iter()
            .any(|name| node.has_tag_name((DRAWING, *name)));
        if !font_element {
            continue;
        }
        if let Some(face) = node.attribute("typeface")
            && !face.is_empty()
            && !face.starts_with('+')
        {
            fonts.insert(face.to_owned());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn targets_resolve_against_their_part() {
        assert_eq!(
            resolve("ppt/slides", "../notesSlides/notesSlide1.xml"),
            "ppt/notesSlides/notesSlide1.xml"
        );
        assert_eq!(resolve("ppt", "slides/slide2.xml"), "ppt/slides/slide2.xml");
        assert_eq!(resolve("ppt/slides", "/ppt/media/a.mp4"), "ppt/media/a.mp4");
        assert_eq!(resolve("", "ppt/presentation.xml"), "ppt/presentation.xml");
    }
}
