//! Loading and checking real deck files: RON decks, image folders, and every kind of broken image
//! a presenter can bring. Small fixtures live in tests/data; anything large or broken on purpose
//! (truncated JPEGs, decompression bombs, Cyrillic copies) is generated into a temporary folder.
#![allow(clippy::unwrap_used)]

mod common;
use common::fixtures::{copy_good_images, copy_good_images_as, crc32, data, good_image};

use std::fmt::Write as _;
use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use image::codecs::jpeg::JpegEncoder;
use image::{GrayImage, ImageFormat, Rgb, RgbImage};
use pecha::check::{ImageProblem, Report, Severity, check_deck, probe_image};
use pecha::deck::{Deck, DeckError, Format, ParseFormatError};
use tempfile::TempDir;

/// Writes `deck.ron` into `dir` with the given format and `(image, notes)` slides.
fn write_ron_deck(dir: &Path, format: &str, slides: &[(String, String)]) -> PathBuf {
    let mut text = format!("(\n    title: \"Test\",\n    format: {format},\n    slides: [\n");
    for (image, notes) in slides {
        writeln!(text, "        (image: {image:?}, notes: {notes:?}),").unwrap();
    }
    text.push_str("    ],\n)\n");
    let path = dir.join("deck.ron");
    fs::write(&path, text).unwrap();
    path
}

/// `count` slides showing `01.png` to `20.png` (then from `01.png` again), with no notes.
fn numbered_slides(count: usize) -> Vec<(String, String)> {
    (1..=count)
        .map(|i| (format!("{:02}.png", (i - 1) % 20 + 1), String::new()))
        .collect()
}

/// A 20-slide `PechaKucha` deck in a temporary folder, ready except for what the caller breaks.
fn good_deck_copy() -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    copy_good_images(temp.path());
    let path = write_ron_deck(temp.path(), "PechaKucha", &numbered_slides(20));
    (temp, path)
}

fn check(path: &Path) -> Report {
    check_deck(&Deck::load(path).unwrap())
}

fn errors(report: &Report) -> Vec<String> {
    report.errors().map(ToString::to_string).collect()
}

fn warnings(report: &Report) -> Vec<String> {
    report.warnings().map(ToString::to_string).collect()
}

fn write_jpeg(path: &Path, width: u32, height: u32) {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x % 256) as u8, (y % 256) as u8, ((x * y) % 251) as u8])
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 85)
        .encode_image(&image)
        .unwrap();
    fs::write(path, bytes).unwrap();
}

fn write_png(path: &Path, width: u32, height: u32) {
    RgbImage::from_pixel(width, height, Rgb([30, 60, 90]))
        .save_with_format(path, ImageFormat::Png)
        .unwrap();
}

fn png_chunk(out: &mut Vec<u8>, kind: [u8; 4], data: &[u8]) {
    out.extend_from_slice(&u32::try_from(data.len()).unwrap().to_be_bytes());
    let start = out.len();
    out.extend_from_slice(&kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A valid PNG header claiming `width` x `height` RGB pixels, with a tiny IDAT (an empty zlib
/// stream): a few dozen bytes that would decode to gigabytes.
fn bomb_png(width: u32, height: u32) -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = Vec::new();
    ihdr.extend_from_slice(&width.to_be_bytes());
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]); // 8-bit, RGB, deflate, adaptive filter, no interlace
    png_chunk(&mut png, *b"IHDR", &ihdr);
    // zlib header, one final stored block of length 0, Adler-32 of nothing.
    png_chunk(
        &mut png,
        *b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00, 0x00, 0x01,
        ],
    );
    png_chunk(&mut png, *b"IEND", &[]);
    png
}

#[test]
fn crc32_matches_the_png_specification() {
    assert_eq!(crc32(b"IEND"), 0xAE42_6082);
}

// ---- good decks -------------------------------------------------------------------------------

#[test]
fn good_ron_deck_loads_and_is_ready() {
    let path = data("good/deck.ron");
    let deck = Deck::load(&path).unwrap();
    assert_eq!(deck.title, "Как молодые люди меняют Шымкент");
    assert_eq!(deck.presenter, "Тохтар Алимбеков");
    assert_eq!(deck.format, Format::PechaKucha);
    assert_eq!(deck.slides.len(), 20);
    assert_eq!(deck.slides[0].image, data("good/01.png"));
    assert_eq!(deck.slides[1].notes, "Қала жастары: әрбір аулада жаңа идея");
    assert_eq!(deck.source, path);

    let report = check_deck(&deck);
    assert!(report.is_ready(), "{}", report.to_text());
    assert!(report.findings.is_empty(), "{}", report.to_text());
    assert_eq!(
        report.summary(),
        "ready: 20 slides x 20 s (PechaKucha), 6:40"
    );
    assert_eq!(report.to_text(), format!("{}\n", report.summary()));
    assert_eq!((report.slide_count, report.expected_slides), (20, 20));
    assert_eq!((report.seconds_per_slide, report.total_seconds), (20, 400));
}

