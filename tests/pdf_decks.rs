//! PDF decks, end to end: a PDF (or a RON deck naming one) loads as one slide per page, notes map
//! to pages, `pecha check` counts and renders the pages, and the slide pipeline renders a page
//! at the projector's size with the right colours.
//!
//! The PDFs are written by the tests themselves (`pdf_with_pages`): a few hundred bytes of plain
//! PDF, one solid colour and a line of Helvetica per page, so the expected pixels are known.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::pecha;

use std::fs;
use std::path::Path;

use pecha::check::check_deck;
use pecha::deck::{Deck, DeckError, Format};
use pecha::pdf::PdfProblem;
use pecha::slides::prepare_slide;

/// A PDF with one page per colour (RGB, 0..=1), each `size` points, filled with its colour and
/// labelled `Page N` in black.
fn pdf_with_pages(colours: &[[f32; 3]], size: (f32, f32)) -> Vec<u8> {
    let (width, height) = size;
    let count = colours.len();
    let page_id = |index: usize| 4 + 2 * index;
    let kids: Vec<String> = (0..count).map(|i| format!("{} 0 R", page_id(i))).collect();
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {count} >>",
            kids.join(" ")
        ),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    for (index, [red, green, blue]) in colours.iter().enumerate() {
        let content = format!(
            "{red} {green} {blue} rg 0 0 {width} {height} re f \
             0 0 0 rg BT /F1 24 Tf 20 20 Td (Page {}) Tj ET",
            index + 1
        );
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] \
             /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            page_id(index) + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    common::fixtures::pdf_of_objects(&objects)
}

/// `count` pages of 16:9 (960 x 540 pt, what slide tools export), each a different colour.
fn slides_pdf(count: usize) -> Vec<u8> {
    let colours: Vec<[f32; 3]> = (0..count)
        .map(|i| {
            let shade = i as f32 / count.max(1) as f32;
            [0.9, shade, 0.2]
        })
        .collect();
    pdf_with_pages(&colours, (960.0, 540.0))
}

fn pixel(rgba: &[u8], width: u32, x: u32, y: u32) -> [u8; 4] {
    let at = ((y * width + x) * 4) as usize;
    rgba[at..at + 4].try_into().unwrap()
}

fn close(a: [u8; 4], b: [u8; 4], tolerance: u8) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= tolerance)
}

#[test]
fn a_pdf_is_a_deck_of_its_pages() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Менің сөзім.pdf");
    fs::write(&path, slides_pdf(20)).unwrap();
    let deck = Deck::load(&path).unwrap();
    assert_eq!(deck.title, "Менің сөзім");
    assert_eq!(deck.format, Format::PechaKucha);
    assert_eq!(deck.slides.len(), 20);
    for (index, slide) in deck.slides.iter().enumerate() {
        assert_eq!(slide.image, path);
        assert_eq!(slide.page, Some(index + 1));
        assert!(slide.notes.is_empty());
    }
    let report = check_deck(&deck);
    assert!(report.is_ready(), "{:?}", report.findings);
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn a_ron_deck_gives_a_pdf_notes_page_by_page() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talk.pdf"), slides_pdf(3)).unwrap();
    let ron = dir.path().join("deck.ron");
    fs::write(
        &ron,
        r#"Deck(
            title: "Көпірлер",
            presenter: "Әсел",
            format: Custom(slides: 3, seconds: 20),
            pdf: "talk.pdf",
            notes: ["Бірінші бет", "Вторая страница"],
        )"#,
    )
    .unwrap();
    let deck = Deck::load(&ron).unwrap();
    assert_eq!(deck.title, "Көпірлер");
    let notes: Vec<&str> = deck.slides.iter().map(|s| s.notes.as_str()).collect();
    assert_eq!(notes, ["Бірінші бет", "Вторая страница", ""]);
    let pages: Vec<Option<usize>> = deck.slides.iter().map(|s| s.page).collect();
    assert_eq!(pages, [Some(1), Some(2), Some(3)]);
    assert!(
        deck.slides
            .iter()
            .all(|s| s.image == dir.path().join("talk.pdf"))
    );
    assert!(check_deck(&deck).is_ready());
}

