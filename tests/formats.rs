//! Every kind of image a real deck brings shows faithfully on the projector.
//!
//! Decks come from phones, cameras, Photoshop, PowerPoint exports and the web, and each source
//! has its quirks: phone photos are stored sideways with an EXIF orientation, print-shop JPEGs
//! are CMYK (Adobe-inverted), PNGs are 16-bit, grey, indexed or transparent, GIFs are animated.
//! These tests feed each quirk through [`prepare_for_screen`], the path every slide takes to the
//! screen (it decodes with [`decode_image`], as `pecha check` does), and compare the pixels
//! with what the author saw. They also make sure a decompression bomb is refused without
//! taking memory, that odd aspect ratios are scaled without distortion, and that `pecha check`
//! calls a folder of all these formats ready.
//!
//! Most fixtures are generated here with `image`; the few it cannot write (CMYK, indexed,
//! progressive JPEG) are tiny files in `tests/data/formats/`, whose README says how they were
//! made.
#![allow(clippy::unwrap_used)]

mod common;
use common::cli::pecha;
use common::fixtures::{crc32, data};

use std::fs;
use std::path::{Path, PathBuf};

use image::codecs::gif::GifEncoder;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::webp::WebPEncoder;
use image::{
    ColorType, Delay, Frame, GrayAlphaImage, GrayImage, ImageBuffer, ImageEncoder, ImageFormat,
    Luma, LumaA, Rgb, RgbImage, Rgba, RgbaImage,
};
use pecha::check::{ImageProblem, decode_image, probe_image};
use pecha::slides::{ScreenImage, SlideError, prepare_for_screen};
use tempfile::TempDir;

const RED: [u8; 3] = [255, 0, 0];
const GREEN: [u8; 3] = [0, 255, 0];
const BLUE: [u8; 3] = [0, 0, 255];
const WHITE: [u8; 3] = [255, 255, 255];
/// CMYK (0, 0, 0, 50%) black ink.
const GREY: [u8; 3] = [127, 127, 127];
/// A 1080p projector: the fixtures are smaller, so they come back at their own size.
const FULL_HD: (u32, u32) = (1920, 1080);
/// How far lossy formats (JPEG, GIF's palette) may stray from a flat colour, per channel.
const LOSSY: u8 = 12;

/// A stored fixture of `tests/data/formats/`.
fn fixture(name: &str) -> PathBuf {
    data("formats").join(name)
}

/// The image as the projector would get it.
fn screen(path: &Path) -> ScreenImage {
    prepare_for_screen(path, FULL_HD).unwrap_or_else(|e| panic!("{e}"))
}

fn pixel(screen: &ScreenImage, x: u32, y: u32) -> [u8; 4] {
    assert!(
        x < screen.width && y < screen.height,
        "({x}, {y}) outside {screen:?}"
    );
    let at = ((y * screen.width + x) * 4) as usize;
    screen.rgba()[at..at + 4].try_into().unwrap()
}

/// Asserts the pixel at (x, y) is opaque and within `tolerance` of `expected` on every channel.
fn assert_colour(screen: &ScreenImage, (x, y): (u32, u32), expected: [u8; 3], tolerance: u8) {
    let actual = pixel(screen, x, y);
    let close = actual[..3]
        .iter()
        .zip(expected)
        .all(|(&a, e)| a.abs_diff(e) <= tolerance);
    assert!(
        close && actual[3] == 255,
        "pixel ({x}, {y}) of {screen:?} is {actual:?}, expected {expected:?} (±{tolerance}), opaque"
    );
}

/// Centres of the top-left, top-right, bottom-left and bottom-right quarters.
fn quadrant_centres(width: u32, height: u32) -> [(u32, u32); 4] {
    let (left, right, top, bottom) = (width / 4, width * 3 / 4, height / 4, height * 3 / 4);
    [(left, top), (right, top), (left, bottom), (right, bottom)]
}