#[test]
fn a_folder_with_deck_ron_loads_the_ron_file() {
    let deck = Deck::load(&data("good")).unwrap();
    assert_eq!(deck.source, data("good/deck.ron"));
    assert_eq!(deck.title, "Как молодые люди меняют Шымкент");
}

#[test]
fn good_folder_deck_is_in_natural_order_and_titled_by_the_folder() {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("My talk");
    // slide3 with an upper-case extension; a hidden image, a text file and a subfolder are skipped.
    copy_good_images_as(&dir, 20, |i| {
        if i == 3 {
            "slide3.PNG".to_owned()
        } else {
            format!("slide{i}.png")
        }
    });
    fs::copy(good_image(1), dir.join(".hidden.png")).unwrap();
    fs::write(dir.join("notes.txt"), "not a slide").unwrap();
    copy_good_images_as(&dir.join("sub"), 1, |_| "slide0.png".to_owned());

    let deck = Deck::load(&dir).unwrap();
    assert_eq!(deck.title, "My talk");
    assert_eq!(deck.presenter, "");
    assert_eq!(deck.format, Format::PechaKucha);
    assert_eq!(deck.source, dir);
    let names: Vec<String> = deck
        .slides
        .iter()
        .map(|s| s.image.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    let expected: Vec<String> = (1..=20)
        .map(|i| {
            if i == 3 {
                "slide3.PNG".to_owned()
            } else {
                format!("slide{i}.png")
            }
        })
        .collect();
    assert_eq!(names, expected);
    let position = |name: &str| names.iter().position(|n| n == name).unwrap();
    assert!(position("slide2.png") < position("slide10.png"));
    assert!(deck.slides.iter().all(|s| s.notes.is_empty()));

    let report = check_deck(&deck);
    assert!(report.is_ready(), "{}", report.to_text());
    assert_eq!(report.title, "My talk");
}

#[test]
fn a_folder_without_images_is_an_error_naming_it() {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("Пустая папка");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("readme.txt"), "no slides").unwrap();
    let error = Deck::load(&dir).unwrap_err();
    assert!(matches!(error, DeckError::NoImages { .. }), "{error:?}");
    assert!(error.to_string().contains("Пустая папка"), "{error}");
    assert!(error.to_string().contains("no slide images"), "{error}");
}

#[test]
fn a_path_that_does_not_exist_is_an_io_error_naming_it() {
    let path = data("no such deck.ron");
    let error = Deck::load(&path).unwrap_err();
    assert!(matches!(error, DeckError::Io { .. }), "{error:?}");
    assert!(error.to_string().contains("no such deck.ron"), "{error}");
    assert_eq!(error.path(), path);
}

#[test]
fn an_image_or_a_pdf_given_as_a_deck_is_explained() {
    let error = Deck::load(&good_image(1)).unwrap_err();
    assert!(matches!(error, DeckError::Unsupported { .. }), "{error:?}");
    assert!(error.to_string().contains("single image"), "{error}");

    let temp = TempDir::new().unwrap();
    let pdf = temp.path().join("talk.pdf");
    fs::write(&pdf, b"%PDF-1.7").unwrap();
    let error = Deck::load(&pdf).unwrap_err();
    assert!(error.to_string().contains("not a readable PDF"), "{error}");
}

// ---- errors that make a deck not ready ----------------------------------------------------------

#[test]
fn nineteen_slides_are_not_ready_and_the_message_says_19_and_20() {
    let report = check(&data("nineteen.ron"));
    assert!(!report.is_ready());
    assert_eq!(report.summary(), "not ready: 1 problem");
    let errors = errors(&report);
    assert_eq!(errors, ["error: 19 slides, PechaKucha needs 20"]);
    assert_eq!(report.findings[0].slide, None);
}

#[test]
fn a_missing_image_is_an_error_naming_the_slide_and_file() {
    let (temp, path) = good_deck_copy();
    fs::remove_file(temp.path().join("04.png")).unwrap();
    let report = check(&path);
    assert!(!report.is_ready());
    assert_eq!(
        errors(&report),
        ["error: slide 4 (04.png): image is missing"]
    );
    assert_eq!(report.findings[0].slide, Some(4));
    assert_eq!(
        report.findings[0].file.as_deref(),
        Some(Path::new("04.png"))
    );
}