#[test]
fn notes_for_pages_the_pdf_lacks_are_a_warning_not_a_loss_in_silence() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talk.pdf"), slides_pdf(2)).unwrap();
    let ron = dir.path().join("deck.ron");
    fs::write(
        &ron,
        r#"Deck(format: Custom(slides: 2, seconds: 20), pdf: "talk.pdf", notes: ["a", "b", "c"])"#,
    )
    .unwrap();
    let deck = Deck::load(&ron).unwrap();
    let report = check_deck(&deck);
    assert!(report.is_ready());
    let warnings: Vec<String> = report.warnings().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["warning: 3 notes but talk.pdf has 2 pages: the notes after page 2 are not shown"]
    );
}

#[test]
fn a_ron_deck_must_say_slides_or_pdf_not_both() {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("talk.pdf"), slides_pdf(1)).unwrap();
    let both = dir.path().join("both.ron");
    fs::write(
        &both,
        r#"Deck(pdf: "talk.pdf", slides: [Slide(image: "01.png")])"#,
    )
    .unwrap();
    let error = Deck::load(&both).unwrap_err();
    assert!(matches!(error, DeckError::Contents { .. }), "{error:?}");
    assert!(error.to_string().contains("not both"), "{error}");

    let stray_notes = dir.path().join("notes.ron");
    fs::write(
        &stray_notes,
        r#"Deck(notes: ["a"], slides: [Slide(image: "01.png")])"#,
    )
    .unwrap();
    let error = Deck::load(&stray_notes).unwrap_err().to_string();
    assert!(
        error.contains("notes.ron") && error.contains("pdf"),
        "{error}"
    );
}

#[test]
fn a_missing_or_broken_pdf_is_named_with_its_problem() {
    let dir = tempfile::tempdir().unwrap();
    let ron = dir.path().join("deck.ron");
    fs::write(
        &ron,
        "Deck(\n    title: \"Арыки\",\n    pdf: \"gone.pdf\",\n)",
    )
    .unwrap();
    let error = Deck::load(&ron).unwrap_err();
    assert!(
        matches!(&error, DeckError::DeckPdf { problem: PdfProblem::Missing, pdf, line: 3, .. } if pdf.ends_with("gone.pdf")),
        "{error:?}"
    );
    // The deck file and the line that names the PDF come first, then the PDF and its problem.
    let words = error.to_string();
    assert!(words.contains("deck.ron:3: the deck's `pdf:`"), "{words}");
    assert!(words.contains("gone.pdf: the PDF is missing"), "{words}");

    let fake = dir.path().join("fake.pdf");
    fs::write(&fake, "Слайды будут завтра").unwrap();
    let error = Deck::load(&fake).unwrap_err().to_string();
    assert!(error.contains("fake.pdf: not a readable PDF"), "{error}");

    let cut = dir.path().join("cut.pdf");
    let whole = slides_pdf(20);
    fs::write(&cut, &whole[..whole.len() / 3]).unwrap();
    // A cut-off PDF either refuses to load or loses pages; it never panics, and a deck that
    // loads anyway is reported not ready (too few slides) or with pages that do not render.
    if let Ok(deck) = Deck::load(&cut) {
        assert!(!check_deck(&deck).is_ready());
    }
}

#[test]
fn a_page_is_rendered_at_the_screen_size_with_its_colours() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("talk.pdf");
    fs::write(
        &path,
        pdf_with_pages(&[[1.0, 0.0, 0.0], [0.0, 0.5, 1.0]], (960.0, 540.0)),
    )
    .unwrap();
    let pixels = prepare_slide(&path, Some(2), (1920, 1080)).unwrap();
    let screen = &pixels.screen;
    assert_eq!((screen.width, screen.height), (1920, 1080));
    // Top right is plain page colour (the label is bottom left): 0 0.5 1 on white.
    let corner = pixel(screen.rgba(), screen.width, 1900, 20);
    assert!(close(corner, [0, 128, 255, 255], 2), "{corner:?}");
    // The label is drawn: some dark pixels near the bottom left.
    let dark = (1000..1060)
        .flat_map(|y| (40..300).map(move |x| (x, y)))
        .filter(|&(x, y)| pixel(screen.rgba(), screen.width, x, y)[0] < 60)
        .count();
    assert!(
        dark > 100,
        "the page label is rendered ({dark} dark pixels)"
    );
    // Smaller copies for the presenter view, as for image slides.
    assert_eq!(pixels.smaller[0].width, 960);

    // A 4:3 page on a 16:9 screen keeps its shape.
    let four_three = dir.path().join("old.pdf");
    fs::write(
        &four_three,
        pdf_with_pages(&[[0.0, 1.0, 0.0]], (720.0, 540.0)),
    )
    .unwrap();
    let pixels = prepare_slide(&four_three, Some(1), (1920, 1080)).unwrap();
    assert_eq!((pixels.screen.width, pixels.screen.height), (1440, 1080));

    let error = prepare_slide(&path, Some(3), (1920, 1080))
        .unwrap_err()
        .to_string();
    assert!(
        error.contains("talk.pdf") && error.contains("no page 3"),
        "{error}"
    );
}

