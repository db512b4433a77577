//! Thousands of damaged decks, nights and slide images, made from the repository's own files by
//! a seeded generator, so every run tests the same cases: through the library in-process (fast)
//! and, for a sample, through the real `pecha check`. Nothing may panic or hang, every refusal
//! names its file, and `pecha check` ends 0 (ready), 1 (not ready) or 2 (unreadable).
//!
//! This is the stable, every-CI-run cousin of the fuzz targets in `fuzz/` (libFuzzer, nightly,
//! run by hand for minutes at a time): fewer cases, no coverage guidance, but the same promises,
//! kept by each change. The mutations are the ones a real file suffers: bytes flipped, cut out
//! or repeated, two files spliced (an editor's bad paste), numbers replaced by huge, zero or
//! negative ones, a stray quote, bracket, comment, byte order mark or invalid UTF-8 byte.
//!
//! `PECHA_MUTATION_SEED=N cargo test --test mutation` explores other cases; a failure prints
//! the seed and the case, and keeps the case's file in `target/tmp/mutation-failures/`.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::pecha_within;
use common::fixtures::{data, manifest_dir};

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pecha::check::{check_deck, quick_check};
use pecha::deck::{Deck, Format, Slide};
use pecha::open::{Opened, open};
use pecha::text::shown;

/// The seed when `PECHA_MUTATION_SEED` is not set: "PECHAKUC" in ASCII.
const DEFAULT_SEED: u64 = 0x5045_4348_414B_5543;
/// Damaged decks and nights, all through the library.
const RON_CASES: usize = 3000;
/// Of those, how many also go through `pecha check` (evenly spread).
const RON_CLI_SAMPLE: usize = 100;
/// Damaged slide images through the library, one deck of one slide each.
const IMAGE_CASES: usize = 300;
/// Folder decks of 20 damaged images each through `pecha check`.
const IMAGE_CLI_FOLDERS: usize = 10;
/// Longer than any case may take: a hang or a decode with no bound fails instead of stalling.
const CASE_LIMIT: Duration = Duration::from_secs(20);

fn seed() -> u64 {
    std::env::var("PECHA_MUTATION_SEED")
        .ok()
        .and_then(|seed| seed.parse().ok())
        .unwrap_or(DEFAULT_SEED)
}

/// `SplitMix64`: a tiny, well-mixed generator, written here so the cases depend on nothing but
/// the seed (no crate whose next version could change its sequence, and every case with it).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A random range of at most `longest` bytes within `0..length` (empty when `length` is 0).
    fn span(&mut self, length: usize, longest: usize) -> std::ops::Range<usize> {
        let start = self.below(length + 1);
        let end = start + self.below(longest.min(length - start) + 1);
        start..end
    }
}

/// What replaces a number: the extremes of every integer type a file's numbers are read into,
/// just past them, zero, negatives, and what is not an integer at all.
const ODD_NUMBERS: &[&str] = &[
    "0",
    "-1",
    "-0",
    "1",
    "101",
    "601",
    "255",
    "65536",
    "4294967295",
    "4294967296",
    "9223372036854775807",
    "-9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "340282366920938463463374607431768211456",
    "1e308",
    "-1e309",
    "NaN",
    "inf",
    "0x7FFFFFFF",
    "1_000_000",
    "00000000000000000020",
];

/// What an editor or a bad copy leaves in a RON file.
const ODD_TOKENS: &[&[u8]] = &[
    b"\"",
    b"(",
    b")",
    b"[",
    b"]",
    b",",
    b":",
    b"//",
    b"/*",
    b"*/",
    b"r#\"",
    b"\\",
    b"\\u{",
    b"'",
    b"\xEF\xBB\xBF",
    b"\r\n",
    b"\r",
    b"\xFF",
    b"\xD0",
    b"\0",
    b"running_order: [",
    b"Talk(deck: \"\", presenter: \"\"),",
    b"Break(minutes: 0),",
    b"pdf: \"talk.pdf\",",
    b"notes: [\"\"],",
    b"slides: [],",
    b"format: Custom(slides: 0, seconds: 1),",
    b"Some(",
    "әғқңөұүһі".as_bytes(),
];

