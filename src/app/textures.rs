//! Slides on the GPU: the current slide and the next two, prepared by a background worker
//! ([`crate::slides`]: decode, orient, scale to the projector's size) and uploaded as textures
//! seconds before they are due, never at the advance. Everything further away is released, so
//! memory stays flat over a talk whatever the size of the deck.

use std::collections::{HashMap, HashSet};

use egui::{TextureHandle, TextureOptions};

use crate::deck::Deck;
use crate::slides::{ScreenImage, SlideFile, SlidePreparer};
use crate::ui::widgets::SlidePicture;

/// A slide as the GPU has it.
enum SlideTexture {
    Ready {
        /// At the projector screen's size.
        full: TextureHandle,
        /// Halves of it, largest first; kept alive here, drawn through `sizes`.
        #[allow(dead_code, reason = "owning the handles keeps the textures alive")]
        smaller: Vec<TextureHandle>,
        /// The id and size of each of `smaller`, as the views take them.
        sizes: Vec<(egui::TextureId, egui::Vec2)>,
    },
    Failed(String),
}

/// Hand a prepared image to egui. Slides are opaque (flattened over white), so their straight
/// RGBA is already premultiplied, and the worker stored it in 4-byte words: the buffer becomes
/// the texture's pixels as it is, no copy on the UI thread. No mipmaps: generating them costs a
/// software renderer ~100 ms per slide on the UI thread, and smaller frames draw from the
/// prepared smaller copies instead.
fn upload(ctx: &egui::Context, name: &str, image: crate::slides::ScreenImage) -> TextureHandle {
    let size = [image.width as usize, image.height as usize];
    let pixels: Vec<egui::Color32> = bytemuck::allocation::cast_vec(image.into_words());
    ctx.load_texture(
        name,
        egui::ColorImage::new(size, pixels),
        TextureOptions::LINEAR,
    )
}

/// The slides near the current one, as textures, prepared ahead by background workers.
pub(super) struct SlideTextures {
    preparer: SlidePreparer,
    fit: (u32, u32),
    textures: HashMap<usize, SlideTexture>,
    pending: HashSet<usize>,
    /// A small copy of each slide held, for the phones' pictures (encoded only while serving).
    phone_copies: HashMap<usize, ScreenImage>,
    /// Which deck (and size) the slides are of: changes whenever they are dropped.
    generation: u64,
}

/// The narrowest copy the phones are given: sharp on a phone held upright.
const PHONE_WIDTH: u32 = 400;

impl SlideTextures {
    pub(super) fn new(ctx: &egui::Context) -> Self {
        let waker = ctx.clone();
        Self {
            // One worker: slides are asked for in order of need and one takes tens of
            // milliseconds, seconds ahead of its deadline; a second worker would only add its
            // decoding buffers to the peak memory and take a core from the first slide.
            preparer: SlidePreparer::new(1, move || waker.request_repaint()),
            fit: (1920, 1080),
            textures: HashMap::new(),
            pending: HashSet::new(),
            phone_copies: HashMap::new(),
            generation: 0,
        }
    }

    /// The slides worth holding: the current one and the next two, most urgent first; the
    /// next slide is ready a whole slide ahead. Everything else is released, so memory stays
    /// flat over a talk whatever the size of the deck.
    fn wanted(current: usize, count: usize) -> Vec<usize> {
        (current..=current + 2)
            .filter(|&slide| slide <= count)
            .collect()
    }

    pub(super) fn keep_around(&mut self, deck: &Deck, current: usize) {
        let wanted = Self::wanted(current, deck.slides.len());
        self.textures.retain(|slide, _| wanted.contains(slide));
        self.phone_copies.retain(|slide, _| wanted.contains(slide));
        let missing: Vec<(usize, SlideFile)> = wanted
            .iter()
            .filter(|slide| !self.textures.contains_key(slide) && !self.pending.contains(slide))
            .map(|&slide| (slide, SlideFile::from(&deck.slides[slide - 1])))
            .collect();
        for (slide, _) in &missing {
            self.pending.insert(*slide);
        }
        if !missing.is_empty() {
            self.preparer
                .request_in_order(missing.into_iter(), self.fit);
        }
    }

