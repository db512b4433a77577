//! Writing files so that a crash, a full disk or a failing write never leaves a half-written one.
//!
//! Deck files carry a presenter's notes and history files their rehearsals: losing either to a
//! power cut mid-write would be worse than not saving at all. So a file is written whole to a
//! temporary file in the same folder, flushed to disk, and only then renamed over the original
//! (a rename within one file system is atomic). Before that, the previous version is copied to
//! `NAME.bak`, so one earlier version survives a save the user regrets.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be saved. The original file, if any, is untouched.
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::tr!("save-failed", file = crate::text::shown(path).to_string(), error = source.to_string()))]
pub struct SaveError {
    /// The file that was to be written.
    pub path: PathBuf,
    /// What the OS said.
    pub source: io::Error,
}

/// Whether to keep the previous version as `NAME.bak`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backup {
    /// Copy the previous version to `NAME.bak` first.
    Keep,
    /// No backup (files the app rewrites often, like history).
    None,
}

/// The temporary file a save of `path` writes first: hidden, beside it, on the same file system.
#[must_use]
pub fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.pecha-tmp"))
}

/// The backup of `path`: `deck.ron` -> `deck.ron.bak`.
#[must_use]
pub fn backup_path(path: &Path) -> PathBuf {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!("{name}.bak"))
}

/// Replace `path` with `contents`, atomically.
pub fn write_atomically(path: &Path, contents: &[u8], backup: Backup) -> Result<(), SaveError> {
    write_atomically_with(path, backup, |file| file.write_all(contents))
}

/// Replace `path` with what `write` writes, atomically. Should `write` fail, the temporary file is
/// removed and `path` is untouched (tests use this to simulate a failing disk).
pub fn write_atomically_with(
    path: &Path,
    backup: Backup,
    write: impl FnOnce(&mut File) -> io::Result<()>,
) -> Result<(), SaveError> {
    let error = |source| SaveError {
        path: path.to_path_buf(),
        source,
    };
    let temporary = temporary_path(path);
    let result = (|| {
        let mut file = File::create(&temporary)?;
        write(&mut file)?;
        file.sync_all()
    })();
    if let Err(source) = result {
        let _ = fs::remove_file(&temporary);
        return Err(error(source));
    }
    if backup == Backup::Keep
        && path.is_file()
        && let Err(source) = fs::copy(path, backup_path(path))
    {
        let _ = fs::remove_file(&temporary);
        return Err(error(source));
    }
    if let Err(source) = fs::rename(&temporary, path) {
        let _ = fs::remove_file(&temporary);
        return Err(error(source));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn folder() -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "pecha-save-{}-{:?}",
            std::process::id(),
            std::thread::current().id()
        ));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_save_replaces_the_file_and_keeps_one_backup() {
        let dir = folder();
        let path = dir.join("deck.ron");
        fs::write(&path, "first").unwrap();
        write_atomically(&path, b"second", Backup::Keep).unwrap();
        write_atomically(&path, b"third", Backup::Keep).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "third");
        assert_eq!(fs::read_to_string(backup_path(&path)).unwrap(), "second");
        assert!(!temporary_path(&path).exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_original_and_no_temporary_file() {
        let dir = folder();
        let path = dir.join("deck.ron");
        fs::write(&path, "original").unwrap();
        let result = write_atomically_with(&path, Backup::Keep, |file| {
            file.write_all(b"half a dec")?;
            Err(io::Error::other("disk full"))
        });
        let message = result.unwrap_err().to_string();
        assert!(
            message.contains("deck.ron") && message.contains("disk full"),
            "{message}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "original");
        assert!(!temporary_path(&path).exists());
        assert!(!backup_path(&path).exists());
        fs::remove_dir_all(dir).unwrap();
    }
}