/// One random change to `bytes`, said in words for the failure report.
fn mutate_once(rng: &mut Rng, bytes: &mut Vec<u8>, donors: &[Vec<u8>]) -> String {
    match rng.below(8) {
        0 => {
            let times = 1 + rng.below(4);
            for _ in 0..times {
                if bytes.is_empty() {
                    break;
                }
                let at = rng.below(bytes.len());
                bytes[at] ^= 1 << rng.below(8);
            }
            format!("{times} bit flips")
        }
        1 => {
            let longest = if rng.below(4) == 0 { 400 } else { 16 };
            let cut = rng.span(bytes.len(), longest);
            let words = format!("deleted {cut:?}");
            bytes.drain(cut);
            words
        }
        2 => {
            let copied = rng.span(bytes.len(), 64);
            let piece = bytes[copied.clone()].to_vec();
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, piece);
            format!("duplicated {copied:?} at {at}")
        }
        3 => {
            let donor = rng.pick(donors);
            let (keep, from) = (rng.below(bytes.len() + 1), rng.below(donor.len() + 1));
            bytes.truncate(keep);
            bytes.extend_from_slice(&donor[from..]);
            format!("spliced: first {keep} bytes, then another file from byte {from}")
        }
        4 | 5 => replace_number(rng, bytes),
        6 => {
            let token = rng.pick(ODD_TOKENS);
            let at = rng.below(bytes.len() + 1);
            bytes.splice(at..at, token.iter().copied());
            format!("inserted {:?} at {at}", String::from_utf8_lossy(token))
        }
        _ => {
            let keep = rng.below(bytes.len() + 1);
            bytes.truncate(keep);
            format!("cut after {keep} bytes")
        }
    }
}

/// Replace one of the text's numbers (a run of digits, with its minus sign) by an odd one.
fn replace_number(rng: &mut Rng, bytes: &mut Vec<u8>) -> String {
    let mut numbers = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        if bytes[at].is_ascii_digit() {
            let start = if at > 0 && bytes[at - 1] == b'-' {
                at - 1
            } else {
                at
            };
            while at < bytes.len() && bytes[at].is_ascii_digit() {
                at += 1;
            }
            numbers.push(start..at);
        } else {
            at += 1;
        }
    }
    if numbers.is_empty() {
        return "no number to replace".to_owned();
    }
    let number = rng.pick(&numbers).clone();
    let odd = rng.pick(ODD_NUMBERS);
    let words = format!("number at {number:?} replaced by {odd}");
    bytes.splice(number, odd.bytes());
    words
}

/// The folders the cases are written into: copies of the example decks and night, with small
/// images under the examples' names (so a deck that loads is checked in milliseconds), a PDF
/// and a short WAV for the break.
struct Stage {
    root: tempfile::TempDir,
}

impl Stage {
    fn new() -> Self {
        let root = tempfile::tempdir().unwrap();
        let at = |relative: &str| root.path().join(relative);
        let jpeg = small_jpeg();
        for folder in ["shymkent", "night/talks/aryk", "night/talks/dombyra"] {
            fs::create_dir_all(at(folder)).unwrap();
            for index in 1..=20 {
                fs::write(at(folder).join(format!("{index:02}.jpg")), &jpeg).unwrap();
            }
        }
        for (from, to) in [
            ("examples/shymkent/deck.ron", "shymkent/deck.ron"),
            (
                "examples/night/talks/aryk/deck.ron",
                "night/talks/aryk/deck.ron",
            ),
            (
                "examples/night/talks/dombyra/deck.ron",
                "night/talks/dombyra/deck.ron",
            ),
        ] {
            fs::copy(manifest_dir().join(from), at(to)).unwrap();
        }
        fs::create_dir_all(at("good")).unwrap();
        for entry in fs::read_dir(data("good")).unwrap() {
            let entry = entry.unwrap();
            fs::copy(entry.path(), at("good").join(entry.file_name())).unwrap();
        }
        fs::create_dir_all(at("night/music")).unwrap();
        fs::write(at("night/music/break.wav"), short_wav()).unwrap();
        fs::create_dir_all(at("pdf")).unwrap();
        fs::write(at("pdf/talk.pdf"), two_page_pdf()).unwrap();
        fs::create_dir_all(at("images")).unwrap();
        Self { root }
    }