#[test]
fn a_missing_image_with_another_case_on_disk_gets_a_hint() {
    let (temp, path) = good_deck_copy();
    fs::rename(temp.path().join("05.png"), temp.path().join("05.PNG")).unwrap();
    let report = check(&path);
    let errors = errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("error: slide 5 (05.png): image is missing"),
        "{errors:?}"
    );
    assert!(errors[0].contains("there is `05.PNG`"), "{errors:?}");
}

#[test]
fn a_truncated_jpeg_is_an_error() {
    let temp = TempDir::new().unwrap();
    let whole = temp.path().join("whole.jpg");
    write_jpeg(&whole, 1280, 720);
    assert!(probe_image(&whole).is_ok(), "a whole JPEG decodes");

    let bytes = fs::read(&whole).unwrap();
    for cut in [bytes.len() / 2, bytes.len() - 2] {
        let truncated = temp.path().join("truncated.jpg");
        fs::write(&truncated, &bytes[..cut]).unwrap();
        let problem = probe_image(&truncated).unwrap_err();
        assert!(
            matches!(problem, ImageProblem::Truncated { .. }),
            "{problem:?}"
        );
        assert!(problem.to_string().contains("truncated"), "{problem}");
    }
}

#[test]
fn a_truncated_png_is_an_error() {
    let temp = TempDir::new().unwrap();
    let bytes = fs::read(good_image(1)).unwrap();
    let truncated = temp.path().join("cut.png");
    fs::write(&truncated, &bytes[..bytes.len() / 2]).unwrap();
    let problem = probe_image(&truncated).unwrap_err();
    assert!(
        problem.to_string().starts_with("does not decode as PNG"),
        "{problem}"
    );
}

#[test]
fn a_text_file_named_jpg_is_an_error() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("photo.jpg");
    fs::write(&path, "<html><body>404 Not Found</body></html>\n").unwrap();
    let problem = probe_image(&path).unwrap_err();
    assert!(matches!(problem, ImageProblem::Text), "{problem:?}");
    assert_eq!(problem.to_string(), "is a text file, not an image");
}

#[test]
fn an_empty_png_is_an_error() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("empty.png");
    fs::write(&path, b"").unwrap();
    let problem = probe_image(&path).unwrap_err();
    assert!(matches!(problem, ImageProblem::Empty), "{problem:?}");
    assert_eq!(problem.to_string(), "file is empty (0 bytes)");
}

#[test]
fn random_bytes_are_an_error() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("noise.png");
    fs::write(&path, [0x00, 0x9F, 0xFE, 0x12, 0x80, 0x81, 0x00, 0x01]).unwrap();
    let problem = probe_image(&path).unwrap_err();
    assert!(
        matches!(problem, ImageProblem::UnknownFormat),
        "{problem:?}"
    );
}

#[test]
fn a_folder_named_like_an_image_is_an_error() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("folder.png");
    fs::create_dir(&path).unwrap();
    let problem = probe_image(&path).unwrap_err();
    assert!(matches!(problem, ImageProblem::NotAFile), "{problem:?}");
}

#[test]
fn a_decompression_bomb_is_refused_without_decoding() {
    let temp = TempDir::new().unwrap();
    let bomb = bomb_png(30_000, 30_000);
    assert!(
        bomb.len() < 100,
        "the bomb itself is tiny: {} bytes",
        bomb.len()
    );
    let path = temp.path().join("bomb.png");
    fs::write(&path, &bomb).unwrap();

    let started = Instant::now();
    let problem = probe_image(&path).unwrap_err();
    // 30000 x 30000 RGB is 2.7 GB; refusing it from the header takes microseconds.
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            problem,
            ImageProblem::TooManyPixels {
                width: 30_000,
                height: 30_000
            }
        ),
        "{problem:?}"
    );
    let message = problem.to_string();
    assert!(message.contains("30000 x 30000"), "{message}");
    assert!(
        message.contains("over the 16384 x 16384 limit"),
        "{message}"
    );
}

#[test]
fn a_bomb_in_a_deck_makes_it_not_ready() {
    let (temp, path) = good_deck_copy();
    fs::write(temp.path().join("07.png"), bomb_png(30_000, 30_000)).unwrap();
    let report = check(&path);
    assert!(!report.is_ready());
    let errors = errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with("error: slide 7 (07.png): claims 30000 x 30000 pixels"),
        "{errors:?}"
    );
}

