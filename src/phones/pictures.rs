//! Slide pictures for the phones: small JPEGs made on their own thread from the copies the app
//! already decoded for the presenter view (never read again from disk, never addressed by a
//! path), cached by slide number for the deck on show.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, PoisonError};

use image::ImageEncoder as _;
use image::codecs::jpeg::JpegEncoder;

use crate::slides::ScreenImage;

/// Good enough to recognise a slide on a phone, a few tens of kilobytes.
const QUALITY: u8 = 70;

/// The cache the server reads: JPEGs of the current deck by slide number (1-based).
#[derive(Debug, Default)]
pub struct PictureCache {
    generation: u64,
    jpegs: HashMap<usize, Arc<Vec<u8>>>,
}

impl PictureCache {
    /// The JPEG of `slide`, if it has been made.
    #[must_use]
    pub fn get(&self, slide: usize) -> Option<Arc<Vec<u8>>> {
        self.jpegs.get(&slide).cloned()
    }

    /// The deck the pictures are of.
    #[must_use]
    pub fn generation(&self) -> u64 {
        self.generation
    }
}

/// One picture to encode: slide `slide` of deck `generation`.
struct Job {
    generation: u64,
    slide: usize,
    image: ScreenImage,
}

/// Encodes pictures on its own thread; the thread ends when this is dropped.
pub struct PictureMaker {
    jobs: Sender<Job>,
    cache: Arc<Mutex<PictureCache>>,
}

impl PictureMaker {
    /// Start the encoding thread.
    pub fn start() -> std::io::Result<Self> {
        let (jobs, receiver) = channel();
        let cache = Arc::new(Mutex::new(PictureCache::default()));
        let shared = Arc::clone(&cache);
        std::thread::Builder::new()
            .name("pecha-phone-pictures".into())
            .spawn(move || encode_all(&receiver, &shared))?;
        Ok(Self { jobs, cache })
    }

    /// Make slide `slide`'s picture from `image` (a copy for the presenter view), for the deck
    /// of `generation`; pictures of another generation are dropped.
    pub fn make(&self, generation: u64, slide: usize, image: ScreenImage) {
        // The thread only ends with this sender; nothing to do if it died.
        let _ = self.jobs.send(Job {
            generation,
            slide,
            image,
        });
    }

    /// What the server serves from.
    #[must_use]
    pub fn cache(&self) -> Arc<Mutex<PictureCache>> {
        Arc::clone(&self.cache)
    }
}

fn encode_all(jobs: &Receiver<Job>, cache: &Mutex<PictureCache>) {
    while let Ok(job) = jobs.recv() {
        {
            let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
            if job.generation != cache.generation {
                cache.generation = job.generation;
                cache.jpegs.clear();
            }
        }
        let Some(jpeg) = encode(&job.image) else {
            continue;
        };
        let mut cache = cache.lock().unwrap_or_else(PoisonError::into_inner);
        if cache.generation == job.generation {
            cache.jpegs.insert(job.slide, Arc::new(jpeg));
        }
    }
}

/// RGBA (opaque: slides are flattened over white) to a baseline JPEG.
fn encode(image: &ScreenImage) -> Option<Vec<u8>> {
    let rgb: Vec<u8> = image
        .rgba()
        .chunks_exact(4)
        .flat_map(|pixel| [pixel[0], pixel[1], pixel[2]])
        .collect();
    let mut jpeg = Vec::new();
    match JpegEncoder::new_with_quality(&mut jpeg, QUALITY).write_image(
        &rgb,
        image.width,
        image.height,
        image::ExtendedColorType::Rgb8,
    ) {
        Ok(()) => Some(jpeg),
        Err(error) => {
            log::warn!("cannot make a phone picture: {error}");
            None
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_is_a_jpeg() {
        let image = ScreenImage::from_rgba(8, 4, &[200; 8 * 4 * 4]);
        let jpeg = encode(&image).unwrap();
        assert_eq!(&jpeg[..2], &[0xFF, 0xD8]);
    }
}