    fn path(&self, relative: &str) -> PathBuf {
        self.root.path().join(relative)
    }
}

/// A RON file to damage, and the folder its cases are written to (where what it names is).
struct RonSeed {
    text: Vec<u8>,
    folder: &'static str,
}

fn ron_seeds() -> Vec<RonSeed> {
    let file = |path: &str| fs::read(manifest_dir().join(path)).unwrap();
    let seed = |text: Vec<u8>, folder| RonSeed { text, folder };
    vec![
        seed(file("examples/shymkent/deck.ron"), "shymkent"),
        seed(file("examples/night/talks/aryk/deck.ron"), "shymkent"),
        seed(file("examples/night/talks/dombyra/deck.ron"), "shymkent"),
        seed(file("tests/data/good/deck.ron"), "good"),
        seed(file("tests/data/syntax_error.ron"), "good"),
        seed(file("tests/data/unknown_field.ron"), "good"),
        seed(file("tests/data/nineteen.ron"), ""),
        seed(
            "(title: \"Арыки\", format: Custom(slides: 2, seconds: 5), pdf: \"talk.pdf\",\n notes: [\"Сәлем\", \"Рахмет\"])\n"
                .into(),
            "pdf",
        ),
        seed(file("examples/night/night.ron"), "night"),
        seed(
            "(\n    title: \"PechaKucha Night Шымкент\",\n    format: Custom(slides: 2, seconds: 5),\n    running_order: [\n        Talk(deck: \"../good/deck.ron\", presenter: \"Тохтар\", bio: \"архитектор\"),\n        Break(minutes: 15, message: \"Үзіліс\", music: [\"music/break.wav\"]),\n        Talk(deck: \"../pdf/talk.pdf\", presenter: \"Әйгерім\", title: \"Арыки\"),\n        Talk(deck: \"talks/aryk/\", presenter: \"Данияр\"),\n    ],\n)\n"
                .into(),
            "night",
        ),
    ]
}

/// What a failing case was, to find it again.
struct Case {
    number: usize,
    what: String,
    path: PathBuf,
}

/// Failures so far, each kept with its case's bytes for a second look.
#[derive(Default)]
struct Failures(Vec<String>);

impl Failures {
    fn add(&mut self, case: &Case, problem: &str) {
        let kept = Path::new(env!("CARGO_TARGET_TMPDIR"))
            .join("mutation-failures")
            .join(format!(
                "{}-{}",
                case.number,
                case.path.file_name().unwrap().to_string_lossy()
            ));
        fs::create_dir_all(kept.parent().unwrap()).unwrap();
        let _ = fs::copy(&case.path, &kept);
        self.0.push(format!(
            "case {} ({}), kept as {}: {problem}",
            case.number,
            case.what,
            kept.display()
        ));
    }

    fn assert_none(&self, seed: u64, cases: &str) {
        assert!(
            self.0.is_empty(),
            "{} of {cases} failed (PECHA_MUTATION_SEED={seed}):\n{}",
            self.0.len(),
            self.0
                .iter()
                .take(20)
                .cloned()
                .collect::<Vec<_>>()
                .join("\n")
        );
    }
}

