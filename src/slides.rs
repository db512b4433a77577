//! Getting slide images ready before they are needed.
//!
//! A slide must be on screen on the first frame after its deadline, even when it is a 4K photo.
//! Decoding and scaling take tens of milliseconds, far more than one frame, so they run here on
//! background threads: decode (exactly as `pecha check` does, under its memory limits) -> apply EXIF
//! orientation -> composite transparency over white -> scale to fit the screen that shows it ->
//! make half, quarter and eighth copies for the presenter view. A PDF page is rendered directly
//! at the screen's size ([`crate::pdf`]). The app asks ahead of time and turns finished pixels
//! into textures; this module never touches egui, so it can be tested and benchmarked on its own.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;

use fast_image_resize as fr;
use image::{DynamicImage, RgbaImage};

use crate::check::{ImageProblem, decode_image};

/// Why a slide could not be made ready: what the presenter view shows instead of it.
#[derive(Debug, thiserror::Error)]
pub enum SlideError {
    /// The file is missing, not an image, truncated, or over the memory limits.
    #[error("{path}: {problem}")]
    Image {
        /// The slide's image file.
        path: PathBuf,
        /// What `pecha check` would say about it.
        problem: ImageProblem,
    },
    /// Scaling failed (it should not: the sizes are checked before).
    #[error("{}", crate::tr!("slide-scale", file = path.display().to_string(), error = message.as_str()))]
    Scale {
        /// The slide's image file.
        path: PathBuf,
        /// What the resizer said.
        message: String,
    },
}

/// A slide decoded and scaled for one screen: straight RGBA8, opaque, row-major.
///
/// The pixels are stored as 4-byte words, the alignment of egui's `Color32`: the UI thread takes
/// them over as texture pixels without a copy ([`ScreenImage::into_words`]); the one copy from
/// the decoder's bytes happens here, on the worker.
#[derive(Clone)]
pub struct ScreenImage {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// `width * height` pixels, each R, G, B, A bytes in memory order.
    words: Vec<u32>,
}

impl ScreenImage {
    /// An image from `width * height * 4` RGBA bytes.
    #[must_use]
    pub fn from_rgba(width: u32, height: u32, rgba: &[u8]) -> Self {
        Self {
            width,
            height,
            words: bytemuck::pod_collect_to_vec(rgba),
        }
    }

    /// The pixels as RGBA bytes.
    #[must_use]
    pub fn rgba(&self) -> &[u8] {
        bytemuck::cast_slice(&self.words)
    }

    /// The pixels as 4-byte words, RGBA in memory order, for handing over without a copy.
    #[must_use]
    pub fn into_words(self) -> Vec<u32> {
        self.words
    }
}

impl std::fmt::Debug for ScreenImage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ScreenImage({} x {})", self.width, self.height)
    }
}

/// The largest size that fits `image` into `fit` without changing its aspect ratio and without
/// enlarging it (the GPU enlarges small slides smoothly at no cost).
#[must_use]
pub fn fit_within(image: (u32, u32), fit: (u32, u32)) -> (u32, u32) {
    let (width, height) = image;
    let (max_width, max_height) = (fit.0.max(1), fit.1.max(1));
    if width <= max_width && height <= max_height {
        return (width.max(1), height.max(1));
    }
    let scale = f64::min(
        f64::from(max_width) / f64::from(width),
        f64::from(max_height) / f64::from(height),
    );
    let scaled = |side: u32| ((f64::from(side) * scale).round() as u32).max(1);
    (scaled(width).min(max_width), scaled(height).min(max_height))
}

