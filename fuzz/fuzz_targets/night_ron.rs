//! A night file, as Pecha opens a path: `pecha::open::open` reads it once and decides from its
//! words whether it is a night (`Night::looks_like_night`) or a deck, then parses it as that;
//! `Night::from_ron_str` is also run on every text, night-like or not. Every refusal must name
//! the file, and what was opened must agree with the decision.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pecha::night::Night;
use pecha::open::{Kind, Opened, open};

static SCRATCH: LazyLock<pecha_fuzz::Scratch> = LazyLock::new(pecha_fuzz::Scratch::new);

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let path = SCRATCH.write("night.ron", bytes);
    let text = std::str::from_utf8(bytes).ok();
    let night_like = text.is_some_and(Night::looks_like_night);
    match open(&path) {
        Ok(opened) => {
            assert_eq!(opened.kind() == Kind::Night, night_like);
            if let Opened::Night(night) = opened {
                used(&night);
            }
        }
        Err(error) => {
            // Not UTF-8 is a deck's error (a night file is text); else the words decided.
            assert_eq!(error.kind() == Kind::Night, night_like, "{error}");
            pecha_fuzz::assert_names_file(&error.to_string(), &path);
        }
    }
    if let Some(text) = text {
        let source = Path::new("/nonexistent-pecha-fuzz/nights/night.ron");
        match Night::from_ron_str(text, source) {
            Ok(night) => used(&night),
            Err(error) => pecha_fuzz::assert_names_file(&error.to_string(), source),
        }
    }
});

/// What the host console works out from a night as soon as it is loaded.
fn used(night: &Night) {
    let _ = (night.length(), night.talks().count(), night.format.label());
    let _ = pecha::night::progress::Progress::new(night.running_order.len());
}