/// Runs `check`, turning a panic into a failure and timing it.
fn guarded(failures: &mut Failures, case: &Case, check: impl FnOnce() -> Vec<String>) {
    let started = Instant::now();
    match catch_unwind(AssertUnwindSafe(check)) {
        Ok(problems) => {
            for problem in problems {
                failures.add(case, &problem);
            }
        }
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .cloned()
                .or_else(|| panic.downcast_ref::<&str>().map(|&text| text.to_owned()))
                .unwrap_or_default();
            failures.add(case, &format!("panicked: {message}"));
        }
    }
    if started.elapsed() > CASE_LIMIT {
        failures.add(case, &format!("took {:?}", started.elapsed()));
    }
}

/// A refusal must start with the name of the file it is about.
fn names_file(message: &str, path: &Path, problems: &mut Vec<String>) {
    if !message.starts_with(&shown(path).to_string()) {
        problems.push(format!(
            "the error does not name {}: {message}",
            shown(path)
        ));
    }
}

/// What the app does with a path it is given, as far as it needs no window: open it, and check
/// each deck as the app does when it opens one (without decoding). Also whether it opened.
fn open_as_the_app_does(path: &Path) -> (Vec<String>, bool) {
    let mut problems = Vec::new();
    let deck_checked = |deck: &Deck, problems: &mut Vec<String>| {
        let _ = (
            deck.format.total(),
            deck.format.label(),
            deck.format.timing(),
        );
        for finding in quick_check(deck, deck.format) {
            if finding.slide.is_some() && finding.file.is_none() {
                problems.push(format!("a slide's finding names no file: {finding}"));
            }
        }
    };
    let opened = open(path);
    let loaded = opened.is_ok();
    match opened {
        Ok(Opened::Deck(deck)) => deck_checked(&deck, &mut problems),
        Ok(Opened::Night(night)) => {
            let _ = night.length();
            for talk in night.talks() {
                match night.load_deck(talk) {
                    Ok(deck) => deck_checked(&deck, &mut problems),
                    Err(error) => names_file(&error.to_string(), error.path(), &mut problems),
                }
            }
        }
        Err(error) => names_file(&error.to_string(), path, &mut problems),
    }
    (problems, loaded)
}

/// `pecha check` on `path` (with `--json` when asked): it must end by itself with 0, 1 or 2
/// (a panic that escapes ends it with 101; one Pecha catches, a decoder's, is only logged),
/// print JSON when asked and it could read the path, and name the path when it could not.
/// Returns what it printed, and what was wrong.
fn pecha_check(path: &Path, json: bool) -> (common::cli::Run, Vec<String>) {
    let mut args = vec!["check".as_ref(), path.as_os_str()];
    if json {
        args.push("--json".as_ref());
    }
    let (run, timed_out) = pecha_within(&args, CASE_LIMIT);
    let mut problems = Vec::new();
    if timed_out {
        problems.push(format!("pecha check did not end within {CASE_LIMIT:?}"));
    }
    let named = shown(path).to_string();
    match (run.status, json) {
        (Some(0..=2), true) => match serde_json::from_str::<serde_json::Value>(&run.stdout) {
            Err(_) => problems.push(format!(
                "pecha check --json printed no JSON:\n{}",
                run.all()
            )),
            Ok(report) if run.status == Some(2) => {
                let error = report["error"].as_str().unwrap_or_default();
                if !error.starts_with(&named) {
                    problems.push(format!("exit 2, the error does not name {named}: {error}"));
                }
            }
            Ok(_) => {}
        },
        (Some(0 | 1), false) => {}
        (Some(2), false) => {
            if !run.stderr.starts_with(&format!("pecha check: {named}")) {
                problems.push(format!("exit 2 without naming {named}:\n{}", run.all()));
            }
        }
        (other, _) => problems.push(format!("pecha check ended with {other:?}:\n{}", run.all())),
    }
    (run, problems)
}