/// Asserts the four quarters of `screen` show `colours` (top-left, top-right, bottom-left,
/// bottom-right): catches images shown flipped, rotated or with swapped channels.
fn assert_quadrants(screen: &ScreenImage, colours: Quarters, tolerance: u8) {
    for (centre, colour) in quadrant_centres(screen.width, screen.height)
        .into_iter()
        .zip(colours)
    {
        assert_colour(screen, centre, colour, tolerance);
    }
}

/// An image of four flat quarters: top-left, top-right, bottom-left, bottom-right.
fn quadrants(width: u32, height: u32, colours: Quarters) -> RgbImage {
    RgbImage::from_fn(width, height, |x, y| {
        let quarter = usize::from(x >= width / 2) + 2 * usize::from(y >= height / 2);
        Rgb(colours[quarter])
    })
}

/// Colours of the four quarters of an image: top-left, top-right, bottom-left, bottom-right.
type Quarters = [[u8; 3]; 4];

/// The quarters most tests use: red, green / blue, white.
const RGBW: Quarters = [RED, GREEN, BLUE, WHITE];

fn jpeg_bytes(image: &RgbImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 95)
        .encode_image(image)
        .unwrap();
    bytes
}

// ---------------------------------------------------------------------------------------------
// EXIF orientation

/// An APP1 segment holding an EXIF TIFF header whose only IFD entry is Orientation (0x0112).
/// `big_endian` picks Motorola (`MM`) or Intel (`II`) byte order: cameras write both.
fn exif_orientation_segment(orientation: u16, big_endian: bool) -> Vec<u8> {
    let u16_bytes = |value: u16| {
        if big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        }
    };
    let u32_bytes = |value: u32| {
        if big_endian {
            value.to_be_bytes()
        } else {
            value.to_le_bytes()
        }
    };
    let mut tiff = Vec::new();
    tiff.extend_from_slice(if big_endian { b"MM" } else { b"II" });
    tiff.extend_from_slice(&u16_bytes(42));
    tiff.extend_from_slice(&u32_bytes(8)); // The first IFD follows the header.
    tiff.extend_from_slice(&u16_bytes(1)); // One entry:
    tiff.extend_from_slice(&u16_bytes(0x0112)); // Orientation,
    tiff.extend_from_slice(&u16_bytes(3)); // SHORT,
    tiff.extend_from_slice(&u32_bytes(1)); // one value,
    tiff.extend_from_slice(&u16_bytes(orientation)); // left-justified in the 4-byte field.
    tiff.extend_from_slice(&[0, 0]);
    tiff.extend_from_slice(&u32_bytes(0)); // No next IFD.

    let mut segment = vec![0xFF, 0xE1];
    let length = u16::try_from(2 + 6 + tiff.len()).unwrap();
    segment.extend_from_slice(&length.to_be_bytes());
    segment.extend_from_slice(b"Exif\0\0");
    segment.extend_from_slice(&tiff);
    segment
}

/// A JPEG of `image` with an EXIF orientation spliced in right after the SOI marker, as a
/// phone writes it.
fn jpeg_with_orientation(image: &RgbImage, orientation: u16, big_endian: bool) -> Vec<u8> {
    let plain = jpeg_bytes(image);
    assert_eq!(plain[..2], [0xFF, 0xD8], "JPEG starts with SOI");
    let mut bytes = plain[..2].to_vec();
    bytes.extend(exif_orientation_segment(orientation, big_endian));
    bytes.extend_from_slice(&plain[2..]);
    bytes
}