#[test]
fn a_progressive_jpeg_is_refused_when_its_coefficients_would_pass_the_memory_limit() {
    // From fuzz/slide_image's slow units: a few hundred bytes of progressive JPEG claiming
    // 16384 x 10900 pixels. Its picture (536 MB) is under the 512 MiB limit, but its decoder
    // keeps twice as much again in coefficients: this test took 750 MB before the fix.
    let mut jpeg = fs::read(data("formats/progressive_restart.jpg")).unwrap();
    let frame = jpeg
        .windows(2)
        .position(|pair| pair == [0xFF, 0xC2])
        .unwrap();
    jpeg[frame + 5..frame + 7].copy_from_slice(&10_900_u16.to_be_bytes());
    jpeg[frame + 7..frame + 9].copy_from_slice(&16_384_u16.to_be_bytes());
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("claims.jpg");
    fs::write(&path, &jpeg).unwrap();
    let started = Instant::now();
    let problem = probe_image(&path).unwrap_err();
    assert!(
        matches!(
            problem,
            ImageProblem::TooMuchMemory {
                width: 16_384,
                height: 10_900,
                ..
            }
        ),
        "{problem:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
}

/// A 1 x 1 indexed PNG whose palette is 4 bytes, not whole RGB triples: png 0.18.1's decoder
/// panics on it (`palette.rs:74`, image-rs/image-png#694) instead of returning an error.
fn png_that_panics_its_decoder() -> Vec<u8> {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    // 1 x 1, 8-bit, indexed colour, deflate, adaptive filter, no interlace.
    png_chunk(&mut png, *b"IHDR", &[0, 0, 0, 1, 0, 0, 0, 1, 8, 3, 0, 0, 0]);
    png_chunk(&mut png, *b"PLTE", &[0xBE, 0x55, 0x28, 0xBF]);
    // zlib: one stored block holding the row (filter 0, index 0), then its Adler-32.
    png_chunk(
        &mut png,
        *b"IDAT",
        &[
            0x78, 0x01, 0x01, 0x02, 0x00, 0xFD, 0xFF, 0, 0, 0x00, 0x02, 0x00, 0x01,
        ],
    );
    png_chunk(&mut png, *b"IEND", &[]);
    png
}

#[test]
fn an_image_that_makes_its_decoder_panic_is_a_damaged_slide_not_a_crash() {
    // Found by fuzz/slide_image: the panic went through the check's worker threads and ended
    // `pecha check` (and would have ended the slide pipeline's thread).
    let (temp, path) = good_deck_copy();
    fs::write(temp.path().join("07.png"), png_that_panics_its_decoder()).unwrap();
    let report = check(&path);
    assert!(!report.is_ready());
    let errors = errors(&report);
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].starts_with(
            "error: slide 7 (07.png): does not decode as PNG: the file is damaged; copy it again"
        ),
        "{errors:?}"
    );
    let shown = pecha::slides::prepare_for_screen(&temp.path().join("07.png"), (64, 36));
    assert!(shown.is_err());
}

#[test]
fn an_image_too_big_for_memory_is_refused_without_decoding() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("big.png");
    // Within the side limit, but 16000 x 16000 x 3 bytes is 732 MiB, over the 512 MiB limit.
    fs::write(&path, bomb_png(16_000, 16_000)).unwrap();
    let problem = probe_image(&path).unwrap_err();
    assert!(
        matches!(
            problem,
            ImageProblem::TooMuchMemory {
                width: 16_000,
                height: 16_000,
                ..
            }
        ),
        "{problem:?}"
    );
    let message = problem.to_string();
    assert!(message.contains("16000 x 16000"), "{message}");
    assert!(message.contains("over the 512 MB limit"), "{message}");
}

#[test]
fn an_8k_image_decodes() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("8k.png");
    GrayImage::from_pixel(7680, 4320, image::Luma([128]))
        .save_with_format(&path, ImageFormat::Png)
        .unwrap();
    let info = probe_image(&path).unwrap();
    assert_eq!((info.width, info.height), (7680, 4320));
}

