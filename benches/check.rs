//! How long `pecha check` takes on a real-sized deck, and how long one slide takes to get ready
//! for the projector.
//!
//! The decks are generated once per group into a temporary folder: 20 photo-like JPEGs (smooth
//! gradients and blobs for the scene, fine grain for texture and sensor noise) so that files have
//! the sizes of real camera or slide-tool exports, a few hundred KB at 1920 x 1080. A flat colour
//! or a test pattern would compress to a few KB and decode unrealistically fast.
//!
//! - `check_deck/*`: [`Deck::load`] + [`check_deck`], all the work of `pecha check PATH`;
//! - `prepare_for_screen/*`: decode + scale one slide to 1920 x 1080, what the slide pipeline
//!   does ahead of each deadline;
//! - `history_key/*`: hashing every slide file to find the deck's rehearsal history, what
//!   rehearsal mode does (on its file thread) when it starts.
//!
//! Run with `cargo bench --bench check`.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::fs;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::Duration;

use criterion::{Criterion, SamplingMode, Throughput, criterion_group, criterion_main};
use image::RgbImage;
use image::codecs::jpeg::JpegEncoder;
use pecha::check::check_deck;
use pecha::deck::Deck;
use pecha::slides::prepare_for_screen;
use rayon::prelude::*;
use tempfile::TempDir;

/// Slides in a `PechaKucha` deck.
const SLIDES: u32 = 20;
/// JPEG quality of the generated photos: what cameras and slide exports typically use.
const QUALITY: u8 = 85;
const FULL_HD: (u32, u32) = (1920, 1080);
const UHD: (u32, u32) = (3840, 2160);

/// `SplitMix64`'s finaliser: a well-mixed 64-bit hash, enough for deterministic noise.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A pseudo-random value in [0, 1) for a lattice point of one noise layer.
fn lattice(seed: u64, x: u64, y: u64) -> f32 {
    let hash = mix(seed ^ mix(x ^ mix(y)));
    (hash >> 40) as f32 / (1u64 << 24) as f32
}

/// Smooth value noise in [0, 1): lattice values `cell` pixels apart, blended with smoothstep.
fn value_noise(seed: u64, x: f32, y: f32, cell: f32) -> f32 {
    let (gx, gy) = (x / cell, y / cell);
    let (x0, y0) = (gx.floor(), gy.floor());
    let (fx, fy) = (gx - x0, gy - y0);
    let (sx, sy) = (fx * fx * (3.0 - 2.0 * fx), fy * fy * (3.0 - 2.0 * fy));
    let (ix, iy) = (x0 as u64, y0 as u64);
    let top = lattice(seed, ix, iy) * (1.0 - sx) + lattice(seed, ix + 1, iy) * sx;
    let bottom = lattice(seed, ix, iy + 1) * (1.0 - sx) + lattice(seed, ix + 1, iy + 1) * sx;
    top * (1.0 - sy) + bottom * sy
}

/// A photo-like picture: a sky-to-ground gradient whose colours depend on `seed`, large soft
/// shapes, mid-sized texture, and per-pixel grain. Sizes scale with the image, so a 4K picture is
/// the same scene in more detail, as a 4K export of the same slide would be.
fn photo(width: u32, height: u32, seed: u64) -> RgbImage {
    let scale = width as f32 / 1920.0;
    let hue = |channel: u64| 0.3 + 0.7 * lattice(seed, channel, 99);
    let (sky, ground) = (
        [hue(0), hue(1), hue(2)].map(|c| c * 230.0),
        [hue(3), hue(4), hue(5)].map(|c| c * 160.0),
    );
    let mut rows: Vec<Vec<u8>> = (0..height)
        .into_par_iter()
        .map(|y| {
            let mut row = Vec::with_capacity(width as usize * 3);
            let v = y as f32 / height as f32;
            for x in 0..width {
                let (fx, fy) = (x as f32, y as f32);
                let shapes = value_noise(seed, fx, fy, 300.0 * scale);
                let detail = value_noise(seed + 1, fx, fy, 40.0 * scale);
                let texture = value_noise(seed + 2, fx, fy, 6.0 * scale);
                let light = 0.55 + 0.6 * shapes + 0.25 * detail + 0.12 * texture;
                let pixel_hash = mix(seed ^ ((u64::from(y) << 32) | u64::from(x)));
                for (channel, (top, bottom)) in sky.iter().zip(ground).enumerate() {
                    let base = top * (1.0 - v) + bottom * v;
                    let grain = ((pixel_hash >> (channel * 8)) & 0xFF) as f32 / 255.0 - 0.5;
                    let value = base * light + grain * 22.0;
                    row.push(value.clamp(0.0, 255.0) as u8);
                }
            }
            row
        })
        .collect();
    let mut pixels = Vec::with_capacity(width as usize * height as usize * 3);
    for row in &mut rows {
        pixels.append(row);
    }
    RgbImage::from_raw(width, height, pixels).unwrap()
}

