//! A deck file's bytes, as `Deck::load` reads them: `Deck::from_ron_bytes` (UTF-8 or not) and
//! through it `Deck::from_ron_str`. Every refusal must name the file; a deck that loads must
//! save (`Deck::to_ron`, what saving notes writes) to a file that loads as the same deck.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use pecha::deck::Deck;

/// Where the deck file claims to be: a folder that does not exist, so a `pdf:` it names is
/// missing rather than read from the machine that runs the fuzzer.
const SOURCE: &str = "/nonexistent-pecha-fuzz/Шымкент/deck.ron";

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let source = Path::new(SOURCE);
    let deck = match Deck::from_ron_bytes(bytes.to_vec(), source) {
        Ok(deck) => deck,
        Err(error) => {
            assert_eq!(error.path(), source);
            pecha_fuzz::assert_names_file(&error.to_string(), source);
            return;
        }
    };
    let _ = (deck.format.total(), deck.format.label(), deck.format.timing());
    // A PDF deck needs its PDF, which is never there; image decks round-trip.
    if deck.slides.iter().any(|slide| slide.page.is_some()) {
        return;
    }
    let saved = deck.to_ron(&deck.base_dir);
    let again = Deck::from_ron_str(&saved, source)
        .unwrap_or_else(|error| panic!("a saved deck does not load: {error}\n{saved}"));
    assert_eq!(again.title, deck.title, "{saved}");
    assert_eq!(again.presenter, deck.presenter, "{saved}");
    assert_eq!(again.format, deck.format, "{saved}");
    assert_eq!(again.slides.len(), deck.slides.len(), "{saved}");
    for (read, written) in deck.slides.iter().zip(&again.slides) {
        assert_eq!(read.notes, written.notes, "{saved}");
        // The same path to `PathBuf`'s `==`, compared by components (`01.png/` is saved as
        // `01.png`).
        assert_eq!(read.image, written.image, "{saved}");
    }
});