/// Decode `path` and scale it to fit `fit` (the pixel size of the screen that shows it).
pub fn prepare_for_screen(path: &Path, fit: (u32, u32)) -> Result<ScreenImage, SlideError> {
    // The same decoding as `pecha check` (limits, truncation, EXIF orientation), so a slide
    // that passed the check shows exactly as checked.
    let decoded = decode_image(path).map_err(|problem| SlideError::Image {
        path: path.to_path_buf(),
        problem,
    })?;
    let source = (decoded.width(), decoded.height());
    let (width, height) = fit_within(source, fit);
    let rgba = if decoded.color().has_alpha() {
        let flat = flatten_over_white(decoded).into_raw();
        resize_if_needed(path, flat, source, fr::PixelType::U8x4, (width, height))?
    } else {
        // Opaque slides (nearly all) are scaled as RGB and get their alpha at screen size, so a
        // 4K photo never exists as 4K RGBA: 33 MB less at the peak of every 4K slide.
        let rgb = decoded.into_rgb8().into_raw();
        let scaled = resize_if_needed(path, rgb, source, fr::PixelType::U8x3, (width, height))?;
        // `image` adds the alpha channel (its loop, optimised even in debug builds).
        image::RgbImage::from_raw(width, height, scaled)
            .map(|rgb| DynamicImage::ImageRgb8(rgb).into_rgba8().into_raw())
            .ok_or_else(|| SlideError::Scale {
                path: path.to_path_buf(),
                message: "the scaled image has the wrong size".to_owned(),
            })?
    };
    Ok(ScreenImage::from_rgba(width, height, &rgba))
}

/// [`resize`], or `pixels` as they are when they already have the `target` size.
fn resize_if_needed(
    path: &Path,
    pixels: Vec<u8>,
    source: (u32, u32),
    pixel_type: fr::PixelType,
    target: (u32, u32),
) -> Result<Vec<u8>, SlideError> {
    if source == target {
        Ok(pixels)
    } else {
        resize(path, &pixels, source, pixel_type, target)
    }
}

/// Scale `pixels` (`source` in size) to `target` with a Lanczos filter.
fn resize(
    path: &Path,
    pixels: &[u8],
    source: (u32, u32),
    pixel_type: fr::PixelType,
    target: (u32, u32),
) -> Result<Vec<u8>, SlideError> {
    let scale_error = |error: &dyn std::fmt::Display| SlideError::Scale {
        path: path.to_path_buf(),
        message: error.to_string(),
    };
    let view = fr::images::ImageRef::new(source.0, source.1, pixels, pixel_type)
        .map_err(|error| scale_error(&error))?;
    let mut scaled = fr::images::Image::new(target.0, target.1, pixel_type);
    let options =
        fr::ResizeOptions::new().resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
    fr::Resizer::new()
        .resize(&view, &mut scaled, &options)
        .map_err(|error| scale_error(&error))?;
    Ok(scaled.into_vec())
}

/// A slide ready for the screen that shows it, plus smaller copies for the presenter view.
#[derive(Debug, Clone)]
pub struct SlidePixels {
    /// At the size of the projector's screen.
    pub screen: ScreenImage,
    /// Half, quarter and eighth of `screen` (while at least [`SMALLEST_COPY`] px wide), largest
    /// first. The presenter view draws its small frames from the nearest larger copy: scaled
    /// here with a Lanczos filter they stay sharp, and the GPU needs no mipmaps, whose
    /// generation costs a software renderer about 100 ms per slide, on the UI thread.
    pub smaller: Vec<ScreenImage>,
}

/// The narrowest smaller copy worth making (the presenter's next-slide frame is larger).
pub const SMALLEST_COPY: u32 = 240;

/// Halve `screen` repeatedly, down to [`SMALLEST_COPY`], at most three times.
pub fn smaller_copies(path: &Path, screen: &ScreenImage) -> Result<Vec<ScreenImage>, SlideError> {
    let mut copies: Vec<ScreenImage> = Vec::new();
    while copies.len() < 3 {
        let source = copies.last().unwrap_or(screen);
        let (width, height) = (source.width / 2, source.height / 2);
        if width < SMALLEST_COPY || height == 0 {
            break;
        }
        let rgba = halve(path, source, (width, height))?;
        copies.push(ScreenImage::from_rgba(width, height, &rgba));
    }
    Ok(copies)
}