#[test]
fn check_counts_pdf_pages_against_the_format() {
    let dir = tempfile::tempdir().unwrap();
    let short = dir.path().join("short.pdf");
    fs::write(&short, slides_pdf(19)).unwrap();
    let run = pecha(["check", short.to_str().unwrap()]);
    let text = &run.stdout;
    assert_eq!(run.status, Some(1), "{text}");
    assert!(text.contains("19 slides, PechaKucha needs 20"), "{text}");

    let full = dir.path().join("full.pdf");
    fs::write(&full, slides_pdf(20)).unwrap();
    let run = pecha(["check", full.to_str().unwrap()]);
    let text = &run.stdout;
    assert_eq!(run.status, Some(0), "{text}");
    assert!(text.contains("ready: 20 slides x 20 s"), "{text}");

    let portrait = dir.path().join("mixed.pdf");
    let mut colours = vec![[1.0, 1.0, 1.0]; 20];
    colours[0] = [0.0, 0.0, 0.0];
    let mut pdf = pdf_with_pages(&colours, (960.0, 540.0));
    // Same document with its first page portrait: mixed shapes are a warning, as for images.
    let text_pdf = String::from_utf8(pdf.clone()).unwrap();
    let first_page = text_pdf.find("/MediaBox [0 0 960 540]").unwrap();
    let fixed = format!(
        "{}/MediaBox [0 0 540 960]{}",
        &text_pdf[..first_page],
        &text_pdf[first_page + "/MediaBox [0 0 960 540]".len()..]
    );
    // The replacement has the same length, so the cross-reference offsets stay right.
    assert_eq!(fixed.len(), text_pdf.len());
    pdf = fixed.into_bytes();
    fs::write(&portrait, pdf).unwrap();
    let run = pecha(["check", portrait.to_str().unwrap()]);
    let text = &run.stdout;
    assert_eq!(run.status, Some(0), "{text}");
    assert!(text.contains("mixed aspect ratios"), "{text}");
}

#[test]
fn pdf_fixture_is_a_valid_pdf() {
    // Guards the generator itself: a broken fixture would make the tests above meaningless.
    let bytes = slides_pdf(2);
    assert!(bytes.starts_with(b"%PDF-1.4"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("two.pdf");
    fs::write(&path, bytes).unwrap();
    assert_eq!(pecha::pdf::page_count(Path::new(&path)).unwrap(), 2);
}

#[test]
fn notes_of_a_bare_pdf_are_saved_in_a_deck_file_beside_it() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("talk.pdf");
    std::fs::write(&pdf, slides_pdf(3)).unwrap();
    let mut deck = Deck::load(&pdf).unwrap();
    deck.slides[1].notes = "Екінші бет".into();
    let written = deck.save().unwrap();
    assert_eq!(written, dir.path().join("talk.ron"));
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("pdf: \"talk.pdf\""), "{text}");
    let again = Deck::load(&written).unwrap();
    assert_eq!(again.slides.len(), 3);
    assert_eq!(again.slides[0].notes, "");
    assert_eq!(again.slides[1].notes, "Екінші бет");
    assert_eq!(again.slides[2].page, Some(3));
    // Opened as the bare PDF again, a save never overwrites the deck file already there.
    let mut bare = Deck::load(&pdf).unwrap();
    let error = bare.save().unwrap_err().to_string();
    assert!(
        error.contains("talk.ron") && error.contains("exists"),
        "{error}"
    );
    assert_eq!(std::fs::read_to_string(&written).unwrap(), text);
}

#[test]
fn a_pdf_page_is_never_too_small_it_is_drawn_at_the_screen_size() {
    let dir = tempfile::tempdir().unwrap();
    let square = dir.path().join("square.pdf");
    fs::write(
        &square,
        pdf_with_pages(&[[1.0, 1.0, 1.0]; 20], (540.0, 540.0)),
    )
    .unwrap();
    let run = pecha(["check", square.to_str().unwrap()]);
    let text = &run.stdout;
    assert_eq!(run.status, Some(0), "{text}");
    assert!(!text.contains("is below"), "{text}");
}