#[test]
fn a_photo_turned_by_exif_is_measured_upright() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("portrait.jpg");
    write_jpeg(&path, 1280, 720);
    // An APP1 Exif segment right after SOI, orientation 6: show turned 90 degrees clockwise.
    let mut exif = b"Exif\0\0MM\0\x2a\0\0\0\x08\0\x01".to_vec();
    exif.extend_from_slice(&[
        0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, 0x00, 0x06, 0, 0, 0, 0, 0, 0,
    ]);
    let mut bytes = fs::read(&path).unwrap();
    let mut segment = vec![0xFF, 0xE1];
    segment.extend_from_slice(&u16::try_from(exif.len() + 2).unwrap().to_be_bytes());
    segment.extend_from_slice(&exif);
    bytes.splice(2..2, segment);
    fs::write(&path, bytes).unwrap();

    let info = probe_image(&path).unwrap();
    assert_eq!((info.width, info.height), (720, 1280));
    let image = pecha::check::decode_image(&path).unwrap();
    assert_eq!((image.width(), image.height()), (720, 1280));
}

#[test]
fn every_image_is_checked_three_broken_images_give_three_errors() {
    let (temp, path) = good_deck_copy();
    fs::remove_file(temp.path().join("03.png")).unwrap();
    fs::write(temp.path().join("09.png"), "not an image").unwrap();
    fs::write(temp.path().join("15.png"), b"").unwrap();
    let report = check(&path);
    assert!(!report.is_ready());
    assert_eq!(report.summary(), "not ready: 3 problems");
    assert_eq!(
        errors(&report),
        [
            "error: slide 3 (03.png): image is missing",
            "error: slide 9 (09.png): is a text file, not an image",
            "error: slide 15 (15.png): file is empty (0 bytes)",
        ]
    );
    let text = report.to_text();
    assert_eq!(text.lines().count(), 4, "{text}");
    assert!(
        text.starts_with("not ready: 3 problems\nerror: slide 3"),
        "{text}"
    );
}

#[test]
fn the_quick_check_finds_broken_files_and_the_count_without_decoding() {
    let (temp, path) = good_deck_copy();
    fs::remove_file(temp.path().join("03.png")).unwrap();
    fs::write(temp.path().join("09.png"), "not an image").unwrap();
    fs::write(temp.path().join("15.png"), b"").unwrap();
    let whole = temp.path().join("whole.jpg");
    write_jpeg(&whole, 640, 360);
    let bytes = fs::read(&whole).unwrap();
    fs::write(temp.path().join("17.png"), &bytes[..bytes.len() / 2]).unwrap();
    let deck = Deck::load(&path).unwrap();
    let found: Vec<String> = pecha::check::quick_check(&deck, deck.format)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        found,
        [
            "error: slide 3 (03.png): image is missing",
            "error: slide 9 (09.png): is a text file, not an image",
            "error: slide 15 (15.png): file is empty (0 bytes)",
            "error: slide 17 (17.png): JPEG file is truncated: it ends before the image does",
        ]
    );
    // The count is judged against the format the talk runs in, which `--format` may change.
    let found: Vec<String> = pecha::check::quick_check(&deck, Format::Ignite)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found.len(), 4, "{found:?}");
    let mut short = Deck::load(&path).unwrap();
    short.slides.truncate(2);
    let found: Vec<String> = pecha::check::quick_check(&short, Format::PechaKucha)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(found, ["error: 2 slides, PechaKucha needs 20"]);
}

// ---- warnings ---------------------------------------------------------------------------------

#[test]
fn a_portrait_slide_is_held_to_the_minimum_size_turned_on_its_side() {
    let (temp, path) = good_deck_copy();
    write_png(&temp.path().join("07.png"), 720, 1280);
    write_png(&temp.path().join("08.png"), 600, 1000);
    let below: Vec<String> = warnings(&check(&path))
        .into_iter()
        .filter(|warning| warning.contains("is below"))
        .collect();
    assert_eq!(
        below,
        ["warning: slide 8 (08.png): 600 x 1000 is below 720 x 1280"]
    );
}

#[test]
fn warnings_leave_the_deck_ready() {
    let (temp, path) = good_deck_copy();
    // Slide 7: 4:3 and small. Slide 12: over 20 MB (a valid PNG followed by padding).
    write_png(&temp.path().join("07.png"), 1024, 768);
    let mut big = fs::read(good_image(12)).unwrap();
    big.resize(21 * 1024 * 1024, 0);
    fs::write(temp.path().join("12.png"), big).unwrap();
    // Slide 2: 61 words, more than 3 words a second for 20 s.
    let mut slides = numbered_slides(20);
    slides[1].1 = vec!["сөз"; 61].join(" ");
    slides[2].1 = vec!["сөз"; 60].join(" ");
    write_ron_deck(temp.path(), "PechaKucha", &slides);

    let report = check(&path);
    assert!(report.is_ready(), "{}", report.to_text());
    assert_eq!(
        report.summary(),
        "ready: 20 slides x 20 s (PechaKucha), 6:40, 4 warnings"
    );
    assert_eq!(
        warnings(&report),
        [
            "warning: mixed aspect ratios: 16:9 on 19 slides, 4:3 on slide 7",
            "warning: slide 2 (02.png): notes are 61 words, too many to say in 20 s (about 60 at 3 words a second)",
            "warning: slide 7 (07.png): 1024 x 768 is below 1280 x 720",
            "warning: slide 12 (12.png): file is 21 MB, over 20 MB; it will be slow to load",
        ]
    );
    assert!(
        report
            .findings
            .iter()
            .all(|f| f.severity == Severity::Warning)
    );
}