    /// Move finished slides onto the GPU (seconds before they are due, never at the advance).
    pub(super) fn collect(&mut self, ctx: &egui::Context, deck: &Deck, current: usize) {
        let wanted = Self::wanted(current, deck.slides.len());
        while let Some(prepared) = self.preparer.try_next() {
            self.pending.remove(&prepared.slide);
            let same_file = deck
                .slides
                .get(prepared.slide.wrapping_sub(1))
                .is_some_and(|slide| slide.image == prepared.path && slide.page == prepared.page);
            if prepared.fit != self.fit || !wanted.contains(&prepared.slide) || !same_file {
                continue;
            }
            let texture = if let Ok(pixels) = prepared.result {
                // The smallest copy still PHONE_WIDTH wide: a fraction of a megabyte, cloned
                // once per slide, so the phones' JPEGs are made without decoding again.
                let phone_copy = pixels
                    .smaller
                    .iter()
                    .rev()
                    .find(|copy| copy.width >= PHONE_WIDTH)
                    .unwrap_or(&pixels.screen)
                    .clone();
                self.phone_copies.insert(prepared.slide, phone_copy);
                let name = format!("slide-{}", prepared.slide);
                let full = upload(ctx, &name, pixels.screen);
                let smaller: Vec<TextureHandle> = pixels
                    .smaller
                    .into_iter()
                    .enumerate()
                    .map(|(level, image)| upload(ctx, &format!("{name}-{level}"), image))
                    .collect();
                let sizes = smaller
                    .iter()
                    .map(|texture| (texture.id(), texture.size_vec2()))
                    .collect();
                SlideTexture::Ready {
                    full,
                    smaller,
                    sizes,
                }
            } else {
                let failed = &deck.slides[prepared.slide - 1];
                let name = failed.image.file_name().map_or_else(
                    || failed.image.display().to_string(),
                    |name| name.to_string_lossy().into_owned(),
                );
                let reason = match &prepared.result {
                    Err(crate::slides::SlideError::Image { problem, .. }) => problem.to_string(),
                    Err(crate::slides::SlideError::Scale { message, .. }) => message.clone(),
                    Ok(_) => String::new(),
                };
                SlideTexture::Failed(match failed.page {
                    Some(page) => crate::tr!(
                        "slide-failed-page",
                        file = name,
                        page = page,
                        reason = reason
                    ),
                    None => format!("{name}: {reason}"),
                })
            };
            self.textures.insert(prepared.slide, texture);
        }
    }

    pub(super) fn picture(&self, slide: usize) -> SlidePicture<'_> {
        match self.textures.get(&slide) {
            Some(SlideTexture::Ready { full, sizes, .. }) => SlidePicture::Ready {
                texture: full.id(),
                size: full.size_vec2(),
                smaller: sizes,
            },
            Some(SlideTexture::Failed(name)) => SlidePicture::Failed(name),
            None => SlidePicture::Loading,
        }
    }

    /// The small copies of the slides held now, and which deck they are of.
    pub(super) fn phone_copies(&self) -> (u64, impl Iterator<Item = (usize, &ScreenImage)>) {
        (
            self.generation,
            self.phone_copies
                .iter()
                .map(|(slide, image)| (*slide, image)),
        )
    }

    pub(super) fn is_settled(&self, slide: usize) -> bool {
        self.textures.contains_key(&slide)
    }

    /// Drop every prepared slide (another deck is in), keeping the size.
    pub(super) fn clear(&mut self) {
        self.reset(self.fit);
    }

    fn reset(&mut self, fit: (u32, u32)) {
        self.preparer.cancel_pending();
        self.textures.clear();
        self.phone_copies.clear();
        self.generation += 1;
        self.pending.clear();
        self.fit = fit;
    }

    /// Prepare slides for a projector screen of `size` pixels from now on (at least 640 x 360);
    /// what was prepared for another size is dropped.
    pub(super) fn fit_to(&mut self, size: (u32, u32)) {
        let fit = (size.0.max(640), size.1.max(360));
        if fit != self.fit {
            self.reset(fit);
        }
    }
}