#[test]
fn exif_orientation_turns_jpeg_photos_upright() {
    // Stored 64 x 32: red, green / blue, white. Each orientation says how to turn it for
    // display; the expected quarters are what a photo viewer shows.
    let stored = quadrants(64, 32, RGBW);
    let cases: [(u16, (u32, u32), Quarters); 8] = [
        (1, (64, 32), [RED, GREEN, BLUE, WHITE]),
        (2, (64, 32), [GREEN, RED, WHITE, BLUE]), // mirrored
        (3, (64, 32), [WHITE, BLUE, GREEN, RED]), // upside down
        (4, (64, 32), [BLUE, WHITE, RED, GREEN]), // mirrored top to bottom
        (5, (32, 64), [RED, BLUE, GREEN, WHITE]), // transposed
        (6, (32, 64), [BLUE, RED, WHITE, GREEN]), // turned 90° clockwise
        (7, (32, 64), [WHITE, GREEN, BLUE, RED]), // transversed
        (8, (32, 64), [GREEN, WHITE, RED, BLUE]), // turned 90° anticlockwise
    ];
    let temp = TempDir::new().unwrap();
    for (orientation, size, colours) in cases {
        for big_endian in [false, true] {
            let path = temp
                .path()
                .join(format!("orientation_{orientation}_{big_endian}.jpg"));
            fs::write(
                &path,
                jpeg_with_orientation(&stored, orientation, big_endian),
            )
            .unwrap();

            let info = probe_image(&path).unwrap();
            assert_eq!(
                (info.width, info.height),
                size,
                "`pecha check` size, orientation {orientation}"
            );
            let decoded = decode_image(&path).unwrap();
            assert_eq!(decoded.width(), size.0, "orientation {orientation}");
            assert_eq!(decoded.height(), size.1, "orientation {orientation}");

            let shown = screen(&path);
            assert_eq!(
                (shown.width, shown.height),
                size,
                "orientation {orientation}"
            );
            assert_quadrants(&shown, colours, LOSSY);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// JPEG colour models and encodings

#[test]
fn adobe_cmyk_jpeg_shows_its_colours() {
    // Photoshop stores CMYK JPEG samples inverted and says so with an Adobe APP14 marker; read
    // as plain CMYK, red would come out cyan.
    let shown = screen(&fixture("cmyk_adobe.jpg"));
    assert_eq!((shown.width, shown.height), (32, 32));
    assert_quadrants(&shown, [RED, GREEN, BLUE, GREY], LOSSY);
}

#[test]
fn progressive_jpeg_with_restart_markers_decodes_and_is_not_taken_for_truncated() {
    let path = fixture("progressive_restart.jpg");
    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (32, 32));
    assert_quadrants(&shown, RGBW, LOSSY);

    // The same file cut in the middle of its scans: a progressive decoder would show the
    // blurry first passes without a word, so the check must call it truncated.
    let bytes = fs::read(&path).unwrap();
    let temp = TempDir::new().unwrap();
    let cut = temp.path().join("cut.jpg");
    fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert!(
        matches!(
            decode_image(&cut),
            Err(ImageProblem::Truncated { format: "JPEG" })
        ),
        "{:?}",
        decode_image(&cut).map(|image| (image.width(), image.height()))
    );
}

#[test]
fn greyscale_jpeg_shows_grey() {
    let grey = GrayImage::from_fn(32, 32, |x, _| Luma([if x < 16 { 40 } else { 200 }]));
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 95)
        .encode_image(&grey)
        .unwrap();
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("grey.jpg");
    fs::write(&path, bytes).unwrap();

    let shown = screen(&path);
    assert_colour(&shown, (8, 16), [40, 40, 40], LOSSY);
    assert_colour(&shown, (24, 16), [200, 200, 200], LOSSY);
}

// ---------------------------------------------------------------------------------------------
// PNG flavours

fn save_png<P, C>(dir: &Path, name: &str, image: &ImageBuffer<P, C>) -> PathBuf
where
    P: image::PixelWithColorType,
    [P::Subpixel]: image::EncodableLayout,
    C: std::ops::Deref<Target = [P::Subpixel]>,
{
    let path = dir.join(name);
    image.save_with_format(&path, ImageFormat::Png).unwrap();
    path
}

#[test]
fn sixteen_bit_png_keeps_the_high_byte() {
    // 0x8080 is exactly 128 in 8 bits; 0x00FF is nearly black (a decoder that kept the low
    // byte would show it at full strength).
    let image: ImageBuffer<Rgb<u16>, Vec<u16>> =
        ImageBuffer::from_pixel(4, 2, Rgb([0xFFFF, 0x8080, 0x00FF]));
    let temp = TempDir::new().unwrap();
    let path = save_png(temp.path(), "rgb16.png", &image);
    assert_eq!(
        image::open(&path).unwrap().color(),
        ColorType::Rgb16,
        "fixture"
    );

    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (4, 2));
    assert_eq!(pixel(&shown, 3, 1), [255, 128, 1, 255]);
}

