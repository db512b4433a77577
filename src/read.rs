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
            format!("it is {}, not a file", what_it_is(&metadata)),
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
        format!(
            "it holds {} MB, more than the {} MB such a file may have",
            size.div_ceil(1024 * 1024),
            cap / (1024 * 1024)
        ),
    )
}

/// What a path that is not a regular file is, in words.
fn what_it_is(metadata: &fs::Metadata) -> &'static str {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() || kind.is_block_device() {
            return "a device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
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