#[test]
fn mixed_aspect_ratios_name_the_odd_slides() {
    let (temp, path) = good_deck_copy();
    write_png(&temp.path().join("03.png"), 1600, 1200);
    write_png(&temp.path().join("09.png"), 1600, 1200);
    let report = check(&path);
    assert_eq!(
        warnings(&report),
        ["warning: mixed aspect ratios: 16:9 on 18 slides, 4:3 on slides 3, 9"]
    );
}

// ---- RON errors -------------------------------------------------------------------------------

#[test]
fn a_syntax_error_names_file_line_and_column() {
    let path = data("syntax_error.ron");
    let error = Deck::load(&path).unwrap_err();
    let DeckError::Syntax { line, column, .. } = &error else {
        panic!("{error:?}");
    };
    assert_eq!((*line, *column), (4, 5));
    assert_eq!(
        error.to_string(),
        format!("{}:4:5: expected comma", path.display())
    );
}

#[test]
fn an_unknown_field_is_named_with_the_expected_ones() {
    let path = data("unknown_field.ron");
    let error = Deck::load(&path).unwrap_err();
    let DeckError::UnknownField {
        field,
        line,
        column,
        ..
    } = &error
    else {
        panic!("{error:?}");
    };
    assert_eq!(field, "note");
    assert_eq!((*line, *column), (6, 32));
    assert_eq!(
        error.to_string(),
        format!(
            "{}:6:32: unknown field `note` in a slide, expected `image` or `notes` (did you mean `notes`?)",
            path.display()
        )
    );
}

#[test]
fn an_unknown_deck_field_lists_all_deck_fields() {
    let error = Deck::from_ron_str(
        "(\n  autor: \"Әсел\",\n  slides: [],\n)",
        Path::new("x.ron"),
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "x.ron:2:3: unknown field `autor` in the deck, expected one of `title`, `presenter`, `format`, `slides`, `pdf` or `notes`"
    );
}

#[test]
fn other_ron_mistakes_are_explained() {
    let table = [
        (
            "(slides: [(notes: \"x\")])",
            "x.ron:1:22: missing field `image` in a slide",
        ),
        (
            "(title: \"a\")",
            "x.ron: no slides: give `slides: [Slide(image: \"01.jpg\"), ...]` or `pdf: \"file.pdf\"`",
        ),
        (
            "(format: Pecha, slides: [])",
            "x.ron:1:10: unknown format `Pecha`, expected `PechaKucha`, `Ignite` or `Custom(slides: N, seconds: N)`",
        ),
        (
            "(format: Custom(slides: 0, seconds: 20), slides: [])",
            // Where it is written: the file, line and column.
            "x.ron:1:39: a Custom format needs at least 1 slide",
        ),
        (
            "(format: Custom(slides: 20, seconds: 0), slides: [])",
            "x.ron:1:39: a Custom format needs at least 1 second per slide",
        ),
        ("(title: 5, slides: [])", "x.ron:1:8: expected string"),
    ];
    for (text, message) in table {
        let error = Deck::from_ron_str(text, Path::new("x.ron")).unwrap_err();
        assert_eq!(error.to_string(), message, "{text}");
    }
}

#[test]
fn a_deck_file_not_in_utf8_is_explained() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("cp1251.ron");
    // `(title: "Доклад"` in Windows-1251.
    let mut bytes = b"(\n  title: \"".to_vec();
    bytes.extend_from_slice(&[0xC4, 0xEE, 0xEA, 0xEB, 0xE0, 0xE4]);
    bytes.extend_from_slice(b"\",\n  slides: [],\n)");
    fs::write(&path, bytes).unwrap();
    let error = Deck::load(&path).unwrap_err();
    assert!(
        matches!(
            error,
            DeckError::NotUtf8 {
                line: 2,
                column: 11,
                ..
            }
        ),
        "{error:?}"
    );
    assert!(error.to_string().contains("save it as UTF-8"), "{error}");
}

