//! The stored fixtures (`tests/data`, the example night) and copies of them to change.

use std::fs;
use std::path::{Path, PathBuf};

use pecha::deck::Deck;
use tempfile::TempDir;

/// The crate's folder: fixtures and examples are found from here, whatever the working folder.
pub fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/data/<name>`: a stored fixture (a file or a folder).
pub fn data(name: &str) -> PathBuf {
    manifest_dir().join("tests/data").join(name)
}

/// The stored good deck's folder: `deck.ron` and its 20 images `01.png` to `20.png`.
pub fn good_dir() -> PathBuf {
    data("good")
}

/// The stored good deck's file.
pub fn good_deck_path() -> PathBuf {
    good_dir().join("deck.ron")
}

/// The stored good deck, loaded: 20 slides of 1280 x 720, Cyrillic title, presenter and notes.
pub fn good_deck() -> Deck {
    Deck::load(&good_deck_path()).unwrap()
}

/// The i-th (1-based, 1 to 20) image of the stored good deck: a 1280 x 720 PNG.
pub fn good_image(index: usize) -> PathBuf {
    good_dir().join(format!("{index:02}.png"))
}

/// Copies the good deck's 20 images (no `deck.ron`) into `dir` under their own names, `01.png`
/// to `20.png`: a plain image folder deck. Creates `dir` if need be.
pub fn copy_good_images(dir: &Path) {
    copy_good_images_as(dir, 20, |index| format!("{index:02}.png"));
}

/// Copies the good deck's images into `dir` under the names `name(i)` for i in 1..=count (after
/// the 20th, from the first again). Creates `dir` if need be.
pub fn copy_good_images_as(dir: &Path, count: usize, name: impl Fn(usize) -> String) {
    fs::create_dir_all(dir).unwrap();
    for index in 1..=count {
        fs::copy(good_image((index - 1) % 20 + 1), dir.join(name(index))).unwrap();
    }
}

/// Copies the whole good deck (`deck.ron` and its images) into `dir`, which must exist, and
/// returns the copy's `deck.ron`.
pub fn copy_good_deck(dir: &Path) -> PathBuf {
    for entry in fs::read_dir(good_dir()).unwrap() {
        let entry = entry.unwrap();
        fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    dir.join("deck.ron")
}

/// A copy of the whole good deck in a new temporary folder, to change; returns the folder (the
/// copy lasts as long as it does) and the copy's `deck.ron`.
pub fn copy_of_good_deck() -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let deck = copy_good_deck(dir.path());
    (dir, deck)
}

/// The bundled example night (`examples/night/night.ron`), by its absolute path.
pub fn example_night() -> PathBuf {
    manifest_dir().join("examples/night/night.ron")
}

/// A PDF file of `objects` (object 1 the catalog), numbered from 1 in order, with the
/// cross-reference table and trailer a reader needs to find them.
pub fn pdf_of_objects(objects: &[String]) -> Vec<u8> {
    use std::fmt::Write as _;
    let mut pdf = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (index, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        let _ = writeln!(pdf, "{} 0 obj\n{object}\nendobj", index + 1);
    }
    let xref = pdf.len();
    let _ = writeln!(pdf, "xref\n0 {}\n0000000000 65535 f ", objects.len() + 1);
    for offset in offsets {
        let _ = writeln!(pdf, "{offset:010} 00000 n ");
    }
    let _ = writeln!(
        pdf,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF",
        objects.len() + 1
    );
    pdf.into_bytes()
}

/// CRC-32 (ISO-HDLC) as PNG chunks use it, for PNG files written byte by byte.
pub fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFF_u32;
    for &byte in bytes {
        crc ^= u32::from(byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
