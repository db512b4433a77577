//! What the fuzz targets share: where a case is written when Pecha reads it from a file, what
//! every error must say, and the panic hook that tells a panic Pecha catches from one it does not.
//!
//! Most of Pecha's readers take a path (an image, a PDF, a night file, a progress or history
//! file), and the path is part of what is tested (the read caps, the "not a regular file"
//! refusals, the names in messages), so the targets write each case to a file in a [`Scratch`]
//! folder rather than call an inner parser. The folder is on `/dev/shm` when there is one, so
//! thousands of cases a second do not churn the shared disk.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A private folder for this fuzzing process's case files, `pecha-fuzz-PID`.
///
/// Not removed on drop: libFuzzer ends the process with `exit`, which runs no Rust destructors
/// (a fork-mode run starts a process per job, and left hundreds of folders behind). Instead each
/// new one removes the folders of processes that are gone.
pub struct Scratch {
    dir: PathBuf,
    cases: AtomicU64,
}

impl Scratch {
    /// A new folder, on `/dev/shm` if it can be made there.
    #[must_use]
    pub fn new() -> Self {
        let shm = Path::new("/dev/shm");
        let parent = if shm.is_dir() {
            shm.to_path_buf()
        } else {
            std::env::temp_dir()
        };
        remove_folders_of_gone_processes(&parent);
        let dir = parent.join(format!("{PREFIX}{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("a folder for the fuzz cases");
        Self {
            dir,
            cases: AtomicU64::new(0),
        }
    }

    /// The folder.
    #[must_use]
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Write `bytes` to `name` in the folder (over the previous case of that name).
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir().join(name);
        fs::write(&path, bytes).expect("the fuzz case written to the scratch folder");
        path
    }

    /// Write `bytes` to a file no earlier case used, named `case-N.{extension}`, removing the
    /// previous one. For readers that remember the last file by its path, size and modification
    /// time (`pecha::pdf`): two cases of one size written within one tick of the file system's
    /// clock would otherwise be taken for the same file, and a finding would not reproduce.
    pub fn write_fresh(&self, extension: &str, bytes: &[u8]) -> PathBuf {
        let case = self.cases.fetch_add(1, Ordering::Relaxed);
        if let Some(previous) = case.checked_sub(1) {
            let _ = fs::remove_file(self.dir().join(format!("case-{previous}.{extension}")));
        }
        self.write(&format!("case-{case}.{extension}"), bytes)
    }
}

const PREFIX: &str = "pecha-fuzz-";

/// Removes `pecha-fuzz-PID` folders in `parent` whose process no longer runs (Linux: no
/// `/proc/PID`; elsewhere nothing is removed).
fn remove_folders_of_gone_processes(parent: &Path) {
    if !Path::new("/proc/self").exists() {
        return;
    }
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name.to_str().and_then(|name| name.strip_prefix(PREFIX)) else {
            continue;
        };
        if pid.parse::<u32>().is_ok() && !Path::new("/proc").join(pid).exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

impl Default for Scratch {
    fn default() -> Self {
        Self::new()
    }
}

/// Every error Pecha reports about a file starts with the file's name, as messages show it
/// (`pecha::text::shown`), so a host with twelve decks knows which one to fix.
pub fn assert_names_file(message: &str, path: &Path) {
    let shown = pecha::text::shown(path).to_string();
    assert!(
        message.starts_with(&shown),
        "the error does not start with the file's name {shown:?}: {message:?}"
    );
}

/// Panics that Pecha catches on purpose: the PDF renderer's (see `pecha::pdf`: a page that makes
/// hayro panic is an error for that slide, never a crash) and the image decoders' (see
/// `pecha::check`'s `decode.rs`). A panic anywhere else still aborts, as libFuzzer's own hook
/// makes it; one of these is counted and unwinds to Pecha's `catch_unwind`, and if it escapes
/// that, libfuzzer-sys aborts all the same.
const CAUGHT_ON_PURPOSE: &[&str] = &[
    "/hayro",
    "/vello_cpu",
    "/skrifa",
    "/read-fonts",
    "/image-0.",
    "/png-",
    "/fdeflate-",
    "/zune-",
    "/image-webp-",
    "/gif-",
    "/weezl-",
    "/tiff-",
];

/// How many panics of [`CAUGHT_ON_PURPOSE`] this process has seen.
pub static CAUGHT_PANICS: AtomicU64 = AtomicU64::new(0);

/// Installs the panic hook: call it in each target's `init:`, after libfuzzer-sys installed its
/// own (which prints and aborts), which it keeps for every other panic.
pub fn init() {
    let aborting = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let caught = info.location().is_some_and(|location| {
            CAUGHT_ON_PURPOSE
                .iter()
                .any(|crate_path| location.file().contains(crate_path))
        });
        if caught {
            let seen = CAUGHT_PANICS.fetch_add(1, Ordering::Relaxed) + 1;
            // Not every time: a damaged file can make a decoder or the renderer panic often.
            if seen.is_power_of_two() {
                eprintln!(
                    "[pecha-fuzz] decoder or renderer panic #{seen}, caught by pecha: {info}"
                );
            }
        } else {
            aborting(info);
        }
    }));
}
