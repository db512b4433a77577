//! A night's progress file, as the host console reads it when a night is opened again after a
//! crash: `ProgressStore::load_for`, against the example night (three talks and a break, 20 x
//! 8 s). A refusal must name the file; a progress that is used must survive what the console
//! does with it (resume a break by the wall clock; the next card, skip, rerun, reorder) and be
//! saved and read back unchanged.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use pecha::night::progress::{ProgressStore, Stage};
use pecha::night::{Item, Night};

static SCRATCH: LazyLock<pecha_fuzz::Scratch> = LazyLock::new(pecha_fuzz::Scratch::new);

static NIGHT: LazyLock<Night> = LazyLock::new(|| {
    Night::from_ron_str(
        include_str!("../../examples/night/night.ron"),
        Path::new("/nonexistent-pecha-fuzz/night/night.ron"),
    )
    .expect("the example night")
});

fuzz_target!(init: pecha_fuzz::init(), |bytes: &[u8]| {
    let night = &*NIGHT;
    let store = ProgressStore::new(SCRATCH.dir(), &night.source);
    std::fs::write(store.path(), bytes).expect("the case written");
    let mut progress = match store.load_for(night) {
        Ok(Some(progress)) => progress,
        Ok(None) => panic!("the progress file was written, yet none was found"),
        Err(error) => {
            let message = error.to_string();
            let shown = pecha::text::shown(store.path()).to_string();
            assert!(message.contains(&shown), "{message}");
            return;
        }
    };
    if let Stage::Break { item, started_unix } = progress.stage {
        // The console's sums on resuming a break (src/app/night.rs): how long it has been on,
        // and when it ends, in seconds and in milliseconds for the log.
        let planned = match &night.running_order[item] {
            Item::Break(pause) => i64::try_from(pause.length.as_secs()).unwrap_or(0),
            Item::Talk(_) => panic!("a break under way at a talk was used"),
        };
        assert!(pecha::clock::unix_now().checked_sub(started_unix).is_some());
        assert!(
            started_unix
                .checked_add(planned)
                .and_then(|ends| ends.checked_mul(1000))
                .is_some()
        );
    }
    store.save(&progress).expect("the progress saved");
    assert_eq!(store.load_for(night).expect("read back").as_ref(), Some(&progress));
    let items = night.running_order.len();
    let _ = (progress.next_waiting(), progress.current_item());
    // What the console does, each with an item or position it could give.
    for (step, &byte) in bytes.iter().rev().take(8).enumerate() {
        let item = usize::from(byte) % items;
        match step % 4 {
            0 => progress.finish_current(),
            1 => progress.skip(item),
            2 => progress.move_item(item, usize::from(byte >> 4) % items),
            _ => progress.rerun(item),
        }
    }
    store.save(&progress).expect("the progress saved");
    assert_eq!(store.load_for(night).expect("read back"), Some(progress));
});
