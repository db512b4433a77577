//! Reading a file whole, the one way Pecha does it: only a regular file, and only up to a size
//! cap. A named pipe, `/dev/zero` or `/dev/urandom` given as a deck or a night would otherwise
//! block the reader forever or fill the memory; here they are refused before they are opened.
//!
//! Refusals are [`std::io::Error`]s of their own kinds ([`io::ErrorKind::InvalidInput`] for a
//! file that is not a regular file, [`io::ErrorKind::FileTooLarge`] for one over the cap), so
//! every loader keeps its error type (with the path) and [`crate::deck::io_reason`] words them.

use std::fs;
use std::io::{self, Read};
use std::path::Path;

/// The most a deck or night file may hold: far more than 100 slides with long notes (a
/// PechaKucha deck file is a few kilobytes), far less than would strain the memory.
pub const TEXT_FILE_CAP: u64 = 16 * 1024 * 1024;

/// Read `path` whole if it is a regular file of at most `cap` bytes.
pub fn whole_file(path: &Path, cap: u64) -> io::Result<Vec<u8>> {
    let metadata = fs::metadata(path)?;
    if !metadata.is_file() {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            Refusal::NotAFile(what_it_is(&metadata)),
        ));
    }
    if metadata.len() > cap {
        return Err(too_big(metadata.len(), cap));
    }
    let mut bytes = Vec::new();
    // A file that grows while it is read still stops at the cap.
    fs::File::open(path)?
        .take(cap + 1)
        .read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Err(too_big(bytes.len() as u64, cap));
    }
    Ok(bytes)
}

/// Read `path` whole as UTF-8 text, with the same rules as [`whole_file`].
pub fn whole_text(path: &Path, cap: u64) -> io::Result<String> {
    String::from_utf8(whole_file(path, cap)?)
        .map_err(|error| io::Error::new(io::ErrorKind::InvalidData, error))
}

fn too_big(size: u64, cap: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::FileTooLarge,
        Refusal::TooBig {
            megabytes: size.div_ceil(1024 * 1024),
            cap_megabytes: cap / (1024 * 1024),
        },
    )
}

/// Why Pecha would not read (or write) a path, carried inside an [`io::Error`] of its own kind,
/// and worded when it is shown, in that thread's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// A folder, a named pipe, a device or a socket where a file was wanted.
    NotAFile(NotAFile),
    /// More than a file of its kind may hold.
    TooBig {
        /// Its size, in MB rounded up.
        megabytes: u64,
        /// The most it may hold, in MB.
        cap_megabytes: u64,
    },
    /// A notes file Pecha will not write over (a bare PDF's `NAME.ron` that exists already).
    Exists,
    /// The notes of a PowerPoint or Impress deck, which are the file's own (Pecha never writes
    /// into a presenter's .pptx).
    PresentationNotes,
}

/// What a path that is not a regular file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAFile {
    /// A folder.
    Folder,
    /// A named pipe.
    Fifo,
    /// A character or block device.
    Device,
    /// A socket.
    Socket,
    /// Something else, or one of those where it cannot be told apart.
    Other,
}

impl std::error::Error for Refusal {}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::NotAFile(NotAFile::Folder) => crate::tr!("read-folder"),
            Self::NotAFile(NotAFile::Fifo) => crate::tr!("read-fifo"),
            Self::NotAFile(NotAFile::Device) => crate::tr!("read-device"),
            Self::NotAFile(NotAFile::Socket) => crate::tr!("read-socket"),
            Self::NotAFile(NotAFile::Other) => crate::tr!("read-not-regular"),
            Self::TooBig {
                megabytes,
                cap_megabytes,
            } => crate::tr!("read-too-big", size = (*megabytes), cap = (*cap_megabytes)),
            Self::Exists => crate::tr!("save-exists"),
            Self::PresentationNotes => crate::tr!("save-presentation-notes"),
        };
        f.write_str(&text)
    }
}

/// What a path that is not a regular file is.
fn what_it_is(metadata: &fs::Metadata) -> NotAFile {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return NotAFile::Folder;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return NotAFile::Fifo;
        }
        if kind.is_char_device() || kind.is_block_device() {
            return NotAFile::Device;
        }
        if kind.is_socket() {
            return NotAFile::Socket;
        }
    }
    NotAFile::Other
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deck.ron");
        fs::write(&path, "(title: \"Арыки\")").unwrap();
        assert_eq!(
            whole_text(&path, TEXT_FILE_CAP).unwrap(),
            "(title: \"Арыки\")"
        );
    }

    #[test]
    fn a_file_over_the_cap_is_refused_by_its_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.ron");
        fs::write(&path, vec![b' '; 3 * 1024 * 1024]).unwrap();
        let error = whole_file(&path, 2 * 1024 * 1024).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::FileTooLarge);
        assert!(error.to_string().contains("3 MB"), "{error}");
    }

    #[test]
    fn a_folder_is_not_read() {
        let dir = tempfile::tempdir().unwrap();
        let error = whole_file(dir.path(), TEXT_FILE_CAP).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidInput);
        assert!(error.to_string().contains("a folder"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn devices_and_pipes_are_refused_without_blocking() {
        let error = whole_file(Path::new("/dev/zero"), TEXT_FILE_CAP).unwrap_err();
        assert!(error.to_string().contains("a device"), "{error}");
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("deck.ron");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        // Opening a FIFO for reading would wait for a writer forever: it is never opened.
        let error = whole_file(&fifo, TEXT_FILE_CAP).unwrap_err();
        assert!(error.to_string().contains("named pipe"), "{error}");
    }
}