#[test]
fn grey_png_shows_grey() {
    let image = GrayImage::from_fn(3, 1, |x, _| Luma([[0, 128, 255][x as usize]]));
    let temp = TempDir::new().unwrap();
    let shown = screen(&save_png(temp.path(), "grey.png", &image));
    assert_eq!(pixel(&shown, 0, 0), [0, 0, 0, 255]);
    assert_eq!(pixel(&shown, 1, 0), [128, 128, 128, 255]);
    assert_eq!(pixel(&shown, 2, 0), [255, 255, 255, 255]);
}

#[test]
fn grey_and_alpha_png_is_composited_over_white() {
    // Opaque black, half-transparent black, fully transparent black.
    let image = GrayAlphaImage::from_fn(3, 1, |x, _| LumaA([0, [255, 128, 0][x as usize]]));
    let temp = TempDir::new().unwrap();
    let shown = screen(&save_png(temp.path(), "grey_alpha.png", &image));
    assert_colour(&shown, (0, 0), [0, 0, 0], 0);
    assert_colour(&shown, (1, 0), [127, 127, 127], 1);
    assert_colour(&shown, (2, 0), WHITE, 0);
}

#[test]
fn transparent_png_is_composited_over_white() {
    let colours = [
        Rgba([255, 0, 0, 255]), // opaque red stays red
        Rgba([255, 0, 0, 128]), // half-transparent red turns pink
        Rgba([0, 0, 255, 0]),   // fully transparent anything is white
        Rgba([0, 0, 255, 64]),  // a quarter blue over white: light blue
    ];
    let image = RgbaImage::from_fn(4, 1, |x, _| colours[x as usize]);
    let temp = TempDir::new().unwrap();
    let shown = screen(&save_png(temp.path(), "rgba.png", &image));
    assert_colour(&shown, (0, 0), RED, 0);
    assert_colour(&shown, (1, 0), [255, 127, 127], 1);
    assert_colour(&shown, (2, 0), WHITE, 0);
    assert_colour(&shown, (3, 0), [191, 191, 255], 1);

    // The same through a 16-bit RGBA PNG.
    let wide: ImageBuffer<Rgba<u16>, Vec<u16>> = ImageBuffer::from_fn(4, 1, |x, _| {
        let Rgba([r, g, b, a]) = colours[x as usize];
        Rgba([r, g, b, a].map(|c| u16::from(c) * 257))
    });
    let shown = screen(&save_png(temp.path(), "rgba16.png", &wide));
    assert_colour(&shown, (0, 0), RED, 0);
    assert_colour(&shown, (1, 0), [255, 127, 127], 1);
    assert_colour(&shown, (2, 0), WHITE, 0);
    assert_colour(&shown, (3, 0), [191, 191, 255], 1);
}