// ---- encodings and names ----------------------------------------------------------------------

#[test]
fn bom_and_crlf_are_accepted() {
    let temp = TempDir::new().unwrap();
    copy_good_images(temp.path());
    let mut text = String::from("\u{feff}(\n    title: \"Шымкент\",\n    slides: [\n");
    text.push_str("        (image: \"01.png\", notes: \"бір\nекі\"),\n");
    for i in 2..=20 {
        writeln!(text, "        (image: \"{i:02}.png\"),").unwrap();
    }
    text.push_str("    ],\n)\n");
    let path = temp.path().join("windows.ron");
    fs::write(&path, text.replace('\n', "\r\n")).unwrap();

    let deck = Deck::load(&path).unwrap();
    assert_eq!(deck.title, "Шымкент");
    assert_eq!(deck.slides[0].notes, "бір\nекі");
    assert!(check_deck(&deck).is_ready());

    // Positions stay right in a CRLF file with a BOM.
    let broken = "\u{feff}(\r\n    title: \"Шымкент\"\r\n    slides: [],\r\n)\r\n";
    let error = Deck::from_ron_str(broken, Path::new("w.ron")).unwrap_err();
    assert_eq!(error.to_string(), "w.ron:3:5: expected comma");
}

#[test]
fn cyrillic_folder_file_names_and_notes_load_and_check() {
    let temp = TempDir::new().unwrap();
    let dir = temp.path().join("Доклад Шымкент");
    copy_good_images_as(&dir, 20, |i| format!("Слайд {i}.png"));

    // As a folder deck.
    let deck = Deck::load(&dir).unwrap();
    assert_eq!(deck.title, "Доклад Шымкент");
    assert_eq!(deck.slides[1].image, dir.join("Слайд 2.png"));
    assert_eq!(deck.slides[9].image, dir.join("Слайд 10.png"));
    assert!(check_deck(&deck).is_ready());

    // As a RON deck next to the images, with Kazakh notes.
    let kazakh = "Әйел, ғалым, қала, аң, өнер, ұл, үй, һәм, іс";
    let slides: Vec<(String, String)> = (1..=20)
        .map(|i| (format!("Слайд {i}.png"), kazakh.to_owned()))
        .collect();
    let ron = write_ron_deck(&dir, "PechaKucha", &slides);
    let deck = Deck::load(&dir).unwrap();
    assert_eq!(deck.source, ron);
    assert_eq!(deck.slides[0].notes, kazakh);
    assert_eq!(deck.slides[19].image, dir.join("Слайд 20.png"));
    let report = check_deck(&deck);
    assert!(report.is_ready(), "{}", report.to_text());

    // Problems name the Cyrillic file.
    fs::remove_file(dir.join("Слайд 20.png")).unwrap();
    let report = check_deck(&deck);
    assert_eq!(
        errors(&report),
        ["error: slide 20 (Слайд 20.png): image is missing"]
    );
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["findings"][0]["file"], "Слайд 20.png");
}

#[test]
fn image_paths_are_relative_to_the_deck_file_not_the_working_directory() {
    let deck = Deck::from_ron_str(
        "(slides: [(image: \"slides/01.png\"), (image: \"../shared/02.png\")])",
        Path::new("talks/Әсел/talk.ron"),
    )
    .unwrap();
    assert_eq!(deck.title, "talk");
    assert_eq!(deck.base_dir, Path::new("talks/Әсел"));
    assert_eq!(deck.slides[0].image, Path::new("talks/Әсел/slides/01.png"));
    assert_eq!(
        deck.slides[1].image,
        Path::new("talks/Әсел/../shared/02.png")
    );
    assert_eq!(deck.format, Format::PechaKucha);
    assert_eq!(deck.presenter, "");
}

// ---- formats ----------------------------------------------------------------------------------