/// A PDF page rendered to fit `fit`: no scaling step, the renderer draws at that size.
pub fn prepare_pdf_page(
    path: &Path,
    page: usize,
    fit: (u32, u32),
) -> Result<ScreenImage, SlideError> {
    let rendered =
        crate::pdf::render_page(path, page, fit).map_err(|problem| SlideError::Image {
            path: path.to_path_buf(),
            problem: problem.into(),
        })?;
    Ok(ScreenImage::from_rgba(
        rendered.width,
        rendered.height,
        &rendered.rgba,
    ))
}

/// `source` at half its size, each pixel the average of the 2 x 2 it covers, as mipmaps are
/// made: cheap (a Lanczos pass per copy would cost more than decoding the slide), and sharp,
/// since the presenter view draws each copy at about its own size.
fn halve(path: &Path, source: &ScreenImage, target: (u32, u32)) -> Result<Vec<u8>, SlideError> {
    let scale_error = |error: &dyn std::fmt::Display| SlideError::Scale {
        path: path.to_path_buf(),
        message: error.to_string(),
    };
    let view = fr::images::ImageRef::new(
        source.width,
        source.height,
        source.rgba(),
        fr::PixelType::U8x4,
    )
    .map_err(|error| scale_error(&error))?;
    let mut half = fr::images::Image::new(target.0, target.1, fr::PixelType::U8x4);
    // Slides are opaque: no alpha to premultiply.
    let options = fr::ResizeOptions::new()
        .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Box))
        .use_alpha(false);
    fr::Resizer::new()
        .resize(&view, &mut half, &options)
        .map_err(|error| scale_error(&error))?;
    Ok(half.into_vec())
}

/// Everything the app needs of one slide: the picture at the screen's size (an image through
/// [`prepare_for_screen`], a PDF page through [`prepare_pdf_page`]) and its [`smaller_copies`].
pub fn prepare_slide(
    path: &Path,
    page: Option<usize>,
    fit: (u32, u32),
) -> Result<SlidePixels, SlideError> {
    let screen = match page {
        Some(page) => prepare_pdf_page(path, page, fit)?,
        None => prepare_for_screen(path, fit)?,
    };
    let smaller = smaller_copies(path, &screen)?;
    Ok(SlidePixels { screen, smaller })
}

/// Slides with transparency are shown as their authors saw them in their slide tool: on white.
fn flatten_over_white(image: DynamicImage) -> RgbaImage {
    let has_alpha = image.color().has_alpha();
    let mut rgba = image.into_rgba8();
    if has_alpha {
        for pixel in rgba.pixels_mut() {
            let alpha = u16::from(pixel[3]);
            for channel in &mut pixel.0[..3] {
                *channel = ((u16::from(*channel) * alpha + 255 * (255 - alpha) + 127) / 255) as u8;
            }
            pixel[3] = 255;
        }
    }
    rgba
}

/// One finished request, in any order.
#[derive(Debug)]
pub struct Prepared {
    /// Which slide (1-based) this is.
    pub slide: usize,
    /// The file it was made from, so a result for a deck that was replaced meanwhile is
    /// recognised and dropped.
    pub path: PathBuf,
    /// The PDF page it was made from, for PDF decks.
    pub page: Option<usize>,
    /// The size it was asked to fit, so a stale result for an old window size can be told apart.
    pub fit: (u32, u32),
    /// The pixels, or why there are none.
    pub result: Result<SlidePixels, SlideError>,
}

struct Job {
    slide: usize,
    path: PathBuf,
    page: Option<usize>,
    fit: (u32, u32),
}

/// Where a requested slide's picture comes from: an image file, or a page of a PDF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlideFile {
    /// The image or PDF.
    pub path: PathBuf,
    /// The page, for a PDF.
    pub page: Option<usize>,
}

impl From<&crate::deck::Slide> for SlideFile {
    fn from(slide: &crate::deck::Slide) -> Self {
        Self {
            path: slide.image.clone(),
            page: slide.page,
        }
    }
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    closed: bool,
}