#[test]
fn indexed_png_with_transparent_entry_shows_its_palette_over_white() {
    // 5 x 3, 2 bits per pixel, palette red, green, blue, (transparent) yellow.
    let shown = screen(&fixture("palette_2bit_trns.png"));
    assert_eq!((shown.width, shown.height), (5, 3));
    let rows = [
        [RED, GREEN, BLUE, WHITE, RED],
        [GREEN, BLUE, WHITE, RED, GREEN],
        [BLUE, WHITE, RED, GREEN, BLUE],
    ];
    for (y, row) in (0..).zip(rows) {
        for (x, colour) in (0..).zip(row) {
            assert_colour(&shown, (x, y), colour, 0);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// GIF, TIFF, WebP, BMP

#[test]
fn animated_gif_shows_its_first_frame() {
    let frame = |image: &RgbImage| {
        let rgba = image::DynamicImage::ImageRgb8(image.clone()).into_rgba8();
        Frame::from_parts(rgba, 0, 0, Delay::from_numer_denom_ms(500, 1))
    };
    let first = quadrants(32, 32, RGBW);
    let second = quadrants(32, 32, [WHITE, BLUE, GREEN, RED]);
    let mut bytes = Vec::new();
    {
        let mut encoder = GifEncoder::new(&mut bytes);
        encoder
            .encode_frames([frame(&first), frame(&second)])
            .unwrap();
    }
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("animated.gif");
    fs::write(&path, bytes).unwrap();

    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (32, 32));
    assert_quadrants(&shown, RGBW, LOSSY);
}

#[test]
fn tiff_shows_right_way_up() {
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("slide.tif");
    quadrants(32, 16, RGBW)
        .save_with_format(&path, ImageFormat::Tiff)
        .unwrap();
    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (32, 16));
    assert_quadrants(&shown, RGBW, 0);
}

#[test]
fn cmyk_tiff_shows_its_colours() {
    // Print workflows export CMYK TIFFs; unlike Adobe JPEGs their samples are not inverted.
    let shown = screen(&fixture("cmyk.tif"));
    assert_eq!((shown.width, shown.height), (16, 16));
    assert_quadrants(&shown, [RED, GREEN, BLUE, GREY], 1);
}

#[test]
fn lossless_webp_shows_colours_and_transparency_over_white() {
    let mut image = image::DynamicImage::ImageRgb8(quadrants(32, 16, RGBW)).into_rgba8();
    // The white quarter's bottom row is half-transparent blue instead.
    for x in 16..32 {
        image.put_pixel(x, 15, Rgba([0, 0, 255, 128]));
    }
    let mut bytes = Vec::new();
    WebPEncoder::new_lossless(&mut bytes)
        .write_image(image.as_raw(), 32, 16, image::ExtendedColorType::Rgba8)
        .unwrap();
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("slide.webp");
    fs::write(&path, bytes).unwrap();

    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (32, 16));
    assert_quadrants(&shown, RGBW, 0);
    assert_colour(&shown, (20, 15), [127, 127, 255], 1);
}

#[test]
fn bmp_shows_right_way_up() {
    // BMP rows are stored bottom-up: a reader that forgets shows the slide upside down.
    let temp = TempDir::new().unwrap();
    let path = temp.path().join("slide.bmp");
    quadrants(30, 18, RGBW)
        .save_with_format(&path, ImageFormat::Bmp)
        .unwrap();
    let shown = screen(&path);
    assert_eq!((shown.width, shown.height), (30, 18));
    assert_quadrants(&shown, RGBW, 0);
}

// ---------------------------------------------------------------------------------------------
// Decompression bombs

/// A small valid PNG whose IHDR (with a correct CRC) claims `width` x `height`.
fn png_claiming(width: u32, height: u32, sixteen_bit_rgba: bool) -> Vec<u8> {
    let mut bytes = Vec::new();
    if sixteen_bit_rgba {
        let image: ImageBuffer<Rgba<u16>, Vec<u16>> = ImageBuffer::new(16, 16);
        image
            .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
    } else {
        RgbaImage::new(16, 16)
            .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Png)
            .unwrap();
    }
    assert_eq!(&bytes[12..16], b"IHDR");
    bytes[16..20].copy_from_slice(&width.to_be_bytes());
    bytes[20..24].copy_from_slice(&height.to_be_bytes());
    let crc = crc32(&bytes[12..29]);
    bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    bytes
}

/// A small valid JPEG whose frame header (SOF0) claims `width` x `height`.
fn jpeg_claiming(width: u16, height: u16) -> Vec<u8> {
    let mut bytes = jpeg_bytes(&quadrants(16, 16, RGBW));
    let mut at = 2;
    loop {
        assert_eq!(bytes[at], 0xFF, "JPEG segment at {at}");
        let marker = bytes[at + 1];
        if marker == 0xC0 {
            bytes[at + 5..at + 7].copy_from_slice(&height.to_be_bytes());
            bytes[at + 7..at + 9].copy_from_slice(&width.to_be_bytes());
            return bytes;
        }
        assert_ne!(marker, 0xDA, "no SOF0 before the scan");
        at += 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
    }
}

