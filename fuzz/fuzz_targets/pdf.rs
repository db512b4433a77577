//! A PDF deck's file, as loading a deck counts its pages (`pdf::page_count`) and as the check
//! and the slide pipeline render them (`pdf::page_size`, `pdf::render_page`), here at a small
//! size and only the first two pages, so a case stays fast. The renderer's own panics are
//! caught by pecha (see `pecha_fuzz::init`); any other panic is a finding.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pecha::pdf::{page_count, page_size, render_page};

static SCRATCH: LazyLock<pecha_fuzz::Scratch> = LazyLock::new(pecha_fuzz::Scratch::new);

const SCREEN: (u32, u32) = (48, 27);

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let path = SCRATCH.write_fresh("pdf", bytes);
    let Ok(pages) = page_count(&path) else {
        return;
    };
    assert!(pages > 0);
    for page in 1..=pages.min(2) {
        let _ = page_size(&path, page);
        if let Ok(rendered) = render_page(&path, page, SCREEN) {
            assert!(rendered.width <= SCREEN.0 && rendered.height <= SCREEN.1);
            assert_eq!(
                rendered.rgba.len(),
                rendered.width as usize * rendered.height as usize * 4
            );
        }
    }
});