#[test]
fn damaged_decks_and_nights_are_refused_by_name_and_never_crash() {
    let seed = seed();
    let mut rng = Rng(seed);
    let stage = Stage::new();
    let seeds = ron_seeds();
    let donors: Vec<Vec<u8>> = seeds.iter().map(|seed| seed.text.clone()).collect();
    // A deck's file may be called anything; some names need escaping in messages.
    let names = ["case.ron", "Доклад Әйгерім.ron", "case", "night\ttab.ron"];
    let mut failures = Failures::default();
    let started = Instant::now();
    let (mut loaded, mut through_cli) = (0, 0);
    for number in 0..RON_CASES {
        let source = rng.pick(&seeds);
        let mut bytes = source.text.clone();
        let changes: Vec<String> = (0..=rng.below(3))
            .map(|_| mutate_once(&mut rng, &mut bytes, &donors))
            .collect();
        let path = stage.path(source.folder).join(names[number % names.len()]);
        fs::write(&path, &bytes).unwrap();
        let case = Case {
            number,
            what: changes.join("; "),
            path: path.clone(),
        };
        guarded(&mut failures, &case, || {
            let (problems, opened) = open_as_the_app_does(&path);
            loaded += usize::from(opened);
            problems
        });
        if number % (RON_CASES / RON_CLI_SAMPLE) == 0 {
            through_cli += 1;
            guarded(&mut failures, &case, || {
                pecha_check(&path, number % 2 == 0).1
            });
        }
    }
    eprintln!(
        "{RON_CASES} damaged decks and nights ({loaded} still loaded), {through_cli} of them through pecha check, in {:.1?}",
        started.elapsed()
    );
    failures.assert_none(seed, &format!("{RON_CASES} decks and nights"));
}

#[test]
fn damaged_images_are_reported_by_name_and_never_crash() {
    let seed = seed() ^ 0x494D_4147_4553; // "IMAGES": its own sequence.
    let mut rng = Rng(seed);
    let stage = Stage::new();
    let seeds = image_seeds();
    let donors = seeds.clone();
    let mut failures = Failures::default();
    let started = Instant::now();
    let mut refused = 0;
    let damaged = |rng: &mut Rng| {
        let mut bytes = rng.pick(&seeds).clone();
        let changes: Vec<String> = (0..=rng.below(3))
            .map(|_| damage_image(rng, &mut bytes, &donors))
            .collect();
        (bytes, changes.join("; "))
    };
    for number in 0..IMAGE_CASES {
        let (bytes, what) = damaged(&mut rng);
        let path = stage.path("images").join("slide.png");
        fs::write(&path, &bytes).unwrap();
        let case = Case {
            number,
            what,
            path: path.clone(),
        };
        let mut errors = 0;
        guarded(&mut failures, &case, || {
            let (problems, found) = check_one_image(&path);
            errors = found;
            problems
        });
        refused += usize::from(errors > 0);
    }
    for folder in 0..IMAGE_CLI_FOLDERS {
        let dir = stage.path(&format!("images/folder-{folder}"));
        fs::create_dir_all(&dir).unwrap();
        let mut what = Vec::new();
        for index in 1..=20 {
            let (bytes, changes) = damaged(&mut rng);
            fs::write(dir.join(format!("{index:02}.png")), bytes).unwrap();
            what.push(format!("{index:02}.png: {changes}"));
        }
        let case = Case {
            number: IMAGE_CASES + folder,
            what: what.join(" / "),
            path: dir.join("01.png"),
        };
        guarded(&mut failures, &case, || {
            let (run, mut problems) = pecha_check(&dir, folder % 2 == 1);
            // A folder of 20 images always loads: its report names each broken file.
            let deck = Deck::from_folder(&dir).unwrap();
            for finding in check_deck(&deck).errors() {
                if let Some(file) = &finding.file
                    && !run.stdout.contains(&shown(file).to_string())
                {
                    problems.push(format!("pecha check does not name {}", shown(file)));
                }
            }
            problems
        });
    }
    eprintln!(
        "{IMAGE_CASES} damaged images ({refused} refused) and {} more in {IMAGE_CLI_FOLDERS} folders through pecha check, in {:.1?}",
        IMAGE_CLI_FOLDERS * 20,
        started.elapsed()
    );
    failures.assert_none(seed, &format!("{IMAGE_CASES} images"));
}