/// A small valid BMP whose header claims `width` x `height`.
fn bmp_claiming(width: i32, height: i32) -> Vec<u8> {
    let mut bytes = Vec::new();
    quadrants(16, 16, RGBW)
        .write_to(&mut std::io::Cursor::new(&mut bytes), ImageFormat::Bmp)
        .unwrap();
    bytes[18..22].copy_from_slice(&width.to_le_bytes());
    bytes[22..26].copy_from_slice(&height.to_le_bytes());
    bytes
}

/// A line of `/proc/self/status` in bytes (`VmHWM`, `VmRSS`); `None` off Linux.
fn memory_status(field: &str) -> Option<u64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with(field))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// Whether a refusal is the one expected.
type IsExpected = fn(&ImageProblem) -> bool;

#[test]
fn decompression_bombs_are_refused_before_taking_memory() {
    const MIB: u64 = 1024 * 1024;
    let temp = TempDir::new().unwrap();
    let bombs: [(&str, Vec<u8>, IsExpected); 5] = [
        // 30000 x 30000 RGBA would take 3.4 GB.
        ("png_30000.png", png_claiming(30_000, 30_000, false), |p| {
            matches!(
                p,
                ImageProblem::TooManyPixels {
                    width: 30_000,
                    height: 30_000
                }
            )
        }),
        // Within the side limit, but 16000 x 16000 x 8 bytes = 2 GB.
        (
            "png_16000_rgba16.png",
            png_claiming(16_000, 16_000, true),
            |p| {
                matches!(
                    p,
                    ImageProblem::TooMuchMemory {
                        width: 16_000,
                        height: 16_000,
                        bytes: 2_048_000_000
                    }
                )
            },
        ),
        ("jpeg_60000.jpg", jpeg_claiming(60_000, 60_000), |p| {
            matches!(
                p,
                ImageProblem::TooManyPixels {
                    width: 60_000,
                    height: 60_000
                }
            )
        }),
        // 16000 x 16000 RGB = 768 MB.
        ("jpeg_16000.jpg", jpeg_claiming(16_000, 16_000), |p| {
            matches!(
                p,
                ImageProblem::TooMuchMemory {
                    width: 16_000,
                    height: 16_000,
                    bytes: 768_000_000
                }
            )
        }),
        ("bmp_30000.bmp", bmp_claiming(30_000, 30_000), |p| {
            matches!(
                p,
                ImageProblem::TooManyPixels {
                    width: 30_000,
                    height: 30_000
                }
            )
        }),
    ];

    let peak_before = memory_status("VmHWM:");
    for (name, bytes, expected) in bombs {
        assert!(bytes.len() < 4096, "{name} is {} bytes", bytes.len());
        let path = temp.path().join(name);
        fs::write(&path, &bytes).unwrap();

        let problem = probe_image(&path).unwrap_err();
        assert!(expected(&problem), "{name}: `pecha check` says {problem:?}");
        match prepare_for_screen(&path, FULL_HD) {
            Err(SlideError::Image { problem, .. }) => {
                assert!(expected(&problem), "{name}: the projector got {problem:?}");
            }
            other => panic!("{name}: prepare_for_screen returned {other:?}"),
        }
    }
    let peak_after = memory_status("VmHWM:");
    let resident = memory_status("VmRSS:");
    if let (Some(before), Some(after), Some(resident)) = (peak_before, peak_after, resident) {
        // Other tests run alongside in this process, but none of them needs more than a few MB.
        assert!(
            after - before < 200 * MIB,
            "peak memory grew by {} MB while refusing bombs",
            (after - before) / MIB
        );
        assert!(resident < 500 * MIB, "{} MB resident", resident / MIB);
    }
}

