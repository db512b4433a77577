//! The real LibreOffice, where it is installed (`.ci/run` installs `libreoffice-impress`; on a
//! machine without it the tests say so and pass): a 21-slide .pptx with a picture on every
//! slide, Cyrillic text and notes, one slide hidden, becomes a 20-slide deck whose pages render;
//! opened again it comes from the cache. An .odp that LibreOffice itself saved gives the same
//! notes and hidden slide as the .pptx it came from. `scripts/libreoffice-e2e.sh` runs these with
//! their timings printed, keeps the deck (`PECHA_KEEP_FIXTURES`: the .pptx and page 1 as a PNG),
//! and times `pecha check` on it.
#![cfg(unix)]
#![allow(clippy::unwrap_used)]

mod common;
use common::fixtures::manifest_dir;
use common::presentations::{FixtureSlide, write_pptx};

use std::path::Path;
use std::time::{Duration, Instant};

use pecha::convert::{Converter, Origin};
use pecha::deck::Deck;

/// LibreOffice as Pecha finds it, or `None` after saying why the test does not run.
fn libreoffice(test: &str) -> Option<std::path::PathBuf> {
    let found = Converter::from_env().find_soffice();
    if found.is_none() {
        eprintln!(
            "{test}: skipped: LibreOffice is not installed (apt-get install libreoffice-impress, or set PECHA_SOFFICE)"
        );
    }
    found
}

/// 21 slides, each a photo of the bundled Шымкент talk (1920 x 1080 JPEG) with a Cyrillic line
/// and notes; slide 8 hidden.
fn real_looking_slides() -> Vec<FixtureSlide> {
    (1..=21)
        .map(|n| {
            let mut slide = FixtureSlide::new(
                &format!("Шымкент: қала жастардың қолында — {n}"),
                &format!("Ескерту {n}: ә ғ қ ң ө ұ ү һ і\nЗаметка {n}"),
            );
            let photo = manifest_dir()
                .join("examples/shymkent")
                .join(format!("{:02}.jpg", (n - 1) % 20 + 1));
            slide.picture = Some(std::fs::read(photo).unwrap());
            slide.hidden = n == 8;
            slide
        })
        .collect()
}

fn converter(cache: &Path, soffice: std::path::PathBuf) -> Converter {
    Converter {
        soffice: Some(soffice),
        limit: Duration::from_mins(5),
        cache_dir: Some(cache.to_path_buf()),
    }
}

#[test]
fn a_real_pptx_converts_to_twenty_pages_with_its_notes_then_comes_from_the_cache() {
    let Some(soffice) = libreoffice("a_real_pptx_converts") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Әйгерім.pptx");
    write_pptx(&path, &real_looking_slides());
    if let Some(keep) = std::env::var_os("PECHA_KEEP_FIXTURES") {
        std::fs::copy(&path, Path::new(&keep).join("real-looking.pptx")).unwrap();
    }
    let converter = converter(&dir.path().join("cache"), soffice);
    let started = Instant::now();
    let deck = Deck::from_presentation(&path, &converter, &|_| {}).unwrap();
    let first = started.elapsed();
    assert_eq!(deck.slides.len(), 20);
    assert_eq!(pecha::pdf::page_count(&deck.slides[0].image).unwrap(), 20);
    assert_eq!(
        deck.slides[6].notes,
        "Ескерту 7: ә ғ қ ң ө ұ ү һ і\nЗаметка 7"
    );
    // The hidden slide 8 is left out: the 8th slide shown is the file's 9th.
    assert_eq!(
        deck.slides[7].notes,
        "Ескерту 9: ә ғ қ ң ө ұ ү һ і\nЗаметка 9"
    );
    assert!(
        deck.load_warnings
            .iter()
            .any(|warning| warning.to_string() == "slide 8 is hidden in PowerPoint and left out"),
        "{:?}",
        deck.load_warnings
    );
    let report = pecha::check::check_deck(&deck);
    assert!(report.is_ready(), "{}", report.to_text());
    // A page is the slide's picture, not a blank page: many colours on it.
    let page = pecha::pdf::render_page(&deck.slides[0].image, 1, (320, 180)).unwrap();
    let mut colours: Vec<[u8; 3]> = page
        .rgba
        .chunks_exact(4)
        .map(|pixel| [pixel[0] / 16, pixel[1] / 16, pixel[2] / 16])
        .collect();
    colours.sort_unstable();
    colours.dedup();
    if let Some(keep) = std::env::var_os("PECHA_KEEP_FIXTURES") {
        let page = pecha::pdf::render_page(&deck.slides[0].image, 1, (1920, 1080)).unwrap();
        image::save_buffer(
            Path::new(&keep).join("real-page-1.png"),
            &page.rgba,
            page.width,
            page.height,
            image::ExtendedColorType::Rgba8,
        )
        .unwrap();
    }
    assert!(
        colours.len() > 40,
        "page 1 looks blank: {} colours",
        colours.len()
    );
    let started = Instant::now();
    let again = converter.pdf_for(&path, &|_| {}).unwrap();
    let cached = started.elapsed();
    assert_eq!(again.origin, Origin::Cached);
    eprintln!(
        "LibreOffice {}: 21-slide .pptx (20 shown, a 1920 x 1080 photo on each) converted in {:.1} s, opened from the cache in {} ms",
        soffice_version(converter.soffice.as_deref().unwrap()),
        first.as_secs_f64(),
        cached.as_millis()
    );
}

#[test]
fn an_odp_saved_by_libreoffice_gives_the_notes_and_hidden_slide_of_its_pptx() {
    let Some(soffice) = libreoffice("an_odp_saved_by_libreoffice") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let pptx = dir.path().join("talk.pptx");
    let mut slides = real_looking_slides();
    slides[2].hidden = true;
    write_pptx(&pptx, &slides[..4]);
    let profile = dir.path().join("profile");
    let status = std::process::Command::new(&soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", "odp", "--outdir"])
        .arg(dir.path())
        .arg(&pptx)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let from_pptx = pecha::presentation::read_outline(&pptx).unwrap().unwrap();
    let from_odp = pecha::presentation::read_outline(&dir.path().join("talk.odp"))
        .unwrap()
        .unwrap();
    let notes = |outline: &pecha::presentation::Outline| -> Vec<(bool, String)> {
        outline
            .slides
            .iter()
            .map(|slide| (slide.hidden, slide.notes.clone()))
            .collect()
    };
    assert_eq!(notes(&from_odp), notes(&from_pptx));
}

fn soffice_version(soffice: &Path) -> String {
    std::process::Command::new(soffice)
        .arg("--version")
        .output()
        .ok()
        .map(|output| String::from_utf8_lossy(&output.stdout).trim().to_owned())
        .unwrap_or_default()
}