/// The check of a one-slide deck of `path`: each error names the file, and an image the check
/// passes is shown (the slide pipeline decodes and scales it). Also the number of errors.
fn check_one_image(path: &Path) -> (Vec<String>, usize) {
    let deck = Deck {
        title: "Арыки".to_owned(),
        presenter: String::new(),
        format: Format::Custom {
            slides: 1,
            seconds: 20,
        },
        slides: vec![Slide::image(path.to_path_buf(), String::new())],
        source: path.parent().unwrap().to_path_buf(),
        base_dir: path.parent().unwrap().to_path_buf(),
        load_warnings: Vec::new(),
    };
    let report = check_deck(&deck);
    let mut problems = Vec::new();
    let errors: Vec<_> = report.errors().collect();
    for error in &errors {
        if error.file.as_deref() != Some(Path::new("slide.png")) {
            problems.push(format!("an image's error names no file: {error}"));
        }
    }
    if !errors.is_empty() && !report.to_text().contains("slide.png") {
        problems.push(format!(
            "the report does not name the file:\n{}",
            report.to_text()
        ));
    }
    if errors.is_empty()
        && let Err(error) = pecha::slides::prepare_for_screen(path, (64, 36))
    {
        problems.push(format!("checked as fine, but not shown: {error}"));
    }
    let _ = report.to_json();
    (problems, errors.len())
}

/// A small JPEG, like a camera's but 64 x 36.
fn small_jpeg() -> Vec<u8> {
    let image = gradient(64, 36);
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 80)
        .encode_image(&image)
        .unwrap();
    bytes
}

fn gradient(width: u32, height: u32) -> image::RgbImage {
    image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x * 4) as u8, (y * 7) as u8, ((x + y) * 3) as u8])
    })
}

/// The images to damage: the format fixtures in tests/data, one of the good deck's slides, and
/// small ones in every format Pecha reads, one with EXIF orientation, one with transparency.
fn image_seeds() -> Vec<Vec<u8>> {
    use image::ImageFormat;
    let mut seeds: Vec<Vec<u8>> = [
        "formats/cmyk.tif",
        "formats/cmyk_adobe.jpg",
        "formats/palette_2bit_trns.png",
        "formats/progressive_restart.jpg",
        "good/01.png",
    ]
    .iter()
    .map(|name| fs::read(data(name)).unwrap())
    .collect();
    let image = image::DynamicImage::ImageRgb8(gradient(48, 27));
    for format in [
        ImageFormat::Png,
        ImageFormat::Gif,
        ImageFormat::Bmp,
        ImageFormat::Tiff,
        ImageFormat::WebP,
    ] {
        let mut bytes = std::io::Cursor::new(Vec::new());
        image.write_to(&mut bytes, format).unwrap();
        seeds.push(bytes.into_inner());
    }
    let mut rgba = image.to_rgba8();
    rgba.pixels_mut().for_each(|pixel| pixel[3] = 128);
    let mut bytes = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut bytes, ImageFormat::Png).unwrap();
    seeds.push(bytes.into_inner());
    let jpeg = small_jpeg();
    seeds.push(jpeg.clone());
    // The same JPEG as a phone takes it upright: an EXIF APP1 segment, orientation 6.
    let mut tiff = b"II*\0\x08\0\0\0\x01\0".to_vec();
    tiff.extend_from_slice(&[0x12, 0x01, 3, 0, 1, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0]);
    let app1 = [b"Exif\0\0".as_slice(), &tiff].concat();
    let length = u16::try_from(app1.len() + 2).unwrap().to_be_bytes();
    seeds.push([&jpeg[..2], &[0xFF, 0xE1], &length, &app1, &jpeg[2..]].concat());
    seeds
}