fn write_photo(path: &Path, (width, height): (u32, u32), seed: u64) -> u64 {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, QUALITY)
        .encode_image(&photo(width, height, seed))
        .unwrap();
    fs::write(path, &bytes).unwrap();
    bytes.len() as u64
}

/// A 20-slide `PechaKucha` deck of photos of `size` in a temporary folder; returns the folder and
/// the deck file. Prints the file sizes so the numbers can be judged.
fn photo_deck(size: (u32, u32)) -> (TempDir, PathBuf) {
    let temp = TempDir::new().unwrap();
    let mut ron =
        String::from("(\n    title: \"Бенчмарк\",\n    format: PechaKucha,\n    slides: [\n");
    let mut sizes = Vec::new();
    for slide in 1..=SLIDES {
        let name = format!("{slide:02}.jpg");
        sizes.push(write_photo(
            &temp.path().join(&name),
            size,
            u64::from(slide),
        ));
        writeln!(ron, "        (image: {name:?}, notes: \"Слайд {slide}\"),").unwrap();
    }
    ron.push_str("    ],\n)\n");
    let deck = temp.path().join("deck.ron");
    fs::write(&deck, ron).unwrap();
    let kib = |bytes: u64| bytes / 1024;
    eprintln!(
        "generated {SLIDES} JPEGs of {} x {}: {} KiB to {} KiB, {} KiB in all",
        size.0,
        size.1,
        kib(*sizes.iter().min().unwrap()),
        kib(*sizes.iter().max().unwrap()),
        kib(sizes.iter().sum()),
    );
    (temp, deck)
}

/// The whole of `pecha check PATH`: load the deck, decode and measure every image.
fn bench_check(c: &mut Criterion, label: &str, size: (u32, u32)) {
    let (_temp, deck_path) = photo_deck(size);
    // Sanity: the deck is ready, so the bench measures the normal path, not an error shortcut.
    let report = check_deck(&Deck::load(&deck_path).unwrap());
    assert!(report.is_ready(), "{}", report.to_text());

    let mut group = c.benchmark_group("check_deck");
    group
        .sample_size(10)
        // Flat sampling, 10 samples: a 4K deck takes about 1 s per run on 2 cores.
        .measurement_time(Duration::from_secs(10))
        .sampling_mode(SamplingMode::Flat)
        .throughput(Throughput::Elements(u64::from(SLIDES)));
    group.bench_function(label, |b| {
        b.iter(|| {
            let deck = Deck::load(black_box(&deck_path)).unwrap();
            check_deck(&deck)
        });
    });
    group.finish();
}

fn check_1080p(c: &mut Criterion) {
    bench_check(c, "20 x 1920x1080 jpeg", FULL_HD);
}

fn check_4k(c: &mut Criterion) {
    bench_check(c, "20 x 3840x2160 jpeg", UHD);
}

/// One slide decoded and scaled to a 1920 x 1080 projector, as the slide pipeline does.
fn prepare(c: &mut Criterion) {
    let temp = TempDir::new().unwrap();
    let uhd = temp.path().join("uhd.jpg");
    let full_hd = temp.path().join("full_hd.jpg");
    write_photo(&uhd, UHD, 1);
    write_photo(&full_hd, FULL_HD, 1);

    let mut group = c.benchmark_group("prepare_for_screen");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5))
        .sampling_mode(SamplingMode::Flat);
    for (label, path) in [
        ("3840x2160 jpeg to 1920x1080", &uhd),
        ("1920x1080 jpeg to 1920x1080", &full_hd),
    ] {
        group.bench_function(label, |b| {
            b.iter(|| prepare_for_screen(black_box(path), FULL_HD).unwrap());
        });
    }
    group.finish();
}

/// The content key of a 20-slide 4K deck: every byte of every slide hashed.
fn history_key(c: &mut Criterion) {
    let (_temp, deck_path) = photo_deck(UHD);
    let deck = Deck::load(&deck_path).unwrap();
    let mut group = c.benchmark_group("history_key");
    group
        .sample_size(20)
        .measurement_time(Duration::from_secs(5))
        .throughput(Throughput::Elements(u64::from(SLIDES)));
    group.bench_function("20 x 3840x2160 jpeg", |b| {
        b.iter(|| {
            pecha::history::deck_key(black_box(&deck), pecha::timing::Timing::PECHA_KUCHA).unwrap()
        });
    });
    group.finish();
}

criterion_group!(benches, check_1080p, check_4k, prepare, history_key);
criterion_main!(benches);