#[test]
fn format_from_str_table() {
    let custom = |slides, seconds| Format::Custom { slides, seconds };
    let good = [
        ("pechakucha", Format::PechaKucha),
        ("PechaKucha", Format::PechaKucha),
        ("Pecha-Kucha", Format::PechaKucha),
        ("pecha kucha", Format::PechaKucha),
        ("IGNITE", Format::Ignite),
        ("ignite", Format::Ignite),
        ("20x2", custom(20, 2)),
        ("20x10", custom(20, 10)),
        ("6X10", custom(6, 10)),
        (" 15x20s ", custom(15, 20)),
        ("20 x 10", custom(20, 10)),
        ("20×10", custom(20, 10)),
        ("20x20", Format::PechaKucha),
        ("20x15", Format::Ignite),
    ];
    for (text, format) in good {
        assert_eq!(text.parse::<Format>(), Ok(format), "{text}");
    }
    let unknown = [
        "", "pecha", "custom", "20", "x10", "20x", "20x10x5", "-20x10", "20 x ten",
    ];
    // A number too big for a slide count is a format too long, not an unknown one.
    assert!(matches!(
        "99999999999x1".parse::<Format>(),
        Err(ParseFormatError::TooLong(_))
    ));
    for text in unknown {
        let error = text.parse::<Format>().unwrap_err();
        assert!(
            matches!(error, ParseFormatError::Unknown(_)),
            "{text}: {error:?}"
        );
        assert!(error.to_string().contains("SLIDESxSECONDS"), "{error}");
    }
    for text in ["0x20", "20x0"] {
        let error = text.parse::<Format>().unwrap_err();
        assert_eq!(error, ParseFormatError::Zero(text.to_owned()), "{text}");
    }
}

#[test]
fn format_names_and_display() {
    assert_eq!(Format::PechaKucha.to_string(), "PechaKucha");
    assert_eq!(Format::Ignite.name(), "Ignite");
    assert_eq!(
        Format::Custom {
            slides: 6,
            seconds: 10
        }
        .to_string(),
        "Custom"
    );
    assert_eq!(Format::default(), Format::PechaKucha);
}

#[test]
fn ignite_and_custom_slide_counts_are_checked_against_the_deck() {
    let temp = TempDir::new().unwrap();
    copy_good_images(temp.path());
    let table = [
        ("Ignite", 20, "ready: 20 slides x 15 s (Ignite), 5:00", None),
        (
            "Ignite",
            19,
            "not ready: 1 problem",
            Some("error: 19 slides, Ignite needs 20"),
        ),
        (
            "Custom(slides: 6, seconds: 10)",
            6,
            "ready: 6 slides x 10 s (Custom), 1:00",
            None,
        ),
        (
            "Custom(slides: 6, seconds: 10)",
            20,
            "not ready: 1 problem",
            Some("error: 20 slides, a custom format (6 x 10 s) needs 6"),
        ),
        (
            "PechaKucha",
            21,
            "not ready: 1 problem",
            Some("error: 21 slides, PechaKucha needs 20"),
        ),
    ];
    for (format, count, summary, error) in table {
        let path = write_ron_deck(temp.path(), format, &numbered_slides(count));
        let report = check(&path);
        assert_eq!(report.summary(), summary, "{format} with {count}");
        assert_eq!(
            errors(&report),
            error.into_iter().collect::<Vec<_>>(),
            "{format} with {count}"
        );
    }
}

// ---- JSON -------------------------------------------------------------------------------------

#[test]
fn the_json_report_has_the_same_content() {
    let (temp, path) = good_deck_copy();
    fs::remove_file(temp.path().join("04.png")).unwrap();
    let report = check(&path);
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(json["deck"], path.to_string_lossy().as_ref());
    assert_eq!(json["title"], "Test");
    assert_eq!(json["format"], "PechaKucha");
    assert_eq!(json["slide_count"], 20);
    assert_eq!(json["expected_slides"], 20);
    assert_eq!(json["seconds_per_slide"], 20);
    assert_eq!(json["total_seconds"], 400);
    assert_eq!(json["ready"], false);
    let finding = &json["findings"][0];
    assert_eq!(finding["severity"], "error");
    assert_eq!(finding["slide"], 4);
    assert_eq!(finding["file"], "04.png");
    assert_eq!(finding["message"], "image is missing");

    let report = check(&data("nineteen.ron"));
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert!(json["findings"][0]["slide"].is_null());
    assert!(json["findings"][0]["file"].is_null());
}

#[test]
fn the_stored_png_fixtures_are_small() {
    // Keep the repository small: the good deck's images are solid colours, a few KB each.
    let total: u64 = fs::read_dir(data("good"))
        .unwrap()
        .map(|entry| entry.unwrap().metadata().unwrap().len())
        .sum();
    assert!(total < 150 * 1024, "{total} bytes");
    let first = fs::read(good_image(1)).unwrap();
    let image = image::ImageReader::new(Cursor::new(first))
        .with_guessed_format()
        .unwrap()
        .decode()
        .unwrap();
    assert_eq!((image.width(), image.height()), (1280, 720));
}
