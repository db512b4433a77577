//! A rehearsal history file, as `pecha history` and the rehearsal report read it:
//! `HistoryStore::read`, then the per-slide table `History::to_text` prints. A refusal must name
//! the file; a history that reads must be saved and read back unchanged.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pecha::history::HistoryStore;

static SCRATCH: LazyLock<pecha_fuzz::Scratch> = LazyLock::new(pecha_fuzz::Scratch::new);

/// A deck key as `history::deck_key` makes them: 32 hex digits.
const KEY: &str = "0123456789abcdef0123456789abcdef";

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let store = HistoryStore::new(SCRATCH.dir().to_path_buf());
    let path = store.path_for(KEY);
    std::fs::write(&path, bytes).expect("the case written");
    let history = match store.read(KEY) {
        Ok(Some(history)) => history,
        Ok(None) => panic!("the history file was written, yet none was found"),
        Err(error) => {
            let message = error.to_string();
            let shown = pecha::text::shown(&path).to_string();
            assert!(message.contains(&shown), "{message}");
            return;
        }
    };
    let _ = history.to_text("PechaKucha (20 x 20 s)");
    if let Some(latest) = history.runs.last() {
        let _ = pecha::rehearsal::summarize(&latest.outcomes);
    }
    store.save(KEY, &history).expect("the history saved");
    assert_eq!(store.read(KEY).expect("read back"), Some(history));
});
