//! A slide's image file, as `pecha check` decodes it (`check::probe_image`, under the decode
//! limits) and as the slide pipeline prepares it for a screen (`slides::prepare_for_screen`,
//! here a small one so a case stays fast). An image the check passes must be shown, at the size
//! the check found.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pecha::check::probe_image;
use pecha::slides::{fit_within, prepare_for_screen};

static SCRATCH: LazyLock<pecha_fuzz::Scratch> = LazyLock::new(pecha_fuzz::Scratch::new);

/// A small screen: scaling is tested, and a case stays fast.
const SCREEN: (u32, u32) = (64, 36);

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let path = SCRATCH.write("slide.png", bytes);
    let Ok(info) = probe_image(&path) else {
        return;
    };
    let shown = prepare_for_screen(&path, SCREEN)
        .unwrap_or_else(|error| panic!("checked as fine, but not shown: {error}"));
    assert_eq!(
        (shown.width, shown.height),
        fit_within((info.width, info.height), SCREEN)
    );
});
