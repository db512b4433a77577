//! One Pecha per night file: a lock held for as long as the night is open.
//!
//! Two Pecha on the same night would both offer to resume it, both put a window on the projector
//! and overwrite each other's progress ([`super::progress`]) and log ([`super::log`]), so that a
//! resume afterwards lands in the wrong place. The second one is refused instead: [`NightLock`]
//! takes an operating-system lock on a small file beside the night's progress, in the same data
//! folder and under the same name ([`super::progress::file_key`]), `{key}.lock`.
//!
//! The lock is the kernel's (`flock` on Unix, `LockFileEx` on Windows, through `fs4`), not the
//! file's existence: when the holder dies, however it dies (`kill -9`, a power cut), the kernel
//! lets go of it, so a lock file left behind by a crash is simply locked again by the next Pecha.
//! There is nothing to clean up and no pid to trust. The holder's pid is written inside the file
//! only so that the refusal can name it.

use std::fs::{File, OpenOptions};
use std::io::{self, Read as _, Seek as _, SeekFrom, Write as _};
use std::path::{Path, PathBuf};

use super::progress::file_key;

/// The lock on one night file, held by this process until dropped.
#[derive(Debug)]
pub struct NightLock {
    /// The open lock file: the kernel keeps the lock as long as it is open.
    file: File,
    path: PathBuf,
}

/// Why a night could not be locked.
#[derive(Debug, thiserror::Error)]
pub enum LockError {
    /// Another process holds the lock: the night is open in another Pecha.
    #[error("{}", match holder {
        Some(pid) => crate::tr!("lock-held-pid", pid = (*pid)),
        None => crate::tr!("lock-held"),
    })]
    Held {
        /// The holder's process id, when it could be read (on Windows the locked file cannot).
        holder: Option<u32>,
        /// The lock file.
        path: PathBuf,
    },
    /// The lock file could not be created or locked (a read-only data folder, a file system
    /// without locks).
    #[error("{}", crate::tr!("lock-io", file = path.display().to_string(), error = source.to_string()))]
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the OS said.
        source: io::Error,
    },
}

impl NightLock {
    /// The lock file of `night_file` in `dir` (the night's data folder, see
    /// [`crate::night::user_data_dir`]): `{key}.lock`, beside `{key}.progress.ron`.
    #[must_use]
    pub fn path_for(dir: &Path, night_file: &Path) -> PathBuf {
        dir.join(format!("{}.lock", file_key(night_file)))
    }

    /// Take the lock of `night_file`, without waiting: [`LockError::Held`] when another process
    /// has it. A lock file whose holder died is taken over (the kernel released its lock).
    pub fn acquire(dir: &Path, night_file: &Path) -> Result<Self, LockError> {
        let path = Self::path_for(dir, night_file);
        let io_error = |source| LockError::Io {
            path: path.clone(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io_error)?;
        // Not truncated on open: until the lock is ours, the pid inside is the holder's.
        let mut file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(&path)
            .map_err(io_error)?;
        // Named in full: std's own `File::try_lock` has the same name and would be chosen.
        match fs4::FileExt::try_lock(&file) {
            Ok(()) => {}
            Err(fs4::TryLockError::WouldBlock) => {
                return Err(LockError::Held {
                    holder: read_pid(&mut file),
                    path,
                });
            }
            Err(fs4::TryLockError::Error(source)) => return Err(io_error(source)),
        }
        write_pid(&mut file, std::process::id()).map_err(io_error)?;
        Ok(Self { file, path })
    }

    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for NightLock {
    fn drop(&mut self) {
        // Closing the file releases the lock anyway; the file itself stays (removing it would
        // race with a Pecha opening it just now), and only says "no one" once it is empty.
        let _ = self.file.set_len(0);
        let _ = fs4::FileExt::unlock(&self.file);
    }
}

/// The pid written in a lock file; `None` when it is empty, being rewritten, or unreadable.
fn read_pid(file: &mut File) -> Option<u32> {
    let mut text = String::new();
    file.seek(SeekFrom::Start(0)).ok()?;
    file.read_to_string(&mut text).ok()?;
    text.lines().next()?.trim().parse().ok()
}

fn write_pid(file: &mut File, pid: u32) -> io::Result<()> {
    file.set_len(0)?;
    file.seek(SeekFrom::Start(0))?;
    writeln!(file, "{pid}")?;
    file.flush()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_is_refused_until_the_first_is_dropped() {
        let dir = std::env::temp_dir().join(format!("pecha-lock-{}", std::process::id()));
        let night = Path::new("nights/Шымкент.ron");
        let first = NightLock::acquire(&dir, night).unwrap();
        assert!(first.path().to_string_lossy().ends_with(".lock"));
        // A second open file description conflicts even in the same process.
        let refused = NightLock::acquire(&dir, night).unwrap_err();
        assert!(
            matches!(refused, LockError::Held { .. }),
            "{refused:?} is not Held"
        );
        if cfg!(unix) {
            let LockError::Held { holder, .. } = refused else {
                unreachable!()
            };
            assert_eq!(holder, Some(std::process::id()));
        }
        // Another night is another lock.
        let other = NightLock::acquire(&dir, Path::new("nights/other.ron")).unwrap();
        drop(first);
        let again = NightLock::acquire(&dir, night).unwrap();
        drop((again, other));
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_refusal_names_the_holder() {
        let held = LockError::Held {
            holder: Some(1234),
            path: PathBuf::from("n.lock"),
        };
        assert_eq!(
            held.to_string(),
            "This night is already open in another Pecha (pid 1234) on this computer: close that one first"
        );
        let unknown = LockError::Held {
            holder: None,
            path: PathBuf::from("n.lock"),
        };
        assert!(
            unknown
                .to_string()
                .starts_with("This night is already open in another Pecha on")
        );
    }
}