// ---------------------------------------------------------------------------------------------
// Odd aspect ratios

#[test]
fn odd_aspect_ratios_fit_the_screen_without_distortion() {
    // (source size, screen, size on screen): the whole image, as large as fits, same shape.
    let cases = [
        ((8000, 100), (1920, 1080), (1920, 24)), // a panorama strip
        ((100, 3000), (1920, 1080), (36, 1080)), // a phone screenshot
        ((4000, 3000), (1920, 1080), (1440, 1080)), // 4:3 on 16:9: pillar-boxed
        ((1920, 1080), (1024, 768), (1024, 576)), // 16:9 on a 4:3 projector: letter-boxed
        ((8000, 100), (1024, 768), (1024, 13)),
        ((640, 480), (1920, 1080), (640, 480)), // never enlarged: the GPU does it smoothly
    ];
    let temp = TempDir::new().unwrap();
    for ((width, height), fit, expected) in cases {
        // Four equal stripes along the long side, red, green, blue, white.
        let stripes = [RED, GREEN, BLUE, WHITE];
        let long_side = width.max(height);
        let source = RgbImage::from_fn(width, height, |x, y| {
            let along = if width >= height { x } else { y };
            Rgb(stripes[(along * 4 / long_side) as usize])
        });
        let path = temp.path().join(format!("{width}x{height}.png"));
        source.save(&path).unwrap();

        let shown = prepare_for_screen(&path, fit).unwrap();
        assert_eq!(
            (shown.width, shown.height),
            expected,
            "{width} x {height} on {fit:?}"
        );
        assert_eq!(shown.rgba().len(), (expected.0 * expected.1 * 4) as usize);
        // Each stripe is still a quarter of the long side: nothing cropped or stretched.
        let shown_long_side = if width >= height {
            expected.0
        } else {
            expected.1
        };
        for (stripe, colour) in (0u32..).zip(stripes) {
            let along = (stripe * 2 + 1) * shown_long_side / 8;
            let at = if width >= height {
                (along, expected.1 / 2)
            } else {
                (expected.0 / 2, along)
            };
            assert_colour(&shown, at, colour, 2);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// `pecha check` on a folder of every format

#[test]
fn pecha_check_calls_a_folder_of_every_format_ready() {
    let temp = TempDir::new().unwrap();
    let dir = temp.path();
    let rgbw = quadrants(64, 32, RGBW);
    let mut sources: Vec<(&str, Vec<u8>)> = vec![
        ("jpg", jpeg_with_orientation(&rgbw, 6, false)),
        ("jpg", fs::read(fixture("cmyk_adobe.jpg")).unwrap()),
        (
            "jpeg",
            fs::read(fixture("progressive_restart.jpg")).unwrap(),
        ),
        ("png", fs::read(fixture("palette_2bit_trns.png")).unwrap()),
        ("tif", fs::read(fixture("cmyk.tif")).unwrap()),
    ];
    for (extension, format) in [
        ("png", ImageFormat::Png),
        ("gif", ImageFormat::Gif),
        ("tiff", ImageFormat::Tiff),
        ("webp", ImageFormat::WebP),
        ("bmp", ImageFormat::Bmp),
    ] {
        let mut bytes = Vec::new();
        rgbw.write_to(&mut std::io::Cursor::new(&mut bytes), format)
            .unwrap();
        sources.push((extension, bytes));
    }
    for slide in 0..20 {
        let (extension, bytes) = &sources[slide % sources.len()];
        fs::write(dir.join(format!("{:02}.{extension}", slide + 1)), bytes).unwrap();
    }

    let run = pecha([Path::new("check"), dir, Path::new("--json")]);
    let report = run.json();
    let stdout = &run.stdout;
    let errors: Vec<&serde_json::Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|finding| finding["severity"] == "error")
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(report["ready"], true, "{stdout}");
    assert_eq!(report["slide_count"], 20);
    assert_eq!(run.status, Some(0), "{stdout}");
}