/// Background workers that prepare slides for the screen, most urgent request first.
pub struct SlidePreparer {
    queue: Arc<(Mutex<Queue>, Condvar)>,
    results: Receiver<Prepared>,
    workers: Vec<JoinHandle<()>>,
}

impl SlidePreparer {
    /// Start `threads` workers. `on_ready` is called from a worker after each result, so the UI
    /// can wake up and collect it (`egui::Context::request_repaint`).
    pub fn new(threads: usize, on_ready: impl Fn() + Send + Sync + 'static) -> Self {
        let queue = Arc::new((Mutex::new(Queue::default()), Condvar::new()));
        let (sender, results) = channel();
        let on_ready = Arc::new(on_ready);
        let workers = (0..threads.max(1))
            .map(|index| {
                let queue = Arc::clone(&queue);
                let sender: Sender<Prepared> = sender.clone();
                let on_ready = Arc::clone(&on_ready);
                std::thread::Builder::new()
                    .name(format!("pecha-slides-{index}"))
                    .spawn(move || worker(&queue, &sender, &*on_ready))
            })
            .filter_map(|spawned| match spawned {
                Ok(handle) => Some(handle),
                Err(error) => {
                    log::error!("cannot start a slide worker: {error}");
                    None
                }
            })
            .collect();
        Self {
            queue,
            results,
            workers,
        }
    }

    /// Ask for a slide; requests made later are served first, because the caller asks for the
    /// most urgent slide last (see [`Self::request_in_order`]).
    pub fn request(&self, slide: usize, file: SlideFile, fit: (u32, u32)) {
        let (lock, wake) = &*self.queue;
        if let Ok(mut queue) = lock.lock() {
            queue.jobs.push_front(Job {
                slide,
                path: file.path,
                page: file.page,
                fit,
            });
            wake.notify_one();
        }
    }

    /// Ask for several slides, the first one most urgent.
    pub fn request_in_order(
        &self,
        requests: impl DoubleEndedIterator<Item = (usize, SlideFile)>,
        fit: (u32, u32),
    ) {
        for (slide, file) in requests.rev() {
            self.request(slide, file, fit);
        }
    }

    /// Drop the requests not yet started (e.g. after the talk jumped elsewhere).
    pub fn cancel_pending(&self) {
        if let Ok(mut queue) = self.queue.0.lock() {
            queue.jobs.clear();
        }
    }

    /// A finished slide, if one is waiting. Never blocks.
    #[must_use]
    pub fn try_next(&self) -> Option<Prepared> {
        self.results.try_recv().ok()
    }

    /// Wait for the next finished slide (for tools and tests, never the UI thread).
    #[must_use]
    pub fn wait_next(&self, timeout: std::time::Duration) -> Option<Prepared> {
        self.results.recv_timeout(timeout).ok()
    }
}

impl Drop for SlidePreparer {
    fn drop(&mut self) {
        let (lock, wake) = &*self.queue;
        if let Ok(mut queue) = lock.lock() {
            queue.closed = true;
            queue.jobs.clear();
        }
        wake.notify_all();
        for worker in self.workers.drain(..) {
            let _ = worker.join();
        }
    }
}