/// One random change to an image: the byte mutations of a RON file, plus the header's size
/// fields set to 0, 1, just over the limit or the most their type holds (a decompression bomb's
/// header, or a zero-sized image).
fn damage_image(rng: &mut Rng, bytes: &mut Vec<u8>, donors: &[Vec<u8>]) -> String {
    if rng.below(3) != 0 {
        return mutate_once(rng, bytes, donors);
    }
    let (width_at, height_at, size) = match bytes.as_slice() {
        // PNG: IHDR's width and height, 4 bytes each, big-endian.
        [0x89, b'P', b'N', b'G', ..] => (16, 20, 4),
        // JPEG: the first start-of-frame segment's height then width, 2 bytes each.
        [0xFF, 0xD8, ..] => match (2..bytes.len().saturating_sub(9))
            .find(|&at| bytes[at] == 0xFF && matches!(bytes[at + 1], 0xC0..=0xC2))
        {
            Some(at) => (at + 7, at + 5, 2),
            None => return "no JPEG frame header".to_owned(),
        },
        // GIF: the logical screen's width and height, 2 bytes each, little-endian.
        [b'G', b'I', b'F', ..] => (6, 8, 2),
        // BMP: the info header's width and height, 4 bytes each, little-endian.
        [b'B', b'M', ..] => (18, 22, 4),
        _ => return "no size field known for this format".to_owned(),
    };
    let values: &[u64] = &[0, 1, 16_385, 65_535, 0x7FFF_FFFF, 0xFFFF_FFFF];
    let value = *rng.pick(values) & if size == 2 { 0xFFFF } else { 0xFFFF_FFFF };
    let at = if rng.below(2) == 0 {
        width_at
    } else {
        height_at
    };
    if at + size > bytes.len() {
        return "too short for its size field".to_owned();
    }
    let field: Vec<u8> = match (bytes[0], size) {
        (0x89 | 0xFF, 4) => (value as u32).to_be_bytes().to_vec(),
        (0x89 | 0xFF, _) => (value as u16).to_be_bytes().to_vec(),
        (_, 4) => (value as u32).to_le_bytes().to_vec(),
        _ => (value as u16).to_le_bytes().to_vec(),
    };
    bytes[at..at + size].copy_from_slice(&field);
    format!("size field at {at} set to {value}")
}

/// A WAV of a tenth of a second of silence, for the break's music.
fn short_wav() -> Vec<u8> {
    let samples = 4410_u32;
    let mut wav = Vec::new();
    wav.extend_from_slice(b"RIFF");
    wav.extend_from_slice(&(36 + samples * 2).to_le_bytes());
    wav.extend_from_slice(b"WAVEfmt ");
    wav.extend_from_slice(&16_u32.to_le_bytes());
    wav.extend_from_slice(&1_u16.to_le_bytes()); // PCM
    wav.extend_from_slice(&1_u16.to_le_bytes()); // mono
    wav.extend_from_slice(&44_100_u32.to_le_bytes());
    wav.extend_from_slice(&88_200_u32.to_le_bytes());
    wav.extend_from_slice(&2_u16.to_le_bytes());
    wav.extend_from_slice(&16_u16.to_le_bytes());
    wav.extend_from_slice(b"data");
    wav.extend_from_slice(&(samples * 2).to_le_bytes());
    wav.resize(wav.len() + samples as usize * 2, 0);
    wav
}

/// A two-page PDF, a solid colour on each 16:9 page.
fn two_page_pdf() -> Vec<u8> {
    let mut objects = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>".to_owned(),
    ];
    for (page, colour) in [(3, "0.9 0.1 0.2"), (5, "0.1 0.5 0.9")] {
        let content = format!("{colour} rg 0 0 960 540 re f");
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 960 540] /Contents {} 0 R >>",
            page + 1
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    common::fixtures::pdf_of_objects(&objects)
}