fn worker(
    queue: &(Mutex<Queue>, Condvar),
    results: &Sender<Prepared>,
    on_ready: &(dyn Fn() + Send + Sync),
) {
    let (lock, wake) = queue;
    loop {
        let job = {
            let Ok(mut guard) = lock.lock() else { return };
            loop {
                if guard.closed {
                    return;
                }
                if let Some(job) = guard.jobs.pop_front() {
                    break job;
                }
                guard = match wake.wait(guard) {
                    Ok(guard) => guard,
                    Err(_) => return,
                };
            }
        };
        let result = prepare_slide(&job.path, job.page, job.fit);
        if let Err(error) = &result {
            log::warn!("slide {}: {error}", job.slide);
        }
        let prepared = Prepared {
            slide: job.slide,
            path: job.path,
            page: job.page,
            fit: job.fit,
            result,
        };
        if results.send(prepared).is_err() {
            return;
        }
        on_ready();
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn fit_within_keeps_aspect_and_never_enlarges() {
        let cases = [
            ((3840, 2160), (1920, 1080), (1920, 1080)),
            ((1024, 768), (1920, 1080), (1024, 768)),
            ((4000, 3000), (1920, 1080), (1440, 1080)),
            ((1080, 1920), (1920, 1080), (608, 1080)),
            ((8000, 100), (1920, 1080), (1920, 24)),
            ((0, 0), (1920, 1080), (1, 1)),
        ];
        for (image, fit, expected) in cases {
            assert_eq!(fit_within(image, fit), expected, "{image:?} into {fit:?}");
        }
    }

    #[test]
    fn smaller_copies_halve_down_to_the_smallest_useful_size() {
        let mut rgba = Vec::new();
        for _row in 0..1080 {
            for x in 0..1920 {
                // Left half red, right half blue: a copy must keep the halves apart.
                rgba.extend_from_slice(if x < 960 {
                    &[200, 0, 0, 255]
                } else {
                    &[0, 0, 200, 255]
                });
            }
        }
        let screen = ScreenImage::from_rgba(1920, 1080, &rgba);
        let copies = smaller_copies(Path::new("slide.png"), &screen).unwrap();
        let sizes: Vec<(u32, u32)> = copies.iter().map(|c| (c.width, c.height)).collect();
        assert_eq!(sizes, [(960, 540), (480, 270), (240, 135)]);
        let quarter = &copies[1];
        let pixel = |x: u32, y: u32| {
            let at = ((y * quarter.width + x) * 4) as usize;
            quarter.rgba()[at..at + 4].to_vec()
        };
        assert_eq!(pixel(10, 100), [200, 0, 0, 255]);
        assert_eq!(pixel(470, 100), [0, 0, 200, 255]);

        let small = ScreenImage::from_rgba(400, 300, &vec![255; 400 * 300 * 4]);
        assert!(
            smaller_copies(Path::new("small.png"), &small)
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn transparency_is_composited_over_white() {
        let mut image = RgbaImage::new(2, 1);
        image.put_pixel(0, 0, image::Rgba([0, 0, 0, 0]));
        image.put_pixel(1, 0, image::Rgba([0, 0, 0, 255]));
        let flat = flatten_over_white(DynamicImage::ImageRgba8(image));
        assert_eq!(flat.get_pixel(0, 0).0, [255, 255, 255, 255]);
        assert_eq!(flat.get_pixel(1, 0).0, [0, 0, 0, 255]);
    }

    #[test]
    fn preparer_scales_in_the_background_and_reports_failures() {
        let dir = tempfile::tempdir().unwrap();
        let good = dir.path().join("big.png");
        RgbaImage::from_pixel(400, 300, image::Rgba([10, 200, 30, 255]))
            .save(&good)
            .unwrap();
        let bad = dir.path().join("broken.jpg");
        std::fs::write(&bad, b"not an image").unwrap();

        let preparer = SlidePreparer::new(2, || {});
        let file = |path: PathBuf| SlideFile { path, page: None };
        preparer.request_in_order([(1, file(good)), (2, file(bad))].into_iter(), (200, 200));
        let mut results: Vec<Prepared> = (0..2)
            .filter_map(|_| preparer.wait_next(std::time::Duration::from_secs(30)))
            .collect();
        results.sort_by_key(|prepared| prepared.slide);
        assert_eq!(results.len(), 2);
        let first = &results[0].result.as_ref().unwrap().screen;
        assert_eq!((first.width, first.height), (200, 150));
        assert_eq!(&first.rgba()[..4], &[10, 200, 30, 255]);
        let error = results[1].result.as_ref().unwrap_err().to_string();
        assert!(error.contains("broken.jpg"), "{error}");
    }
}
